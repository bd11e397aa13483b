package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.pbxsim.pbx.QueueMember;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code core restart now} on an Asterisk that keeps no dynamic members: the gateway puts every
 * agent back as they were (paused with their reason) and the next call pops.
 */
class PbxRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static CtiTestKit kit;

  @BeforeAll
  static void start() throws Exception {
    kit = new CtiTestKit().connected();
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @Test
  void afterARestartAgentsAreBackInTheirQueuesAsTheyWereAndTheNextCallPops() throws Exception {
    var sim = kit.sim;
    ApiClient one = kit.server.as("agent1");
    ApiClient two = kit.server.as("agent2");
    assertThat(one.put("/api/v1/agents/me/state", Map.of("state", "available")).status())
        .isEqualTo(200);
    assertThat(
            two.put("/api/v1/agents/me/state", Map.of("state", "paused", "reason", "lunch"))
                .status())
        .isEqualTo(200);
    sim.actions().clear();

    sim.faults().restartForgettingMembers(Duration.ofMillis(300));
    assertThat(sim.pbx().members("support")).isEmpty();
    kit.time.advance(Duration.ofMillis(300)); // the simulator's downtime runs on its clock

    assertThat(sim.actions().await(a -> isAdd(a, "PJSIP/1001"), WAIT)).isPresent();
    var added = sim.actions().await(a -> isAdd(a, "PJSIP/1002"), WAIT).orElseThrow();
    assertThat(added.header("Paused")).isEqualToIgnoringCase("true");
    assertThat(added.header("Reason")).isEqualTo("lunch");
    // The simulator records an action before it carries it out: wait for the members themselves.
    QueueMember agentTwo =
        Poll.until("1002 back", () -> sim.pbx().member("support", "PJSIP/1002"), WAIT);
    assertThat(agentTwo.paused()).isTrue();
    QueueMember agentOne =
        Poll.until("1001 back", () -> sim.pbx().member("support", "PJSIP/1001"), WAIT);
    assertThat(agentOne.paused()).isFalse();

    try (WsClient screen = WsClient.connect(kit.server.baseUrl(), one.token())) {
      screen.await("hello");
      CallHandle call =
          sim.calls()
              .inboundQueueCall("0277770000", "After restart", "support")
              .answeredBy(
                  "PJSIP/1001", Duration.ofSeconds(2), Duration.ofSeconds(5), HangupBy.CALLER);
      kit.time.advance(Duration.ofMillis(500));
      JsonNode pop =
          screen.await(
              "screen-pop", m -> m.path("data").path("callId").asText().equals(call.linkedid()));
      assertThat(pop.at("/data/state").asText()).isEqualTo("ringing");
    }
  }

  @Test
  void aDroppedConnectionIsNotARestartAndChangesMadeMeanwhileStand() throws Exception {
    var sim = kit.sim;
    ApiClient two = kit.server.as("agent2");
    assertThat(two.put("/api/v1/agents/me/state", Map.of("state", "available")).status())
        .isEqualTo(200);
    kit.time.advance(Duration.ofHours(1)); // Asterisk has been up for an hour
    try (WsClient screen = WsClient.connect(kit.server.baseUrl(), two.token())) {
      screen.await("agent-state", m -> m.at("/data/state").asText().equals("available"));
      sim.actions().clear();

      sim.faults().dropAll();
      // Meanwhile an administrator removes the agent on the PBX console.
      sim.pbx().removeMember("support", "PJSIP/1002");

      screen.await("agent-state", m -> m.at("/data/state").asText().equals("logged-out"));
      assertThat(sim.actions().named("QueueAdd")).isEmpty();
      assertThat(sim.pbx().member("support", "PJSIP/1002")).isEmpty();
    } finally {
      sim.pbx().addMember("support", "PJSIP/1002", "Agent Two");
    }
  }

  private static boolean isAdd(dev.callcenter.pbxsim.ami.RecordedAction a, String iface) {
    return a.name().equals("QueueAdd") && iface.equals(a.header("Interface"));
  }
}
