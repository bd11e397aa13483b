package dev.callcenter.helpdesk.sla;

import static dev.callcenter.helpdesk.ticket.TicketKit.taipei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.sla.clock.SlaTerms;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketKit;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

  private static TicketKit kit;
  private static long vip;
  private static long standard;

  @BeforeAll
  static void setUp() {
    kit = new TicketKit();
    vip = kit.customer("VIP 股份有限公司", Tier.VIP).id();
    standard = kit.customer("一般客戶", Tier.STANDARD).id();
  }

  @AfterAll
  static void tearDown() {
    kit.close();
  }

  private static SlaTerms termsOf(TicketType type, Priority priority, long customerId) {
    return kit.open(type, priority, customerId, null).slaTerms();
  }

  @Test
  void aVipCustomerGetsTheStricterTargets() {
    SlaTerms vipUrgent = termsOf(TicketType.FAULT_REPORT, Priority.URGENT, vip);
    SlaTerms standardUrgent = termsOf(TicketType.FAULT_REPORT, Priority.URGENT, standard);

    assertThat(vipUrgent.firstResponse()).isEqualTo(Duration.ofMinutes(30));
    assertThat(vipUrgent.resolution()).isEqualTo(Duration.ofHours(4));
    assertThat(standardUrgent.firstResponse()).isEqualTo(Duration.ofHours(1));
    assertThat(standardUrgent.resolution()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void theTierOverrideDecidesTheTier() {
    long promoted = kit.customer("Promoted", Tier.STANDARD).id();
    kit.customers.setTierOverride(promoted, Tier.VIP);

    assertThat(termsOf(TicketType.QUESTION, Priority.NORMAL, promoted).firstResponse())
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void complaintsGetStricterTargetsThanNormalTickets() {
    SlaTerms complaint = termsOf(TicketType.COMPLAINT, Priority.NORMAL, standard);
    SlaTerms question = termsOf(TicketType.QUESTION, Priority.NORMAL, standard);

    assertThat(complaint.firstResponse()).isEqualTo(Duration.ofHours(2));
    assertThat(complaint.resolution()).isEqualTo(Duration.ofHours(18));
    assertThat(question.firstResponse()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void amongEquallySpecificPoliciesTheStricterWins() {
    // VIP URGENT (30 min / 4 h) and VIP COMPLAINT (1 h / 9 h) both match two columns.
    SlaTerms terms = termsOf(TicketType.COMPLAINT, Priority.URGENT, vip);

    assertThat(terms.firstResponse()).isEqualTo(Duration.ofMinutes(30));
    assertThat(terms.resolution()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void theMostSpecificPolicyWinsOverALooserOneAndTheCatchAllAppliesLast() {
    SlaPolicy catchAll = policy(1, null, null, null, 480);
    SlaPolicy urgent = policy(2, null, Priority.URGENT, null, 120);
    SlaPolicy urgentVipComplaint = policy(3, TicketType.COMPLAINT, Priority.URGENT, Tier.VIP, 240);
    List<SlaPolicy> all = List.of(catchAll, urgent, urgentVipComplaint);

    assertThat(SlaPolicyResolver.choose(all, TicketType.COMPLAINT, Priority.URGENT, Tier.VIP))
        .as("three matching columns beat one, even with a longer target")
        .isEqualTo(urgentVipComplaint);
    assertThat(SlaPolicyResolver.choose(all, TicketType.QUESTION, Priority.URGENT, Tier.VIP))
        .isEqualTo(urgent);
    assertThat(SlaPolicyResolver.choose(all, TicketType.QUESTION, Priority.LOW, Tier.STANDARD))
        .isEqualTo(catchAll);
    assertThatThrownBy(
            () ->
                SlaPolicyResolver.choose(
                    List.of(urgent), TicketType.QUESTION, Priority.LOW, Tier.STANDARD))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("catch-all");
  }

  @Test
  void editingAPolicyDoesNotMoveTheClocksOfExistingTickets() {
    try (TicketKit own = new TicketKit()) {
      long c = own.customer("Existing", Tier.STANDARD).id();
      own.clock.set(taipei("2026-01-12T09:00"));
      Ticket before = own.open(TicketType.FAULT_REPORT, Priority.HIGH, c, null);

      own.execute(
          "update sla_policy set first_response_minutes = 30"
              + " where priority = 'HIGH' and tier = 'STANDARD'");
      // Policies are cached for a minute (CachingSlaSetup, as the server runs it).
      own.clock.set(taipei("2026-01-12T09:02"));
      Ticket after = own.open(TicketType.FAULT_REPORT, Priority.HIGH, c, null);

      Ticket reloaded = own.tickets.get(before.id());
      assertThat(reloaded.slaTerms().firstResponse()).isEqualTo(Duration.ofHours(2));
      assertThat(reloaded.firstResponseDueAt()).isEqualTo(taipei("2026-01-12T11:00"));
      assertThat(own.sla.sla(before.id()).firstResponse().target()).isEqualTo(Duration.ofHours(2));
      assertThat(after.slaTerms().firstResponse()).isEqualTo(Duration.ofMinutes(30));
    }
  }

  private static SlaPolicy policy(
      long id, TicketType type, Priority priority, Tier tier, int firstResponseMinutes) {
    return new SlaPolicy(
        id,
        type,
        priority,
        tier,
        Duration.ofMinutes(firstResponseMinutes),
        Duration.ofMinutes(firstResponseMinutes * 4L));
  }
}
