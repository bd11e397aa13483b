package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.sla.clock.SlaTerms;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.time.Duration;

/**
 * SLA targets for the tickets it matches; a null key column matches any value.
 *
 * @param firstResponse business time allowed until the first public reply
 * @param resolution business time allowed until the ticket is resolved
 */
public record SlaPolicy(
    long id,
    TicketType type,
    Priority priority,
    Tier tier,
    Duration firstResponse,
    Duration resolution) {

  public boolean matches(TicketType t, Priority p, Tier c) {
    return (type == null || type == t)
        && (priority == null || priority == p)
        && (tier == null || tier == c);
  }

  /** How many key columns are set: the more, the more specific. */
  public int specificity() {
    return (type == null ? 0 : 1) + (priority == null ? 0 : 1) + (tier == null ? 0 : 1);
  }

  public SlaTerms terms() {
    return new SlaTerms(id, firstResponse, resolution);
  }
}
