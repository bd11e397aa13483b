package dev.callcenter.cti.ivr.menu;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every menu the flows play: its key under {@code menus} in the menus file (the constant's name in
 * lower case with dashes) and what its keys may map to.
 */
public enum MenuName {
  /** Choices are the configured languages. */
  LANGUAGE(false, Set.of()),
  IDENTIFY(true, Set.of()),
  MAIN(false, MenuChoice.values(MenuAction.class)),
  TICKET_STATUS(false, MenuChoice.values(MenuChoice.AfterTicketStatus.class)),
  TICKET_NUMBER(true, Set.of()),
  /** Choices are product names, put on the ticket and used for routing. */
  PRODUCT(false, Set.of()),
  SERIAL(true, Set.of()),
  /** Played only with {@code technician-visit = true}, and required only then. */
  TECHNICIAN_VISIT(false, MenuChoice.values(MenuChoice.AfterVisit.class)),
  CALLBACK(false, MenuChoice.values(MenuChoice.CallbackNumber.class)),
  CALLBACK_NUMBER(true, Set.of()),
  SURVEY_RATING(false, Set.of("1", "2", "3", "4", "5")),
  SURVEY_SOLVED(false, MenuChoice.values(MenuChoice.Solved.class));

  private final boolean entry;
  private final Set<String> choiceValues;

  MenuName(boolean entry, Set<String> choiceValues) {
    this.entry = entry;
    this.choiceValues = Set.copyOf(choiceValues);
  }

  /** The menu's key under {@code menus} in the menus file. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the caller keys in a number (ended by {@code #}) rather than picking a choice. */
  public boolean entry() {
    return entry;
  }

  /** The values a choice may map to; empty when any value will do (or for an entry). */
  public Set<String> choiceValues() {
    return choiceValues;
  }

  /** The menu with this key in the menus file. */
  public static Optional<MenuName> byKey(String key) {
    for (MenuName m : values()) {
      if (m.key().equals(key)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
