package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.interaction.InteractionEvent;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.RecordedAction;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transfers end the transferring agent's leg (ADR 0016), end to end: the server's {@code Redirect}
 * over real AMI to the simulator, which hangs the agent up and holds back their {@code
 * AgentComplete} as Asterisk 22 does, and the caller then answered in another queue.
 */
class CtiTransferTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static CtiTestKit kit;
  private static ManualScheduler time;
  private static PbxSimulator sim;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    kit = new CtiTestKit(true);
    time = kit.time;
    sim = kit.sim;
    server = kit.server;
    sim.pbx().addQueue("billing");
    sim.pbx().addMember("billing", "PJSIP/1002", "Agent Two");
    kit.connected();
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @Test
  void aTransferToAQueueEndsTheFirstAgentsLegAndTheNextAgentTakesItWithATransferPop()
      throws Exception {
    Customer customer = kit.customer("轉接 林小姐", "0955-111-222");
    String agentOne =
        server.services().users().findCredentials("agent1").orElseThrow().user().displayName();
    try (WsClient one = socket("agent1");
        WsClient two = socket("agent2")) {
      one.await("hello");
      one.await("agent-state", m -> state(m, "available")); // the present
      two.await("hello");
      CallHandle call =
          sim.calls()
              .inboundQueueCall("0955111222", "Lin", "support")
              .answeredBy(
                  "PJSIP/1001", Duration.ofSeconds(2), Duration.ofSeconds(300), HangupBy.AGENT);
      sim.calls()
          .transferToQueue(call, "billing")
          .answeredBy("PJSIP/1002", Duration.ofSeconds(3), Duration.ofSeconds(45), HangupBy.AGENT);
      time.advance(Duration.ofSeconds(2));
      long first =
          one.await("call-update", m -> isCall(m, call) && state(m, "answered"))
              .at("/data/interactionId")
              .asLong();
      one.await("agent-state", m -> state(m, "on-call"));
      time.advance(Duration.ofSeconds(30));

      var moved =
          server.as("agent1").post("/api/v1/calls/current/transfer", Map.of("target", "billing"));

      assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
      RecordedAction redirect = sim.actions().awaitNamed("Redirect", WAIT).orElseThrow();
      assertThat(redirect.header("Channel")).isEqualTo(call.channel());
      assertThat(redirect.header("Context")).isEqualTo("cti-transfer");
      assertThat(redirect.header("Exten")).isEqualTo("billing");
      // agent1's phone is idle at once: their leg is over, not when the caller hangs up
      one.await("call-update", m -> isCall(m, call) && state(m, "ended"));
      one.await("agent-state", m -> state(m, "available"));
      Interaction firstLeg = awaitEnded(first);
      assertThat(firstLeg.agentId()).isEqualTo(kit.agent1);
      assertThat(firstLeg.customerId()).isEqualTo(customer.id());
      assertThat(firstLeg.call().talkSeconds()).isEqualTo(30);
      assertThat(firstLeg.call().queue()).isEqualTo("support");
      assertThat(firstLeg.call().hangupBy()).isEqualTo("TRANSFER");

      time.advance(Duration.ofMillis(100)); // the caller joins billing, agent2's phone rings
      JsonNode pop = two.await("screen-pop", m -> isCall(m, call)).path("data").path("pop");
      assertThat(pop.path("queue").asText()).isEqualTo("billing");
      assertThat(pop.path("customer").path("id").asLong()).isEqualTo(customer.id());
      JsonNode transfer = pop.path("transfer");
      assertThat(transfer.path("fromAgent").asText()).isEqualTo(agentOne);
      assertThat(transfer.path("fromUserId").asLong()).isEqualTo(kit.agent1);
      assertThat(transfer.path("fromInterface").asText()).isEqualTo("PJSIP/1001");
      assertThat(transfer.path("fromQueue").asText()).isEqualTo("support");
      // the page words the default ticket title from the pop's customer and queue
      assertThat(pop.path("onAnswer").path("ticket").has("title")).isFalse();
      assertThat(pop.path("queue").asText()).isEqualTo("billing");

      time.advance(Duration.ofSeconds(3));
      long second =
          two.await("call-update", m -> isCall(m, call) && state(m, "answered"))
              .at("/data/interactionId")
              .asLong();
      assertThat(second).isNotEqualTo(first);
      time.advance(Duration.ofSeconds(45)); // agent2 hangs up, then the caller; agent1's late
      // AgentComplete (TalkTime 78 s, the whole call) follows the caller's Hangup
      two.await("call-update", m -> isCall(m, call) && state(m, "ended"));

      Interaction secondLeg = awaitEnded(second);
      assertThat(secondLeg.agentId()).isEqualTo(kit.agent2);
      assertThat(secondLeg.customerId()).isEqualTo(customer.id());
      assertThat(secondLeg.call().queue()).isEqualTo("billing");
      assertThat(secondLeg.call().talkSeconds()).isEqualTo(45);
      assertThat(secondLeg.call().ringSeconds()).isEqualTo(3);
      assertThat(secondLeg.call().waitSeconds()).isEqualTo(3);
      assertThat(secondLeg.call().hangupBy()).isEqualTo("AGENT");
      assertThat(secondLeg.summary()).isNull();
      assertThat(secondLeg.event()).isEqualTo(InteractionEvent.ANSWERED);
      assertThat(secondLeg.eventParams())
          .containsEntry("transferredFromName", agentOne)
          .containsEntry("transferredFromId", Long.toString(kit.agent1));

      // Events are applied in order: once agent1 shows up in a new queue, the late AgentComplete
      // before it has been read.
      sim.pbx().addMember("billing", "PJSIP/1001", "Agent One");
      one.await("agent-state", m -> m.at("/data/queues").toString().contains("billing"));
      assertThat(server.services().interactions().get(first).call().talkSeconds())
          .as("the late AgentComplete does not re-time agent1's leg")
          .isEqualTo(30);
      assertThat(server.services().interactions().forCustomer(customer.id(), 10, 0))
          .extracting(Interaction::id)
          .containsExactlyInAnyOrder(first, second);
      assertThat(server.services().followUps().forCustomer(customer.id())).isEmpty();
      assertThat(one.unclaimed())
          .noneMatch(m -> isCall(m, call) && state(m, "ended"))
          .noneMatch(m -> m.path("type").asText().equals("follow-up"));
    } finally {
      sim.pbx().removeMember("billing", "PJSIP/1001");
    }
  }

  @Test
  void anAgentWhoHangsUpWithoutATransferEndsTheCallNormallyWhileTheCallerRatesIt()
      throws Exception {
    Customer customer = kit.customer("問卷 陳先生", "0955-333-444");
    try (WsClient one = socket("agent1")) {
      one.await("hello");
      one.await("agent-state", m -> state(m, "available")); // the present
      CallHandle call =
          sim.calls()
              .inboundQueueCall("0955333444", "", "support")
              .survey(Duration.ofSeconds(30))
              .answeredBy(
                  "PJSIP/1001", Duration.ofSeconds(2), Duration.ofSeconds(20), HangupBy.AGENT);
      time.advance(Duration.ofSeconds(2));
      long interaction =
          one.await("call-update", m -> isCall(m, call) && state(m, "answered"))
              .at("/data/interactionId")
              .asLong();
      one.await("agent-state", m -> state(m, "on-call"));

      time.advance(Duration.ofSeconds(20)); // AgentComplete, the agent's Hangup; the survey runs
      one.await("agent-state", m -> state(m, "available"));
      assertThat(sim.pbx().alive(call.uniqueid())).as("the caller rates the call").isTrue();
      time.advance(Duration.ofSeconds(30));
      one.await("call-update", m -> isCall(m, call) && state(m, "ended"));

      Interaction logged = awaitEnded(interaction);
      assertThat(logged.call().talkSeconds()).isEqualTo(20);
      assertThat(logged.call().hangupBy()).isEqualTo("AGENT");
      assertThat(server.services().interactions().forCustomer(customer.id(), 10, 0))
          .singleElement()
          .extracting(Interaction::id)
          .isEqualTo(interaction);
      assertThat(server.services().followUps().forCustomer(customer.id())).isEmpty();
    }
  }

  @Test
  void aTransferTheCallerHangsUpOnIsStillTheEndOfTheFirstAgentsLegOnly() throws Exception {
    Customer customer = kit.customer("掛斷 王先生", "0955-555-666");
    try (WsClient one = socket("agent1")) {
      one.await("hello");
      CallHandle call =
          sim.calls()
              .inboundQueueCall("0955555666", "", "support")
              .answeredBy(
                  "PJSIP/1001", Duration.ofSeconds(1), Duration.ofSeconds(300), HangupBy.AGENT);
      time.advance(Duration.ofSeconds(1));
      long first =
          one.await("call-update", m -> isCall(m, call) && state(m, "answered"))
              .at("/data/interactionId")
              .asLong();
      time.advance(Duration.ofSeconds(10));

      var moved =
          server.as("agent1").post("/api/v1/calls/current/transfer", Map.of("target", "1002"));
      assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
      one.await("call-update", m -> isCall(m, call) && state(m, "ended"));
      sim.pbx().hangup(call.uniqueid(), 16); // nobody took it at 1002

      assertThat(awaitEnded(first).call().talkSeconds()).isEqualTo(10);
      // once agent1 shows up in a new queue, the caller's Hangup before it has been read
      sim.pbx().addMember("billing", "PJSIP/1001", "Agent One");
      one.await("agent-state", m -> m.at("/data/queues").toString().contains("billing"));
      assertThat(server.services().interactions().forCustomer(customer.id(), 10, 0))
          .as("an answered call is never a missed call")
          .singleElement()
          .extracting(Interaction::id)
          .isEqualTo(first);
      assertThat(server.services().followUps().forCustomer(customer.id())).isEmpty();
    } finally {
      sim.pbx().removeMember("billing", "PJSIP/1001");
    }
  }

  @Test
  void aTransferToAnExtensionPopsOnThatPhoneAndItsAgentGetsALegOfTheirOwn() throws Exception {
    Customer customer = kit.customer("分機 張先生", "0955-777-888");
    String agentOne =
        server.services().users().findCredentials("agent1").orElseThrow().user().displayName();
    try (WsClient one = socket("agent1");
        WsClient two = socket("agent2")) {
      one.await("hello");
      two.await("hello");
      CallHandle call =
          sim.calls()
              .inboundQueueCall("0955777888", "Chang", "support")
              .answeredBy(
                  "PJSIP/1001", Duration.ofSeconds(1), Duration.ofSeconds(300), HangupBy.AGENT);
      sim.calls()
          .transferToExtension(call, "PJSIP/1002")
          .answered(Duration.ofSeconds(4), Duration.ofSeconds(25), HangupBy.AGENT);
      time.advance(Duration.ofSeconds(1));
      long first =
          one.await("call-update", m -> isCall(m, call) && state(m, "answered"))
              .at("/data/interactionId")
              .asLong();
      time.advance(Duration.ofSeconds(20));

      var moved =
          server.as("agent1").post("/api/v1/calls/current/transfer", Map.of("target", "1002"));

      assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
      one.await("call-update", m -> isCall(m, call) && state(m, "ended"));
      assertThat(awaitEnded(first).call().talkSeconds()).isEqualTo(20);
      // the dialplan's Dial rings 1002: agent2 gets the pop, no queue, and who sent it
      JsonNode pop = two.await("screen-pop", m -> isCall(m, call)).path("data").path("pop");
      assertThat(pop.path("customer").path("id").asLong()).isEqualTo(customer.id());
      assertThat(pop.path("queue").isNull() || pop.path("queue").isMissingNode())
          .as(pop.toString())
          .isTrue();
      assertThat(pop.path("transfer").path("fromAgent").asText()).isEqualTo(agentOne);
      assertThat(pop.path("transfer").path("fromQueue").asText()).isEqualTo("support");
      two.await("agent-state", m -> state(m, "ringing"));

      time.advance(Duration.ofSeconds(4));
      long second =
          two.await("call-update", m -> isCall(m, call) && state(m, "answered"))
              .at("/data/interactionId")
              .asLong();
      assertThat(second).isNotEqualTo(first);
      two.await("agent-state", m -> state(m, "on-call"));
      time.advance(Duration.ofSeconds(25)); // agent2 hangs up; Dial returns, the caller is hung up
      two.await("call-update", m -> isCall(m, call) && state(m, "ended"));
      two.await("agent-state", m -> !state(m, "on-call"));

      Interaction secondLeg = awaitEnded(second);
      assertThat(secondLeg.agentId()).isEqualTo(kit.agent2);
      assertThat(secondLeg.customerId()).isEqualTo(customer.id());
      assertThat(secondLeg.call().queue()).isNull();
      assertThat(secondLeg.call().talkSeconds()).isEqualTo(25);
      assertThat(secondLeg.call().ringSeconds()).isEqualTo(4);
      assertThat(secondLeg.call().hangupBy()).isEqualTo("AGENT");
      assertThat(secondLeg.eventParams())
          .containsEntry("transferredFromName", agentOne)
          .containsEntry("transferredFromId", Long.toString(kit.agent1));
      assertThat(server.services().interactions().forCustomer(customer.id(), 10, 0))
          .extracting(Interaction::id)
          .containsExactlyInAnyOrder(first, second);
      assertThat(server.services().followUps().forCustomer(customer.id())).isEmpty();
    }
  }

  @Test
  void aTransferToAnExtensionNobodyAnswersFreesThatPhoneAndMissesNothing() throws Exception {
    Customer customer = kit.customer("分機 無人 李小姐", "0955-999-000");
    try (WsClient two = socket("agent2")) {
      two.await("hello");
      CallHandle call =
          sim.calls()
              .inboundQueueCall("0955999000", "Lee", "support")
              .answeredBy(
                  "PJSIP/1001", Duration.ofSeconds(1), Duration.ofSeconds(300), HangupBy.AGENT);
      sim.calls().transferToExtension(call, "PJSIP/1002").notAnswered(Duration.ofSeconds(30));
      time.advance(Duration.ofSeconds(5));
      var moved =
          server.as("agent1").post("/api/v1/calls/current/transfer", Map.of("target", "1002"));
      assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
      two.await("screen-pop", m -> isCall(m, call));
      two.await("agent-state", m -> state(m, "ringing"));

      time.advance(Duration.ofSeconds(30));

      two.await("agent-state", m -> !state(m, "ringing"));
      Poll.until(
          "the call ended",
          () ->
              java.util.Optional.of(server.server().cti().agentState(kit.agent2))
                  .filter(s -> s.callId() == null),
          WAIT);
      assertThat(server.services().interactions().forCustomer(customer.id(), 10, 0))
          .as("agent1's leg only; an answered call is never a missed call")
          .singleElement()
          .satisfies(i -> assertThat(i.agentId()).isEqualTo(kit.agent1));
      assertThat(server.services().followUps().forCustomer(customer.id())).isEmpty();
    }
  }

  private WsClient socket(String username) {
    return WsClient.connect(server.baseUrl(), server.as(username).token());
  }

  private static Interaction awaitEnded(long interactionId) {
    return Poll.until(
        "interaction " + interactionId + " closed",
        () ->
            java.util.Optional.of(server.services().interactions().get(interactionId))
                .filter(i -> i.endedAt() != null),
        WAIT);
  }

  private static boolean isCall(JsonNode m, CallHandle call) {
    return m.path("data").path("callId").asText().equals(call.linkedid());
  }

  private static boolean state(JsonNode m, String state) {
    return m.path("data").path("state").asText().equals(state);
  }
}
