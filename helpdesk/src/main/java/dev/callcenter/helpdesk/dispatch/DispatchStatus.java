package dev.callcenter.helpdesk.dispatch;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a dispatch order stands: unscheduled → scheduled → en-route → on-site → completed or
 * cannot-complete (with a reason) → closed; cancelled from any state before work is done.
 */
public enum DispatchStatus {
  UNSCHEDULED,
  SCHEDULED,
  EN_ROUTE,
  ON_SITE,
  COMPLETED,
  CANNOT_COMPLETE,
  CLOSED,
  CANCELLED;

  /** The states this one may move to. */
  public Set<DispatchStatus> next() {
    return switch (this) {
      case UNSCHEDULED -> EnumSet.of(SCHEDULED, CANCELLED);
      case SCHEDULED -> EnumSet.of(UNSCHEDULED, EN_ROUTE, CANCELLED);
      case EN_ROUTE -> EnumSet.of(SCHEDULED, ON_SITE, CANCELLED);
      case ON_SITE -> EnumSet.of(COMPLETED, CANNOT_COMPLETE);
      case COMPLETED, CANNOT_COMPLETE -> EnumSet.of(CLOSED);
      case CLOSED, CANCELLED -> EnumSet.noneOf(DispatchStatus.class);
    };
  }

  public boolean canMoveTo(DispatchStatus to) {
    return next().contains(to);
  }

  /** Work has begun: re-planning keeps the visit where it is. */
  public boolean started() {
    return this == EN_ROUTE || this == ON_SITE;
  }

  /** Still to be done or being done: planned and shown on the board. */
  public boolean open() {
    return this == UNSCHEDULED || this == SCHEDULED || started();
  }

  /** The steps a technician reports from the field on their own order. */
  public boolean fieldStep() {
    return this == EN_ROUTE || this == ON_SITE || this == COMPLETED || this == CANNOT_COMPLETE;
  }
}
