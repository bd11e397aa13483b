package dev.callcenter.helpdesk.ticket;

/** A change of one ticket field, as text, about to be written to the audit trail. */
public record AuditChange(AuditField field, String oldValue, String newValue) {}
