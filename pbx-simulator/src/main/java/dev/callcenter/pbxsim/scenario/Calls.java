package dev.callcenter.pbxsim.scenario;

import dev.callcenter.pbxsim.pbx.Caller;
import dev.callcenter.pbxsim.pbx.Pbx;

/** Entry point of scripted calls: {@code calls.inboundQueueCall(caller, "support")…}. */
public final class Calls {
  private final Pbx pbx;

  public Calls(Pbx pbx) {
    this.pbx = pbx;
  }

  /** A PSTN caller dialling a DID that goes straight to {@code queue}. */
  public InboundQueueCall inboundQueueCall(Caller caller, String queue) {
    return new InboundQueueCall(pbx, caller, queue);
  }

  public InboundQueueCall inboundQueueCall(String number, String name, String queue) {
    return inboundQueueCall(Caller.of(number, name), queue);
  }
}
