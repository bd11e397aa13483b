package dev.callcenter.cti.call;

import java.time.Instant;

/** An agent was paused or unpaused in {@code queue}; {@code reason} may be null. */
public record MemberPaused(
    Instant at,
    String queue,
    String agentInterface,
    String memberName,
    boolean paused,
    String reason)
    implements MemberEvent {}
