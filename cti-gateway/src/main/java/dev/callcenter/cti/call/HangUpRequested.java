package dev.callcenter.cti.call;

import java.time.Instant;

/**
 * The party on channel {@code uniqueid} hung up (Asterisk's {@code HangupRequest}: the phone or the
 * provider ended its side), as opposed to a channel hung up by Asterisk because its peer left
 * ({@code SoftHangupRequest}). Says who ended a call that app_queue does not report on.
 */
public record HangUpRequested(String callId, Instant at, String uniqueid) implements CallEvent {}
