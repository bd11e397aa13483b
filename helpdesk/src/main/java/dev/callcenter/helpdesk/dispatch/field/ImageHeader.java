package dev.callcenter.helpdesk.dispatch.field;

import dev.callcenter.helpdesk.HelpdeskException;
import java.util.Map;

/**
 * Reads the size of a JPEG or PNG from its header without decoding the image, and checks that the
 * bytes are what the declared content type says: nothing a client uploads is decoded on the server.
 */
final class ImageHeader {

  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  record Size(int width, int height) {}

  private ImageHeader() {}

  static Size read(String contentType, byte[] b) {
    Size size =
        switch (contentType == null ? "" : contentType) {
          case PNG -> png(b);
          case JPEG -> jpeg(b);
          default -> null;
        };
    if (size == null || size.width() <= 0 || size.height() <= 0) {
      throw new HelpdeskException(
          HelpdeskException.Kind.INVALID,
          "attachment_not_image",
          "The body is not a " + contentType + " image",
          Map.of("contentType", String.valueOf(contentType)));
    }
    return size;
  }

  private static Size png(byte[] b) {
    if (b.length < 24) {
      return null;
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (b[i] != PNG_SIGNATURE[i]) {
        return null;
      }
    }
    if (b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
      return null;
    }
    return new Size(int32(b, 16), int32(b, 20));
  }

  private static Size jpeg(byte[] b) {
    if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
      return null;
    }
    int i = 2;
    while (i + 9 < b.length) {
      if ((b[i] & 0xff) != 0xff) {
        return null;
      }
      int marker = b[i + 1] & 0xff;
      if (marker == 0xff) {
        i++; // fill byte
        continue;
      }
      int length = int16(b, i + 2);
      boolean startOfFrame =
          marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (startOfFrame) {
        return new Size(int16(b, i + 7), int16(b, i + 5));
      }
      if (length < 2) {
        return null;
      }
      i += 2 + length;
    }
    return null;
  }

  private static int int16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static int int32(byte[] b, int at) {
    return ((b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }
}
