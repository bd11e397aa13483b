package dev.callcenter.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.ami.RecordedAction;
import java.time.Duration;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.PingResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsteriskJavaLoginTest {
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
  void md5ChallengeLoginCompletesFastBecauseCoreSettingsIsAnswered() throws Exception {
    long t0 = System.nanoTime();
    try (AsteriskJavaClient client = AsteriskJavaClient.loggedIn(sim)) {
      Duration took = Duration.ofNanos(System.nanoTime() - t0);

      assertThat(took).isLessThan(Duration.ofSeconds(3));
      assertThat(client.connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
      assertThat(sim.actions().all())
          .extracting(RecordedAction::name)
          .containsSubsequence("Challenge", "Login", "CoreSettings");
      RecordedAction login = sim.actions().named("Login").getFirst();
      assertThat(login.header("AuthType")).isEqualToIgnoringCase("md5");
      assertThat(login.header("Key")).isEqualTo("********");
      assertThat(client.connection.getVersion().toString()).contains("22");
    }
  }

  @Test
  void wrongSecretFailsLogin() {
    AsteriskJavaClient client = new AsteriskJavaClient(sim.amiPort(), "cti", "wrong");

    assertThatThrownBy(client.connection::login).isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void pingIsAnsweredWithPongAndTheActionIdIsEchoed() throws Exception {
    try (AsteriskJavaClient client = AsteriskJavaClient.loggedIn(sim)) {
      PingAction ping = new PingAction();
      ping.setActionId("my-ping-42");

      ManagerResponse response = client.connection.sendAction(ping, 5_000);

      assertThat(response).isInstanceOf(PingResponse.class);
      assertThat(((PingResponse) response).getPing()).isEqualTo("Pong");
      assertThat(response.getActionId()).isEqualTo("my-ping-42");
      assertThat(sim.actions().named("Ping").getLast().header("ActionID")).endsWith("my-ping-42");
    }
  }
}
