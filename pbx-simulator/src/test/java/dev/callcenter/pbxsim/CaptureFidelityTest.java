package dev.callcenter.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.ami.AmiMessage;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's events carry the same keys, in the same order, as a real Asterisk 22. */
class CaptureFidelityTest {
  private static final String BANNER = "Asterisk Call Manager/11.0.0";
  private static final java.util.Set<String> CALL_EVENTS =
      java.util.Set.of(
          "Newchannel",
          "QueueCallerJoin",
          "AgentCalled",
          "QueueCallerLeave",
          "AgentConnect",
          "AgentComplete",
          "QueueMemberStatus",
          "Hangup");
  private final List<String> callEventOrder = new ArrayList<>();
  private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T07:00:00Z"));
  private PbxSimulator sim;
  private RawAmiClient client;

  @BeforeEach
  void start() throws Exception {
    sim = PbxSimulator.start(AmiConfig.defaults(), time);
    sim.pbx().addQueue("support");
    sim.pbx().addQueue("sales");
    sim.pbx().addMember("support", "PJSIP/agent1001", "Agent 1001");
    sim.pbx().addMember("support", "PJSIP/agent1002", "Agent 1002");
    client = new RawAmiClient(sim.amiPort());
    client.login(BANNER);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    sim.close();
  }

  @Test
  void answeredQueueCallEventsHaveTheCapturedKeys() throws Exception {
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0912345678", "張三", "support")
            .answeredBy(
                "PJSIP/agent1001", Duration.ofSeconds(1), Duration.ofSeconds(4), HangupBy.AGENT);
    time.advance(Duration.ofSeconds(10));

    Map<String, AmiMessage> events = eventsUntilHangupOf(call.uniqueid());

    for (String name :
        List.of(
            "Newchannel",
            "QueueCallerJoin",
            "AgentCalled",
            "QueueCallerLeave",
            "AgentConnect",
            "AgentComplete",
            "QueueMemberStatus",
            "Hangup")) {
      assertThat(Captures.keys(events.get(name)))
          .as(name)
          .isEqualTo(Captures.keysOfFirst("chinese-name.raw", name));
    }
    assertThat(callEventOrder)
        .isEqualTo(
            Captures.packets("chinese-name.raw").stream()
                .map(AmiMessage::event)
                .filter(CALL_EVENTS::contains)
                .limit(callEventOrder.size())
                .toList());
    assertThat(events.get("AgentCalled").getOrEmpty("CallerIDName")).isEqualTo("張三");
    assertThat(events.get("AgentCalled").getOrEmpty("DestConnectedLineName")).isEqualTo("張三");
    assertThat(events.get("AgentCalled").getOrEmpty("ConnectedLineNum")).isEqualTo("<unknown>");
  }

  @Test
  void ringNoAnswerAndAbandonEventsHaveTheCapturedKeys() throws Exception {
    CallHandle call =
        sim.calls()
            .inboundQueueCall("+886223456789", "PSTN +886223456789", "support")
            .noAnswerFrom("PJSIP/agent1002", Duration.ofSeconds(15))
            .abandonedAfter(Duration.ofSeconds(20), "PJSIP/agent1001");
    time.advance(Duration.ofSeconds(20));

    Map<String, AmiMessage> events = eventsUntilHangupOf(call.uniqueid());

    assertThat(Captures.keys(events.get("AgentRingNoAnswer")))
        .isEqualTo(Captures.keysOfFirst("rna-then-answer.raw", "AgentRingNoAnswer"));
    assertThat(Captures.keys(events.get("QueueCallerAbandon")))
        .isEqualTo(Captures.keysOfFirst("abandoned.raw", "QueueCallerAbandon"));
    assertThat(events.get("AgentRingNoAnswer").getOrEmpty("RingTime")).isEqualTo("15000");
  }

  @Test
  void memberControlAndQueueStatusHaveTheCapturedKeys() throws Exception {
    client.send(
        "Action: QueueAdd",
        "ActionID: qadd-1",
        "Queue: sales",
        "Interface: PJSIP/agent1001",
        "MemberName: Alice",
        "Penalty: 0");
    AmiMessage added = client.readUntil("Event", "QueueMemberAdded");
    client.send(
        "Action: QueuePause",
        "ActionID: qpause-1",
        "Queue: sales",
        "Interface: PJSIP/agent1001",
        "Paused: true",
        "Reason: lunch");
    AmiMessage paused = client.readUntil("Event", "QueueMemberPause");
    client.send("Action: QueueStatus", "ActionID: qstatus-1", "Queue: sales");
    AmiMessage params = client.readUntil("Event", "QueueParams");
    AmiMessage member = client.readPacket();
    AmiMessage complete = client.readPacket();
    client.send(
        "Action: QueueRemove", "ActionID: qremove-1", "Queue: sales", "Interface: PJSIP/agent1001");
    AmiMessage removed = client.readUntil("Event", "QueueMemberRemoved");

    String capture = "member-control.raw";
    assertThat(Captures.keys(added)).isEqualTo(Captures.keysOfFirst(capture, "QueueMemberAdded"));
    assertThat(Captures.keys(paused)).isEqualTo(Captures.keysOfFirst(capture, "QueueMemberPause"));
    assertThat(Captures.keys(params)).isEqualTo(Captures.keysOfFirst(capture, "QueueParams"));
    assertThat(Captures.keys(member)).isEqualTo(Captures.keysOfFirst(capture, "QueueMember"));
    assertThat(complete.fields())
        .isEqualTo(
            Captures.packets(capture).stream()
                .filter(p -> p.event().equals("QueueStatusComplete"))
                .findFirst()
                .orElseThrow()
                .fields());
    assertThat(Captures.keys(removed))
        .isEqualTo(Captures.keysOfFirst(capture, "QueueMemberRemoved"));
    assertThat(paused.getOrEmpty("PausedReason")).isEqualTo("lunch");
  }

  /** Reads events until the Hangup of {@code uniqueid}; keeps the first event of each name. */
  private Map<String, AmiMessage> eventsUntilHangupOf(String uniqueid) throws Exception {
    Map<String, AmiMessage> first = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    AmiMessage m;
    while ((m = client.readPacket()) != null) {
      order.add(m.event());
      if (CALL_EVENTS.contains(m.event())) {
        callEventOrder.add(m.event());
      }
      first.putIfAbsent(m.event(), m);
      if (m.event().equals("Hangup") && m.getOrEmpty("Uniqueid").equals(uniqueid)) {
        return first;
      }
    }
    throw new AssertionError("no Hangup of " + uniqueid + " in " + order);
  }
}
