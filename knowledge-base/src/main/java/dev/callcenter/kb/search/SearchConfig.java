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
 */
public record SearchConfig(
    float k1, float b, float titleB, float titleBoost, Duration maxStaleness) {

  /** Values chosen on the StackFAQ dev queries; see docs/kb-evaluation.md. */
  public static final SearchConfig DEFAULTS =
      new SearchConfig(2.5f, 1.0f, 1.0f, 1.5f, Duration.ofMillis(500));

  public SearchConfig {
    if (k1 < 0 || b < 0 || b > 1 || titleB < 0 || titleB > 1 || titleBoost <= 0) {
      throw new KnowledgeBaseException(
          "invalid ranking: k1=%s b=%s titleB=%s titleBoost=%s"
              .formatted(k1, b, titleB, titleBoost));
    }
    if (maxStaleness == null || maxStaleness.isNegative() || maxStaleness.isZero()) {
      throw new KnowledgeBaseException("maxStaleness must be positive");
    }
  }

  public SearchConfig withRanking(float k1, float b, float titleB, float titleBoost) {
    return new SearchConfig(k1, b, titleB, titleBoost, maxStaleness);
  }
}
