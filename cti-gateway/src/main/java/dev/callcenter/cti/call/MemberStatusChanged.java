package dev.callcenter.cti.call;

import java.time.Instant;

/** The device state of a queue member changed (free, ringing, in use …). */
public record MemberStatusChanged(
    Instant at, String queue, String agentInterface, String memberName, DeviceStatus status)
    implements MemberEvent {}
