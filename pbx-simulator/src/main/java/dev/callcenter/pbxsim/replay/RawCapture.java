package dev.callcenter.pbxsim.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The server side of a recorded AMI conversation ({@code captures/*.raw}: banner, login response,
 * events, final {@code Goodbye}), kept byte for byte.
 */
public record RawCapture(String name, byte[] bytes) {

  private static final byte[] PACKET_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GOODBYE = "Response: Goodbye\r\n".getBytes(StandardCharsets.US_ASCII);

  public RawCapture {
    bytes = bytes.clone();
  }

  public static RawCapture load(Path file) throws IOException {
    return new RawCapture(file.getFileName().toString(), Files.readAllBytes(file));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The packets after the login response, without the closing {@code Goodbye}: what a client
   * already logged in to the simulator can be sent.
   */
  public byte[] afterLogin() {
    int bannerEnd = indexOf(bytes, "\r\n".getBytes(StandardCharsets.US_ASCII), 0) + 2;
    int loginEnd = indexOf(bytes, PACKET_END, bannerEnd) + PACKET_END.length;
    int end = bytes.length;
    int goodbye = lastIndexOf(bytes, GOODBYE);
    if (goodbye >= loginEnd && (goodbye == 0 || isPacketStart(goodbye))) {
      end = goodbye;
    }
    return Arrays.copyOfRange(bytes, loginEnd, end);
  }

  private boolean isPacketStart(int at) {
    return at >= 2 && bytes[at - 1] == '\n' && bytes[at - 2] == '\r';
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not an AMI capture: marker missing");
  }

  private static int lastIndexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = hay.length - needle.length; i >= 0; i--) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
