package dev.callcenter.helpdesk.timeline;

/** What a customer timeline entry shows. */
public enum TimelineKind {
  /** A contact on any channel; the entry id is the interaction's id. */
  INTERACTION,
  /** A ticket was opened; the entry id is the ticket's id. */
  TICKET_CREATED,
  /** A ticket field changed (status, assignee …); the entry id is the audit entry's id. */
  TICKET_CHANGE,
  /** A comment was added to a ticket; the entry id is the comment's id. */
  COMMENT
}
