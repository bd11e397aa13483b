package dev.callcenter.pbxsim.time;

import java.time.Clock;
import java.time.Duration;

/** Runs simulator work later; tests use {@link ManualScheduler} to move time by hand. */
public interface SimScheduler extends AutoCloseable {

  /** The clock every timestamp, uptime and duration of the simulator is read from. */
  Clock clock();

  /** Runs {@code task} once after {@code delay}; a zero delay still runs it on the scheduler. */
  Scheduled schedule(Duration delay, Runnable task);

  @Override
  void close();

  /** A task that may still be cancelled. */
  interface Scheduled {
    void cancel();
  }
}
