package dev.callcenter.kb.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Taiwan phrases with their mainland equivalents, so that Taiwanese and mainland text meet on the
 * same words, not only the same characters: 檔案 → 文件 (and not 档案, "archive" on the mainland), 磁碟分割 →
 * 分区, 資料 → 数据. Built from OpenCC's TWPhrases read in reverse, its TWVariants read in reverse and
 * its TSPhrases, with the project's own {@code cross-strait-phrases.txt} winning over them (see the
 * README beside the data).
 *
 * <p>Applied only to Taiwanese text, which is recognised by holding at least one Traditional-only
 * character: mainland and Taiwan share spellings (文件 is "file" on the mainland, "document" in
 * Taiwan), so a text in Simplified script is left to character folding alone.
 */
final class CrossStraitPhrases {
  private static final String DATA = "/dev/callcenter/kb/search/";

  /** Taiwan phrase (Traditional) → mainland phrase (Simplified). */
  private static final Map<String, String> PHRASES = load();

  /** Every phrase's first character, to skip the look-ups at characters that start none. */
  private static final Set<Character> FIRST = new HashSet<>();

  private static final int LONGEST;

  static {
    int longest = 1;
    for (String phrase : PHRASES.keySet()) {
      FIRST.add(phrase.charAt(0));
      longest = Math.max(longest, phrase.length());
    }
    LONGEST = longest;
  }

  private CrossStraitPhrases() {}

  private static Map<String, String> load() {
    Map<String, String> phrases = new HashMap<>();
    // Lowest priority first: each later table overwrites the earlier ones.
    read("opencc/TWVariants.txt", (key, value) -> phrases.put(value, key));
    read("opencc/TWPhrases.txt", (key, value) -> phrases.putIfAbsent(value, key));
    read("opencc/TSPhrases.txt", phrases::put);
    read("cross-strait-phrases.txt", phrases::put);
    // A mapping onto itself only costs look-ups.
    phrases.entrySet().removeIf(e -> e.getKey().equals(e.getValue()) || e.getKey().isEmpty());
    return Map.copyOf(phrases);
  }

  private interface Entry {
    void accept(String key, String value);
  }

  private static void read(String name, Entry entry) {
    try (InputStream in = CrossStraitPhrases.class.getResourceAsStream(DATA + name)) {
      if (in == null) {
        throw new IllegalStateException(DATA + name + " is missing from the class path");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        // "key<TAB or space>value [alternatives…]": the first value is the usual one.
        String[] parts = line.split("\\s+");
        if (parts.length >= 2) {
          entry.accept(parts[0], parts[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The longest phrase starting at {@code at}, or null; its length is the key's. */
  static Map.Entry<String, String> longestAt(CharSequence text, int at) {
    if (!FIRST.contains(text.charAt(at))) {
      return null;
    }
    for (int length = Math.min(LONGEST, text.length() - at); length >= 1; length--) {
      String candidate = text.subSequence(at, at + length).toString();
      String mainland = PHRASES.get(candidate);
      if (mainland != null) {
        return Map.entry(candidate, mainland);
      }
    }
    return null;
  }

  /** How many phrases are known (for tests and the log). */
  static int size() {
    return PHRASES.size();
  }
}
