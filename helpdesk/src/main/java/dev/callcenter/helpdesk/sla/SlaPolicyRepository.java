package dev.callcenter.helpdesk.sla;

import java.util.List;
import java.util.Optional;

/** Storage of SLA policies. */
public interface SlaPolicyRepository {

  List<SlaPolicy> all();

  /** Adds a policy; empty when one with the same key (type, priority, tier) exists. */
  Optional<SlaPolicy> add(SlaPolicyDraft draft);

  /** Changes a policy's targets; empty when there is no such policy. */
  Optional<SlaPolicy> changeTargets(long id, SlaPolicyDraft.Targets targets);

  /** False when there was no such policy. */
  boolean remove(long id);
}
