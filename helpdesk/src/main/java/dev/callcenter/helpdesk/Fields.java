package dev.callcenter.helpdesk;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Validation helpers for the compact constructors of client-supplied records. */
public final class Fields {

  /** Characters that show nothing: spaces of every kind, format characters (zero-width, BOM). */
  private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Z}\\p{Cf}\\uFFFD]*");

  private Fields() {}

  /** A required single- or multi-line text: trimmed, not blank, at most {@code max} characters. */
  public static String required(String field, String value, int max) {
    if (value == null || isBlank(value)) {
      throw new ValidationException(field, "is required");
    }
    return optional(field, value, max);
  }

  /**
   * An optional text: null stays null, blank becomes null, otherwise trimmed and length-checked.
   */
  public static String optional(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    checkCharacters(field, value);
    String trimmed = value.strip();
    if (isBlank(trimmed)) {
      return null;
    }
    if (trimmed.codePointCount(0, trimmed.length()) > max) {
      throw new ValidationException(field, "must be at most " + max + " characters");
    }
    return trimmed;
  }

  /**
   * Whether {@code text} shows nothing: empty, or only white space, no-break and zero-width spaces,
   * byte order marks and U+FFFD (what is left of a character that could not be decoded).
   */
  public static boolean isBlank(String text) {
    return INVISIBLE.matcher(text).matches();
  }

  /**
   * The index of the first character no text may hold, or -1: control characters other than tab,
   * line feed and carriage return (NUL above all, which PostgreSQL cannot store), surrogates that
   * are not part of a pair, and the noncharacters U+FFFE, U+FFFF and U+FDD0 to U+FDEF.
   */
  public static int forbiddenCharacterAt(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        if ((cp & 0xFFFE) == 0xFFFE) {
          return i - 1;
        }
      } else if (Character.isSurrogate(c)
          || Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r'
          || c >= '\uFDD0' && c <= '\uFDEF'
          || c == '\uFFFE'
          || c == '\uFFFF') {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code value} if it holds no {@linkplain #forbiddenCharacterAt forbidden character}; otherwise
   * a 400 {@code invalid_characters} naming the field and the character.
   */
  public static String checkCharacters(String field, String value) {
    int at = value == null ? -1 : forbiddenCharacterAt(value);
    if (at >= 0) {
      throw ValidationException.invalidCharacters(field, forbiddenCharacterReason(value, at));
    }
    return value;
  }

  /** Why a value with a forbidden character at {@code at} is refused, naming the character. */
  public static String forbiddenCharacterReason(String value, int at) {
    return String.format(
        "must not contain U+%04X (a control character, a lone surrogate or a noncharacter),"
            + " found at position %d",
        (int) value.charAt(at), value.codePointCount(0, at) + 1);
  }

  /** Earliest instant a date in a request may name (a documented range, see {@link #inRange}). */
  public static final java.time.Instant EARLIEST = java.time.Instant.parse("2000-01-01T00:00:00Z");

  /** Latest instant a date in a request may name. */
  public static final java.time.Instant LATEST = java.time.Instant.parse("2100-01-01T00:00:00Z");

  /**
   * {@code value} if it lies from 2000-01-01 to 2100-01-01 (UTC), so a typo such as year 0001
   * cannot schedule work no list will ever show; null stays null.
   */
  public static java.time.Instant inRange(String field, java.time.Instant value) {
    if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
      throw new ValidationException(
          field, "must be between 2000-01-01 and 2100-01-01 (UTC), not " + value);
    }
    return value;
  }

  public static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    return value;
  }

  public static <C extends Collection<?>> C maxSize(String field, C values, int max) {
    if (values != null && values.size() > max) {
      throw new ValidationException(field, "must have at most " + max + " entries");
    }
    return values;
  }

  /**
   * A set of short labels (skills, for example): each trimmed, not blank and at most {@code
   * maxLength} characters, duplicates dropped, sorted so equal sets read and compare the same; null
   * is the empty list.
   */
  public static List<String> labels(
      String field, Collection<String> values, int maxCount, int maxLength) {
    if (values == null) {
      return List.of();
    }
    maxSize(field, values, maxCount);
    Set<String> unique = new TreeSet<>();
    int i = 0;
    for (String value : values) {
      unique.add(required(field + "[" + i++ + "]", value, maxLength));
    }
    return List.copyOf(unique);
  }

  public static long positive(String field, long value) {
    if (value <= 0) {
      throw new ValidationException(field, "must be a positive number");
    }
    return value;
  }
}
