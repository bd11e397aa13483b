package dev.callcenter.helpdesk.report;

import dev.callcenter.helpdesk.customer.Tier;

/**
 * What a report is narrowed to; null means any. Each report says which filters it cannot apply
 * (calls have no product, for instance) instead of silently ignoring them.
 *
 * @param team a team key: calls answered by its members, tickets routed to it
 * @param agentId a user id: calls answered by them, tickets assigned to them
 * @param tier the customer's tier (for calls, the tier when the call was offered)
 */
public record ReportFilter(String queue, String team, Long agentId, String product, Tier tier) {

  public static ReportFilter none() {
    return new ReportFilter(null, null, null, null, null);
  }
}
