package dev.callcenter.pbxsim.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A raw FastAGI server sends the commands of a real Asterisk 22 capture ({@code agi-*.out}); what
 * the simulator sends back must be the capture's {@code agi-*.in} byte for byte, except the
 * per-call values (port, channel, uniqueid, thread id).
 */
class AgiCaptureFidelityTest {

  @Test
  void chineseCallerSessionMatchesTheCapture() throws Exception {
    AgiCaller caller = AgiCaller.from("0912345678").name("張三").pressing("2", "123456");

    assertThat(replay("agi-chinese-getdata", caller)).isEqualTo(expected("agi-chinese-getdata"));
  }

  @Test
  void hangupDuringGetDataMatchesTheCapture() throws Exception {
    AgiCaller caller = AgiCaller.from("15551230000").name("PSTN 15551230000").hangUpAt(1);

    assertThat(replay("agi-hangup-during-getdata", caller))
        .isEqualTo(expected("agi-hangup-during-getdata"));
  }

  private static String expected(String capture) throws Exception {
    return normalize(new String(read(capture + ".in"), StandardCharsets.UTF_8));
  }

  /** Plays the capture's commands from a raw server socket and returns every byte received. */
  private static String replay(String capture, AgiCaller caller) throws Exception {
    List<String> commands =
        new String(read(capture + ".out"), StandardCharsets.UTF_8).lines().toList();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Agi agi = new Agi(Clock.fixed(Instant.parse("2026-11-22T07:00:00Z"), ZoneOffset.UTC))) {
      server.setSoTimeout(10_000);
      AgiCall call = agi.call("agi://127.0.0.1:" + server.getLocalPort() + "/ivr", caller);
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      try (Socket s = server.accept()) {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        while (!readLine(in, received).isEmpty()) {
          // environment block, up to its empty line
        }
        for (String command : commands) {
          out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          if (readLine(in, received).equals("HANGUP")) {
            throw new AssertionError("unsolicited HANGUP before the reply to " + command);
          }
          if (command.startsWith("GET DATA") && received.toString().endsWith("result=-1\n")) {
            readLine(in, received);
          }
        }
        s.shutdownOutput();
        in.transferTo(received);
      }
      assertThat(call.result().get(10, TimeUnit.SECONDS).agiStatus()).isNotEqualTo("FAILURE");
      return normalize(received.toString(StandardCharsets.UTF_8));
    }
  }

  private static String readLine(InputStream in, ByteArrayOutputStream copy) throws Exception {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    copy.write(line.toByteArray());
    if (b == '\n') {
      copy.write('\n');
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  /** Blanks the values that differ per call. */
  private static String normalize(String bytes) {
    return bytes.replaceAll(
        "(?m)^(agi_request|agi_channel|agi_uniqueid|agi_threadid): .*$", "$1: *");
  }

  private static byte[] read(String name) throws Exception {
    return Files.readAllBytes(
        Path.of(AgiCaptureFidelityTest.class.getResource("/captures/" + name).toURI()));
  }
}
