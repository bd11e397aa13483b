package dev.callcenter.kb.eval;

/**
 * Retrieval quality over a query set with one relevant article per query (see the kb-eval README):
 * with that article at rank r, MAP = MRR = mean 1/r, P@1 = share with r = 1, Recall@5 = share with
 * r ≤ 5, nDCG@10 = mean of 1/log2(r + 1) for r ≤ 10.
 */
public record Metrics(
    int queries, double map, double mrr, double precisionAt1, double recallAt5, double ndcgAt10) {

  /** One Markdown table row: MAP, MRR, P@1, Recall@5, nDCG@10 to three decimals. */
  public String tableRow(String name) {
    return "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |"
        .formatted(name, map, mrr, precisionAt1, recallAt5, ndcgAt10);
  }

  public static String tableHeader() {
    return "| ranking | MAP | MRR | P@1 | Recall@5 | nDCG@10 |\n|---|---|---|---|---|---|";
  }
}
