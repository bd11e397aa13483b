package dev.callcenter.server;

import dev.callcenter.cti.CtiGateway;
import dev.callcenter.cti.CtiService;
import dev.callcenter.cti.ivr.IvrPathSection;
import dev.callcenter.cti.ivr.IvrServer;
import dev.callcenter.cti.ivr.IvrServices;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.IvrMenusLoader;
import dev.callcenter.cti.pop.AgentNotifier;
import dev.callcenter.cti.pop.DispatchSection;
import dev.callcenter.cti.pop.KnowledgeSection;
import dev.callcenter.cti.push.ComplaintSpikeMessage;
import dev.callcenter.cti.push.DispatchOrderMessage;
import dev.callcenter.cti.push.SlaEventMessage;
import dev.callcenter.helpdesk.assembly.Helpdesk;
import dev.callcenter.helpdesk.report.ComplaintSpikeWatch;
import dev.callcenter.helpdesk.report.ComplaintSpikes;
import dev.callcenter.helpdesk.sla.SlaEvent;
import dev.callcenter.kb.library.KnowledgeBase;
import dev.callcenter.kb.library.KnowledgeBaseService;
import dev.callcenter.ui.AgentUi;
import dev.callcenter.ui.http.ApiServer;
import dev.callcenter.ui.simulator.SimulatorRoutes;
import dev.callcenter.ui.ws.EventHub;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds each module's assembly from the configuration, in order, starts the
 * HTTP server, and closes everything in reverse order.
 */
public final class CallCenterServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CallCenterServer.class);

  private final ServerConfig config;
  private final Clock clock;
  private final SimulatorRoutes.CallPlacer simulator;

  /** What to close, newest first. */
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  private Helpdesk helpdesk;
  private KnowledgeBase knowledgeBase;
  private CtiGateway cti;
  private IvrServer ivr;
  private ApiServer api;
  private EventHub hub;

  public CallCenterServer(ServerConfig config, Clock clock) {
    this(config, clock, null);
  }

  /**
   * @param simulator places calls on the demo's PBX simulator ({@code POST
   *     /api/v1/simulator/calls}); null outside demo mode. Closed with the server when closeable.
   */
  public CallCenterServer(ServerConfig config, Clock clock, SimulatorRoutes.CallPlacer simulator) {
    this.config = config;
    this.clock = clock;
    this.simulator = simulator;
    if (simulator instanceof AutoCloseable pbx) {
      started.push(pbx);
    }
  }

  /** Starts the database, the modules and the HTTP server; blocks until listening. */
  public CallCenterServer start() {
    try {
      Storage storage = opened(Storage.open(config));
      hub = new EventHub();
      helpdesk =
          new Helpdesk(storage.database(), config.helpdeskSettings(), clock, e -> slaEvent(hub, e));
      // Dispatchers' boards (supervisors' and admins' screens) reload on every order change.
      helpdesk
          .dispatchEvents()
          .subscribe(c -> hub.toSupervisors(new DispatchOrderMessage(clock.instant(), c)));
      knowledgeBase = opened(KnowledgeBase.open(config.kbSettings(), helpdesk, clock));
      Vertx vertx =
          Vertx.vertx(
              new VertxOptions()
                  .setWorkerPoolSize(config.http().workerThreads())
                  .setMaxWorkerExecuteTime(TimeUnit.SECONDS.toNanos(60)));
      started.push(() -> await(vertx.close(), "Vert.x"));
      CtiService phones = CtiService.disabled();
      if (config.cti().enabled()) {
        log.info("Starting the CTI gateway with {}", config.cti().ami());
        var sections =
            List.of(
                new IvrPathSection(helpdesk.ivrJourneys()),
                new KnowledgeSection(knowledgeBase.tickets()),
                new DispatchSection(helpdesk.fieldWork()));
        cti =
            opened(CtiGateway.overAmi(config.ctiSettings(), helpdesk, hub, sections, clock))
                .start();
        phones = cti;
      }
      IvrMenus menus = config.ivr().enabled() ? ivrMenus() : null;
      if (menus != null) {
        ivr =
            opened(
                IvrServer.start(config.ivr().config(), menus, IvrServices.from(helpdesk), clock));
      }
      api =
          AgentUi.api(
              vertx,
              config.uiSettings(version()),
              helpdesk,
              knowledgeBase,
              phones,
              hub,
              simulator,
              menus,
              clock);
      started.push(() -> await(api.close(), "The HTTP server"));
      opened(jobs(new Jobs(vertx), hub));
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

  private <T extends AutoCloseable> T opened(T part) {
    started.push(part);
    return part;
  }

  private Jobs jobs(Jobs jobs, EventHub hub) {
    var h = helpdesk;
    jobs.every(
        "tier",
        config.tierJobInterval(),
        () -> h.customers().recomputeTiers(config.vipValueShare()));
    jobs.every("sla-scan", config.slaScanInterval(), h.slaMonitor()::scan);
    ServerConfig.Reports r = config.reports();
    ComplaintSpikeWatch spikes =
        new ComplaintSpikeWatch(
            h.reports(),
            h.reportFacts(),
            r.zone(),
            new ComplaintSpikes(r.spikeWeeks(), r.spikeSigma(), 4, 3),
            clock,
            spike -> hub.toSupervisors(new ComplaintSpikeMessage(clock.instant(), spike)));
    jobs.every("complaint-spike", r.spikeScanInterval(), spikes::check);
    // Catches tickets left waiting when an assignment after creation failed or capacity freed.
    jobs.every(
        "assignment-drain", config.assignmentDrainInterval(), () -> h.assignment().drainAll(null));
    jobs.every("session-purge", Duration.ofHours(1), h.auth()::purgeExpiredSessions);
    // A visit whose arrival window ended without the technician on site: call the customer.
    jobs.every("late-visits", Duration.ofMinutes(1), h.fieldWork()::chaseLate);
    // Live screens whose session expired or ended elsewhere are disconnected.
    jobs.every(
        "websocket-sessions", Duration.ofSeconds(30), () -> hub.revalidate(h.auth()::isValid));
    return jobs;
  }

  private void slaEvent(EventHub hub, SlaEvent event) {
    log.warn(
        "SLA {}: ticket {} {} reached at {}",
        event.kind(),
        event.ticketId(),
        event.target(),
        event.reachedAt());
    // Wallboards refresh their list of tickets near or past the SLA.
    hub.toSupervisors(new SlaEventMessage(clock.instant(), event));
  }

  private IvrMenus ivrMenus() {
    if (config.ivr().menus() != null) {
      return IvrMenusLoader.load(config.ivr().menus());
    }
    try (var in = CallCenterServer.class.getResourceAsStream("ivr-menus.conf")) {
      if (in == null) {
        throw new IllegalStateException("the built-in ivr-menus.conf is missing from the jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return IvrMenusLoader.parse(text, "built-in ivr-menus.conf");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void await(io.vertx.core.Future<?> done, String what) {
    try {
      done.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("{} did not stop cleanly: {}", what, e.getMessage());
    }
  }

  static String version() {
    String v = CallCenterServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The help desk's services, for the demo seeder and tests that drive use cases directly. */
  public Helpdesk services() {
    return helpdesk;
  }

  /** The knowledge base's services, for the CLI and tests. */
  public KnowledgeBaseService knowledgeBase() {
    return knowledgeBase.service();
  }

  /** The IVR, null when {@code ivr.enabled} is off. */
  public IvrServer ivr() {
    return ivr;
  }

  /** The CTI gateway, null when {@code cti.enabled} is off. */
  public CtiGateway cti() {
    return cti;
  }

  /** Delivers live messages to people's screens on this node. */
  public AgentNotifier notifier() {
    return hub;
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
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        log.warn("{} did not stop cleanly: {}", part.getClass().getSimpleName(), e.getMessage());
      }
    }
    log.info("Server stopped");
  }
}
