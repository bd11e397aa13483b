package dev.callcenter.helpdesk.customer;

/** A customer is a person or a company; a person may belong to a company. */
public enum CustomerKind {
  PERSON,
  COMPANY
}
