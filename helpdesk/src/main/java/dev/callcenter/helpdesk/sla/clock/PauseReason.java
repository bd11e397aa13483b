package dev.callcenter.helpdesk.sla.clock;

/** Why the resolution clock of a ticket did not run for a while. */
public enum PauseReason {
  /** The ticket waited for the customer. */
  PENDING_CUSTOMER,
  /** The ticket was resolved and later reopened. */
  RESOLVED
}
