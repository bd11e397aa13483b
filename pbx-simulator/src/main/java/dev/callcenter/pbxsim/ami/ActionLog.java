package dev.callcenter.pbxsim.ami;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/** Every action received, queryable and awaitable by tests. */
public final class ActionLog {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition added = lock.newCondition();
  private final List<RecordedAction> actions = new ArrayList<>();

  void record(RecordedAction action) {
    lock.lock();
    try {
      actions.add(action);
      added.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public List<RecordedAction> all() {
    lock.lock();
    try {
      return List.copyOf(actions);
    } finally {
      lock.unlock();
    }
  }

  /** The actions named {@code name} (case-insensitive), in arrival order. */
  public List<RecordedAction> named(String name) {
    return all().stream().filter(a -> a.name().equalsIgnoreCase(name)).toList();
  }

  public void clear() {
    lock.lock();
    try {
      actions.clear();
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code timeout} for an action matching {@code match}, received at any time. */
  public Optional<RecordedAction> await(Predicate<RecordedAction> match, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        for (RecordedAction a : actions) {
          if (match.test(a)) {
            return Optional.of(a);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        added.await(left, TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  public Optional<RecordedAction> awaitNamed(String name, Duration timeout)
      throws InterruptedException {
    return await(a -> a.name().equalsIgnoreCase(name), timeout);
  }
}
