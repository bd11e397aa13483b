package dev.callcenter.helpdesk.followup;

/** Where a follow-up stands: still to chase, chased, or no longer needed. */
public enum FollowUpStatus {
  OPEN,
  DONE,
  CANCELLED
}
