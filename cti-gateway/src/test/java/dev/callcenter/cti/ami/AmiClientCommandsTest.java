package dev.callcenter.cti.ami;

import dev.callcenter.cti.call.PbxCommands;
import dev.callcenter.cti.call.PbxCommandsContract;
import dev.callcenter.cti.call.PbxEvent;
import dev.callcenter.cti.call.PbxEventSink;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The AMI client passes the PBX commands contract against the simulator over TCP. */
class AmiClientCommandsTest implements PbxCommandsContract {

  private PbxSimulator sim;
  private AmiClient client;

  @BeforeEach
  void connect() {
    sim =
        PbxSimulator.start(
            AmiConfig.defaults().withCredentials("cti", "pw"),
            new ManualScheduler(Instant.parse("2026-11-22T02:00:00Z")));
    sim.pbx().addQueue("support");
    sim.pbx().addMember("support", "PJSIP/1001", "Agent One");
    client =
        new AmiClient(
            AmiSettings.of("127.0.0.1", sim.amiPort(), "cti", "pw"),
            new AmiEventTranslator(NumberingConfig.of("TW"), Clock.systemUTC()),
            Clock.systemUTC());
    client.start(
        new PbxEventSink() {
          @Override
          public void accept(PbxEvent event) {}

          @Override
          public void linkDown() {}
        });
    // No event says "the command connection logged in"; poll its state up to a deadline.
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!client.status().commandsUp()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the command connection did not come up within " + WAIT);
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  @AfterEach
  void close() {
    client.close();
    sim.close();
  }

  @Override
  public PbxCommands commands() {
    return client;
  }

  @Override
  public Optional<Map<String, String>> originateReceived(String channelId) {
    try {
      return sim.actions()
          .await(
              a ->
                  a.name().equalsIgnoreCase("Originate")
                      && channelId.equals(a.packet().getOrEmpty("ChannelId")),
              WAIT)
          .map(
              a ->
                  Map.of(
                      "Channel", a.packet().getOrEmpty("Channel"),
                      "Context", a.packet().getOrEmpty("Context"),
                      "Exten", a.packet().getOrEmpty("Exten")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public Optional<Boolean> paused(String queue, String agentInterface) {
    return sim.pbx().member(queue, agentInterface).map(m -> m.paused());
  }
}
