package dev.callcenter.helpdesk.customer;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.phone.PhoneNormalizer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Use cases on customers: create, edit, find, identify a caller, value tiers. */
public final class CustomerService {

  private static final Logger log = LoggerFactory.getLogger(CustomerService.class);
  private static final int MAX_CANDIDATES = 20;

  private final CustomerRepository repository;
  private final PhoneNormalizer phones;

  public CustomerService(CustomerRepository repository, PhoneNormalizer phones) {
    this.repository = repository;
    this.phones = phones;
  }

  public Customer create(CustomerDraft draft) {
    List<Phone> normalized = normalize(draft.phones());
    checkCompany(draft, null);
    checkExternalRef(draft.externalRef(), null);
    long id = repository.insert(draft, normalized);
    return get(id);
  }

  public Customer update(long id, CustomerDraft draft) {
    List<Phone> normalized = normalize(draft.phones());
    if (!repository.exists(id)) {
      throw new NotFoundException("customer", id);
    }
    checkCompany(draft, id);
    checkExternalRef(draft.externalRef(), id);
    if (!repository.update(id, draft, normalized, draft.version())) {
      throw new ConflictException(
          "stale_customer",
          "The customer was changed by someone else since you loaded it; reload and apply your"
              + " changes again",
          Map.of("id", id, "yourVersion", String.valueOf(draft.version())));
    }
    return get(id);
  }

  public Customer get(long id) {
    return repository.find(id).orElseThrow(() -> new NotFoundException("customer", id));
  }

  /**
   * The customer with this external reference (the account number on the customer's bills, as
   * imported), for callers who identify themselves by it.
   */
  public Optional<Customer> byExternalRef(String externalRef) {
    if (externalRef == null || externalRef.isBlank()) {
      return Optional.empty();
    }
    return repository.findIdByExternalRef(externalRef.strip()).flatMap(repository::find);
  }

  public void delete(long id) {
    if (!repository.delete(id)) {
      throw new NotFoundException("customer", id);
    }
    log.info("Customer {} deleted", id);
  }

  public List<CustomerSummary> search(String text, int limit, int offset) {
    String e164 = text == null ? null : phones.normalize(text).orElse(null);
    return repository.search(text, e164, limit, offset);
  }

  /** Identifies a caller by number with the default region. */
  public CallerLookup lookup(String callerNumber) {
    return lookup(callerNumber, phones.defaultRegion());
  }

  /** Identifies a caller by number; {@code region} is the trunk's region for national numbers. */
  public CallerLookup lookup(String callerNumber, String region) {
    String original = callerNumber == null ? null : callerNumber.strip();
    if (PhoneNormalizer.isAnonymous(original)) {
      return new CallerLookup(CallerLookup.Result.ANONYMOUS, original, null, List.of());
    }
    var e164 = phones.normalize(original, region);
    if (e164.isEmpty()) {
      return new CallerLookup(CallerLookup.Result.UNKNOWN, original, null, List.of());
    }
    List<CustomerSummary> found = repository.findByPhone(e164.get(), MAX_CANDIDATES);
    CallerLookup.Result result =
        switch (found.size()) {
          case 0 -> CallerLookup.Result.UNKNOWN;
          case 1 -> CallerLookup.Result.KNOWN;
          default -> CallerLookup.Result.AMBIGUOUS;
        };
    return new CallerLookup(result, original, e164.get(), found);
  }

  public Customer setTierOverride(long id, Tier override) {
    if (!repository.setTierOverride(id, override)) {
      throw new NotFoundException("customer", id);
    }
    log.info("Tier override of customer {} set to {}", id, override);
    return get(id);
  }

  public Customer setValue(long id, BigDecimal value12m) {
    if (value12m == null || value12m.signum() < 0) {
      throw new ValidationException("value12m", "must be zero or more");
    }
    CustomerDraft.checkValue(value12m);
    if (!repository.setValue(id, value12m)) {
      throw new NotFoundException("customer", id);
    }
    return get(id);
  }

  /** Marks as VIP the top customers making up {@code share} of the value (0.8 for 80/20). */
  public int recomputeTiers(BigDecimal share) {
    int changed = repository.recomputeTiers(share);
    log.info("Tier job: {} customers changed tier", changed);
    return changed;
  }

  /** Normalises phone inputs, rejecting numbers that are not phone numbers. */
  public List<Phone> normalize(List<PhoneInput> inputs) {
    List<Phone> result = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      PhoneInput in = inputs.get(i);
      int index = i;
      String e164 =
          phones
              .normalize(in.number())
              .orElseThrow(
                  () ->
                      new ValidationException(
                          "phones[" + index + "].number",
                          "'" + in.number() + "' is not a valid phone number"));
      result.add(new Phone(in.type(), in.number(), e164));
    }
    return result;
  }

  private void checkCompany(CustomerDraft draft, Long selfId) {
    if (draft.companyId() == null) {
      return;
    }
    if (draft.companyId().equals(selfId)) {
      throw new ValidationException("companyId", "a customer cannot belong to itself");
    }
    CustomerKind kind =
        repository
            .kindOf(draft.companyId())
            .orElseThrow(
                () ->
                    new ValidationException(
                        "companyId", "company " + draft.companyId() + " does not exist"));
    if (kind != CustomerKind.COMPANY) {
      throw new ValidationException(
          "companyId", "customer " + draft.companyId() + " is not a company");
    }
  }

  private void checkExternalRef(String externalRef, Long selfId) {
    if (externalRef == null) {
      return;
    }
    repository
        .findIdByExternalRef(externalRef)
        .filter(other -> !other.equals(selfId))
        .ifPresent(
            other -> {
              throw new ConflictException(
                  "duplicate_external_ref",
                  "externalRef '" + externalRef + "' is already used by customer " + other,
                  Map.of("field", "externalRef", "customerId", other));
            });
  }
}
