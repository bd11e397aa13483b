package dev.callcenter.helpdesk.ticket;

/** The two SLA clocks every ticket runs. */
public enum SlaTarget {
  FIRST_RESPONSE,
  RESOLUTION
}
