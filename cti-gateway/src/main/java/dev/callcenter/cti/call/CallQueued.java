package dev.callcenter.cti.call;

import java.time.Instant;

/** The caller entered {@code queue} at {@code position} (1 is next). */
public record CallQueued(String callId, Instant at, String queue, int position)
    implements CallEvent {}
