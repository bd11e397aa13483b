package dev.callcenter.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line entry point: {@code demo} and {@code serve --config FILE}. */
@Command(
    name = "callcenter",
    mixinStandardHelpOptions = true,
    version = "callcenter 0.1",
    description = "Call-center CTI and help-desk server.",
    subcommands = {Main.Demo.class, Main.Serve.class})
public final class Main implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs with an embedded PostgreSQL and demo data. */
  @Command(
      name = "demo",
      description = "Run with an embedded PostgreSQL in ./data (CC_DATA_DIR) and demo data.")
  static final class Demo implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
      ServerConfig config = demoConfig(System.getenv());
      CallCenterServer server = startDemo(config);
      String url = "http://" + displayHost(config.http().host()) + ":" + server.httpPort();
      System.out.println();
      System.out.println(
          "Call center demo is running at " + url + "  (health: " + url + "/api/v1/health)");
      System.out.println("Data: " + config.database().embeddedDataDir().toAbsolutePath());
      System.out.println(
          "Logins (password '"
              + config.demoPassword()
              + "', set CC_DEMO_PASSWORD to change):"
              + " agent1, agent2, supervisor1, tech1, admin1");
      System.out.println("Press Ctrl+C to stop.");
      return runUntilStopped(server);
    }
  }

  /** Production mode: external PostgreSQL from the config file. */
  @Command(name = "serve", description = "Run against the PostgreSQL named in the configuration.")
  static final class Serve implements Callable<Integer> {
    @Option(
        names = "--config",
        required = true,
        description = "Configuration file (HOCON); see config/callcenter.conf.")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
      ServerConfig cfg = ServerConfig.load(config, System.getenv(), Map.of());
      log.info("Starting with {}", cfg);
      return runUntilStopped(new CallCenterServer(cfg, Clock.systemUTC()).start());
    }
  }

  /** The demo's configuration: the environment's settings with the embedded database. */
  static ServerConfig demoConfig(Map<String, String> env) {
    return ServerConfig.load(null, env, Map.of("database.mode", "embedded"));
  }

  /** Starts the server on the embedded database and seeds the demo users and data. */
  static CallCenterServer startDemo(ServerConfig config) {
    CallCenterServer server = new CallCenterServer(config, Clock.systemUTC()).start();
    try {
      DemoData.seed(server.services(), config.demoPassword(), Clock.systemUTC());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static int runUntilStopped(CallCenterServer server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return 0;
  }

  private static String displayHost(String host) {
    return host.equals("0.0.0.0") ? "localhost" : host;
  }
}
