package dev.callcenter.helpdesk.survey;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;

/**
 * A caller's rating of a call, as the IVR survey collected it.
 *
 * @param callId the PBX Linkedid of the rated call
 * @param customerId the caller, when identified
 * @param agent the queue member who took the call as the PBX names it (e.g. {@code PJSIP/1001})
 * @param queue the queue the call came through
 * @param ticketId the ticket the call was about, when known
 * @param rating 1 (poor) to 5 (excellent)
 * @param solved the answer to "was your problem solved?", null when not asked or not answered
 */
public record SurveyAnswerDraft(
    String callId,
    Long customerId,
    String agent,
    String queue,
    Long ticketId,
    int rating,
    Boolean solved) {

  public SurveyAnswerDraft {
    callId = Fields.required("callId", callId, 150);
    agent = Fields.optional("agent", agent, 200);
    queue = Fields.optional("queue", queue, 80);
    if (rating < 1 || rating > 5) {
      throw new ValidationException("rating", "must be between 1 and 5");
    }
  }
}
