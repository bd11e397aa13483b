package dev.callcenter.server.archfixture;

import java.time.Instant;

/** Breaks the clock rule on purpose, to show ArchitectureTest reports it. */
public final class ReadsTheWallClock {
  public Instant stamp() {
    return Instant.now();
  }
}
