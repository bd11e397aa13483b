package dev.callcenter.helpdesk.followup;

/**
 * What a follow-up the system created is for; the page words it from this code and the follow-up's
 * parameters (people's follow-ups have a title instead).
 */
public enum FollowUpKind {
  /**
   * Call back a known customer whose queue call nobody answered; parameters {@code callId}, {@code
   * missed} ({@code ABANDONED} or {@code UNANSWERED}), {@code waitSeconds}, and when known {@code
   * queue} and {@code number}.
   */
  CALLBACK_MISSED_CALL,
  /**
   * Call back a caller who asked for it in the phone menu; parameters {@code callId}, {@code
   * number}, {@code queue} and {@code language}.
   */
  CALLBACK_IVR,
  /**
   * Re-plan a technician visit the customer asked to reschedule in the phone menu; parameters
   * {@code orderId}, {@code callId} and {@code windowStart} (the visit's window as it was).
   */
  VISIT_RESCHEDULE,
  /**
   * Call the customer whose visit was just completed for their rating; parameters {@code orderId}
   * and {@code ticketId}.
   */
  VISIT_SURVEY_CALL,
  /**
   * Re-plan an order the technician could not complete; parameters {@code orderId} and {@code
   * reason} (the technician's words).
   */
  VISIT_NOT_COMPLETED,
  /**
   * Call the customer whose technician is not on site when the window ended; parameters {@code
   * orderId} and {@code windowEnd} (ISO instant).
   */
  VISIT_LATE
}
