package dev.callcenter.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcenter.helpdesk.db.DatabaseConfig;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.kb.Article;
import dev.callcenter.kb.article.ImportReport;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.embedding.Embedders.Model;
import dev.callcenter.kb.embedding.EmbeddingConfig;
import dev.callcenter.server.CallCenterServer;
import dev.callcenter.server.ServerConfig;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The knowledge base as deployed: a real server on the bench's embedded PostgreSQL. Measures the
 * JSON Lines import through {@code KnowledgeBaseService} (batched transactions, index commits and
 * embeddings), batched against one-at-a-time embedding, and search latency through the HTTP API
 * with a keep-alive client at concurrency 1 and 8 (client and server on the same box).
 */
final class KbApiBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KbApiBench() {}

  static void run(BenchDatabase db, Path dir, int lexicalArticles, int hybridArticles, int queries)
      throws Exception {
    List<Article> corpus = KbBench.debianArticles(Math.max(lexicalArticles, hybridArticles));
    if (corpus.isEmpty()) {
      System.out.println("kb-api: no package descriptions from apt-cache dumpavail; skipped");
      return;
    }
    Random random = new Random(7);
    List<String> queryTexts = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Article a = corpus.get(random.nextInt(Math.min(corpus.size(), hybridArticles)));
      queryTexts.add(a.title().substring(a.title().indexOf(':') + 1).strip());
    }
    // -DkbApiPhases=lexical (or hybrid, or embeddings) runs only those parts, for profiling.
    Set<String> phases =
        Set.of(System.getProperty("kbApiPhases", "embeddings,lexical,hybrid").split(","));
    if (phases.contains("embeddings")) {
      embeddingRates(dir, corpus.subList(0, Math.min(300, corpus.size())));
    }
    if (phases.contains("lexical")) {
      Path lexicalFile = jsonLines(dir.resolve("kb-import-lexical.jsonl"), corpus, lexicalArticles);
      phase(db, dir, "lexical", false, lexicalFile, queryTexts);
    }
    if (phases.contains("hybrid")) {
      Path hybridFile = jsonLines(dir.resolve("kb-import-hybrid.jsonl"), corpus, hybridArticles);
      phase(db, dir, "hybrid", true, hybridFile, queryTexts);
    }
  }

  /** Three vectors per article, as indexing makes them: one text at a time, then in batches. */
  private static void embeddingRates(Path dir, List<Article> articles) {
    Embedders models = Embedders.load(EmbeddingConfig.enabled(dir.resolve("kb-models")));
    List<String> texts = new ArrayList<>();
    for (Article a : articles) {
      texts.add(a.title());
      if (!a.body().isBlank()) {
        texts.add(a.body());
      }
      texts.add(a.title() + "\n" + a.body());
    }
    // Warm-up of both paths (JIT, onnxruntime's first runs).
    texts.stream().limit(30).forEach(t -> models.embedDocument(Model.ENGLISH, t));
    models.embedDocuments(Model.ENGLISH, texts.subList(0, 90));
    long t0 = System.nanoTime();
    texts.forEach(t -> models.embedDocument(Model.ENGLISH, t));
    double single = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    models.embedDocuments(Model.ENGLISH, texts);
    double batched = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "kb embeddings, %d articles × 3 texts (MiniLM): one at a time %.1f articles/s,"
            + " batched %.1f articles/s (%.1f×)%n",
        articles.size(), articles.size() / single, articles.size() / batched, single / batched);
  }

  private static Path jsonLines(Path file, List<Article> corpus, int count) throws Exception {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Article a : corpus.subList(0, Math.min(count, corpus.size()))) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", a.id());
        line.put("title", a.title());
        line.put("resolution", a.resolution());
        line.put("language", "en");
        line.put("visibility", "public");
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
      }
    }
    return file;
  }

  private static void phase(
      BenchDatabase db,
      Path dir,
      String name,
      boolean models,
      Path importFile,
      List<String> queries)
      throws Exception {
    DatabaseConfig dbc = db.config(8);
    try (Connection c =
        DriverManager.getConnection(dbc.jdbcUrl(), dbc.username(), dbc.password())) {
      // The bench database is shared with the other benches: empty only the knowledge base.
      if (c.getMetaData().getTables(null, null, "kb_article", null).next()) {
        c.createStatement().execute("truncate kb_article restart identity cascade");
      }
    }
    Path index = KbBench.fresh(dir.resolve("kb-api-" + name));
    ServerConfig config =
        ServerConfig.load(
            null,
            Map.of(),
            Map.ofEntries(
                Map.entry("database.mode", "external"),
                Map.entry("database.url", dbc.jdbcUrl()),
                Map.entry("database.user", dbc.username()),
                Map.entry("database.password", dbc.password()),
                Map.entry("database.pool-size", "8"),
                Map.entry("http.worker-threads", "8"),
                Map.entry("http.port", "0"),
                Map.entry("kb.index-dir", index.toString()),
                Map.entry("kb.models.enabled", Boolean.toString(models)),
                Map.entry("kb.models.work-dir", dir.resolve("kb-models").toString()),
                Map.entry("tickets.sla-scan-interval", "0s"),
                Map.entry("customers.tier-job-interval", "0s")));
    try (CallCenterServer server = new CallCenterServer(config, Clock.systemUTC()).start()) {
      var s = server.services();
      s.users()
          .upsert(
              "kb-bench", "KB bench", s.passwords().hash("bench-pass"), Set.of(Role.AGENT), "en");
      // The server's CPU time (not PostgreSQL's) next to the wall time: threads that busy-wait
      // show there even when the neighbours' load hides them in the wall time.
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      ImportReport report;
      try (BufferedReader in = Files.newBufferedReader(importFile, StandardCharsets.UTF_8)) {
        report = server.knowledgeBase().importJsonLines(in, null);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
      System.out.printf(
          "kb-api %s import (JSON Lines → PostgreSQL + index, batches of up to 2,000): %d articles"
              + " in %.1f s, %.0f articles/s, server CPU %.1f s (%.2f ms per article), %d bad"
              + " lines%n",
          name,
          report.created(),
          seconds,
          report.created() / seconds,
          cpuSeconds,
          cpuSeconds * 1000 / Math.max(1, report.created()),
          report.errors().size());
      // The cost per article before batching: one transaction and one index commit each, as a
      // one-line import pays now.
      int single = Integer.getInteger("kbApiOneByOne", models ? 100 : 300);
      List<String> lines = Files.readAllLines(importFile, StandardCharsets.UTF_8);
      t0 = System.nanoTime();
      for (int i = 0; i < Math.min(single, lines.size()); i++) {
        String line = lines.get(i).replace("\"id\":\"deb-", "\"id\":\"one-by-one-");
        server
            .knowledgeBase()
            .importJsonLines(new BufferedReader(new java.io.StringReader(line)), null);
      }
      seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "kb-api %s import one line per call (one transaction and index commit per article, the"
              + " cost before batching): %d articles, %.0f articles/s%n",
          name, Math.min(single, lines.size()), Math.min(single, lines.size()) / seconds);
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String base = "http://127.0.0.1:" + server.httpPort();
      String token = login(http, base);
      // Each concurrency gets its own half of the queries, so that hybrid searches embed them.
      int half = queries.size() / 2;
      latency(http, base, token, name, queries.subList(0, half), 1);
      latency(http, base, token, name, queries.subList(half, queries.size()), 8);
    }
  }

  private static String login(HttpClient http, String base) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"kb-bench\",\"password\":\"bench-pass\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).get("token").asText();
  }

  /** GET /api/v1/kb/search, page of 10 with snippets, on keep-alive connections. */
  private static void latency(
      HttpClient http, String base, String token, String name, List<String> queries, int threads)
      throws Exception {
    List<HttpRequest> requests = new ArrayList<>(queries.size());
    for (String q : queries) {
      requests.add(
          HttpRequest.newBuilder(
                  URI.create(
                      base
                          + "/api/v1/kb/search?limit=10&q="
                          + URLEncoder.encode(q, StandardCharsets.UTF_8)))
              .header("Authorization", "Bearer " + token)
              .GET()
              .build());
    }
    // Warm-up: JIT, connections, page cache (and for hybrid the embeddings of these 100); at
    // most half of the queries, so a small -DkbQueries still measures some.
    int warmUp = Math.min(100, requests.size() / 2);
    for (HttpRequest r : requests.subList(0, warmUp)) {
      http.send(r, HttpResponse.BodyHandlers.discarding());
    }
    List<HttpRequest> measured = requests.subList(warmUp, requests.size());
    long[] nanos = new long[measured.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    Thread[] workers = new Thread[threads];
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      workers[t] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = next.getAndIncrement();
                        i < measured.size();
                        i = next.getAndIncrement()) {
                      long t1 = System.nanoTime();
                      try {
                        HttpResponse<Void> r =
                            http.send(measured.get(i), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                          failures.incrementAndGet();
                        }
                      } catch (Exception e) {
                        failures.incrementAndGet();
                      }
                      nanos[i] = System.nanoTime() - t1;
                    }
                  });
    }
    for (Thread w : workers) {
      w.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "kb-api %s search over HTTP, concurrency %d (keep-alive, queries new to the embedding"
            + " cache except the warm-up): %s, %.0f searches/s%s%n",
        name,
        threads,
        Percentiles.of(nanos),
        measured.size() / seconds,
        failures.get() > 0 ? ", FAILED " + failures.get() : "");
  }
}
