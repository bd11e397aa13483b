package dev.callcenter.pbxsim;

import dev.callcenter.pbxsim.ami.AmiMessage;
import dev.callcenter.pbxsim.ami.AmiServer;
import dev.callcenter.pbxsim.pbx.Caller;
import dev.callcenter.pbxsim.pbx.Channel;
import dev.callcenter.pbxsim.pbx.Pbx;
import java.time.Duration;

/** Fault injection: what a real PBX or network does to a CTI client on a bad day. */
public final class Faults {
  private final AmiServer ami;
  private final Pbx pbx;

  Faults(AmiServer ami, Pbx pbx) {
    this.ami = ami;
    this.pbx = pbx;
  }

  /** Closes every AMI connection at once. */
  public void dropAll() {
    ami.dropAll();
  }

  /** Stops reading and writing while keeping sockets open: a half-open connection. */
  public void freeze() {
    ami.freeze();
  }

  public void unfreeze() {
    ami.unfreeze();
  }

  /**
   * {@code core restart now}: {@code Shutdown} to every client, close, refuse connections for
   * {@code downtime}, then accept again; calls are forgotten, queue members stay.
   */
  public void restart(Duration downtime) {
    ami.restart(downtime);
  }

  /**
   * {@code core restart now} on an Asterisk that does not keep dynamic queue members ({@code
   * persistentmembers = no}, or its astdb lost): as {@link #restart(Duration)}, and every member
   * added with {@code QueueAdd} is gone when it is back.
   */
  public void restartForgettingMembers(Duration downtime) {
    pbx.forgetDynamicMembers();
    ami.restart(downtime);
  }

  /** The next {@code count} actions named {@code action} are answered with this error. */
  public void rejectNext(String action, int count, String message) {
    ami.faults().rejectNext(action, count, message);
  }

  /** The next {@code count} actions named {@code action} are handled {@code delay} later. */
  public void delayNext(String action, int count, Duration delay) {
    ami.faults().delayNext(action, count, delay);
  }

  /**
   * Emits {@code count} {@code VarSet} events as fast as possible, like the 107 a real queue call
   * produces; clients that fall behind the per-connection queue are disconnected.
   */
  public void flood(int count) {
    Channel c =
        pbx.draftChannel("PJSIP/flood", Caller.of("0000", "Flood"), "from-pstn", "s", null)
            .withState(Channel.UP);
    for (int i = 0; i < count; i++) {
      ami.broadcast(
          c.addTo(AmiMessage.event("VarSet").add("Privilege", "dialplan,all"), "")
              .add("Variable", "FLOOD")
              .add("Value", Integer.toString(i))
              .build());
    }
  }

  /** Removes pending action faults and unfreezes. */
  public void reset() {
    ami.faults().clear();
    ami.unfreeze();
  }
}
