package dev.callcenter.ui.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: bytes that are not UTF-8 (overlong forms and encoded surrogates included) are an
 * error, never silently replaced by U+FFFD.
 */
final class Utf8 {

  private Utf8() {}

  /** Bytes that are not UTF-8, or a malformed percent-escape; the message says where. */
  static final class InvalidException extends Exception {
    InvalidException(String message) {
      super(message);
    }
  }

  /** Checks that {@code bytes} are UTF-8, without building the text. */
  static void check(byte[] bytes) throws InvalidException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(Math.min(bytes.length + 1, 8192));
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        throw new InvalidException(
            in.position() < bytes.length
                ? String.format(
                    "is not UTF-8 (byte 0x%02X at offset %d)",
                    bytes[in.position()] & 0xFF, in.position())
                : "is not UTF-8 (cut off at the end)");
      }
      if (result.isUnderflow()) {
        return;
      }
      out.clear();
    }
  }

  /** The text of {@code bytes}, which must be UTF-8. */
  static String decode(byte[] bytes) throws InvalidException {
    check(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The text of a percent-encoded part of a URL: each {@code %XX} is a byte and the bytes must be
   * UTF-8; in a query string {@code +} is a space. Characters up to U+00FF stand for the byte the
   * server read (raw, unencoded bytes in a request line).
   */
  static String percentDecode(String raw, boolean plusIsSpace) throws InvalidException {
    boolean plain = true;
    for (int i = 0; i < raw.length() && plain; i++) {
      char c = raw.charAt(i);
      plain = c != '%' && c != '+' && c < 0x80;
    }
    if (plain) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        boolean complete = i + 2 < raw.length();
        int hi = complete ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = complete ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new InvalidException("has a malformed percent-escape at position " + (i + 1));
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c <= 0xFF) {
        bytes.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    return decode(bytes.toByteArray());
  }
}
