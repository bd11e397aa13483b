package dev.callcenter.helpdesk.survey;

import java.time.Instant;

/** A stored survey answer, linked to the call's interaction when one was recorded. */
public record SurveyAnswer(
    long id,
    String callId,
    Long customerId,
    Long interactionId,
    String agent,
    String queue,
    Long ticketId,
    int rating,
    Boolean solved,
    Instant answeredAt) {}
