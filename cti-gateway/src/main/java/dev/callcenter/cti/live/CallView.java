package dev.callcenter.cti.live;

import dev.callcenter.cti.call.CallCompleted;
import dev.callcenter.cti.call.CallerId;
import java.time.Instant;

/**
 * One call as the gateway sees it at a moment: an immutable copy handed to listeners.
 *
 * @param callId Asterisk's Linkedid
 * @param uniqueid the caller's channel Uniqueid
 * @param channel the caller's channel name, for transfer and hangup
 * @param answeredBy the interface of the agent who answered, null until answered
 * @param lastRungInterface the last agent phone that rang for this call
 * @param waitSeconds time in queue until answered or abandoned
 * @param holdSeconds time on hold during the call (Hold … Unhold, summed)
 * @param endedBy who hung up a completed call
 * @param recording the recording reference the dialplan set, if any
 */
public record CallView(
    String callId,
    String uniqueid,
    String channel,
    CallerId caller,
    String queue,
    Instant offeredAt,
    Instant queuedAt,
    Instant answeredAt,
    Instant endedAt,
    String answeredBy,
    String lastRungInterface,
    long waitSeconds,
    long ringSeconds,
    long talkSeconds,
    long holdSeconds,
    boolean abandoned,
    Integer hangupCause,
    String hangupCauseText,
    CallCompleted.EndedBy endedBy,
    String recording) {

  public boolean answered() {
    return answeredAt != null;
  }
}
