package dev.callcenter.helpdesk.survey;

/**
 * Survey answers summed up for one agent, queue or product.
 *
 * @param key the agent, queue or product
 * @param answers how many answers
 * @param averageRating mean rating, 1–5
 * @param solvedShare share of "solved" among the answers to that question, null if none answered
 */
public record SurveyResult(String key, long answers, double averageRating, Double solvedShare) {}
