package dev.callcenter.server.archfixture;

import org.jdbi.v3.core.Jdbi;

/** Breaks the Jdbi rule on purpose, to show ArchitectureTest reports it. */
public final class UsesJdbiOutsideARepository {
  public int count(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
  }
}
