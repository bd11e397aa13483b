package dev.callcenter.cti.call;

import java.time.Instant;

/** An agent left {@code queue}. */
public record MemberRemoved(Instant at, String queue, String agentInterface, String memberName)
    implements MemberEvent {}
