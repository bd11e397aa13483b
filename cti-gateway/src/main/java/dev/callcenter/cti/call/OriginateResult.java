package dev.callcenter.cti.call;

import java.time.Instant;

/**
 * Asterisk's {@code OriginateResponse} for an asynchronous originate (click-to-call): the agent's
 * phone answered ({@code answered}, {@code callId} is then the channel's uniqueid, our {@code
 * ChannelId}) or not ({@code reason}: 3 no answer, 5 busy, 8 congestion …; {@code callId} is then
 * null and {@code agentInterface} names the phone).
 */
public record OriginateResult(
    String callId, Instant at, String agentInterface, boolean answered, int reason)
    implements CallEvent {}
