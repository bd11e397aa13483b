package dev.callcenter.pbxsim.ami;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Per-action faults: reject or delay the next N actions of a given name. */
public final class ActionFaults {

  /** What to do with one incoming action. */
  public sealed interface Fault {}

  /** Answer {@code Response: Error} with {@code message} instead of handling it. */
  public record Reject(String message) implements Fault {}

  /** Handle it only after {@code delay} (on the simulator scheduler). */
  public record Delay(Duration delay) implements Fault {}

  private record Rule(String action, Fault fault, int[] remaining) {}

  private final List<Rule> rules = new ArrayList<>();

  /** The next {@code count} actions named {@code action} get {@code Response: Error}. */
  public synchronized void rejectNext(String action, int count, String message) {
    add(action, count, new Reject(message));
  }

  /** The next {@code count} actions named {@code action} are answered {@code delay} later. */
  public synchronized void delayNext(String action, int count, Duration delay) {
    add(action, count, new Delay(delay));
  }

  public synchronized void clear() {
    rules.clear();
  }

  private void add(String action, int count, Fault fault) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
    rules.add(new Rule(action.toLowerCase(Locale.ROOT), fault, new int[] {count}));
  }

  /** The fault for this action, consuming one use of the first matching rule, or null. */
  synchronized Fault take(String action) {
    String name = action.toLowerCase(Locale.ROOT);
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule r = it.next();
      if (r.action().equals(name)) {
        if (--r.remaining()[0] == 0) {
          it.remove();
        }
        return r.fault();
      }
    }
    return null;
  }
}
