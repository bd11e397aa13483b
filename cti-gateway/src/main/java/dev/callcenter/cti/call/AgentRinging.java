package dev.callcenter.cti.call;

import java.time.Instant;

/** The queue rings an agent for this call; {@code caller} is the queued caller, not the agent. */
public record AgentRinging(
    String callId,
    Instant at,
    String queue,
    String agentInterface,
    String memberName,
    CallerId caller)
    implements CallEvent {}
