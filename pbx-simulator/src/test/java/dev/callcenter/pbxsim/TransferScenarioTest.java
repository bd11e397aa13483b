package dev.callcenter.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.pbx.QueueMember;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Redirect of a bridged queue caller, and the survey after an agent hangs up, as on Asterisk 22.
 */
class TransferScenarioTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T07:00:00Z"));
  private PbxSimulator sim;
  private AsteriskJavaClient client;

  @BeforeEach
  void start() throws Exception {
    sim = PbxSimulator.start(AmiConfig.defaults(), time);
    sim.pbx().addQueue("support");
    sim.pbx().addQueue("billing");
    sim.pbx().addMember("support", "PJSIP/1001", "Agent 1001");
    sim.pbx().addMember("billing", "PJSIP/1002", "Agent 1002");
    client = AsteriskJavaClient.loggedIn(sim);
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  @Test
  void redirectingTheCallerHangsTheAgentUpAndHoldsItsCompletionUntilTheCallerHangsUp()
      throws Exception {
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0912345678", "張三", "support")
            .answeredBy(
                "PJSIP/1001", Duration.ofSeconds(1), Duration.ofSeconds(60), HangupBy.AGENT);
    CallHandle transferred =
        sim.calls()
            .transferToQueue(call, "billing")
            .answeredBy(
                "PJSIP/1002", Duration.ofSeconds(2), Duration.ofSeconds(30), HangupBy.AGENT);
    time.advance(Duration.ofSeconds(1));
    AgentConnectEvent first = client.await(AgentConnectEvent.class);
    time.advance(Duration.ofSeconds(9));

    ManagerResponse moved =
        client.connection.sendAction(
            new RedirectAction(call.channel(), "cti-transfer", "billing", 1), 5_000);

    assertThat(moved.getMessage()).isEqualTo("Redirect successful");
    HangupEvent agentGone =
        client.await(HangupEvent.class, h -> h.getChannel().startsWith("PJSIP/1001-"), WAIT);
    assertThat(agentGone.getUniqueId()).isEqualTo(first.getDestUniqueId());
    assertThat(agentGone.getLinkedId()).isEqualTo(call.linkedid());
    assertThat(sim.pbx().alive(call.uniqueid())).isTrue();
    assertThat(sim.pbx().member("support", "PJSIP/1001").orElseThrow().status())
        .isEqualTo(QueueMember.NOT_INUSE);
    assertThat(sim.pbx().channel(call.uniqueid()).orElseThrow().exten()).isEqualTo("billing");

    time.runDue();
    QueueCallerJoinEvent join =
        client.await(QueueCallerJoinEvent.class, e -> e.getQueue().equals("billing"), WAIT);
    assertThat(join.getLinkedId()).isEqualTo(call.linkedid());
    assertThat(join.getContext()).isEqualTo("cti-transfer");
    AgentCalledEvent ring =
        client.await(AgentCalledEvent.class, e -> e.getInterface().equals("PJSIP/1002"), WAIT);
    assertThat(ring.getLinkedId()).isEqualTo(call.linkedid());
    assertThat(ring.getCallerIdNum()).isEqualTo("0912345678");
    time.advance(Duration.ofSeconds(2));
    AgentConnectEvent second = client.await(AgentConnectEvent.class);
    assertThat(second.getQueue()).isEqualTo("billing");
    assertThat(second.getHoldTime()).isEqualTo(2);
    assertThat(noAgentCompleteYet()).isTrue();

    time.advance(Duration.ofSeconds(30));

    AgentCompleteEvent own = client.await(AgentCompleteEvent.class);
    assertThat(own.getInterface()).isEqualTo("PJSIP/1002");
    assertThat(own.getTalkTime()).isEqualTo(30);
    assertThat(own.getReason()).isEqualTo("agent");
    assertThat(client.await(HangupEvent.class, h -> h.getUniqueId().equals(call.uniqueid()), WAIT))
        .isNotNull();
    AgentCompleteEvent late = client.await(AgentCompleteEvent.class);
    assertThat(late.getInterface()).isEqualTo("PJSIP/1001");
    assertThat(late.getQueue()).isEqualTo("support");
    assertThat(late.getTalkTime())
        .as("from the first answer to the caller's hang-up")
        .isEqualTo(41);
    assertThat(late.getReason()).isEqualTo("caller");
    assertThat(call.finished()).isCompleted();
    assertThat(transferred.finished()).isCompleted();
    assertThat(sim.pbx().channels()).isEmpty();

    time.advance(Duration.ofSeconds(60)); // when the first agent's talk would have ended
    assertThat(noAgentCompleteYet()).isTrue();
  }

  @Test
  void aCallerRedirectedWhereNothingIsScriptedHangsUpWhenTheCallWouldHaveEnded() throws Exception {
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0912345678", "張三", "support")
            .answeredBy(
                "PJSIP/1001", Duration.ofSeconds(1), Duration.ofSeconds(60), HangupBy.AGENT);
    time.advance(Duration.ofSeconds(11));
    client.await(AgentConnectEvent.class);

    client.connection.sendAction(
        new RedirectAction(call.channel(), "cti-transfer", "1002", 1), 5_000);
    client.await(HangupEvent.class, h -> h.getChannel().startsWith("PJSIP/1001-"), WAIT);
    time.advance(Duration.ofSeconds(50));

    assertThat(client.await(HangupEvent.class, h -> h.getUniqueId().equals(call.uniqueid()), WAIT))
        .isNotNull();
    AgentCompleteEvent late = client.await(AgentCompleteEvent.class);
    assertThat(late.getTalkTime()).isEqualTo(60);
    assertThat(call.finished()).isCompleted();
    assertThat(sim.pbx().channels()).isEmpty();
  }

  @Test
  void aCallerWhoStaysForTheSurveyHangsUpAfterIt() throws Exception {
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0912345678", "張三", "support")
            .survey(Duration.ofSeconds(20))
            .answeredBy("PJSIP/1001", Duration.ofSeconds(1), Duration.ofSeconds(5), HangupBy.AGENT);

    time.advance(Duration.ofSeconds(6));

    assertThat(client.await(AgentCompleteEvent.class).getReason()).isEqualTo("agent");
    assertThat(client.await(HangupEvent.class).getChannel()).startsWith("PJSIP/1001-");
    assertThat(sim.pbx().alive(call.uniqueid())).isTrue();
    assertThat(call.finished()).isNotCompleted();
    time.advance(Duration.ofSeconds(20));
    assertThat(client.await(HangupEvent.class, h -> h.getUniqueId().equals(call.uniqueid()), WAIT))
        .isNotNull();
    assertThat(call.finished()).isCompleted();
  }

  private boolean noAgentCompleteYet() throws Exception {
    client.connection.sendAction(new PingAction(), 5_000);
    return client.unclaimed().stream().noneMatch(AgentCompleteEvent.class::isInstance);
  }
}
