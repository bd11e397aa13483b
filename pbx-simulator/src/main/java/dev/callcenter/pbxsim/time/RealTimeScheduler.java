package dev.callcenter.pbxsim.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wall-clock scheduling on one daemon thread, for demos and benchmarks. */
public final class RealTimeScheduler implements SimScheduler {
  private static final Logger log = LoggerFactory.getLogger(RealTimeScheduler.class);

  private final Clock clock;
  private final ScheduledExecutorService executor;

  public RealTimeScheduler(Clock clock) {
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pbxsim-scheduler");
              t.setDaemon(true);
              return t;
            });
  }

  public static RealTimeScheduler systemUtc() {
    return new RealTimeScheduler(Clock.systemUTC());
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Scheduled schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> f =
        executor.schedule(() -> runLogged(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  private static void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("Simulator task failed", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
