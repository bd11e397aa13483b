package dev.callcenter.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Entry point: {@code bench/run
 * lookup|tickets|hotpaths|cti|ivr|kb|kb-api|dispatch|asterisk|pages|reports|field-report|all}.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    String which = args.length == 0 ? "all" : args[0];
    if (which.equals("ivr")) {
      IvrBench.run();
      return;
    }
    Path dir = Path.of(System.getProperty("bench.dir", "bench/target/pg"));
    System.out.printf(
        "machine: %d cores, JDK %s, max heap %d MiB%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20);
    if (which.equals("dispatch")) {
      // Planning runs on generated days in memory: no database.
      DispatchBench.run(
          System.getProperty("dispatchSeeds", Long.getLong("dispatchSeed", 42L).toString()),
          Duration.ofSeconds(Integer.getInteger("dispatchSmallSeconds", 10)),
          Duration.ofSeconds(Integer.getInteger("dispatchLargeSeconds", 30)),
          Duration.ofSeconds(Integer.getInteger("dispatchEmergencySeconds", 2)));
      return;
    }
    if (which.equals("pages")) {
      // The agent desk in headless Chromium against the demo; also the README's screenshot.
      dev.callcenter.server.PageTimings.run(
          Integer.getInteger("pageLoads", 10),
          Integer.getInteger("popCalls", 20),
          Path.of(System.getProperty("screenshot", "docs/screenshots/desk-pop.png")));
      return;
    }
    if (which.equals("kb")) {
      // The knowledge base needs no database: articles go straight into the index.
      KbBench.run(
          Path.of("bench/target"),
          Integer.getInteger("kbArticles", 100_000),
          Integer.getInteger("kbHybridArticles", 5_000),
          Integer.getInteger("kbQueries", 2_000));
      return;
    }
    try (BenchDatabase db = new BenchDatabase(dir, 32)) {
      if (which.equals("tickets") || which.equals("all")) {
        TicketBench.run(
            db,
            Integer.getInteger("clients", 16),
            Duration.ofSeconds(Integer.getInteger("warmup", 5)),
            Duration.ofSeconds(Integer.getInteger("seconds", 20)));
      }
      if (which.equals("hotpaths")) {
        HotPathBench.run(db, Integer.getInteger("hotCalls", 50_000));
      }
      if (which.equals("cti") || which.equals("all")) {
        CtiBench.run(
            db,
            Integer.getInteger("agents", 500),
            Integer.getInteger("rate", 50),
            Duration.ofSeconds(Integer.getInteger("ctiSeconds", 20)),
            Integer.getInteger("ingestEvents", 200_000));
      }
      if (which.equals("asterisk")) {
        AsteriskBench.run(
            db,
            Integer.getInteger("pbxAgents", 40),
            Integer.getInteger("pbxRate", 2),
            Integer.getInteger("pbxCalls", 300),
            Integer.getInteger("pbxEventCalls", 10));
      }
      if (which.equals("kb-api")) {
        KbApiBench.run(
            db,
            Path.of("bench/target"),
            Integer.getInteger("kbArticles", 100_000),
            Integer.getInteger("kbHybridArticles", 5_000),
            Integer.getInteger("kbQueries", 2_000));
      }
      if (which.equals("reports")) {
        ReportBench.run(
            db,
            Integer.getInteger("reportAgents", 50),
            Integer.getInteger("reportCustomers", 20_000),
            Integer.getInteger("reportTickets", 300_000),
            Boolean.getBoolean("reportsRegenerate"));
      }
      if (which.equals("field-report")) {
        FieldReportBench.run(
            db,
            Integer.getInteger("fieldTechnicians", 50),
            Integer.getInteger("fieldVisitsPerDay", 5),
            Boolean.getBoolean("fieldReportRegenerate"));
      }
      if (which.equals("lookup") || which.equals("all")) {
        LookupBench.run(
            db, Integer.getInteger("customers", 1_000_000), Integer.getInteger("lookups", 200_000));
      }
    }
  }
}
