package dev.callcenter.cti.pop;

import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.dispatch.field.CustomerVisit;
import dev.callcenter.helpdesk.dispatch.field.FieldWork;
import dev.callcenter.helpdesk.ticket.TicketSummary;
import java.util.List;

/**
 * The pop's {@code dispatch} section: the caller's open and next technician visits (status, window,
 * technician, late), so the agent can answer "when is the technician coming?"; left out when there
 * are none.
 */
public final class DispatchSection implements PopSection {

  private final FieldWork field;

  public DispatchSection(FieldWork field) {
    this.field = field;
  }

  @Override
  public String name() {
    return "dispatch";
  }

  @Override
  public Object compose(
      String callId, CallerLookup lookup, Long customerId, List<TicketSummary> openTickets) {
    if (customerId == null) {
      return null;
    }
    List<CustomerVisit> visits = field.customerVisits(customerId);
    return visits.isEmpty() ? null : visits;
  }
}
