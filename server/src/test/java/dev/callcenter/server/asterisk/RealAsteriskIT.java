package dev.callcenter.server.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.cti.live.AgentState;
import dev.callcenter.cti.live.AgentStatus;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.followup.FollowUp;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.ivr.IvrJourney;
import dev.callcenter.helpdesk.survey.SurveyAnswer;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import dev.callcenter.server.WsClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The call center against a real Asterisk 22 configured with the project's own sample files: SIP
 * callers on the provider's trunk keying RFC 4733 DTMF, agents' phones that register and answer
 * (all sipp), the server's CTI gateway on AMI and its FastAGI IVR. Asterisk, the phones and the
 * server start once for the class; each test sets the agents' states and phones it needs. The order
 * only saves time: an agent who took a call is not rung again within queues.conf's wrapuptime (10
 * s), so consecutive calls go to alternating agents, and the restart comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealAsteriskIT {

  private static final Duration CALL = Duration.ofSeconds(40);
  private static final Duration IVR = Duration.ofSeconds(30);
  private static final Pattern LAST_CALL = Pattern.compile("last was (\\d+) secs ago");

  private static RealPbxStage stage;
  private static TestServer server;
  private static Asterisk pbx;

  @BeforeAll
  static void start() throws Exception {
    stage = RealPbxStage.start("RealAsteriskIT", Map.of());
    server = stage.server;
    pbx = stage.pbx;
  }

  @AfterAll
  static void stop() {
    if (stage != null) {
      stage.close();
    }
  }

  /** Whatever a test left ringing or connected is hung up, so the next test starts idle. */
  @AfterEach
  void hangUpEverything() {
    if (pbx != null) {
      pbx.cli("channel request hangup all");
      RealPbxStage.await(
          "no channels left",
          () ->
              pbx.cli("core show channels count")
                  .lines()
                  .anyMatch(l -> l.equals("0 active channels")));
      // Now and then (issue 11 note, 2026-12-06) the gateway kept an agent ON_CALL after this
      // teardown until its next resync. The likely cause, a lost AgentComplete when both
      // channels go at once, is now covered: the leg ends 5 s after the agent's hang-up (a WARN
      // "No AgentComplete" in the log). If it still happens, it is something else: said loudly
      // and resynced, so the next test checks its own behaviour.
      if (!agentsIdle(Duration.ofSeconds(10))) {
        System.err.println(
            "KNOWN BUG: the gateway kept a call after Asterisk had none: "
                + gatewayState("agent1")
                + " / "
                + gatewayState("agent2"));
        server.server().cti().reloadAgents();
        assertThat(agentsIdle(Duration.ofSeconds(15))).as("idle after a resync").isTrue();
      }
    }
  }

  private static boolean agentsIdle(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      boolean idle =
          java.util.stream.Stream.of("agent1", "agent2")
              .map(u -> server.server().cti().agentState(userId(u)))
              .allMatch(s -> s.state() != AgentState.ON_CALL && s.state() != AgentState.RINGING);
      if (idle) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  @Test
  @Order(1)
  void theSampleConfigurationLoadsWithoutWarnings() {
    assertThat(pbx.bootProblems()).as("WARNING/ERROR lines while booting").isEmpty();
    assertThat(pbx.cli("manager show user callcenter"))
        .contains("read perm: system,call,agent,user")
        .contains("write perm: call,agent,reporting,originate");
    assertThat(pbx.cli("pjsip show identifies")).contains("trunk/trunk").contains("127.0.0.2/32");
    assertThat(pbx.cli("dialplan show 100@from-pstn")).contains("AGI(${CC_AGI}/ivr)");
    for (String queue : List.of("support", "support-en", "support-mobile")) {
      assertThat(pbx.cli("queue show " + queue)).as(queue).contains(queue + " has ");
    }
  }

  @Test
  @Order(9)
  void aQueueCallPopsOnlyOnTheRingingAgentAndIsLoggedWithRingAndTalkTime() throws Exception {
    Customer wang = stage.customer("王大明", "02-2345-6701", "zh-TW");
    stage.phone1001.behave(Duration.ofSeconds(2), Duration.ofSeconds(60));
    stage.phone1002.behave(Duration.ofSeconds(2), Duration.ofSeconds(60));
    setState("agent1", "available", null);
    setState("agent2", "available", null);
    try (WsClient one = socket("agent1");
        WsClient two = socket("agent2")) {
      one.await("hello");
      two.await("hello");
      int rang1 = stage.phone1001.rings().size();
      int rang2 = stage.phone1002.rings().size();

      try (SipCall call =
          stage.dial(SipCall.from("0223456701", "王大明").hangUpAfter(Duration.ofSeconds(6)), "200")) {
        AtomicReference<String> ringing = new AtomicReference<>();
        RealPbxStage.await(
            "a phone rings",
            () -> {
              if (stage.phone1001.rings().size() > rang1) {
                ringing.set("agent1");
              } else if (stage.phone1002.rings().size() > rang2) {
                ringing.set("agent2");
              }
              return ringing.get() != null;
            });
        WsClient rung = ringing.get().equals("agent1") ? one : two;
        WsClient other = rung == one ? two : one;

        JsonNode pop = rung.await("screen-pop", m -> calledBy(m, "+886223456701")).path("data");
        String callId = pop.path("callId").asText();
        assertThat(pop.path("state").asText()).isEqualTo("ringing");
        assertThat(pop.at("/pop/queue").asText()).isEqualTo("support");
        assertThat(pop.at("/pop/lookup").asText()).isEqualTo("KNOWN");
        assertThat(pop.at("/pop/customer/id").asLong()).isEqualTo(wang.id());
        assertThat(pop.at("/pop/caller/e164").asText()).isEqualTo("+886223456701");
        assertThat(pop.at("/pop/caller/name").asText()).isEqualTo("王大明");

        JsonNode answered = rung.await("call-update", m -> isCall(m, callId, "answered"));
        long interactionId = answered.at("/data/interactionId").asLong();
        rung.await("call-update", m -> isCall(m, callId, "ended"), CALL);
        call.awaitCompleted(CALL);

        Interaction logged = awaitEnded(interactionId);
        assertThat(logged.customerId()).isEqualTo(wang.id());
        assertThat(logged.agentId())
            .isEqualTo(ringing.get().equals("agent1") ? stage.agent1 : stage.agent2);
        assertThat(logged.call().linkedid()).isEqualTo(callId);
        assertThat(logged.call().queue()).isEqualTo("support");
        assertThat(logged.call().ringSeconds()).isBetween(1, 4);
        assertThat(logged.call().talkSeconds()).isBetween(2, 6);
        assertThat(logged.call().hangupBy()).isEqualTo("CALLER");
        assertThat(other.unclaimed())
            .noneMatch(
                m ->
                    m.path("type").asText().equals("screen-pop")
                        && m.at("/data/callId").asText().equals(callId));
        var otherPhone = rung == one ? stage.phone1002 : stage.phone1001;
        assertThat(otherPhone.rings()).hasSize(rung == one ? rang2 : rang1);
      }
    }
  }

  @Test
  @Order(6)
  void aFaultReportByDtmfOpensATicketAndThePopShowsTheIvrPathAndPriority() throws Exception {
    pbx.installPrompts(RealPbxStage.prompts());
    Customer chen = stage.customer("陳美玲", "02-2345-6702", "zh-TW");
    server.services().customers().setTierOverride(chen.id(), Tier.VIP);
    stage.phone1001.behave(Duration.ofSeconds(3), Duration.ofSeconds(60));
    setState("agent1", "available", null);
    setState("agent2", "logged-out", null);
    try (WsClient one = socket("agent1")) {
      one.await("hello");
      // Each key lands while its menu waits (prompt 0.5 s + timeout 5 s): main 2 (report a
      // fault), product 1, serial 12345#, then after the ticket is read back main 0 (an agent).
      SipCall.Builder caller =
          SipCall.from("0223456702", "Chen")
              .key(Duration.ofMillis(3000), '2')
              .key(Duration.ofMillis(5000), '1')
              .keys(Duration.ofMillis(7000), "12345#", Duration.ofMillis(300))
              .key(Duration.ofMillis(12000), '0')
              .hangUpAfter(Duration.ofSeconds(18));
      try (SipCall call = stage.dial(caller, "100")) {
        JsonNode pop =
            one.await("screen-pop", m -> calledBy(m, "+886223456702"), IVR)
                .path("data")
                .path("pop");
        // what Asterisk does with the caller, not only what the IVR noted: SAY DIGITS of the
        // ticket number fails in zh_TW (no Mandarin digits), yet the VIP waits with priority 10
        assertThat(pbx.cli("queue show support")).contains("prio: 10");
        JsonNode ivr = pop.at("/extras/ivr");
        assertThat(ivr.path("priority").asInt()).as(ivr.toString()).isEqualTo(10);
        assertThat(ivr.path("queue").asText()).isEqualTo("support");
        assertThat(ivr.path("outcome").asText()).isEqualTo("AGENT");
        assertThat(ivr.path("steps").toString())
            .contains("\"menu\":\"main\",\"input\":\"2\",\"outcome\":\"CHOSE\"")
            .contains("\"value\":\"Fiber router\"")
            .contains("\"menu\":\"serial\",\"input\":\"12345\",\"outcome\":\"ENTERED\"")
            .contains("\"value\":\"agent\"");
        long ticketId = ivr.path("ticketId").asLong();
        Ticket ticket = server.services().tickets().get(ticketId);
        assertThat(ticket.type()).isEqualTo(TicketType.FAULT_REPORT);
        assertThat(ticket.customerId()).isEqualTo(chen.id());
        assertThat(ticket.product()).isEqualTo("Fiber router");
        assertThat(ticket.description()).contains("序號:12345"); // a zh-TW caller
        assertThat(ticket.pbxLinkedid()).isEqualTo(pop.path("callId").asText());
        call.awaitCompleted(CALL);
      }
    } finally {
      pbx.removePrompts();
    }
  }

  @Test
  @Order(4)
  void withoutRecordedPromptsTheIvrStillRoutesTheCallerWithTheirPriority() throws Exception {
    pbx.removePrompts(); // a fresh install: sounds.md's prompts not yet recorded
    Customer lin = stage.customer("林志明", "02-2345-6703", "zh-TW");
    server.services().customers().setTierOverride(lin.id(), Tier.VIP);
    setState("agent1", "logged-out", null);
    setState("agent2", "logged-out", null);
    try (SipCall call =
        stage.dial(SipCall.from("0223456703", "Lin").hangUpAfter(Duration.ofSeconds(8)), "100")) {
      // Every prompt fails (result=-1 on a live channel): the menus end without input, and the
      // caller waits in the queue with the VIP priority rather than being hung up on.
      AtomicReference<String> waiting = new AtomicReference<>();
      RealPbxStage.await(
          "the caller waits in support",
          () -> {
            Optional<String> line =
                pbx.cli("queue show support")
                    .lines()
                    .filter(l -> l.contains("PJSIP/trunk-"))
                    .findFirst();
            line.ifPresent(waiting::set);
            return line.isPresent();
          });
      assertThat(waiting.get()).contains("prio: 10");
      String channel = waiting.get().replaceAll(".*(PJSIP/trunk-[0-9a-f]+).*", "$1");
      String variables = pbx.cli("core show channel " + channel);
      assertThat(variables)
          .contains("CC_NEXT=queue")
          .contains("CC_QUEUE=support")
          .contains("QUEUE_PRIO=10")
          .contains("CC_LANGUAGE=zh-TW")
          .contains("CC_CUSTOMER_ID=" + lin.id());
      call.awaitCompleted(CALL);
    }
    IvrJourney journey = journeyOf("+886223456703");
    assertThat(journey.priority()).isEqualTo(10);
    assertThat(journey.path()).contains("main (GAVE_UP tries=3)").doesNotContain("hangup");
  }

  @Test
  @Order(5)
  void anAbandonedCallFromAKnownCustomerBecomesACallbackForTheRungAgent() throws Exception {
    Customer hsu = stage.customer("Callback Hsu", "0922333401", "zh-TW");
    stage.phone1002.behave(Duration.ofSeconds(20), Duration.ofSeconds(60)); // rings, no answer
    setState("agent1", "logged-out", null);
    setState("agent2", "available", null);
    try (WsClient two = socket("agent2")) {
      two.await("hello");
      try (SipCall call =
          stage.dial(SipCall.from("0922333401", "Hsu").hangUpAfter(Duration.ofSeconds(4)), "200")) {
        JsonNode pop = two.await("screen-pop", m -> calledBy(m, "+886922333401")).path("data");
        String callId = pop.path("callId").asText();
        two.await("call-update", m -> isCall(m, callId, "abandoned"));
        JsonNode callback =
            two.await("follow-up", m -> m.at("/data/customerId").asLong() == hsu.id()).path("data");
        assertThat(callback.path("ownerId").asLong()).isEqualTo(stage.agent2);
        assertThat(callback.path("kind").asText()).isEqualTo("CALLBACK_MISSED_CALL");
        assertThat(callback.path("customerName").asText()).isEqualTo("Callback Hsu");
        assertThat(callback.at("/params/number").asText()).isEqualTo("0922333401");
        FollowUp stored = server.services().followUps().get(callback.path("id").asLong());
        assertThat(stored.team()).isEqualTo("support");
        call.awaitCompleted(CALL);
      }
    }
    assertThat(server.services().interactions().forCustomer(hsu.id(), 10, 0))
        .anyMatch(i -> i.event() == dev.callcenter.helpdesk.interaction.InteractionEvent.ABANDONED);
  }

  @Test
  @Order(3)
  void aPauseWithAReasonIsAPauseInAsterisksQueue() {
    setState("agent1", "available", null);
    ApiClient agent = server.as("agent1");
    var paused = agent.put("/api/v1/agents/me/state", Map.of("state", "paused", "reason", "lunch"));
    assertThat(paused.status()).as(paused.body().toString()).isEqualTo(200);
    RealPbxStage.await(
        "PJSIP/1001 paused for lunch in queue show support",
        () -> {
          String line = stage.memberLine("support", "PJSIP/1001");
          return line != null && line.contains("paused:lunch");
        });
    setState("agent1", "available", null);
    assertThat(stage.memberLine("support", "PJSIP/1001")).doesNotContain("paused");
  }

  @Test
  @Order(8)
  void clickToCallRingsTheAgentsPhoneAndTheInteractionEndsWhenTheyHangUp() {
    stage.customer("Click Lee", "02-2345-6704", "zh-TW");
    stage.phone1001.behave(Duration.ofSeconds(1), Duration.ofSeconds(3));
    stage.customerPhone.behave(Duration.ofMillis(500), Duration.ofSeconds(60));
    int agentRings = stage.phone1001.rings().size();
    int customerRings = stage.customerPhone.rings().size();

    var placed = server.as("agent1").post("/api/v1/calls", Map.of("number", "02-2345-6704"));

    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    RealPbxStage.await("agent1's phone rings", () -> stage.phone1001.rings().size() > agentRings);
    RealPbxStage.await(
        "the customer's phone rings behind the trunk",
        () -> stage.customerPhone.rings().size() > customerRings);
    assertThat(stage.customerPhone.rings().getLast().callId()).isNotBlank();
    Interaction closed = awaitEnded(placed.body().path("id").asLong());
    assertThat(closed.call().talkSeconds()).isBetween(2, 5);
    assertThat(closed.call().hangupCause()).isNotBlank();
  }

  @Test
  @Order(7)
  void theSurveyAfterTheAgentHangsUpStoresTheRating() throws Exception {
    pbx.installPrompts(RealPbxStage.prompts());
    Customer wu = stage.customer("吳淑芬", "02-2345-6705", "zh-TW");
    stage.phone1002.behave(Duration.ofSeconds(1), Duration.ofSeconds(2)); // the agent hangs up
    setState("agent1", "logged-out", null);
    setState("agent2", "available", null);
    // main 0 (an agent); the agent answers about 5 s in and hangs up 2 s later; the survey then
    // asks for a rating (4) and whether the problem was solved (1 yes).
    SipCall.Builder caller =
        SipCall.from("0223456705", "Wu")
            .key(Duration.ofMillis(3000), '0')
            .key(Duration.ofMillis(10000), '4')
            .key(Duration.ofMillis(12500), '1')
            .hangUpAfter(Duration.ofSeconds(25));
    String callId;
    try (WsClient two = socket("agent2");
        SipCall call = stage.dial(caller, "100")) {
      two.await("hello");
      callId =
          two.await("screen-pop", m -> calledBy(m, "+886223456705"), IVR)
              .at("/data/callId")
              .asText();
      call.awaitCompleted(CALL); // Asterisk hangs up after the survey's thanks
    } finally {
      pbx.removePrompts();
    }
    List<SurveyAnswer> answers = server.services().surveys().forCall(callId);
    assertThat(answers).hasSize(1);
    SurveyAnswer answer = answers.getFirst();
    assertThat(answer.rating()).isEqualTo(4);
    assertThat(answer.solved()).isTrue();
    assertThat(answer.agent()).isEqualTo("PJSIP/1002");
    assertThat(answer.queue()).isEqualTo("support");
    assertThat(answer.customerId()).isEqualTo(wu.id());
  }

  @Test
  @Order(12)
  void afterCoreRestartTheAgentsAreBackInTheirQueuesAndTheNextCallPops() throws Exception {
    stage.customer("Restart Kao", "02-2345-6706", "zh-TW");
    stage.phone1001.behave(Duration.ofSeconds(1), Duration.ofSeconds(60));
    setState("agent1", "available", null);
    setState("agent2", "paused", "lunch");

    pbx.restartNow();

    RealPbxStage.await(
        "agent1 back available and agent2 back paused for lunch in support",
        () -> {
          String one = stage.memberLine("support", "PJSIP/1001");
          String two = stage.memberLine("support", "PJSIP/1002");
          return one != null
              && !one.contains("paused")
              && two != null
              && two.contains("paused:lunch");
        });
    stage.awaitGatewayUp();
    assertThat(pbx.bootProblems()).as("WARNING/ERROR lines while booting again").isEmpty();
    // The registrations survive in astdb, but Asterisk rings a phone only once it has qualified
    // it again, within qualify_frequency (30 s in the sample): ask for that now.
    pbx.cli("pjsip qualify 1001");
    pbx.cli("pjsip qualify 1002");
    stage.awaitPhonesReachable();
    try (WsClient one = socket("agent1");
        SipCall call =
            stage.dial(
                SipCall.from("0223456706", "Kao").hangUpAfter(Duration.ofSeconds(3)), "200")) {
      one.await("hello");
      JsonNode pop = one.await("screen-pop", m -> calledBy(m, "+886223456706")).path("data");
      assertThat(pop.path("state").asText()).isEqualTo("ringing");
      call.awaitCompleted(CALL);
    }
  }

  @Test
  @Order(10)
  void aRecordedCallGetsTheRecordingReferenceFromTheUserEvent() throws Exception {
    Customer chang = stage.customer("錄音 張先生", "02-2345-6708", "zh-TW");
    pbx.removePrompts(); // the IVR then routes at once
    stage.phone1002.behave(Duration.ofSeconds(1), Duration.ofSeconds(60));
    setState("agent1", "logged-out", null);
    setState("agent2", "available", null);
    awaitWrappedUp("PJSIP/1002");
    // CC_RECORD = yes in [globals], as a user turns recording on
    pbx.cli("dialplan set global CC_RECORD yes");
    try (WsClient two = socket("agent2");
        SipCall call =
            stage.dial(
                SipCall.from("0223456708", "Chang").hangUpAfter(Duration.ofSeconds(5)), "100")) {
      two.await("hello");
      String callId =
          two.await("screen-pop", m -> calledBy(m, "+886223456708")).at("/data/callId").asText();
      long id =
          two.await("call-update", m -> isCall(m, callId, "answered"))
              .at("/data/interactionId")
              .asLong();
      call.awaitCompleted(CALL);

      Interaction logged = awaitEnded(id);
      assertThat(logged.customerId()).isEqualTo(chang.id());
      String recording = logged.call().recordingRef();
      assertThat(recording).matches("cc-\\d{8}-\\d{6}-[0-9.]+\\.wav");
      assertThat(pbx.dir().resolve("spool/monitor").resolve(recording))
          .as("MixMonitor's file")
          .exists();
    } finally {
      pbx.cli("dialplan set global CC_RECORD no");
    }
  }

  @Test
  @Order(11)
  void aTransferToAnotherQueueEndsTheFirstAgentsLegAndTheNextAgentGetsATransferPop()
      throws Exception {
    Customer lin = stage.customer("轉接 林小姐", "02-2345-6707", "zh-TW");
    var services = server.services();
    services.agentDevices().assign(stage.agent2, "PJSIP/1002", List.of("support", "support-en"));
    server.server().cti().reloadAgents();
    stage.phone1001.behave(Duration.ofSeconds(1), Duration.ofSeconds(60));
    stage.phone1002.behave(Duration.ofSeconds(1), Duration.ofSeconds(60));
    try {
      setState("agent2", "logged-out", null);
      setState("agent1", "available", null);
      awaitWrappedUp("PJSIP/1001");
      try (WsClient one = socket("agent1");
          WsClient two = socket("agent2");
          SipCall call =
              stage.dial(
                  SipCall.from("0223456707", "Lin").hangUpAfter(Duration.ofSeconds(9)), "200")) {
        one.await("hello");
        two.await("hello");
        String callId =
            one.await("screen-pop", m -> calledBy(m, "+886223456707")).at("/data/callId").asText();
        long first =
            one.await("call-update", m -> isCall(m, callId, "answered"))
                .at("/data/interactionId")
                .asLong();
        // agent2 logs in (support and support-en) while agent1 talks
        setState("agent2", "available", null);
        awaitWrappedUp("PJSIP/1002");

        var moved =
            server
                .as("agent1")
                .post("/api/v1/calls/current/transfer", Map.of("target", "support-en"));

        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
        // agent1's part ends when their phone leaves the call, not when the caller hangs up
        one.await("call-update", m -> isCall(m, callId, "ended"));
        Interaction firstLeg = awaitEnded(first);
        assertThat(firstLeg.agentId()).isEqualTo(stage.agent1);
        assertThat(firstLeg.call().queue()).isEqualTo("support");
        assertThat(firstLeg.call().hangupBy()).isEqualTo("TRANSFER");

        JsonNode pop = two.await("screen-pop", m -> isCall(m, callId, "ringing")).at("/data/pop");
        assertThat(pop.path("queue").asText()).isEqualTo("support-en");
        assertThat(pop.at("/customer/id").asLong()).isEqualTo(lin.id());
        assertThat(pop.at("/transfer/fromUserId").asLong()).isEqualTo(stage.agent1);
        assertThat(pop.at("/transfer/fromQueue").asText()).isEqualTo("support");
        long second =
            two.await("call-update", m -> isCall(m, callId, "answered"))
                .at("/data/interactionId")
                .asLong();
        assertThat(second).isNotEqualTo(first);
        two.await("call-update", m -> isCall(m, callId, "ended"), CALL);
        call.awaitCompleted(CALL);

        Interaction secondLeg = awaitEnded(second);
        assertThat(secondLeg.agentId()).isEqualTo(stage.agent2);
        assertThat(secondLeg.call().queue()).isEqualTo("support-en");
        assertThat(secondLeg.call().hangupBy()).isEqualTo("CALLER");
        assertThat(secondLeg.call().talkSeconds()).isBetween(2, 8);
        assertThat(services.interactions().get(first).call().hangupBy())
            .as("the late AgentComplete of agent1 does not re-time their leg")
            .isEqualTo("TRANSFER");
        assertThat(services.interactions().forCustomer(lin.id(), 10, 0))
            .extracting(Interaction::id)
            .containsExactlyInAnyOrder(first, second);
        assertThat(services.followUps().forCustomer(lin.id())).isEmpty();
      }
    } finally {
      services.agentDevices().assign(stage.agent2, "PJSIP/1002", List.of("support"));
      server.server().cti().reloadAgents();
      setState("agent2", "logged-out", null);
    }
  }

  @Test
  @Order(13)
  void aTransferToAnExtensionPopsOnThatPhoneAndItsAgentGetsALegOfTheirOwn() throws Exception {
    Customer ho = stage.customer("分機 何先生", "02-2345-6719", "zh-TW");
    var services = server.services();
    stage.phone1001.behave(Duration.ofSeconds(1), Duration.ofSeconds(60));
    stage.phone1002.behave(Duration.ofSeconds(2), Duration.ofSeconds(60));
    setState("agent2", "logged-out", null); // a Dial rings the phone, logged in to queues or not
    setState("agent1", "available", null);
    awaitWrappedUp("PJSIP/1001");
    try (WsClient one = socket("agent1");
        WsClient two = socket("agent2");
        SipCall call =
            stage.dial(
                SipCall.from("0223456719", "Ho").hangUpAfter(Duration.ofSeconds(10)), "200")) {
      one.await("hello");
      two.await("hello");
      String callId =
          one.await("screen-pop", m -> calledBy(m, "+886223456719")).at("/data/callId").asText();
      long first =
          one.await("call-update", m -> isCall(m, callId, "answered"))
              .at("/data/interactionId")
              .asLong();

      var moved =
          server.as("agent1").post("/api/v1/calls/current/transfer", Map.of("target", "1002"));

      assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
      one.await("call-update", m -> isCall(m, callId, "ended"));
      assertThat(awaitEnded(first).call().hangupBy()).isEqualTo("TRANSFER");
      // cti-transfer's Dial(PJSIP/1002): agent2's phone rings, agent2's screen pops
      JsonNode pop = two.await("screen-pop", m -> isCall(m, callId, "ringing")).at("/data/pop");
      assertThat(pop.at("/customer/id").asLong()).isEqualTo(ho.id());
      assertThat(pop.path("queue").isMissingNode() || pop.path("queue").isNull())
          .as(pop.toString())
          .isTrue();
      assertThat(pop.at("/transfer/fromUserId").asLong()).isEqualTo(stage.agent1);
      assertThat(pop.at("/transfer/fromQueue").asText()).isEqualTo("support");
      long second =
          two.await("call-update", m -> isCall(m, callId, "answered"))
              .at("/data/interactionId")
              .asLong();
      assertThat(second).isNotEqualTo(first);
      assertThat(pbx.rtpSockets())
          .as("the media of the call in progress, on loopback only")
          .isNotEmpty()
          .allMatch(local -> local.startsWith("127.0.0.1:"));
      two.await("call-update", m -> isCall(m, callId, "ended"), CALL);
      call.awaitCompleted(CALL);

      Interaction secondLeg = awaitEnded(second);
      assertThat(secondLeg.agentId()).isEqualTo(stage.agent2);
      assertThat(secondLeg.call().queue()).isNull();
      assertThat(secondLeg.call().hangupBy()).isEqualTo("CALLER");
      // the phone answers after 2 s, the caller hangs up 10 s after their call was answered
      // (sipp's clock; a loaded machine stretches both)
      assertThat(secondLeg.call().ringSeconds()).isBetween(1, 6);
      assertThat(secondLeg.call().talkSeconds()).isBetween(1, 20);
      assertThat(services.interactions().forCustomer(ho.id(), 10, 0))
          .extracting(Interaction::id)
          .containsExactlyInAnyOrder(first, second);
      assertThat(services.followUps().forCustomer(ho.id())).isEmpty();
      assertThat(agentsIdle(Duration.ofSeconds(5))).as("both phones free again").isTrue();
    }
  }

  @Test
  @Order(2)
  void aWrongAmiSecretIsNamedInTheHealthReport() {
    Map<String, String> settings =
        new HashMap<>(RealPbxStage.serverSettings(stage.amiPort, "not-the-secret"));
    settings.put("ivr.enabled", "false");
    try (TestServer wrong = TestServer.start(settings, Clock.systemUTC())) {
      AtomicReference<JsonNode> pbxHealth = new AtomicReference<>();
      RealPbxStage.await(
          "health names the failure",
          () -> {
            pbxHealth.set(wrong.anonymous().get("/api/v1/health").body().at("/components/pbx"));
            return pbxHealth.get().has("reason");
          });
      assertThat(pbxHealth.get().path("reason").asText()).isEqualTo("authentication_failed");
      assertThat(pbxHealth.get().toString()).doesNotContain("not-the-secret");
    }
    assertThat(pbx.consoleLines())
        .anyMatch(l -> l.contains("failed to authenticate as 'callcenter'"));
  }

  private static void setState(String username, String state, String reason) {
    Map<String, String> body = new HashMap<>(Map.of("state", state));
    if (reason != null) {
      body.put("reason", reason);
    }
    var r = server.as(username).put("/api/v1/agents/me/state", body);
    assertThat(r.status()).as(username + " " + state + ": " + r.body()).isEqualTo(200);
    String iface = username.equals("agent1") ? "PJSIP/1001" : "PJSIP/1002";
    RealPbxStage.await(
        iface + " " + state + " in Asterisk",
        () -> {
          String line = stage.memberLine("support", iface);
          return switch (state) {
            case "logged-out" -> line == null;
            case "paused" -> line != null && line.contains("paused:" + reason);
            default -> line != null && !line.contains("paused");
          };
        });
    // The gateway's picture follows from the member events; an agent still in wrap-up after the
    // previous test's call shows WRAP_UP whatever their membership (as Asterisk will not ring
    // them before queues.conf's wrapuptime either).
    RealPbxStage.await(
        () -> username + " " + state + " at the gateway, is " + gatewayState(username),
        Duration.ofSeconds(20),
        () -> {
          AgentStatus s = server.server().cti().agentState(userId(username));
          boolean member = s.queues().contains("support");
          return (state.equals("logged-out") ? !member : member)
              && (s.state() == AgentState.WRAP_UP
                  || s.state().name().equals(state.toUpperCase().replace('-', '_')));
        });
  }

  /**
   * Waits until Asterisk will ring {@code iface} again: its last call ended more than queues.conf's
   * wrapuptime (10 s) ago.
   */
  private static void awaitWrappedUp(String iface) {
    RealPbxStage.await(
        iface + " out of wrap-up",
        Duration.ofSeconds(15),
        () -> {
          String line = stage.memberLine("support", iface);
          if (line == null) {
            return false;
          }
          Matcher last = LAST_CALL.matcher(line);
          return line.contains("has taken no calls")
              || (last.find() && Integer.parseInt(last.group(1)) >= 10);
        });
  }

  private static Object gatewayState(String username) {
    return server.server().cti().agentState(userId(username));
  }

  private static long userId(String username) {
    return username.equals("agent1") ? stage.agent1 : stage.agent2;
  }

  private static WsClient socket(String username) {
    return WsClient.connect(server.baseUrl(), server.as(username).token());
  }

  private static boolean isCall(JsonNode m, String callId, String state) {
    return m.at("/data/callId").asText().equals(callId)
        && m.at("/data/state").asText().equals(state);
  }

  private static boolean calledBy(JsonNode m, String e164) {
    return m.at("/data/pop/caller/e164").asText().equals(e164);
  }

  private static IvrJourney journeyOf(String callerE164) {
    AtomicReference<IvrJourney> found = new AtomicReference<>();
    RealPbxStage.await(
        "the IVR journey of " + callerE164,
        () -> {
          var interactions =
              server.services().customers().lookup(callerE164).customers().stream()
                  .flatMap(
                      c -> server.services().interactions().forCustomer(c.id(), 10, 0).stream())
                  .filter(i -> i.call() != null && i.call().linkedid() != null)
                  .toList();
          for (Interaction i : interactions) {
            server
                .services()
                .ivrJourneys()
                .findByCallId(i.call().linkedid())
                .filter(j -> j.endedAt() != null)
                .ifPresent(found::set);
          }
          return found.get() != null;
        });
    return found.get();
  }

  private static Interaction awaitEnded(long interactionId) {
    long deadline = System.nanoTime() + CALL.toNanos();
    while (true) {
      Interaction i = server.services().interactions().get(interactionId);
      if (i.endedAt() != null) {
        return i;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("interaction " + interactionId + " not closed: " + i);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  @Test
  @Order(14)
  void aCallerConfirmsTheirTechnicianVisitByDtmfAndTheOrderHistoryRecordsIt() throws Exception {
    pbx.installPrompts(RealPbxStage.prompts());
    var services = server.services();
    Customer wang = stage.customer("Visit Wang", "0922333413", "en");
    long tech = services.users().findCredentials("tech1").orElseThrow().user().id();
    var hours = new java.util.ArrayList<dev.callcenter.helpdesk.dispatch.WorkingHours>();
    for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
      hours.add(
          new dev.callcenter.helpdesk.dispatch.WorkingHours(
              d, java.time.LocalTime.of(0, 0), java.time.LocalTime.of(23, 59)));
    }
    services
        .technicians()
        .save(
            tech,
            new dev.callcenter.helpdesk.dispatch.TechnicianProfile(
                List.of("hvac"), 25.04, 121.55, null, hours));
    Ticket ticket =
        services
            .tickets()
            .create(
                new dev.callcenter.helpdesk.ticket.TicketDraft(
                    TicketType.FAULT_REPORT,
                    "Air conditioner leaks",
                    null,
                    dev.callcenter.helpdesk.ticket.Priority.NORMAL,
                    wang.id(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                null);
    java.time.Instant start =
        java.time.Instant.now()
            .plus(Duration.ofDays(1))
            .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    var system = dev.callcenter.helpdesk.dispatch.Actor.system();
    long order =
        services
            .createDispatchOrder()
            .create(
                new dev.callcenter.helpdesk.dispatch.DispatchOrderDraft(
                    ticket.id(),
                    null,
                    "Taipei, Songren Rd 100",
                    25.03,
                    121.56,
                    List.of("hvac"),
                    60,
                    start,
                    start.plus(Duration.ofHours(2)),
                    List.of(),
                    null),
                system)
            .id();
    services.dispatch().schedule(order, tech, start, null, system);
    try {
      // main 3 (the visit) while the main menu waits; then 1 (confirm) every 2 s: keys during the
      // read-out (STREAM FILE, SAY DATETIME without escape digits) are dropped, the first one
      // while the visit menu waits confirms, and the call ends with the goodbye.
      SipCall.Builder caller = SipCall.from("0922333413", "Wang").key(Duration.ofMillis(3000), '3');
      for (int at = 8000; at <= 20000; at += 2000) {
        caller.key(Duration.ofMillis(at), '1');
      }
      try (SipCall call = stage.dial(caller.hangUpAfter(Duration.ofSeconds(30)), "100")) {
        call.awaitCompleted(CALL);
      }
      IvrJourney journey = journeyOf("+886922333413");
      assertThat(journey.outcome())
          .as(journey.path())
          .isEqualTo(dev.callcenter.helpdesk.ivr.IvrOutcome.COMPLETED);
      assertThat(journey.steps())
          .extracting(step -> step.outcome())
          .containsSubsequence("VISIT_READ", "CHOSE", "VISIT_CONFIRMED");
      var confirmed = services.dispatch().history(order, system).getLast();
      assertThat(confirmed.action()).isEqualTo("customer-confirmed");
      assertThat(confirmed.detail()).isEqualTo(journey.callId());
    } finally {
      pbx.removePrompts();
    }
  }
}
