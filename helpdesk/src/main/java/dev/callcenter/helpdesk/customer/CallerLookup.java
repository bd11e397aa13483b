package dev.callcenter.helpdesk.customer;

import java.util.List;

/**
 * The answer to "who is calling from this number?".
 *
 * @param original the number as the PBX or the user gave it (null when absent)
 * @param e164 the normalised number, null when anonymous or not a phone number
 * @param customers the matching customers: one when KNOWN, all of them when AMBIGUOUS
 */
public record CallerLookup(
    Result result, String original, String e164, List<CustomerSummary> customers) {

  /** Outcome of a caller lookup. */
  public enum Result {
    KNOWN,
    AMBIGUOUS,
    UNKNOWN,
    ANONYMOUS
  }

  public CallerLookup {
    customers = List.copyOf(customers);
  }
}
