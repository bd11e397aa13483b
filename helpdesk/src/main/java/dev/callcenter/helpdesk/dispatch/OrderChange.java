package dev.callcenter.helpdesk.dispatch;

import java.time.Instant;

/**
 * A dispatch order changed (created, edited, scheduled, moved, pinned, a status step): what the
 * dispatchers' boards need to know to refresh the day it is on.
 *
 * @param action the audit trail's action: created, edited, scheduled, unscheduled, pinned,
 *     unpinned, status
 * @param technicianId the technician it is planned on now, null when unscheduled
 * @param plannedStart when work is planned to start now, null when unscheduled
 * @param byUserId who changed it, null for the system
 */
public record OrderChange(
    long orderId,
    String action,
    DispatchStatus status,
    Long technicianId,
    Instant plannedStart,
    Instant windowStart,
    Long byUserId) {

  static OrderChange of(DispatchOrder o, String action, Actor actor) {
    return new OrderChange(
        o.id(),
        action,
        o.status(),
        o.technicianId(),
        o.plannedStart(),
        o.windowStart(),
        actor.userId());
  }
}
