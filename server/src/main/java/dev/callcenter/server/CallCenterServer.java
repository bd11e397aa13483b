package dev.callcenter.server;

import dev.callcenter.cti.CtiGateway;
import dev.callcenter.cti.ami.NumberingConfig;
import dev.callcenter.cti.ivr.IvrServer;
import dev.callcenter.cti.ivr.IvrServices;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.IvrMenusLoader;
import dev.callcenter.cti.pop.CtiMessage;
import dev.callcenter.cti.pop.PopSection;
import dev.callcenter.helpdesk.agent.AgentDeviceService;
import dev.callcenter.helpdesk.agent.JdbiAgentDeviceRepository;
import dev.callcenter.helpdesk.assignment.AssignmentService;
import dev.callcenter.helpdesk.assignment.JdbiAssignmentRepository;
import dev.callcenter.helpdesk.assignment.JdbiTeamRepository;
import dev.callcenter.helpdesk.assignment.TeamService;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.JdbiCustomerRepository;
import dev.callcenter.helpdesk.customer.csv.CustomerCsvImport;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.db.DatabaseConfig;
import dev.callcenter.helpdesk.db.EmbeddedDatabase;
import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.helpdesk.followup.FollowUpService;
import dev.callcenter.helpdesk.followup.JdbiFollowUpRepository;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.helpdesk.interaction.JdbiInteractionRepository;
import dev.callcenter.helpdesk.ivr.IvrJourneyService;
import dev.callcenter.helpdesk.ivr.JdbiIvrJourneyRepository;
import dev.callcenter.helpdesk.phone.PhoneNormalizer;
import dev.callcenter.helpdesk.survey.JdbiSurveyRepository;
import dev.callcenter.helpdesk.survey.SurveyService;
import dev.callcenter.helpdesk.ticket.CachingSlaSetup;
import dev.callcenter.helpdesk.ticket.CalendarService;
import dev.callcenter.helpdesk.ticket.JdbiBusinessCalendarRepository;
import dev.callcenter.helpdesk.ticket.JdbiSlaPolicyRepository;
import dev.callcenter.helpdesk.ticket.JdbiTicketAuditRepository;
import dev.callcenter.helpdesk.ticket.JdbiTicketRepository;
import dev.callcenter.helpdesk.ticket.JdbiTicketSlaRepository;
import dev.callcenter.helpdesk.ticket.SlaMonitor;
import dev.callcenter.helpdesk.ticket.SlaPolicyRepository;
import dev.callcenter.helpdesk.ticket.SlaPolicyResolver;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.ticket.TicketSlaService;
import dev.callcenter.helpdesk.ticket.TicketSummary;
import dev.callcenter.helpdesk.ticket.TicketWorkflow;
import dev.callcenter.helpdesk.timeline.JdbiTimelineRepository;
import dev.callcenter.helpdesk.timeline.TimelineService;
import dev.callcenter.helpdesk.user.AuthService;
import dev.callcenter.helpdesk.user.JdbiUserRepository;
import dev.callcenter.helpdesk.user.LoginThrottle;
import dev.callcenter.helpdesk.user.PasswordHasher;
import dev.callcenter.helpdesk.user.UserRepository;
import dev.callcenter.kb.KnowledgeBaseService;
import dev.callcenter.ui.agent.AgentRoutes;
import dev.callcenter.ui.assignment.AssignmentRoutes;
import dev.callcenter.ui.auth.AuthHandler;
import dev.callcenter.ui.auth.AuthRoutes;
import dev.callcenter.ui.customer.CustomerRoutes;
import dev.callcenter.ui.followup.FollowUpRoutes;
import dev.callcenter.ui.health.HealthRoutes;
import dev.callcenter.ui.http.ApiServer;
import dev.callcenter.ui.interaction.InteractionRoutes;
import dev.callcenter.ui.kb.KnowledgeBaseRoutes;
import dev.callcenter.ui.simulator.SimulatorRoutes;
import dev.callcenter.ui.sla.SlaRoutes;
import dev.callcenter.ui.survey.SurveyRoutes;
import dev.callcenter.ui.ticket.TicketRoutes;
import dev.callcenter.ui.user.UserRoutes;
import dev.callcenter.ui.ws.EventHub;
import dev.callcenter.ui.ws.WebSocketRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service with its constructor, wires them, starts the HTTP
 * server, and stops everything in reverse order.
 */
public final class CallCenterServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CallCenterServer.class);

  private final ServerConfig config;
  private final Clock clock;
  private EmbeddedDatabase embedded;
  private Database database;
  private Vertx vertx;
  private ApiServer api;
  private Services services;
  private Jobs jobs;
  private final SimulatorRoutes.CallPlacer simulator;
  private EventHub hub;
  private CtiGateway cti;
  private IvrServer ivr;
  private KnowledgeBaseParts knowledgeBase;

  /** The services, for the demo seeder and tests that drive use cases directly. */
  public record Services(
      Database database,
      Transactions transactions,
      UserRepository users,
      PasswordHasher passwords,
      AuthService auth,
      CustomerService customers,
      CustomerCsvImport customerImport,
      InteractionService interactions,
      FollowUpService followUps,
      TicketService tickets,
      TicketWorkflow workflow,
      TicketSlaService sla,
      SlaMonitor slaMonitor,
      TimelineService timeline,
      TeamService teams,
      AssignmentService assignment,
      SlaPolicyRepository slaPolicies,
      CalendarService calendar,
      AgentDeviceService agentDevices,
      IvrJourneyService ivrJourneys,
      SurveyService surveys) {}

  public CallCenterServer(ServerConfig config, Clock clock) {
    this(config, clock, null);
  }

  /**
   * @param simulator places calls on the demo's PBX simulator ({@code POST
   *     /api/v1/simulator/calls}); null outside demo mode
   */
  public CallCenterServer(ServerConfig config, Clock clock, SimulatorRoutes.CallPlacer simulator) {
    this.config = config;
    this.clock = clock;
    this.simulator = simulator;
  }

  /** Starts the database, the services and the HTTP server; blocks until listening. */
  public CallCenterServer start() {
    try {
      database = openDatabase();
      services = buildServices(database);
      knowledgeBase = KnowledgeBaseParts.open(config.kb(), database, services.tickets(), clock);
      vertx =
          Vertx.vertx(
              new VertxOptions()
                  .setWorkerPoolSize(config.http().workerThreads())
                  .setMaxWorkerExecuteTime(TimeUnit.SECONDS.toNanos(60)));
      hub = new EventHub();
      if (config.cti().enabled()) {
        cti = startCti(services);
      }
      if (config.ivr().enabled()) {
        ivr = startIvr(services);
      }
      api = buildApi(services);
      jobs = new Jobs(vertx);
      jobs.every(
          "tier",
          config.tierJobInterval(),
          () -> services.customers().recomputeTiers(config.vipValueShare()));
      jobs.every("sla-scan", config.slaScanInterval(), services.slaMonitor()::scan);
      // Catches tickets left waiting when an assignment after creation failed or capacity freed.
      jobs.every(
          "assignment-drain",
          config.assignmentDrainInterval(),
          () -> services.assignment().drainAll(null));
      jobs.every("session-purge", Duration.ofHours(1), services.auth()::purgeExpiredSessions);
      // Live screens whose session expired or ended elsewhere are disconnected.
      jobs.every(
          "websocket-sessions",
          Duration.ofSeconds(30),
          () -> hub.revalidate(token -> services.auth().authenticate(token).isPresent()));
      api.listen(config.http().host(), config.http().port())
          .toCompletionStage()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      return this;
    } catch (Exception e) {
      close();
      throw new IllegalStateException("Server failed to start: " + e.getMessage(), e);
    }
  }

  private Database openDatabase() {
    Storage storage = openStorage(config);
    embedded = storage.embedded();
    return storage.database();
  }

  /** The database of a configuration, with the embedded server when it runs one. */
  record Storage(EmbeddedDatabase embedded, Database database) implements AutoCloseable {
    @Override
    public void close() {
      database.close();
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** Starts the embedded PostgreSQL if configured, opens the pool and migrates the schema. */
  static Storage openStorage(ServerConfig config) {
    ServerConfig.Database db = config.database();
    if (!db.embedded()) {
      return new Storage(
          null,
          Database.open(
              new DatabaseConfig(
                  db.url(), db.user(), db.password(), db.poolSize(), db.connectTimeout())));
    }
    EmbeddedDatabase server = EmbeddedDatabase.start(db.embeddedDataDir(), true, db.embeddedPort());
    try {
      server.createDatabaseIfMissing("callcenter", null);
      return new Storage(
          server,
          Database.open(
              new DatabaseConfig(
                  server.jdbcUrl("callcenter"),
                  "postgres",
                  "postgres",
                  db.poolSize(),
                  db.connectTimeout())));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private Services buildServices(Database db) {
    var jdbi = db.jdbi();
    var phones = new PhoneNormalizer(config.phoneDefaultRegion());
    var customerRepository = new JdbiCustomerRepository(jdbi);
    var users = new JdbiUserRepository(jdbi);
    var passwords = new PasswordHasher();
    var auth =
        new AuthService(
            users,
            passwords,
            new LoginThrottle(
                config.auth().maxFailuresPerUser(),
                config.auth().maxFailuresPerAddress(),
                config.auth().failureWindow(),
                clock),
            config.auth().sessionTtl(),
            clock);
    var customers = new CustomerService(customerRepository, phones);
    var interactions =
        new InteractionService(new JdbiInteractionRepository(jdbi), customerRepository, clock);
    var transactions = new JdbiTransactions(jdbi);
    var customerImport = new CustomerCsvImport(customers, customerRepository, transactions);
    var followUps =
        new FollowUpService(
            new JdbiFollowUpRepository(jdbi),
            customerRepository,
            users,
            interactions,
            transactions,
            clock);
    var ticketRepository = new JdbiTicketRepository(jdbi);
    var slaRepository = new JdbiTicketSlaRepository(jdbi);
    var auditRepository = new JdbiTicketAuditRepository(jdbi);
    var calendarRepository = new JdbiBusinessCalendarRepository(jdbi);
    var slaSetup =
        new CachingSlaSetup(
            new JdbiSlaPolicyRepository(jdbi), calendarRepository, Duration.ofMinutes(1), clock);
    var calendar = new CalendarService(calendarRepository, slaSetup::invalidate);
    var sla =
        new TicketSlaService(
            ticketRepository, slaRepository, slaSetup, clock, config.slaWarningPercent());
    var tickets =
        new TicketService(
            transactions,
            ticketRepository,
            auditRepository,
            sla,
            new SlaPolicyResolver(slaSetup),
            customerRepository,
            users,
            new JdbiInteractionRepository(jdbi),
            clock);
    var workflow =
        new TicketWorkflow(
            transactions,
            ticketRepository,
            auditRepository,
            slaRepository,
            sla,
            clock,
            config.reopenWindow());
    var monitor =
        new SlaMonitor(
            transactions,
            ticketRepository,
            slaRepository,
            sla,
            clock,
            event -> {
              log.warn(
                  "SLA {}: ticket {} {} reached at {}",
                  event.kind(),
                  event.ticketId(),
                  event.target(),
                  event.reachedAt());
              // Wallboards refresh their list of tickets near or past the SLA.
              if (hub != null) {
                hub.toSupervisors(new CtiMessage("sla-event", clock.instant(), event));
              }
            });
    var timeline = new TimelineService(new JdbiTimelineRepository(jdbi), customerRepository);
    var teams = new TeamService(new JdbiTeamRepository(jdbi), users, clock);
    var assignment =
        new AssignmentService(
            transactions,
            tickets,
            ticketRepository,
            teams,
            new JdbiAssignmentRepository(jdbi),
            users,
            clock);
    return new Services(
        db,
        transactions,
        users,
        passwords,
        auth,
        customers,
        customerImport,
        interactions,
        followUps,
        tickets,
        workflow,
        sla,
        monitor,
        timeline,
        teams,
        assignment,
        slaSetup,
        calendar,
        new AgentDeviceService(new JdbiAgentDeviceRepository(jdbi)),
        new IvrJourneyService(new JdbiIvrJourneyRepository(jdbi), transactions, clock),
        new SurveyService(new JdbiSurveyRepository(jdbi), clock));
  }

  private CtiGateway startCti(Services s) {
    ServerConfig.Cti c = config.cti();
    log.info("Starting the CTI gateway with {}", c.ami());
    var settings =
        new CtiGateway.Settings(
            c.ami(),
            new NumberingConfig(config.phoneDefaultRegion(), c.trunkRegions(), c.contextRegions()),
            c.timeZone(),
            c.wrapUp(),
            (int) c.serviceLevelThreshold().toSeconds(),
            c.originateContext(),
            c.transferContext(),
            c.callbackDue());
    var helpdesk =
        new CtiGateway.Services(
            s.agentDevices(),
            s.customers(),
            s.timeline(),
            s.tickets(),
            s.sla(),
            s.followUps(),
            s.interactions());
    String owner = c.callbackOwner();
    LongSupplier callbackOwner =
        () ->
            owner.isEmpty()
                ? 0
                : s.users().findCredentials(owner).map(u -> u.user().id()).orElse(0L);
    return new CtiGateway(
            settings, helpdesk, hub, List.of(ivrSection(s), kbSection()), callbackOwner, clock)
        .start();
  }

  /** Knowledge-base answers for the caller's newest open fault (else newest open ticket). */
  private PopSection kbSection() {
    return new PopSection() {
      @Override
      public String name() {
        return "kb";
      }

      @Override
      public Object compose(
          String callId, CallerLookup lookup, Long customerId, List<TicketSummary> open) {
        if (open.isEmpty()) {
          return null;
        }
        TicketSummary about =
            open.stream()
                .filter(t -> t.type() == dev.callcenter.helpdesk.ticket.TicketType.FAULT_REPORT)
                .findFirst()
                .orElse(open.getFirst());
        var hits = knowledgeBase.tickets().suggestForTicket(about.id(), 3);
        if (hits.isEmpty()) {
          return null;
        }
        return hits.stream()
            .map(
                h -> {
                  Map<String, Object> hit = new LinkedHashMap<>();
                  hit.put("id", h.articleId());
                  hit.put("externalId", h.externalId());
                  hit.put("title", h.title());
                  hit.put("snippet", h.snippet());
                  hit.put("score", h.score());
                  hit.put("ticketId", about.id());
                  return hit;
                })
            .toList();
      }
    };
  }

  /** The caller's IVR path on the screen pop: what they chose, entered and created. */
  private static PopSection ivrSection(Services s) {
    return new PopSection() {
      @Override
      public String name() {
        return "ivr";
      }

      @Override
      public Object compose(
          String callId, CallerLookup lookup, Long customerId, List<TicketSummary> open) {
        return s.ivrJourneys()
            .findByCallId(callId)
            .map(
                j -> {
                  Map<String, Object> ivr = new LinkedHashMap<>();
                  ivr.put("path", j.path());
                  ivr.put("steps", j.steps());
                  ivr.put("language", j.language());
                  ivr.put("ticketId", j.ticketId());
                  ivr.put("queue", j.queue());
                  ivr.put("priority", j.priority());
                  ivr.put("outcome", j.outcome());
                  ivr.put(
                      "seconds",
                      j.endedAt() == null
                          ? null
                          : Duration.between(j.startedAt(), j.endedAt()).toSeconds());
                  return ivr;
                })
            .orElse(null);
      }
    };
  }

  private IvrServer startIvr(Services s) {
    ServerConfig.Ivr c = config.ivr();
    IvrMenus menus =
        c.menus() != null
            ? IvrMenusLoader.load(c.menus())
            : IvrMenusLoader.parse(builtInMenus(), "built-in ivr-menus.conf");
    return IvrServer.start(
        c.config(),
        menus,
        new IvrServices(
            s.customers(),
            s.tickets(),
            s.followUps(),
            s.interactions(),
            s.ivrJourneys(),
            s.surveys(),
            s.users()),
        clock);
  }

  private static String builtInMenus() {
    try (var in = CallCenterServer.class.getResourceAsStream("ivr-menus.conf")) {
      if (in == null) {
        throw new IllegalStateException("the built-in ivr-menus.conf is missing from the jar");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The IVR, null when {@code ivr.enabled} is off. */
  public IvrServer ivr() {
    return ivr;
  }

  /** The CTI gateway, null when {@code cti.enabled} is off. */
  public CtiGateway cti() {
    return cti;
  }

  private ApiServer buildApi(Services s) {
    var authRoutes = new AuthRoutes(s.auth(), config.http().secureCookies(), hub::sessionEnded);
    var health =
        new HealthRoutes(
            s.database()::isHealthy, version(), cti == null ? null : () -> cti.link().state());
    var sockets =
        new WebSocketRoutes(
            s.auth(),
            hub,
            (user, supervisor) -> cti == null ? List.of() : cti.currentFor(user, supervisor),
            config.http().allowedOrigins());
    var kbRoutes = new KnowledgeBaseRoutes(knowledgeBase.service(), knowledgeBase.tickets());
    return new ApiServer(
        vertx,
        config.http().maxBodyBytes(),
        List.of(health::mount, authRoutes::mountPublic, kbRoutes::mountPublic, sockets::mount),
        new AuthHandler(s.auth()),
        List.of(
            authRoutes::mountProtected,
            new CustomerRoutes(
                    s.customers(), s.interactions(), s.customerImport(), config.vipValueShare())
                ::mount,
            new InteractionRoutes(s.interactions())::mount,
            new FollowUpRoutes(s.followUps())::mount,
            new TicketRoutes(s.tickets(), s.workflow(), s.sla(), s.timeline(), s.assignment())
                ::mount,
            new AssignmentRoutes(s.teams(), s.assignment())::mount,
            new SlaRoutes(s.slaPolicies(), s.calendar())::mount,
            new AgentRoutes(
                    () -> cti,
                    s.agentDevices(),
                    username -> s.users().findCredentials(username).map(c -> c.user()))
                ::mount,
            new SimulatorRoutes(simulator)::mount,
            new SurveyRoutes(s.surveys())::mount,
            new UserRoutes(s.users())::mount,
            kbRoutes::mount));
  }

  static String version() {
    String v = CallCenterServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public Services services() {
    return services;
  }

  /** The knowledge base's services, for the CLI and tests. */
  public KnowledgeBaseService knowledgeBase() {
    return knowledgeBase.service();
  }

  public ApiServer api() {
    return api;
  }

  /** The port the HTTP server listens on (useful when configured as 0). */
  public int httpPort() {
    return api.port();
  }

  @Override
  public void close() {
    if (jobs != null) {
      jobs.close();
    }
    if (ivr != null) {
      ivr.close();
    }
    if (cti != null) {
      cti.close();
    }
    if (api != null) {
      try {
        api.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("HTTP server did not stop cleanly: {}", e.getMessage());
      }
    }
    if (vertx != null) {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("Vert.x did not stop cleanly: {}", e.getMessage());
      }
    }
    if (knowledgeBase != null) {
      knowledgeBase.close();
    }
    if (database != null) {
      database.close();
    }
    if (embedded != null) {
      embedded.close();
    }
    if (simulator instanceof AutoCloseable pbx) {
      try {
        pbx.close();
      } catch (Exception e) {
        log.warn("PBX simulator did not stop cleanly: {}", e.getMessage());
      }
    }
    log.info("Server stopped");
  }
}
