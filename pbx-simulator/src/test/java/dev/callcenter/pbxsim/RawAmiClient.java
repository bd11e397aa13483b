package dev.callcenter.pbxsim;

import dev.callcenter.pbxsim.ami.AmiMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A bare TCP AMI client for wire-level assertions: raw lines in, raw bytes out. */
final class RawAmiClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawAmiClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  void readTimeout(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
  }

  /** Sends the lines, each ended by CRLF, then the empty line. */
  void send(String... lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append("\r\n");
    }
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** One line without its CRLF; null at end of stream. */
  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int len =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
      }
      line.write(b);
    }
    return null;
  }

  /** The next packet; null at end of stream. */
  AmiMessage readPacket() throws IOException {
    List<AmiMessage.Field> fields = new ArrayList<>();
    String line;
    while ((line = readLine()) != null) {
      if (line.isEmpty()) {
        if (!fields.isEmpty()) {
          return new AmiMessage(fields);
        }
        continue;
      }
      int colon = line.indexOf(':');
      fields.add(
          new AmiMessage.Field(line.substring(0, colon), line.substring(colon + 1).stripLeading()));
    }
    return null;
  }

  /** Skips packets until one has {@code key: value}. */
  AmiMessage readUntil(String key, String value) throws IOException {
    AmiMessage m;
    while ((m = readPacket()) != null) {
      if (m.get(key).filter(value::equalsIgnoreCase).isPresent()) {
        return m;
      }
    }
    throw new AssertionError("connection closed before " + key + ": " + value);
  }

  byte[] readBytes(int n) throws IOException {
    return in.readNBytes(n);
  }

  /** True if the server closed the connection (read gives end of stream) within the timeout. */
  boolean closedByServer() throws IOException {
    try {
      while (true) {
        if (in.read() == -1) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Logs in with a plain secret and returns the FullyBooted event. */
  AmiMessage login(String banner) throws IOException {
    String b = readLine();
    if (!b.equals(banner)) {
      throw new AssertionError("banner " + b);
    }
    send("Action: Login", "Username: cti", "Secret: secret", "ActionID: login-1");
    return readUntil("Event", "FullyBooted");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
