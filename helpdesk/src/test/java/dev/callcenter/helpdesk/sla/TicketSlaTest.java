package dev.callcenter.helpdesk.sla;

import static dev.callcenter.helpdesk.ticket.TicketKit.taipei;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.sla.clock.SlaMeasurement;
import dev.callcenter.helpdesk.sla.clock.SlaState;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.StatusChange;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketKit;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SLA clocks of tickets measured through the services, on the seeded Taipei calendar. */
class TicketSlaTest {

  private static TicketKit kit;
  private static long standard;
  private static long agent;

  @BeforeAll
  static void setUp() {
    kit = new TicketKit();
    standard = kit.customer("林志明", Tier.STANDARD).id();
    agent = kit.agent("Agent Wu");
  }

  @AfterAll
  static void tearDown() {
    kit.close();
  }

  @Test
  void aTicketOpenedFridayAtFiveIsDueForFirstResponseMondayAfternoon() {
    kit.clock.set(taipei("2026-01-09T17:00"));

    // STANDARD NORMAL: 8 business hours to respond, 3 business days (27 h) to resolve.
    Ticket t = kit.open(TicketType.FAULT_REPORT, Priority.NORMAL, standard, agent);

    assertThat(t.slaTerms().firstResponse()).isEqualTo(Duration.ofHours(8));
    assertThat(t.firstResponseDueAt()).isEqualTo(taipei("2026-01-12T16:00"));
    assertThat(t.resolutionDueAt()).isEqualTo(taipei("2026-01-14T17:00"));

    kit.clock.set(taipei("2026-01-12T10:00"));
    SlaMeasurement firstResponse = kit.sla.sla(t.id()).firstResponse().measurement();

    assertThat(firstResponse.elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(firstResponse.remaining()).isEqualTo(Duration.ofHours(6));
    assertThat(firstResponse.state()).isEqualTo(SlaState.RUNNING);
    assertThat(firstResponse.warning()).isFalse();
  }

  @Test
  void theSeededNewYearHolidayHasNoBusinessTime() {
    kit.clock.set(taipei("2025-12-31T17:00"));

    Ticket t = kit.open(TicketType.QUESTION, Priority.NORMAL, standard, agent);

    assertThat(t.firstResponseDueAt()).isEqualTo(taipei("2026-01-02T16:00"));
    kit.clock.set(taipei("2026-01-02T10:00"));
    assertThat(kit.sla.sla(t.id()).firstResponse().measurement().elapsed())
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void waitingForTheCustomerPausesTheResolutionClockButNotTheFirstResponseClock() {
    kit.clock.set(taipei("2026-01-12T09:00"));
    // STANDARD HIGH: 2 h to respond, 9 h (one business day) to resolve.
    Ticket t = kit.open(TicketType.FAULT_REPORT, Priority.HIGH, standard, agent);
    kit.move(t.id(), TicketStatus.OPEN, agent);
    kit.clock.set(taipei("2026-01-12T11:00"));
    kit.move(t.id(), TicketStatus.PENDING_CUSTOMER, agent);

    kit.clock.set(taipei("2026-01-13T10:00"));
    TicketSla whilePending = kit.sla.sla(t.id());
    assertThat(whilePending.resolution().measurement().state()).isEqualTo(SlaState.PAUSED);
    assertThat(whilePending.resolution().measurement().elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(whilePending.firstResponse().measurement().state())
        .as("first response is not paused by waiting for the customer")
        .isEqualTo(SlaState.BREACHED);
    assertThat(kit.tickets.get(t.id()).resolutionDueAt())
        .as("a paused clock has no due time yet")
        .isNull();

    Ticket resumed = kit.move(t.id(), TicketStatus.OPEN, agent);

    assertThat(resumed.resolutionDueAt()).isEqualTo(taipei("2026-01-13T17:00"));
    kit.clock.set(taipei("2026-01-13T16:00"));
    workflowResolve(t.id());
    SlaMeasurement resolution = kit.sla.sla(t.id()).resolution().measurement();
    assertThat(resolution.state()).isEqualTo(SlaState.MET);
    assertThat(resolution.elapsed()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void resolutionDueTimeSkipsAWeekendTheLunarNewYearHolidaysAndAPendingCustomerPause() {
    kit.clock.set(taipei("2026-02-12T09:00"));
    // 27 business hours: Thu 12th and Fri 13th give 18, then the weekend and the Lunar New Year
    // holidays (Mon 16th – Thu 19th) give none, Fri 20th gives the last 9: due Fri 20th 18:00.
    Ticket t = kit.open(TicketType.SERVICE_REQUEST, Priority.NORMAL, standard, agent);
    assertThat(t.resolutionDueAt()).isEqualTo(taipei("2026-02-20T18:00"));
    kit.move(t.id(), TicketStatus.OPEN, agent);

    // Waiting for the customer from Thu 14:00 to Fri 11:00 pauses 6 business hours.
    kit.clock.set(taipei("2026-02-12T14:00"));
    kit.move(t.id(), TicketStatus.PENDING_CUSTOMER, agent);
    kit.clock.set(taipei("2026-02-13T11:00"));
    Ticket resumed = kit.move(t.id(), TicketStatus.OPEN, agent);

    assertThat(resumed.resolutionDueAt()).isEqualTo(taipei("2026-02-23T15:00"));
    kit.clock.set(taipei("2026-02-20T12:00"));
    SlaMeasurement resolution = kit.sla.sla(t.id()).resolution().measurement();
    assertThat(resolution.elapsed()).isEqualTo(Duration.ofHours(5 + 7 + 3));
    assertThat(resolution.dueAt()).isEqualTo(taipei("2026-02-23T15:00"));
  }

  @Test
  void aReopenedTicketContinuesItsResolutionClockWithoutTheTimeItSpentResolved() {
    kit.clock.set(taipei("2026-01-12T09:00"));
    Ticket t = kit.open(TicketType.FAULT_REPORT, Priority.HIGH, standard, agent);
    kit.clock.set(taipei("2026-01-12T12:00"));
    workflowResolve(t.id());
    assertThat(kit.sla.sla(t.id()).resolution().measurement().state()).isEqualTo(SlaState.MET);

    kit.clock.set(taipei("2026-01-13T09:00"));
    Ticket reopened = kit.move(t.id(), TicketStatus.OPEN, agent);

    assertThat(reopened.resolvedAt()).isNull();
    assertThat(reopened.resolutionDueAt()).isEqualTo(taipei("2026-01-13T15:00"));
    kit.clock.set(taipei("2026-01-13T10:00"));
    SlaMeasurement resolution = kit.sla.sla(t.id()).resolution().measurement();
    assertThat(resolution.elapsed()).isEqualTo(Duration.ofHours(4));
    assertThat(resolution.state()).isEqualTo(SlaState.RUNNING);
  }

  @Test
  void resolvingWithoutAReplyCountsTheResolutionAsTheFirstResponse() {
    kit.clock.set(taipei("2026-01-12T09:00"));
    Ticket t = kit.open(TicketType.QUESTION, Priority.NORMAL, standard, agent);
    kit.clock.set(taipei("2026-01-12T10:30"));

    Ticket resolved = workflowResolve(t.id());

    assertThat(resolved.firstResponseAt()).isEqualTo(taipei("2026-01-12T10:30"));
    assertThat(resolved.firstResponseDueAt()).isNull();
    assertThat(resolved.resolutionDueAt()).isNull();
    assertThat(kit.sla.sla(t.id()).firstResponse().measurement().state()).isEqualTo(SlaState.MET);
  }

  private static Ticket workflowResolve(long ticketId) {
    return kit.workflow.changeStatus(
        ticketId, StatusChange.resolve("Replaced the faulty power supply"), agent);
  }
}
