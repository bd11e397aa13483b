package dev.callcenter.kb.eval;

import java.util.List;

/** A ranking function under evaluation: article ids for a query, best first. */
@FunctionalInterface
public interface Ranking {
  List<String> rank(String query);
}
