package dev.callcenter.cti.call;

import java.time.Instant;

/** One channel of the call is gone, with the Q.850 cause (16 normal clearing, 17 busy …). */
public record CallHungUp(
    String callId, Instant at, String uniqueid, String channel, int cause, String causeText)
    implements CallEvent {}
