package dev.callcenter.bench;

import dev.callcenter.kb.Article;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.embedding.EmbeddingConfig;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchConfig;
import dev.callcenter.kb.search.SearchFilters;
import dev.callcenter.kb.search.SearchHit;
import dev.callcenter.kb.search.SearchRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Knowledge-base search on real text: the Debian package descriptions that {@code apt-cache
 * dumpavail} prints (title = package and synopsis, body = long description), repeated with a
 * variant suffix up to the wanted count. Measures indexing rate, search latency lexical-only and
 * hybrid, raw Lucene BM25 on the same index, type-ahead, and how soon an edit is searchable.
 */
final class KbBench {
  private KbBench() {}

  static void run(Path dir, int lexicalArticles, int hybridArticles, int queries)
      throws IOException {
    List<Article> corpus = debianArticles(Math.max(lexicalArticles, hybridArticles));
    if (corpus.isEmpty()) {
      System.out.println("kb: no package descriptions from apt-cache dumpavail; skipped");
      return;
    }
    Random random = new Random(7);
    List<String> queryTexts = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Article a = corpus.get(random.nextInt(Math.min(corpus.size(), hybridArticles)));
      // The synopsis without the package name: how someone would describe what they want.
      queryTexts.add(a.title().substring(a.title().indexOf(':') + 1).strip());
    }
    System.out.printf(
        "kb: %d articles from apt-cache dumpavail, %d queries%n", corpus.size(), queries);

    Path lexicalDir = fresh(dir.resolve("kb-lexical"));
    try (KnowledgeIndex index =
        KnowledgeIndex.open(lexicalDir, SearchConfig.DEFAULTS, Embedders.disabled())) {
      List<Article> articles = corpus.subList(0, Math.min(lexicalArticles, corpus.size()));
      long t0 = System.nanoTime();
      index.reindex(articles);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "kb lexical: indexed %d articles in %.1f s (%.0f articles/s)%n",
          articles.size(), seconds, articles.size() / seconds);
      latency("kb lexical search (KnowledgeIndex, page of 10, snippets)", queryTexts, index);
      rawLucene(lexicalDir, queryTexts);
      suggest(index, queryTexts);
      editVisibility(index, articles.get(0));
    }

    // -DkbHybrid=false leaves the hybrid part out (lexical before/after runs).
    if (!Boolean.parseBoolean(System.getProperty("kbHybrid", "true"))) {
      return;
    }
    Embedders models = Embedders.load(EmbeddingConfig.enabled(dir.resolve("kb-models")));
    Path hybridDir = fresh(dir.resolve("kb-hybrid"));
    try (KnowledgeIndex index = KnowledgeIndex.open(hybridDir, SearchConfig.DEFAULTS, models)) {
      List<Article> articles = corpus.subList(0, Math.min(hybridArticles, corpus.size()));
      long t0 = System.nanoTime();
      index.reindex(articles);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "kb hybrid: indexed %d articles in %.1f s (%.1f articles/s, 3 vectors each)%n",
          articles.size(), seconds, articles.size() / seconds);
      // First pass embeds every query (cache misses); the second is served from the cache.
      latency("kb hybrid search, query embedding not cached", queryTexts, index);
      latency("kb hybrid search, query embedding cached", queryTexts, index);
      editVisibility(index, articles.get(0));
    }
  }

  private static void latency(String name, List<String> queries, KnowledgeIndex index) {
    // Warm-up: JIT compilation and the OS page cache, not part of the measurement.
    queries.stream().limit(200).forEach(q -> index.rank(q, SearchFilters.NONE, 10));
    long[] nanos = new long[queries.size()];
    // CPU time of the searching thread as well: on a box shared with other work it shows the
    // search's own cost, which the wall-clock tail hides behind the neighbours.
    long[] cpu = new long[queries.size()];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    for (int i = 0; i < queries.size(); i++) {
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      List<SearchHit> hits = index.search(SearchRequest.of(queries.get(i))).hits();
      nanos[i] = System.nanoTime() - t;
      cpu[i] = threads.getCurrentThreadCpuTime() - c;
      if (hits.isEmpty() && i == 0) {
        System.out.println("  (first query found nothing: " + queries.get(i) + ")");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%s: %s, %.0f searches/s (1 thread); CPU time %s%n",
        name, Percentiles.of(nanos), queries.size() / seconds, Percentiles.of(cpu));
  }

  private static void rawLucene(Path dir, List<String> queries) throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      QueryBuilder builder = new QueryBuilder(new EnglishAnalyzer());
      for (String q : queries.subList(0, Math.min(200, queries.size()))) {
        Query warm = builder.createBooleanQuery("body_en", q);
        if (warm != null) {
          searcher.search(warm, 10);
        }
      }
      long[] nanos = new long[queries.size()];
      for (int i = 0; i < queries.size(); i++) {
        long t = System.nanoTime();
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        Query title = builder.createBooleanQuery("title_en", queries.get(i));
        Query body = builder.createBooleanQuery("body_en", queries.get(i));
        if (title != null) {
          q.add(title, Occur.SHOULD);
        }
        if (body != null) {
          q.add(body, Occur.SHOULD);
        }
        searcher.search(q.build(), 10);
        nanos[i] = System.nanoTime() - t;
      }
      System.out.printf(
          "raw Lucene BM25 on the same index (top 10 ids, no snippets): %s%n",
          Percentiles.of(nanos));
    }
  }

  private static void suggest(KnowledgeIndex index, List<String> queries) {
    long[] nanos = new long[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      String q = queries.get(i);
      String typed = q.substring(0, Math.min(q.length(), 1 + i % 6));
      long t = System.nanoTime();
      index.suggest(typed, SearchFilters.NONE, 8);
      nanos[i] = System.nanoTime() - t;
    }
    System.out.printf("kb type-ahead (1-6 typed characters): %s%n", Percentiles.of(nanos));
  }

  private static void editVisibility(KnowledgeIndex index, Article article) {
    String marker = "zqxbench" + System.nanoTime();
    Article edited =
        new Article(
            article.id(),
            article.externalId(),
            article.title() + " " + marker,
            article.symptom(),
            article.cause(),
            article.resolution(),
            article.product(),
            article.versions(),
            article.tags(),
            article.language(),
            article.visibility(),
            article.status());
    long t = System.nanoTime();
    index.upsert(edited);
    while (index.search(SearchRequest.of(marker)).hits().isEmpty()) {
      Thread.onSpinWait();
    }
    System.out.printf(
        "  edit searchable after %.0f ms (durable commit + NRT reopen)%n",
        (System.nanoTime() - t) / 1e6);
  }

  static List<Article> debianArticles(int wanted) throws IOException {
    List<Article> base = new ArrayList<>();
    Process p = new ProcessBuilder("apt-cache", "dumpavail").redirectErrorStream(false).start();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String pkg = null;
      String synopsis = null;
      StringBuilder body = new StringBuilder();
      boolean inDescription = false;
      for (String line = in.readLine(); ; line = in.readLine()) {
        if (line == null || line.isEmpty()) {
          if (pkg != null && synopsis != null) {
            base.add(article(base.size(), pkg + ": " + synopsis, body.toString()));
          }
          pkg = null;
          synopsis = null;
          body.setLength(0);
          inDescription = false;
          if (line == null) {
            break;
          }
        } else if (line.startsWith("Package: ")) {
          pkg = line.substring(9).strip();
        } else if (line.startsWith("Description: ")) {
          synopsis = line.substring(13).strip();
          inDescription = true;
        } else if (inDescription && line.startsWith(" ")) {
          String text = line.strip();
          body.append(text.equals(".") ? "\n" : text + " ");
        } else {
          inDescription = false;
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    List<Article> articles = new ArrayList<>(base);
    for (int round = 2; articles.size() < wanted && !base.isEmpty(); round++) {
      for (Article a : base) {
        if (articles.size() >= wanted) {
          break;
        }
        articles.add(
            article(articles.size(), a.title() + " (variant " + round + ")", a.resolution()));
      }
    }
    return articles.subList(0, Math.min(wanted, articles.size()));
  }

  private static Article article(int n, String title, String body) {
    return new Article(
        "deb-" + n,
        "",
        title,
        "",
        "",
        body,
        "",
        List.of(),
        List.of(),
        Language.EN,
        Visibility.PUBLIC,
        ArticleStatus.PUBLISHED);
  }

  static Path fresh(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return dir;
  }
}
