package dev.callcenter.helpdesk.sla.clock;

import java.time.Duration;

/**
 * The SLA targets a ticket got from its policy at creation, in business time.
 *
 * @param policyId the policy they came from (null if that policy was deleted since)
 */
public record SlaTerms(Long policyId, Duration firstResponse, Duration resolution) {}
