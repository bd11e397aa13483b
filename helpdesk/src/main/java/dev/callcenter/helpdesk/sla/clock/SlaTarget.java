package dev.callcenter.helpdesk.sla.clock;

/** The two SLA clocks every ticket runs. */
public enum SlaTarget {
  FIRST_RESPONSE,
  RESOLUTION
}
