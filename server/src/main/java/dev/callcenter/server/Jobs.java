package dev.callcenter.server;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic background work (SLA scan, tier job, session purge) on Vert.x timers; each run happens
 * on a worker thread and a run never overlaps the previous one of the same job.
 */
final class Jobs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Jobs.class);

  private final Vertx vertx;
  private final List<Long> timers = new ArrayList<>();

  Jobs(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Runs {@code work} every {@code interval}, first after one interval. */
  void every(String name, Duration interval, Runnable work) {
    if (interval.isZero() || interval.isNegative()) {
      log.info("Job {} disabled", name);
      return;
    }
    timers.add(
        vertx.setPeriodic(
            interval.toMillis(),
            id ->
                vertx.executeBlocking(
                    () -> {
                      try {
                        work.run();
                      } catch (RuntimeException e) {
                        log.error("Job {} failed; it runs again in {}", name, interval, e);
                      }
                      return null;
                    },
                    true)));
    log.info("Job {} runs every {}", name, interval);
  }

  @Override
  public void close() {
    timers.forEach(vertx::cancelTimer);
  }
}
