package dev.callcenter.helpdesk;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Validation helpers for the compact constructors of client-supplied records. */
public final class Fields {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

  private Fields() {}

  /** A required single- or multi-line text: trimmed, not blank, at most {@code max} characters. */
  public static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
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
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (trimmed.codePointCount(0, trimmed.length()) > max) {
      throw new ValidationException(field, "must be at most " + max + " characters");
    }
    if (CONTROL.matcher(trimmed).find()) {
      throw new ValidationException(field, "must not contain control characters");
    }
    return trimmed;
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
