package dev.callcenter.helpdesk.report;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the current week's complaints and, the first time the week becomes a spike, tells
 * supervisors; the week is recorded in the database, so every node and restart raises it once.
 */
public final class ComplaintSpikeWatch {
  private static final Logger log = LoggerFactory.getLogger(ComplaintSpikeWatch.class);

  private final ReportService reports;
  private final ReportFacts facts;
  private final ZoneId zone;
  private final ComplaintSpikes rule;
  private final Clock clock;
  private final Consumer<ComplaintSpike> raised;

  /**
   * @param raised told of each new spike; must not block
   */
  public ComplaintSpikeWatch(
      ReportService reports,
      ReportFacts facts,
      ZoneId zone,
      ComplaintSpikes rule,
      Clock clock,
      Consumer<ComplaintSpike> raised) {
    this.reports = reports;
    this.facts = facts;
    this.zone = zone;
    this.rule = rule;
    this.clock = clock;
    this.raised = raised;
  }

  /** Checks the current week; the spike if it was raised by this call. */
  public Optional<ComplaintSpike> check() {
    Optional<ComplaintSpike> spike =
        reports
            .currentSpike(zone, rule)
            .map(
                w ->
                    new ComplaintSpike(w.monday(), w.complaints(), w.trailingMean(), w.threshold()))
            .filter(s -> facts.recordSpike(s, clock.instant()));
    spike.ifPresent(
        s -> {
          log.warn(
              "Complaint spike in the week of {}: {} complaints, above {} (trailing mean {})",
              s.week(),
              s.complaints(),
              s.threshold(),
              s.trailingMean());
          raised.accept(s);
        });
    return spike;
  }
}
