package dev.callcenter.helpdesk.ticket;

import java.time.Instant;

/**
 * One recorded change of a ticket: who changed which field when, from what to what (as text).
 *
 * @param actorId the user, null when the system made the change
 */
public record AuditEntry(
    long id,
    long ticketId,
    Long actorId,
    Instant at,
    AuditField field,
    String oldValue,
    String newValue) {}
