package dev.callcenter.helpdesk.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username and per client address in a sliding window and refuses further
 * attempts once a limit is reached. In memory, per node.
 */
public final class LoginThrottle {

  private final int maxPerUser;
  private final int maxPerAddress;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(int maxPerUser, int maxPerAddress, Duration window, Clock clock) {
    this.maxPerUser = maxPerUser;
    this.maxPerAddress = maxPerAddress;
    this.window = window;
    this.clock = clock;
  }

  /** Seconds until another attempt is allowed, or 0 when the attempt may proceed. */
  public long retryAfterSeconds(String username, String address) {
    Instant now = clock.instant();
    return Math.max(
        blockedFor(userKey(username), maxPerUser, now),
        blockedFor(addressKey(address), maxPerAddress, now));
  }

  public void recordFailure(String username, String address) {
    Instant now = clock.instant();
    add(userKey(username), now);
    add(addressKey(address), now);
  }

  public void recordSuccess(String username) {
    failures.remove(userKey(username));
  }

  private long blockedFor(String key, int max, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      prune(times, now);
      if (times.size() < max) {
        return 0;
      }
      Instant oldest = times.peekFirst();
      return Math.max(1, Duration.between(now, oldest.plus(window)).toSeconds());
    }
  }

  private void add(String key, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, now);
      times.addLast(now);
    }
  }

  private void prune(Deque<Instant> times, Instant now) {
    Instant cutoff = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.pollFirst();
    }
  }

  private static String userKey(String username) {
    return "u:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "a:" + address;
  }
}
