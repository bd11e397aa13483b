package dev.callcenter.cti.call;

import java.time.Instant;

/** Asterisk announced {@code Shutdown}: its calls are gone; state is rebuilt when it is back. */
public record PbxRestarting(Instant at, boolean restart) implements PbxEvent {}
