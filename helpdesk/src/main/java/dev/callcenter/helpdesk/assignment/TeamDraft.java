package dev.callcenter.helpdesk.assignment;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.util.regex.Pattern;

/**
 * What a manager sends to create or rename a team.
 *
 * @param key lower-case letters, digits, '-' and '_', at most 64 characters; cannot change later
 * @param defaultCapacity open tickets per member unless a membership sets its own, 1 to 1000
 */
public record TeamDraft(String key, String name, Integer defaultCapacity) {

  public static final int MAX_CAPACITY = 1000;
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public TeamDraft {
    key = key(key);
    name = Fields.required("name", name, 100);
    Fields.notNull("defaultCapacity", defaultCapacity);
    if (defaultCapacity < 1 || defaultCapacity > MAX_CAPACITY) {
      throw new ValidationException(
          "defaultCapacity", "must be a whole number from 1 to " + MAX_CAPACITY);
    }
  }

  /** A validated team key. */
  public static String key(String key) {
    String k = Fields.required("key", key, 64);
    if (!KEY.matcher(k).matches()) {
      throw new ValidationException(
          "key", "must be lower-case letters, digits, '-' or '_', starting with a letter or digit");
    }
    return k;
  }
}
