package dev.callcenter.helpdesk.interaction;

/** Who started the contact. */
public enum Direction {
  INBOUND,
  OUTBOUND,
  INTERNAL
}
