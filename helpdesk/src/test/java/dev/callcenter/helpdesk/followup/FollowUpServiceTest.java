package dev.callcenter.helpdesk.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.assignment.JdbiTeamRepository;
import dev.callcenter.helpdesk.assignment.MemberDraft;
import dev.callcenter.helpdesk.assignment.TeamDraft;
import dev.callcenter.helpdesk.customer.CustomerDraft;
import dev.callcenter.helpdesk.customer.CustomerKind;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.JdbiCustomerRepository;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Direction;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.interaction.InteractionEvent;
import dev.callcenter.helpdesk.interaction.InteractionRepository;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.helpdesk.interaction.JdbiInteractionRepository;
import dev.callcenter.helpdesk.phone.PhoneNormalizer;
import dev.callcenter.helpdesk.testing.TestDatabase;
import dev.callcenter.helpdesk.user.JdbiUserRepository;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FollowUpServiceTest {

  private static final Instant NOW = Instant.parse("2026-03-02T06:30:00Z");
  private static final AtomicInteger USERS = new AtomicInteger();

  private static Database db;
  private static JdbiUserRepository users;
  private static JdbiTeamRepository teams;
  private static JdbiCustomerRepository customerRepository;
  private static CustomerService customers;
  private static InteractionService interactions;
  private static FollowUpService service;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.fresh(4);
    users = new JdbiUserRepository(db.jdbi());
    teams = new JdbiTeamRepository(db.jdbi());
    customerRepository = new JdbiCustomerRepository(db.jdbi());
    customers = new CustomerService(customerRepository, new PhoneNormalizer("TW"));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    interactions =
        new InteractionService(new JdbiInteractionRepository(db.jdbi()), customerRepository, clock);
    service = service(new JdbiInteractionRepository(db.jdbi()));
  }

  private static FollowUpService service(InteractionRepository interactionRepository) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return new FollowUpService(
        new JdbiFollowUpRepository(db.jdbi()),
        customerRepository,
        users,
        teams,
        new InteractionService(interactionRepository, customerRepository, clock),
        new JdbiTransactions(db.jdbi()),
        clock);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static long user(String name) {
    return user(name, Role.AGENT);
  }

  private static long user(String name, Role role) {
    String username = name + "-" + USERS.incrementAndGet();
    return users.upsert(username, name, "not-a-real-hash", Set.of(role), "zh-TW");
  }

  /** The stored user, as a session hands them to the service. */
  private static User as(long id) {
    return users.find(id).orElseThrow();
  }

  private static long customer(String name) {
    return customers
        .create(
            new CustomerDraft(
                CustomerKind.PERSON,
                name,
                null,
                "zh-TW",
                List.of(),
                List.of(),
                null,
                null,
                Map.of(),
                null,
                null,
                null))
        .id();
  }

  private static long vipCustomer(String name) {
    long id = customer(name);
    customers.setTierOverride(id, Tier.VIP);
    return id;
  }

  private static FollowUp followUp(String title, Duration fromNow, long owner, long customer) {
    return followUp(title, fromNow, owner, null, customer);
  }

  private static FollowUp followUp(
      String title, Duration fromNow, long owner, String team, long customer) {
    return service.create(
        new FollowUpDraft(title, null, NOW.plus(fromNow), owner, team, customer, null), owner);
  }

  private static List<Interaction> timeline(long customerId) {
    return interactions.forCustomer(customerId, 100, 0);
  }

  @Test
  void overdueListHasOnlyOpenPastDueOfTheOwnerOldestFirstAndVipFirstWithinAMinute() {
    long owner = user("王小姐");
    long other = user("李先生");
    long standard = customer("一般客戶");
    long vip = vipCustomer("重要客戶");
    FollowUp halfHourAgo = followUp("callback standard", Duration.ofMinutes(-30), owner, standard);
    FollowUp sameMinuteVip =
        followUp("callback vip", Duration.ofMinutes(-30).plusSeconds(20), owner, vip);
    FollowUp twoHoursAgo = followUp("send quote", Duration.ofHours(-2), owner, standard);
    followUp("upcoming", Duration.ofHours(1), owner, vip);
    followUp("someone else's", Duration.ofHours(-3), other, vip);
    FollowUp done = followUp("already chased", Duration.ofHours(-4), owner, standard);
    service.complete(done.id(), as(owner), null);

    List<FollowUp> overdue = service.overdueFor(owner);

    assertThat(overdue)
        .extracting(FollowUp::id)
        .containsExactly(twoHoursAgo.id(), sameMinuteVip.id(), halfHourAgo.id());
    assertThat(overdue).allMatch(FollowUp::overdue);
    assertThat(overdue).extracting(FollowUp::vip).containsExactly(false, true, false);
    assertThat(overdue.getFirst().customerName()).isEqualTo("一般客戶");
    assertThat(overdue.getFirst().ownerName()).isEqualTo("王小姐");
  }

  @Test
  void teamOverdueListSpansOwnersOfThatTeamOnly() {
    long supervisor = user("Sue", Role.SUPERVISOR);
    long amy = user("Amy");
    long bob = user("Bob");
    long customer = customer("Team customer");
    FollowUp amys = followUp("amy's", Duration.ofMinutes(-10), amy, "billing-x", customer);
    FollowUp bobs = followUp("bob's", Duration.ofHours(-1), bob, "billing-x", customer);
    followUp("other team", Duration.ofHours(-1), bob, "sales-x", customer);
    followUp("no team", Duration.ofHours(-1), bob, null, customer);
    followUp("not yet due", Duration.ofMinutes(10), amy, "billing-x", customer);

    assertThat(service.overdueForTeam("billing-x", as(supervisor)))
        .extracting(FollowUp::id)
        .containsExactly(bobs.id(), amys.id());
    assertThat(service.overdueForTeam("nobody", as(supervisor))).isEmpty();
  }

  @Test
  void agentsReachTheirOwnAndTheirTeamsFollowUpsOnlyAndOthersLookMissing() {
    long owner = user("Olga");
    long colleague = user("Pete");
    long outsider = user("Quinn");
    long supervisor = user("Rita", Role.SUPERVISOR);
    String team = "scope-" + USERS.incrementAndGet();
    teams.insert(new TeamDraft(team, "Scope team", 5), NOW);
    teams.putMember(team, owner, new MemberDraft(List.of(), null));
    teams.putMember(team, colleague, new MemberDraft(List.of(), null));
    long customer = customer("Scope customer");
    FollowUp own = followUp("private chase", Duration.ofHours(-1), owner, customer);
    FollowUp shared = followUp("team chase", Duration.ofHours(-2), owner, team, customer);
    Instant tomorrow = NOW.plus(Duration.ofDays(1));

    for (FollowUp f : List.of(own, shared)) {
      assertNotFound(() -> service.get(f.id(), as(outsider)));
      assertNotFound(() -> service.complete(f.id(), as(outsider), "not mine"));
      assertNotFound(() -> service.cancel(f.id(), as(outsider), "not mine"));
      assertNotFound(() -> service.reschedule(f.id(), tomorrow, as(outsider)));
    }
    assertThat(service.forCustomer(customer, as(outsider))).isEmpty();
    assertThatThrownBy(() -> service.overdueForTeam(team, as(outsider)))
        .isInstanceOfSatisfying(
            HelpdeskException.class,
            e -> assertThat(e.kind()).isEqualTo(HelpdeskException.Kind.FORBIDDEN));

    assertNotFound(() -> service.get(own.id(), as(colleague)));
    assertNotFound(() -> service.complete(own.id(), as(colleague), "not mine"));
    assertThat(service.forCustomer(customer, as(colleague)))
        .extracting(FollowUp::id)
        .containsExactly(shared.id());
    assertThat(service.overdueForTeam(team, as(colleague)))
        .extracting(FollowUp::id)
        .containsExactly(shared.id());
    assertThat(service.reschedule(shared.id(), tomorrow, as(colleague)).dueAt())
        .isEqualTo(tomorrow);

    assertThat(service.forCustomer(customer, as(owner)))
        .extracting(FollowUp::id)
        .containsExactly(own.id(), shared.id());
    assertThat(service.forCustomer(customer, as(supervisor)))
        .extracting(FollowUp::id)
        .containsExactly(own.id(), shared.id());
    assertThat(service.complete(own.id(), as(supervisor), "covered").completedBy())
        .isEqualTo(supervisor);
    assertThat(service.get(shared.id()).status()).isEqualTo(FollowUpStatus.OPEN);
    assertThat(timeline(customer))
        .singleElement()
        .satisfies(n -> assertThat(n.agentId()).isEqualTo(supervisor));
  }

  private static void assertNotFound(Runnable action) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.code()).isEqualTo("follow_up_not_found"));
  }

  @Test
  void openListPutsOverdueFirstThenUpcoming() {
    long owner = user("Carol");
    long customer = customer("Open list customer");
    FollowUp tomorrow = followUp("tomorrow", Duration.ofDays(1), owner, customer);
    FollowUp yesterday = followUp("yesterday", Duration.ofDays(-1), owner, customer);
    FollowUp inAnHour = followUp("in an hour", Duration.ofHours(1), owner, customer);

    List<FollowUp> open = service.openFor(owner);

    assertThat(open)
        .extracting(FollowUp::id)
        .containsExactly(yesterday.id(), inAnHour.id(), tomorrow.id());
    assertThat(open).extracting(FollowUp::overdue).containsExactly(true, false, false);
  }

  @Test
  void completingMarksItDoneAndRecordsExactlyOneNoteOnTheCustomersTimeline() {
    long owner = user("Dave");
    long chaser = user("Erin", Role.SUPERVISOR);
    long customer = customer("陳大文");
    FollowUp f =
        service.create(
            new FollowUpDraft(
                "確認退款進度", "客戶說週一再確認", NOW.minusSeconds(60), owner, null, customer, null),
            owner);

    FollowUp done = service.complete(f.id(), as(chaser), "已退款，客戶確認收到");

    assertThat(done.status()).isEqualTo(FollowUpStatus.DONE);
    assertThat(done.completedBy()).isEqualTo(chaser);
    assertThat(done.completedAt()).isEqualTo(NOW);
    assertThat(done.completionNote()).isEqualTo("已退款，客戶確認收到");
    assertThat(done.overdue()).isFalse();
    List<Interaction> timeline = timeline(customer);
    assertThat(timeline).hasSize(1);
    Interaction note = timeline.getFirst();
    assertThat(note.channel()).isEqualTo(Channel.NOTE);
    assertThat(note.direction()).isEqualTo(Direction.INTERNAL);
    assertThat(note.agentId()).isEqualTo(chaser);
    assertThat(note.startedAt()).isEqualTo(NOW);
    assertThat(note.summary()).isEqualTo("已退款，客戶確認收到");
    assertThat(note.event()).isEqualTo(InteractionEvent.FOLLOW_UP_DONE);
    assertThat(note.eventParams())
        .containsEntry("followUpId", Long.toString(f.id()))
        .containsEntry("title", f.title());
    assertThat(service.overdueFor(owner)).isEmpty();
  }

  @Test
  void aCallbackTheSystemCreatesHasAKindAndParametersAndNoTitle() {
    long owner = user("Callback owner");
    long customer = customer("Callback customer");
    FollowUp f =
        service.createCallback(
            new CallbackDraft(
                FollowUpKind.CALLBACK_MISSED_CALL,
                Map.of("callId", "1795.1", "missed", "ABANDONED", "number", "0912000111"),
                NOW.plus(Duration.ofMinutes(30)),
                owner,
                "support",
                customer,
                null));

    assertThat(f.title()).isNull();
    assertThat(f.note()).isNull();
    assertThat(f.kind()).isEqualTo(FollowUpKind.CALLBACK_MISSED_CALL);
    assertThat(f.params())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("callId", "1795.1", "missed", "ABANDONED", "number", "0912000111"));
    assertThat(f.customerName()).isEqualTo("Callback customer");

    service.complete(f.id(), as(owner), null);
    Interaction note = timeline(customer).getFirst();
    assertThat(note.summary()).isNull();
    assertThat(note.eventParams())
        .containsEntry("followUpKind", "CALLBACK_MISSED_CALL")
        .containsEntry("number", "0912000111")
        .doesNotContainKey("title");
  }

  @Test
  void callbackParametersAreCamelCaseNamesWithValues() {
    long owner = user("Callback owner 2");
    long customer = customer("Callback customer 2");
    assertThatThrownBy(
            () ->
                new CallbackDraft(
                    FollowUpKind.CALLBACK_IVR,
                    Map.of("Not a name", "x"),
                    NOW,
                    owner,
                    null,
                    customer,
                    null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void completingTwiceIsAConflictAndWritesNothing() {
    long owner = user("Frank");
    long second = user("Grace", Role.SUPERVISOR);
    long customer = customer("Twice customer");
    FollowUp f = followUp("call back", Duration.ofMinutes(-5), owner, customer);
    FollowUp done = service.complete(f.id(), as(owner), "first");

    assertThatThrownBy(() -> service.complete(f.id(), as(second), "second"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("already done")
        .satisfies(
            e -> {
              HelpdeskException h = (HelpdeskException) e;
              assertThat(h.kind()).isEqualTo(HelpdeskException.Kind.CONFLICT);
              assertThat(h.code()).isEqualTo("follow_up_not_open");
            });

    assertThat(service.get(f.id())).isEqualTo(done);
    assertThat(timeline(customer))
        .hasSize(1)
        .first()
        .extracting(Interaction::agentId)
        .isEqualTo(owner);
  }

  @Test
  void dueTimesOutsideTheYears2000To2100AreRefused() {
    long owner = user("Ivy");
    long customer = customer("Date customer");
    FollowUp f = followUp("call back", Duration.ofHours(2), owner, customer);

    for (Instant due :
        List.of(Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"))) {
      assertThatThrownBy(() -> new FollowUpDraft("typo", null, due, owner, null, customer, null))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("dueAt"));
    }
    assertThatThrownBy(
            () -> service.reschedule(f.id(), Instant.parse("2200-01-01T00:00:00Z"), as(owner)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("dueAt"));
    assertThat(service.openFor(owner)).extracting(FollowUp::dueAt).containsExactly(f.dueAt());
  }

  @Test
  void cancelledFollowUpCannotBeCompletedCancelledOrRescheduled() {
    long owner = user("Heidi");
    long customer = customer("Cancel customer");
    FollowUp f = followUp("no longer needed", Duration.ofHours(2), owner, customer);

    FollowUp cancelled = service.cancel(f.id(), as(owner), "customer withdrew the request");

    assertThat(cancelled.status()).isEqualTo(FollowUpStatus.CANCELLED);
    assertThat(cancelled.completionNote()).isEqualTo("customer withdrew the request");
    assertThat(timeline(customer)).isEmpty();
    assertThat(service.openFor(owner)).isEmpty();
    assertThatThrownBy(() -> service.complete(f.id(), as(owner), null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("cancelled");
    assertThatThrownBy(() -> service.cancel(f.id(), as(owner), null))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> service.reschedule(f.id(), NOW.plus(Duration.ofDays(1)), as(owner)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("rescheduled");
    assertThat(timeline(customer)).isEmpty();
  }

  @Test
  void whenRecordingTheInteractionFailsTheFollowUpStaysOpen() {
    InteractionRepository real = new JdbiInteractionRepository(db.jdbi());
    InteractionRepository failing =
        new InteractionRepository() {
          @Override
          public long insert(
              InteractionDraft draft,
              Instant startedAt,
              Long agentId,
              InteractionEvent event,
              Map<String, String> params) {
            real.insert(draft, startedAt, agentId, event, params);
            throw new IllegalStateException("simulated failure after the insert");
          }

          @Override
          public Optional<Interaction> find(long id) {
            return real.find(id);
          }

          @Override
          public List<Interaction> forCustomer(long customerId, int limit, int offset) {
            return real.forCustomer(customerId, limit, offset);
          }

          @Override
          public List<Interaction> forCall(String linkedid) {
            return real.forCall(linkedid);
          }

          @Override
          public boolean endCall(long id, Instant endedAt, CallDetails call) {
            return real.endCall(id, endedAt, call);
          }
        };
    long owner = user("Ivan");
    long customer = customer("Rollback customer");
    FollowUp f = followUp("chase", Duration.ofMinutes(-1), owner, customer);

    assertThatThrownBy(() -> service(failing).complete(f.id(), as(owner), "note"))
        .isInstanceOf(IllegalStateException.class);

    assertThat(service.get(f.id()).status()).isEqualTo(FollowUpStatus.OPEN);
    assertThat(timeline(customer)).isEmpty();
  }

  /** A bare ticket row for a new customer, inserted directly: follow-ups only refer to it. */
  private static long ticket() {
    long customer = customer("Ticket customer");
    return db.jdbi()
        .withHandle(
            h ->
                h.createUpdate(
                        "insert into ticket (type, status, title, priority, customer_id,"
                            + " first_response_target_minutes, resolution_target_minutes,"
                            + " created_at, updated_at)"
                            + " values ('QUESTION', 'NEW', 'Question', 'NORMAL', :customer,"
                            + " 480, 1620, :now, :now)")
                    .bind("customer", customer)
                    .bind("now", NOW)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void followUpOnATicketOnlyIsCompletedWithANoteWithoutCustomer() {
    long owner = user("Judy");
    long ticket = ticket();
    FollowUp f =
        service.create(
            new FollowUpDraft("ask the technician", null, NOW, owner, null, null, ticket), owner);

    FollowUp done = service.complete(f.id(), as(owner), "fixed");

    assertThat(done.ticketId()).isEqualTo(ticket);
    assertThat(done.customerId()).isNull();
    assertThat(done.vip()).isFalse();
    int notes =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from interaction where customer_id is null"
                                + " and agent_id = :agent and channel = 'NOTE'")
                        .bind("agent", owner)
                        .mapTo(Integer.class)
                        .one());
    assertThat(notes).isEqualTo(1);
  }

  @Test
  void aFollowUpOnATicketThatDoesNotExistIsRejectedNamingTheField() {
    long owner = user("Leo");

    assertThatThrownBy(
            () ->
                service.create(
                    new FollowUpDraft("chase", null, NOW, owner, null, null, 987_654L), owner))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("ticketId"));
  }

  @Test
  void rescheduleMovesTheDueTimeIntoTheFutureOnly() {
    long owner = user("Ken");
    long customer = customer("Reschedule customer");
    FollowUp f = followUp("call back", Duration.ofHours(-1), owner, customer);
    Instant tomorrow = NOW.plus(Duration.ofDays(1));

    FollowUp moved = service.reschedule(f.id(), tomorrow, as(owner));

    assertThat(moved.dueAt()).isEqualTo(tomorrow);
    assertThat(moved.overdue()).isFalse();
    assertThat(service.overdueFor(owner)).isEmpty();
    assertThatThrownBy(() -> service.reschedule(f.id(), NOW.minusSeconds(1), as(owner)))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("dueAt");
    assertThat(service.get(f.id()).dueAt()).isEqualTo(tomorrow);
  }

  @Test
  void customerListShowsOpenByDueThenClosed() {
    long owner = user("Leo");
    long customer = customer("History customer");
    FollowUp closed = followUp("old", Duration.ofDays(-3), owner, customer);
    service.complete(closed.id(), as(owner), null);
    FollowUp later = followUp("later", Duration.ofDays(2), owner, customer);
    FollowUp sooner = followUp("sooner", Duration.ofDays(1), owner, customer);

    assertThat(service.forCustomer(customer))
        .extracting(FollowUp::id)
        .containsExactly(sooner.id(), later.id(), closed.id());
    assertThatThrownBy(() -> service.forCustomer(987_654L)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void unknownFollowUpIsNotFound() {
    assertThatThrownBy(() -> service.get(987_654L))
        .isInstanceOf(NotFoundException.class)
        .extracting(e -> ((NotFoundException) e).code())
        .isEqualTo("follow_up_not_found");
    assertThatThrownBy(() -> service.complete(987_654L, as(user("Mia")), null))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void validationErrorsNameTheFieldAndStoreNothing() {
    long owner = user("Nina");
    long customer = customer("Validation customer");
    Instant due = NOW.plusSeconds(600);

    assertField(() -> new FollowUpDraft(" ", null, due, owner, null, customer, null), "title");
    assertField(
        () -> new FollowUpDraft("x".repeat(201), null, due, owner, null, customer, null), "title");
    assertField(
        () -> new FollowUpDraft("t", "n".repeat(5001), due, owner, null, customer, null), "note");
    assertField(() -> new FollowUpDraft("t", null, null, owner, null, customer, null), "dueAt");
    assertField(() -> new FollowUpDraft("t", null, due, null, null, customer, null), "ownerId");
    assertField(() -> new FollowUpDraft("t", null, due, owner, null, null, null), "customerId");
    assertField(
        () ->
            service.create(
                new FollowUpDraft("t", null, due, 987_654L, null, customer, null), owner),
        "ownerId");
    assertField(
        () -> service.create(new FollowUpDraft("t", null, due, owner, null, 987_654L, null), owner),
        "customerId");
    FollowUp f = followUp("to complete", Duration.ofMinutes(1), owner, customer);
    assertField(() -> service.complete(f.id(), as(owner), "n".repeat(5001)), "note");
    assertField(
        () ->
            service.complete(
                f.id(),
                new User(
                    987_654L, "ghost", "Ghost", Set.of(Role.SUPERVISOR), "en", "UTC", true, false),
                null),
        "by");

    assertThat(service.forCustomer(customer)).extracting(FollowUp::id).containsExactly(f.id());
    assertThat(service.get(f.id()).status()).isEqualTo(FollowUpStatus.OPEN);
    assertThat(timeline(customer)).isEmpty();
  }

  private static void assertField(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo(field);
  }
}
