package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.sla.clock.BusinessCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the SLA policies and the business calendar in memory for a short time: every ticket write
 * needs them and they change a few times a year, so re-reading them (four queries) on every request
 * is waste. An edit is seen by every node within {@code ttl}.
 */
public final class CachingSlaSetup implements SlaPolicyRepository, BusinessCalendarRepository {

  private final SlaPolicyRepository store;
  private final Cached<List<SlaPolicy>> policies;
  private final Cached<BusinessCalendar> calendar;

  public CachingSlaSetup(
      SlaPolicyRepository policies,
      BusinessCalendarRepository calendars,
      Duration ttl,
      Clock clock) {
    this.store = policies;
    this.policies = new Cached<>(policies::all, ttl, clock);
    this.calendar = new Cached<>(calendars::defaultCalendar, ttl, clock);
  }

  /** Drops the cached values; the next read loads them again. */
  public void invalidate() {
    policies.invalidate();
    calendar.invalidate();
  }

  @Override
  public List<SlaPolicy> all() {
    return policies.get();
  }

  /** Writes go to the store and drop this node's cache at once (other nodes within the ttl). */
  @Override
  public Optional<SlaPolicy> add(SlaPolicyDraft draft) {
    try {
      return store.add(draft);
    } finally {
      policies.invalidate();
    }
  }

  @Override
  public Optional<SlaPolicy> changeTargets(long id, SlaPolicyDraft.Targets targets) {
    try {
      return store.changeTargets(id, targets);
    } finally {
      policies.invalidate();
    }
  }

  @Override
  public boolean remove(long id) {
    try {
      return store.remove(id);
    } finally {
      policies.invalidate();
    }
  }

  @Override
  public BusinessCalendar defaultCalendar() {
    return calendar.get();
  }

  /** A value loaded at most once per {@code ttl}; a stale read during reload is acceptable. */
  private static final class Cached<T> {
    private final Supplier<T> loader;
    private final Duration ttl;
    private final Clock clock;
    private volatile Entry<T> entry;

    private record Entry<T>(T value, Instant until) {}

    Cached(Supplier<T> loader, Duration ttl, Clock clock) {
      this.loader = loader;
      this.ttl = ttl;
      this.clock = clock;
    }

    void invalidate() {
      entry = null;
    }

    T get() {
      Instant now = clock.instant();
      Entry<T> e = entry;
      if (e == null || !now.isBefore(e.until())) {
        e = new Entry<>(loader.get(), now.plus(ttl));
        entry = e;
      }
      return e.value();
    }
  }
}
