package dev.callcenter.helpdesk.ivr;

/**
 * What came of one IVR step, as a code with parameters (all values strings) that the page words in
 * the user's language. The step's {@code menu} says where it happened, its {@code input} what the
 * caller keyed.
 */
public enum IvrStepCode {
  /** A menu choice; {@code value} is the configured choice (e.g. {@code agent}, {@code en}). */
  CHOSE,
  /** Digits entered in an entry menu (the digits are the step's input). */
  ENTERED,
  /** Keys that are no choice of the menu. */
  INVALID,
  /** Nothing keyed before the timeout. */
  NO_INPUT,
  /** An optional entry left empty. */
  SKIPPED,
  /** The menu gave up; {@code tries}. */
  GAVE_UP,
  /** The caller number found one customer; {@code customerId}. */
  KNOWN_BY_NUMBER,
  /** The caller number did not identify one customer; {@code lookup} (UNKNOWN, AMBIGUOUS …). */
  NOT_KNOWN_BY_NUMBER,
  /** Identified by a number the caller keyed; {@code customerId}. */
  IDENTIFIED,
  /** The keyed number matched nobody; {@code strike}. */
  NO_MATCH,
  /** The menu language is the customer's preference; {@code language}. */
  LANGUAGE_PREFERRED,
  /** No language chosen: the default; {@code language}. */
  LANGUAGE_DEFAULT,
  /** The caller has no open tickets. */
  NO_OPEN_TICKETS,
  /** Open tickets read out; {@code read}, {@code open}, {@code ticketIds} (comma-separated). */
  OPEN_TICKETS_READ,
  /** A ticket number that is not the caller's or does not exist. */
  TICKET_NOT_FOUND,
  /** One ticket read out; {@code ticketId}, {@code status} (a TicketStatus). */
  TICKET_READ,
  /** A resolved ticket rated; {@code ticketId}, {@code rating}. */
  RATED,
  /** A resolved ticket not rated; {@code ticketId}. */
  NOT_RATED,
  /** A fault report ticket created; {@code ticketId}, {@code product}. */
  FAULT_REPORTED,
  /** The caller has no scheduled technician visit. */
  NO_VISIT,
  /**
   * The next scheduled visit read out; {@code orderId}, {@code ticketId}, {@code visits} (how many
   * are scheduled; only the next is read).
   */
  VISIT_READ,
  /** The caller confirmed the visit; {@code orderId}. */
  VISIT_CONFIRMED,
  /** The caller asked to reschedule the visit; {@code orderId}, {@code followUpId}. */
  VISIT_RESCHEDULE_ASKED,
  /** A callback booked; {@code followUpId}, {@code queue}. */
  CALLBACK_BOOKED,
  /**
   * Sent to an agent; {@code reason} (ASKED, NO_CHOICE, NOT_IDENTIFIED, NO_PRODUCT,
   * NO_CALLBACK_NUMBER, ABOUT_TICKET, BACKEND_FAILURE, ERROR), {@code queue}, {@code priority},
   * {@code ticketId} when the reason is ABOUT_TICKET.
   */
  TO_AGENT,
  /** The help desk failed (the details are in the server log, not here). */
  FAILED,
  /** The caller hung up in the menu. */
  HUNG_UP
}
