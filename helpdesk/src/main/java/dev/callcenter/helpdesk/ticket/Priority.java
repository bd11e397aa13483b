package dev.callcenter.helpdesk.ticket;

/** How urgent a ticket is; part of the SLA policy key. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
