package dev.callcenter.helpdesk.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of interactions. */
public interface InteractionRepository {

  /**
   * Stores a contact.
   *
   * @param event why the system records it, null when a person does
   * @param params the event's parameters, checked by {@link dev.callcenter.helpdesk.Params#of}
   */
  long insert(
      InteractionDraft draft,
      Instant startedAt,
      Long agentId,
      InteractionEvent event,
      java.util.Map<String, String> params);

  /**
   * Records how a call ended on an interaction not ended yet: ended time, ring/talk/hold seconds,
   * hangup cause and side, and the recording reference when given (the other call fields stay).
   *
   * @return false when the interaction does not exist or has already ended
   */
  boolean endCall(long id, Instant endedAt, CallDetails call);

  Optional<Interaction> find(long id);

  /** A customer's interactions, newest first. */
  List<Interaction> forCustomer(long customerId, int limit, int offset);

  /** Interactions recorded for a PBX call (by Linkedid). */
  List<Interaction> forCall(String linkedid);
}
