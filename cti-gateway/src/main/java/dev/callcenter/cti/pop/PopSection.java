package dev.callcenter.cti.pop;

import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.ticket.TicketSummary;
import java.util.List;

/**
 * An extra part of the screen pop that another feature supplies (the IVR path, knowledge-base
 * suggestions, dispatch orders), computed off the event thread while the pop is composed.
 */
public interface PopSection {
  /** The key of the section in the pop's {@code extras}. */
  String name();

  /**
   * The section for this call, or null to leave it out.
   *
   * @param customerId the identified customer, null when unknown, ambiguous or anonymous
   * @param openTickets the customer's open tickets, newest first
   */
  Object compose(
      String callId, CallerLookup lookup, Long customerId, List<TicketSummary> openTickets);
}
