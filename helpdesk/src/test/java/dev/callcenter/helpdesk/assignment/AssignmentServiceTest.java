package dev.callcenter.helpdesk.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.ticket.AuditEntry;
import dev.callcenter.helpdesk.ticket.AuditField;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.StatusChange;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketKit;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignmentServiceTest {

  private TicketKit kit;
  private TeamService teams;
  private AssignmentService assignment;
  private long customer;
  private long vipCustomer;
  private long supervisor;

  @BeforeEach
  void setUp() {
    kit = new TicketKit();
    teams = kit.helpdesk.teams();
    assignment = kit.helpdesk.assignment();
    customer = kit.customer("王小明", Tier.STANDARD).id();
    vipCustomer = kit.customer("大華科技", Tier.VIP).id();
    supervisor = kit.agent("Supervisor");
  }

  @AfterEach
  void tearDown() {
    kit.close();
  }

  private String username(long userId) {
    return kit.users.find(userId).orElseThrow().username();
  }

  private long member(String team, List<String> skills, Integer capacity) {
    long id = kit.agent("Member of " + team);
    teams.putMember(team, id, new MemberDraft(skills, capacity));
    return id;
  }

  private Ticket ticket(
      long customerId, String team, Priority priority, List<String> skills, Long assignee) {
    return kit.tickets.create(
        new TicketDraft(
            TicketType.FAULT_REPORT,
            priority + " fault",
            null,
            priority,
            customerId,
            assignee,
            team,
            null,
            skills,
            null,
            null,
            null,
            null,
            null),
        supervisor);
  }

  private Ticket waiting(String team) {
    return ticket(customer, team, Priority.NORMAL, List.of(), null);
  }

  private long assigneeOf(AssignmentOutcome outcome) {
    return ((AssignmentOutcome.Assigned) outcome).userId();
  }

  private void resolve(long ticketId) {
    kit.workflow.changeStatus(ticketId, StatusChange.resolve("Done"), supervisor);
  }

  @Test
  void aTicketNeedingSkillsGoesToAMemberHoldingAllOfThemAndRecordsWhy() {
    teams.create(new TeamDraft("printers", "Printers", 5));
    long generalist = member("printers", List.of("network"), null);
    long specialist = member("printers", List.of("printer", "zh-TW"), null);
    ticket(customer, "printers", Priority.NORMAL, List.of(), specialist);
    Ticket t = ticket(customer, "printers", Priority.NORMAL, List.of("zh-TW", "printer"), null);

    AssignmentOutcome outcome = assignment.assign(t.id(), supervisor);

    assertThat(assigneeOf(outcome)).isEqualTo(specialist).isNotEqualTo(generalist);
    Ticket stored = kit.tickets.get(t.id());
    assertThat(stored.assigneeId()).isEqualTo(specialist);
    assertThat(stored.assignmentReason())
        .isEqualTo(outcome.reason())
        .isEqualTo(
            username(specialist)
                + " has skills [printer, zh-TW], is present and has the fewest open tickets (1)");
    assertThat(kit.tickets.audit(t.id()))
        .filteredOn(e -> e.field() != AuditField.CREATED)
        .extracting(
            AuditEntry::actorId, AuditEntry::field, AuditEntry::oldValue, AuditEntry::newValue)
        .containsExactly(
            tuple(supervisor, AuditField.ASSIGNEE, null, String.valueOf(specialist)),
            tuple(supervisor, AuditField.ASSIGNMENT_REASON, null, outcome.reason()));
  }

  @Test
  void theLeastLoadedPresentMemberGetsTheTicket() {
    teams.create(new TeamDraft("support", "Support", 10));
    long busy = member("support", List.of(), null);
    long light = member("support", List.of(), null);
    long busiest = member("support", List.of(), null);
    for (int i = 0; i < 2; i++) {
      ticket(customer, "support", Priority.NORMAL, List.of(), busy);
    }
    ticket(customer, "support", Priority.NORMAL, List.of(), light);
    for (int i = 0; i < 3; i++) {
      ticket(customer, "support", Priority.NORMAL, List.of(), busiest);
    }

    AssignmentOutcome outcome = assignment.assign(waiting("support").id(), supervisor);

    assertThat(assigneeOf(outcome)).isEqualTo(light);
    assertThat(teams.team("support").members())
        .extracting(TeamMember::userId, TeamMember::openTickets)
        .containsExactlyInAnyOrder(tuple(busy, 2), tuple(light, 2), tuple(busiest, 3));
  }

  @Test
  void equallyLoadedMembersTakeTurnsEvenWhenTheClockStandsStill() {
    teams.create(new TeamDraft("support", "Support", 10));
    long first = member("support", List.of(), null);
    long second = member("support", List.of(), null);
    long third = member("support", List.of(), null);

    List<Long> chosen = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Ticket t = waiting("support");
      AssignmentOutcome outcome = assignment.assign(t.id(), null);
      chosen.add(assigneeOf(outcome));
      assertThat(outcome.reason()).endsWith("; round robin among 3 equally loaded members");
      resolve(t.id());
    }

    assertThat(chosen).containsExactly(first, second, third, first, second);
  }

  @Test
  void beyondCapacityTicketsWaitInTheQueueWithAReasonUntilCapacityFrees() {
    teams.create(new TeamDraft("support", "Support", 2));
    long only = member("support", List.of(), null);
    Ticket one = waiting("support");
    Ticket two = waiting("support");
    Ticket three = waiting("support");

    assignment.assign(one.id(), null);
    assignment.assign(two.id(), null);
    AssignmentOutcome third = assignment.assign(three.id(), null);

    assertThat(third).isInstanceOf(AssignmentOutcome.Queued.class);
    assertThat(third.reason())
        .isEqualTo(
            "waits in the support queue: every present member with no particular skill is at"
                + " capacity");
    assertThat(kit.tickets.get(three.id()).assigneeId()).isNull();
    assertThat(kit.tickets.get(three.id()).assignmentReason()).isEqualTo(third.reason());
    assertThat(assignment.queue("support"))
        .extracting(QueuedTicket::id)
        .containsExactly(three.id());
    assertThat(teams.team("support").members())
        .extracting(TeamMember::openTickets, TeamMember::effectiveCapacity)
        .containsExactly(tuple(2, 2));

    resolve(one.id());
    List<DrainResult> drained = assignment.releaseCapacity(one.id(), null);

    assertThat(drained).containsExactly(new DrainResult("support", 1, 0));
    assertThat(kit.tickets.get(three.id()).assigneeId()).isEqualTo(only);
    assertThat(assignment.queue("support")).isEmpty();
  }

  @Test
  void whenAMemberBecomesPresentVipTicketsAreDrainedFirstThenByPriorityThenOldest() {
    teams.create(new TeamDraft("support", "Support", 2));
    long agent = member("support", List.of(), null);
    assignment.changePresence(agent, false, supervisor);
    Ticket oldUrgent = ticket(customer, "support", Priority.URGENT, List.of(), null);
    kit.clock.advance(Duration.ofMinutes(1));
    Ticket vipLow = ticket(vipCustomer, "support", Priority.LOW, List.of(), null);
    kit.clock.advance(Duration.ofMinutes(1));
    Ticket high = ticket(customer, "support", Priority.HIGH, List.of(), null);
    kit.clock.advance(Duration.ofMinutes(1));
    Ticket newUrgent = ticket(customer, "support", Priority.URGENT, List.of(), null);
    for (Ticket t : List.of(oldUrgent, vipLow, high, newUrgent)) {
      assertThat(assignment.assign(t.id(), null).reason())
          .isEqualTo("waits in the support queue: no member with no particular skill is present");
    }
    assertThat(assignment.queue("support"))
        .extracting(QueuedTicket::id, QueuedTicket::vip)
        .containsExactly(
            tuple(vipLow.id(), true),
            tuple(oldUrgent.id(), false),
            tuple(newUrgent.id(), false),
            tuple(high.id(), false));

    PresenceChange change = assignment.changePresence(agent, true, agent);

    assertThat(change.drained()).containsExactly(new DrainResult("support", 2, 2));
    assertThat(kit.tickets.get(vipLow.id()).assigneeId()).isEqualTo(agent);
    assertThat(kit.tickets.get(oldUrgent.id()).assigneeId()).isEqualTo(agent);
    assertThat(assignment.queue("support"))
        .extracting(QueuedTicket::id, QueuedTicket::assignmentReason)
        .containsExactly(
            tuple(
                newUrgent.id(),
                "waits in the support queue: every present member with no particular skill is at"
                    + " capacity"),
            tuple(
                high.id(),
                "waits in the support queue: every present member with no particular skill is at"
                    + " capacity"));
  }

  @Test
  void anAbsentMembersOpenTicketsGoToOthersOrBackToTheQueueWithTheReasonAudited() {
    teams.create(new TeamDraft("support", "Support", 10));
    long leaving = member("support", List.of("billing"), null);
    long colleague = member("support", List.of("billing"), 1);
    long other = member("support", List.of(), null);
    Ticket urgent = ticket(customer, "support", Priority.URGENT, List.of("billing"), leaving);
    Ticket normal = ticket(customer, "support", Priority.NORMAL, List.of("billing"), leaving);
    Ticket resolved = ticket(customer, "support", Priority.NORMAL, List.of(), leaving);
    resolve(resolved.id());

    PresenceChange change = assignment.changePresence(leaving, false, supervisor);

    String gone = username(leaving) + " is absent; ";
    assertThat(change.reassigned())
        .extracting(
            o -> o.ticket().id(), o -> o.getClass().getSimpleName(), o -> o.ticket().assigneeId())
        .containsExactly(
            tuple(urgent.id(), "Assigned", colleague), tuple(normal.id(), "Queued", null));
    assertThat(kit.tickets.get(urgent.id()).assignmentReason())
        .isEqualTo(
            gone
                + username(colleague)
                + " has skills [billing], is present and has the fewest open tickets (0)");
    assertThat(kit.tickets.get(normal.id()).assignmentReason())
        .isEqualTo(
            gone
                + "waits in the support queue: every present member with skills [billing] is at"
                + " capacity");
    assertThat(kit.tickets.get(resolved.id()).assigneeId()).isEqualTo(leaving);
    assertThat(kit.tickets.audit(normal.id()))
        .filteredOn(e -> e.field() != AuditField.CREATED)
        .extracting(
            AuditEntry::actorId, AuditEntry::field, AuditEntry::oldValue, AuditEntry::newValue)
        .containsExactly(
            tuple(supervisor, AuditField.ASSIGNEE, String.valueOf(leaving), null),
            tuple(
                supervisor,
                AuditField.ASSIGNMENT_REASON,
                null,
                kit.tickets.get(normal.id()).assignmentReason()));
    assertThat(teams.team("support").members())
        .filteredOn(m -> m.userId() == leaving)
        .extracting(TeamMember::present, TeamMember::openTickets)
        .containsExactly(tuple(false, 0));
    assertThat(other).isNotEqualTo(colleague);
  }

  @Test
  void withNobodyPresentTheTicketWaitsAndIsTakenWhenSomeoneComes() {
    teams.create(new TeamDraft("support", "Support", 3));
    long agent = member("support", List.of(), null);
    teams.setPresence(agent, false);

    AssignmentOutcome outcome = assignment.assign(waiting("support").id(), null);

    assertThat(outcome).isInstanceOf(AssignmentOutcome.Queued.class);
    assertThat(outcome.ticket().assignmentReason())
        .isEqualTo("waits in the support queue: no member with no particular skill is present");
    assertThat(assignment.changePresence(agent, true, agent).drained())
        .containsExactly(new DrainResult("support", 1, 0));
  }

  @Test
  void aTicketNeedingASkillNobodyHasWaitsWhileOthersBehindItAreDrained() {
    teams.create(new TeamDraft("support", "Support", 5));
    long agent = member("support", List.of("en"), null);
    teams.setPresence(agent, false);
    Ticket japanese = ticket(vipCustomer, "support", Priority.URGENT, List.of("ja"), null);
    Ticket english = ticket(customer, "support", Priority.LOW, List.of("en"), null);
    teams.setPresence(agent, true);

    DrainResult result = assignment.drainQueue("support", null);

    assertThat(result).isEqualTo(new DrainResult("support", 1, 1));
    assertThat(kit.tickets.get(english.id()).assigneeId()).isEqualTo(agent);
    assertThat(kit.tickets.get(japanese.id()).assignmentReason())
        .isEqualTo("waits in the support queue: no team member has skills [ja]");
  }

  @Test
  void openingATicketAssignsItUnlessItHasAnAssigneeOrNoTeam() {
    teams.create(new TeamDraft("support", "Support", 5));
    long agent = member("support", List.of(), null);
    long chosenByHand = kit.agent("Chosen by hand");

    Ticket explicit =
        kit.helpdesk
            .openTicket()
            .open(
                new TicketDraft(
                    TicketType.QUESTION,
                    "For a colleague",
                    null,
                    null,
                    customer,
                    chosenByHand,
                    "support",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                supervisor);
    Ticket teamless =
        kit.helpdesk
            .openTicket()
            .open(TicketDraft.of(TicketType.QUESTION, "No team", customer, null), supervisor);
    Ticket automatic =
        kit.helpdesk
            .openTicket()
            .open(
                new TicketDraft(
                    TicketType.QUESTION,
                    "To the team",
                    null,
                    null,
                    customer,
                    null,
                    "support",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                supervisor);

    assertThat(explicit.assigneeId()).isEqualTo(chosenByHand);
    assertThat(explicit.assignmentReason()).isNull();
    assertThat(teamless.assigneeId()).isNull();
    assertThat(teamless.assignmentReason()).isNull();
    assertThat(automatic.assigneeId()).isEqualTo(agent);
    assertThat(automatic.assignmentReason()).isNotNull();
    assertThat(kit.count("select count(*) from ticket where assignee_id = " + agent)).isEqualTo(1);
  }

  @Test
  void teamsValidateTheirFieldsAndPresenceNeedsATeam() {
    teams.create(new TeamDraft("support", "Support", 5));
    long loner = kit.agent("Loner");

    assertThatThrownBy(() -> teams.create(new TeamDraft("support", "Again", 5)))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("team_exists"));
    assertThatThrownBy(() -> new TeamDraft("Has Space", "x", 5))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("key"));
    assertThatThrownBy(() -> new TeamDraft("ok", "x", 0))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("defaultCapacity"));
    assertThatThrownBy(() -> new MemberDraft(List.of(" "), null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("skills[0]"));
    assertThatThrownBy(() -> teams.setPresence(loner, true))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("not_a_team_member"));
  }

  @Test
  void presenceIsPerPersonAcrossTeamsAndLoadCountsEveryTeam() {
    teams.create(new TeamDraft("support", "Support", 5));
    teams.create(new TeamDraft("billing", "Billing", 1));
    long agent = member("support", List.of("zh-TW", "zh-TW", " en "), 2);
    teams.setPresence(agent, false);
    teams.putMember("billing", agent, new MemberDraft(null, null));
    ticket(customer, "support", Priority.NORMAL, List.of(), agent);

    TeamOverview billing = teams.team("billing");
    teams.update(new TeamDraft("billing", "Billing desk", 3));

    assertThat(billing.members())
        .extracting(
            TeamMember::present,
            TeamMember::capacity,
            TeamMember::effectiveCapacity,
            TeamMember::openTickets)
        .containsExactly(tuple(false, null, 1, 1));
    assertThat(teams.team("support").members().getFirst().skills()).containsExactly("en", "zh-TW");
    assertThat(teams.teams())
        .extracting(TeamOverview::key, TeamOverview::name, TeamOverview::defaultCapacity)
        .containsExactly(tuple("billing", "Billing desk", 3), tuple("support", "Support", 5));
  }

  @Test
  void concurrentAssignmentsNeverExceedAMembersCapacityNorAssignATicketTwice() throws Exception {
    teams.create(new TeamDraft("support", "Support", 3));
    List<Long> members = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      members.add(member("support", List.of(), null));
    }
    // A member shared with a second team whose tickets are assigned at the same time.
    teams.create(new TeamDraft("billing", "Billing", 3));
    teams.putMember("billing", members.getFirst(), new MemberDraft(null, null));
    List<Long> ticketIds = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      ticketIds.add(waiting(i % 4 == 0 ? "billing" : "support").id());
    }

    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<AssignmentOutcome>>> results = new ArrayList<>();
    try {
      for (int w = 0; w < threads; w++) {
        int worker = w;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<AssignmentOutcome> outcomes = new ArrayList<>();
                  for (int i = worker; i < ticketIds.size(); i += threads) {
                    outcomes.add(assignment.assign(ticketIds.get(i), null));
                  }
                  assignment.drainQueue(worker % 2 == 0 ? "support" : "billing", null);
                  return outcomes;
                }));
      }
      start.countDown();
      List<AssignmentOutcome> all = new ArrayList<>();
      for (Future<List<AssignmentOutcome>> f : results) {
        all.addAll(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(all).hasSize(ticketIds.size());
    } finally {
      pool.shutdownNow();
    }

    assertThat(teams.team("support").members())
        .allSatisfy(m -> assertThat(m.openTickets()).isLessThanOrEqualTo(3))
        .extracting(TeamMember::openTickets)
        .containsExactly(3, 3, 3);
    assertThat(kit.count("select count(*) from ticket where assignee_id is not null")).isEqualTo(9);
    assertThat(
            kit.count(
                "select count(*) from ticket_audit where field = 'ASSIGNEE'"
                    + " group by ticket_id order by count(*) desc limit 1"))
        .isEqualTo(1);
    assertThat(assignment.queue("support").size() + assignment.queue("billing").size())
        .isEqualTo(24 - 9);
  }
}
