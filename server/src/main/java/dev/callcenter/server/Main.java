package dev.callcenter.server;

import dev.callcenter.cti.ivr.IvrConfig;
import dev.callcenter.cti.ivr.fastagi.FastAgiConfig;
import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.audit.JdbiSecurityAuditRepository;
import dev.callcenter.helpdesk.audit.SecurityAudit;
import dev.callcenter.helpdesk.audit.SecurityEventKind;
import dev.callcenter.helpdesk.customer.Languages;
import dev.callcenter.helpdesk.db.EmbeddedDatabase;
import dev.callcenter.helpdesk.user.JdbiUserRepository;
import dev.callcenter.helpdesk.user.PasswordHasher;
import dev.callcenter.helpdesk.user.PasswordPolicy;
import dev.callcenter.helpdesk.user.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
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
    subcommands = {Main.Demo.class, Main.Serve.class, Main.AddUser.class, KbCommand.class})
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

  /** The phone system a demo runs against. */
  enum DemoPbxKind {
    /** The built-in PBX simulator: calls placed from the agent desk. */
    simulator,
    /** A real Asterisk: AMI at cti.ami.*, the IVR's FastAGI at ivr.host:ivr.port. */
    asterisk
  }

  /** Runs with an embedded PostgreSQL and demo data. */
  @Command(
      name = "demo",
      description =
          "Run with an embedded PostgreSQL in ./data (CC_DATA_DIR) and demo data, against the"
              + " built-in PBX simulator or (--pbx asterisk) a real Asterisk.")
  static final class Demo implements Callable<Integer> {
    @Option(
        names = "--pbx",
        defaultValue = "simulator",
        description =
            "simulator (default) or asterisk: connect to the Asterisk at cti.ami.* (host, port,"
                + " username, secret: CC_CTI_AMI_* or --config) and serve the IVR on ivr.host:"
                + "ivr.port for the peers in ivr.allowed-peers; see config/asterisk/README.md.")
    DemoPbxKind pbx;

    @Option(
        names = "--config",
        description = "Configuration file for the keys the demo does not set (e.g. cti.ami.*).")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
      ServerConfig config =
          pbx == DemoPbxKind.asterisk
              ? asteriskDemoConfig(configFile, System.getenv())
              : ServerConfig.load(configFile, System.getenv(), Map.of("database.mode", "embedded"));
      CallCenterServer server =
          pbx == DemoPbxKind.asterisk ? startDemoOnAsterisk(config) : startDemo(config);
      String url = "http://" + displayHost(config.http().host()) + ":" + server.httpPort();
      System.out.println();
      System.out.println(
          "Call center demo is running at " + url + "  (health: " + url + "/api/v1/health)");
      Path data = config.database().embeddedDataDir();
      System.out.println(
          "Data: "
              + data.toAbsolutePath()
              + "  (database password: "
              + EmbeddedDatabase.passwordFileOf(data)
              + ")");
      System.out.println(
          "Logins (password '"
              + config.demoPassword()
              + "', set CC_DEMO_PASSWORD to change):"
              + " agent1, agent2, supervisor1, tech1, admin1");
      if (pbx == DemoPbxKind.asterisk) {
        var ami = config.cti().ami();
        System.out.println(
            "Asterisk: AMI at "
                + ami.host()
                + ":"
                + ami.port()
                + " as "
                + ami.username()
                + " (link state and, if down, why: "
                + url
                + "/api/v1/health); IVR FastAGI on "
                + config.ivr().config().agi().host()
                + ":"
                + server.ivr().port());
        System.out.println(
            "Demo phones: agent1 = PJSIP/1001, agent2 = PJSIP/1002, in "
                + String.join(", ", DemoPbx.QUEUES)
                + "; log in at the agent desk to join the queues.");
      }
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

  /** Creates or resets a user, e.g. the first administrator of a new installation. */
  @Command(
      name = "add-user",
      description =
          "Create a user or reset their password and roles. The password is read from"
              + " --password-file, CC_NEW_USER_PASSWORD, or asked for on the terminal.")
  static final class AddUser implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "Configuration file, as for serve.")
    Path config;

    @Option(names = "--username", required = true)
    String username;

    @Option(names = "--name", description = "Display name (default: the username).")
    String displayName;

    @Option(
        names = "--role",
        required = true,
        split = ",",
        description = "One or more of: ${COMPLETION-CANDIDATES}.")
    Set<Role> roles;

    @Option(names = "--language", defaultValue = "zh-TW", description = "zh-TW, zh-CN or en.")
    String language;

    @Option(
        names = "--password-file",
        description = "Read the password from the first line of this file (for scripts).")
    Path passwordFile;

    @Override
    public Integer call() throws java.io.IOException {
      String password =
          passwordFile != null
              ? java.nio.file.Files.readAllLines(passwordFile).stream().findFirst().orElse("")
              : System.getenv("CC_NEW_USER_PASSWORD");
      if (password == null && System.console() != null) {
        char[] typed = System.console().readPassword("Password for %s: ", username);
        password = typed == null ? null : new String(typed);
      }
      if (password == null) {
        System.err.println("A password is required (--password-file or CC_NEW_USER_PASSWORD).");
        return 2;
      }
      try {
        PasswordPolicy.standard().check(username.strip(), password);
      } catch (HelpdeskException e) {
        System.err.println("Password refused (" + e.code() + "): " + e.getMessage() + ".");
        return 2;
      }
      ServerConfig cfg = ServerConfig.load(config, System.getenv(), Map.of());
      try (Storage storage = Storage.open(cfg)) {
        var jdbi = storage.database().jdbi();
        var users = new JdbiUserRepository(jdbi);
        boolean existed = users.findCredentials(username.strip()).isPresent();
        long id =
            users.upsert(
                username.strip(),
                displayName == null ? username.strip() : displayName,
                new PasswordHasher().hash(password),
                roles,
                Languages.of("language", language));
        // New password or roles: sessions opened with the old ones end (other nodes' caches
        // within 30 s).
        int ended = users.deleteUserSessions(id, null);
        new SecurityAudit(new JdbiSecurityAuditRepository(jdbi), Clock.systemUTC())
            .record(
                existed ? SecurityEventKind.PASSWORD_RESET : SecurityEventKind.USER_CREATED,
                new SecurityAudit.Actor(null, "add-user command", "localhost"),
                id,
                username.strip(),
                Map.of(
                    "roles",
                    roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                    "sessionsEnded",
                    String.valueOf(ended)));
      }
      System.out.println("User " + username + " saved with roles " + roles);
      return 0;
    }
  }

  /** The demo's configuration: the environment's settings with the embedded database. */
  static ServerConfig demoConfig(Map<String, String> env) {
    return ServerConfig.load(null, env, Map.of("database.mode", "embedded"));
  }

  /** The demo's configuration against a real Asterisk: CTI and IVR on, embedded database. */
  static ServerConfig asteriskDemoConfig(Path file, Map<String, String> env) {
    return ServerConfig.load(
        file,
        env,
        Map.of("database.mode", "embedded", "cti.enabled", "true", "ivr.enabled", "true"));
  }

  /**
   * Starts the server on the embedded database against the Asterisk of the configuration and seeds
   * the demo users, data and the demo agents' phones and queues (those of the sample config in
   * config/asterisk/).
   */
  static CallCenterServer startDemoOnAsterisk(ServerConfig config) {
    CallCenterServer server = new CallCenterServer(config, Clock.systemUTC()).start();
    try {
      DemoData.seed(server.services(), config.demoPassword(), Clock.systemUTC());
      DemoData.seedKnowledge(server.knowledgeBase());
      DemoData.seedDevices(server.services(), DemoPbx.DEVICES, DemoPbx.QUEUES);
      server.cti().reloadAgents();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Starts the server on the embedded database and seeds the demo users and data. */
  static CallCenterServer startDemo(ServerConfig config) {
    DemoPbx pbx = DemoPbx.start();
    CallCenterServer server;
    try {
      ServerConfig.Ivr ivr = config.ivr();
      ServerConfig withPbx =
          config
              .withCti(pbx.ctiSettings(config.cti()))
              .withIvr(
                  new ServerConfig.Ivr(
                      true,
                      new IvrConfig(
                          new FastAgiConfig(
                              "127.0.0.1",
                              0,
                              List.of("127.0.0.1"),
                              ivr.config().agi().readTimeout(),
                              ivr.config().agi().backlog()),
                          ivr.config().menusFile()),
                      ivr.menus()));
      server = new CallCenterServer(withPbx, Clock.systemUTC(), pbx).start();
    } catch (RuntimeException e) {
      pbx.close();
      throw e;
    }
    try {
      DemoData.seed(server.services(), config.demoPassword(), Clock.systemUTC());
      DemoData.seedKnowledge(server.knowledgeBase());
      DemoData.seedDevices(server.services(), DemoPbx.DEVICES, DemoPbx.QUEUES);
      server.cti().reloadAgents();
      pbx.ivrAt(server.ivr().port());
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
