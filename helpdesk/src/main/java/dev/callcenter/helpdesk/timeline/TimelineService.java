package dev.callcenter.helpdesk.timeline;

import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.CustomerRepository;
import java.util.List;

/** A customer's history — contacts, tickets opened, ticket changes and comments — newest first. */
public final class TimelineService {

  public static final int MAX_LIMIT = 200;

  private final TimelineRepository timeline;
  private final CustomerRepository customers;

  public TimelineService(TimelineRepository timeline, CustomerRepository customers) {
    this.timeline = timeline;
    this.customers = customers;
  }

  /**
   * One page of the customer's timeline.
   *
   * @param limit 1–200 entries
   * @param offset entries to skip, 0 or more
   */
  public List<TimelineEntry> timeline(long customerId, int limit, int offset) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new ValidationException("offset", "must not be negative");
    }
    if (!customers.exists(customerId)) {
      throw new NotFoundException("customer", customerId);
    }
    return timeline.forCustomer(customerId, limit, offset);
  }
}
