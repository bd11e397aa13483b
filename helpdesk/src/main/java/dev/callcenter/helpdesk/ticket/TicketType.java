package dev.callcenter.helpdesk.ticket;

/** What a ticket is about; part of the SLA policy key. */
public enum TicketType {
  FAULT_REPORT,
  COMPLAINT,
  SERVICE_REQUEST,
  QUESTION
}
