package dev.callcenter.helpdesk.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of interactions. */
public interface InteractionRepository {

  long insert(InteractionDraft draft, Instant startedAt, Long agentId);

  Optional<Interaction> find(long id);

  /** A customer's interactions, newest first. */
  List<Interaction> forCustomer(long customerId, int limit, int offset);

  /** Interactions recorded for a PBX call (by Linkedid). */
  List<Interaction> forCall(String linkedid);
}
