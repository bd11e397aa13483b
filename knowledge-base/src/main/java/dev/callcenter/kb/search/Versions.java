package dev.callcenter.kb.search;

import java.util.Comparator;

/**
 * Orders product version strings naturally: {@code 2.10} after {@code 2.9} and {@code 2.0} equal to
 * {@code 2}; parts split at dots, dashes, underscores and spaces, numeric parts compare as numbers,
 * others as text.
 */
public final class Versions {
  public static final Comparator<String> NATURAL = Versions::compare;

  private Versions() {}

  public static int compare(String a, String b) {
    String[] left = a.strip().split("[.\\-_ ]");
    String[] right = b.strip().split("[.\\-_ ]");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      String l = i < left.length ? left[i] : "0";
      String r = i < right.length ? right[i] : "0";
      int order =
          isNumber(l) && isNumber(r)
              ? new java.math.BigInteger(l).compareTo(new java.math.BigInteger(r))
              : l.compareToIgnoreCase(r);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  private static boolean isNumber(String part) {
    return !part.isEmpty() && part.chars().allMatch(Character::isDigit);
  }
}
