package dev.callcenter.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.replay.RawCapture;
import java.time.Duration;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayTest {
  private PbxSimulator sim;

  @BeforeEach
  void start() {
    sim = PbxSimulator.start(AmiConfig.defaults());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void replaySendsTheCapturedBytesUnchanged() throws Exception {
    RawCapture capture = Captures.load("rna-then-answer.raw");
    try (RawAmiClient c = new RawAmiClient(sim.amiPort())) {
      c.login("Asterisk Call Manager/11.0.0");

      sim.replay(capture);

      assertThat(c.readBytes(capture.afterLogin().length)).isEqualTo(capture.afterLogin());
    }
  }

  @Test
  void afterLoginDropsBannerLoginResponseAndGoodbye() throws Exception {
    String events = new String(Captures.load("member-control.raw").afterLogin(), "UTF-8");

    assertThat(events).startsWith("Event: FullyBooted\r\n").endsWith("State: INUSE\r\n\r\n");
    assertThat(events).doesNotContain("Response: Goodbye").doesNotContain("Asterisk Call Manager");
  }

  @Test
  void asteriskJavaReadsTheReplayedUtf8AndEscapedNames() throws Exception {
    try (AsteriskJavaClient client = AsteriskJavaClient.loggedIn(sim)) {
      sim.replay(Captures.load("chinese-name.raw"));

      AgentCalledEvent first = client.await(AgentCalledEvent.class);
      AgentCalledEvent second =
          client.await(AgentCalledEvent.class, e -> true, Duration.ofSeconds(5));

      assertThat(first.getCallerIdName()).isEqualTo("張三");
      assertThat(second.getCallerIdName()).isEqualTo("O\\'Brien");
    }
  }
}
