package dev.callcenter.helpdesk.customer;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a client sends to create or replace a customer. Phone numbers are normalised by the service
 * (the region is configuration, not part of the value).
 *
 * @param version for updates: the version the client edited; a newer stored version is a conflict
 */
public record CustomerDraft(
    CustomerKind kind,
    String name,
    Long companyId,
    String language,
    List<PhoneInput> phones,
    List<String> emails,
    String address,
    String notes,
    Map<String, String> attributes,
    BigDecimal value12m,
    String externalRef,
    Integer version) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public CustomerDraft {
    kind = kind == null ? CustomerKind.PERSON : kind;
    name = Fields.required("name", name, 200);
    language = Languages.of("language", language);
    phones = List.copyOf(Fields.maxSize("phones", phones == null ? List.of() : phones, 20));
    emails = validEmails(emails);
    address = Fields.optional("address", address, 500);
    notes = Fields.optional("notes", notes, 10_000);
    attributes = validAttributes(attributes);
    if (value12m != null && value12m.signum() < 0) {
      throw new ValidationException("value12m", "must not be negative");
    }
    value12m = value12m == null ? BigDecimal.ZERO : checkValue(value12m);
    externalRef = Fields.optional("externalRef", externalRef, 100);
    if (kind == CustomerKind.COMPANY && companyId != null) {
      throw new ValidationException("companyId", "a company cannot belong to another company");
    }
  }

  /**
   * {@code value12m} if it fits the stored column (numeric(14, 2)): fewer than 10^12 whole units.
   */
  public static BigDecimal checkValue(BigDecimal value12m) {
    if (value12m.precision() - value12m.scale() > 12) {
      throw new ValidationException("value12m", "must be less than 1000000000000");
    }
    return value12m;
  }

  private static List<String> validEmails(List<String> emails) {
    if (emails == null) {
      return List.of();
    }
    Fields.maxSize("emails", emails, 10);
    for (int i = 0; i < emails.size(); i++) {
      String e = Fields.required("emails[" + i + "]", emails.get(i), 254);
      if (!EMAIL.matcher(e).matches()) {
        throw new ValidationException("emails[" + i + "]", "is not an e-mail address");
      }
    }
    return emails.stream().map(String::strip).toList();
  }

  private static Map<String, String> validAttributes(Map<String, String> attributes) {
    if (attributes == null) {
      return Map.of();
    }
    Fields.maxSize("attributes", attributes.keySet(), 50);
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.forEach(
        (k, v) ->
            copy.put(
                Fields.required("attributes", k, 64), Fields.required("attributes." + k, v, 1000)));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
