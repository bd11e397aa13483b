package dev.callcenter.cti.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.IvrMenusLoader;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.dispatch.Actor;
import dev.callcenter.helpdesk.dispatch.DispatchOrder;
import dev.callcenter.helpdesk.dispatch.DispatchOrderDraft;
import dev.callcenter.helpdesk.dispatch.DispatchStatus;
import dev.callcenter.helpdesk.dispatch.OrderAuditEntry;
import dev.callcenter.helpdesk.dispatch.TechnicianProfile;
import dev.callcenter.helpdesk.dispatch.WorkingHours;
import dev.callcenter.helpdesk.followup.FollowUp;
import dev.callcenter.helpdesk.followup.FollowUpKind;
import dev.callcenter.helpdesk.ivr.IvrJourney;
import dev.callcenter.helpdesk.ivr.IvrOutcome;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.pbxsim.agi.AgiCall;
import dev.callcenter.pbxsim.agi.AgiCaller;
import dev.callcenter.pbxsim.agi.AgiEnding;
import dev.callcenter.pbxsim.agi.AgiResult;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The technician-visit flow by DTMF over real FastAGI (the simulator's Asterisk side) against the
 * real help desk: the caller hears their next visit and confirms it or asks to reschedule it; an
 * invalid key is re-prompted; a caller without a visit hears so and is back in the main menu.
 */
class TechnicianVisitFlowTest {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String DATE_EN = "ABdY 'digits/at' IMp";

  private static IvrKit kit;
  private static User dispatcher;
  private static long technician;

  @BeforeAll
  static void start() {
    kit = new IvrKit();
    dispatcher = user(Role.SUPERVISOR, "Dispatcher Dee");
    technician = technician(kit, "David Wang");
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  private static User user(Role role, String name) {
    long id =
        kit.helpdesk.users.upsert(
            role.name().toLowerCase() + "-v" + SEQ.incrementAndGet(),
            name,
            "x",
            Set.of(role),
            "en");
    return kit.helpdesk.users.find(id).orElseThrow();
  }

  private static long technician(IvrKit on, String name) {
    long id =
        on.helpdesk.users.upsert(
            "tech-v" + SEQ.incrementAndGet(), name, "x", Set.of(Role.TECHNICIAN), "en");
    List<WorkingHours> hours = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      hours.add(new WorkingHours(d, LocalTime.of(0, 0), LocalTime.of(23, 59)));
    }
    on.helpdesk
        .helpdesk
        .technicians()
        .save(id, new TechnicianProfile(List.of("hvac"), 25.04, 121.55, null, hours));
    return id;
  }

  /** An order for a new ticket of the customer, window [start, start + 2 h), scheduled. */
  private static DispatchOrder visit(
      IvrKit on, User by, long customer, long tech, Instant start, boolean schedule) {
    Actor actor = new Actor(by, "10.0.0.7");
    var ticket = on.helpdesk.open(TicketType.FAULT_REPORT, Priority.NORMAL, customer, by.id());
    DispatchOrder o =
        on.helpdesk
            .helpdesk
            .createDispatchOrder()
            .create(
                new DispatchOrderDraft(
                    ticket.id(),
                    null,
                    "台北市信義區松仁路 100 號",
                    25.03,
                    121.56,
                    List.of("hvac"),
                    60,
                    start,
                    start.plus(Duration.ofHours(2)),
                    List.of(),
                    null),
                actor);
    return schedule
        ? on.helpdesk.helpdesk.dispatch().schedule(o.id(), tech, start, null, actor)
        : o;
  }

  private static String getData(String sound) {
    return "GET DATA \"" + sound + "\" 5000 1";
  }

  private static String play(String sound) {
    return "STREAM FILE \"" + sound + "\" \"\"";
  }

  private static String sayDateTime(Instant at, String format) {
    return "SAY DATETIME " + at.getEpochSecond() + " \"\" \"" + format + "\" \"Asia/Taipei\"";
  }

  private static List<String> steps(AgiCall call) {
    IvrJourney j = kit.journeys.findByCallId(call.uniqueid()).orElseThrow();
    return j.steps().stream()
        .map(s -> s.menu() + "|" + s.input() + "|" + s.outcome() + " " + s.params())
        .toList();
  }

  private static List<OrderAuditEntry> history(long order) {
    return kit.helpdesk.helpdesk.dispatch().history(order, new Actor(dispatcher, null));
  }

  @Test
  void aCallerHearsTheirVisitAndConfirmsItWhichTheOrderHistoryRecords() {
    Customer c = kit.customer("Mary Lin", "en", Tier.STANDARD, "0922000001");
    Instant start = kit.helpdesk.clock.instant().plus(Duration.ofHours(26));
    DispatchOrder order = visit(kit, dispatcher, c.id(), technician, start, true);

    AgiCall call = kit.start(AgiCaller.from("0922000001").pressing("3", "1"));
    AgiResult r = IvrKit.result(call);

    assertThat(r.ending()).isInstanceOf(AgiEnding.ScriptReturned.class);
    assertThat(r.commands())
        .containsSubsequence(
            getData(kit.menuSound("main", "en")),
            play(kit.sound("visit-scheduled", "en")),
            sayDateTime(start, DATE_EN),
            play(kit.sound("visit-until", "en")),
            sayDateTime(start.plus(Duration.ofHours(2)), "IMp"),
            getData(kit.menuSound("technician-visit", "en")),
            play(kit.sound("visit-confirmed", "en")),
            play(kit.sound("goodbye", "en")));
    assertThat(r.commands())
        .as("the shipped menus do not name the technician (no recordings)")
        .doesNotContain(play(kit.sound("visit-technician", "en")));
    assertThat(r.variables())
        .containsEntry("CC_NEXT", "hangup")
        .containsEntry("CC_CALL_ID", call.uniqueid());
    assertThat(steps(call))
        .containsSubsequence(
            "main|3|CHOSE {value=technician-visit}",
            "technician-visit|null|VISIT_READ {orderId="
                + order.id()
                + ", ticketId="
                + order.ticketId()
                + ", visits=1}",
            "technician-visit|1|CHOSE {value=confirm}",
            "technician-visit|null|VISIT_CONFIRMED {orderId=" + order.id() + "}");
    assertThat(kit.journeys.findByCallId(call.uniqueid()).orElseThrow().outcome())
        .isEqualTo(IvrOutcome.COMPLETED);
    OrderAuditEntry confirmed = history(order.id()).getLast();
    assertThat(confirmed.action()).isEqualTo("customer-confirmed");
    assertThat(confirmed.detail()).isEqualTo(call.uniqueid());
    assertThat(confirmed.actorId()).as("the system, on the customer's word").isNull();
    assertThat(kit.helpdesk.helpdesk.dispatch().get(order.id(), Actor.system()).status())
        .isEqualTo(DispatchStatus.SCHEDULED);
  }

  @Test
  void withTwoVisitsTheNextIsOfferedAndARescheduleRequestGoesToItsDispatcher() {
    Customer c = kit.customer("Ken Wu", "en", Tier.STANDARD, "0922000002");
    Instant now = kit.helpdesk.clock.instant();
    DispatchOrder later =
        visit(kit, dispatcher, c.id(), technician, now.plus(Duration.ofDays(3)), true);
    DispatchOrder sooner =
        visit(kit, dispatcher, c.id(), technician, now.plus(Duration.ofHours(5)), true);
    // an unscheduled visit (no day, no technician yet) is not offered
    visit(kit, dispatcher, c.id(), technician, now.plus(Duration.ofHours(1)), false);

    AgiCall call = kit.start(AgiCaller.from("0922000002").pressing("3", "2"));
    AgiResult r = IvrKit.result(call);

    assertThat(r.commands())
        .containsSubsequence(
            sayDateTime(sooner.windowStart(), DATE_EN),
            getData(kit.menuSound("technician-visit", "en")),
            play(kit.sound("visit-reschedule", "en")),
            play(kit.sound("goodbye", "en")));
    assertThat(r.variables()).containsEntry("CC_NEXT", "hangup");
    List<FollowUp> followUps = kit.followUps.forCustomer(c.id());
    assertThat(followUps).hasSize(1);
    FollowUp f = followUps.getFirst();
    assertThat(f.kind()).isEqualTo(FollowUpKind.VISIT_RESCHEDULE);
    assertThat(f.ownerId()).as("the dispatcher who scheduled it").isEqualTo(dispatcher.id());
    assertThat(f.ticketId()).isEqualTo(sooner.ticketId());
    assertThat(f.params())
        .containsEntry("orderId", Long.toString(sooner.id()))
        .containsEntry("callId", call.uniqueid())
        .containsEntry("windowStart", sooner.windowStart().toString());
    assertThat(f.dueAt()).isEqualTo(kit.helpdesk.clock.instant().plus(Duration.ofMinutes(30)));
    assertThat(steps(call))
        .contains(
            "technician-visit|null|VISIT_READ {orderId="
                + sooner.id()
                + ", ticketId="
                + sooner.ticketId()
                + ", visits=2}",
            "technician-visit|null|VISIT_RESCHEDULE_ASKED {followUpId="
                + f.id()
                + ", orderId="
                + sooner.id()
                + "}");
    OrderAuditEntry asked = history(sooner.id()).getLast();
    assertThat(asked.action()).isEqualTo("customer-reschedule-requested");
    assertThat(asked.detail()).isEqualTo(call.uniqueid());
    assertThat(history(later.id()))
        .extracting(OrderAuditEntry::action)
        .doesNotContain("customer-reschedule-requested", "customer-confirmed");
  }

  @Test
  void anInvalidKeyInTheVisitMenuIsRepromptedAndTheNextKeyCounts() {
    Customer c = kit.customer("Amy Chen", "en", Tier.STANDARD, "0922000003");
    DispatchOrder order =
        visit(
            kit,
            dispatcher,
            c.id(),
            technician,
            kit.helpdesk.clock.instant().plus(Duration.ofHours(3)),
            true);

    AgiCall call = kit.start(AgiCaller.from("0922000003").pressing("3", "7", "1"));
    AgiResult r = IvrKit.result(call);

    String visitMenu = getData(kit.menuSound("technician-visit", "en"));
    assertThat(r.commands())
        .containsSubsequence(
            visitMenu,
            play(kit.sound("invalid", "en")),
            visitMenu,
            play(kit.sound("visit-confirmed", "en")));
    assertThat(steps(call))
        .containsSubsequence(
            "technician-visit|7|INVALID {}",
            "technician-visit|1|CHOSE {value=confirm}",
            "technician-visit|null|VISIT_CONFIRMED {orderId=" + order.id() + "}");
  }

  @Test
  void aCallerWithoutAScheduledVisitHearsSoAndIsBackInTheMainMenu() {
    Customer c = kit.customer("Bo Li", "en", Tier.STANDARD, "0922000004");

    AgiCall call = kit.start(AgiCaller.from("0922000004").pressing("3", "0"));
    AgiResult r = IvrKit.result(call);

    String main = getData(kit.menuSound("main", "en"));
    assertThat(r.commands())
        .containsSubsequence(
            main, play(kit.sound("no-visit", "en")), main, play(kit.sound("transfer", "en")));
    assertThat(r.variables()).containsEntry("CC_NEXT", "queue");
    assertThat(steps(call))
        .containsSubsequence(
            "main|3|CHOSE {value=technician-visit}",
            "technician-visit|null|NO_VISIT {}",
            "main|0|CHOSE {value=agent}");
    assertThat(kit.followUps.forCustomer(c.id())).isEmpty();
  }

  @Test
  void withRecordedNamesTheTechnicianIsNamedAfterTheWindow() throws Exception {
    String shipped = Files.readString(IvrKit.MENUS);
    IvrMenus named =
        IvrMenusLoader.parse(
            shipped.replace("technician-names = false", "technician-names = true"), "named");
    try (IvrKit namedKit = new IvrKit(named, List.of("127.0.0.1"))) {
      long tech = technician(namedKit, "Wang Da-ming");
      long boss =
          namedKit.helpdesk.users.upsert(
              "boss-v" + SEQ.incrementAndGet(), "Boss", "x", Set.of(Role.SUPERVISOR), "en");
      Customer c = namedKit.customer("Named Caller", "zh-TW", Tier.STANDARD, "0922000005");
      Instant start = namedKit.helpdesk.clock.instant().plus(Duration.ofHours(4));
      visit(namedKit, namedKit.helpdesk.users.find(boss).orElseThrow(), c.id(), tech, start, true);

      AgiResult r = IvrKit.result(namedKit.start(AgiCaller.from("0922000005").pressing("3", "9")));

      assertThat(r.commands())
          .containsSubsequence(
              play(namedKit.sound("visit-scheduled", "zh-TW")),
              sayDateTime(start, "YBdA 'digits/at' HM"),
              play(namedKit.sound("visit-until", "zh-TW")),
              sayDateTime(start.plus(Duration.ofHours(2)), "HM"),
              play(namedKit.sound("visit-technician", "zh-TW")),
              play("custom/cc-technician-" + tech),
              getData(namedKit.menuSound("technician-visit", "zh-TW")),
              getData(namedKit.menuSound("main", "zh-TW")));
    }
  }
}
