package dev.callcenter.server;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import dev.callcenter.cti.CtiGateway;
import dev.callcenter.cti.ami.AmiSettings;
import dev.callcenter.cti.ami.NumberingConfig;
import dev.callcenter.cti.ivr.IvrConfig;
import dev.callcenter.helpdesk.assembly.Helpdesk;
import dev.callcenter.kb.library.KnowledgeBase;
import dev.callcenter.ui.AgentUi;
import dev.callcenter.ui.http.TrustedProxies;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's configuration, parsed once from {@code config/callcenter.conf} (built in as the
 * defaults), an optional file, and {@code CC_…} environment variables, into records.
 */
public record ServerConfig(
    Path dataDir,
    Http http,
    Database database,
    String phoneDefaultRegion,
    Auth auth,
    BigDecimal vipValueShare,
    Duration tierJobInterval,
    int slaWarningPercent,
    Duration slaScanInterval,
    Duration reopenWindow,
    Duration assignmentDrainInterval,
    Cti cti,
    Ivr ivr,
    String demoPassword,
    Kb kb,
    Dispatch dispatch,
    Reports reports) {

  /**
   * Report settings (docs/metrics.md).
   *
   * @param zone whose weeks the complaint-spike watch counts in
   * @param spikeWeeks trailing weeks a week is compared with
   * @param spikeSigma standard deviations above their mean that make a spike
   * @param spikeScanInterval how often the current week is checked; zero disables the watch
   */
  public record Reports(
      ZoneId zone, int spikeWeeks, double spikeSigma, Duration spikeScanInterval) {}

  /**
   * Field-service settings.
   *
   * @param timeZone the zone a dispatch day, its plans and the board are read in
   * @param orderWorthMinutes how many minutes of extra driving serving one order is worth to the
   *     planner (1–1000; ADR 0030)
   */
  public record Dispatch(ZoneId timeZone, int orderWorthMinutes) {}

  /**
   * Knowledge-base settings.
   *
   * @param modelsEnabled hybrid search with the embedding models; false is BM25 only
   */
  public record Kb(Path indexDir, boolean modelsEnabled, Path modelsWorkDir, int queryCacheSize) {}

  /**
   * IVR settings.
   *
   * @param menus the menus file, null for the built-in copy of {@code config/ivr-menus.conf}
   */
  public record Ivr(boolean enabled, IvrConfig config, Path menus) {}

  /** HTTP listener settings. */
  public record Http(
      String host,
      int port,
      boolean secureCookies,
      long maxBodyBytes,
      int workerThreads,
      Set<String> allowedOrigins,
      TrustedProxies trustedProxies) {}

  /** CTI gateway settings; the AMI secret is never printed. */
  public record Cti(
      boolean enabled,
      AmiSettings ami,
      Map<String, String> trunkRegions,
      Map<String, String> contextRegions,
      ZoneId timeZone,
      Duration wrapUp,
      Duration serviceLevelThreshold,
      String originateContext,
      String transferContext,
      String callbackOwner,
      Duration callbackDue) {}

  /** Database settings; {@code embedded} selects the in-process server. */
  public record Database(
      boolean embedded,
      String url,
      String user,
      String password,
      int poolSize,
      Duration connectTimeout,
      Path embeddedDataDir,
      int embeddedPort) {

    @Override
    public String toString() {
      return embedded
          ? "embedded PostgreSQL in " + embeddedDataDir
          : "PostgreSQL at " + url + " as " + user;
    }
  }

  /** Login and session settings. */
  public record Auth(
      Duration sessionTtl,
      Duration idleTimeout,
      Duration technicianIdleTimeout,
      int maxFailuresPerUser,
      int maxFailuresPerAddress,
      Duration failureWindow) {}

  static final String DEFAULTS = "dev/callcenter/server/callcenter.conf";

  /** Loads the defaults, then {@code file} if given, then the environment. */
  public static ServerConfig load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    Config defaults =
        ConfigFactory.parseResources(
            DEFAULTS, ConfigParseOptions.defaults().setAllowMissing(false));
    Config merged = defaults;
    if (file != null) {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("Cannot read configuration file " + file);
      }
      Config own =
          ConfigFactory.parseFile(
              file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      for (var entry : own.resolve().entrySet()) {
        if (!defaults.hasPath(entry.getKey())) {
          throw new IllegalArgumentException(
              "Unknown configuration key '"
                  + entry.getKey()
                  + "' in "
                  + file
                  + "; see config/callcenter.conf");
        }
      }
      merged = own.withFallback(defaults);
    }
    for (var entry : overrides.entrySet()) {
      merged = merged.withValue(entry.getKey(), ConfigValueFactory.fromAnyRef(entry.getValue()));
    }
    for (var entry : defaults.resolve().entrySet()) {
      String var = envName(entry.getKey());
      String value = env.get(var);
      if (value != null && !value.isEmpty()) {
        merged = merged.withValue(entry.getKey(), ConfigValueFactory.fromAnyRef(value));
      }
    }
    return from(merged.resolve());
  }

  /** {@code database.embedded.data-dir} → {@code CC_DATABASE_EMBEDDED_DATA_DIR}. */
  static String envName(String path) {
    return "CC_" + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  static ServerConfig from(Config c) {
    Path dataDir = Path.of(c.getString("data-dir"));
    String mode = c.getString("database.mode");
    if (!mode.equals("embedded") && !mode.equals("external")) {
      throw new IllegalArgumentException(
          "database.mode must be 'embedded' or 'external', not '" + mode + "'");
    }
    String embeddedDir = c.getString("database.embedded.data-dir");
    Database db =
        new Database(
            mode.equals("embedded"),
            c.getString("database.url"),
            c.getString("database.user"),
            c.getString("database.password"),
            c.getInt("database.pool-size"),
            c.getDuration("database.connect-timeout"),
            embeddedDir.isBlank() ? dataDir.resolve("postgres") : Path.of(embeddedDir),
            c.getInt("database.embedded.port"));
    return new ServerConfig(
        dataDir,
        new Http(
            c.getString("http.host"),
            c.getInt("http.port"),
            c.getBoolean("http.secure-cookies"),
            c.getBytes("http.max-body-bytes"),
            c.getInt("http.worker-threads"),
            list(c.getString("http.allowed-origins")),
            TrustedProxies.parse(
                "http.trusted-proxies", List.copyOf(list(c.getString("http.trusted-proxies"))))),
        db,
        c.getString("phone.default-region"),
        new Auth(
            c.getDuration("auth.session-ttl"),
            c.getDuration("auth.idle-timeout"),
            c.getDuration("auth.technician-idle-timeout"),
            c.getInt("auth.max-failures-per-user"),
            c.getInt("auth.max-failures-per-address"),
            c.getDuration("auth.failure-window")),
        new BigDecimal(c.getString("customers.vip-value-share")),
        c.getDuration("customers.tier-job-interval"),
        c.getInt("tickets.sla-warning-percent"),
        c.getDuration("tickets.sla-scan-interval"),
        c.getDuration("tickets.reopen-window"),
        c.getDuration("tickets.assignment-drain-interval"),
        cti(c),
        ivr(c),
        c.getString("demo.password"),
        new Kb(
            dirOrDefault(c.getString("kb.index-dir"), dataDir.resolve("kb-index")),
            c.getBoolean("kb.models.enabled"),
            dirOrDefault(c.getString("kb.models.work-dir"), dataDir.resolve("kb-models")),
            c.getInt("kb.models.query-cache-size")),
        new Dispatch(
            zone("dispatch.time-zone", c.getString("dispatch.time-zone")),
            orderWorth(c.getInt("dispatch.order-worth-minutes"))),
        new Reports(
            zone("reports.time-zone", c.getString("reports.time-zone")),
            c.getInt("reports.complaint-spike-weeks"),
            c.getDouble("reports.complaint-spike-sigma"),
            c.getDuration("reports.complaint-spike-scan-interval")));
  }

  private static int orderWorth(int minutes) {
    if (minutes < 1 || minutes > 1000) {
      throw new IllegalArgumentException(
          "dispatch.order-worth-minutes must be from 1 to 1000, not " + minutes);
    }
    return minutes;
  }

  private static ZoneId zone(String key, String text) {
    try {
      return ZoneId.of(text.strip());
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          key + " must be a time zone such as Asia/Taipei, not '" + text + "'");
    }
  }

  private static Path dirOrDefault(String configured, Path fallback) {
    return configured.isBlank() ? fallback : Path.of(configured);
  }

  /** This configuration with other CTI settings (the demo points them at its PBX). */
  ServerConfig withCti(Cti newCti) {
    return with(newCti, ivr);
  }

  private static Ivr ivr(Config c) {
    String menus = c.getString("ivr.menus").strip();
    return new Ivr(
        c.getBoolean("ivr.enabled"),
        IvrConfig.from(c.getConfig("ivr")),
        menus.isEmpty() ? null : Path.of(menus));
  }

  /** This configuration with other IVR settings (the demo turns it on). */
  ServerConfig withIvr(Ivr newIvr) {
    return with(cti, newIvr);
  }

  private ServerConfig with(Cti newCti, Ivr newIvr) {
    return new ServerConfig(
        dataDir,
        http,
        database,
        phoneDefaultRegion,
        auth,
        vipValueShare,
        tierJobInterval,
        slaWarningPercent,
        slaScanInterval,
        reopenWindow,
        assignmentDrainInterval,
        newCti,
        newIvr,
        demoPassword,
        kb,
        dispatch,
        reports);
  }

  private static Cti cti(Config c) {
    AmiSettings ami =
        new AmiSettings(
            c.getString("cti.ami.host"),
            c.getInt("cti.ami.port"),
            c.getString("cti.ami.username"),
            c.getString("cti.ami.secret"),
            c.getDuration("cti.ami.ping-interval"),
            c.getDuration("cti.ami.read-timeout"),
            c.getDuration("cti.ami.response-timeout"),
            c.getDuration("cti.ami.reconnect-min"),
            c.getDuration("cti.ami.reconnect-max"),
            c.getInt("cti.ami.queue-capacity"));
    return new Cti(
        c.getBoolean("cti.enabled"),
        ami,
        pairs("cti.trunk-regions", c.getString("cti.trunk-regions")),
        pairs("cti.context-regions", c.getString("cti.context-regions")),
        ZoneId.of(c.getString("cti.time-zone")),
        c.getDuration("cti.wrap-up"),
        c.getDuration("cti.service-level-threshold"),
        c.getString("cti.originate-context"),
        c.getString("cti.transfer-context"),
        c.getString("cti.callback-owner").strip(),
        c.getDuration("cti.callback-due"));
  }

  private static Set<String> list(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /** {@code "a=b,c=d"} → a map; a part without {@code =} is an error naming the key. */
  private static Map<String, String> pairs(String key, String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : list(text)) {
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw new IllegalArgumentException(
            key + " must look like \"name=REGION,other=REGION\", not '" + part + "'");
      }
      out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
    }
    return out;
  }

  @Override
  public String toString() {
    return "ServerConfig[http=" + http.host() + ":" + http.port() + ", database=" + database + "]";
  }

  /** The help desk's settings. */
  public Helpdesk.Settings helpdeskSettings() {
    Auth auth = auth();
    return new Helpdesk.Settings(
        phoneDefaultRegion(),
        auth.sessionTtl(),
        auth.idleTimeout(),
        auth.technicianIdleTimeout(),
        auth.maxFailuresPerUser(),
        auth.maxFailuresPerAddress(),
        auth.failureWindow(),
        slaWarningPercent(),
        reopenWindow(),
        Duration.ofMinutes(1),
        dispatch().timeZone(),
        dispatch().orderWorthMinutes());
  }

  /** The knowledge base's settings. */
  public KnowledgeBase.Settings kbSettings() {
    Kb kb = kb();
    return new KnowledgeBase.Settings(
        kb.indexDir(), kb.modelsEnabled(), kb.modelsWorkDir(), kb.queryCacheSize());
  }

  /** The CTI gateway's settings. */
  public CtiGateway.Settings ctiSettings() {
    Cti c = cti();
    return new CtiGateway.Settings(
        c.ami(),
        new NumberingConfig(phoneDefaultRegion(), c.trunkRegions(), c.contextRegions()),
        c.timeZone(),
        c.wrapUp(),
        (int) c.serviceLevelThreshold().toSeconds(),
        c.originateContext(),
        c.transferContext(),
        c.callbackDue(),
        c.callbackOwner());
  }

  /** The web layer's settings. */
  public AgentUi.Settings uiSettings(String version) {
    Http http = http();
    return new AgentUi.Settings(
        http.secureCookies(),
        http.maxBodyBytes(),
        http.allowedOrigins(),
        http.trustedProxies(),
        vipValueShare(),
        version);
  }
}
