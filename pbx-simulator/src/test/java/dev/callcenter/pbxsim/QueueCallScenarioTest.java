package dev.callcenter.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.pbx.Caller;
import dev.callcenter.pbxsim.pbx.QueueMember;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueueCallScenarioTest {
  private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T07:00:00Z"));
  private PbxSimulator sim;
  private AsteriskJavaClient client;

  @BeforeEach
  void start() throws Exception {
    sim = PbxSimulator.start(AmiConfig.defaults(), time);
    sim.pbx().addQueue("support");
    sim.pbx().addMember("support", "PJSIP/1001", "Agent 1001");
    sim.pbx().addMember("support", "PJSIP/1002", "Agent 1002");
    client = AsteriskJavaClient.loggedIn(sim);
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  @Test
  void answeredCallGivesTheAgentTheCallersUtf8NameAndTheLinkedid() throws Exception {
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0912345678", "張三", "support")
            .answeredBy("PJSIP/1001", Duration.ofSeconds(1), Duration.ofSeconds(4), HangupBy.AGENT);
    time.runDue();

    QueueCallerJoinEvent join = client.await(QueueCallerJoinEvent.class);
    assertThat(join.getQueue()).isEqualTo("support");
    assertThat(join.getPosition()).isEqualTo(1);
    AgentCalledEvent called = client.await(AgentCalledEvent.class);
    assertThat(called.getCallerIdNum()).isEqualTo("0912345678");
    assertThat(called.getCallerIdName()).isEqualTo("張三");
    assertThat(called.getLinkedId()).isEqualTo(call.linkedid());
    assertThat(called.getDestLinkedId()).isEqualTo(call.linkedid());
    assertThat(called.getInterface()).isEqualTo("PJSIP/1001");
    assertThat(called.getMemberName()).isEqualTo("Agent 1001");
    assertThat(called.getDestChannel()).startsWith("PJSIP/1001-");

    time.advance(Duration.ofSeconds(1));
    client.await(QueueCallerLeaveEvent.class);
    AgentConnectEvent connect = client.await(AgentConnectEvent.class);
    assertThat(connect.getHoldTime()).isEqualTo(1);
    assertThat(connect.getRingtime()).isEqualTo(1);

    time.advance(Duration.ofSeconds(4));
    AgentCompleteEvent complete = client.await(AgentCompleteEvent.class);
    assertThat(complete.getTalkTime()).isEqualTo(4);
    assertThat(complete.getReason()).isEqualTo("agent");
    assertThat(client.await(HangupEvent.class).getChannel()).startsWith("PJSIP/1001-");
    HangupEvent callerGone = client.await(HangupEvent.class);
    assertThat(callerGone.getUniqueId()).isEqualTo(call.uniqueid());
    assertThat(callerGone.getCause()).isEqualTo(16);
    assertThat(call.finished()).isCompleted();
    assertThat(sim.pbx().channels()).isEmpty();
  }

  @Test
  void callerNamesAreCEscapedOnTheWire() throws Exception {
    sim.calls().inboundQueueCall("0287654321", "O'Brien", "support").answeredBy("PJSIP/1001");
    time.runDue();

    AgentCalledEvent called = client.await(AgentCalledEvent.class);

    assertThat(called.getCallerIdName()).isEqualTo("O\\'Brien");
    assertThat(called.getCallerIdNum()).isEqualTo("0287654321");
  }

  @Test
  void anonymousCallerShowsUnknownWhichTheClientReadsAsNull() throws Exception {
    sim.calls().inboundQueueCall(Caller.anonymous(), "support").answeredBy("PJSIP/1001");
    time.runDue();

    AgentCalledEvent called = client.await(AgentCalledEvent.class);

    assertThat(called.getCallerIdNum()).isNull();
    assertThat(called.getCallerIdName()).isNull();
    assertThat(sim.actions().all()).isNotEmpty();
  }

  @Test
  void ringNoAnswerReportsMillisecondsThenTheNextAgentAnswers() throws Exception {
    sim.calls()
        .inboundQueueCall("+886287654321", "PSTN +886287654321", "support")
        .noAnswerFrom("PJSIP/1002", Duration.ofSeconds(15))
        .answeredBy("PJSIP/1001", Duration.ofSeconds(1), Duration.ofSeconds(5), HangupBy.AGENT);

    time.advance(Duration.ofSeconds(15));
    AgentRingNoAnswerEvent rna = client.await(AgentRingNoAnswerEvent.class);
    assertThat(rna.getRingtime()).isEqualTo(15_000L);
    assertThat(rna.getInterface()).isEqualTo("PJSIP/1002");

    time.advance(Duration.ofSeconds(3));
    AgentConnectEvent connect = client.await(AgentConnectEvent.class);
    assertThat(connect.getInterface()).isEqualTo("PJSIP/1001");
    assertThat(connect.getHoldTime()).isEqualTo(18);
    assertThat(connect.getRingtime()).isEqualTo(1);
  }

  @Test
  void abandonedCallEmitsAbandonThenLeaveThenHangup() throws Exception {
    CallHandle call =
        sim.calls()
            .inboundQueueCall("+886223456789", "PSTN +886223456789", "support")
            .abandonedAfter(Duration.ofSeconds(8), "PJSIP/1001");

    time.advance(Duration.ofSeconds(8));

    QueueCallerAbandonEvent abandon = client.await(QueueCallerAbandonEvent.class);
    assertThat(abandon.getHoldTime()).isEqualTo(8);
    assertThat(abandon.getOriginalPosition()).isEqualTo(1);
    assertThat(client.await(QueueCallerLeaveEvent.class).getCount()).isEqualTo(0);
    HangupEvent hangup =
        client.await(
            HangupEvent.class, h -> h.getUniqueId().equals(call.uniqueid()), Duration.ofSeconds(5));
    assertThat(hangup.getCause()).isEqualTo(127);
    assertThat(call.finished()).isCompleted();
  }

  @Test
  void hangingUpTheCallerByAmiMidCallTakesTheAgentLegDownAndFreesTheMember() throws Exception {
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0912345678", "張三", "support")
            .answeredBy(
                "PJSIP/1001", Duration.ofSeconds(2), Duration.ofSeconds(60), HangupBy.CALLER);
    time.advance(Duration.ofSeconds(10));
    client.await(AgentConnectEvent.class);

    client.connection.sendAction(new HangupAction(call.channel(), 16), 5_000);
    time.advance(Duration.ofSeconds(60));

    assertThat(client.await(HangupEvent.class).getUniqueId()).isEqualTo(call.uniqueid());
    assertThat(client.await(HangupEvent.class).getChannel()).startsWith("PJSIP/1001-");
    assertThat(sim.pbx().channels()).isEmpty();
    assertThat(sim.pbx().member("support", "PJSIP/1001"))
        .get()
        .satisfies(m -> assertThat(m.status()).isEqualTo(QueueMember.NOT_INUSE));
    assertThat(call.finished()).isCompleted();
  }

  @Test
  void resetForgetsCallsActionsAndFaultsButKeepsMembers() throws Exception {
    sim.calls().inboundQueueCall("0912345678", "張三", "support").answeredBy("PJSIP/1001");
    time.runDue();
    sim.faults().rejectNext("Ping", 1, "boom");

    sim.reset();

    assertThat(sim.pbx().channels()).isEmpty();
    assertThat(sim.actions().all()).isEmpty();
    assertThat(sim.pbx().members("support")).hasSize(2);
    assertThat(
            client
                .connection
                .sendAction(new org.asteriskjava.manager.action.PingAction(), 5_000)
                .getResponse())
        .isEqualTo("Success");
  }
}
