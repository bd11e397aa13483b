package dev.callcenter.helpdesk.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The shape of the report rollups (V20, ADR 0023) and when a report may read them instead of the
 * raw facts: the slot size, the service-level and short-abandon thresholds kept, the handle-time
 * histogram bins, and the rules that send a request back to the raw rows.
 */
public final class RollupPlan {

  /** Seconds in a rollup slot (UTC quarter hours). */
  public static final int SLOT_SECONDS = 900;

  /** Service-level thresholds T kept as counts of answered offers with wait &le; T. */
  public static final List<Integer> WITHIN = List.of(10, 15, 20, 30, 45, 60, 90, 120, 180, 300);

  /** Short-abandon thresholds S kept as counts of abandons with wait &lt; S (S = 0 is none). */
  public static final List<Integer> SHORT = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 30);

  /**
   * Lower edges of the handle-time bins in seconds: bin i holds [edge i, edge i+1), the last bin
   * everything from 7,200 s up. 10 s wide to 2 min, 20 s to 10 min, 1 min to 20 min, 5 min to an
   * hour, then 30 min.
   */
  static final int[] HANDLE_BIN_LOWER = {
    0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 140, 160, 180, 200, 220, 240, 260, 280,
    300, 320, 340, 360, 380, 400, 420, 440, 460, 480, 500, 520, 540, 560, 580, 600, 660, 720, 780,
    840, 900, 960, 1020, 1080, 1140, 1200, 1500, 1800, 2100, 2400, 2700, 3000, 3300, 3600, 5400,
    7200
  };

  /** Handle-time bins. */
  public static final int BINS = HANDLE_BIN_LOWER.length;

  /**
   * Periods up to this many days get the exact nearest-rank p90 from the raw rows; longer ones the
   * histogram's.
   */
  public static final int EXACT_P90_DAYS = 31;

  private RollupPlan() {}

  /** Where a call report's figures come from. */
  public enum Source {
    /** Per slot, queue and tier rows (no filter, queue, tier). */
    ROLLUP_QUEUE,
    /** Per slot and agent rows (agent filter, with or without a team). */
    ROLLUP_AGENT,
    /** Per slot and team rows (team filter alone, V24). */
    ROLLUP_TEAM,
    RAW;

    /** The call_rollup grain this source reads. */
    String grain() {
      return switch (this) {
        case ROLLUP_QUEUE -> "Q";
        case ROLLUP_AGENT -> "A";
        case ROLLUP_TEAM -> "T";
        case RAW -> throw new IllegalStateException("raw rows have no grain");
      };
    }
  }

  /** Why a request reads the raw rows, as a code; null when it reads the rollup. */
  public static String rawReason(ReportPeriod p, ReportFilter f, CallThresholds t) {
    if (!aligned(p)) {
      return "periodNotOnQuarterHours";
    }
    if (t != null && !serves(t)) {
      return "thresholdNotKept";
    }
    boolean byAgent = f.agentId() != null || f.team() != null;
    boolean byQueue = f.queue() != null || f.tier() != null;
    if (byAgent && byQueue) {
      return "filterCombination";
    }
    return null;
  }

  /** The source of the call figures of a request. */
  public static Source calls(ReportPeriod p, ReportFilter f, CallThresholds t) {
    if (rawReason(p, f, t) != null) {
      return Source.RAW;
    }
    if (f.agentId() != null) {
      return Source.ROLLUP_AGENT;
    }
    return f.team() != null ? Source.ROLLUP_TEAM : Source.ROLLUP_QUEUE;
  }

  /** Whether agent time (which has no queue or tier) can be read from the rollup. */
  public static boolean statesFromRollup(ReportPeriod p) {
    return aligned(p);
  }

  /** Whether the call rollup keeps the counts for these thresholds. */
  public static boolean serves(CallThresholds t) {
    return WITHIN.contains(t.serviceLevelSeconds())
        && (t.shortAbandonSeconds() == 0 || SHORT.contains(t.shortAbandonSeconds()));
  }

  /** Whether p90 of handle time is computed exactly from the raw rows for this period. */
  public static boolean exactP90(ReportPeriod p) {
    return ChronoUnit.DAYS.between(p.from(), p.to()) + 1 <= EXACT_P90_DAYS;
  }

  /** Whether every bucket boundary of the period falls on a slot boundary. */
  static boolean aligned(ReportPeriod p) {
    if (!onSlot(p.end())) {
      return false;
    }
    for (Instant s : p.bucketStarts()) {
      if (!onSlot(s)) {
        return false;
      }
    }
    return true;
  }

  private static boolean onSlot(Instant t) {
    return t.getNano() == 0 && Math.floorMod(t.getEpochSecond(), SLOT_SECONDS) == 0;
  }

  /** The bin of a handle time in seconds. */
  static int bin(long seconds) {
    int lo = 0;
    int hi = BINS - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (HANDLE_BIN_LOWER[mid] <= seconds) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * The nearest-rank 90th percentile from a histogram: the upper edge of the bin that holds the
   * call of rank ceil(0.9 n) (so at most one bin width above the exact value), or the lower edge of
   * the open last bin; null without calls.
   */
  static Integer p90(long[] hist) {
    long n = 0;
    for (long c : hist) {
      n += c;
    }
    if (n == 0) {
      return null;
    }
    long rank = (9 * n + 9) / 10;
    long seen = 0;
    for (int i = 0; i < hist.length; i++) {
      seen += hist[i];
      if (seen >= rank) {
        return i + 1 < BINS ? HANDLE_BIN_LOWER[i + 1] : HANDLE_BIN_LOWER[i];
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
