package dev.callcenter.cti.call;

import java.time.Instant;

/**
 * The dialplan named the call's recording: it set {@code CC_RECORDING} (or MixMonitor set {@code
 * MIXMONITOR_FILENAME}) on a channel of the call.
 */
public record CallRecording(String callId, Instant at, String reference) implements CallEvent {}
