package dev.callcenter.helpdesk.dispatch.field;

import dev.callcenter.helpdesk.dispatch.DispatchStatus;

/** What a technician reports from the field; the status steps move the order along. */
public enum FieldActionType {
  EN_ROUTE(DispatchStatus.EN_ROUTE),
  ARRIVED(DispatchStatus.ON_SITE),
  /** Work began on site: a timestamp, the order stays on-site. */
  STARTED(null),
  LABOUR_START(null),
  LABOUR_STOP(null),
  LABOUR_ENTERED(null),
  PART_USED(null),
  EXPENSE(null),
  NOTES(null),
  SIGNATURE(null),
  COMPLETED(DispatchStatus.COMPLETED),
  CANNOT_COMPLETE(DispatchStatus.CANNOT_COMPLETE);

  private final DispatchStatus moveTo;

  FieldActionType(DispatchStatus moveTo) {
    this.moveTo = moveTo;
  }

  /** The status the order moves to, null for actions that record work without moving it. */
  public DispatchStatus moveTo() {
    return moveTo;
  }
}
