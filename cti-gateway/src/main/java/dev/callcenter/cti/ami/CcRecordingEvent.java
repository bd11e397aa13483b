package dev.callcenter.cti.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent(CcRecording,Recording: <file>)} from the sample dialplan's {@code cc-record}
 * right after it starts MixMonitor: the call's recording reference. A user event travels in the AMI
 * class {@code user}, which the gateway reads anyway, so the high-volume {@code dialplan} class
 * (every {@code VarSet} and {@code Newexten}) need not be enabled. Asterisk adds the channel's
 * fields, {@code Linkedid} among them. The class name must be the event's name plus "Event" for
 * Asterisk-Java to map it.
 */
public final class CcRecordingEvent extends UserEvent {
  private static final long serialVersionUID = 1L;

  private String linkedid;
  private String recording;

  public CcRecordingEvent(Object source) {
    super(source);
  }

  public String getLinkedid() {
    return linkedid;
  }

  public void setLinkedid(String linkedid) {
    this.linkedid = linkedid;
  }

  public String getRecording() {
    return recording;
  }

  public void setRecording(String recording) {
    this.recording = recording;
  }
}
