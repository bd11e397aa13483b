package dev.callcenter.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.cti.call.AgentAnswered;
import dev.callcenter.cti.call.AgentNoAnswer;
import dev.callcenter.cti.call.AgentRinging;
import dev.callcenter.cti.call.CallAbandoned;
import dev.callcenter.cti.call.CallCompleted;
import dev.callcenter.cti.call.CallHungUp;
import dev.callcenter.cti.call.CallOffered;
import dev.callcenter.cti.call.CallQueued;
import dev.callcenter.cti.call.CallerId;
import dev.callcenter.cti.call.DeviceStatus;
import dev.callcenter.cti.call.MemberAdded;
import dev.callcenter.cti.call.MemberPaused;
import dev.callcenter.cti.call.MemberRemoved;
import dev.callcenter.cti.call.MemberStatusChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;

class AmiEventTranslatorTest {
  private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");
  private static final String CALL = "1795330065.0";

  private final AmiEventTranslator translator =
      new AmiEventTranslator(
          new NumberingConfig("US", Map.of("PJSIP/tw-trunk", "TW"), Map.of("from-pstn", "TW")),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void theCallersRingingChannelOffersTheCall() {
    NewChannelEvent e = newChannel("PJSIP/pstn-00000000", CALL, CALL, 4);
    e.setCallerIdNum("02-2345-6789");
    e.setCallerIdName("張三");
    e.setContext("from-pstn");
    e.setExten("200");

    assertThat(translator.translate(e))
        .contains(
            new CallOffered(
                CALL,
                NOW,
                CALL,
                "PJSIP/pstn-00000000",
                new CallerId("02-2345-6789", "+886223456789", false, "張三"),
                "from-pstn",
                "200"));
  }

  @Test
  void agentLegsLocalHalvesAndOriginatedChannelsOfferNothing() {
    assertThat(translator.translate(newChannel("PJSIP/agent1001-01", "2.1", CALL, 0))).isEmpty();
    assertThat(translator.translate(newChannel("Local/1001@agents-01;1", "3.2", "3.2", 4)))
        .isEmpty();
    assertThat(translator.translate(newChannel("PJSIP/agent1001-02", "4.3", "4.3", 0))).isEmpty();
  }

  @Test
  void theTrunkRegionWinsOverTheContextAndTheDefault() {
    NewChannelEvent onTwTrunk = newChannel("PJSIP/tw-trunk-00000001", CALL, CALL, 4);
    onTwTrunk.setCallerIdNum("0223456789");
    onTwTrunk.setContext("elsewhere");
    NewChannelEvent onDefault = newChannel("PJSIP/us-trunk-00000002", "5.0", "5.0", 4);
    onDefault.setCallerIdNum("2025550123");
    onDefault.setContext("elsewhere");

    assertThat(offered(onTwTrunk).caller().e164()).isEqualTo("+886223456789");
    assertThat(offered(onDefault).caller().e164()).isEqualTo("+12025550123");
  }

  @Test
  void anUnknownCallerIsAnonymous() {
    NewChannelEvent e = newChannel("PJSIP/pstn-00000000", CALL, CALL, 4);
    e.setCallerIdNum(null);
    e.setCallerIdName(null);

    assertThat(offered(e).caller()).isEqualTo(CallerId.anonymousCaller());
  }

  @Test
  void queueJoinQueuesTheCall() {
    QueueCallerJoinEvent e = new QueueCallerJoinEvent(this);
    e.setLinkedId(CALL);
    e.setQueue("support");
    e.setPosition(2);

    assertThat(translator.translate(e)).contains(new CallQueued(CALL, NOW, "support", 2));
  }

  @Test
  void agentCalledCarriesTheQueuedCallerNotTheDestinationLeg() {
    AgentCalledEvent e = new AgentCalledEvent(this);
    e.setLinkedId(CALL);
    e.setChannel("PJSIP/pstn-00000000");
    e.setContext("from-pstn");
    e.setCallerIdNum("0287654321");
    e.setCallerIdName("O\\'Brien");
    e.setDestCallerIdNum("1001");
    e.setDestCallerIdName("Agent 1001");
    e.setQueue("support");
    e.setInterface("PJSIP/agent1001");
    e.setMemberName("Agent 1001");

    assertThat(translator.translate(e))
        .contains(
            new AgentRinging(
                CALL,
                NOW,
                "support",
                "PJSIP/agent1001",
                "Agent 1001",
                new CallerId("0287654321", "+886287654321", false, "O'Brien")));
  }

  @Test
  void ringNoAnswerTimeIsReadAsMilliseconds() {
    AgentRingNoAnswerEvent e = new AgentRingNoAnswerEvent(this);
    e.setLinkedId(CALL);
    e.setQueue("support");
    e.setInterface("Local/1002@agents/n");
    e.setMemberName("Agent 1002");
    e.setRingtime(15_000L);

    assertThat(translator.translate(e))
        .contains(
            new AgentNoAnswer(
                CALL, NOW, "support", "Local/1002@agents/n", "Agent 1002", Duration.ofSeconds(15)));
  }

  @Test
  void agentConnectTimesAreSeconds() {
    AgentConnectEvent e = new AgentConnectEvent(this);
    e.setLinkedId(CALL);
    e.setQueue("support");
    e.setInterface("PJSIP/agent1001");
    e.setMemberName("Agent 1001");
    e.setHoldTime(18L);
    e.setRingtime(1L);
    e.setDestUniqueId("1795312800.18");

    assertThat(translator.translate(e))
        .contains(
            new AgentAnswered(
                CALL, NOW, "support", "PJSIP/agent1001", "Agent 1001", 18, 1, "1795312800.18"));
  }

  @Test
  void agentCompleteSaysWhoHungUp() {
    assertThat(complete("caller").endedBy()).isEqualTo(CallCompleted.EndedBy.CALLER);
    assertThat(complete("agent").endedBy()).isEqualTo(CallCompleted.EndedBy.AGENT);
    assertThat(complete("transfer").endedBy()).isEqualTo(CallCompleted.EndedBy.TRANSFER);
    assertThat(complete("something-new").endedBy()).isEqualTo(CallCompleted.EndedBy.OTHER);
    assertThat(complete("agent"))
        .isEqualTo(
            new CallCompleted(
                CALL,
                NOW,
                "support",
                "PJSIP/agent1001",
                "Agent 1001",
                6,
                2,
                CallCompleted.EndedBy.AGENT));
  }

  @Test
  void abandonKeepsPositionsAndHoldTime() {
    QueueCallerAbandonEvent e = new QueueCallerAbandonEvent(this);
    e.setLinkedId(CALL);
    e.setQueue("support");
    e.setPosition(1);
    e.setOriginalPosition(3);
    e.setHoldTime(8);

    assertThat(translator.translate(e)).contains(new CallAbandoned(CALL, NOW, "support", 1, 3, 8));
  }

  @Test
  void hangupOfARealLegEndsItButLocalHalvesAreDuplicates() {
    HangupEvent real = hangup("PJSIP/agent1001-00000001", "1795330067.1");
    HangupEvent half1 = hangup("Local/1001@agents-00000001;1", "1795330068.2");
    HangupEvent half2 = hangup("Local/1001@agents-00000001;2", "1795330068.3");

    assertThat(translator.translate(real))
        .contains(
            new CallHungUp(
                CALL, NOW, "1795330067.1", "PJSIP/agent1001-00000001", 16, "Normal Clearing"));
    assertThat(translator.translate(half1)).isEmpty();
    assertThat(translator.translate(half2)).isEmpty();
  }

  @Test
  void memberEventsNameTheAgentByInterface() {
    QueueMemberAddedEvent added = new QueueMemberAddedEvent(this);
    fill(added);
    QueueMemberRemovedEvent removed = new QueueMemberRemovedEvent(this);
    fill(removed);
    QueueMemberPauseEvent pause = new QueueMemberPauseEvent(this);
    fill(pause);
    pause.setPaused(true);
    pause.setPausedreason("lunch");
    QueueMemberStatusEvent status = new QueueMemberStatusEvent(this);
    status.setQueue("sales");
    status.setInterface("PJSIP/agent1001");
    status.setMemberName("Alice");
    status.setStatus(6);

    assertThat(translator.translate(added))
        .contains(new MemberAdded(NOW, "sales", "PJSIP/agent1001", "Alice", false, null));
    assertThat(translator.translate(removed))
        .contains(new MemberRemoved(NOW, "sales", "PJSIP/agent1001", "Alice"));
    assertThat(translator.translate(pause))
        .contains(new MemberPaused(NOW, "sales", "PJSIP/agent1001", "Alice", true, "lunch"));
    assertThat(translator.translate(status))
        .contains(
            new MemberStatusChanged(
                NOW, "sales", "PJSIP/agent1001", "Alice", DeviceStatus.RINGING));
  }

  @Test
  void aMemberAddedPausedIsPausedWithItsReason() {
    // QueueAdd with Paused: true is announced by QueueMemberAdded alone (Asterisk 22)
    QueueMemberAddedEvent added = new QueueMemberAddedEvent(this);
    fill(added);
    added.setPaused(true);
    added.setPausedReason("lunch");

    assertThat(translator.translate(added))
        .contains(new MemberAdded(NOW, "sales", "PJSIP/agent1001", "Alice", true, "lunch"));
  }

  @Test
  void noiseGivesNothing() {
    VarSetEvent varSet = new VarSetEvent(this);
    varSet.setVariable("QUEUEWAIT");
    varSet.setValue("2");
    NewExtenEvent newExten = new NewExtenEvent(this);

    assertThat(translator.translate(varSet)).isEmpty();
    assertThat(translator.translate(newExten)).isEmpty();
  }

  @Test
  void aPbxTimestampWinsOverTheClock() {
    QueueCallerJoinEvent e = new QueueCallerJoinEvent(this);
    e.setLinkedId(CALL);
    e.setQueue("support");
    e.setPosition(1);
    e.setTimestamp(1795330065.25);

    assertThat(translator.translate(e).orElseThrow().at())
        .isEqualTo(Instant.ofEpochSecond(1795330065L, 250_000_000));
  }

  private CallOffered offered(NewChannelEvent e) {
    return (CallOffered) translator.translate(e).orElseThrow();
  }

  @Test
  void anAgentCompleteWithoutTheCallersSnapshotIsKeyedByTheAgentsLeg() {
    // As Asterisk 22 sent it when the caller hung up first: only the Dest* (agent leg) fields.
    AgentCompleteEvent e = new AgentCompleteEvent(this);
    e.setDestChannel("PJSIP/1002-00000004");
    e.setDestUniqueId("1796549476.4");
    e.setDestLinkedId("1796549476.3");
    e.setQueue("support");
    e.setInterface("PJSIP/1002");
    e.setMemberName("agent2");
    e.setTalkTime(4L);
    e.setHoldTime(2L);
    e.setReason("caller");

    CallCompleted completed = (CallCompleted) translator.translate(e).orElseThrow();

    assertThat(completed.callId()).isEqualTo("1796549476.3");
    assertThat(completed.talkSeconds()).isEqualTo(4);
    AgentCompleteEvent neither = new AgentCompleteEvent(this);
    neither.setQueue("support");
    assertThat(translator.translate(neither)).isEmpty();
  }

  private CallCompleted complete(String reason) {
    AgentCompleteEvent e = new AgentCompleteEvent(this);
    e.setLinkedId(CALL);
    e.setQueue("support");
    e.setInterface("PJSIP/agent1001");
    e.setMemberName("Agent 1001");
    e.setTalkTime(6L);
    e.setHoldTime(2L);
    e.setReason(reason);
    return (CallCompleted) translator.translate(e).orElseThrow();
  }

  private NewChannelEvent newChannel(String channel, String uniqueid, String linkedid, int state) {
    NewChannelEvent e = new NewChannelEvent(this);
    e.setChannel(channel);
    e.setUniqueId(uniqueid);
    e.setLinkedid(linkedid);
    e.setChannelState(state);
    e.setCallerIdNum("0912345678");
    return e;
  }

  private HangupEvent hangup(String channel, String uniqueid) {
    HangupEvent e = new HangupEvent(this);
    e.setChannel(channel);
    e.setUniqueId(uniqueid);
    e.setLinkedId(CALL);
    e.setCause(16);
    e.setCauseTxt("Normal Clearing");
    return e;
  }

  private static void fill(org.asteriskjava.manager.event.AbstractQueueMemberEvent e) {
    e.setQueue("sales");
    e.setInterface("PJSIP/agent1001");
    e.setMemberName("Alice");
  }
}
