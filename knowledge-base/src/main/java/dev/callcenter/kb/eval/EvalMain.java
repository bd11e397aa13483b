package dev.callcenter.kb.eval;

import dev.callcenter.kb.Article;
import dev.callcenter.kb.KnowledgeBaseException;
import dev.callcenter.kb.search.Bm25Baseline;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchConfig;
import dev.callcenter.kb.search.SearchFilters;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the configured knowledge-index ranking next to plain BM25 on a labelled query set.
 *
 * <p>Usage: {@code EvalMain --articles FILE --queries FILE [--k1 F] [--b F] [--title-b F]
 * [--title-boost F] [--tune]}; {@code --tune} grid-searches the ranking parameters.
 */
public final class EvalMain {
  private EvalMain() {}

  public static void main(String[] args) {
    Map<String, String> options = parse(args);
    List<Article> articles = StackFaq.articles(Path.of(require(options, "--articles")));
    Evaluator evaluator = new Evaluator(StackFaq.queries(Path.of(require(options, "--queries"))));
    SearchConfig defaults = SearchConfig.DEFAULTS;
    SearchConfig config =
        defaults.withRanking(
            number(options, "--k1", defaults.k1()),
            number(options, "--b", defaults.b()),
            number(options, "--title-b", defaults.titleB()),
            number(options, "--title-boost", defaults.titleBoost()));

    System.out.println(Metrics.tableHeader());
    Bm25Baseline baseline = Bm25Baseline.of(articles);
    System.out.println(
        evaluator
            .evaluate(query -> baseline.rank(query, articles.size()))
            .tableRow("BM25 baseline: EnglishAnalyzer, title+resolution one field, k1 1.2 b 0.75"));
    System.out.println(evaluate(evaluator, articles, config).tableRow(describe(config)));
    if (options.containsKey("--tune")) {
      tune(evaluator, articles, defaults);
    }
  }

  /** The knowledge index with this configuration, over these articles, scored. */
  public static Metrics evaluate(Evaluator evaluator, List<Article> articles, SearchConfig config) {
    try (KnowledgeIndex index = KnowledgeIndex.inMemory(config)) {
      index.reindex(articles);
      return evaluator.evaluate(query -> index.rank(query, SearchFilters.NONE, articles.size()));
    }
  }

  private static void tune(Evaluator evaluator, List<Article> articles, SearchConfig defaults) {
    SearchConfig best = defaults;
    double bestMap = -1;
    for (float k1 : new float[] {1.2f, 2.0f, 2.5f, 3.0f}) {
      for (float b : new float[] {0.75f, 0.9f, 1.0f}) {
        for (float titleB : new float[] {0.4f, 0.75f, 1.0f}) {
          for (float boost : new float[] {1f, 1.5f, 2f, 3f}) {
            SearchConfig candidate = defaults.withRanking(k1, b, titleB, boost);
            double map = evaluate(evaluator, articles, candidate).map();
            System.out.printf("tune %.4f %s%n", map, describe(candidate));
            if (map > bestMap) {
              bestMap = map;
              best = candidate;
            }
          }
        }
      }
    }
    System.out.println(evaluate(evaluator, articles, best).tableRow("tuned: " + describe(best)));
  }

  private static String describe(SearchConfig config) {
    return "KnowledgeIndex: title field boost %s, body field; BM25 k1 %s b %s title-b %s"
        .formatted(config.titleBoost(), config.k1(), config.b(), config.titleB());
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--tune")) {
        options.put("--tune", "");
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else {
        throw new KnowledgeBaseException("unexpected argument: " + args[i]);
      }
    }
    return options;
  }

  private static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new KnowledgeBaseException(
          "usage: EvalMain --articles FILE --queries FILE [--k1 F] [--b F] [--title-b F]"
              + " [--title-boost F] [--tune]");
    }
    return value;
  }

  private static float number(Map<String, String> options, String name, float fallback) {
    String value = options.get(name);
    return value == null ? fallback : Float.parseFloat(value);
  }
}
