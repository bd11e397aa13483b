package dev.callcenter.helpdesk.interaction;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.Params;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.CustomerRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    return record(draft, agentId, null, Map.of());
  }

  /**
   * Records a contact the system words by code: no English summary, {@code event} and its
   * parameters instead (the page turns them into the user's language).
   *
   * @param agentId the agent who took part (the one who answered a call), null for none
   */
  public Interaction recordEvent(
      InteractionDraft draft, Long agentId, InteractionEvent event, Map<String, String> params) {
    Fields.notNull("event", event);
    return record(draft, agentId, event, params);
  }

  private Interaction record(
      InteractionDraft draft, Long agentId, InteractionEvent event, Map<String, String> params) {
    Map<String, String> checked = Params.of("eventParams", params);
    if (draft.customerId() != null && !customers.exists(draft.customerId())) {
      throw new ValidationException(
          "customerId", "customer " + draft.customerId() + " does not exist");
    }
    Instant startedAt = draft.startedAt() != null ? draft.startedAt() : clock.instant();
    long id = interactions.insert(draft, startedAt, agentId, event, checked);
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
