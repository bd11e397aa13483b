package dev.callcenter.cti.call;

import dev.callcenter.helpdesk.phone.PhoneNormalizer;

/**
 * Who is calling, as the carrier delivered it: the original number, its E.164 form when it is a
 * public number, whether it was withheld, and the display name with Asterisk's C escapes undone.
 *
 * @param number the number as delivered; null when anonymous
 * @param e164 the number in E.164 ({@code +886223456789}); null when anonymous or not a public
 *     number (an internal extension, garbage)
 * @param anonymous true when the caller withheld the number or the network did not deliver one: do
 *     not look it up
 * @param name the display name; null when absent or anonymous
 */
public record CallerId(String number, String e164, boolean anonymous, String name) {

  /** Restricted presentations start at 32 ({@code CID-CallingPres}, Q.931 octet 3a). */
  private static final int RESTRICTED_PRESENTATION = 32;

  private static final CallerId ANONYMOUS = new CallerId(null, null, true, null);

  public CallerId {
    if (anonymous && (number != null || e164 != null)) {
      throw new IllegalArgumentException("an anonymous caller has no number");
    }
  }

  /** A withheld caller. */
  public static CallerId anonymousCaller() {
    return ANONYMOUS;
  }

  /**
   * Builds the caller ID from AMI's {@code CallerIDNum} and (C-escaped) {@code CallerIDName},
   * normalising the number against {@code region}.
   */
  public static CallerId of(
      String rawNumber, String rawName, PhoneNormalizer normalizer, String region) {
    return of(rawNumber, rawName, 0, normalizer, region);
  }

  /**
   * As {@link #of(String, String, PhoneNormalizer, String)}, honouring a restricted presentation.
   */
  public static CallerId of(
      String rawNumber,
      String rawName,
      int presentation,
      PhoneNormalizer normalizer,
      String region) {
    if (presentation >= RESTRICTED_PRESENTATION || PhoneNormalizer.isAnonymous(rawNumber)) {
      return ANONYMOUS;
    }
    String number = rawNumber.strip();
    String e164 = normalizer.normalize(number, region).filter(n -> n.startsWith("+")).orElse(null);
    return new CallerId(number, e164, false, displayName(rawName));
  }

  private static String displayName(String rawName) {
    if (rawName == null || rawName.isBlank() || rawName.strip().equals("<unknown>")) {
      return null;
    }
    String name = unescape(rawName.strip());
    return name.isEmpty() ? null : name;
  }

  /** Undoes the C escaping Asterisk applies to names in AMI ({@code O\'Brien}, {@code \\}). */
  static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      out.append(
          switch (next) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> next;
          });
    }
    return out.toString();
  }
}
