package dev.callcenter.cti.call;

import java.time.Duration;
import java.time.Instant;

/** An agent's phone rang for {@code ringTime} without being answered. */
public record AgentNoAnswer(
    String callId,
    Instant at,
    String queue,
    String agentInterface,
    String memberName,
    Duration ringTime)
    implements CallEvent {}
