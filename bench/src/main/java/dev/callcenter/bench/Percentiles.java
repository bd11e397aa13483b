package dev.callcenter.bench;

import java.util.Arrays;

/** Latency percentiles from raw nanosecond samples. */
record Percentiles(double p50, double p90, double p99, double p999, double max) {

  static Percentiles of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Percentiles(
        ms(sorted, 0.50),
        ms(sorted, 0.90),
        ms(sorted, 0.99),
        ms(sorted, 0.999),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  @Override
  public String toString() {
    return String.format(
        "ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f", p50, p90, p99, p999, max);
  }
}
