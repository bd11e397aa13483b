package dev.callcenter.kb.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  @Test
  void metricsFollowTheReadmeDefinitions() {
    // Relevant article at rank 1, 2, 6 and not returned.
    List<LabelledQuery> queries =
        List.of(
            new LabelledQuery("q1", "a", "first"),
            new LabelledQuery("q2", "a", "second"),
            new LabelledQuery("q3", "a", "sixth"),
            new LabelledQuery("q4", "a", "missing"));
    Map<String, List<String>> rankings =
        Map.of(
            "first", List.of("a", "b", "c"),
            "second", List.of("b", "a", "c"),
            "sixth", List.of("b", "c", "d", "e", "f", "a"),
            "missing", List.of("b", "c"));

    Metrics metrics = new Evaluator(queries).evaluate(rankings::get);

    double log2of3 = Math.log(3) / Math.log(2);
    double log2of7 = Math.log(7) / Math.log(2);
    assertThat(metrics.queries()).isEqualTo(4);
    assertThat(metrics.map()).isCloseTo((1 + 0.5 + 1.0 / 6) / 4, within(1e-12));
    assertThat(metrics.mrr()).isEqualTo(metrics.map());
    assertThat(metrics.precisionAt1()).isEqualTo(0.25);
    assertThat(metrics.recallAt5()).isEqualTo(0.5);
    assertThat(metrics.ndcgAt10()).isCloseTo((1 + 1 / log2of3 + 1 / log2of7) / 4, within(1e-12));
  }

  @Test
  void relevantArticleBeyondTenCountsForReciprocalRankOnly() {
    List<String> eleventh = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "a");

    Metrics metrics =
        new Evaluator(List.of(new LabelledQuery("q", "a", "x"))).evaluate(query -> eleventh);

    assertThat(metrics.map()).isCloseTo(1.0 / 11, within(1e-12));
    assertThat(metrics.ndcgAt10()).isZero();
    assertThat(metrics.recallAt5()).isZero();
  }
}
