package dev.callcenter.helpdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored customer (person or company).
 *
 * @param tier the tier computed by the Pareto job
 * @param tierOverride a manual tier that wins over the computed one, or null
 */
public record Customer(
    long id,
    CustomerKind kind,
    String name,
    Long companyId,
    String companyName,
    String language,
    List<Phone> phones,
    List<String> emails,
    String address,
    String notes,
    Map<String, String> attributes,
    BigDecimal value12m,
    Tier tier,
    Tier tierOverride,
    String externalRef,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  /** The tier that applies: the manual override if set, else the computed tier. */
  public Tier effectiveTier() {
    return tierOverride != null ? tierOverride : tier;
  }

  public CustomerSummary summary() {
    return new CustomerSummary(id, kind, name, companyId, companyName, language, effectiveTier());
  }
}
