package dev.callcenter.kb.search;

import dev.callcenter.kb.KnowledgeBaseException;
import java.time.Duration;

/**
 * Ranking and refresh settings of the knowledge index.
 *
 * @param k1 BM25 term-frequency saturation; default tuned on the StackFAQ dev queries
 * @param b BM25 length normalisation of the body; default tuned on the StackFAQ dev queries
 * @param titleB BM25 length normalisation of the title field
 * @param titleBoost weight of a title match relative to a body match
 * @param maxStaleness longest time before a written article is searchable (NRT reopen period)
 * @param lexicalWeight weight of the BM25 score (divided by the query's best BM25 score) in the
 *     hybrid blend; the dense similarity gets {@code 1 - lexicalWeight}. Unused when the embedding
 *     models are disabled.
 * @param solvedBoost most an article's score may grow because it solved tickets (0.03 = 3%); small
 *     and bounded so that it only reorders near-ties, never overrides relevance
 * @param chineseLexicalWeight {@code lexicalWeight} for queries in Chinese (the bge-small-zh model
 *     and character BM25 blend differently from MiniLM and English BM25); chosen on the Chinese dev
 *     queries
 * @param crossStraitPhrases fold Taiwan phrases to the mainland ones before the characters (see
 *     {@link CrossStraitPhrases}); false only to measure what it brings
 * @param minDenseOnlyCosine least cosine similarity with the query an article needs to be returned
 *     when it is not among the BM25 candidates, so that a query about nothing in the knowledge base
 *     finds nothing rather than the least dissimilar articles (English, MiniLM)
 * @param chineseMinDenseOnlyCosine {@code minDenseOnlyCosine} for queries in Chinese: bge-small-zh
 *     gives unrelated texts far higher cosines than MiniLM; chosen on the Chinese dev queries
 */
public record SearchConfig(
    float k1,
    float b,
    float titleB,
    float titleBoost,
    Duration maxStaleness,
    float lexicalWeight,
    float solvedBoost,
    float chineseLexicalWeight,
    boolean crossStraitPhrases,
    float minDenseOnlyCosine,
    float chineseMinDenseOnlyCosine) {

  /**
   * Values chosen on the StackFAQ dev queries, the Chinese blend weight on the Chinese dev queries;
   * see docs/kb-evaluation.md.
   */
  public static final SearchConfig DEFAULTS =
      new SearchConfig(
          2.5f, 1.0f, 1.0f, 1.5f, Duration.ofMillis(500), 0.1f, 0.03f, 0.2f, true, 0.3f, 0.6f);

  public SearchConfig {
    if (k1 < 0 || b < 0 || b > 1 || titleB < 0 || titleB > 1 || titleBoost <= 0) {
      throw new KnowledgeBaseException(
          "invalid ranking: k1=%s b=%s titleB=%s titleBoost=%s"
              .formatted(k1, b, titleB, titleBoost));
    }
    if (maxStaleness == null || maxStaleness.isNegative() || maxStaleness.isZero()) {
      throw new KnowledgeBaseException("maxStaleness must be positive");
    }
    if (lexicalWeight < 0
        || lexicalWeight > 1
        || chineseLexicalWeight < 0
        || chineseLexicalWeight > 1) {
      throw new KnowledgeBaseException("lexicalWeight must be between 0 and 1");
    }
    if (solvedBoost < 0 || solvedBoost > 0.1f) {
      throw new KnowledgeBaseException("solvedBoost must be between 0 and 0.1");
    }
    if (minDenseOnlyCosine < -1
        || minDenseOnlyCosine > 1
        || chineseMinDenseOnlyCosine < -1
        || chineseMinDenseOnlyCosine > 1) {
      throw new KnowledgeBaseException("a cosine threshold must be between -1 and 1");
    }
  }

  public SearchConfig withRanking(float k1, float b, float titleB, float titleBoost) {
    return new SearchConfig(
        k1,
        b,
        titleB,
        titleBoost,
        maxStaleness,
        lexicalWeight,
        solvedBoost,
        chineseLexicalWeight,
        crossStraitPhrases,
        minDenseOnlyCosine,
        chineseMinDenseOnlyCosine);
  }

  /** The blend weight of English queries. */
  public SearchConfig withLexicalWeight(float lexicalWeight) {
    return new SearchConfig(
        k1,
        b,
        titleB,
        titleBoost,
        maxStaleness,
        lexicalWeight,
        solvedBoost,
        chineseLexicalWeight,
        crossStraitPhrases,
        minDenseOnlyCosine,
        chineseMinDenseOnlyCosine);
  }

  /** The blend weight of Chinese queries. */
  public SearchConfig withChineseLexicalWeight(float chineseLexicalWeight) {
    return new SearchConfig(
        k1,
        b,
        titleB,
        titleBoost,
        maxStaleness,
        lexicalWeight,
        solvedBoost,
        chineseLexicalWeight,
        crossStraitPhrases,
        minDenseOnlyCosine,
        chineseMinDenseOnlyCosine);
  }

  public SearchConfig withCrossStraitPhrases(boolean crossStraitPhrases) {
    return new SearchConfig(
        k1,
        b,
        titleB,
        titleBoost,
        maxStaleness,
        lexicalWeight,
        solvedBoost,
        chineseLexicalWeight,
        crossStraitPhrases,
        minDenseOnlyCosine,
        chineseMinDenseOnlyCosine);
  }

  /** The dense-only thresholds of English and of Chinese queries. */
  public SearchConfig withDenseOnlyCosines(float english, float chinese) {
    return new SearchConfig(
        k1,
        b,
        titleB,
        titleBoost,
        maxStaleness,
        lexicalWeight,
        solvedBoost,
        chineseLexicalWeight,
        crossStraitPhrases,
        english,
        chinese);
  }
}
