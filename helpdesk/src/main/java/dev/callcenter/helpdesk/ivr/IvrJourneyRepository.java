package dev.callcenter.helpdesk.ivr;

import java.time.Instant;
import java.util.Optional;

/** Storage of IVR journeys and their steps. */
public interface IvrJourneyRepository {

  /** Creates the journey if the call has none yet; false when it already existed. */
  boolean insertIfAbsent(String callId, String callerNumber, Instant startedAt);

  /** Appends a step after the call's last one; false when the call has no journey. */
  boolean appendStep(String callId, IvrStep step);

  /** Sets the identified customer and language (nulls leave a field as it is). */
  void identify(String callId, Long customerId, String language);

  /** Records how the journey ended. */
  void finish(
      String callId,
      IvrOutcome outcome,
      String queue,
      Integer priority,
      Long ticketId,
      Instant endedAt);

  Optional<IvrJourney> find(String callId);
}
