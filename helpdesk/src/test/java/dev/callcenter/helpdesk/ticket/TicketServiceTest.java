package dev.callcenter.helpdesk.ticket;

import static dev.callcenter.helpdesk.ticket.TicketKit.taipei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TicketServiceTest {

  private static TicketKit kit;
  private static long customer;
  private static long agent;
  private static long supervisor;

  @BeforeAll
  static void setUp() {
    kit = new TicketKit();
    customer = kit.customer("陳建宏", Tier.STANDARD).id();
    agent = kit.agent("Agent Chen");
    supervisor = kit.agent("Supervisor Lin");
  }

  @AfterAll
  static void tearDown() {
    kit.close();
  }

  private static TicketDraft draft(long customerId) {
    return new TicketDraft(
        TicketType.FAULT_REPORT,
        "  Router reboots every hour  ",
        "Since the firmware update",
        Priority.HIGH,
        customerId,
        agent,
        "network",
        List.of("router", "firmware", "router"),
        TicketSource.PHONE,
        "1767000000.42",
        "HomeBox",
        "3.2",
        null);
  }

  @Test
  void createStoresTheTicketAsNewWithItsFields() {
    kit.clock.set(taipei("2026-01-12T09:00"));

    Ticket t = kit.tickets.create(draft(customer), agent);

    assertThat(t.status()).isEqualTo(TicketStatus.NEW);
    assertThat(t.title()).isEqualTo("Router reboots every hour");
    assertThat(t.tags()).containsExactly("router", "firmware");
    assertThat(t.source()).isEqualTo(TicketSource.PHONE);
    assertThat(t.pbxLinkedid()).isEqualTo("1767000000.42");
    assertThat(t.assigneeId()).isEqualTo(agent);
    assertThat(t.createdBy()).isEqualTo(agent);
    assertThat(t.createdAt()).isEqualTo(taipei("2026-01-12T09:00"));
    assertThat(t.version()).isEqualTo(1);
  }

  @Test
  void creatingForACustomerThatDoesNotExistNamesTheFieldAndWritesNothing() {
    long before = kit.count("select count(*) from ticket");

    assertThatThrownBy(() -> kit.tickets.create(draft(999_999L), agent))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("customerId");
              assertThat(e.getMessage()).isEqualTo("customerId: customer 999999 does not exist");
            });
    assertThat(kit.count("select count(*) from ticket")).isEqualTo(before);
  }

  @Test
  void aComplaintNeedsThePromisedDeadlineButOtherTypesMayCarryOne() {
    assertThatThrownBy(() -> TicketDraft.of(TicketType.COMPLAINT, "Rude agent", customer, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("promisedBy"));

    Instant promise = taipei("2026-01-20T12:00");
    Ticket question =
        kit.tickets.create(TicketDraft.of(TicketType.QUESTION, "Invoice", customer, promise), null);
    assertThat(question.promisedBy()).isEqualTo(promise);
  }

  @Test
  void tooManyTagsAndOverlongTitlesAreRejected() {
    List<String> tags = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList();
    assertThatThrownBy(
            () ->
                new TicketDraft(
                    TicketType.QUESTION,
                    "x",
                    null,
                    null,
                    customer,
                    null,
                    null,
                    tags,
                    null,
                    null,
                    null,
                    null,
                    null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("tags"));
    assertThatThrownBy(() -> TicketDraft.of(TicketType.QUESTION, "x".repeat(201), customer, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("title"));
  }

  @Test
  void assigningToAUserThatDoesNotExistIsRejected() {
    Ticket t = kit.tickets.create(TicketDraft.of(TicketType.QUESTION, "Q", customer, null), agent);

    assertThatThrownBy(
            () ->
                kit.tickets.update(t.id(), TicketUpdate.of(t).withAssignee(424_242L, null), agent))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("assigneeId"));
  }

  @Test
  void theAuditTrailRecordsWhoChangedWhatWhenFromWhatToWhat() {
    kit.clock.set(taipei("2026-01-12T09:00"));
    Ticket t =
        kit.tickets.create(
            TicketDraft.of(
                TicketType.COMPLAINT, "Billing error", customer, taipei("2026-01-15T18:00")),
            agent);
    kit.clock.set(taipei("2026-01-12T09:10"));
    Ticket edited =
        kit.tickets.update(
            t.id(),
            TicketUpdate.of(t)
                .withTitle("Billed twice in December")
                .withPriority(Priority.HIGH)
                .withAssignee(agent, "billing")
                .withPromisedBy(taipei("2026-01-14T18:00")),
            supervisor);
    kit.clock.set(taipei("2026-01-12T09:20"));
    kit.move(t.id(), TicketStatus.OPEN, agent);
    kit.clock.set(taipei("2026-01-12T09:30"));
    Comment note =
        kit.tickets.comment(
            t.id(), new CommentDraft(CommentVisibility.INTERNAL, "Checking the invoice"), agent);

    assertThat(edited.version()).isEqualTo(2);
    assertThat(kit.tickets.audit(t.id()))
        .extracting(
            AuditEntry::actorId,
            AuditEntry::at,
            AuditEntry::field,
            AuditEntry::oldValue,
            AuditEntry::newValue)
        .containsExactly(
            tuple(agent, taipei("2026-01-12T09:00"), AuditField.CREATED, null, "Billing error"),
            tuple(
                supervisor,
                taipei("2026-01-12T09:10"),
                AuditField.TITLE,
                "Billing error",
                "Billed twice in December"),
            tuple(supervisor, taipei("2026-01-12T09:10"), AuditField.PRIORITY, "NORMAL", "HIGH"),
            tuple(
                supervisor,
                taipei("2026-01-12T09:10"),
                AuditField.ASSIGNEE,
                null,
                String.valueOf(agent)),
            tuple(supervisor, taipei("2026-01-12T09:10"), AuditField.TEAM, null, "billing"),
            tuple(
                supervisor,
                taipei("2026-01-12T09:10"),
                AuditField.PROMISED_BY,
                taipei("2026-01-15T18:00").toString(),
                taipei("2026-01-14T18:00").toString()),
            tuple(agent, taipei("2026-01-12T09:20"), AuditField.STATUS, "NEW", "OPEN"),
            tuple(
                agent,
                taipei("2026-01-12T09:30"),
                AuditField.COMMENT,
                null,
                "INTERNAL comment " + note.id()));
  }

  @Test
  void requiredSkillsAreStoredSortedWithoutDuplicatesAndTheirEditIsAudited() {
    Ticket t =
        kit.tickets.create(
            new TicketDraft(
                TicketType.FAULT_REPORT,
                "Printer jam",
                null,
                null,
                customer,
                null,
                "printers",
                null,
                List.of(" zh-TW", "printer", "printer"),
                null,
                null,
                null,
                null,
                null),
            agent);
    assertThat(t.requiredSkills()).containsExactly("printer", "zh-TW");

    Ticket edited =
        kit.tickets.update(
            t.id(), TicketUpdate.of(t).withRequiredSkills(List.of("printer")), supervisor);

    assertThat(edited.requiredSkills()).containsExactly("printer");
    assertThat(kit.tickets.audit(t.id()))
        .filteredOn(e -> e.field() == AuditField.REQUIRED_SKILLS)
        .extracting(AuditEntry::oldValue, AuditEntry::newValue)
        .containsExactly(tuple("printer, zh-TW", "printer"));
  }

  @Test
  void applyAssignmentAuditsAssigneeAndReasonAndAHandEditClearsTheReason() {
    Ticket t =
        kit.tickets.create(TicketDraft.of(TicketType.QUESTION, "Routed", customer, null), null);

    Ticket queued = kit.tickets.applyAssignment(t.id(), null, "waits: nobody present", null);
    Ticket again = kit.tickets.applyAssignment(t.id(), null, "waits: nobody present", null);
    Ticket assigned = kit.tickets.applyAssignment(t.id(), agent, "agent is least loaded", null);
    Ticket byHand =
        kit.tickets.update(
            t.id(), TicketUpdate.of(assigned).withAssignee(supervisor, null), supervisor);

    assertThat(queued.assignmentReason()).isEqualTo("waits: nobody present");
    assertThat(queued.version()).isEqualTo(t.version());
    assertThat(again.version()).isEqualTo(t.version());
    assertThat(assigned.assigneeId()).isEqualTo(agent);
    assertThat(assigned.version()).isEqualTo(t.version() + 1);
    assertThat(byHand.assignmentReason()).isNull();
    assertThat(kit.tickets.audit(t.id()))
        .extracting(
            AuditEntry::actorId, AuditEntry::field, AuditEntry::oldValue, AuditEntry::newValue)
        .containsExactly(
            tuple(null, AuditField.CREATED, null, "Routed"),
            tuple(null, AuditField.ASSIGNMENT_REASON, null, "waits: nobody present"),
            tuple(null, AuditField.ASSIGNEE, null, String.valueOf(agent)),
            tuple(
                null,
                AuditField.ASSIGNMENT_REASON,
                "waits: nobody present",
                "agent is least loaded"),
            tuple(
                supervisor,
                AuditField.ASSIGNEE,
                String.valueOf(agent),
                String.valueOf(supervisor)));
  }

  @Test
  void anEditWithoutChangesWritesNothing() {
    Ticket t =
        kit.tickets.create(TicketDraft.of(TicketType.QUESTION, "Same", customer, null), agent);

    Ticket after = kit.tickets.update(t.id(), TicketUpdate.of(t), agent);

    assertThat(after.version()).isEqualTo(t.version());
    assertThat(kit.tickets.audit(t.id())).hasSize(1);
  }

  @Test
  void anEditBasedOnAnOldVersionIsAConflictAndKeepsTheNewerData() {
    Ticket t =
        kit.tickets.create(TicketDraft.of(TicketType.QUESTION, "Original", customer, null), agent);
    kit.tickets.update(t.id(), TicketUpdate.of(t).withTitle("First edit"), agent);

    assertThatThrownBy(
            () ->
                kit.tickets.update(t.id(), TicketUpdate.of(t).withTitle("Second edit"), supervisor))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.code()).isEqualTo("stale_ticket");
              assertThat(e.getMessage()).contains("reload");
            });
    assertThat(kit.tickets.get(t.id()).title()).isEqualTo("First edit");
    assertThat(kit.tickets.audit(t.id()))
        .extracting(AuditEntry::newValue)
        .doesNotContain("Second edit");
  }

  @Test
  void onlyAPublicCommentByAUserIsTheFirstResponse() {
    kit.clock.set(taipei("2026-01-12T09:00"));
    Ticket t =
        kit.tickets.create(TicketDraft.of(TicketType.QUESTION, "Hours?", customer, null), null);

    kit.clock.set(taipei("2026-01-12T09:05"));
    kit.tickets.comment(
        t.id(), new CommentDraft(CommentVisibility.INTERNAL, "Look up hours"), agent);
    kit.tickets.comment(
        t.id(), new CommentDraft(CommentVisibility.PUBLIC, "Auto-reply: received"), null);
    assertThat(kit.tickets.get(t.id()).firstResponseAt()).isNull();

    kit.clock.set(taipei("2026-01-12T09:30"));
    kit.tickets.comment(t.id(), new CommentDraft(CommentVisibility.PUBLIC, "We open at 9"), agent);
    kit.clock.set(taipei("2026-01-12T09:40"));
    kit.tickets.comment(
        t.id(), new CommentDraft(CommentVisibility.PUBLIC, "Anything else?"), agent);

    Ticket after = kit.tickets.get(t.id());
    assertThat(after.firstResponseAt()).isEqualTo(taipei("2026-01-12T09:30"));
    assertThat(after.firstResponseDueAt()).isNull();
    assertThat(kit.tickets.comments(t.id()))
        .extracting(Comment::visibility, Comment::authorId, Comment::body)
        .containsExactly(
            tuple(CommentVisibility.INTERNAL, agent, "Look up hours"),
            tuple(CommentVisibility.PUBLIC, null, "Auto-reply: received"),
            tuple(CommentVisibility.PUBLIC, agent, "We open at 9"),
            tuple(CommentVisibility.PUBLIC, agent, "Anything else?"));
  }

  @Test
  void linkingAnInteractionIsIdempotentAndRejectsAnotherCustomersInteraction() {
    Ticket t =
        kit.tickets.create(TicketDraft.of(TicketType.QUESTION, "Call", customer, null), agent);
    long call =
        kit.interactions
            .record(
                new InteractionDraft(customer, Channel.PHONE_IN, null, null, null, "call", null),
                agent)
            .id();
    long other = kit.customer("Someone else", Tier.STANDARD).id();
    long foreign =
        kit.interactions
            .record(
                new InteractionDraft(other, Channel.EMAIL, null, null, null, "mail", null), agent)
            .id();

    kit.tickets.linkInteraction(t.id(), call, agent);
    kit.tickets.linkInteraction(t.id(), call, agent);

    assertThat(kit.tickets.interactionIds(t.id())).containsExactly(call);
    assertThat(kit.tickets.audit(t.id()))
        .filteredOn(e -> e.field() == AuditField.INTERACTION)
        .hasSize(1);
    assertThatThrownBy(() -> kit.tickets.linkInteraction(t.id(), foreign, agent))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("interactionId"));
    assertThatThrownBy(() -> kit.tickets.linkInteraction(987_654L, call, agent))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("ticket 987654 does not exist");
  }

  @Test
  void whenTheCreationAuditFailsNoTicketIsLeftBehind() {
    long before = kit.count("select count(*) from ticket");
    kit.execute(
        """
        create function fail_created_audit() returns trigger language plpgsql as
        $$ begin raise exception 'audit store unavailable'; end $$;
        create trigger fail_created_audit before insert on ticket_audit for each row
        when (new.field = 'CREATED') execute function fail_created_audit();
        """);
    try {
      assertThatThrownBy(() -> kit.tickets.create(draft(customer), agent))
          .hasMessageContaining("audit store unavailable");
    } finally {
      kit.execute(
          "drop trigger fail_created_audit on ticket_audit; drop function fail_created_audit();");
    }

    assertThat(kit.count("select count(*) from ticket")).isEqualTo(before);
  }

  @Test
  void theListFiltersByStatusAssigneeAndDueTimeAndPagesNewestFirst() {
    try (TicketKit own = new TicketKit()) {
      long c = own.customer("List customer", Tier.STANDARD).id();
      long a = own.agent("Agent List");
      own.clock.set(taipei("2026-01-12T09:00"));
      Ticket urgent = own.open(TicketType.FAULT_REPORT, Priority.URGENT, c, a);
      own.clock.advance(Duration.ofMinutes(1));
      Ticket normal = own.open(TicketType.QUESTION, Priority.NORMAL, c, a);
      own.clock.advance(Duration.ofMinutes(1));
      Ticket assigned =
          own.tickets.create(
              new TicketDraft(
                  TicketType.SERVICE_REQUEST,
                  "Assigned",
                  null,
                  Priority.LOW,
                  c,
                  a,
                  "field",
                  null,
                  null,
                  null,
                  null,
                  null,
                  null),
              a);
      own.clock.advance(Duration.ofMinutes(1));
      Ticket resolved = own.open(TicketType.QUESTION, Priority.LOW, c, a);
      own.workflow.changeStatus(resolved.id(), StatusChange.resolve("Answered"), a);

      assertThat(own.tickets.list(TicketQuery.all(10, 0)))
          .extracting(TicketSummary::id)
          .containsExactly(resolved.id(), assigned.id(), normal.id(), urgent.id());
      assertThat(own.tickets.list(TicketQuery.all(2, 1)))
          .extracting(TicketSummary::id)
          .containsExactly(assigned.id(), normal.id());
      assertThat(
              own.tickets.list(
                  TicketQuery.all(10, 0)
                      .withStatuses(Set.of(TicketStatus.RESOLVED, TicketStatus.CLOSED))))
          .extracting(TicketSummary::id)
          .containsExactly(resolved.id());
      assertThat(
              own.tickets.list(new TicketQuery(null, c, a, "field", null, null, null, null, 10, 0)))
          .extracting(TicketSummary::id)
          .containsExactly(assigned.id());
      assertThat(
              own.tickets.list(
                  new TicketQuery(
                      null,
                      null,
                      null,
                      null,
                      TicketType.QUESTION,
                      Priority.NORMAL,
                      null,
                      null,
                      10,
                      0)))
          .extracting(TicketSummary::id)
          .containsExactly(normal.id());
      // URGENT (STANDARD): first response due 10:00; the others are due later.
      assertThat(own.tickets.list(TicketQuery.all(10, 0).withDueBefore(taipei("2026-01-12T10:30"))))
          .extracting(TicketSummary::id)
          .containsExactly(urgent.id());
      own.clock.set(taipei("2026-01-12T10:15"));
      assertThat(own.tickets.list(TicketQuery.all(10, 0).withBreached(true)))
          .extracting(TicketSummary::id)
          .containsExactly(urgent.id());
      assertThat(own.tickets.list(TicketQuery.all(10, 0).withBreached(false)))
          .extracting(TicketSummary::id)
          .containsExactly(resolved.id(), assigned.id(), normal.id());
      assertThat(own.tickets.openForCustomer(c))
          .extracting(TicketSummary::id)
          .containsExactly(assigned.id(), normal.id(), urgent.id());
    }
  }

  @Test
  void aPageLargerThanTwoHundredIsRejected() {
    assertThatThrownBy(() -> TicketQuery.all(201, 0))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
  }
}
