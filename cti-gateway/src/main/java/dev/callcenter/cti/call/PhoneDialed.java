package dev.callcenter.cti.call;

import java.time.Instant;

/**
 * The dialplan's {@code Dial} rings a phone for this call outside any queue (a transfer to an
 * extension, or a number routed straight to a phone): Asterisk's {@code DialBegin}.
 *
 * @param dialerUniqueid the channel that dials (the caller's, for a transfer)
 * @param agentInterface the ringing phone's endpoint, e.g. {@code PJSIP/1002}
 * @param agentUniqueid the phone's channel, whose hang-up ends the part it answers
 * @param caller the calling party, not the phone
 */
public record PhoneDialed(
    String callId,
    Instant at,
    String dialerUniqueid,
    String agentInterface,
    String agentUniqueid,
    CallerId caller)
    implements CallEvent {}
