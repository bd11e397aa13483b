package dev.callcenter.kb.eval;

import dev.callcenter.kb.KnowledgeBaseException;
import java.util.List;

/** Scores a ranking function against labelled queries with one relevant article each. */
public final class Evaluator {
  private final List<LabelledQuery> queries;

  public Evaluator(List<LabelledQuery> queries) {
    if (queries.isEmpty()) {
      throw new KnowledgeBaseException("no queries to evaluate");
    }
    this.queries = List.copyOf(queries);
  }

  public Metrics evaluate(Ranking ranking) {
    double reciprocalRanks = 0;
    int atOne = 0;
    int inFive = 0;
    double dcg = 0;
    for (LabelledQuery query : queries) {
      int index = ranking.rank(query.text()).indexOf(query.relevantArticleId());
      if (index < 0) {
        continue; // rank ∞: contributes 0 to every metric
      }
      int rank = index + 1;
      reciprocalRanks += 1.0 / rank;
      atOne += rank == 1 ? 1 : 0;
      inFive += rank <= 5 ? 1 : 0;
      dcg += rank <= 10 ? 1.0 / (Math.log(rank + 1) / Math.log(2)) : 0;
    }
    double n = queries.size();
    double meanReciprocalRank = reciprocalRanks / n;
    return new Metrics(
        queries.size(), meanReciprocalRank, meanReciprocalRank, atOne / n, inFive / n, dcg / n);
  }
}
