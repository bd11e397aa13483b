package dev.callcenter.helpdesk.ticket;

/** Which point of an SLA clock was reached: the warning share or the target itself. */
public enum SlaEventKind {
  WARNING,
  BREACH
}
