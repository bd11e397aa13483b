package dev.callcenter.helpdesk;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The parameters of a code the system stores instead of a sentence (an interaction's event, a
 * callback follow-up, an IVR step): a small map of names to string values, stored as a {@code
 * jsonb} object and read back through two sorted text arrays.
 */
public final class Params {

  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
  private static final int MAX_ENTRIES = 20;
  private static final int MAX_VALUE = 500;

  private Params() {}

  /**
   * A checked, sorted, unmodifiable copy: names in camelCase, values not null and at most 500
   * characters, at most 20 entries.
   */
  public static Map<String, String> of(String field, Map<String, String> params) {
    if (params == null || params.isEmpty()) {
      return Map.of();
    }
    if (params.size() > MAX_ENTRIES) {
      throw new ValidationException(field, "at most " + MAX_ENTRIES + " parameters");
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    params.forEach(
        (k, v) -> {
          if (k == null || !NAME.matcher(k).matches()) {
            throw new ValidationException(field, "parameter names are camelCase: " + k);
          }
          if (v == null) {
            throw new ValidationException(field + "." + k, "must not be null");
          }
          sorted.put(k, v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v);
        });
    return Collections.unmodifiableMap(sorted);
  }

  /** The names, for {@code jsonb_object(keys, values)}. */
  public static String[] keys(Map<String, String> params) {
    return params.keySet().toArray(String[]::new);
  }

  /** The values in the order of {@link #keys}. */
  public static String[] values(Map<String, String> params) {
    return params.values().toArray(String[]::new);
  }

  /** Reads the two arrays a query selected with {@code jsonb_each_text} (null when none). */
  public static Map<String, String> read(ResultSet rs, String keysColumn, String valuesColumn)
      throws SQLException {
    Array keys = rs.getArray(keysColumn);
    Array values = rs.getArray(valuesColumn);
    if (keys == null || values == null) {
      return Map.of();
    }
    String[] k = (String[]) keys.getArray();
    String[] v = (String[]) values.getArray();
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < k.length; i++) {
      map.put(k[i], v[i]);
    }
    return Collections.unmodifiableMap(map);
  }
}
