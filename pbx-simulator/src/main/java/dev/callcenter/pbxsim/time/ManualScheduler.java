package dev.callcenter.pbxsim.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * Virtual time for deterministic tests: nothing runs until {@link #advance(Duration)} moves the
 * clock, then due tasks run in order on the caller's thread.
 */
public final class ManualScheduler implements SimScheduler {

  private record Task(Instant due, long seq, Runnable body, boolean[] cancelled) {}

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) -> {
            int c = a.due().compareTo(b.due());
            return c != 0 ? c : Long.compare(a.seq(), b.seq());
          });
  private volatile Instant now;
  private long seq;
  private final Clock clock = new VirtualClock(ZoneOffset.UTC);

  /** Reads the scheduler's current virtual instant. */
  private final class VirtualClock extends Clock {
    private final ZoneId zone;

    VirtualClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return new VirtualClock(newZone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  public ManualScheduler(Instant start) {
    this.now = start;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public synchronized Scheduled schedule(Duration delay, Runnable task) {
    boolean[] cancelled = {false};
    tasks.add(new Task(now.plus(delay), seq++, task, cancelled));
    return () -> {
      synchronized (ManualScheduler.this) {
        cancelled[0] = true;
      }
    };
  }

  /** Moves the clock forward by {@code step}, running every task that falls due, in order. */
  public void advance(Duration step) {
    Instant target;
    synchronized (this) {
      target = now.plus(step);
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.due().isAfter(target)) {
          now = target;
          return;
        }
        tasks.poll();
        if (next.due().isAfter(now)) {
          now = next.due();
        }
        if (next.cancelled()[0]) {
          continue;
        }
      }
      next.body().run();
    }
  }

  /** Runs the tasks due now (zero-delay work) without moving the clock. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** How many tasks wait, cancelled ones included. */
  public synchronized int pending() {
    return tasks.size();
  }

  @Override
  public void close() {
    synchronized (this) {
      tasks.clear();
    }
  }
}
