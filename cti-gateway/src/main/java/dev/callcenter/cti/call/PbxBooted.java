package dev.callcenter.cti.call;

import java.time.Duration;
import java.time.Instant;

/**
 * Asterisk said {@code FullyBooted} on a new connection; {@code uptime} tells whether it restarted
 * while the connection was down (dynamic queue members are then gone unless persisted).
 */
public record PbxBooted(Instant at, Duration uptime) implements PbxEvent {}
