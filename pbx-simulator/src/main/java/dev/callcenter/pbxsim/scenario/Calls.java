package dev.callcenter.pbxsim.scenario;

import dev.callcenter.pbxsim.PbxSimulatorException;
import dev.callcenter.pbxsim.agi.Agi;
import dev.callcenter.pbxsim.agi.AgiCaller;
import dev.callcenter.pbxsim.pbx.Caller;
import dev.callcenter.pbxsim.pbx.Pbx;

/** Entry point of scripted calls: {@code calls.inboundQueueCall(caller, "support")…}. */
public final class Calls {
  private final Pbx pbx;
  private final Agi agi;

  public Calls(Pbx pbx) {
    this(pbx, null);
  }

  /** Scripted calls that can also run FastAGI sessions through {@code agi}. */
  public Calls(Pbx pbx, Agi agi) {
    this.pbx = pbx;
    this.agi = agi;
  }

  /** A PSTN caller dialling a DID that goes straight to {@code queue}. */
  public InboundQueueCall inboundQueueCall(Caller caller, String queue) {
    return new InboundQueueCall(pbx, caller, queue);
  }

  public InboundQueueCall inboundQueueCall(String number, String name, String queue) {
    return inboundQueueCall(Caller.of(number, name), queue);
  }

  /**
   * A transfer of {@code call} into {@code queue}: when its caller's channel is next redirected (by
   * the server's transfer, into the dialplan's {@code cti-transfer} context), the caller joins
   * {@code queue} and the script goes on from there, e.g. {@code transferToQueue(call,
   * "billing").answeredBy("PJSIP/1002", …)}. The agent the caller leaves is hung up by the Redirect
   * itself.
   */
  public InboundQueueCall transferToQueue(CallHandle call, String queue) {
    // The caller's channel exists by then: the script never opens one, so the caller ID is unused.
    return new InboundQueueCall(pbx, Caller.anonymous(), queue).onRedirectOf(call);
  }

  /**
   * A transfer of {@code call} to the extension of the phone {@code iface} (e.g. {@code
   * PJSIP/1002}): when its caller's channel is next redirected, the dialplan dials that phone, e.g.
   * {@code transferToExtension(call, "PJSIP/1002").answered(…)}.
   */
  public ExtensionTransfer transferToExtension(CallHandle call, String iface) {
    return new ExtensionTransfer(pbx, call, iface);
  }

  /**
   * A PSTN caller dialling a DID whose dialplan runs the FastAGI script at {@code agiUrl} (e.g.
   * {@code agi://127.0.0.1:4573/ivr}) and then queues where the script said ({@code CC_QUEUE},
   * {@code QUEUE_PRIO}); {@code caller} carries the number, name, DID ({@code at(…)}) and keys.
   */
  public IvrThenQueueCall ivrThenQueue(String agiUrl, AgiCaller caller) {
    if (agi == null) {
      throw new PbxSimulatorException("these calls were built without FastAGI");
    }
    return new IvrThenQueueCall(pbx, agi, agiUrl, caller);
  }

  /**
   * The demo's call: {@code number} (and {@code name}) dials {@code exten} in {@code from-pstn},
   * keys {@code digits} one menu at a time (e.g. {@code "2"}, or {@code "0"} for an agent) and
   * stays silent after them.
   */
  public IvrThenQueueCall ivrThenQueue(
      String agiUrl, String number, String name, String exten, String... digits) {
    AgiCaller caller = AgiCaller.from(number).name(name).at("from-pstn", exten);
    for (String d : digits) {
      caller = caller.pressing(d);
    }
    return ivrThenQueue(agiUrl, caller);
  }
}
