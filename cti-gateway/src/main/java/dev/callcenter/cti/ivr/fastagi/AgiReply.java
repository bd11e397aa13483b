package dev.callcenter.cti.ivr.fastagi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code 200} reply: {@code 200 result=<result>[ (<data>)][ endpos=<n>]}.
 *
 * @param data the text in parentheses, null if none ({@code timeout} for a timed-out GET DATA)
 * @param endpos the sample offset a playback stopped at, -1 if not given
 */
public record AgiReply(String result, String data, long endpos) {

  private static final Pattern OK =
      Pattern.compile("200 result=(\\S*)(?: \\((.*)\\))?(?: endpos=(-?\\d+))?");

  /** Parses a 200 line; null if the line is not one. */
  static AgiReply parse(String line) {
    Matcher m = OK.matcher(line);
    if (!m.matches()) {
      return null;
    }
    return new AgiReply(
        m.group(1), m.group(2), m.group(3) == null ? -1 : Long.parseLong(m.group(3)));
  }

  /** The result as a number; {@code 0} when empty. */
  public int resultCode() {
    if (result.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(result);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * True for {@code result=-1}: the command failed, either because the caller hung up or, with the
   * channel still up, because a sound file or say sound is missing ({@link AgiChannel} tells them
   * apart).
   */
  public boolean failed() {
    return "-1".equals(result);
  }
}
