package dev.callcenter.helpdesk.survey;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Satisfaction surveys (測量顧客滿意): stores answers and sums them per agent, queue, product. */
public final class SurveyService {

  private static final Logger log = LoggerFactory.getLogger(SurveyService.class);

  private final SurveyRepository surveys;
  private final Clock clock;

  public SurveyService(SurveyRepository surveys, Clock clock) {
    this.surveys = surveys;
    this.clock = clock;
  }

  public SurveyAnswer record(SurveyAnswerDraft draft) {
    long id = surveys.insert(draft, clock.instant());
    log.info(
        "Survey answer {} for call {}: rating {}, solved {}, agent {}, queue {}",
        id,
        draft.callId(),
        draft.rating(),
        draft.solved(),
        draft.agent(),
        draft.queue());
    return surveys.find(id).orElseThrow();
  }

  public List<SurveyAnswer> forCall(String callId) {
    return surveys.forCall(Fields.required("callId", callId, 150));
  }

  /** Whether the customer already rated this ticket (so a survey is not asked twice). */
  public boolean answeredForTicket(long ticketId) {
    return surveys.answeredForTicket(ticketId);
  }

  /** Results per agent, queue or product for answers given in [from, to), most answers first. */
  public List<SurveyResult> results(SurveyGrouping group, Instant from, Instant to) {
    Fields.notNull("group", group);
    Fields.notNull("from", from);
    Fields.notNull("to", to);
    if (!to.isAfter(from)) {
      throw new ValidationException("to", "must be after from");
    }
    return surveys.results(group, from, to);
  }
}
