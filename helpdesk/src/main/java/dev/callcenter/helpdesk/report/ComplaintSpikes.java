package dev.callcenter.helpdesk.report;

import dev.callcenter.helpdesk.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The weekly complaint trend and its spike rule: a week is a spike when its count exceeds the mean
 * of the {@code window} weeks before it by more than {@code k} standard deviations (population σ),
 * with at least {@code minimumWeeks} weeks of history and at least {@code minimumCount} complaints.
 */
public record ComplaintSpikes(int window, double k, int minimumWeeks, int minimumCount) {

  public static final ComplaintSpikes DEFAULT = new ComplaintSpikes(8, 2.0, 4, 3);

  public ComplaintSpikes {
    if (window < 2 || window > 52) {
      throw new ValidationException("spikeWeeks", "must be between 2 and 52");
    }
    if (!(k > 0 && k <= 10)) {
      throw new ValidationException("spikeSigma", "must be above 0 and at most 10");
    }
    minimumWeeks = Math.max(2, Math.min(minimumWeeks, window));
    minimumCount = Math.max(1, minimumCount);
  }

  /** One week of the trend. */
  public record Week(
      LocalDate monday, long complaints, Double trailingMean, Double threshold, boolean spike) {}

  /**
   * The trend of the weeks from {@code firstShown} on, given counts per Monday from {@code
   * firstMonday} (at least {@code window} weeks earlier) to {@code lastMonday}; missing weeks are
   * 0.
   */
  public List<Week> trend(
      Map<LocalDate, Long> counts,
      LocalDate firstMonday,
      LocalDate firstShown,
      LocalDate lastMonday) {
    List<Long> all = new ArrayList<>();
    List<LocalDate> mondays = new ArrayList<>();
    for (LocalDate d = firstMonday; !d.isAfter(lastMonday); d = d.plusWeeks(1)) {
      mondays.add(d);
      all.add(counts.getOrDefault(d, 0L));
    }
    List<Week> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (mondays.get(i).isBefore(firstShown)) {
        continue;
      }
      int from = Math.max(0, i - window);
      int n = i - from;
      if (n < minimumWeeks) {
        out.add(new Week(mondays.get(i), all.get(i), null, null, false));
        continue;
      }
      double mean = 0;
      for (int j = from; j < i; j++) {
        mean += all.get(j);
      }
      mean /= n;
      double var = 0;
      for (int j = from; j < i; j++) {
        var += (all.get(j) - mean) * (all.get(j) - mean);
      }
      double sigma = Math.sqrt(var / n);
      double threshold = mean + k * sigma;
      boolean spike = all.get(i) > threshold && all.get(i) >= minimumCount;
      out.add(new Week(mondays.get(i), all.get(i), mean, threshold, spike));
    }
    return out;
  }
}
