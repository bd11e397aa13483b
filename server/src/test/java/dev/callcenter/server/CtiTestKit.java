package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A server with its CTI gateway connected over AMI to a PBX simulator on a manual clock: queue
 * {@code support} with agent1 on {@code PJSIP/1001} and agent2 on {@code PJSIP/1002}.
 */
final class CtiTestKit implements AutoCloseable {
  final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T02:00:00Z"));
  final PbxSimulator sim;
  final TestServer server;
  final long agent1;
  final long agent2;

  CtiTestKit() {
    this(false);
  }

  /**
   * @param serverOnPbxTime the server's clock is the simulator's manual clock (not the wall clock),
   *     so what the gateway times from event arrivals (a transferred agent's talk time) follows the
   *     simulated call
   */
  CtiTestKit(boolean serverOnPbxTime) {
    sim = PbxSimulator.start(AmiConfig.defaults().withCredentials("cti", "s3cret"), time);
    sim.pbx().addQueue("support");
    sim.pbx().addMember("support", "PJSIP/1001", "Agent One");
    sim.pbx().addMember("support", "PJSIP/1002", "Agent Two");
    Map<String, String> settings = new HashMap<>();
    settings.put("cti.enabled", "true");
    settings.put("cti.ami.port", Integer.toString(sim.amiPort()));
    settings.put("cti.ami.username", "cti");
    settings.put("cti.ami.secret", "s3cret");
    settings.put("cti.ami.ping-interval", "500ms");
    settings.put("cti.ami.read-timeout", "3s");
    settings.put("cti.ami.reconnect-min", "100ms");
    settings.put("cti.ami.reconnect-max", "500ms");
    server = TestServer.start(settings, serverOnPbxTime ? time.clock() : Clock.systemUTC());
    var s = server.services();
    agent1 = s.users().findCredentials("agent1").orElseThrow().user().id();
    agent2 = s.users().findCredentials("agent2").orElseThrow().user().id();
    s.agentDevices().assign(agent1, "PJSIP/1001", List.of("support"));
    s.agentDevices().assign(agent2, "PJSIP/1002", List.of("support"));
    server.server().cti().reloadAgents();
  }

  /** Waits until the gateway has logged in and asked for the PBX's state. */
  CtiTestKit connected() throws InterruptedException {
    assertThat(sim.actions().awaitNamed("QueueStatus", Duration.ofSeconds(10))).isPresent();
    return this;
  }

  Customer customer(String name, String phone) {
    return server.customer(name, phone, "zh-TW");
  }

  @Override
  public void close() {
    server.close();
    sim.close();
  }
}
