package dev.callcenter.kb.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.callcenter.kb.Article;
import dev.callcenter.kb.search.Bm25Baseline;
import dev.callcenter.kb.search.SearchConfig;
import dev.callcenter.kb.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ranking quality on the StackFAQ dev queries (data under {@code kb.eval.dir}). */
class StackFaqEvaluationTest {
  private static List<Article> articles;
  private static Evaluator evaluator;

  @BeforeAll
  static void load() {
    Path dir = Path.of(System.getProperty("kb.eval.dir", "/work/shared/kb-eval"));
    Path articlesFile = dir.resolve("stackfaq-articles.jsonl");
    Path queriesFile = dir.resolve("stackfaq-queries-dev.tsv");
    assumeTrue(
        Files.isReadable(articlesFile) && Files.isReadable(queriesFile),
        "StackFAQ evaluation data not found under " + dir + " (set -Dkb.eval.dir)");
    articles = StackFaq.articles(articlesFile);
    evaluator = new Evaluator(StackFaq.queries(queriesFile));
  }

  @Test
  void plainBm25BaselineReproducesTheReferenceFigures() {
    Bm25Baseline baseline = Bm25Baseline.of(articles);

    Metrics metrics = evaluator.evaluate(query -> baseline.rank(query, articles.size()));

    assertThat(articles).hasSize(125);
    assertThat(metrics.queries()).isEqualTo(625);
    assertThat(metrics.map()).isCloseTo(0.79, within(0.02));
    assertThat(metrics.precisionAt1()).isCloseTo(0.693, within(0.02));
    assertThat(metrics.recallAt5()).isCloseTo(0.92, within(0.02));
  }

  @Test
  void boostedTitleRankingBeatsTheBaseline() {
    Metrics metrics = EvalMain.evaluate(evaluator, articles, SearchConfig.DEFAULTS);

    assertThat(metrics.map()).isGreaterThanOrEqualTo(0.85);
    assertThat(metrics.precisionAt1()).isGreaterThan(0.75);
  }

  @Test
  void hybridRankingUnderstandsParaphrases() {
    Metrics hybrid =
        EvalMain.evaluate(evaluator, articles, SearchConfig.DEFAULTS, TestModels.shared());

    // The goal for held-out queries; dev figures are in docs/kb-evaluation.md.
    assertThat(hybrid.map()).isGreaterThanOrEqualTo(0.95);
    assertThat(hybrid.precisionAt1()).isGreaterThanOrEqualTo(0.92);
    assertThat(hybrid.recallAt5()).isGreaterThanOrEqualTo(0.98);
  }
}
