package dev.callcenter.helpdesk.customer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Storage of customers and their phone numbers. */
public interface CustomerRepository {

  /** Inserts and returns the new id; phones are already normalised. */
  long insert(CustomerDraft draft, List<Phone> phones);

  /**
   * Replaces the customer's fields, phones, e-mails and attributes.
   *
   * @return false when the row does not exist or its version is not {@code expectedVersion}
   */
  boolean update(long id, CustomerDraft draft, List<Phone> phones, Integer expectedVersion);

  Optional<Customer> find(long id);

  /**
   * Deletes a customer that has no history.
   *
   * @return false when it does not exist
   * @throws dev.callcenter.helpdesk.ConflictException when interactions, tickets or employees still
   *     refer to it
   */
  boolean delete(long id);

  boolean exists(long id);

  /** The tier that applies to the customer (override, else computed); empty if none such. */
  default Optional<Tier> tierOf(long id) {
    return find(id).map(Customer::effectiveTier);
  }

  Optional<CustomerKind> kindOf(long id);

  /** Customers having a phone whose normalised key is {@code e164}, at most {@code limit}. */
  List<CustomerSummary> findByPhone(String e164, int limit);

  /**
   * Customers whose name contains the text (names starting with it first), or whose e-mail,
   * external reference or normalised phone equals it; newest first within each group.
   */
  List<CustomerSummary> search(String text, String e164OrNull, int limit, int offset);

  Optional<Long> findIdByExternalRef(String externalRef);

  /** Sets the manual tier override (null clears it); false if the customer does not exist. */
  boolean setTierOverride(long id, Tier override);

  /** Sets the 12-month value; false if the customer does not exist. */
  boolean setValue(long id, BigDecimal value12m);

  /**
   * Recomputes every customer's tier by the Pareto rule: ranked by 12-month value, the customers
   * needed to reach {@code share} of the total value are VIP, the rest STANDARD.
   *
   * @return how many customers changed tier
   */
  int recomputeTiers(BigDecimal share);
}
