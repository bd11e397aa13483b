package dev.callcenter.kb.library;

import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.kb.article.ImportReport;
import java.io.BufferedReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON Lines imports run in the background, one at a time in the order started, each with its
 * progress (lines read, articles stored, bad lines) and a cancel that stops it between two batches,
 * so that what was imported is both in the database and in the index. The last {@link #KEPT}
 * finished jobs are remembered (in memory: a restart forgets them, not their articles).
 */
public final class ImportJobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

  /** Finished jobs kept for their reports. */
  static final int KEPT = 20;

  /** Where a job is. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    CANCELLED,
    FAILED
  }

  /**
   * A job as its starter sees it.
   *
   * @param report what is stored so far (every article counted is in the database and the index)
   * @param failure why a FAILED job stopped, else null
   */
  public record Job(
      String id,
      State state,
      Long startedBy,
      Instant queuedAt,
      Instant finishedAt,
      ImportReport report,
      String failure) {}

  private final KnowledgeBaseService knowledgeBase;
  private final Clock clock;
  private final ExecutorService runner;
  private final Map<String, Running> jobs = new LinkedHashMap<>();
  private final Deque<String> finished = new ArrayDeque<>();

  public ImportJobs(KnowledgeBaseService knowledgeBase, Clock clock) {
    this.knowledgeBase = knowledgeBase;
    this.clock = clock;
    this.runner =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "kb-import");
              t.setDaemon(true);
              return t;
            });
  }

  /** One job's mutable state; read and written under the registry's lock. */
  private final class Running implements ImportProgress {
    final String id = UUID.randomUUID().toString();
    final Long startedBy;
    final Instant queuedAt = clock.instant();
    volatile boolean cancelRequested;
    State state = State.QUEUED;
    ImportReport report = new ImportReport(0, 0, 0, List.of(), 0, false);
    Instant finishedAt;
    String failure;

    Running(Long startedBy) {
      this.startedBy = startedBy;
    }

    @Override
    public void batchDone(ImportReport soFar) {
      synchronized (ImportJobs.this) {
        report = soFar;
      }
    }

    @Override
    public boolean cancelled() {
      return cancelRequested;
    }

    Job view() {
      return new Job(id, state, startedBy, queuedAt, finishedAt, report, failure);
    }
  }

  /**
   * Queues an import of what {@code input} supplies (opened when the job starts, closed after).
   *
   * @param authorId recorded as the author of the imported versions
   */
  public synchronized Job start(Supplier<BufferedReader> input, Long authorId) {
    Running job = new Running(authorId);
    jobs.put(job.id, job);
    runner.execute(() -> run(job, input));
    log.info("Knowledge-base import {} queued by {}", job.id, authorId);
    return job.view();
  }

  private void run(Running job, Supplier<BufferedReader> input) {
    synchronized (this) {
      if (job.cancelRequested) {
        finish(job, State.CANCELLED, job.report.linesRead(), null);
        return;
      }
      job.state = State.RUNNING;
    }
    try (BufferedReader in = input.get()) {
      ImportReport report = knowledgeBase.importJsonLines(in, job.startedBy, job);
      synchronized (this) {
        job.report = report;
        finish(job, report.cancelled() ? State.CANCELLED : State.DONE, report.linesRead(), null);
      }
    } catch (Exception e) {
      log.error("Knowledge-base import {} failed", job.id, e);
      synchronized (this) {
        finish(job, State.FAILED, job.report.linesRead(), e.getMessage());
      }
    }
  }

  private void finish(Running job, State state, int linesRead, String failure) {
    job.state = state;
    job.finishedAt = clock.instant();
    job.failure = failure;
    finished.addLast(job.id);
    while (finished.size() > KEPT) {
      jobs.remove(finished.removeFirst());
    }
    notifyAll();
    log.info("Knowledge-base import {} {} after {} lines", job.id, state, linesRead);
  }

  /**
   * The job as it is now.
   *
   * @throws NotFoundException {@code kb_import} when there is no such job (or it is long finished)
   */
  public synchronized Job get(String id) {
    Running job = jobs.get(id);
    if (job == null) {
      throw new NotFoundException("kb_import", id);
    }
    return job.view();
  }

  /** Jobs queued, running and recently finished, newest first. */
  public synchronized List<Job> list() {
    List<Job> all = new ArrayList<>(jobs.values().stream().map(Running::view).toList());
    return all.reversed();
  }

  /**
   * Asks the job to stop before its next batch (a queued job does not start); the articles of the
   * batches already stored stay. Cancelling a finished job changes nothing.
   */
  public synchronized Job cancel(String id) {
    Running job = jobs.get(id);
    if (job == null) {
      throw new NotFoundException("kb_import", id);
    }
    job.cancelRequested = true;
    return job.view();
  }

  /** Waits until the job has finished, at most {@code millis}; returns it as it is then. */
  public synchronized Job await(String id, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    Running job = jobs.get(id);
    if (job == null) {
      throw new NotFoundException("kb_import", id);
    }
    while (job.finishedAt == null) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    return job.view();
  }

  @Override
  public void close() {
    synchronized (this) {
      jobs.values().forEach(j -> j.cancelRequested = true);
    }
    runner.shutdown();
    try {
      // A cancelled import stops after its current batch; the index closes after that.
      if (!runner.awaitTermination(60, TimeUnit.SECONDS)) {
        log.warn(
            "Knowledge-base import still running at shutdown; the next start repairs the index");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
