package dev.callcenter.helpdesk.report;

import java.time.Duration;

/**
 * The report rollups (V20, ADR 0023): kept up to date by {@link ReportFacts} as facts are written,
 * and rebuilt here from the raw facts on demand.
 */
public interface ReportRollups {

  /**
   * Recomputes every rollup row from {@code call_record} and {@code agent_state_log}. Writers of
   * new facts wait while it runs and are counted after it.
   */
  Rebuilt rebuild();

  /** What a rebuild wrote and how long it took. */
  record Rebuilt(long callRows, long stateRows, Duration took) {}
}
