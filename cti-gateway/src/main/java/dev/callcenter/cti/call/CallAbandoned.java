package dev.callcenter.cti.call;

import java.time.Instant;

/** The caller hung up while waiting in {@code queue}. */
public record CallAbandoned(
    String callId, Instant at, String queue, int position, int originalPosition, long holdSeconds)
    implements CallEvent {}
