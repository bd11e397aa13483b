package dev.callcenter.cti.ivr;

import dev.callcenter.helpdesk.ivr.IvrJourneyService;
import dev.callcenter.helpdesk.ivr.IvrOutcome;
import dev.callcenter.helpdesk.ivr.IvrStep;
import dev.callcenter.helpdesk.ivr.IvrStepCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journey of one call, written step by step as it happens (so a hang-up keeps what was done)
 * and kept in memory for the ticket and the interaction. Writing is best effort: once the database
 * fails, the journey is only logged, and the caller's own path decides what happens next.
 */
final class IvrJournal {

  private static final Logger log = LoggerFactory.getLogger(IvrJournal.class);

  private final IvrJourneyService journeys;
  private final Backend backend;
  private final Clock clock;
  private final String callId;
  private final List<IvrStep> steps = new ArrayList<>();
  private boolean broken;

  IvrJournal(IvrJourneyService journeys, Backend backend, Clock clock, String callId) {
    this(journeys, backend, clock, callId, true);
  }

  /**
   * @param store false to keep the steps in memory only (a survey of a call that has no journey)
   */
  IvrJournal(
      IvrJourneyService journeys, Backend backend, Clock clock, String callId, boolean store) {
    this.journeys = journeys;
    this.backend = backend;
    this.clock = clock;
    this.callId = callId;
    this.broken = !store;
  }

  String callId() {
    return callId;
  }

  void start(String callerNumber) {
    write("start", () -> journeys.start(callId, callerNumber));
  }

  void step(String menu, String input, IvrStepCode code) {
    step(menu, input, code, Map.of());
  }

  void step(String menu, String input, IvrStepCode code, Map<String, String> params) {
    IvrStep step = new IvrStep(clock.instant(), menu, input, code, params);
    steps.add(step);
    log.debug("IVR {} {} {} → {} {}", callId, menu, input, code, params);
    write("step", () -> journeys.append(callId, step));
  }

  void identify(Long customerId, String language) {
    write("identify", () -> journeys.identify(callId, customerId, language));
  }

  void finish(IvrOutcome outcome, String queue, Integer priority, Long ticketId) {
    write("finish", () -> journeys.finish(callId, outcome, queue, priority, ticketId));
  }

  /** The steps so far, in order. */
  List<IvrStep> steps() {
    return List.copyOf(steps);
  }

  private void write(String what, Runnable work) {
    if (broken) {
      return;
    }
    try {
      backend.run("IVR journey " + what, work);
    } catch (RuntimeException e) {
      broken = true;
      log.warn(
          "IVR journey of call {} not stored from '{}' on ({}); the call goes on",
          callId,
          what,
          e.getMessage());
    }
  }
}
