package dev.callcenter.helpdesk.dispatch.planning;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.dispatch.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Solves run off the request path: a dispatcher starts one, reads its progress, stops it early and
 * accepts the result. One solve at a time on its own thread (the box has two cores; a second
 * dispatcher's request waits in line); the last {@link #KEPT} jobs are remembered, in memory only.
 */
public final class PlanningJobs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PlanningJobs.class);
  static final int KEPT = 20;

  /** Longest range and budget a dispatcher may ask for. */
  public static final int MAX_DAYS = 14;

  public static final int MAX_BUDGET_SECONDS = 300;

  /** Where a job stands. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    ACCEPTED
  }

  /** A job as the dispatcher sees it; {@code result} is set once it is done. */
  public record Job(
      long id,
      LocalDate from,
      LocalDate to,
      int budgetSeconds,
      State state,
      Instant createdAt,
      PlanSummary.Progress progress,
      PlanSummary result,
      Replanning.Applied applied,
      String failure) {}

  private final class Entry {
    final long id;
    final LocalDate from;
    final LocalDate to;
    final int budgetSeconds;
    final Instant createdAt;
    final Planner.Run run = new Planner.Run();
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    volatile State state = State.QUEUED;
    volatile Planner.Progress best;
    volatile Replanning.Proposal proposal;
    volatile PlanSummary summary;
    volatile Replanning.Applied applied;
    volatile String failure;

    Entry(long id, LocalDate from, LocalDate to, int budgetSeconds) {
      this.id = id;
      this.from = from;
      this.to = to;
      this.budgetSeconds = budgetSeconds;
      this.createdAt = clock.instant();
    }

    Job view() {
      return new Job(
          id,
          from,
          to,
          budgetSeconds,
          state,
          createdAt,
          best == null ? null : PlanSummary.Progress.of(best),
          summary,
          applied,
          failure);
    }
  }

  private final Replanning replanning;
  private final Clock clock;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Entry> jobs = new LinkedHashMap<>();
  private final ExecutorService solver =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon(true).name("dispatch-planner").factory());

  public PlanningJobs(Replanning replanning, Clock clock) {
    this.replanning = replanning;
    this.clock = clock;
  }

  /** Queues a solve of the days {@code [from, to]} within {@code budgetSeconds}. */
  public Job start(LocalDate from, LocalDate to, int budgetSeconds) {
    if (to.isBefore(from)) {
      throw new ValidationException("to", "must not be before from");
    }
    if (from.plusDays(MAX_DAYS - 1).isBefore(to)) {
      throw new ValidationException("to", "a plan covers at most " + MAX_DAYS + " days");
    }
    if (budgetSeconds < 1 || budgetSeconds > MAX_BUDGET_SECONDS) {
      throw new ValidationException(
          "budgetSeconds", "must be from 1 to " + MAX_BUDGET_SECONDS + " seconds");
    }
    Entry e = new Entry(ids.incrementAndGet(), from, to, budgetSeconds);
    synchronized (jobs) {
      jobs.put(e.id, e);
      if (jobs.size() > KEPT) {
        jobs.entrySet().stream()
            .filter(j -> j.getValue().finished.isDone())
            .findFirst()
            .ifPresent(j -> jobs.remove(j.getKey()));
      }
    }
    solver.execute(() -> run(e));
    return e.view();
  }

  private void run(Entry e) {
    try {
      if (e.finished.isDone()) {
        return;
      }
      e.state = State.RUNNING;
      e.proposal =
          replanning.solve(
              e.from, e.to, Duration.ofSeconds(e.budgetSeconds), e.run, p -> e.best = p);
      e.summary = PlanSummary.of(e.proposal);
      e.state = State.DONE;
      log.info(
          "Plan {} for {}..{} solved in {} ms: {}",
          e.id,
          e.from,
          e.to,
          e.proposal.millis(),
          e.proposal.plan().getScore());
    } catch (RuntimeException ex) {
      e.failure = ex.getMessage();
      e.state = State.FAILED;
      log.error("Plan {} for {}..{} failed", e.id, e.from, e.to, ex);
    } finally {
      e.finished.complete(null);
    }
  }

  /** The job, after waiting up to {@code wait} for it to finish. */
  public Job get(long id, Duration wait) {
    Entry e = entry(id);
    if (!wait.isZero()) {
      try {
        e.finished.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException ex) {
        // still running: answer with its progress
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return e.view();
  }

  /** Stops the search soon; the best plan so far becomes the result. */
  public Job stop(long id) {
    Entry e = entry(id);
    e.run.stop();
    return e.view();
  }

  /** Applies a finished plan once (see {@link Replanning#accept}). */
  public Job accept(long id, Actor actor) {
    Entry e = entry(id);
    synchronized (e) {
      if (e.state != State.DONE) {
        throw new ConflictException(
            "plan_not_ready",
            "Plan " + id + " is " + e.state + "; only a finished plan can be accepted",
            Map.of("id", id, "state", e.state.name()));
      }
      e.applied = replanning.accept(e.proposal, actor);
      e.state = State.ACCEPTED;
      return e.view();
    }
  }

  private Entry entry(long id) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id)).orElseThrow(() -> new NotFoundException("plan", id));
    }
  }

  @Override
  public void close() {
    synchronized (jobs) {
      jobs.values().forEach(e -> e.run.stop());
    }
    solver.shutdownNow();
  }
}
