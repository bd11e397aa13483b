package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.util.Comparator;
import java.util.List;

/** Picks the SLA policy that applies to a ticket's type, priority and customer tier. */
public final class SlaPolicyResolver {

  static final Comparator<SlaPolicy> PREFERRED =
      Comparator.comparingInt(SlaPolicy::specificity)
          .reversed()
          .thenComparing(SlaPolicy::firstResponse)
          .thenComparing(SlaPolicy::resolution)
          .thenComparingLong(SlaPolicy::id);

  private final SlaPolicyRepository policies;

  public SlaPolicyResolver(SlaPolicyRepository policies) {
    this.policies = policies;
  }

  /**
   * The policy that applies: among the matching policies the most specific one (most non-wildcard
   * columns); among equally specific ones the stricter (shorter first-response, then shorter
   * resolution target), then the oldest.
   *
   * @throws IllegalStateException if none matches (the catch-all policy was deleted)
   */
  public SlaPolicy resolve(TicketType type, Priority priority, Tier tier) {
    return choose(policies.all(), type, priority, tier);
  }

  static SlaPolicy choose(
      List<SlaPolicy> candidates, TicketType type, Priority priority, Tier tier) {
    return candidates.stream()
        .filter(p -> p.matches(type, priority, tier))
        .min(PREFERRED)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no SLA policy matches "
                        + type
                        + "/"
                        + priority
                        + "/"
                        + tier
                        + "; restore the catch-all row of sla_policy (all keys null)"));
  }
}
