package dev.callcenter.helpdesk.sla.clock;

/** Which point of an SLA clock was reached: the warning share or the target itself. */
public enum SlaEventKind {
  WARNING,
  BREACH
}
