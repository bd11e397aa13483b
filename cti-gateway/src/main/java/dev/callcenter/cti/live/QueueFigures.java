package dev.callcenter.cti.live;

import java.time.Instant;
import java.util.Map;

/**
 * One queue's live picture, counted since the start of the day in the call center's time zone.
 *
 * <p>Service level = answered within the threshold ÷ answered; {@code serviceLevelWithAbandoned} =
 * answered within the threshold ÷ (answered + abandoned). Both are null before the first call.
 *
 * @param waiting callers waiting now
 * @param longestWaitSeconds how long the longest-waiting caller has waited
 * @param agents members of the queue by state (wire names)
 * @param answered calls answered today
 * @param answeredWithinThreshold of those, answered within {@code thresholdSeconds} of queueing
 * @param abandoned callers who hung up while waiting, today
 */
public record QueueFigures(
    String queue,
    Instant at,
    int waiting,
    long longestWaitSeconds,
    Map<String, Integer> agents,
    int answered,
    int answeredWithinThreshold,
    int abandoned,
    int thresholdSeconds,
    Double serviceLevel,
    Double serviceLevelWithAbandoned) {

  public QueueFigures {
    agents = Map.copyOf(agents);
  }
}
