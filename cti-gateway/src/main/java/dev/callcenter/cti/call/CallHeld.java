package dev.callcenter.cti.call;

import java.time.Instant;

/** A party of the call put it on hold ({@code Hold}) or took it off ({@code Unhold}). */
public record CallHeld(String callId, Instant at, String channel, boolean held)
    implements CallEvent {}
