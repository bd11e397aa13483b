package dev.callcenter.bench;

import dev.callcenter.cti.live.AgentState;
import dev.callcenter.helpdesk.db.DatabaseConfig;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.server.CallCenterServer;
import dev.callcenter.server.ServerConfig;
import dev.callcenter.server.asterisk.Asterisk;
import dev.callcenter.server.asterisk.RealPbx;
import dev.callcenter.server.asterisk.SipCall;
import dev.callcenter.server.asterisk.SipPhone;
import dev.callcenter.server.asterisk.Sipp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server against the real Asterisk 22 of the integration tests ({@code /opt/asterisk22}, the
 * project's sample configuration plus {@code agents} more phones like 1001), sipp as the callers
 * and as every agent's phone:
 *
 * <ol>
 *   <li>AMI events per call the gateway reads, for a queue call (DID 200) and an IVR-then-queue
 *       call (DID 100, no prompts recorded), with the sample manager.conf and with the {@code
 *       dialplan} class added to its {@code read} line;
 *   <li>screen-pop latency: from the INVITE arriving at the agent's phone (sipp's message log) to
 *       the {@code screen-pop} frame arriving at that agent's WebSocket client, at {@code rate}
 *       calls a second; known callers (100,000 customers), each call answered after 0.5 s and ended
 *       by the caller 3 s later.
 * </ol>
 */
final class AsteriskBench {
  private static final Pattern POP_CALLER =
      Pattern.compile("\"type\":\"screen-pop\".*?\"caller\":\\{\"number\":\"([^\"]+)\"");
  private static final Pattern SIP_USER = Pattern.compile("sip:([^@;>]+)@");
  private static final String PHONE_PASSWORD = "bench-phone-" + UUID.randomUUID();
  private static final int CUSTOMERS = 100_000;

  private AsteriskBench() {}

  static void run(BenchDatabase db, int agents, int rate, int calls, int eventCalls)
      throws Exception {
    List<String> missing = RealPbx.missing();
    if (!missing.isEmpty()) {
      System.out.println("asterisk: skipped, missing " + String.join(", ", missing));
      return;
    }
    Fixtures.ensureCustomers(db.database(), CUSTOMERS);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = Path.of("bench", "target", "asterisk", stamp).toAbsolutePath();
    try (Stage sample = Stage.start(dir.resolve("sample"), db, agents, false)) {
      eventsPerCall(sample, "200", eventCalls, "sample manager.conf");
      eventsPerCall(sample, "100", eventCalls, "sample manager.conf");
      pops(sample, rate, calls);
    }
    try (Stage dialplan = Stage.start(dir.resolve("dialplan"), db, agents, true)) {
      eventsPerCall(dialplan, "200", eventCalls, "read += dialplan");
      eventsPerCall(dialplan, "100", eventCalls, "read += dialplan");
    }
  }

  /** Calls one at a time, each waited for; the gateway's AMI events received per call. */
  private static void eventsPerCall(Stage s, String did, int calls, String variant) {
    s.awaitIdle();
    long before = s.server.cti().link().eventsReceived();
    for (int i = 0; i < calls; i++) {
      try (SipCall call =
          SipCall.from(caller(i + 1), "Bench")
              .hangUpAfter(Duration.ofSeconds(2))
              .dial(s.dir, s.pbxAddress(), "127.0.0.2", did)) {
        call.awaitCompleted(Duration.ofSeconds(60));
      }
      s.awaitIdle();
    }
    long events = s.server.cti().link().eventsReceived() - before;
    System.out.printf(
        "asterisk AMI events, %s, DID %s (%s): %d calls, %d events, %.1f per call%n",
        variant,
        did,
        did.equals("200") ? "queue, agent answers, caller hangs up" : "IVR then queue",
        calls,
        events,
        events / (double) calls);
  }

  private static void pops(Stage s, int rate, int calls) throws Exception {
    s.awaitIdle();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      numbers.add(caller(1 + (i * 7919) % CUSTOMERS));
    }
    int ringsBefore = s.phones.rings().size();
    long t0 = System.nanoTime();
    try (SipCall load =
        SipCall.from("", "Bench")
            .hangUpAfter(Duration.ofSeconds(3))
            .dialEach(s.dir, s.pbxAddress(), "127.0.0.2", "200", numbers, rate)) {
      load.awaitCompleted(Duration.ofSeconds(calls / rate + 180));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Instant> ringAt = new HashMap<>();
    List<SipPhone.Ring> rings = s.phones.rings();
    for (SipPhone.Ring r : rings.subList(ringsBefore, rings.size())) {
      Matcher m = SIP_USER.matcher(r.from() == null ? "" : r.from());
      if (m.find()) {
        ringAt.putIfAbsent(m.group(1), r.at());
      }
    }
    // every call that rang a phone pops (a caller who hung up in the queue rang nobody)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!s.popAt.keySet().containsAll(ringAt.keySet()) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    long[] latencies =
        s.popAt.entrySet().stream()
            .filter(e -> ringAt.containsKey(e.getKey()))
            .mapToLong(e -> Duration.between(ringAt.get(e.getKey()), e.getValue()).toNanos())
            .toArray();
    System.out.printf(
        "asterisk screen pop, %d agents on WebSockets, %d calls/s (%d calls in %.0f s, %d rang"
            + " a phone, %d popped):%n  INVITE at the agent's phone -> screen-pop frame at the"
            + " agent: %s%n",
        s.tokens.size(),
        rate,
        calls,
        seconds,
        ringAt.size(),
        latencies.length,
        latencies.length == 0 ? "no samples" : Percentiles.of(latencies));
  }

  /** Customer {@code n}'s mobile number as Fixtures registers it, digits only. */
  private static String caller(int n) {
    return "09" + String.format("%08d", n);
  }

  /** Polls a condition a benchmark phase must reach before the next starts. */
  private static void waitFor(BooleanSupplier done, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("benchmark phase did not finish within " + max);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /** Asterisk, the server, the agents' phones (one sipp) and their WebSockets. */
  private static final class Stage implements AutoCloseable {
    final Path dir;
    final List<AutoCloseable> opened = new ArrayList<>();
    final Map<String, Instant> popAt = new ConcurrentHashMap<>();
    final List<String> tokens = new ArrayList<>();
    final List<WebSocket> sockets = new ArrayList<>();
    CallCenterServer server;
    Asterisk pbx;
    SipPhone phones;
    int sipPort;

    private Stage(Path dir) {
      this.dir = dir;
    }

    static Stage start(Path dir, BenchDatabase db, int agents, boolean dialplanClass)
        throws Exception {
      Stage s = new Stage(Files.createDirectories(dir));
      try {
        s.startAll(db, agents, dialplanClass);
        return s;
      } catch (Exception | Error e) {
        s.close();
        throw e;
      }
    }

    String pbxAddress() {
      return "127.0.0.1:" + sipPort;
    }

    private void startAll(BenchDatabase db, int agents, boolean dialplanClass) throws Exception {
      int amiPort = Sipp.freeTcpPort();
      sipPort = Sipp.freeUdpPort("127.0.0.1");
      String secret = "ami-" + UUID.randomUUID();
      DatabaseConfig dbc = db.config(16);
      Map<String, String> settings = new HashMap<>();
      settings.putAll(
          Map.of(
              "database.mode", "external",
              "database.url", dbc.jdbcUrl(),
              "database.user", dbc.username(),
              "database.password", dbc.password(),
              "database.pool-size", "16",
              "http.port", "0",
              "tickets.sla-scan-interval", "0s",
              "customers.tier-job-interval", "0s"));
      settings.putAll(
          Map.of(
              "cti.enabled", "true",
              "cti.ami.port", Integer.toString(amiPort),
              "cti.ami.username", "callcenter",
              "cti.ami.secret", secret,
              "cti.ami.reconnect-min", "100ms",
              "cti.wrap-up", "10s",
              "ivr.enabled", "true",
              "ivr.port", "0",
              "ivr.allowed-peers", "127.0.0.1"));
      server =
          new CallCenterServer(ServerConfig.load(null, Map.of(), settings), Clock.systemUTC())
              .start();
      opened.add(server);
      SipPhone customer = SipPhone.start(dir, "customer", "127.0.0.2", pbxAddress());
      opened.add(customer);
      pbx =
          Asterisk.start(
              dir,
              new Asterisk.Settings(
                  sipPort,
                  amiPort,
                  secret,
                  server.ivr().port(),
                  customer.address(),
                  Map.of("1001", PHONE_PASSWORD, "1002", PHONE_PASSWORD),
                  appended(agents, dialplanClass)));
      opened.add(pbx);
      phones = SipPhone.start(dir, "agents", "127.0.0.1", pbxAddress());
      opened.add(phones);
      phones.behave(Duration.ofMillis(500), Duration.ofSeconds(60));
      var services = server.services();
      String hash = services.passwords().hash("bench-pass");
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < agents; i++) {
        String ext = extension(i);
        phones.register(ext, PHONE_PASSWORD);
        String name = "pbx-agent-" + i;
        long id =
            services.users().upsert(name, "PBX Agent " + i, hash, Set.of(Role.AGENT), "zh-TW");
        services.agentDevices().assign(id, "PJSIP/" + ext, List.of("support"));
        ids.add(id);
        tokens.add(services.auth().login(name, "bench-pass", "127.0.0.1").token());
      }
      waitFor(
          () -> server.cti().link().state().equals("UP") && server.cti().link().commandsUp(),
          Duration.ofSeconds(30));
      server.cti().reloadAgents();
      HttpClient http = HttpClient.newHttpClient();
      AtomicInteger hellos = new AtomicInteger();
      for (String token : tokens) {
        sockets.add(
            http.newWebSocketBuilder()
                .buildAsync(
                    URI.create("ws://127.0.0.1:" + server.httpPort() + "/ws?token=" + token),
                    new PopFrames<>(POP_CALLER, popAt, hellos, Instant::now))
                .join());
      }
      waitFor(() -> hellos.get() == tokens.size(), Duration.ofSeconds(30));
      for (long id : ids) {
        server.cti().setAgentState(id, AgentState.AVAILABLE, null).get(10, TimeUnit.SECONDS);
      }
      waitFor(
          () ->
              pbx.cli("queue show support").lines().filter(l -> l.contains("(PJSIP/")).count()
                  >= agents,
          Duration.ofSeconds(30));
      waitFor(
          () ->
              pbx.cli("pjsip show contacts").lines().filter(l -> l.contains(" Avail ")).count()
                  >= agents,
          Duration.ofSeconds(60));
      System.out.printf(
          "asterisk: %s, %d agents registered, in the queue and on WebSockets%n",
          dialplanClass ? "manager.conf read += dialplan" : "sample manager.conf", agents);
    }

    /** The extra phones (like 1001 in the sample) and, optionally, the AMI user's new read line. */
    private static Map<String, String> appended(int agents, boolean dialplanClass) {
      StringBuilder pjsip = new StringBuilder("\n; benchmark agents\n");
      for (int i = 0; i < agents; i++) {
        String ext = extension(i);
        pjsip.append(
            """
            [%1$s](agent-phone)
            auth = %1$s
            aors = %1$s
            callerid = "Bench %1$s" <%1$s>
            [%1$s](agent-auth)
            username = %1$s
            password = %2$s
            [%1$s](agent-aor)
            """
                .formatted(ext, PHONE_PASSWORD));
      }
      Map<String, String> appended = new HashMap<>();
      appended.put("pjsip.conf", pjsip.toString());
      if (dialplanClass) {
        // [section](+) adds to the sample's user; the last read line wins
        appended.put("manager.conf", "\n[callcenter](+)\nread = system,call,agent,user,dialplan\n");
      }
      return appended;
    }

    private static String extension(int i) {
      return Integer.toString(1100 + i);
    }

    /** No call left on Asterisk. */
    void awaitIdle() {
      waitFor(
          () -> pbx.cli("core show channels count").lines().anyMatch("0 active channels"::equals),
          Duration.ofSeconds(60));
    }

    @Override
    public void close() {
      for (WebSocket socket : sockets) {
        socket.abort();
      }
      for (int i = opened.size() - 1; i >= 0; i--) {
        try {
          opened.get(i).close();
        } catch (Exception e) {
          System.out.println("asterisk: closing " + opened.get(i) + " failed: " + e);
        }
      }
    }
  }
}
