package dev.callcenter.cti.ivr.menu;

/**
 * What a key of the main menu does; each action has its flow ({@code MainMenuFlow.flowFor}), and
 * the loader refuses a {@code menus.main.choices} value that is not one of these.
 */
public enum MenuAction implements MenuChoice {
  TICKET_STATUS,
  REPORT_FAULT,
  /** Hear, confirm or reschedule the next visit; offered with {@code technician-visit = true}. */
  TECHNICIAN_VISIT,
  CALLBACK,
  AGENT
}
