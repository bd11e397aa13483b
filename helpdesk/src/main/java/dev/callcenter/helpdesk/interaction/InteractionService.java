package dev.callcenter.helpdesk.interaction;

import dev.callcenter.helpdesk.Fields;
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

  /**
   * Records the end of the call behind interaction {@code id} once; a second end (a duplicate
   * hangup after a reconnect, say) changes nothing.
   *
   * @return whether this call ended it
   */
  public boolean endCall(long id, Instant endedAt, CallDetails call) {
    Fields.notNull("endedAt", endedAt);
    Fields.notNull("call", call);
    return interactions.endCall(id, endedAt, call);
  }

  /** Interactions recorded for a PBX call (by its Linkedid), oldest first. */
  public List<Interaction> forCall(String linkedid) {
    return interactions.forCall(linkedid);
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
