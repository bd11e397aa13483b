package dev.callcenter.helpdesk.interaction;

import java.time.Instant;

/** A recorded contact with a customer. */
public record Interaction(
    long id,
    Long customerId,
    Channel channel,
    Direction direction,
    Instant startedAt,
    Instant endedAt,
    Long agentId,
    String agentName,
    String summary,
    CallDetails call,
    Instant createdAt) {}
