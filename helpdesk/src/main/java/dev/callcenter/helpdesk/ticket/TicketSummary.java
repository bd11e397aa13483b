package dev.callcenter.helpdesk.ticket;

import java.time.Instant;

/** The fields of a ticket shown in lists and on the screen pop. */
public record TicketSummary(
    long id,
    TicketType type,
    TicketStatus status,
    Priority priority,
    String title,
    long customerId,
    Long assigneeId,
    String team,
    Instant createdAt,
    Instant updatedAt,
    Instant firstResponseDueAt,
    Instant resolutionDueAt) {}
