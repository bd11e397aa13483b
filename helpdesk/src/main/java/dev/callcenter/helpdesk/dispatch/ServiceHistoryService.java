package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.customer.CustomerRepository;
import dev.callcenter.helpdesk.dispatch.ServiceHistoryRepository.Of;

/**
 * Service history: what was done at a customer or on a unit before, visit by visit, for the agent
 * on the phone, the dispatcher and the technician preparing a visit.
 */
public final class ServiceHistoryService {

  /** Most visits in one page. */
  public static final int MAX_LIMIT = 200;

  private final ServiceHistoryRepository history;
  private final CustomerRepository customers;

  public ServiceHistoryService(ServiceHistoryRepository history, CustomerRepository customers) {
    this.history = history;
    this.customers = customers;
  }

  /**
   * The customer's past visits, newest first. A technician reads only the history of a customer
   * with an order planned on them; any other customer is the 404 of a missing one (ADR 0025).
   */
  public ServiceHistory ofCustomer(long customerId, int offset, int limit, Actor actor) {
    boolean reachable =
        customers.exists(customerId)
            && (!actor.technicianOnly() || history.hasOrderOf(customerId, actor.userId()));
    if (!reachable) {
      throw new NotFoundException("customer", customerId);
    }
    return page(Of.CUSTOMER, customerId, offset, limit);
  }

  /** The unit's past visits, newest first (the caller has checked that the unit exists). */
  ServiceHistory ofEquipment(long equipmentId, int offset, int limit) {
    return page(Of.EQUIPMENT, equipmentId, offset, limit);
  }

  private ServiceHistory page(Of of, long id, int offset, int limit) {
    int size = Math.min(Math.max(limit, 1), MAX_LIMIT);
    int from = Math.max(offset, 0);
    return new ServiceHistory(
        history.visits(of, id, from, size),
        from,
        size,
        ServiceHistory.CURRENCY,
        history.totals(of, id));
  }
}
