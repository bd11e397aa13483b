package dev.callcenter.helpdesk.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns phone numbers as people and PBXs write them into one comparable key: E.164 for public
 * numbers (parsed with libphonenumber against a default region), the bare digits for internal
 * extensions.
 */
public final class PhoneNormalizer {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern EXTENSION = Pattern.compile("\\d{3,5}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-./()]");
  private static final Set<String> ANONYMOUS =
      Set.of(
          "",
          "anonymous",
          "restricted",
          "unavailable",
          "unknown",
          "<unknown>",
          "private",
          "withheld",
          "blocked");
  private final String defaultRegion;

  /**
   * @param defaultRegion ISO 3166 region whose national format is assumed for numbers without a
   *     country code, e.g. {@code TW}
   */
  public PhoneNormalizer(String defaultRegion) {
    String region = defaultRegion == null ? "" : defaultRegion.toUpperCase(Locale.ROOT);
    if (!UTIL.getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException("Unknown phone region: " + defaultRegion);
    }
    this.defaultRegion = region;
  }

  public String defaultRegion() {
    return defaultRegion;
  }

  /** True when the caller withheld or the network did not deliver a number. */
  public static boolean isAnonymous(String raw) {
    return raw == null || ANONYMOUS.contains(raw.strip().toLowerCase(Locale.ROOT));
  }

  /** Normalises with the default region; empty when the text is not a usable phone number. */
  public Optional<String> normalize(String raw) {
    return normalize(raw, defaultRegion);
  }

  /**
   * Normalises {@code raw} assuming {@code region} for national numbers (a trunk may carry numbers
   * of another country than the default).
   */
  public Optional<String> normalize(String raw, String region) {
    if (isAnonymous(raw)) {
      return Optional.empty();
    }
    String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
    if (EXTENSION.matcher(compact).matches()) {
      return Optional.of(compact);
    }
    if (compact.length() > 24) {
      return Optional.empty();
    }
    if (compact.startsWith("00") && !compact.startsWith("000")) {
      // "00" is the international prefix in most of the world; libphonenumber only strips the
      // default region's own prefixes (Taiwan's are 002, 005 … 019), so try it explicitly.
      Optional<PhoneNumber> international = parse("+" + compact.substring(2), region);
      if (international.isPresent() && UTIL.isValidNumber(international.get())) {
        return Optional.of(UTIL.format(international.get(), PhoneNumberFormat.E164));
      }
    }
    return parse(compact, region)
        .filter(UTIL::isPossibleNumber)
        .map(n -> UTIL.format(n, PhoneNumberFormat.E164));
  }

  private static Optional<PhoneNumber> parse(String text, String region) {
    try {
      return Optional.of(UTIL.parse(text, region));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
