package dev.callcenter.helpdesk.timeline;

import static dev.callcenter.helpdesk.ticket.TicketKit.taipei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Direction;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.interaction.InteractionEvent;
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
import java.util.Map;
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
  void eachEntryCarriesCodesRawValuesAndResolvedNamesNotSentences() {
    List<TimelineEntry> entries = timeline.timeline(customer, 50, 0);

    assertThat(entries)
        .extracting(TimelineEntry::actorId, TimelineEntry::actorName)
        .containsExactly(
            tuple(agent, "Agent Timeline"),
            tuple(agent, "Agent Timeline"),
            tuple(null, null),
            tuple(agent, "Agent Timeline"),
            tuple(agent, "Agent Timeline"),
            tuple(agent, "Agent Timeline"),
            tuple(agent, "Agent Timeline"));
    assertThat(entries.get(0).change())
        .isEqualTo(new TimelineEntry.Change(AuditField.TEAM, null, "printers", null, null));
    assertThat(entries.get(1).change())
        .isEqualTo(
            new TimelineEntry.Change(
                AuditField.ASSIGNEE, null, Long.toString(agent), null, "Agent Timeline"));
    assertThat(entries.get(2).interaction())
        .isEqualTo(
            new TimelineEntry.Contact(
                Channel.EMAIL,
                Direction.INBOUND,
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                "Photo attached"));
    assertThat(entries.get(3).change())
        .isEqualTo(new TimelineEntry.Change(AuditField.STATUS, "NEW", "OPEN", null, null));
    assertThat(entries.get(4).comment())
        .isEqualTo(new TimelineEntry.Note(CommentVisibility.PUBLIC, "Please send a photo"));
    assertThat(entries.get(5).ticket())
        .isEqualTo(new TimelineEntry.Opened(TicketType.FAULT_REPORT, "Printer jams"));
    assertThat(entries.get(6).interaction().summary()).isEqualTo("Printer jams on page 2");
    assertThat(entries)
        .allSatisfy(
            e ->
                assertThat(
                        java.util.stream.Stream.of(
                                e.interaction(), e.ticket(), e.change(), e.comment())
                            .filter(java.util.Objects::nonNull))
                    .hasSize(1));
  }

  @Test
  void aCallTheSystemLoggedIsACodeWithTheCallsFiguresAndNoSummary() {
    long caller = kit.customer("林志豪", Tier.STANDARD).id();
    kit.clock.set(taipei("2026-01-13T10:00"));
    kit.interactions.recordEvent(
        new InteractionDraft(
            caller,
            Channel.PHONE_IN,
            null,
            null,
            null,
            null,
            new CallDetails(
                "u1", "l1", "support", "0912345678", 30, null, null, null, null, null, null)),
        null,
        InteractionEvent.ABANDONED,
        Map.of());
    kit.clock.set(taipei("2026-01-13T10:05"));
    kit.interactions.recordEvent(
        new InteractionDraft(
            caller,
            Channel.PHONE_IN,
            null,
            null,
            null,
            null,
            new CallDetails("u2", "l2", "support", "0912345678", 4, 2, 95, 0, null, null, null)),
        agent,
        InteractionEvent.ANSWERED,
        Map.of("transferredFromName", "王小明", "transferredFromQueue", "billing"));

    List<TimelineEntry> entries = timeline.timeline(caller, 10, 0);

    assertThat(entries)
        .extracting(TimelineEntry::interaction)
        .containsExactly(
            new TimelineEntry.Contact(
                Channel.PHONE_IN,
                Direction.INBOUND,
                InteractionEvent.ANSWERED,
                Map.of("transferredFromName", "王小明", "transferredFromQueue", "billing"),
                "support",
                4,
                95,
                true,
                null),
            new TimelineEntry.Contact(
                Channel.PHONE_IN,
                Direction.INBOUND,
                InteractionEvent.ABANDONED,
                Map.of(),
                "support",
                30,
                null,
                false,
                null));
    assertThat(entries.get(0).actorName()).isEqualTo("Agent Timeline");
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
