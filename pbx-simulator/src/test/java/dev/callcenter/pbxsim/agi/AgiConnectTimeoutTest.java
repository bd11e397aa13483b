package dev.callcenter.pbxsim.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Like Asterisk, the simulator gives up connecting to a FastAGI server after 2 s. */
class AgiConnectTimeoutTest {

  @Test
  void aServerThatNeverAcceptsIsAFailureAfterTwoSeconds() throws Exception {
    List<Socket> fillers = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Agi agi = new Agi(Clock.systemUTC())) {
      // fill the accept backlog so that further SYNs go unanswered
      for (int i = 0; i < 4; i++) {
        Socket s = new Socket();
        try {
          s.connect(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()), 200);
        } catch (IOException e) {
          s.close();
          break;
        }
        fillers.add(s);
      }
      long t0 = System.nanoTime();
      AgiResult result =
          agi.call("agi://127.0.0.1:" + silent.getLocalPort() + "/ivr", AgiCaller.from("100"))
              .result()
              .get(10, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);

      assertThat(result.agiStatus()).isEqualTo("FAILURE");
      assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(4000));
    } finally {
      for (Socket s : fillers) {
        s.close();
      }
    }
  }
}
