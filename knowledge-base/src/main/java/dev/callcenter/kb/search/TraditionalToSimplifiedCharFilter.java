package dev.callcenter.kb.search;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Converts Taiwanese and Traditional Chinese to mainland Simplified before tokenising, so that both
 * scripts and both vocabularies index and query to the same terms: first Taiwan phrases to their
 * mainland equivalents ({@link CrossStraitPhrases}, longest match first, only in text that has
 * Traditional-only characters), then every other Han character with ICU's {@code
 * Traditional-Simplified} transliterator. The phrase wins over the characters: 檔案 becomes 文件
 * ("file"), not 档案 ("archive").
 *
 * <p>Lucene 10 ships only a token-filter form of the ICU transform; this char filter maps each Han
 * code point on its own (the ICU table is character based) and keeps offsets for the highlighter: a
 * phrase of another length maps onto the whole original phrase.
 */
final class TraditionalToSimplifiedCharFilter extends BaseCharFilter {
  private static final Transliterator TRADITIONAL_TO_SIMPLIFIED =
      Transliterator.getInstance("Traditional-Simplified");
  private static final ConcurrentHashMap<Integer, String> CONVERTED = new ConcurrentHashMap<>();

  private final boolean phrases;
  private String converted;
  private int position;

  /**
   * @param phrases fold Taiwan phrases before the characters; false gives character folding only
   */
  TraditionalToSimplifiedCharFilter(Reader in, boolean phrases) {
    super(in);
    this.phrases = phrases;
  }

  /**
   * The text as the index reads it: Taiwan phrases replaced by the mainland ones, and every other
   * Traditional Han character by its Simplified form (for embeddings and query routing).
   */
  static String simplified(String text) {
    return simplified(text, true);
  }

  /** {@link #simplified(String)}, or character folding alone when {@code phrases} is false. */
  static String simplified(String text, boolean phrases) {
    return convert(text, phrases, (offset, diff) -> {});
  }

  /** True when the text has a character that Simplified script writes otherwise. */
  static boolean hasTraditionalOnly(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
          && !CONVERTED
              .computeIfAbsent(cp, TraditionalToSimplifiedCharFilter::convertOne)
              .equals(Character.toString(cp))) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /** True when the text has at least one Han character. */
  static boolean containsHan(String text) {
    return text.codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  /** False when no char is in or above the CJK radicals block, where Han characters start. */
  private static boolean mayHoldHan(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= '\u2E80') {
        return true;
      }
    }
    return false;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (converted == null) {
      converted = convert(readAll());
    }
    if (position >= converted.length()) {
      return -1;
    }
    int count = Math.min(length, converted.length() - position);
    converted.getChars(position, position + count, buffer, offset);
    position += count;
    return count;
  }

  private String readAll() throws IOException {
    StringBuilder text = new StringBuilder();
    char[] chunk = new char[4096];
    for (int read = input.read(chunk); read != -1; read = input.read(chunk)) {
      text.append(chunk, 0, read);
    }
    return text.toString();
  }

  private String convert(String text) {
    return convert(text, phrases, this::addOffCorrectMap);
  }

  @FunctionalInterface
  private interface OffsetCorrections {
    void add(int outputOffset, int cumulativeDiff);
  }

  private static String convert(String text, boolean phrases, OffsetCorrections corrections) {
    if (!mayHoldHan(text)) {
      // English text (every title goes through the type-ahead field's filter): nothing to fold.
      return text;
    }
    boolean taiwanese = phrases && hasTraditionalOnly(text);
    StringBuilder out = new StringBuilder(text.length());
    int cumulativeDiff = 0;
    for (int i = 0; i < text.length(); ) {
      var phrase = taiwanese ? CrossStraitPhrases.longestAt(text, i) : null;
      if (phrase != null) {
        int inputLength = phrase.getKey().length();
        cumulativeDiff = replace(out, phrase.getValue(), inputLength, cumulativeDiff, corrections);
        i += inputLength;
        continue;
      }
      int codePoint = text.codePointAt(i);
      int inputLength = Character.charCount(codePoint);
      if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
        String simplified =
            CONVERTED.computeIfAbsent(codePoint, TraditionalToSimplifiedCharFilter::convertOne);
        cumulativeDiff = replace(out, simplified, inputLength, cumulativeDiff, corrections);
      } else {
        out.appendCodePoint(codePoint);
      }
      i += inputLength;
    }
    return out.toString();
  }

  /**
   * Appends a replacement of {@code inputLength} input chars and records where output offsets map
   * back to, as Lucene's MappingCharFilter does: after a shorter replacement the rest shifts; the
   * extra chars of a longer one all map to the last input char of what they replace, so offsets
   * never run backwards (a token inside an expansion had its end before its start, and Lucene
   * refused the whole batch of documents).
   *
   * @return the cumulative difference after this replacement
   */
  private static int replace(
      StringBuilder out,
      String replacement,
      int inputLength,
      int cumulativeDiff,
      OffsetCorrections corrections) {
    int outputStart = out.length();
    out.append(replacement);
    int diff = inputLength - replacement.length();
    if (diff > 0) {
      cumulativeDiff += diff;
      corrections.add(out.length(), cumulativeDiff);
    } else if (diff < 0) {
      int extraStart = outputStart + inputLength;
      for (int extra = 0; extra < -diff; extra++) {
        corrections.add(extraStart + extra, cumulativeDiff - extra - 1);
      }
      cumulativeDiff += diff;
    }
    return cumulativeDiff;
  }

  private static String convertOne(int codePoint) {
    // ICU transliterators are not documented as thread-safe; conversions are cached, so this
    // lock is taken once per distinct character.
    synchronized (TRADITIONAL_TO_SIMPLIFIED) {
      return TRADITIONAL_TO_SIMPLIFIED.transliterate(Character.toString(codePoint));
    }
  }
}
