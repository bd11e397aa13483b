package dev.callcenter.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Polls for a state that has no event to wait on (a simulator's member list, a row written by
 * another thread), up to a deadline. Never a fixed sleep: it returns as soon as the value is there.
 */
public final class Poll {
  private Poll() {}

  /** The first present value of {@code probe}, or an {@link AssertionError} naming {@code what}. */
  public static <T> T until(String what, Supplier<Optional<T>> probe, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }
}
