package dev.callcenter.helpdesk.survey;

/** What survey results are summed up by. */
public enum SurveyGrouping {
  AGENT,
  QUEUE,
  /** The product of the ticket the call was about. */
  PRODUCT
}
