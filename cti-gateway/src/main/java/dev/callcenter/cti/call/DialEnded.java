package dev.callcenter.cti.call;

import java.time.Instant;

/**
 * The end of a {@link PhoneDialed}'s ringing: Asterisk's {@code DialEnd}, answered when its {@code
 * DialStatus} is {@code ANSWER}, otherwise why not ({@code NOANSWER}, {@code BUSY}, {@code CANCEL},
 * {@code CHANUNAVAIL}…).
 */
public record DialEnded(
    String callId, Instant at, String agentInterface, String agentUniqueid, String status)
    implements CallEvent {
  public boolean answered() {
    return "ANSWER".equalsIgnoreCase(status);
  }
}
