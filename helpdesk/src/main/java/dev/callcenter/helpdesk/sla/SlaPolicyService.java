package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.NotFoundException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintains the SLA policies. A change applies to tickets opened from then on: a ticket keeps the
 * targets it was opened with (they are copied onto it), so a promise made to a customer is not
 * moved after the fact. The catch-all policy (no key column set) cannot be removed: every ticket
 * needs targets.
 */
public final class SlaPolicyService {

  private static final Logger log = LoggerFactory.getLogger(SlaPolicyService.class);

  private final SlaPolicyRepository policies;

  public SlaPolicyService(SlaPolicyRepository policies) {
    this.policies = policies;
  }

  public List<SlaPolicy> all() {
    return policies.all();
  }

  public SlaPolicy add(SlaPolicyDraft draft, Long actorId) {
    SlaPolicy added =
        policies
            .add(draft)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "sla_policy_exists",
                        "A policy for this type, priority and tier exists already",
                        key(draft.type(), draft.priority(), draft.tier())));
    log.info("SLA policy {} added by user {}: {}", added.id(), actorId, added);
    return added;
  }

  public SlaPolicy changeTargets(long id, SlaPolicyDraft.Targets targets, Long actorId) {
    SlaPolicy changed =
        policies
            .changeTargets(id, targets)
            .orElseThrow(() -> new NotFoundException("sla_policy", id));
    log.info("SLA policy {} changed by user {}: {}", id, actorId, changed);
    return changed;
  }

  public void remove(long id, Long actorId) {
    SlaPolicy policy =
        policies.all().stream()
            .filter(p -> p.id() == id)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("sla_policy", id));
    if (policy.specificity() == 0) {
      throw new ConflictException(
          "sla_catch_all_required", "The catch-all policy gives every ticket its targets");
    }
    if (!policies.remove(id)) {
      throw new NotFoundException("sla_policy", id);
    }
    log.info("SLA policy {} removed by user {}: {}", id, actorId, policy);
  }

  private static Map<String, Object> key(Object type, Object priority, Object tier) {
    // "any" for a column that matches every value (details hold no nulls)
    return Map.of(
        "type", type == null ? "any" : type,
        "priority", priority == null ? "any" : priority,
        "tier", tier == null ? "any" : tier);
  }
}
