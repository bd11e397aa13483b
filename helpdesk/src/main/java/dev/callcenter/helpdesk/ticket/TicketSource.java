package dev.callcenter.helpdesk.ticket;

/** Where a ticket was raised. */
public enum TicketSource {
  AGENT,
  IVR,
  WEB,
  EMAIL,
  PHONE
}
