package dev.callcenter.kb.search;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Converts Traditional Chinese characters to Simplified before tokenising, with ICU's {@code
 * Traditional-Simplified} transliterator, so both scripts index and query to the same terms.
 *
 * <p>Lucene 10 ships only a token-filter form of the ICU transform; this char filter maps each Han
 * code point on its own (the ICU table is character based) and keeps offsets exact for the
 * highlighter.
 */
final class TraditionalToSimplifiedCharFilter extends BaseCharFilter {
  private static final Transliterator TRADITIONAL_TO_SIMPLIFIED =
      Transliterator.getInstance("Traditional-Simplified");
  private static final ConcurrentHashMap<Integer, String> CONVERTED = new ConcurrentHashMap<>();

  private String converted;
  private int position;

  TraditionalToSimplifiedCharFilter(Reader in) {
    super(in);
  }

  /** The text with every Traditional Han character replaced by its Simplified form. */
  static String simplified(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                out.append(
                    CONVERTED.computeIfAbsent(cp, TraditionalToSimplifiedCharFilter::convertOne));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /** True when the text has at least one Han character. */
  static boolean containsHan(String text) {
    return text.codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
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
    StringBuilder out = new StringBuilder(text.length());
    int cumulativeDiff = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int inputLength = Character.charCount(codePoint);
      if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
        String simplified =
            CONVERTED.computeIfAbsent(codePoint, TraditionalToSimplifiedCharFilter::convertOne);
        out.append(simplified);
        if (simplified.length() != inputLength) {
          cumulativeDiff += inputLength - simplified.length();
          addOffCorrectMap(out.length(), cumulativeDiff);
        }
      } else {
        out.appendCodePoint(codePoint);
      }
      i += inputLength;
    }
    return out.toString();
  }

  private static String convertOne(int codePoint) {
    // ICU transliterators are not documented as thread-safe; conversions are cached, so this
    // lock is taken once per distinct character.
    synchronized (TRADITIONAL_TO_SIMPLIFIED) {
      return TRADITIONAL_TO_SIMPLIFIED.transliterate(Character.toString(codePoint));
    }
  }
}
