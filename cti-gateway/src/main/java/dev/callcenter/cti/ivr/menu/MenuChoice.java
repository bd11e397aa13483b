package dev.callcenter.cti.ivr.menu;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fixed value of a choice menu, spelled in the menus file as its constant's name in lower case
 * with dashes ({@code TICKET_STATUS} is {@code ticket-status}); the loader accepts no other value.
 */
public interface MenuChoice {

  /** The constant's name, as every enum has. */
  String name();

  /** The value as the menus file spells it. */
  default String value() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** After the open tickets were read: an agent about them, another ticket, the main menu. */
  enum AfterTicketStatus implements MenuChoice {
    AGENT,
    BY_NUMBER,
    MAIN
  }

  /** After the next technician visit was read: confirm it, ask to reschedule, an agent, main. */
  enum AfterVisit implements MenuChoice {
    CONFIRM,
    RESCHEDULE,
    AGENT,
    MAIN
  }

  /** Which number a callback goes to. */
  enum CallbackNumber implements MenuChoice {
    THIS_NUMBER,
    OTHER_NUMBER
  }

  /** The survey's "was your problem solved?". */
  enum Solved implements MenuChoice {
    YES,
    NO
  }

  /**
   * The constant of {@code type} that the menus file spells {@code value}.
   *
   * @throws IllegalArgumentException if there is none (the loader refuses such a file)
   */
  static <E extends Enum<E> & MenuChoice> E of(Class<E> type, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.value().equals(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not one of " + values(type));
  }

  /** Every value of {@code type} as the menus file spells it, sorted. */
  static <E extends Enum<E> & MenuChoice> Set<String> values(Class<E> type) {
    Set<String> values = new TreeSet<>();
    for (E e : type.getEnumConstants()) {
      values.add(e.value());
    }
    return values;
  }
}
