package dev.callcenter.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.cti.call.AgentAnswered;
import dev.callcenter.cti.call.AgentNoAnswer;
import dev.callcenter.cti.call.AgentRinging;
import dev.callcenter.cti.call.CallAbandoned;
import dev.callcenter.cti.call.CallCompleted;
import dev.callcenter.cti.call.CallEvent;
import dev.callcenter.cti.call.CallHungUp;
import dev.callcenter.cti.call.CallOffered;
import dev.callcenter.cti.call.CallQueued;
import dev.callcenter.cti.call.CallerId;
import dev.callcenter.cti.call.DialEnded;
import dev.callcenter.cti.call.PhoneDialed;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.pbx.Caller;
import dev.callcenter.pbxsim.replay.RawCapture;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Asterisk-Java client on the simulator's AMI, its events fed into the translator. */
class AmiTranslationEndToEndTest {
  private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T07:00:00Z"));
  private final AmiEventTranslator translator =
      new AmiEventTranslator(
          new NumberingConfig("US", Map.of(), Map.of("from-pstn", "TW")), time.clock());
  private PbxSimulator sim;
  private TranslatingAmiClient client;

  @BeforeEach
  void start() throws Exception {
    sim = PbxSimulator.start(AmiConfig.defaults(), time);
    sim.pbx().addQueue("support");
    sim.pbx().addMember("support", "PJSIP/1001", "Agent 1001");
    sim.pbx().addMember("support", "PJSIP/1002", "Agent 1002");
    client = TranslatingAmiClient.loggedIn(sim.amiPort(), translator);
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  @Test
  void answeredQueueCallIsOfferedQueuedRungAnsweredCompletedAndHungUp() throws Exception {
    CallHandle call =
        sim.calls().inboundQueueCall("02-2345-6789", "張三", "support").answeredBy("PJSIP/1001");
    time.advance(Duration.ofSeconds(10));

    List<CallEvent> events = client.callUntil(call.linkedid(), hangupOf(call));

    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "CallOffered",
            "CallQueued",
            "AgentRinging",
            "AgentAnswered",
            "CallCompleted",
            "CallHungUp",
            "CallHungUp");
    CallerId caller = new CallerId("02-2345-6789", "+886223456789", false, "張三");
    assertThat(((CallOffered) events.get(0)).caller()).isEqualTo(caller);
    assertThat(((CallOffered) events.get(0)).uniqueid()).isEqualTo(call.uniqueid());
    assertThat(((CallQueued) events.get(1)).queue()).isEqualTo("support");
    AgentRinging ringing = (AgentRinging) events.get(2);
    assertThat(ringing.caller()).isEqualTo(caller);
    assertThat(ringing.agentInterface()).isEqualTo("PJSIP/1001");
    assertThat(ringing.memberName()).isEqualTo("Agent 1001");
    AgentAnswered answered = (AgentAnswered) events.get(3);
    assertThat(answered.agentInterface()).isEqualTo("PJSIP/1001");
    assertThat(answered.ringSeconds()).isEqualTo(2);
    CallCompleted completed = (CallCompleted) events.get(4);
    assertThat(completed.talkSeconds()).isEqualTo(6);
    assertThat(completed.endedBy()).isEqualTo(CallCompleted.EndedBy.AGENT);
    assertThat(((CallHungUp) events.get(5)).channel()).startsWith("PJSIP/1001-");
    assertThat(((CallHungUp) events.get(6)).cause()).isEqualTo(16);
  }

  @Test
  void ringNoAnswerGivesTheRingTimeFromMillisecondsThenTheNextAgentAnswers() throws Exception {
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0912345678", "李四", "support")
            .noAnswerFrom("PJSIP/1002", Duration.ofSeconds(15))
            .answeredBy("PJSIP/1001", Duration.ofSeconds(1), Duration.ofSeconds(5), HangupBy.AGENT);
    time.advance(Duration.ofSeconds(30));

    List<CallEvent> events = client.callUntil(call.linkedid(), hangupOf(call));

    assertThat(events)
        .filteredOn(AgentNoAnswer.class::isInstance)
        .singleElement()
        .isInstanceOfSatisfying(
            AgentNoAnswer.class,
            rna -> {
              assertThat(rna.agentInterface()).isEqualTo("PJSIP/1002");
              assertThat(rna.ringTime()).isEqualTo(Duration.ofSeconds(15));
            });
    assertThat(events)
        .filteredOn(AgentAnswered.class::isInstance)
        .singleElement()
        .isInstanceOfSatisfying(
            AgentAnswered.class,
            a -> {
              assertThat(a.agentInterface()).isEqualTo("PJSIP/1001");
              assertThat(a.holdSeconds()).isEqualTo(18);
              assertThat(a.ringSeconds()).isEqualTo(1);
            });
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsSubsequence("AgentRinging", "AgentNoAnswer", "AgentRinging", "AgentAnswered");
  }

  @Test
  void callerHangingUpInTheQueueAbandonsTheCall() throws Exception {
    CallHandle call =
        sim.calls()
            .inboundQueueCall("+886223456789", "PSTN +886223456789", "support")
            .abandonedAfter(Duration.ofSeconds(8), "PJSIP/1001");
    time.advance(Duration.ofSeconds(8));

    List<CallEvent> events = client.callUntil(call.linkedid(), hangupOf(call));

    assertThat(events)
        .filteredOn(CallAbandoned.class::isInstance)
        .singleElement()
        .isEqualTo(new CallAbandoned(call.linkedid(), abandonedAt(events), "support", 1, 1, 8));
    assertThat(events).noneMatch(AgentAnswered.class::isInstance);
  }

  @Test
  void withheldNumberGivesAnAnonymousCaller() throws Exception {
    CallHandle call =
        sim.calls().inboundQueueCall(Caller.anonymous(), "support").answeredBy("PJSIP/1001");
    time.advance(Duration.ofSeconds(10));

    List<CallEvent> events = client.callUntil(call.linkedid(), hangupOf(call));

    assertThat(((CallOffered) events.get(0)).caller()).isEqualTo(CallerId.anonymousCaller());
    assertThat(events)
        .filteredOn(AgentRinging.class::isInstance)
        .singleElement()
        .satisfies(r -> assertThat(((AgentRinging) r).caller().anonymous()).isTrue());
  }

  @Test
  void replayedRealCaptureTranslatesToTheCallsStepsUnderItsLinkedid() throws Exception {
    String linkedid = "1795330065.0";
    sim.replay(capture("ivr-then-queue-answered.raw"));

    List<CallEvent> events =
        client.callUntil(linkedid, e -> e instanceof CallHungUp h && h.uniqueid().equals(linkedid));

    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "CallOffered",
            "CallQueued",
            "AgentRinging",
            // app_queue's own Dial of the agent (the live state leaves it to the queue events)
            "PhoneDialed",
            "DialEnded",
            "AgentAnswered",
            "HangUpRequested",
            "CallCompleted",
            "CallHungUp",
            "CallHungUp");
    assertThat(events).allMatch(e -> e.callId().equals(linkedid));
    CallOffered offered = (CallOffered) events.get(0);
    assertThat(offered.caller().number()).isEqualTo("15551230000");
    assertThat(offered.caller().name()).isEqualTo("PSTN 15551230000");
    assertThat(offered.exten()).isEqualTo("100");
    assertThat(((AgentRinging) events.get(2)).agentInterface()).isEqualTo("PJSIP/agent1001");
    assertThat(((PhoneDialed) events.get(3)).agentInterface()).isEqualTo("PJSIP/agent1001");
    assertThat(((DialEnded) events.get(4)).answered()).isTrue();
    assertThat(((CallCompleted) events.get(7)).endedBy()).isEqualTo(CallCompleted.EndedBy.CALLER);
  }

  @Test
  void replayedCaptureKeepsUtf8NamesAndUndoesCEscapes() throws Exception {
    sim.replay(capture("chinese-name.raw"));

    List<CallEvent> first = client.callUntil("1795331383.5", AgentRinging.class::isInstance);
    List<CallEvent> second = client.callUntil("1795331392.7", AgentRinging.class::isInstance);

    assertThat(((AgentRinging) first.getLast()).caller())
        .isEqualTo(new CallerId("0912345678", "+886912345678", false, "張三"));
    assertThat(((AgentRinging) second.getLast()).caller())
        .isEqualTo(new CallerId("0287654321", "+886287654321", false, "O'Brien"));
  }

  private RawCapture capture(String name) throws Exception {
    return RawCapture.load(Path.of(getClass().getResource("/captures/" + name).toURI()));
  }

  private static Predicate<CallEvent> hangupOf(CallHandle call) {
    return e -> e instanceof CallHungUp h && h.uniqueid().equals(call.uniqueid());
  }

  private static Instant abandonedAt(List<CallEvent> events) {
    return events.stream().filter(CallAbandoned.class::isInstance).findFirst().orElseThrow().at();
  }
}
