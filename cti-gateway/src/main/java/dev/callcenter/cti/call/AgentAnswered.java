package dev.callcenter.cti.call;

import java.time.Instant;

/** An agent answered the queued call after the caller waited and the agent's phone rang. */
public record AgentAnswered(
    String callId,
    Instant at,
    String queue,
    String agentInterface,
    String memberName,
    long holdSeconds,
    long ringSeconds)
    implements CallEvent {}
