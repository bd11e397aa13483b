package dev.callcenter.kb.eval;

import dev.callcenter.kb.Article;
import dev.callcenter.kb.KnowledgeBaseException;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.embedding.EmbeddingConfig;
import dev.callcenter.kb.search.Bm25Baseline;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchConfig;
import dev.callcenter.kb.search.SearchFilters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the configured knowledge-index ranking (hybrid BM25 + dense vectors) next to the lexical
 * ranking and plain BM25 on a labelled query set.
 *
 * <p>Usage: {@code EvalMain --articles FILE --queries FILE [--k1 F] [--b F] [--title-b F]
 * [--title-boost F] [--lexical-weight F] [--zh-lexical-weight F] [--no-phrases] [--models DIR |
 * --no-models] [--tune] [--tune-hybrid] [--dense-thresholds]}; {@code --tune} grid-searches the
 * BM25 parameters, {@code --tune-hybrid} the blend weight, {@code --dense-thresholds} prints what
 * the dense-only threshold is chosen from (thresholds scored: {@code -Dkb.eval.thresholds}). The
 * models' runtime writes under {@code --models DIR} (default: a temporary directory).
 */
public final class EvalMain {
  private EvalMain() {}

  public static void main(String[] args) {
    Map<String, String> options = parse(args);
    List<Article> articles = StackFaq.articles(Path.of(require(options, "--articles")));
    Evaluator evaluator = new Evaluator(StackFaq.queries(Path.of(require(options, "--queries"))));
    SearchConfig defaults = SearchConfig.DEFAULTS;
    SearchConfig config =
        defaults
            .withRanking(
                number(options, "--k1", defaults.k1()),
                number(options, "--b", defaults.b()),
                number(options, "--title-b", defaults.titleB()),
                number(options, "--title-boost", defaults.titleBoost()))
            .withLexicalWeight(number(options, "--lexical-weight", defaults.lexicalWeight()))
            .withChineseLexicalWeight(
                number(options, "--zh-lexical-weight", defaults.chineseLexicalWeight()))
            .withCrossStraitPhrases(!options.containsKey("--no-phrases"));

    System.out.println(Metrics.tableHeader());
    Bm25Baseline baseline = Bm25Baseline.of(articles);
    System.out.println(
        evaluator
            .evaluate(query -> baseline.rank(query, articles.size()))
            .tableRow("BM25 baseline: EnglishAnalyzer, title+resolution one field, k1 1.2 b 0.75"));
    System.out.println(evaluate(evaluator, articles, config).tableRow(describe(config)));
    if (!options.containsKey("--no-models")) {
      Embedders models = Embedders.load(EmbeddingConfig.enabled(modelDir(options)));
      try (KnowledgeIndex index = KnowledgeIndex.inMemory(config, models)) {
        index.reindex(articles);
        System.out.println(evaluate(evaluator, index, articles).tableRow(describeHybrid(config)));
        if (options.containsKey("--tune-hybrid")) {
          tuneHybrid(evaluator, articles, config, models);
        }
        if (options.containsKey("--dense-thresholds")) {
          denseThresholds(
              StackFaq.queries(Path.of(require(options, "--queries"))),
              evaluator,
              index,
              articles,
              config,
              models);
        }
      }
    }
    if (options.containsKey("--tune")) {
      tune(evaluator, articles, defaults);
    }
  }

  /** The knowledge index with these models, over these articles, scored. */
  public static Metrics evaluate(
      Evaluator evaluator, List<Article> articles, SearchConfig config, Embedders models) {
    try (KnowledgeIndex index = KnowledgeIndex.inMemory(config, models)) {
      index.reindex(articles);
      return evaluate(evaluator, index, articles);
    }
  }

  private static Metrics evaluate(
      Evaluator evaluator, KnowledgeIndex index, List<Article> articles) {
    return evaluator.evaluate(query -> index.rank(query, SearchFilters.NONE, articles.size()));
  }

  private static void tuneHybrid(
      Evaluator evaluator, List<Article> articles, SearchConfig config, Embedders models) {
    for (float weight : new float[] {0f, 0.05f, 0.1f, 0.15f, 0.2f, 0.25f, 0.3f, 0.4f, 0.5f}) {
      // A query set is in one language: both weights move together.
      SearchConfig candidate = config.withLexicalWeight(weight).withChineseLexicalWeight(weight);
      System.out.println(
          evaluate(evaluator, articles, candidate, models).tableRow(describeHybrid(candidate)));
    }
  }

  /**
   * For choosing the dense-only threshold: the cosine of each query with its relevant article and
   * with 20 random other articles (seeded), as percentiles, then the ranking's figures with a few
   * thresholds (applied to both languages, as a query set is in one language).
   */
  private static void denseThresholds(
      List<LabelledQuery> queries,
      Evaluator evaluator,
      KnowledgeIndex index,
      List<Article> articles,
      SearchConfig config,
      Embedders models) {
    java.util.Random random = new java.util.Random(42);
    List<Float> relevant = new java.util.ArrayList<>();
    List<Float> unrelated = new java.util.ArrayList<>();
    for (LabelledQuery query : queries) {
      relevant.add(index.cosine(query.text(), query.relevantArticleId()));
      for (int i = 0; i < 20; i++) {
        String other = articles.get(random.nextInt(articles.size())).id();
        if (!other.equals(query.relevantArticleId())) {
          unrelated.add(index.cosine(query.text(), other));
        }
      }
    }
    System.out.println("cosine with the relevant article: " + percentiles(relevant));
    System.out.println("cosine with random other articles: " + percentiles(unrelated));
    for (float t : new float[] {0.3f, 0.4f, 0.5f, 0.55f, 0.6f, 0.65f, 0.7f}) {
      long passing = unrelated.stream().filter(c -> c >= t).count();
      long below = relevant.stream().filter(c -> c < t).count();
      System.out.printf(
          "threshold %.2f: random pairs at or above %.2f%%, relevant articles below %.2f%%%n",
          t, 100.0 * passing / unrelated.size(), 100.0 * below / relevant.size());
    }
    String[] thresholds = System.getProperty("kb.eval.thresholds", "0.3,0.5,0.6").split(",");
    for (String value : thresholds) {
      float t = Float.parseFloat(value);
      SearchConfig candidate = config.withDenseOnlyCosines(t, t);
      System.out.println(
          evaluate(evaluator, articles, candidate, models)
              .tableRow(describeHybrid(candidate) + ", dense-only cosine ≥ " + t));
    }
  }

  private static String percentiles(List<Float> values) {
    float[] sorted = new float[values.size()];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = values.get(i);
    }
    java.util.Arrays.sort(sorted);
    StringBuilder out = new StringBuilder("n " + sorted.length);
    for (double p : new double[] {0.01, 0.05, 0.1, 0.5, 0.9, 0.99, 0.999}) {
      out.append(
          String.format(
              java.util.Locale.ROOT,
              "  p%s %.3f",
              p * 100 % 1 == 0 ? String.valueOf((int) (p * 100)) : String.valueOf(p * 100),
              sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))]));
    }
    return out.toString();
  }

  private static Path modelDir(Map<String, String> options) {
    try {
      String dir = options.get("--models");
      return dir != null ? Path.of(dir) : Files.createTempDirectory("kb-eval-models");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describeHybrid(SearchConfig config) {
    return ("hybrid: all-MiniLM-L6-v2-q title/body/title+body vectors, best vector cosine × %.2f"
            + " + BM25/max × %.2f (BM25 as above)")
        .formatted(1 - config.lexicalWeight(), config.lexicalWeight());
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
    return "lexical KnowledgeIndex: title field boost %s, body field; BM25 k1 %s b %s title-b %s"
        .formatted(config.titleBoost(), config.k1(), config.b(), config.titleB());
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--tune")
          || args[i].equals("--tune-hybrid")
          || args[i].equals("--no-models")
          || args[i].equals("--no-phrases")
          || args[i].equals("--dense-thresholds")) {
        options.put(args[i], "");
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
              + " [--title-boost F] [--lexical-weight F] [--zh-lexical-weight F] [--no-phrases]"
              + " [--models DIR | --no-models] [--tune]"
              + " [--tune-hybrid]");
    }
    return value;
  }

  private static float number(Map<String, String> options, String name, float fallback) {
    String value = options.get(name);
    return value == null ? fallback : Float.parseFloat(value);
  }
}
