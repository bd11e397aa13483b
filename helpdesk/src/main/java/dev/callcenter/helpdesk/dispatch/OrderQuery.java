package dev.callcenter.helpdesk.dispatch;

import java.time.Instant;

/**
 * Which orders to list: those whose window or planned start touches [from, to), optionally of one
 * technician or ticket and in one status.
 */
public record OrderQuery(
    Instant from, Instant to, Long technicianId, Long ticketId, DispatchStatus status, int limit) {}
