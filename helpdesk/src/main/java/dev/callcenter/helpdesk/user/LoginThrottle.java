package dev.callcenter.helpdesk.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows password guessing without locking anyone out. Two rules over the failures of the last
 * {@code window}, kept in the database so they hold across nodes and restarts:
 *
 * <ul>
 *   <li>per username <em>and</em> client address: after {@code freePerUser} failures each further
 *       attempt must wait twice as long as the one before (1 s, 2 s, 4 s … at most the window). The
 *       same username from another address is not slowed, so an attacker cannot lock a colleague
 *       out;
 *   <li>per client address across usernames (credential stuffing): once more than {@code
 *       freeUsernamesPerAddress} different usernames failed from it, the address waits likewise.
 * </ul>
 *
 * A correct password from an address that did not fail is never refused.
 */
public final class LoginThrottle {

  private final LoginFailures failures;
  private final int freePerUser;
  private final int freeUsernamesPerAddress;
  private final Duration window;
  private final Clock clock;

  public LoginThrottle(
      LoginFailures failures,
      int freePerUser,
      int freeUsernamesPerAddress,
      Duration window,
      Clock clock) {
    this.failures = failures;
    this.freePerUser = freePerUser;
    this.freeUsernamesPerAddress = freeUsernamesPerAddress;
    this.window = window;
    this.clock = clock;
  }

  /** Seconds until another attempt is allowed, or 0 when the attempt may proceed. */
  public long retryAfterSeconds(String username, String address) {
    Instant now = clock.instant();
    LoginFailures.Recent recent = failures.recent(key(username), address, now.minus(window));
    return Math.max(
        wait(recent.pairFailures() - freePerUser, recent.pairLast(), now),
        wait(recent.addressUsernames() - freeUsernamesPerAddress, recent.addressLast(), now));
  }

  public void recordFailure(String username, String address) {
    failures.add(key(username), address, clock.instant());
  }

  /** A correct password from this address: its earlier failures for this username are forgiven. */
  public void recordSuccess(String username, String address) {
    failures.clear(key(username), address);
  }

  /** Forgets failures that no longer count. */
  public int purge() {
    return failures.purge(clock.instant().minus(window));
  }

  /** The delay after {@code excess} failures beyond the free ones, counted from {@code last}. */
  private long wait(int excess, Instant last, Instant now) {
    if (excess < 0 || last == null) {
      return 0;
    }
    Duration delay = Duration.ofSeconds(1L << Math.min(excess, 30));
    if (delay.compareTo(window) > 0) {
      delay = window;
    }
    Duration left = Duration.between(now, last.plus(delay));
    if (left.isNegative() || left.isZero()) {
      return 0;
    }
    return Math.max(1, (left.toMillis() + 999) / 1000);
  }

  private static String key(String username) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return name.length() <= 100 ? name : name.substring(0, 100);
  }
}
