package dev.callcenter.cti.call;

import java.time.Instant;

/** An agent became a member of {@code queue}. */
public record MemberAdded(Instant at, String queue, String agentInterface, String memberName)
    implements MemberEvent {}
