package dev.callcenter.server;

import dev.callcenter.cti.ami.AmiSettings;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.pbx.QueueMember;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import dev.callcenter.pbxsim.scenario.InboundQueueCall;
import dev.callcenter.pbxsim.scenario.IvrCallHandle;
import dev.callcenter.ui.simulator.SimulatorRoutes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The demo's phone system: the PBX simulator on a free loopback port with a random AMI secret,
 * queue {@code support} with agent1 ({@code PJSIP/1001}) and agent2 ({@code PJSIP/1002}), and the
 * placer behind {@code POST /api/v1/simulator/calls}.
 */
final class DemoPbx implements SimulatorRoutes.CallPlacer, AutoCloseable {
  static final String QUEUE = "support";

  /** The demo's queues: the IVR sends English callers and mobile-phone faults to their own. */
  static final List<String> QUEUES = List.of("support", "support-en", "support-mobile");

  /** Demo agent → device. */
  static final Map<String, String> DEVICES = Map.of("agent1", "PJSIP/1001", "agent2", "PJSIP/1002");

  private final PbxSimulator sim;
  private final String secret;
  private volatile int ivrPort;

  private DemoPbx(PbxSimulator sim, String secret) {
    this.sim = sim;
    this.secret = secret;
  }

  static DemoPbx start() {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String secret = HexFormat.of().formatHex(random);
    PbxSimulator sim =
        PbxSimulator.start(AmiConfig.defaults().withCredentials("callcenter", secret));
    for (String queue : QUEUES) {
      sim.pbx().addQueue(queue);
      sim.pbx().addMember(queue, "PJSIP/1001", "Agent One");
      sim.pbx().addMember(queue, "PJSIP/1002", "Agent Two");
    }
    return new DemoPbx(sim, secret);
  }

  /** {@code base} pointed at this PBX and turned on. */
  ServerConfig.Cti ctiSettings(ServerConfig.Cti base) {
    AmiSettings a = base.ami();
    return new ServerConfig.Cti(
        true,
        new AmiSettings(
            "127.0.0.1",
            sim.amiPort(),
            "callcenter",
            secret,
            a.pingInterval(),
            a.readTimeout(),
            a.responseTimeout(),
            a.reconnectMin(),
            a.reconnectMax(),
            a.queueCapacity()),
        base.trunkRegions(),
        base.contextRegions(),
        base.timeZone(),
        base.wrapUp(),
        base.serviceLevelThreshold(),
        base.originateContext(),
        base.transferContext(),
        base.callbackOwner().isEmpty() ? "supervisor1" : base.callbackOwner(),
        base.callbackDue());
  }

  /** Where the server's FastAGI IVR listens, for calls that run it first. */
  void ivrAt(int port) {
    this.ivrPort = port;
  }

  @Override
  public String place(SimulatorRoutes.SimulatedCall c) {
    if (!sim.pbx().hasQueue(c.queue())) {
      throw new ValidationException("queue", "the demo PBX has one queue: " + QUEUE);
    }
    List<QueueMember> free =
        sim.pbx().members(c.queue()).stream().filter(m -> !m.paused() && !m.inCall()).toList();
    String agent = free.isEmpty() ? null : free.getFirst().iface();
    InboundQueueCall call =
        sim.calls().inboundQueueCall(c.from(), c.name() == null ? "" : c.name(), c.queue());
    if (c.exten() != null) {
      call.dialed(c.exten());
    }
    Duration ring = Duration.ofSeconds(c.ringSeconds());
    if (c.digits() != null) {
      return ivrCall(c, agent, ring);
    }
    CallHandle handle =
        c.outcome().equals("answered") && agent != null
            ? call.answeredBy(agent, ring, Duration.ofSeconds(c.talkSeconds()), HangupBy.CALLER)
            : call.abandonedAfter(ring.plusSeconds(1), agent);
    return handle.linkedid();
  }

  /**
   * The call runs the IVR first ({@code digits}: one entry per prompt, comma-separated, e.g. {@code
   * "2,1,#"}), then queues where the IVR sent it and is answered.
   */
  private String ivrCall(SimulatorRoutes.SimulatedCall c, String agent, Duration ring) {
    if (ivrPort == 0) {
      throw new ValidationException("digits", "the IVR is not running (ivr.enabled = false)");
    }
    String[] digits = c.digits().split(",", -1);
    var call =
        sim.calls()
            .ivrThenQueue(
                "agi://127.0.0.1:" + ivrPort + "/ivr",
                c.from(),
                c.name() == null ? "" : c.name(),
                c.exten() == null ? "100" : c.exten(),
                digits);
    IvrCallHandle handle =
        agent == null
            ? call.answeredBy(
                "PJSIP/1001", ring, Duration.ofSeconds(c.talkSeconds()), HangupBy.CALLER)
            : call.answeredBy(agent, ring, Duration.ofSeconds(c.talkSeconds()), HangupBy.CALLER);
    return handle.linkedid();
  }

  @Override
  public void close() {
    sim.close();
  }
}
