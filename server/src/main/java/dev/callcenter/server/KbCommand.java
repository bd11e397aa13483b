package dev.callcenter.server;

import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.kb.article.ImportReport;
import dev.callcenter.kb.article.JdbiArticleRepository;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.eval.EvalMain;
import dev.callcenter.kb.library.KnowledgeBaseService;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code callcenter kb import|export|eval}: knowledge-base articles as JSON Lines, and ranking. */
@Command(
    name = "kb",
    description = "Knowledge base: import or export articles as JSON Lines, evaluate the ranking.",
    subcommands = {KbCommand.Import.class, KbCommand.Export.class, KbCommand.Eval.class})
final class KbCommand implements Runnable {

  @Override
  public void run() {
    System.out.println("Use: callcenter kb import|export|eval --help");
  }

  /**
   * Runs {@code work} on the configured database. The index is a throw-away in memory: a running
   * server holds the index directory, and brings its index up to date from the database at its next
   * start (import through the API to see articles at once).
   */
  static <T> T withKnowledgeBase(Path config, Function<KnowledgeBaseService, T> work) {
    ServerConfig cfg = ServerConfig.load(config, System.getenv(), Map.of());
    try (Storage storage = Storage.open(cfg);
        KnowledgeIndex index =
            KnowledgeIndex.inMemory(SearchConfig.DEFAULTS, Embedders.disabled())) {
      var jdbi = storage.database().jdbi();
      return work.apply(
          new KnowledgeBaseService(
              new JdbiArticleRepository(jdbi),
              new JdbiTransactions(jdbi),
              index,
              Clock.systemUTC()));
    }
  }

  @Command(
      name = "import",
      description =
          "Import articles from JSON Lines ({id, title, resolution, language, ...}); bad lines are"
              + " reported with their number and skipped.")
  static final class Import implements Callable<Integer> {
    @Option(
        names = "--config",
        description =
            "Configuration file, as for serve (default: built-in defaults and CC_* variables).")
    Path config;

    @Parameters(index = "0", description = "The JSON Lines file.")
    Path file;

    @Override
    public Integer call() throws IOException {
      ImportReport report;
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        report = withKnowledgeBase(config, kb -> kb.importJsonLines(in, null));
      }
      report.errors().forEach(e -> System.err.println(file + ":" + e.line() + ": " + e.message()));
      System.out.printf(
          "%d created, %d updated, %d unchanged, %d bad lines skipped%n",
          report.created(), report.updated(), report.unchanged(), report.errors().size());
      return report.errors().isEmpty() ? 0 : 1;
    }
  }

  @Command(name = "export", description = "Write every article as JSON Lines.")
  static final class Export implements Callable<Integer> {
    @Option(
        names = "--config",
        description =
            "Configuration file, as for serve (default: built-in defaults and CC_* variables).")
    Path config;

    @Parameters(index = "0", description = "The file to write.")
    Path file;

    @Override
    public Integer call() throws IOException {
      int count;
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        count = withKnowledgeBase(config, kb -> kb.exportJsonLines(out));
      }
      System.out.println(count + " articles written to " + file);
      return 0;
    }
  }

  @Command(
      name = "eval",
      description =
          "Print MAP, MRR, P@1, Recall@5, nDCG@10 of the configured (hybrid) ranking and of plain"
              + " BM25 on a labelled query set (format of the StackFAQ files).")
  static final class Eval implements Callable<Integer> {
    @Option(names = "--articles", required = true, description = "Articles, JSON Lines.")
    Path articles;

    @Option(
        names = "--queries",
        required = true,
        description = "Queries: query_id, article_id, query (TSV).")
    Path queries;

    @Option(names = "--config", description = "Configuration file (for kb.models.*).")
    Path config;

    @Option(names = "--tune-hybrid", description = "Also score other BM25 blend weights.")
    boolean tuneHybrid;

    @Override
    public Integer call() {
      ServerConfig cfg = ServerConfig.load(config, System.getenv(), Map.of());
      List<String> args =
          new ArrayList<>(
              List.of("--articles", articles.toString(), "--queries", queries.toString()));
      if (cfg.kb().modelsEnabled()) {
        args.addAll(List.of("--models", cfg.kb().modelsWorkDir().toString()));
      } else {
        args.add("--no-models");
      }
      if (tuneHybrid) {
        args.add("--tune-hybrid");
      }
      EvalMain.main(args.toArray(String[]::new));
      return 0;
    }
  }
}
