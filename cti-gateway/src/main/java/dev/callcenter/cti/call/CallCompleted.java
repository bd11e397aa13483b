package dev.callcenter.cti.call;

import java.time.Instant;

/** An answered queue call ended; {@code endedBy} says which side ended it. */
public record CallCompleted(
    String callId,
    Instant at,
    String queue,
    String agentInterface,
    String memberName,
    long talkSeconds,
    long holdSeconds,
    EndedBy endedBy)
    implements CallEvent {

  /** Who ended an answered call. */
  public enum EndedBy {
    CALLER,
    AGENT,
    TRANSFER,
    /** A reason this gateway does not know; the call is over all the same. */
    OTHER;

    /** Maps app_queue's {@code Reason} ({@code caller|agent|transfer}). */
    public static EndedBy fromReason(String reason) {
      if (reason == null) {
        return OTHER;
      }
      return switch (reason.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "caller" -> CALLER;
        case "agent" -> AGENT;
        case "transfer" -> TRANSFER;
        default -> OTHER;
      };
    }
  }
}
