package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.followup.FollowUp;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.interaction.InteractionEvent;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.RecordedAction;
import dev.callcenter.pbxsim.pbx.Caller;
import dev.callcenter.pbxsim.pbx.Channel;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole chain with real parts: the PBX simulator speaking AMI over TCP, the server's CTI
 * gateway on the real Asterisk-Java client, PostgreSQL, and agents' WebSockets.
 */
class CtiEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static ManualScheduler time;
  private static PbxSimulator sim;
  private static TestServer server;
  private static Customer vip;
  private static long agent1;
  private static long agent2;

  private static CtiTestKit kit;

  @BeforeAll
  static void start() throws Exception {
    kit = new CtiTestKit();
    time = kit.time;
    sim = kit.sim;
    server = kit.server;
    agent1 = kit.agent1;
    agent2 = kit.agent2;
    vip = customer("王大明 VIP", "02-2345-6789");
    server.services().customers().setTierOverride(vip.id(), Tier.VIP);
    customer("Shared line A", "03-555-0101");
    customer("Shared line B", "03-555-0101");
    kit.connected();
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  private static Customer customer(String name, String phone) {
    return kit.customer(name, phone);
  }

  private WsClient socket(String username) {
    return WsClient.connect(server.baseUrl(), server.as(username).token());
  }

  @Test
  void popReachesOnlyTheRingingAgentThenTheCallIsLoggedWithDurations() throws Exception {
    try (WsClient one = socket("agent1");
        WsClient two = socket("agent2")) {
      one.await("hello");
      two.await("hello");
      CallHandle call =
          sim.calls()
              .inboundQueueCall("0223456789", "Wang", "support")
              .answeredBy(
                  "PJSIP/1001", Duration.ofSeconds(3), Duration.ofSeconds(42), HangupBy.CALLER);
      time.advance(Duration.ofMillis(500)); // Newchannel, QueueCallerJoin, AgentCalled

      JsonNode pop = one.await("screen-pop", m -> isCall(m, call)).path("data");
      assertThat(pop.path("state").asText()).isEqualTo("ringing");
      assertThat(pop.path("pop").path("lookup").asText()).isEqualTo("KNOWN");
      assertThat(pop.path("pop").path("customer").path("name").asText()).isEqualTo("王大明 VIP");
      assertThat(pop.path("pop").path("customer").path("tier").asText()).isEqualTo("VIP");
      assertThat(pop.path("pop").path("caller").path("e164").asText()).isEqualTo("+886223456789");

      time.advance(Duration.ofSeconds(3)); // AgentConnect
      JsonNode answered = one.await("call-update", m -> isCall(m, call) && state(m, "answered"));
      long interactionId = answered.path("data").path("interactionId").asLong();
      assertThat(interactionId).isPositive();

      time.advance(Duration.ofSeconds(42)); // AgentComplete, Hangups
      one.await("call-update", m -> isCall(m, call) && state(m, "ended"));
      Interaction logged = server.services().interactions().get(interactionId);
      assertThat(logged.customerId()).isEqualTo(vip.id());
      assertThat(logged.agentId()).isEqualTo(agent1);
      assertThat(logged.endedAt()).isNotNull();
      assertThat(logged.call().linkedid()).isEqualTo(call.linkedid());
      assertThat(logged.call().ringSeconds()).isEqualTo(3);
      assertThat(logged.call().talkSeconds()).isEqualTo(42);
      assertThat(logged.call().hangupBy()).isEqualTo("CALLER");
      assertThat(logged.call().hangupCause()).startsWith("16");

      assertThat(two.unclaimed()).noneMatch(m -> m.path("type").asText().equals("screen-pop"));
    }
  }

  @Test
  void theRecordingTheDialplanAnnouncesIsStoredOnTheCallsInteraction() throws Exception {
    try (WsClient one = socket("agent1")) {
      one.await("hello");
      CallHandle call =
          sim.calls()
              .inboundQueueCall("0223456789", "Wang", "support")
              .answeredBy(
                  "PJSIP/1001", Duration.ofSeconds(2), Duration.ofSeconds(20), HangupBy.AGENT);
      time.advance(Duration.ofSeconds(3)); // rung and answered
      JsonNode answered = one.await("call-update", m -> isCall(m, call) && state(m, "answered"));
      // extensions.conf's cc-record: UserEvent(CcRecording,Recording: ${CC_RECORDING})
      sim.pbx()
          .emit(
              dev.callcenter.pbxsim.ami.AmiMessage.event("UserEvent")
                  .add("Privilege", "user,all")
                  .add("Channel", "PJSIP/pstn-00000099")
                  .add("Uniqueid", call.uniqueid())
                  .add("Linkedid", call.linkedid())
                  .add("UserEvent", "CcRecording")
                  .add("Recording", "cc-20261122-020003-" + call.uniqueid() + ".wav")
                  .build());
      time.advance(Duration.ofSeconds(20));
      one.await("call-update", m -> isCall(m, call) && state(m, "ended"));

      Interaction logged =
          server.services().interactions().get(answered.at("/data/interactionId").asLong());
      assertThat(logged.call().recordingRef())
          .isEqualTo("cc-20261122-020003-" + call.uniqueid() + ".wav");
    }
  }

  @Test
  void everyPhoneFormatFindsTheCustomer() throws Exception {
    try (WsClient one = socket("agent1")) {
      one.await("hello");
      for (String number : List.of("+886223456789", "00886223456789", "02-2345-6789")) {
        CallHandle call =
            sim.calls()
                .inboundQueueCall(number, "", "support")
                .abandonedAfter(Duration.ofSeconds(2), "PJSIP/1001");
        time.advance(Duration.ofMillis(500));
        JsonNode pop = one.await("screen-pop", m -> isCall(m, call)).path("data").path("pop");
        assertThat(pop.path("lookup").asText()).as(number).isEqualTo("KNOWN");
        assertThat(pop.path("customer").path("id").asLong()).as(number).isEqualTo(vip.id());
        time.advance(Duration.ofSeconds(2));
        one.await("call-update", m -> isCall(m, call) && state(m, "abandoned"));
      }
    }
  }

  @Test
  void ambiguousUnknownAnonymousAndChineseNamedCallers() throws Exception {
    try (WsClient one = socket("agent1")) {
      one.await("hello");
      JsonNode ambiguous = ringAndAbandon(one, "035550101", "");
      assertThat(ambiguous.path("lookup").asText()).isEqualTo("AMBIGUOUS");
      assertThat(ambiguous.path("candidates")).hasSize(2);

      JsonNode unknown = ringAndAbandon(one, "0987654321", "");
      assertThat(unknown.path("lookup").asText()).isEqualTo("UNKNOWN");
      assertThat(unknown.path("caller").path("number").asText()).isEqualTo("0987654321");
      assertThat(unknown.path("onAnswer").path("action").asText()).isEqualTo("create-customer");

      JsonNode anonymous = ringAndAbandon(one, "anonymous", "");
      assertThat(anonymous.path("lookup").asText()).isEqualTo("ANONYMOUS");
      assertThat(anonymous.path("caller").path("anonymous").asBoolean()).isTrue();

      JsonNode chinese = ringAndAbandon(one, "0911222333", "張三");
      assertThat(chinese.path("caller").path("name").asText()).isEqualTo("張三");
    }
  }

  @Test
  void abandonedCallFromAKnownCustomerBecomesACallbackForTheRungAgent() throws Exception {
    Customer caller = customer("Callback Chen", "0922333444");
    try (WsClient one = socket("agent1")) {
      one.await("hello");
      CallHandle call =
          sim.calls()
              .inboundQueueCall("0922333444", "", "support")
              .abandonedAfter(Duration.ofSeconds(5), "PJSIP/1001");
      time.advance(Duration.ofMillis(500));
      one.await("screen-pop", m -> isCall(m, call));
      time.advance(Duration.ofSeconds(5));
      one.await("call-update", m -> isCall(m, call) && state(m, "abandoned"));
      JsonNode callback =
          one.await("follow-up", m -> m.path("data").path("customerId").asLong() == caller.id())
              .path("data");
      assertThat(callback.path("ownerId").asLong()).isEqualTo(agent1);
      assertThat(callback.path("title").isMissingNode()).isTrue();
      assertThat(callback.path("kind").asText()).isEqualTo("CALLBACK_MISSED_CALL");
      assertThat(callback.path("customerName").asText()).isEqualTo("Callback Chen");
      assertThat(callback.at("/params/number").asText()).isEqualTo("0922333444");
      FollowUp stored = server.services().followUps().get(callback.path("id").asLong());
      assertThat(stored.team()).isEqualTo("support");
      assertThat(server.services().interactions().forCustomer(caller.id(), 10, 0))
          .anyMatch(i -> i.event() == InteractionEvent.ABANDONED && i.summary() == null);
    }
  }

  @Test
  void aKnownCallerWhoHangsUpInTheIvrIsNoMissedCall() throws Exception {
    Customer caller = customer("Self service Lai", "0922555666");
    // in the IVR (no queue, no phone rang), then gone: the caller checked a ticket and hung up
    Channel inIvr =
        sim.pbx()
            .open(
                sim.pbx()
                    .draftChannel(
                        "PJSIP/pstn", Caller.of("0922555666", ""), "from-pstn", "100", null)
                    .withState(Channel.RING)
                    .withApplication("AGI", "agi://127.0.0.1/ivr"));
    time.advance(Duration.ofSeconds(20));
    sim.pbx().hangup(inIvr.uniqueid(), 16);
    // then the same caller abandons in the queue: that one is a missed call (and, events being
    // applied in order, the IVR call's end has been handled before it)
    CallHandle queued =
        sim.calls()
            .inboundQueueCall("0922555666", "", "support")
            .abandonedAfter(Duration.ofSeconds(3), "PJSIP/1001");
    time.advance(Duration.ofSeconds(3));
    Poll.until(
        "the abandoned call's callback",
        () -> server.services().followUps().forCustomer(caller.id()).stream().findFirst(),
        Duration.ofSeconds(10));

    assertThat(server.services().followUps().forCustomer(caller.id()))
        .singleElement()
        .satisfies(f -> assertThat(f.params()).containsEntry("callId", queued.linkedid()));
    assertThat(server.services().interactions().forCustomer(caller.id(), 10, 0))
        .singleElement()
        .satisfies(i -> assertThat(i.event()).isEqualTo(InteractionEvent.ABANDONED));
    int records =
        server
            .services()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from call_record where call_id = :id")
                        .bind("id", inIvr.linkedid())
                        .mapTo(Integer.class)
                        .one());
    assertThat(records).as("no call record for a call that never reached the agents").isZero();
  }

  @Test
  void pauseOverTheApiBecomesQueuePauseAndARejectedPauseIsAnError() throws Exception {
    ApiClient agent = server.as("agent2");
    sim.actions().clear();
    var ok = agent.put("/api/v1/agents/me/state", Map.of("state", "paused", "reason", "lunch"));
    assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
    assertThat(ok.body().path("state").asText()).isEqualTo("paused");
    RecordedAction pause = sim.actions().awaitNamed("QueuePause", WAIT).orElseThrow();
    assertThat(pause.header("Interface")).isEqualTo("PJSIP/1002");
    assertThat(pause.header("Paused")).isEqualToIgnoringCase("true");
    assertThat(pause.header("Reason")).isEqualTo("lunch");

    sim.faults().rejectNext("QueuePause", 1, "Interface not found");
    var refused = agent.put("/api/v1/agents/me/state", Map.of("state", "available"));
    assertThat(refused.status()).isEqualTo(502);
    assertThat(refused.errorCode()).isEqualTo("pbx_rejected");
    assertThat(refused.body().path("error").path("message").asText())
        .contains("Interface not found");

    var back = agent.put("/api/v1/agents/me/state", Map.of("state", "available"));
    assertThat(back.status()).isEqualTo(200);
    var bad = agent.put("/api/v1/agents/me/state", Map.of("state", "sleeping"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorField()).isEqualTo("state");
  }

  @Test
  void pauseReachesEveryQueueTheAgentIsIn() throws Exception {
    ApiClient agent = server.as("agent1");
    try (WsClient screen = WsClient.connect(server.baseUrl(), agent.token())) {
      assertThat(agent.put("/api/v1/agents/me/state", Map.of("state", "available")).status())
          .isEqualTo(200);
      // The agent is also in a queue their device record does not list (shrunk mid-shift).
      sim.pbx().addQueue("billing");
      sim.pbx().addMember("billing", "PJSIP/1001", "Agent One");
      screen.await("agent-state", m -> m.at("/data/queues").toString().contains("billing"));
      sim.actions().clear();

      var paused =
          agent.put("/api/v1/agents/me/state", Map.of("state", "paused", "reason", "break"));

      assertThat(paused.status()).as(paused.body().toString()).isEqualTo(200);
      assertThat(paused.body().get("queues").toString()).contains("billing", "support");
      assertThat(sim.actions().named("QueuePause"))
          .extracting(a -> a.header("Queue"))
          .containsExactlyInAnyOrder("billing", "support");
      assertThat(sim.pbx().member("billing", "PJSIP/1001").orElseThrow().paused()).isTrue();
      assertThat(sim.pbx().member("support", "PJSIP/1001").orElseThrow().paused()).isTrue();
      assertThat(agent.put("/api/v1/agents/me/state", Map.of("state", "available")).status())
          .isEqualTo(200);
      assertThat(sim.pbx().member("billing", "PJSIP/1001").orElseThrow().paused()).isFalse();
    } finally {
      sim.pbx().removeMember("billing", "PJSIP/1001");
    }
  }

  @Test
  void clickToCallOriginatesFromTheAgentsPhoneAndLogsAnOutboundInteraction() throws Exception {
    sim.actions().clear();
    var placed = server.as("agent1").post("/api/v1/calls", Map.of("number", "02-2345-6789"));
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    assertThat(placed.body().path("channel").asText()).isEqualTo("PHONE_OUT");
    assertThat(placed.body().path("customerId").asLong()).isEqualTo(vip.id());
    RecordedAction originate = sim.actions().awaitNamed("Originate", WAIT).orElseThrow();
    assertThat(originate.header("Channel")).isEqualTo("PJSIP/1001");
    assertThat(originate.header("Context")).isEqualTo("from-agents");
    assertThat(originate.header("Exten")).isEqualTo("0223456789");

    var bad = server.as("agent1").post("/api/v1/calls", Map.of("number", "call me maybe"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorField()).isEqualTo("number");
  }

  @Test
  void aClickToCallSurvivesAResyncAndIsClosedWhenItsChannelHangsUp() throws Exception {
    int interactionsBefore = server.services().interactions().forCustomer(vip.id(), 100, 0).size();
    int followUpsBefore = server.services().followUps().forCustomer(vip.id()).size();
    var placed = server.as("agent2").post("/api/v1/calls", Map.of("number", "02-2345-6789"));
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    long id = placed.body().path("id").asLong();
    String channelId = placed.body().at("/call/uniqueid").asText();
    time.advance(Duration.ofMillis(100)); // the simulator answers the agent's phone
    assertThat(sim.pbx().alive(channelId))
        .as("the originated channel carries our ChannelId")
        .isTrue();

    // An administrator saves a device: the gateway resyncs while the agent's call is up.
    sim.actions().clear();
    server.server().cti().reloadAgents();
    assertThat(sim.actions().awaitNamed("CoreShowChannels", WAIT)).isPresent();
    sim.pbx().hangup(channelId, 16);

    Interaction closed = awaitEnded(id);
    assertThat(closed.call().hangupCause()).isNotBlank();
    assertThat(closed.call().talkSeconds()).isNotNull();
    var after = server.services().interactions().forCustomer(vip.id(), 100, 0);
    assertThat(after).hasSize(interactionsBefore + 1);
    assertThat(after).noneMatch(i -> i.event() == InteractionEvent.UNANSWERED);
    assertThat(server.services().followUps().forCustomer(vip.id())).hasSize(followUpsBefore);
  }

  @Test
  void aClickToCallTheAgentsPhoneDoesNotAnswerIsClosedWithTheReason() throws Exception {
    sim.pbx().failOriginatesTo("PJSIP/1002", 5); // busy
    try {
      var placed = server.as("agent2").post("/api/v1/calls", Map.of("number", "0912345678"));
      assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
      time.advance(Duration.ofMillis(100));

      Interaction closed = awaitEnded(placed.body().path("id").asLong());

      assertThat(closed.call().hangupCause()).isEqualTo("phone not answered (5)");
      assertThat(closed.call().talkSeconds()).isZero();
    } finally {
      sim.pbx().failOriginatesTo("PJSIP/1002", 0);
    }
  }

  private static Interaction awaitEnded(long interactionId) {
    return Poll.until(
        "interaction " + interactionId + " closed",
        () ->
            java.util.Optional.of(server.services().interactions().get(interactionId))
                .filter(i -> i.endedAt() != null),
        WAIT);
  }

  @Test
  void transferRedirectsTheCallerOfTheAgentsCurrentCall() throws Exception {
    ApiClient agent = server.as("agent2");
    var idle = agent.post("/api/v1/calls/current/transfer", Map.of("target", "billing"));
    assertThat(idle.status()).isEqualTo(409);
    assertThat(idle.errorCode()).isEqualTo("no_call");
    try (WsClient two = socket("agent2")) {
      two.await("hello");
      CallHandle call =
          sim.calls()
              .inboundQueueCall("0933444555", "", "support")
              .answeredBy(
                  "PJSIP/1002", Duration.ofSeconds(1), Duration.ofSeconds(60), HangupBy.AGENT);
      time.advance(Duration.ofSeconds(2));
      two.await("call-update", m -> isCall(m, call) && state(m, "answered"));
      sim.actions().clear();
      var moved = agent.post("/api/v1/calls/current/transfer", Map.of("target", "billing"));
      assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
      assertThat(moved.body().path("callId").asText()).isEqualTo(call.linkedid());
      RecordedAction redirect = sim.actions().awaitNamed("Redirect", WAIT).orElseThrow();
      assertThat(redirect.header("Channel")).isEqualTo(call.channel());
      assertThat(redirect.header("Context")).isEqualTo("cti-transfer");
      assertThat(redirect.header("Exten")).isEqualTo("billing");
      // The Redirect hangs the agent's phone up: their part of the call is over at once.
      two.await("call-update", m -> isCall(m, call) && state(m, "ended"));
      sim.pbx().hangup(call.uniqueid(), 16);
    }
  }

  @Test
  void colleaguesCanBeListedByRoleForAssignment() {
    var agents = server.as("agent1").get("/api/v1/users?role=agent");
    assertThat(agents.status()).isEqualTo(200);
    List<String> names = new java.util.ArrayList<>();
    agents.body().path("items").forEach(u -> names.add(u.path("username").asText()));
    assertThat(names).contains("agent1", "agent2").doesNotContain("supervisor1", "tech1");
    assertThat(server.as("tech1").get("/api/v1/users").status()).isEqualTo(403);
    assertThat(server.as("agent1").get("/api/v1/users?role=boss").errorField()).isEqualTo("role");
  }

  @Test
  void surveyResultsAreForSupervisorsPerAgentQueueOrProduct() {
    server
        .services()
        .surveys()
        .record(
            new dev.callcenter.helpdesk.survey.SurveyAnswerDraft(
                "survey-1", vip.id(), "PJSIP/1001", "support", null, 5, true));
    var results = server.as("supervisor1").get("/api/v1/surveys/results?by=queue");
    assertThat(results.status()).isEqualTo(200);
    assertThat(results.body().path("items").get(0).path("key").asText()).isEqualTo("support");
    assertThat(results.body().path("items").get(0).path("averageRating").asDouble()).isEqualTo(5.0);
    assertThat(server.as("agent1").get("/api/v1/surveys/results").status()).isEqualTo(403);
    var bad = server.as("supervisor1").get("/api/v1/surveys/results?by=weather");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorField()).isEqualTo("by");
  }

  private JsonNode ringAndAbandon(WsClient ws, String number, String name) throws Exception {
    CallHandle call =
        sim.calls()
            .inboundQueueCall(number, name, "support")
            .abandonedAfter(Duration.ofSeconds(2), "PJSIP/1001");
    time.advance(Duration.ofMillis(500));
    JsonNode pop = ws.await("screen-pop", m -> isCall(m, call)).path("data").path("pop");
    time.advance(Duration.ofSeconds(2));
    ws.await("call-update", m -> isCall(m, call) && state(m, "abandoned"));
    return pop;
  }

  private static boolean isCall(JsonNode m, CallHandle call) {
    return m.path("data").path("callId").asText().equals(call.linkedid());
  }

  private static boolean state(JsonNode m, String state) {
    return m.path("data").path("state").asText().equals(state);
  }
}
