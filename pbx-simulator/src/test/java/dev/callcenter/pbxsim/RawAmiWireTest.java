package dev.callcenter.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.ami.AmiMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawAmiWireTest {
  private static final String BANNER = "Asterisk Call Manager/11.0.0";
  private PbxSimulator sim;

  @BeforeEach
  void start() {
    sim = PbxSimulator.start(AmiConfig.defaults().withSessionQueueCapacity(50));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void sendsTheBannerAndAcceptsLowerCaseKeys() throws Exception {
    try (RawAmiClient c = new RawAmiClient(sim.amiPort())) {
      assertThat(c.readLine()).isEqualTo(BANNER);

      c.send("action: login", "username: cti", "secret: secret", "actionid: abc 1");
      AmiMessage response = c.readPacket();
      AmiMessage booted = c.readPacket();

      assertThat(response.fields())
          .containsExactly(
              new AmiMessage.Field("Response", "Success"),
              new AmiMessage.Field("ActionID", "abc 1"),
              new AmiMessage.Field("Message", "Authentication accepted"));
      assertThat(booted.event()).isEqualTo("FullyBooted");
      assertThat(booted.getOrEmpty("Status")).isEqualTo("Fully Booted");
      assertThat(booted.get("Uptime")).isPresent();
      assertThat(booted.get("LastReload")).isPresent();

      c.send("ACTION: PING", "ACTIONID: p-1");
      AmiMessage pong = c.readPacket();
      assertThat(pong.getOrEmpty("Response")).isEqualTo("Success");
      assertThat(pong.getOrEmpty("Ping")).isEqualTo("Pong");
      assertThat(pong.getOrEmpty("ActionID")).isEqualTo("p-1");
      assertThat(pong.getOrEmpty("Timestamp")).matches("\\d+\\.\\d{6}");
    }
  }

  @Test
  void unknownActionGetsAsterisksError() throws Exception {
    try (RawAmiClient c = new RawAmiClient(sim.amiPort())) {
      c.login(BANNER);

      c.send("Action: MakeCoffee", "ActionID: x-9");

      AmiMessage r = c.readPacket();
      assertThat(r.getOrEmpty("Response")).isEqualTo("Error");
      assertThat(r.getOrEmpty("ActionID")).isEqualTo("x-9");
      assertThat(r.getOrEmpty("Message")).isEqualTo("Invalid/unknown command");
    }
  }

  @Test
  void actionsBeforeLoginAreDeniedAndBadCredentialsClose() throws Exception {
    try (RawAmiClient c = new RawAmiClient(sim.amiPort())) {
      c.readLine();
      c.send("Action: Ping");
      assertThat(c.readPacket().getOrEmpty("Message")).isEqualTo("Permission denied");

      c.send("Action: Login", "Username: cti", "Secret: nope");

      AmiMessage r = c.readPacket();
      assertThat(r.getOrEmpty("Response")).isEqualTo("Error");
      assertThat(r.getOrEmpty("Message")).isEqualTo("Authentication failed");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void repeatedKeysAreKeptInOrder() throws Exception {
    try (RawAmiClient c = new RawAmiClient(sim.amiPort())) {
      c.login(BANNER);

      c.send(
          "Action: Originate",
          "Channel: PJSIP/1001",
          "Variable: A=1",
          "variable: B=2",
          "Async: true");
      c.readUntil("Response", "Success");

      assertThat(sim.actions().named("Originate").getFirst().packet().getAll("Variable"))
          .containsExactly("A=1", "B=2");
    }
  }

  @Test
  void rejectAndDelayFaultsApplyToTheNextActionsOfThatName() throws Exception {
    try (RawAmiClient c = new RawAmiClient(sim.amiPort())) {
      c.login(BANNER);
      sim.faults().rejectNext("ping", 1, "Simulated failure");
      sim.faults().delayNext("Ping", 1, Duration.ofMillis(200));

      c.send("Action: Ping", "ActionID: 1");
      AmiMessage rejected = c.readPacket();
      long t0 = System.nanoTime();
      c.send("Action: Ping", "ActionID: 2");
      AmiMessage delayed = c.readPacket();
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      c.send("Action: Ping", "ActionID: 3");
      AmiMessage normal = c.readPacket();

      assertThat(rejected.getOrEmpty("Message")).isEqualTo("Simulated failure");
      assertThat(delayed.getOrEmpty("Ping")).isEqualTo("Pong");
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(150));
      assertThat(normal.getOrEmpty("ActionID")).isEqualTo("3");
    }
  }

  @Test
  void frozenPbxKeepsTheSocketOpenButAnswersNothingUntilUnfrozen() throws Exception {
    try (RawAmiClient c = new RawAmiClient(sim.amiPort())) {
      c.login(BANNER);
      sim.faults().freeze();

      c.send("Action: Ping", "ActionID: during-freeze");
      c.readTimeout(Duration.ofMillis(300));
      assertThat(c.closedByServer()).isFalse();

      sim.faults().unfreeze();
      c.readTimeout(Duration.ofSeconds(5));
      assertThat(c.readPacket().getOrEmpty("ActionID")).isEqualTo("during-freeze");
    }
  }

  @Test
  void aClientThatDoesNotReadIsDisconnectedByAnEventFlood() throws Exception {
    try (RawAmiClient c = new RawAmiClient(sim.amiPort())) {
      c.login(BANNER);
      assertThat(sim.ami().awaitLoggedInClients(1, Duration.ofSeconds(5))).isTrue();

      sim.faults().flood(200_000);

      assertThat(sim.ami().awaitLoggedInClients(0, Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void dropAllClosesEveryConnection() throws Exception {
    try (RawAmiClient a = new RawAmiClient(sim.amiPort());
        RawAmiClient b = new RawAmiClient(sim.amiPort())) {
      a.login(BANNER);
      b.login(BANNER);

      sim.faults().dropAll();

      assertThat(a.closedByServer()).isTrue();
      assertThat(b.closedByServer()).isTrue();
    }
  }

  @Test
  void logoffSaysGoodbyeAndCloses() throws Exception {
    try (RawAmiClient c = new RawAmiClient(sim.amiPort())) {
      c.login(BANNER);
      c.send("Action: Logoff", "ActionID: bye");

      AmiMessage r = c.readPacket();

      assertThat(r.getOrEmpty("Response")).isEqualTo("Goodbye");
      assertThat(r.getOrEmpty("ActionID")).isEqualTo("bye");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void aClientLoggedInWithEventsOffGetsResponsesButNoEvents() throws Exception {
    sim.pbx().addQueue("support");
    try (RawAmiClient c = new RawAmiClient(sim.amiPort())) {
      c.readLine();
      c.send("Action: Login", "Username: cti", "Secret: secret", "Events: off");
      assertThat(c.readPacket().getOrEmpty("Message")).isEqualTo("Authentication accepted");
      assertThat(c.readPacket().event()).isEqualTo("FullyBooted");

      sim.pbx().addMember("support", "PJSIP/1001", "Alice");
      c.send("Action: Ping", "ActionID: after-event");

      assertThat(c.readPacket().getOrEmpty("ActionID")).isEqualTo("after-event");
    }
  }

  @Test
  void scenarioOnAnUnknownQueueFailsAtOnce() {
    assertThatThrownBy(() -> sim.calls().inboundQueueCall("1", "x", "nope"))
        .isInstanceOf(PbxSimulatorException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void aClientWhoseSocketStaysFullPastTheWriteTimeoutIsDisconnected() throws Exception {
    try (PbxSimulator patient =
            PbxSimulator.start(
                AmiConfig.defaults()
                    .withSessionQueueCapacity(1_000_000)
                    .withWriteTimeout(Duration.ofMillis(100)));
        RawAmiClient c = new RawAmiClient(patient.amiPort())) {
      c.login(BANNER);
      assertThat(patient.ami().awaitLoggedInClients(1, Duration.ofSeconds(5))).isTrue();

      // Enough to fill the socket buffers of a client that reads nothing, far below the queue.
      patient.faults().flood(100_000);

      assertThat(patient.ami().awaitLoggedInClients(0, Duration.ofSeconds(10))).isTrue();
    }
  }
}
