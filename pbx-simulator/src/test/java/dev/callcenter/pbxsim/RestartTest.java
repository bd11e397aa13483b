package dev.callcenter.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.pbxsim.ami.AmiConfig;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestartTest {
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
  void clientSeesShutdownAndDisconnectThenReconnectsAndGetsFullyBootedAfterThePause()
      throws Exception {
    try (AsteriskJavaClient client = AsteriskJavaClient.loggedIn(sim)) {
      client.await(FullyBootedEvent.class);

      sim.faults().restart(Duration.ofMillis(300));

      ShutdownEvent shutdown = client.await(ShutdownEvent.class);
      assertThat(shutdown.getShutdown()).isEqualTo("Cleanly");
      assertThat(shutdown.getRestart()).isTrue();
      client.await(DisconnectEvent.class);
      FullyBootedEvent booted =
          client.await(FullyBootedEvent.class, e -> true, Duration.ofSeconds(15));
      assertThat(booted.getStatus()).isEqualTo("Fully Booted");
      assertThat(sim.ami().awaitLoggedInClients(1, Duration.ofSeconds(5))).isTrue();
      Await.until(
          "client connected again",
          () -> client.connection.getState() == ManagerConnectionState.CONNECTED,
          Duration.ofSeconds(5));
      assertThat(client.connection.sendAction(new PingAction(), 5_000).getResponse())
          .isEqualTo("Success");
      assertThat(sim.actions().named("Login")).hasSize(2);
    }
  }

  @Test
  void connectionsAreRefusedDuringTheDowntimeAndAcceptedOnTheSamePortAfter() throws Exception {
    int port = sim.amiPort();

    sim.faults().restart(Duration.ofSeconds(1));

    boolean refused;
    try (Socket s = new Socket("127.0.0.1", port)) {
      refused = false;
    } catch (ConnectException e) {
      refused = true;
    }
    assertThat(refused).isTrue();
    assertThat(sim.ami().listening()).isFalse();
    Await.until("listening again", sim.ami()::listening, Duration.ofSeconds(5));
    try (RawAmiClient c = new RawAmiClient(port)) {
      assertThat(c.login("Asterisk Call Manager/11.0.0").getOrEmpty("Uptime")).isEqualTo("0");
    }
  }
}
