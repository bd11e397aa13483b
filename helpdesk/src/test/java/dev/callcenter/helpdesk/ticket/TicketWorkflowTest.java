package dev.callcenter.helpdesk.ticket;

import static dev.callcenter.helpdesk.ticket.TicketKit.taipei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TicketWorkflowTest {

  private static TicketKit kit;
  private static long customer;
  private static long agent;

  @BeforeAll
  static void setUp() {
    kit = new TicketKit();
    customer = kit.customer("黃淑芬", Tier.STANDARD).id();
    agent = kit.agent("Agent Lee");
  }

  @AfterAll
  static void tearDown() {
    kit.close();
  }

  private static Ticket fresh() {
    kit.clock.set(taipei("2026-01-12T09:00"));
    return kit.open(TicketType.FAULT_REPORT, Priority.NORMAL, customer, agent);
  }

  private static Ticket resolve(long id) {
    return kit.workflow.changeStatus(id, StatusChange.resolve("Reset the router"), agent);
  }

  @Test
  void aNewTicketCannotBeClosedAndTheErrorListsWhatIsAllowed() {
    Ticket t = fresh();

    assertThatThrownBy(() -> kit.move(t.id(), TicketStatus.CLOSED, agent))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(HelpdeskException.Kind.CONFLICT);
              assertThat(e.code()).isEqualTo("invalid_transition");
              assertThat(e.getMessage())
                  .isEqualTo("Cannot go from NEW to CLOSED; allowed: OPEN, RESOLVED");
              assertThat(e.details())
                  .isEqualTo(
                      Map.of(
                          "from", "NEW", "to", "CLOSED", "allowed", List.of("OPEN", "RESOLVED")));
            });
    assertThat(kit.tickets.get(t.id()).status()).isEqualTo(TicketStatus.NEW);
  }

  @Test
  void aNewTicketCannotWaitForTheCustomerBeforeItIsOpened() {
    Ticket t = fresh();

    assertThatThrownBy(() -> kit.move(t.id(), TicketStatus.PENDING_CUSTOMER, agent))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Cannot go from NEW to PENDING_CUSTOMER; allowed: OPEN, RESOLVED");
  }

  @Test
  void theFullLifecycleRunsAndKeepsTheResolution() {
    Ticket t = fresh();

    kit.move(t.id(), TicketStatus.OPEN, agent);
    kit.move(t.id(), TicketStatus.PENDING_CUSTOMER, agent);
    kit.move(t.id(), TicketStatus.OPEN, agent);
    resolve(t.id());
    kit.clock.advance(Duration.ofHours(1));
    Ticket closed = kit.move(t.id(), TicketStatus.CLOSED, agent);

    assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(closed.resolution()).isEqualTo("Reset the router");
    assertThat(closed.closedAt()).isEqualTo(kit.clock.instant());
    assertThat(kit.workflow.allowedNext(closed)).containsExactly(TicketStatus.OPEN);
  }

  @Test
  void resolvingRequiresAResolution() {
    Ticket t = fresh();

    assertThatThrownBy(() -> kit.move(t.id(), TicketStatus.RESOLVED, agent))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("resolution"));
    assertThat(kit.tickets.get(t.id()).status()).isEqualTo(TicketStatus.NEW);
  }

  @Test
  void aResolvedTicketCanBeReopenedAndLosesItsResolution() {
    Ticket t = fresh();
    resolve(t.id());

    Ticket reopened = kit.move(t.id(), TicketStatus.OPEN, agent);

    assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(reopened.resolution()).isNull();
    assertThat(reopened.resolvedAt()).isNull();
  }

  @Test
  void aClosedTicketCanBeReopenedWithinSevenDaysOfClosing() {
    Ticket t = fresh();
    resolve(t.id());
    kit.move(t.id(), TicketStatus.CLOSED, agent);

    kit.clock.advance(Duration.ofDays(7));
    Ticket reopened = kit.move(t.id(), TicketStatus.OPEN, agent);

    assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(reopened.closedAt()).isNull();
  }

  @Test
  void aClosedTicketCannotBeReopenedAfterTheWindow() {
    Ticket t = fresh();
    resolve(t.id());
    Ticket closed = kit.move(t.id(), TicketStatus.CLOSED, agent);

    kit.clock.advance(Duration.ofDays(7).plusSeconds(1));

    assertThatThrownBy(() -> kit.move(t.id(), TicketStatus.OPEN, agent))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_transition");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "A ticket in status CLOSED can only be reopened within 7 days of closing");
              assertThat(e.details()).containsEntry("allowed", List.of());
            });
    assertThat(kit.workflow.allowedNext(closed)).isEmpty();
    assertThat(kit.tickets.get(t.id()).status()).isEqualTo(TicketStatus.CLOSED);
  }

  @Test
  void theReopenWindowIsConfigurable() {
    try (TicketKit shortWindow = new TicketKit(Duration.ofHours(12))) {
      long c = shortWindow.customer("short", Tier.STANDARD).id();
      Ticket t = shortWindow.open(TicketType.QUESTION, Priority.LOW, c, null);
      shortWindow.workflow.changeStatus(t.id(), StatusChange.resolve("Answered"), null);
      shortWindow.move(t.id(), TicketStatus.CLOSED, null);
      shortWindow.clock.advance(Duration.ofHours(13));

      assertThatThrownBy(() -> shortWindow.move(t.id(), TicketStatus.OPEN, null))
          .hasMessage("A ticket in status CLOSED can only be reopened within 12 hours of closing");
    }
  }

  @Test
  void aStatusChangeBasedOnAnOldVersionIsAConflict() {
    Ticket t = fresh();
    kit.move(t.id(), TicketStatus.OPEN, agent);

    assertThatThrownBy(
            () ->
                kit.workflow.changeStatus(
                    t.id(), new StatusChange(TicketStatus.RESOLVED, "done", t.version()), agent))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale_ticket"));
    assertThat(kit.tickets.get(t.id()).status()).isEqualTo(TicketStatus.OPEN);
  }

  @Test
  void whenTheAuditWriteFailsTheStatusChangeAndItsPauseAreRolledBack() {
    Ticket t = fresh();
    Ticket open = kit.move(t.id(), TicketStatus.OPEN, agent);
    kit.execute(
        """
        create function fail_status_audit() returns trigger language plpgsql as
        $$ begin raise exception 'audit store unavailable'; end $$;
        create trigger fail_status_audit before insert on ticket_audit for each row
        when (new.field = 'STATUS') execute function fail_status_audit();
        """);
    try {
      kit.clock.advance(Duration.ofMinutes(5));

      assertThatThrownBy(() -> kit.move(t.id(), TicketStatus.PENDING_CUSTOMER, agent))
          .hasMessageContaining("audit store unavailable");
    } finally {
      kit.execute(
          "drop trigger fail_status_audit on ticket_audit; drop function fail_status_audit();");
    }

    Ticket after = kit.tickets.get(t.id());
    assertThat(after.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(after.version()).isEqualTo(open.version());
    assertThat(after.resolutionDueAt()).isEqualTo(open.resolutionDueAt());
    assertThat(kit.count("select count(*) from ticket_sla_pause where ticket_id = " + t.id()))
        .isZero();
    assertThat(kit.tickets.audit(t.id()))
        .extracting(AuditEntry::field)
        .containsExactly(AuditField.CREATED, AuditField.STATUS);
  }
}
