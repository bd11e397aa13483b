package dev.callcenter.cti.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.assignment.MemberDraft;
import dev.callcenter.helpdesk.assignment.TeamDraft;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.CustomerDraft;
import dev.callcenter.helpdesk.customer.CustomerKind;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.followup.FollowUp;
import dev.callcenter.helpdesk.followup.FollowUpKind;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.interaction.InteractionEvent;
import dev.callcenter.helpdesk.ivr.IvrJourney;
import dev.callcenter.helpdesk.ivr.IvrOutcome;
import dev.callcenter.helpdesk.ivr.IvrStep;
import dev.callcenter.helpdesk.survey.SurveyAnswer;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.StatusChange;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketSource;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.pbxsim.agi.AgiCall;
import dev.callcenter.pbxsim.agi.AgiCaller;
import dev.callcenter.pbxsim.agi.AgiEnding;
import dev.callcenter.pbxsim.agi.AgiResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each IVR flow end to end: the simulator plays Asterisk over a real FastAGI TCP connection
 * (environment block, res_agi replies, scripted DTMF and timeouts), against the real help desk on
 * the embedded PostgreSQL.
 */
class IvrFlowTest {

  private static IvrKit kit;

  @BeforeAll
  static void start() {
    kit = new IvrKit();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  private static String getData(String sound, long timeoutMs, int maxDigits) {
    return "GET DATA \"" + sound + "\" " + timeoutMs + " " + maxDigits;
  }

  private static String play(String sound) {
    return "STREAM FILE \"" + sound + "\" \"\"";
  }

  private static IvrJourney journey(AgiCall call) {
    return kit.journeys.findByCallId(call.uniqueid()).orElseThrow();
  }

  private static List<String> outcomes(IvrJourney j) {
    return j.steps().stream()
        .map(
            s -> {
              StringBuilder sb = new StringBuilder(s.menu() + "|" + s.input() + "|" + s.outcome());
              s.params().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
              return sb.toString();
            })
        .toList();
  }

  @Test
  void knownVipCallerHearsOpenTicketsNewestFirstAndReachesAnAgentAboutThemFirstInLine() {
    Customer vip = kit.customer("Ada Lovelace", "en", Tier.VIP, "0911000001");
    Ticket older = kit.helpdesk.open(TicketType.QUESTION, Priority.NORMAL, vip.id(), null);
    Ticket newer = kit.helpdesk.open(TicketType.FAULT_REPORT, Priority.HIGH, vip.id(), null);

    AgiCall call = kit.start(AgiCaller.from("+886911000001").pressing("1", "1"));
    AgiResult r = IvrKit.result(call);

    assertThat(r.ending()).isInstanceOf(AgiEnding.ScriptReturned.class);
    assertThat(r.variables())
        .containsEntry("CC_NEXT", "queue")
        .containsEntry("CC_QUEUE", "support-en")
        .containsEntry("QUEUE_PRIO", "10")
        .containsEntry("CC_LANGUAGE", "en")
        .containsEntry("CHANNEL(language)", "en")
        .containsEntry("CC_CUSTOMER_ID", Long.toString(vip.id()))
        .containsEntry("CC_TICKET_ID", Long.toString(newer.id()))
        .containsEntry("CC_CALL_ID", call.uniqueid());
    List<String> commands = r.commands();
    assertThat(commands)
        .as("a known caller with a language preference hears no language menu")
        .doesNotContain(getData(kit.menuSound("language", "zh-TW"), 5000, 1));
    assertThat(commands)
        .containsSubsequence(
            getData(kit.menuSound("main", "en"), 5000, 1),
            play(kit.sound("you-have", "en")),
            "SAY NUMBER 2 \"\"",
            play(kit.sound("open-tickets", "en")),
            play(kit.sound("ticket", "en")),
            "SAY DIGITS " + newer.id() + " \"\"",
            play(kit.sound("status-new", "en")),
            play(kit.sound("promised-by", "en")),
            "SAY DATETIME "
                + newer.resolutionDueAt().getEpochSecond()
                + " \"\" \"ABdY 'digits/at' IMp\" \"Asia/Taipei\"",
            "SAY DIGITS " + older.id() + " \"\"",
            getData(kit.menuSound("ticket-status", "en"), 5000, 1),
            play(kit.sound("transfer", "en")));

    IvrJourney j = journey(call);
    assertThat(j.customerId()).isEqualTo(vip.id());
    assertThat(j.language()).isEqualTo("en");
    assertThat(j.outcome()).isEqualTo(IvrOutcome.AGENT);
    assertThat(j.queue()).isEqualTo("support-en");
    assertThat(j.priority()).isEqualTo(10);
    assertThat(outcomes(j))
        .containsExactly(
            "identify|null|KNOWN_BY_NUMBER customerId=" + vip.id(),
            "language|null|LANGUAGE_PREFERRED language=en",
            "main|1|CHOSE value=ticket-status",
            "ticket-status|null|OPEN_TICKETS_READ open=2 read=2 ticketIds="
                + newer.id()
                + ","
                + older.id(),
            "ticket-status|1|CHOSE value=agent",
            "agent|null|TO_AGENT priority=10 queue=support-en reason=ABOUT_TICKET ticketId="
                + newer.id());
    List<Interaction> timeline = kit.helpdesk.interactions.forCustomer(vip.id(), 10, 0);
    assertThat(timeline).hasSize(1);
    assertThat(timeline.getFirst().call().linkedid()).isEqualTo(call.uniqueid());
    assertThat(timeline.getFirst().call().queue()).isEqualTo("support-en");
    assertThat(timeline.getFirst().summary()).isNull();
    assertThat(timeline.getFirst().event()).isEqualTo(InteractionEvent.IVR);
    assertThat(timeline.getFirst().eventParams())
        .containsEntry("callId", call.uniqueid())
        .containsEntry("outcome", "AGENT")
        .containsEntry("language", "en");
  }

  @Test
  void onAFreshInstallWithoutPromptsOrDigitSoundsTheVipStillHearsTheMenuAndKeepsTheirPriority() {
    Customer vip = kit.customer("Grace Hopper", "en", Tier.VIP, "0911000011");
    Ticket ticket = kit.helpdesk.open(TicketType.FAULT_REPORT, Priority.HIGH, vip.id(), null);
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(dev.callcenter.cti.ivr.fastagi.MissingSounds.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> warnings =
        new ch.qos.logback.core.read.ListAppender<>();
    warnings.start();
    log.addAppender(warnings);
    try {
      String youHave = kit.sound("you-have", "en");
      AgiCaller caller =
          AgiCaller.from("+886911000011").pressing("1", "1").withoutSounds(youHave, "digits");

      AgiResult r = IvrKit.result(kit.start(caller));
      AgiResult again = IvrKit.result(kit.start(caller));

      for (AgiResult each : List.of(r, again)) {
        assertThat(each.ending()).isInstanceOf(AgiEnding.ScriptReturned.class);
        assertThat(each.replies()).contains("200 result=-1 endpos=0");
        assertThat(each.variables())
            .containsEntry("CC_NEXT", "queue")
            .containsEntry("CC_QUEUE", "support-en")
            .containsEntry("QUEUE_PRIO", "10")
            .containsEntry("CC_TICKET_ID", Long.toString(ticket.id()));
        assertThat(each.commands())
            .containsSubsequence(
                play(youHave),
                "CHANNEL STATUS",
                "SAY NUMBER 1 \"\"",
                "CHANNEL STATUS",
                play(kit.sound("ticket", "en")),
                getData(kit.menuSound("ticket-status", "en"), 5000, 1),
                play(kit.sound("transfer", "en")));
      }
      // Each missing sound is named once, not on every call.
      assertThat(warnings.list)
          .extracting(e -> e.getFormattedMessage())
          .filteredOn(m -> m.contains("'" + youHave + "'"))
          .hasSize(1);
      assertThat(warnings.list)
          .extracting(e -> e.getFormattedMessage())
          .filteredOn(m -> m.startsWith("SAY DATETIME failed in language 'en'"))
          .hasSize(1);
    } finally {
      log.detachAppender(warnings);
    }
  }

  @Test
  void anUnrecordedMenuPromptReadsNoKeysYetTheVipQueuesFirstAndThePromptIsNamedOnce() {
    Customer vip = kit.customer("Linus Pauling", "en", Tier.VIP, "0911000012");
    String main = kit.menuSound("main", "en");
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(dev.callcenter.cti.ivr.fastagi.MissingSounds.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> warnings =
        new ch.qos.logback.core.read.ListAppender<>();
    warnings.start();
    log.addAppender(warnings);
    try {
      // As Asterisk 22: GET DATA whose prompt cannot be played answers result=-1 and reads no key.
      AgiCaller caller = AgiCaller.from("+886911000012").pressing("2").withoutSounds(main);

      AgiResult r = kit.call(caller);
      kit.call(caller);

      assertThat(r.variables())
          .containsEntry("CC_NEXT", "queue")
          .containsEntry("CC_QUEUE", "support-en")
          .containsEntry("QUEUE_PRIO", "10")
          .containsEntry("CC_CUSTOMER_ID", Long.toString(vip.id()));
      assertThat(r.replies()).contains("200 result=-1");
      assertThat(
              kit.journeys
                  .findByCallId(
                      r.environmentText()
                          .lines()
                          .filter(l -> l.startsWith("agi_uniqueid: "))
                          .map(l -> l.substring("agi_uniqueid: ".length()))
                          .findFirst()
                          .orElseThrow())
                  .orElseThrow()
                  .path())
          .contains("main (GAVE_UP tries=3)")
          .doesNotContain("report-fault");
      assertThat(warnings.list)
          .extracting(e -> e.getFormattedMessage())
          .filteredOn(m -> m.contains("'" + main + "'"))
          .singleElement()
          .asString()
          .startsWith("Menu prompt '" + main + "' could not be played in language 'en'");
    } finally {
      log.detachAppender(warnings);
    }
  }

  @Test
  void standardCallerPressingZeroGoesToTheLanguageQueueWithStandardPriority() {
    Customer c = kit.customer("王小明", "zh-TW", Tier.STANDARD, "02-2345-6001");

    AgiResult r = kit.call(AgiCaller.from("0223456001").pressing("0"));

    assertThat(r.variables())
        .containsEntry("CHANNEL(language)", "zh_TW")
        .containsEntry("CC_QUEUE", "support")
        .containsEntry("QUEUE_PRIO", "0")
        .containsEntry("CC_CUSTOMER_ID", Long.toString(c.id()))
        .doesNotContainKey("CC_TICKET_ID");
    assertThat(r.commands())
        .as("one key acts at once: GET DATA asks for exactly one digit")
        .contains(getData(kit.menuSound("main", "zh-TW"), 5000, 1));
  }

  @Test
  void chineseCallerNameArrivesAsRawUtf8AndTheCallerIsServed() {
    Customer c = kit.customer("張三", "zh-TW", Tier.STANDARD, "0912345678");

    AgiCall call = kit.start(AgiCaller.from("0912345678").name("張三").pressing("0"));
    AgiResult r = IvrKit.result(call);

    assertThat(r.environmentText()).contains("agi_calleridname: 張三\n");
    assertThat(r.variables()).containsEntry("CC_CUSTOMER_ID", Long.toString(c.id()));
    assertThat(journey(call).customerId()).isEqualTo(c.id());
  }

  @Test
  void unknownCallerChoosesALanguageAndIdentifiesByCustomerNumber() {
    Customer c = kit.customer("Grace Hopper", "zh-TW", Tier.STANDARD, "0911000002");

    AgiCall call = kit.start(AgiCaller.from("0287650000").pressing("2", c.id() + "#", "0"));
    AgiResult r = IvrKit.result(call);

    assertThat(r.commands())
        .containsSubsequence(
            getData(kit.menuSound("language", "zh-TW"), 5000, 1),
            "SET VARIABLE CHANNEL(language) \"en\"",
            getData(kit.menuSound("identify", "en"), 8000, 15),
            getData(kit.menuSound("main", "en"), 5000, 1));
    assertThat(r.variables())
        .containsEntry("CC_CUSTOMER_ID", Long.toString(c.id()))
        .containsEntry("CC_QUEUE", "support-en");
    IvrJourney j = journey(call);
    assertThat(j.customerId()).isEqualTo(c.id());
    assertThat(j.language()).isEqualTo("en");
    assertThat(outcomes(j))
        .startsWith(
            "identify|null|NOT_KNOWN_BY_NUMBER lookup=UNKNOWN",
            "language|2|CHOSE value=en",
            "identify|" + c.id() + "|ENTERED",
            "identify|" + c.id() + "|IDENTIFIED customerId=" + c.id());
  }

  @Test
  void threeWrongNumbersSendTheCallerToAnAgentUnidentified() {
    AgiCall call =
        kit.start(AgiCaller.from("0287650001").pressing("1", "999999#", "0900000000#", "999998#"));
    AgiResult r = IvrKit.result(call);

    assertThat(r.variables())
        .containsEntry("CC_NEXT", "queue")
        .containsEntry("CC_QUEUE", "support")
        .containsEntry("QUEUE_PRIO", "0")
        .doesNotContainKey("CC_CUSTOMER_ID");
    assertThat(
            r.commands().stream().filter(c -> c.equals(play(kit.sound("not-identified", "zh-TW")))))
        .hasSize(3);
    IvrJourney j = journey(call);
    assertThat(j.customerId()).isNull();
    assertThat(j.outcome()).isEqualTo(IvrOutcome.AGENT);
    assertThat(outcomes(j))
        .contains(
            "identify|999999|NO_MATCH strike=1",
            "identify|0900000000|NO_MATCH strike=2",
            "identify|999998|NO_MATCH strike=3",
            "agent|null|TO_AGENT priority=0 queue=support reason=NOT_IDENTIFIED");
  }

  @Test
  void ambiguousCallerIdentifiesByRegisteredPhoneButNotByAnotherCustomersNumber() {
    Customer alice = kit.customer("Alice Wu", "zh-TW", Tier.STANDARD, "02-2700-1000", "0933000001");
    Customer bob = kit.customer("Bob Wu", "zh-TW", Tier.VIP, "02-2700-1000", "0933000002");
    Customer stranger = kit.customer("Carol Lin", "zh-TW", Tier.STANDARD, "0933000003");

    AgiCall call =
        kit.start(
            AgiCaller.from("0227001000").pressing("1", stranger.id() + "#", "0933000002#", "0"));
    AgiResult r = IvrKit.result(call);

    assertThat(r.variables())
        .containsEntry("CC_CUSTOMER_ID", Long.toString(bob.id()))
        .containsEntry("QUEUE_PRIO", "10");
    assertThat(outcomes(journey(call)))
        .contains(
            "identify|null|NOT_KNOWN_BY_NUMBER lookup=AMBIGUOUS",
            "identify|" + stranger.id() + "|NO_MATCH strike=1",
            "identify|0933000002|IDENTIFIED customerId=" + bob.id());
    assertThat(alice.id()).isNotEqualTo(bob.id());
  }

  @Test
  void wrongKeysAndSilenceAreRepromptedThenTheCallerGoesToAnAgent() {
    kit.customer("Dan Brown", "en", Tier.STANDARD, "0911000003");

    AgiCall call = kit.start(AgiCaller.from("0911000003").pressing("7", AgiCaller.TIMEOUT, "8"));
    AgiResult r = IvrKit.result(call);

    String main = getData(kit.menuSound("main", "en"), 5000, 1);
    assertThat(r.commands())
        .containsSubsequence(
            main,
            play(kit.sound("invalid", "en")),
            main,
            play(kit.sound("no-input", "en")),
            main,
            play(kit.sound("invalid", "en")),
            play(kit.sound("transfer", "en")));
    assertThat(r.commands().stream().filter(main::equals)).hasSize(3);
    assertThat(r.variables()).containsEntry("CC_NEXT", "queue");
    assertThat(outcomes(journey(call)))
        .containsSubsequence(
            "main|7|INVALID",
            "main|null|NO_INPUT",
            "main|8|INVALID",
            "main|null|GAVE_UP tries=3",
            "agent|null|TO_AGENT priority=0 queue=support-en reason=NO_CHOICE");
  }

  @Test
  void faultReportCreatesATicketWithTheIvrPathAndReadsItsNumberBack() {
    Customer c = kit.customer("Eve Chen", "zh-TW", Tier.STANDARD, "0911000004");

    AgiCall call = kit.start(AgiCaller.from("0911000004").pressing("2", "1", "12345678#", "0"));
    AgiResult r = IvrKit.result(call);

    Ticket t = kit.helpdesk.tickets.get(Long.parseLong(r.variables().get("CC_TICKET_ID")));
    assertThat(t.type()).isEqualTo(TicketType.FAULT_REPORT);
    assertThat(t.customerId()).isEqualTo(c.id());
    assertThat(t.source()).isEqualTo(TicketSource.IVR);
    assertThat(t.product()).isEqualTo("Fiber router");
    assertThat(t.pbxLinkedid()).isEqualTo(call.uniqueid());
    // A zh-TW caller's ticket reads in Chinese, for the agents who serve them.
    assertThat(t.title()).isEqualTo("電話報修:Fiber router");
    assertThat(t.description()).contains("序號:12345678").doesNotContain("chose");
    assertThat(outcomes(journey(call)))
        .contains(
            "main|2|CHOSE value=report-fault",
            "product|1|CHOSE value=Fiber router",
            "report-fault|12345678|FAULT_REPORTED product=Fiber router ticketId=" + t.id());
    assertThat(r.commands())
        .containsSubsequence(
            getData(kit.menuSound("product", "zh-TW"), 5000, 1),
            getData(kit.menuSound("serial", "zh-TW"), 6000, 20),
            play(kit.sound("fault-created", "zh-TW")),
            "SAY DIGITS " + t.id() + " \"\"",
            getData(kit.menuSound("main", "zh-TW"), 5000, 1));
    assertThat(journey(call).ticketId()).isEqualTo(t.id());
    assertThat(kit.helpdesk.tickets.interactionIds(t.id())).hasSize(1);
  }

  @Test
  void aFaultReportedInTheIvrIsAssignedLikeOneOpenedOverHttp() {
    var teams = kit.helpdesk.helpdesk.teams();
    teams.create(new TeamDraft("support", "Support", 5));
    long member = kit.helpdesk.agent("Support member");
    teams.putMember("support", member, new MemberDraft(List.of(), null));
    kit.customer("Ann Wu", "zh-TW", Tier.STANDARD, "0911000031");

    AgiResult r = kit.call(AgiCaller.from("0911000031").pressing("2", "1", "#", "0"));

    Ticket t = kit.helpdesk.tickets.get(Long.parseLong(r.variables().get("CC_TICKET_ID")));
    assertThat(t.team()).isEqualTo("support");
    assertThat(t.assigneeId()).isEqualTo(member);
    assertThat(t.assignmentReason()).isNotBlank();
  }

  @Test
  void productWithItsOwnQueueRoutesThereAndTheSerialIsOptional() {
    kit.customer("Fay Lee", "zh-TW", Tier.STANDARD, "0911000005");

    AgiCall call =
        kit.start(AgiCaller.from("0911000005").pressing("2", "3", AgiCaller.TIMEOUT, "0"));
    AgiResult r = IvrKit.result(call);

    Ticket t = kit.helpdesk.tickets.get(Long.parseLong(r.variables().get("CC_TICKET_ID")));
    assertThat(t.product()).isEqualTo("Mobile phone");
    assertThat(t.description()).doesNotContain("Serial number");
    assertThat(r.variables()).containsEntry("CC_QUEUE", "support-mobile");
    assertThat(outcomes(journey(call))).contains("serial|null|SKIPPED");
  }

  @Test
  void callbackOnThisNumberCreatesAFollowUpConfirmsByVoiceAndHangsUp() {
    Customer c = kit.customer("Gus Wang", "zh-TW", Tier.STANDARD, "0911000006");

    AgiCall call = kit.start(AgiCaller.from("0911000006").pressing("4", "1"));
    AgiResult r = IvrKit.result(call);

    assertThat(r.variables()).containsEntry("CC_NEXT", "hangup").doesNotContainKey("CC_QUEUE");
    assertThat(r.commands())
        .containsSubsequence(
            play(kit.sound("callback-confirm", "zh-TW")),
            "SAY DIGITS 0911000006 \"\"",
            play(kit.sound("goodbye", "zh-TW")));
    List<FollowUp> open = kit.followUps.forCustomer(c.id());
    assertThat(open).hasSize(1);
    FollowUp f = open.getFirst();
    assertThat(f.ownerId()).isEqualTo(kit.callbackOwner);
    assertThat(f.title()).isNull();
    assertThat(f.kind()).isEqualTo(FollowUpKind.CALLBACK_IVR);
    assertThat(f.params())
        .containsEntry("number", "0911000006")
        .containsEntry("queue", "support")
        .containsEntry("language", "zh-TW")
        .containsEntry("callId", call.uniqueid());
    assertThat(f.note()).isNull();
    assertThat(f.team()).isEqualTo("support");
    assertThat(f.dueAt()).isEqualTo(kit.helpdesk.clock.instant().plus(Duration.ofMinutes(30)));
    IvrJourney j = journey(call);
    assertThat(j.outcome()).isEqualTo(IvrOutcome.CALLBACK);
    assertThat(j.steps()).extracting(IvrStep::menu).contains("callback");
  }

  @Test
  void callbackOnAnotherNumberReadsThatNumberBack() {
    Customer c = kit.customer("Hal Su", "en", Tier.STANDARD, "0911000007");

    AgiResult r = kit.call(AgiCaller.from("0911000007").pressing("4", "2", "0287654321#"));

    assertThat(r.commands()).contains("SAY DIGITS 0287654321 \"\"");
    assertThat(kit.followUps.forCustomer(c.id()).getFirst().params())
        .containsEntry("number", "0287654321")
        .containsEntry("queue", "support-en");
  }

  @Test
  void aRecentlyResolvedTicketIsOfferedForRatingOnceBeforeTheMainMenu() {
    Customer c = kit.customer("Ned Kuo", "zh-TW", Tier.STANDARD, "0911000008");
    Ticket t = kit.helpdesk.open(TicketType.FAULT_REPORT, Priority.NORMAL, c.id(), null);
    kit.helpdesk.workflow.changeStatus(t.id(), StatusChange.resolve("replaced the router"), null);

    AgiCall first = kit.start(AgiCaller.from("0911000008").pressing("5", "1", "0"));
    AgiResult r = IvrKit.result(first);

    assertThat(r.commands())
        .containsSubsequence(
            play(kit.sound("ticket-survey", "zh-TW")),
            "SAY DIGITS " + t.id() + " \"\"",
            getData(kit.menuSound("survey-rating", "zh-TW"), 5000, 1),
            getData(kit.menuSound("survey-solved", "zh-TW"), 5000, 1),
            play(kit.sound("survey-thanks", "zh-TW")),
            getData(kit.menuSound("main", "zh-TW"), 5000, 1));
    SurveyAnswer a = kit.surveys.forCall(first.uniqueid()).getFirst();
    assertThat(a.ticketId()).isEqualTo(t.id());
    assertThat(a.rating()).isEqualTo(5);
    assertThat(a.solved()).isTrue();
    assertThat(a.customerId()).isEqualTo(c.id());

    AgiResult again = kit.call(AgiCaller.from("0911000008").pressing("0"));
    assertThat(again.commands()).doesNotContain(play(kit.sound("ticket-survey", "zh-TW")));
  }

  @Test
  void callerHangingUpMidPromptKeepsTheTicketTheJourneyAndTheTimelineEntry() {
    Customer c = kit.customer("Pat Hsu", "en", Tier.STANDARD, "0911000009");

    AgiCall call = kit.start(AgiCaller.from("0911000009").pressing("2", "2", "#").thenHangUp());
    AgiResult r = IvrKit.result(call);

    assertThat(r.ending()).isInstanceOf(AgiEnding.CallerHungUp.class);
    assertThat(r.replies()).containsSubsequence("200 result=-1", "HANGUP");
    // The -1 is told from a failed prompt by one CHANNEL STATUS (511 on the dead channel); no
    // channel command follows it.
    assertThat(r.commands()).filteredOn("CHANNEL STATUS"::equals).hasSize(1);
    assertThat(r.replies())
        .filteredOn(line -> line.startsWith("511"))
        .containsExactly("511 Command Not Permitted on a dead channel or intercept routine");
    IvrJourney j = journey(call);
    assertThat(j.outcome()).isEqualTo(IvrOutcome.HUNG_UP);
    assertThat(j.ticketId()).isNotNull();
    assertThat(outcomes(j)).last().isEqualTo("hangup|null|HUNG_UP");
    Ticket t = kit.helpdesk.tickets.get(j.ticketId());
    assertThat(t.product()).isEqualTo("Set-top box");
    assertThat(kit.helpdesk.interactions.forCustomer(c.id(), 10, 0))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.summary()).isNull();
              assertThat(i.eventParams())
                  .containsEntry("outcome", "HUNG_UP")
                  .containsEntry("ticketId", Long.toString(j.ticketId()));
            });
  }

  @Test
  void unknownCallerIdentifiesByTheAccountNumberOnTheirBill() {
    Customer c =
        kit.helpdesk.customers.create(
            new CustomerDraft(
                CustomerKind.PERSON,
                "Quinn Lo",
                null,
                "en",
                List.of(),
                List.of(),
                null,
                null,
                java.util.Map.of(),
                null,
                "0880012345",
                null));

    AgiCall call = kit.start(AgiCaller.from("0287650002").pressing("2", "0880012345#", "0"));
    AgiResult r = IvrKit.result(call);

    assertThat(r.variables()).containsEntry("CC_CUSTOMER_ID", Long.toString(c.id()));
    assertThat(outcomes(journey(call)))
        .contains("identify|0880012345|IDENTIFIED customerId=" + c.id());
  }
}
