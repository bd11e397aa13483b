package dev.callcenter.helpdesk.ticket;

import java.time.Instant;

/**
 * A stored comment on a ticket.
 *
 * @param authorId the user who wrote it, null when the system recorded it
 */
public record Comment(
    long id,
    long ticketId,
    CommentVisibility visibility,
    Long authorId,
    String body,
    Instant createdAt) {}
