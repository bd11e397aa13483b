package dev.callcenter.pbxsim.ami;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Open/closed switch that session threads wait on while the PBX is frozen. */
final class Gate {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition opened = lock.newCondition();
  private boolean open = true;

  void close() {
    lock.lock();
    try {
      open = false;
    } finally {
      lock.unlock();
    }
  }

  void open() {
    lock.lock();
    try {
      open = true;
      opened.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean isOpen() {
    lock.lock();
    try {
      return open;
    } finally {
      lock.unlock();
    }
  }

  /** Blocks while closed; a frozen PBX has no deadline, so neither has this wait. */
  void awaitOpen() throws InterruptedException {
    lock.lock();
    try {
      while (!open) {
        opened.await();
      }
    } finally {
      lock.unlock();
    }
  }
}
