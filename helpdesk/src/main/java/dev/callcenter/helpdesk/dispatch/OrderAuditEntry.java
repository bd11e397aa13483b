package dev.callcenter.helpdesk.dispatch;

import java.time.Instant;

/**
 * One change of a dispatch order.
 *
 * @param actorId who made it, null for the system (the optimiser)
 * @param address the client address it came from, null for the system
 * @param action what was done: created, edited, scheduled, unscheduled, pinned, unpinned, status
 * @param detail what changed, in words a dispatcher reads
 */
public record OrderAuditEntry(
    long id,
    long orderId,
    Instant at,
    Long actorId,
    String address,
    String action,
    DispatchStatus fromStatus,
    DispatchStatus toStatus,
    String detail) {}
