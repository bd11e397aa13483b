package dev.callcenter.helpdesk.timeline;

import static dev.callcenter.helpdesk.ticket.TicketKit.taipei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.ticket.AuditEntry;
import dev.callcenter.helpdesk.ticket.AuditField;
import dev.callcenter.helpdesk.ticket.Comment;
import dev.callcenter.helpdesk.ticket.CommentDraft;
import dev.callcenter.helpdesk.ticket.CommentVisibility;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketKit;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.helpdesk.ticket.TicketUpdate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TimelineServiceTest {

  private static TicketKit kit;
  private static TimelineService timeline;
  private static long customer;
  private static long agent;
  private static Interaction call;
  private static Ticket ticket;
  private static Comment reply;
  private static Interaction email;
  private static List<AuditEntry> audit;

  @BeforeAll
  static void setUp() {
    kit = new TicketKit();
    timeline =
        new TimelineService(new JdbiTimelineRepository(kit.db.jdbi()), kit.customerRepository);
    customer = kit.customer("吳雅婷", Tier.STANDARD).id();
    long other = kit.customer("Other customer", Tier.STANDARD).id();
    agent = kit.agent("Agent Timeline");

    kit.clock.set(taipei("2026-01-12T09:00"));
    call =
        kit.interactions.record(
            new InteractionDraft(
                customer, Channel.PHONE_IN, null, null, null, "Printer\njams on page 2", null),
            agent);
    kit.interactions.record(
        new InteractionDraft(other, Channel.PHONE_IN, null, null, null, "not hers", null), agent);
    kit.clock.set(taipei("2026-01-12T09:05"));
    ticket =
        kit.tickets.create(
            TicketDraft.of(TicketType.FAULT_REPORT, "Printer jams", customer, null), agent);
    kit.tickets.create(TicketDraft.of(TicketType.QUESTION, "Other's ticket", other, null), agent);
    kit.clock.set(taipei("2026-01-12T09:10"));
    reply =
        kit.tickets.comment(
            ticket.id(), new CommentDraft(CommentVisibility.PUBLIC, "Please send a photo"), agent);
    kit.clock.set(taipei("2026-01-12T09:20"));
    kit.move(ticket.id(), TicketStatus.OPEN, agent);
    kit.clock.set(taipei("2026-01-12T09:30"));
    email =
        kit.interactions.record(
            new InteractionDraft(customer, Channel.EMAIL, null, null, null, "Photo attached", null),
            null);
    kit.clock.set(taipei("2026-01-12T09:40"));
    Ticket current = kit.tickets.get(ticket.id());
    kit.tickets.update(
        ticket.id(), TicketUpdate.of(current).withAssignee(agent, "printers"), agent);
    audit = kit.tickets.audit(ticket.id());
  }

  @AfterAll
  static void tearDown() {
    kit.close();
  }

  private static long auditId(AuditField field) {
    return audit.stream().filter(e -> e.field() == field).findFirst().orElseThrow().id();
  }

  @Test
  void theTimelineMixesInteractionsAndTicketHistoryNewestFirst() {
    List<TimelineEntry> entries = timeline.timeline(customer, 50, 0);

    assertThat(entries)
        .extracting(
            TimelineEntry::kind, TimelineEntry::at, TimelineEntry::id, TimelineEntry::ticketId)
        .containsExactly(
            tuple(
                TimelineKind.TICKET_CHANGE,
                taipei("2026-01-12T09:40"),
                auditId(AuditField.TEAM),
                ticket.id()),
            tuple(
                TimelineKind.TICKET_CHANGE,
                taipei("2026-01-12T09:40"),
                auditId(AuditField.ASSIGNEE),
                ticket.id()),
            tuple(TimelineKind.INTERACTION, taipei("2026-01-12T09:30"), email.id(), null),
            tuple(
                TimelineKind.TICKET_CHANGE,
                taipei("2026-01-12T09:20"),
                auditId(AuditField.STATUS),
                ticket.id()),
            tuple(TimelineKind.COMMENT, taipei("2026-01-12T09:10"), reply.id(), ticket.id()),
            tuple(
                TimelineKind.TICKET_CREATED, taipei("2026-01-12T09:05"), ticket.id(), ticket.id()),
            tuple(TimelineKind.INTERACTION, taipei("2026-01-12T09:00"), call.id(), null));
  }

  @Test
  void eachEntryHasAShortOneLineSummaryAndItsActor() {
    List<TimelineEntry> entries = timeline.timeline(customer, 50, 0);

    assertThat(entries)
        .extracting(TimelineEntry::summary, TimelineEntry::actorId)
        .containsExactly(
            tuple("#" + ticket.id() + " TEAM: (none) -> printers", agent),
            tuple("#" + ticket.id() + " ASSIGNEE: (none) -> " + agent, agent),
            tuple("EMAIL: Photo attached", null),
            tuple("#" + ticket.id() + " STATUS: NEW -> OPEN", agent),
            tuple("#" + ticket.id() + " PUBLIC comment: Please send a photo", agent),
            tuple("#" + ticket.id() + " FAULT_REPORT opened: Printer jams", agent),
            tuple("PHONE_IN: Printer jams on page 2", agent));
  }

  @Test
  void pagesAreCutInTheDatabaseInTheSameOrder() {
    List<TimelineEntry> all = timeline.timeline(customer, 50, 0);

    assertThat(timeline.timeline(customer, 3, 0)).isEqualTo(all.subList(0, 3));
    assertThat(timeline.timeline(customer, 3, 3)).isEqualTo(all.subList(3, 6));
    assertThat(timeline.timeline(customer, 3, 6)).isEqualTo(all.subList(6, 7));
    assertThat(timeline.timeline(customer, 3, 9)).isEmpty();
  }

  @Test
  void anUnknownCustomerOrAnOversizedPageIsRejected() {
    assertThatThrownBy(() -> timeline.timeline(999_999L, 10, 0))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> timeline.timeline(customer, 500, 0))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
  }
}
