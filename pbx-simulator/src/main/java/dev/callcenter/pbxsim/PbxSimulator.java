package dev.callcenter.pbxsim;

import dev.callcenter.pbxsim.agi.Agi;
import dev.callcenter.pbxsim.ami.ActionLog;
import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.ami.AmiServer;
import dev.callcenter.pbxsim.pbx.Pbx;
import dev.callcenter.pbxsim.pbx.PbxActions;
import dev.callcenter.pbxsim.replay.RawCapture;
import dev.callcenter.pbxsim.scenario.Calls;
import dev.callcenter.pbxsim.time.RealTimeScheduler;
import dev.callcenter.pbxsim.time.SimScheduler;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Composition root of the fake Asterisk 22: the AMI listener, the PBX state behind it, scripted
 * calls, fault injection and capture replay.
 *
 * <pre>{@code
 * ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T07:00:00Z"));
 * try (PbxSimulator sim = PbxSimulator.start(AmiConfig.defaults(), time)) {
 *   sim.pbx().addQueue("support");
 *   sim.pbx().addMember("support", "PJSIP/1001", "Agent 1001");
 *   // connect the client under test to 127.0.0.1:sim.amiPort() as cti / secret
 *   CallHandle call = sim.calls().inboundQueueCall("0912345678", "張三", "support")
 *       .answeredBy("PJSIP/1001");
 *   time.advance(Duration.ofSeconds(10)); // Newchannel … AgentConnect … AgentComplete, Hangup
 *   sim.faults().restart(Duration.ofMillis(300));
 *   AgiResult ivr = sim.agi().call("agi://127.0.0.1:4573/ivr", AgiCaller.from("0912345678")
 *       .pressing("1")).result().join();
 * }
 * }</pre>
 */
public final class PbxSimulator implements AutoCloseable {
  private final SimScheduler scheduler;
  private final boolean ownsScheduler;
  private final AmiServer ami;
  private final Pbx pbx;
  private final Calls calls;
  private final Faults faults;
  private final Agi agi;

  private PbxSimulator(AmiConfig config, SimScheduler scheduler, boolean ownsScheduler) {
    this.scheduler = scheduler;
    this.ownsScheduler = ownsScheduler;
    AtomicReference<AmiServer> server = new AtomicReference<>();
    this.pbx = new Pbx(scheduler, event -> server.get().broadcast(event));
    this.ami = new AmiServer(config, scheduler, new PbxActions(pbx));
    server.set(ami);
    ami.onRestart(pbx::clearCalls);
    this.agi = new Agi(scheduler.clock());
    this.calls = new Calls(pbx, agi);
    this.faults = new Faults(ami, pbx);
  }

  /** Starts on {@code config} with wall-clock time. */
  public static PbxSimulator start(AmiConfig config) {
    PbxSimulator sim = new PbxSimulator(config, RealTimeScheduler.systemUtc(), true);
    sim.ami.start();
    return sim;
  }

  /** Starts with the given scheduler (a {@code ManualScheduler} for deterministic tests). */
  public static PbxSimulator start(AmiConfig config, SimScheduler scheduler) {
    PbxSimulator sim = new PbxSimulator(config, scheduler, false);
    sim.ami.start();
    return sim;
  }

  /** The AMI TCP port actually bound. */
  public int amiPort() {
    return ami.port();
  }

  public AmiServer ami() {
    return ami;
  }

  /** Queues, members and channels; also the control API to set them up. */
  public Pbx pbx() {
    return pbx;
  }

  /** Scripted calls. */
  public Calls calls() {
    return calls;
  }

  public Faults faults() {
    return faults;
  }

  /** FastAGI sessions played from the Asterisk side against an AGI server under test. */
  public Agi agi() {
    return agi;
  }

  /** Every action received, like Wazo's {@code /_requests}. */
  public ActionLog actions() {
    return ami.actions();
  }

  /** Sends a recorded capture's packets (after its login) to every logged-in client. */
  public void replay(RawCapture capture) {
    ami.sendToEventClients(capture.afterLogin());
  }

  /**
   * Back to a clean PBX between tests, like Wazo's {@code /_reset}: forgets recorded actions,
   * pending faults and calls; queues, members and connections stay.
   */
  public void reset() {
    ami.actions().clear();
    faults.reset();
    pbx.clearCalls();
  }

  @Override
  public void close() {
    agi.close();
    ami.close();
    if (ownsScheduler) {
      scheduler.close();
    }
  }
}
