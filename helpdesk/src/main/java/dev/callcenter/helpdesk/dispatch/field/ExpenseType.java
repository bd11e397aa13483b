package dev.callcenter.helpdesk.dispatch.field;

/** Kinds of out-of-pocket expense a technician records on an order. */
public enum ExpenseType {
  TRAVEL,
  PARKING,
  TOLL,
  MEAL,
  MATERIAL,
  OTHER
}
