package dev.callcenter.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.cti.call.AgentRinging;
import dev.callcenter.cti.call.PbxCommandException;
import dev.callcenter.cti.call.PbxEvent;
import dev.callcenter.cti.call.PbxEventSink;
import dev.callcenter.cti.call.PbxRestarting;
import dev.callcenter.cti.call.PbxSnapshot;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AMI client's hold on the PBX, against the simulator over TCP with the real Asterisk-Java
 * client: first login with the PBX down, drop, half-open freeze, restart, floods, overflow, and
 * commands that fail.
 */
class AmiClientTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T02:00:00Z"));
  private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
  private PbxSimulator sim;
  private AmiClient client;

  /** Records what the client delivers; link losses as the string "link-down". */
  private final PbxEventSink sink =
      new PbxEventSink() {
        @Override
        public void accept(PbxEvent event) {
          received.add(event);
        }

        @Override
        public void linkDown() {
          received.add("link-down");
        }
      };

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  private PbxSimulator simulator(int port) {
    PbxSimulator s =
        PbxSimulator.start(AmiConfig.defaults().withPort(port).withCredentials("cti", "pw"), time);
    if (!s.pbx().hasQueue("support")) {
      s.pbx().addQueue("support");
      s.pbx().addMember("support", "PJSIP/1001", "Agent One");
    }
    return s;
  }

  private AmiClient client(int port, int capacity) {
    return client(port, capacity, "pw");
  }

  private AmiClient client(int port, int capacity, String secret) {
    AmiSettings settings =
        AmiSettings.of("127.0.0.1", port, "cti", secret)
            .withTimings(
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofMillis(50),
                Duration.ofMillis(400))
            .withQueueCapacity(capacity);
    AmiClient client =
        new AmiClient(
            settings,
            new AmiEventTranslator(NumberingConfig.of("TW"), Clock.systemUTC()),
            Clock.systemUTC());
    client.start(sink);
    return client;
  }

  @SuppressWarnings("unchecked")
  private <T> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Object next = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
      }
      if (type.isInstance(next) && match.test((T) next)) {
        return (T) next;
      }
    }
  }

  private void awaitLinkDown() throws InterruptedException {
    await(String.class, "link-down"::equals);
  }

  private PbxSnapshot awaitSnapshot() throws InterruptedException {
    return await(PbxSnapshot.class, s -> true);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void keepsTryingWhenThePbxIsDownAtStartThenRebuildsState() throws Exception {
    int port = freePort();
    client = client(port, 1000);
    assertThat(client.status().state()).isEqualTo("CONNECTING");
    sim = simulator(port);
    PbxSnapshot first = awaitSnapshot();
    assertThat(first.members())
        .extracting(PbxSnapshot.Member::agentInterface)
        .containsExactly("PJSIP/1001");
    awaitState("UP");
  }

  /** Waits until the link's state is {@code state}; fails after 10 s. */
  private void awaitState(String state) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!state.equals(client.status().state())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not " + state + " within " + WAIT + ": " + client.status());
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  /** The link's status once its last failure is {@code code}; fails after 10 s. */
  private dev.callcenter.cti.call.PbxLinkStatus awaitFailure(String code) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!code.equals(client.status().lastFailure())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + code + " within " + WAIT + ": " + client.status());
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    return client.status();
  }

  @Test
  void theStatusSaysWhyThePbxIsNotConnected() throws Exception {
    client = client(freePort(), 1000);
    var refused = awaitFailure("refused");
    assertThat(refused.state()).isEqualTo("CONNECTING");
    assertThat(refused.lastFailureAt()).isNotNull();
    client.close();

    sim = simulator(0);
    client = client(sim.amiPort(), 1000, "wrong-secret");
    var wrongSecret = awaitFailure("authentication_failed");
    assertThat(wrongSecret.state()).isEqualTo("CONNECTING");
    assertThat(wrongSecret.lastFailureDetail()).doesNotContain("wrong-secret");
  }

  @Test
  void reconnectsAfterADropAndResynchronises() throws Exception {
    sim = simulator(0);
    client = client(sim.amiPort(), 1000);
    awaitSnapshot();
    sim.faults().dropAll();
    awaitLinkDown();
    awaitSnapshot();
    assertThat(client.status().reconnects()).isGreaterThanOrEqualTo(1);
    assertThat(client.status().resyncs()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aHalfOpenConnectionIsDetectedByPingsAndReplaced() throws Exception {
    sim = simulator(0);
    client = client(sim.amiPort(), 1000);
    awaitSnapshot();
    sim.faults().freeze();
    awaitLinkDown(); // nothing read for the 1 s read timeout
    assertThat(client.status().state()).isNotEqualTo("UP");
    sim.faults().unfreeze();
    awaitSnapshot();
    // That snapshot may come from a resync the commands connection finished while the events
    // connection was still reconnecting; the events connection comes back after it.
    awaitState("UP");
  }

  @Test
  void afterARestartTheStateIsRebuiltIncludingWhatChangedWhileItWasDown() throws Exception {
    sim = simulator(0);
    client = client(sim.amiPort(), 1000);
    awaitSnapshot();
    sim.faults().restart(Duration.ofMillis(1500));
    await(PbxRestarting.class, r -> true);
    // While Asterisk is away nobody hears this; only the rebuild can know it.
    sim.pbx().pause("support", "PJSIP/1001", true, "meeting");
    time.advance(Duration.ofMillis(1500)); // the simulator's downtime runs on its clock
    PbxSnapshot rebuilt = awaitSnapshot();
    assertThat(rebuilt.members())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.paused()).isTrue();
              assertThat(m.pausedReason()).isEqualTo("meeting");
            });
  }

  @Test
  void aFloodNeitherBlocksCommandsNorLosesTheCallInIt() throws Exception {
    sim = simulator(0);
    client = client(sim.amiPort(), 1000);
    awaitSnapshot();
    Thread flood = Thread.ofVirtual().start(() -> sim.faults().flood(20_000));
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0223456789", "", "support")
            .abandonedAfter(Duration.ofSeconds(5), "PJSIP/1001");
    time.advance(Duration.ofMillis(500));
    long started = System.nanoTime();
    client.queuePause("support", "PJSIP/1001", true, "flood").get(5, TimeUnit.SECONDS);
    long commandMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    AgentRinging ringing = await(AgentRinging.class, r -> r.callId().equals(call.linkedid()));
    flood.join();
    assertThat(ringing.agentInterface()).isEqualTo("PJSIP/1001");
    assertThat(commandMillis)
        .as("the command connection does not queue behind events")
        .isLessThan(5000);
    assertThat(client.status().eventsDropped()).isZero();
  }

  @Test
  void anOverflowIsCountedAndTriggersAResync() throws Exception {
    sim = simulator(0);
    client = client(sim.amiPort(), 16);
    awaitSnapshot();
    // Hundreds of events the gateway keeps, faster than nobody reads them (nobody drains
    // `received` meanwhile, but the consumer does; the burst outruns a queue of 16).
    for (int i = 0; i < 2000; i++) {
      sim.pbx().memberStatus("PJSIP/1001", i % 2 == 0 ? 2 : 1, i % 2 == 0);
    }
    awaitSnapshot();
    assertThat(client.status().eventsDropped()).isPositive();
  }

  @Test
  void aRefusedCommandIsAnErrorWithThePbxMessage() throws Exception {
    sim = simulator(0);
    client = client(sim.amiPort(), 1000);
    awaitSnapshot();
    sim.faults().rejectNext("QueuePause", 1, "Interface not found");
    assertThatThrownBy(() -> client.queuePause("support", "PJSIP/9", true, "x").join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(PbxCommandException.class)
        .hasMessageContaining("Interface not found")
        .extracting(e -> ((PbxCommandException) e).reason())
        .isEqualTo("rejected");
  }

  @Test
  void aCommandWithoutAConnectionFailsAtOnce() throws Exception {
    client = client(freePort(), 1000);
    assertThatThrownBy(() -> client.hangup("PJSIP/1001-1").join())
        .cause()
        .isInstanceOf(PbxCommandException.class)
        .extracting(e -> ((PbxCommandException) e).reason())
        .isEqualTo("unavailable");
  }

  @Test
  void theSecretIsNeverPrinted() {
    assertThat(AmiSettings.of("pbx", 5038, "cti", "hunter2").toString()).doesNotContain("hunter2");
  }
}
