package dev.callcenter.pbxsim.pbx;

import dev.callcenter.pbxsim.ami.AmiMessage;
import java.time.Instant;

/**
 * A channel snapshot with the fields Asterisk 22 prints in call events; raw values (unescaped,
 * empty for unknown) are kept here and formatted by {@link #addTo}.
 */
public record Channel(
    String name,
    int state,
    String callerNum,
    String callerName,
    String connectedNum,
    String connectedName,
    String language,
    String accountCode,
    String context,
    String exten,
    int priority,
    String uniqueid,
    String linkedid,
    Instant createdAt,
    String application,
    String applicationData,
    String bridgeId) {

  public static final int DOWN = 0;
  public static final int RING = 4;
  public static final int RINGING = 5;
  public static final int UP = 6;

  public static String stateDesc(int state) {
    return switch (state) {
      case 0 -> "Down";
      case 1 -> "Rsrvd";
      case 2 -> "OffHook";
      case 3 -> "Dialing";
      case 4 -> "Ring";
      case 5 -> "Ringing";
      case 6 -> "Up";
      case 7 -> "Busy";
      default -> "Unknown";
    };
  }

  public Channel withState(int newState) {
    return new Channel(
        name,
        newState,
        callerNum,
        callerName,
        connectedNum,
        connectedName,
        language,
        accountCode,
        context,
        exten,
        priority,
        uniqueid,
        linkedid,
        createdAt,
        application,
        applicationData,
        bridgeId);
  }

  public Channel withConnected(String num, String connName) {
    return new Channel(
        name,
        state,
        callerNum,
        callerName,
        num,
        connName,
        language,
        accountCode,
        context,
        exten,
        priority,
        uniqueid,
        linkedid,
        createdAt,
        application,
        applicationData,
        bridgeId);
  }

  public Channel withDialplan(String newContext, String newExten, int newPriority) {
    return new Channel(
        name,
        state,
        callerNum,
        callerName,
        connectedNum,
        connectedName,
        language,
        accountCode,
        newContext,
        newExten,
        newPriority,
        uniqueid,
        linkedid,
        createdAt,
        application,
        applicationData,
        bridgeId);
  }

  public Channel withApplication(String app, String data) {
    return new Channel(
        name,
        state,
        callerNum,
        callerName,
        connectedNum,
        connectedName,
        language,
        accountCode,
        context,
        exten,
        priority,
        uniqueid,
        linkedid,
        createdAt,
        app,
        data,
        bridgeId);
  }

  public Channel withBridge(String newBridgeId) {
    return new Channel(
        name,
        state,
        callerNum,
        callerName,
        connectedNum,
        connectedName,
        language,
        accountCode,
        context,
        exten,
        priority,
        uniqueid,
        linkedid,
        createdAt,
        application,
        applicationData,
        newBridgeId);
  }

  /** Appends the snapshot fields, each key prefixed (empty, or {@code Dest} for the other leg). */
  public AmiMessage.Builder addTo(AmiMessage.Builder b, String prefix) {
    return b.add(prefix + "Channel", name)
        .add(prefix + "ChannelState", state)
        .add(prefix + "ChannelStateDesc", stateDesc(state))
        .add(prefix + "CallerIDNum", AmiText.orUnknown(callerNum))
        .add(prefix + "CallerIDName", AmiText.orUnknown(AmiText.escapeC(callerName)))
        .add(prefix + "ConnectedLineNum", AmiText.orUnknown(connectedNum))
        .add(prefix + "ConnectedLineName", AmiText.orUnknown(AmiText.escapeC(connectedName)))
        .add(prefix + "Language", language)
        .add(prefix + "AccountCode", accountCode)
        .add(prefix + "Context", context)
        .add(prefix + "Exten", exten)
        .add(prefix + "Priority", priority)
        .add(prefix + "Uniqueid", uniqueid)
        .add(prefix + "Linkedid", linkedid);
  }
}
