package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.sla.clock.PauseReason;
import dev.callcenter.helpdesk.sla.clock.SlaSchedule;
import dev.callcenter.helpdesk.sla.clock.SlaTerms;
import java.time.Instant;

/**
 * The SLA clocks of tickets as the ticket use cases drive them; implemented in {@code
 * helpdesk.sla}, so tickets do not depend on policies, calendars or the monitor.
 */
public interface TicketClocks {

  /** The terms of the matching policy and the schedule of a ticket created at {@code createdAt}. */
  Start start(TicketType type, Priority priority, Tier tier, Instant createdAt);

  /** Recomputes the warning and due instants stored on the ticket. */
  void refresh(long ticketId, Instant now);

  /** Starts a pause of the resolution clock that lasts until {@link #closeOpenPause}. */
  void openPause(long ticketId, PauseReason reason, Instant from);

  /** Records a pause already over, e.g. the time a reopened ticket spent resolved. */
  void addPause(long ticketId, PauseReason reason, Instant from, Instant to);

  /** Ends the open pause, if any. */
  void closeOpenPause(long ticketId, Instant now);

  /**
   * How a new ticket's clocks start.
   *
   * @param policyId the policy the terms came from
   */
  record Start(long policyId, SlaTerms terms, SlaSchedule schedule) {}
}
