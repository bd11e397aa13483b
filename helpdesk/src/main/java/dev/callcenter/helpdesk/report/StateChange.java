package dev.callcenter.helpdesk.report;

import java.time.Instant;

/**
 * An agent entered {@code state} at {@code at}.
 *
 * @param state an agent state name ({@code AVAILABLE}, {@code PAUSED}, {@code WRAP_UP} …)
 * @param reason the pause reason, null for other states
 * @param callId the call the state belongs to (ringing, on call, wrap-up), else null
 */
public record StateChange(String state, String reason, String callId, Instant at) {}
