package dev.callcenter.helpdesk.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of survey answers and their sums. */
public interface SurveyRepository {

  /**
   * Stores an answer, linking it to the latest interaction recorded for the call, and dropping a
   * customer or ticket id that does not exist.
   */
  long insert(SurveyAnswerDraft draft, Instant answeredAt);

  Optional<SurveyAnswer> find(long id);

  List<SurveyAnswer> forCall(String callId);

  /** Whether any answer rates this ticket. */
  boolean answeredForTicket(long ticketId);

  /** Sums per {@code group} of the answers given in [from, to). */
  List<SurveyResult> results(SurveyGrouping group, Instant from, Instant to);
}
