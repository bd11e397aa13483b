package dev.callcenter.helpdesk.interaction;

import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.CustomerRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Records contacts on the customer timeline and reads them back. */
public final class InteractionService {

  private final InteractionRepository interactions;
  private final CustomerRepository customers;
  private final Clock clock;

  public InteractionService(
      InteractionRepository interactions, CustomerRepository customers, Clock clock) {
    this.interactions = interactions;
    this.customers = customers;
    this.clock = clock;
  }

  /** Records a contact made by {@code agentId} (null for contacts the system records itself). */
  public Interaction record(InteractionDraft draft, Long agentId) {
    if (draft.customerId() != null && !customers.exists(draft.customerId())) {
      throw new ValidationException(
          "customerId", "customer " + draft.customerId() + " does not exist");
    }
    Instant startedAt = draft.startedAt() != null ? draft.startedAt() : clock.instant();
    long id = interactions.insert(draft, startedAt, agentId);
    return get(id);
  }

  public Interaction get(long id) {
    return interactions.find(id).orElseThrow(() -> new NotFoundException("interaction", id));
  }

  public List<Interaction> forCustomer(long customerId, int limit, int offset) {
    if (!customers.exists(customerId)) {
      throw new NotFoundException("customer", customerId);
    }
    return interactions.forCustomer(customerId, limit, offset);
  }
}
