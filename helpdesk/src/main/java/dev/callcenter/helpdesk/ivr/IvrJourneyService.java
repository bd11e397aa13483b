package dev.callcenter.helpdesk.ivr;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.db.Transactions;
import java.time.Clock;
import java.util.Optional;

/** Records what callers do in the phone menu under the call id, and reads it back for the pop. */
public final class IvrJourneyService {

  private static final int MAX_CALL_ID = 150;

  private final IvrJourneyRepository journeys;
  private final Transactions tx;
  private final Clock clock;

  public IvrJourneyService(IvrJourneyRepository journeys, Transactions tx, Clock clock) {
    this.journeys = journeys;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Starts the journey of a call entering the menu (now); a call entering the menu again keeps its
   * earlier steps.
   */
  public void start(String callId, String callerNumber) {
    journeys.insertIfAbsent(
        id(callId), Fields.optional("callerNumber", callerNumber, 80), clock.instant());
  }

  /** Appends one step (at now) to the call's journey. */
  public void append(String callId, String menu, String input, String outcome) {
    append(callId, new IvrStep(clock.instant(), menu, input, outcome));
  }

  public void append(String callId, IvrStep step) {
    if (!journeys.appendStep(id(callId), step)) {
      throw new NotFoundException("ivr_journey", callId);
    }
  }

  /** Notes who the caller is and the language they are served in. */
  public void identify(String callId, Long customerId, String language) {
    journeys.identify(id(callId), customerId, Fields.optional("language", language, 16));
  }

  /** Records how the caller left the menu (now). */
  public void finish(
      String callId, IvrOutcome outcome, String queue, Integer priority, Long ticketId) {
    Fields.notNull("outcome", outcome);
    journeys.finish(
        id(callId),
        outcome,
        Fields.optional("queue", queue, 80),
        priority,
        ticketId,
        clock.instant());
  }

  /**
   * Stores a whole journey at once (for journeys assembled elsewhere, e.g. imported): creates it,
   * appends its steps, and sets its identification and ending, in one transaction.
   */
  public void record(IvrJourney journey) {
    String callId = id(journey.callId());
    tx.run(
        () -> {
          journeys.insertIfAbsent(callId, journey.callerNumber(), journey.startedAt());
          journey.steps().forEach(s -> journeys.appendStep(callId, s));
          journeys.identify(callId, journey.customerId(), journey.language());
          if (journey.outcome() != null) {
            journeys.finish(
                callId,
                journey.outcome(),
                journey.queue(),
                journey.priority(),
                journey.ticketId(),
                journey.endedAt() != null ? journey.endedAt() : clock.instant());
          }
        });
  }

  /** The journey of the call with this PBX Linkedid, for the agent's screen pop. */
  public Optional<IvrJourney> findByCallId(String callId) {
    if (callId == null || callId.isBlank()) {
      return Optional.empty();
    }
    return journeys.find(callId);
  }

  private static String id(String callId) {
    return Fields.required("callId", callId, MAX_CALL_ID);
  }
}
