package dev.callcenter.helpdesk.ticket;

import java.time.Instant;

/** The status of a ticket with the instants and resolution that go with it. */
public record Lifecycle(
    TicketStatus status,
    String resolution,
    Instant firstResponseAt,
    Instant resolvedAt,
    Instant closedAt) {}
