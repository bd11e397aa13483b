package dev.callcenter.helpdesk.ticket;

/** What an audit entry of a ticket records a change of. */
public enum AuditField {
  CREATED,
  STATUS,
  RESOLUTION,
  ASSIGNEE,
  TEAM,
  PRIORITY,
  TITLE,
  DESCRIPTION,
  TAGS,
  PRODUCT,
  PRODUCT_VERSION,
  PROMISED_BY,
  COMMENT,
  INTERACTION,
  REQUIRED_SKILLS,
  /** Why the assigner chose the assignee or left the ticket waiting in the team queue. */
  ASSIGNMENT_REASON
}
