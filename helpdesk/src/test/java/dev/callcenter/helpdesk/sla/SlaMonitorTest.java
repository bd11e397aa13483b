package dev.callcenter.helpdesk.sla;

import static dev.callcenter.helpdesk.ticket.TicketKit.taipei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.sla.clock.SlaEventKind;
import dev.callcenter.helpdesk.sla.clock.SlaTarget;
import dev.callcenter.helpdesk.ticket.CommentDraft;
import dev.callcenter.helpdesk.ticket.CommentVisibility;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.StatusChange;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketKit;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitor scans the whole database, so each test gets a database of its own. */
class SlaMonitorTest {

  private TicketKit kit;
  private long customer;
  private long agent;

  @BeforeEach
  void setUp() {
    kit = new TicketKit();
    customer = kit.customer("監控客戶", Tier.STANDARD).id();
    agent = kit.agent("Agent Monitor");
  }

  @AfterEach
  void tearDown() {
    kit.close();
  }

  /** STANDARD URGENT at Monday 09:00: respond by 10:00 (warn 09:48), resolve by 15:00 (13:48). */
  private Ticket urgentMondayMorning() {
    kit.clock.set(taipei("2026-01-12T09:00"));
    return kit.open(TicketType.FAULT_REPORT, Priority.URGENT, customer, agent);
  }

  private Instant nextCheck(long ticketId) {
    return kit.db
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select next_sla_check_at from ticket where id = :id")
                    .bind("id", ticketId)
                    .mapTo(Instant.class)
                    .one());
  }

  @Test
  void warningAndBreachAreEachRecordedAndAnnouncedOnceEvenWhenScannedTwice() {
    Ticket t = urgentMondayMorning();
    var monitor = kit.monitor();

    kit.clock.set(taipei("2026-01-12T09:30"));
    assertThat(monitor.scan()).isEmpty();

    kit.clock.set(taipei("2026-01-12T09:50"));
    List<SlaEvent> warning = monitor.scan();
    List<SlaEvent> again = monitor.scan();

    assertThat(warning)
        .extracting(SlaEvent::ticketId, SlaEvent::target, SlaEvent::kind, SlaEvent::reachedAt)
        .containsExactly(
            tuple(
                t.id(),
                SlaTarget.FIRST_RESPONSE,
                SlaEventKind.WARNING,
                taipei("2026-01-12T09:48")));
    assertThat(again).isEmpty();

    kit.clock.set(taipei("2026-01-12T10:30"));
    List<SlaEvent> breach = monitor.scan();
    monitor.scan();

    assertThat(breach)
        .extracting(SlaEvent::target, SlaEvent::kind, SlaEvent::reachedAt, SlaEvent::recordedAt)
        .containsExactly(
            tuple(
                SlaTarget.FIRST_RESPONSE,
                SlaEventKind.BREACH,
                taipei("2026-01-12T10:00"),
                taipei("2026-01-12T10:30")));
    assertThat(kit.sla.events(t.id())).hasSize(2);
    assertThat(kit.announced).containsExactly(warning.get(0), breach.get(0));
    assertThat(nextCheck(t.id()))
        .as("next: the resolution warning")
        .isEqualTo(taipei("2026-01-12T13:48"));
  }

  @Test
  void aLateScanRecordsEveryPointPassedWithTheInstantItWasReached() {
    Ticket t = urgentMondayMorning();

    kit.clock.set(taipei("2026-01-12T16:00"));
    kit.monitor().scan();

    assertThat(kit.sla.events(t.id()))
        .extracting(SlaEvent::target, SlaEvent::kind, SlaEvent::reachedAt)
        .containsExactly(
            tuple(SlaTarget.FIRST_RESPONSE, SlaEventKind.WARNING, taipei("2026-01-12T09:48")),
            tuple(SlaTarget.FIRST_RESPONSE, SlaEventKind.BREACH, taipei("2026-01-12T10:00")),
            tuple(SlaTarget.RESOLUTION, SlaEventKind.WARNING, taipei("2026-01-12T13:48")),
            tuple(SlaTarget.RESOLUTION, SlaEventKind.BREACH, taipei("2026-01-12T15:00")));
    assertThat(nextCheck(t.id())).as("nothing left to watch").isNull();
  }

  @Test
  void aTicketWaitingForTheCustomerDoesNotBreachItsResolutionTarget() {
    Ticket t = urgentMondayMorning();
    kit.clock.set(taipei("2026-01-12T09:10"));
    kit.tickets.comment(t.id(), new CommentDraft(CommentVisibility.PUBLIC, "Looking"), agent);
    kit.move(t.id(), TicketStatus.OPEN, agent);
    kit.move(t.id(), TicketStatus.PENDING_CUSTOMER, agent);

    kit.clock.set(taipei("2026-01-14T12:00"));

    assertThat(kit.monitor().scan()).isEmpty();
    assertThat(nextCheck(t.id())).isNull();
  }

  @Test
  void respondingAndResolvingInTimeProducesNoEvents() {
    Ticket t = urgentMondayMorning();
    kit.clock.set(taipei("2026-01-12T09:20"));
    kit.tickets.comment(t.id(), new CommentDraft(CommentVisibility.PUBLIC, "On it"), agent);
    kit.clock.set(taipei("2026-01-12T11:00"));
    kit.workflow.changeStatus(t.id(), StatusChange.resolve("Fixed"), agent);

    kit.clock.set(taipei("2026-01-13T12:00"));

    assertThat(kit.monitor().scan()).isEmpty();
    assertThat(kit.sla.events(t.id())).isEmpty();
  }

  @Test
  void twoNodesScanningAtOnceRecordAndAnnounceEachEventOnce() throws Exception {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      tickets.add(urgentMondayMorning());
    }
    kit.clock.set(taipei("2026-01-12T16:00"));
    SlaMonitor node1 = kit.monitor();
    SlaMonitor node2 = kit.monitor();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<SlaEvent>> a = pool.submit(() -> awaitThen(start, node1));
      Future<List<SlaEvent>> b = pool.submit(() -> awaitThen(start, node2));
      start.countDown();
      List<SlaEvent> all = new ArrayList<>(a.get());
      all.addAll(b.get());

      assertThat(all).hasSize(tickets.size() * 4).doesNotHaveDuplicates();
      assertThat(kit.announced).hasSize(tickets.size() * 4).doesNotHaveDuplicates();
      assertThat(kit.count("select count(*) from sla_event")).isEqualTo(tickets.size() * 4L);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<SlaEvent> awaitThen(CountDownLatch start, SlaMonitor monitor)
      throws InterruptedException {
    start.await();
    return monitor.scan();
  }

  @Test
  void aFailingListenerDoesNotStopTheScan() {
    urgentMondayMorning();
    urgentMondayMorning();
    kit.clock.set(taipei("2026-01-12T09:50"));
    List<SlaEvent> seen = new ArrayList<>();
    SlaMonitor monitor =
        new SlaMonitor(
            new dev.callcenter.helpdesk.db.JdbiTransactions(kit.db.jdbi()),
            kit.ticketRepository,
            kit.slaRepository,
            kit.sla,
            kit.clock,
            event -> {
              seen.add(event);
              throw new IllegalStateException("push channel down");
            });

    assertThat(monitor.scan()).hasSize(2);
    assertThat(seen).hasSize(2);
    assertThat(monitor.scan()).as("recorded events are not announced again").isEmpty();
  }
}
