package dev.callcenter.pbxsim.pbx;

import dev.callcenter.pbxsim.ami.AmiMessage;

/**
 * A queue member as app_queue reports it.
 *
 * @param status device state: 1 not in use, 2 in use, 5 unavailable, 6 ringing
 */
public record QueueMember(
    String queue,
    String iface,
    String memberName,
    String membership,
    int penalty,
    int callsTaken,
    long lastCall,
    long lastPause,
    long loginTime,
    boolean inCall,
    int status,
    boolean paused,
    String pausedReason) {

  public static final int NOT_INUSE = 1;
  public static final int INUSE = 2;
  public static final int UNAVAILABLE = 5;
  public static final int RINGING = 6;

  public QueueMember withPause(boolean nowPaused, String reason, long at) {
    return new QueueMember(
        queue,
        iface,
        memberName,
        membership,
        penalty,
        callsTaken,
        lastCall,
        nowPaused ? at : lastPause,
        loginTime,
        inCall,
        status,
        nowPaused,
        reason);
  }

  public QueueMember withStatus(int newStatus, boolean nowInCall) {
    return new QueueMember(
        queue,
        iface,
        memberName,
        membership,
        penalty,
        callsTaken,
        lastCall,
        lastPause,
        loginTime,
        nowInCall,
        newStatus,
        paused,
        pausedReason);
  }

  public QueueMember withCallTaken(long at) {
    return new QueueMember(
        queue,
        iface,
        memberName,
        membership,
        penalty,
        callsTaken + 1,
        at,
        lastPause,
        loginTime,
        inCall,
        status,
        paused,
        pausedReason);
  }

  /** {@code QueueMemberAdded}, {@code QueueMemberRemoved}, {@code QueueMemberPause}… */
  AmiMessage event(String name) {
    return AmiMessage.event(name)
        .add("Privilege", "agent,all")
        .add("Queue", queue)
        .add("MemberName", memberName)
        .add("Interface", iface)
        .add("StateInterface", iface)
        .add("Membership", membership)
        .add("Penalty", penalty)
        .add("CallsTaken", callsTaken)
        .add("LastCall", lastCall)
        .add("LastPause", lastPause)
        .add("LoginTime", loginTime)
        .add("InCall", inCall ? 1 : 0)
        .add("Status", status)
        .add("Paused", paused ? 1 : 0)
        .add("PausedReason", pausedReason)
        .add("Ringinuse", 0)
        .add("Wrapuptime", 0)
        .build();
  }

  /** The {@code QueueMember} item of a {@code QueueStatus} list (Name/Location naming). */
  AmiMessage statusItem(String actionId) {
    AmiMessage.Builder b =
        AmiMessage.event("QueueMember")
            .add("Queue", queue)
            .add("Name", memberName)
            .add("Location", iface)
            .add("StateInterface", iface)
            .add("Membership", membership)
            .add("Penalty", penalty)
            .add("CallsTaken", callsTaken)
            .add("LastCall", lastCall)
            .add("LastPause", lastPause)
            .add("LoginTime", loginTime)
            .add("InCall", inCall ? 1 : 0)
            .add("Status", status)
            .add("Paused", paused ? 1 : 0)
            .add("PausedReason", pausedReason)
            .add("Wrapuptime", 0);
    if (actionId != null) {
      b.add("ActionID", actionId);
    }
    return b.build();
  }
}
