package dev.callcenter.cti.call;

import java.time.Instant;

/**
 * A new inbound call appeared on the PBX: who calls, on which channel, which number they dialled.
 */
public record CallOffered(
    String callId,
    Instant at,
    String uniqueid,
    String channel,
    CallerId caller,
    String context,
    String exten)
    implements CallEvent {}
