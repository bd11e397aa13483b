package dev.callcenter.helpdesk.interaction;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;

/**
 * PBX facts about a phone interaction. All fields optional.
 *
 * @param hangupBy who ended the call: CALLER, AGENT, TRANSFER or OTHER
 */
public record CallDetails(
    String uniqueid,
    String linkedid,
    String queue,
    String callerNumber,
    Integer waitSeconds,
    Integer ringSeconds,
    Integer talkSeconds,
    Integer holdSeconds,
    String hangupCause,
    String recordingRef,
    String hangupBy) {

  /** Who ended a call, as Asterisk's {@code AgentComplete} reports it. */
  public static final java.util.Set<String> HANGUP_BY =
      java.util.Set.of("CALLER", "AGENT", "TRANSFER", "OTHER");

  public CallDetails {
    uniqueid = Fields.optional("call.uniqueid", uniqueid, 150);
    linkedid = Fields.optional("call.linkedid", linkedid, 150);
    queue = Fields.optional("call.queue", queue, 80);
    callerNumber = Fields.optional("call.callerNumber", callerNumber, 80);
    hangupCause = Fields.optional("call.hangupCause", hangupCause, 80);
    recordingRef = Fields.optional("call.recordingRef", recordingRef, 500);
    if (hangupBy != null && !HANGUP_BY.contains(hangupBy)) {
      throw new ValidationException("call.hangupBy", "must be one of " + HANGUP_BY);
    }
    nonNegative("call.waitSeconds", waitSeconds);
    nonNegative("call.ringSeconds", ringSeconds);
    nonNegative("call.talkSeconds", talkSeconds);
    nonNegative("call.holdSeconds", holdSeconds);
  }

  private static void nonNegative(String field, Integer value) {
    if (value != null && value < 0) {
      throw new ValidationException(field, "must not be negative");
    }
  }
}
