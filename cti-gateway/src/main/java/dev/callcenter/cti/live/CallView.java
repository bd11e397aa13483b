package dev.callcenter.cti.live;

import dev.callcenter.cti.call.CallCompleted;
import dev.callcenter.cti.call.CallerId;
import java.time.Instant;

/**
 * One call as the gateway sees it at a moment, or one agent's part of it (from their answer to
 * their hang-up, for a transferred call): an immutable copy handed to listeners.
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
 * @param transferredFrom set when an agent transferred the call into the queue it is in now
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
    String recording,
    Transfer transferredFrom) {

  public boolean answered() {
    return answeredAt != null;
  }

  /**
   * Who passed the call on.
   *
   * @param agentInterface the phone of the agent who transferred it
   * @param userId that agent's user, null when nobody we know has that phone
   * @param agentName their display name, else the queue's member name
   * @param queue the queue the call was in when that agent answered it
   * @param at when the transfer began
   */
  public record Transfer(
      String agentInterface, Long userId, String agentName, String queue, Instant at) {}
}
