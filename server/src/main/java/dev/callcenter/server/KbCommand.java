package dev.callcenter.server;

import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.kb.article.ImportReport;
import dev.callcenter.kb.article.JdbiArticleRepository;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.embedding.EmbeddingConfig;
import dev.callcenter.kb.eval.EvalMain;
import dev.callcenter.kb.library.KnowledgeBase;
import dev.callcenter.kb.library.KnowledgeBaseService;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
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
   * The configuration of a kb command: as for {@code serve} with {@code --config}; without one, the
   * demo's embedded PostgreSQL in the data directory (unless {@code CC_DATABASE_MODE} says
   * otherwise), so that the command works on the data {@code callcenter demo} made.
   */
  static ServerConfig config(Path config) {
    Map<String, String> env = System.getenv();
    Map<String, String> overrides =
        config == null && !env.containsKey("CC_DATABASE_MODE")
            ? Map.of("database.mode", "embedded")
            : Map.of();
    return ServerConfig.load(config, env, overrides);
  }

  /**
   * Runs {@code work} on the configured database and the server's index directory (the command runs
   * only when no server does: a running server holds both, see {@link RunningServer}). Embedding
   * models are loaded as configured, so that the index gets the vectors the server would make.
   */
  static <T> T withKnowledgeBase(
      ServerConfig cfg, boolean realIndex, Function<KnowledgeBaseService, T> work) {
    KnowledgeBase.Settings kb = cfg.kbSettings();
    try (Storage storage = Storage.open(cfg);
        KnowledgeIndex index =
            realIndex
                ? KnowledgeIndex.openOrRecreate(
                    kb.indexDir(),
                    SearchConfig.DEFAULTS,
                    Embedders.load(
                        new EmbeddingConfig(
                            kb.modelsEnabled(), kb.modelsWorkDir(), kb.queryCacheSize())))
                : KnowledgeIndex.inMemory(SearchConfig.DEFAULTS, Embedders.disabled())) {
      var jdbi = storage.database().jdbi();
      return work.apply(
          new KnowledgeBaseService(
              new JdbiArticleRepository(jdbi),
              new JdbiTransactions(jdbi),
              index,
              Clock.systemUTC()));
    }
  }

  /** How to reach a running server: its address and a manager's login. */
  static final class ServerOptions {
    @Option(
        names = "--server",
        description =
            "Base URL of a running server to import through (default: the configured http.port on"
                + " this machine, used when a server answers there).")
    URI server;

    @Option(
        names = "--direct",
        description = "Write to the database and index directly, even if a server answers.")
    boolean direct;

    @Option(
        names = "--user",
        defaultValue = "admin",
        description = "A supervisor or admin to log in as on the running server (default admin).")
    String user;

    @Option(
        names = "--password-file",
        description =
            "File holding that user's password (default: the CC_PASSWORD variable, else asked).")
    Path passwordFile;

    char[] password() throws IOException {
      if (passwordFile != null) {
        return Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
      }
      String env = System.getenv("CC_PASSWORD");
      if (env != null) {
        return env.toCharArray();
      }
      if (System.console() == null) {
        throw new IllegalStateException(
            "a server is running: give --password-file or CC_PASSWORD for " + user);
      }
      return System.console().readPassword("Password for %s: ", user);
    }
  }

  @Command(
      name = "import",
      description =
          "Import articles from JSON Lines ({id, title, resolution, language, ...}); bad lines are"
              + " reported with their number and skipped. Goes through the running server's API"
              + " when one answers (its index sees the articles at once), else straight into the"
              + " database and the index.")
  static final class Import implements Callable<Integer> {
    @Option(
        names = "--config",
        description =
            "Configuration file, as for serve (default: the demo's embedded database in the data"
                + " directory, and CC_* variables).")
    Path config;

    @picocli.CommandLine.Mixin ServerOptions serverOptions = new ServerOptions();

    @Parameters(index = "0", description = "The JSON Lines file.")
    Path file;

    @Override
    public Integer call() throws Exception {
      ServerConfig cfg = config(config);
      int total = ImportProgressBar.countLines(file);
      ImportProgressBar bar = new ImportProgressBar(System.err, total);
      ImportReport report;
      URI server = serverOptions.direct ? null : RunningServer.find(serverOptions.server, cfg);
      if (server != null) {
        System.err.println("Importing through the server at " + server);
        RunningServer api =
            RunningServer.logIn(server, serverOptions.user, serverOptions.password());
        report = api.importFile(file, cfg.http().maxBodyBytes(), bar);
      } else {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          report = withKnowledgeBase(cfg, true, kb -> kb.importJsonLines(in, null, bar));
        }
      }
      bar.done(report);
      report.errors().forEach(e -> System.err.println(file + ":" + e.line() + ": " + e.message()));
      System.out.printf(
          "%d created, %d updated, %d unchanged, %d bad lines skipped%n",
          report.created(), report.updated(), report.unchanged(), report.errors().size());
      return report.errors().isEmpty() ? 0 : 1;
    }
  }

  @Command(
      name = "export",
      description =
          "Write every article as JSON Lines (through the running server's API when one answers).")
  static final class Export implements Callable<Integer> {
    @Option(
        names = "--config",
        description =
            "Configuration file, as for serve (default: the demo's embedded database in the data"
                + " directory, and CC_* variables).")
    Path config;

    @picocli.CommandLine.Mixin ServerOptions serverOptions = new ServerOptions();

    @Parameters(index = "0", description = "The file to write.")
    Path file;

    @Override
    public Integer call() throws Exception {
      ServerConfig cfg = config(config);
      URI server = serverOptions.direct ? null : RunningServer.find(serverOptions.server, cfg);
      int count;
      if (server != null) {
        count =
            RunningServer.logIn(server, serverOptions.user, serverOptions.password())
                .exportTo(file);
      } else {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          count = withKnowledgeBase(cfg, false, kb -> kb.exportJsonLines(out));
        }
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
      ServerConfig cfg = config(config);
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
