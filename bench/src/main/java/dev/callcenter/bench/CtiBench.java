package dev.callcenter.bench;

import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.db.DatabaseConfig;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.scenario.HangupBy;
import dev.callcenter.server.CallCenterServer;
import dev.callcenter.server.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CTI path under load, with the real parts: the PBX simulator speaking AMI over TCP, the
 * server's gateway on Asterisk-Java, PostgreSQL, and WebSocket clients.
 *
 * <ol>
 *   <li>AMI ingest: a burst of queue-member events the gateway keeps (each updates an agent's state
 *       and is pushed to WebSockets), timed from the first to the last processed, with drops
 *       counted.
 *   <li>Screen-pop latency: {@code agents} agents connected over WebSocket, calls arriving at
 *       {@code rate}/s, each ringing one agent; from the {@code AgentCalled} packet being flushed
 *       to the simulator's socket to the {@code screen-pop} frame arriving at that agent's client.
 *       Printed next to the caller lookup alone for the same numbers.
 * </ol>
 */
final class CtiBench {
  private static final Pattern LINKEDID = Pattern.compile("\r\nLinkedid: ([^\r\n]+)\r\n");
  private static final Pattern POP_CALL =
      Pattern.compile("\"type\":\"screen-pop\".*?\"callId\":\"([^\"]+)\"");

  private CtiBench() {}

  static void run(BenchDatabase db, int agents, int rate, Duration measure, int ingestEvents)
      throws Exception {
    int customers = 100_000;
    Fixtures.ensureCustomers(db.database(), customers);
    DatabaseConfig dbc = db.config(16);
    try (PbxSimulator sim =
        PbxSimulator.start(
            AmiConfig.defaults()
                .withCredentials("bench", "bench-secret")
                .withSessionQueueCapacity(2_000_000)
                // As manager.conf's writetimeout should be set for a busy PBX (default 100 ms).
                .withWriteTimeout(Duration.ofSeconds(5)))) {
      sim.pbx().addQueue("support");
      for (int i = 0; i < agents; i++) {
        sim.pbx().addMember("support", iface(i), "Agent " + i);
      }
      ServerConfig config =
          ServerConfig.load(
              null,
              Map.of(),
              Map.ofEntries(
                  Map.entry("database.mode", "external"),
                  Map.entry("database.url", dbc.jdbcUrl()),
                  Map.entry("database.user", dbc.username()),
                  Map.entry("database.password", dbc.password()),
                  Map.entry("database.pool-size", "16"),
                  Map.entry("http.port", "0"),
                  Map.entry("tickets.sla-scan-interval", "0s"),
                  Map.entry("customers.tier-job-interval", "0s"),
                  Map.entry("cti.enabled", "true"),
                  Map.entry("cti.ami.port", Integer.toString(sim.amiPort())),
                  Map.entry("cti.ami.username", "bench"),
                  Map.entry("cti.ami.secret", "bench-secret"),
                  Map.entry("cti.ami.queue-capacity", "100000")));
      try (CallCenterServer server = new CallCenterServer(config, Clock.systemUTC()).start()) {
        var s = server.services();
        String hash = s.passwords().hash("bench-pass");
        List<String> tokens = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < agents; i++) {
          String name = "bench-agent-" + i;
          long id = s.users().upsert(name, "Bench Agent " + i, hash, Set.of(Role.AGENT), "en");
          s.agentDevices().assign(id, iface(i), List.of("support"));
          tokens.add(s.auth().login(name, "bench-pass", "10.0.0." + (i % 200)).token());
        }
        server.cti().reloadAgents();
        System.out.printf(
            "cti: %d agents with devices and sessions in %.1f s%n",
            agents, (System.nanoTime() - t0) / 1e9);

        ingest(server, sim, agents, ingestEvents);
        pops(server, sim, s.customers(), tokens, rate, measure, customers);
      }
    }
  }

  /** Latencies of the pops whose AgentCalled was flushed in [from, to). */
  private static long[] latencies(
      Map<String, Long> agentCalledAt, Map<String, Long> popAt, long from, long to) {
    return popAt.entrySet().stream()
        .filter(e -> agentCalledAt.containsKey(e.getKey()))
        .filter(e -> agentCalledAt.get(e.getKey()) >= from && agentCalledAt.get(e.getKey()) < to)
        .mapToLong(e -> e.getValue() - agentCalledAt.get(e.getKey()))
        .toArray();
  }

  private static String iface(int i) {
    return "PJSIP/" + (10000 + i);
  }

  private static void ingest(CallCenterServer server, PbxSimulator sim, int agents, int events) {
    waitFor(() -> server.cti().link().state().equals("UP"), Duration.ofSeconds(30));
    var before = server.cti().link();
    long t0 = System.nanoTime();
    for (int i = 0; i < events; i++) {
      int agent = i % agents;
      sim.pbx().memberStatus(iface(agent), (i / agents) % 2 == 0 ? 2 : 1, false);
    }
    long produced = System.nanoTime() - t0;
    long target = before.eventsQueued() + events;
    waitFor(
        () -> {
          var now = server.cti().link();
          return (now.eventsQueued() + now.eventsDropped() >= target && now.queueDepth() == 0)
              || now.reconnects() > before.reconnects();
        },
        Duration.ofMinutes(5));
    long total = System.nanoTime() - t0;
    var after = server.cti().link();
    System.out.printf(
        "cti ingest: %,d QueueMemberStatus events (device status flipping for %d agents;"
            + " translated, applied to the live state, agents' states recomputed):%n"
            + "  %,.0f events/s end to end (the simulator produced them at %,.0f/s);"
            + " received %,d, dropped %d, reconnects %d, max queue lag %d ms%n",
        events,
        agents,
        (after.eventsQueued() - before.eventsQueued()) / (total / 1e9),
        events / (produced / 1e9),
        after.eventsQueued() - before.eventsQueued(),
        after.eventsDropped() - before.eventsDropped(),
        after.reconnects() - before.reconnects(),
        after.maxLagMillis());
  }

  private static void pops(
      CallCenterServer server,
      PbxSimulator sim,
      CustomerService customers,
      List<String> tokens,
      int rate,
      Duration measure,
      int customerCount)
      throws Exception {
    Map<String, Long> agentCalledAt = new ConcurrentHashMap<>();
    Map<String, Long> popAt = new ConcurrentHashMap<>();
    sim.ami()
        .tapWrites(
            (session, packet, nanos) -> {
              if (packet.length > 20 && startsWith(packet, "Event: AgentCalled")) {
                Matcher m = LINKEDID.matcher(new String(packet, StandardCharsets.UTF_8));
                if (m.find()) {
                  agentCalledAt.putIfAbsent(m.group(1), nanos);
                }
              }
            });
    String ws = "ws://127.0.0.1:" + server.httpPort() + "/ws?token=";
    boolean ownJvm = "process".equals(System.getProperty("ctiClients", "process"));
    List<WebSocket> sockets = new ArrayList<>();
    Process clients = null;
    if (ownJvm) {
      clients = startClients(ws, tokens, popAt);
    } else {
      HttpClient http = HttpClient.newHttpClient();
      AtomicInteger hellos = new AtomicInteger();
      for (String token : tokens) {
        sockets.add(
            http.newWebSocketBuilder()
                .buildAsync(
                    URI.create(ws + token),
                    new PopFrames<>(POP_CALL, popAt, hellos, System::nanoTime))
                .join());
      }
      waitFor(() -> hellos.get() == tokens.size(), Duration.ofSeconds(60));
    }
    System.out.printf(
        "cti: %d WebSocket clients connected (%s)%n",
        tokens.size(), ownJvm ? "in a JVM of their own" : "in the server's JVM");

    Random random = new Random(7);
    // The first seconds of calls warm the pop path (JIT, pools, the clients' JVM) and are reported
    // apart; the ingest burst before them has no lasting effect on the state log (it is written
    // per agent in batches and is done within a fraction of a second).
    Duration warmUp = Duration.ofSeconds(Integer.getInteger("ctiWarmup", 10));
    int warmCalls = (int) (rate * warmUp.toSeconds());
    int calls = (int) (rate * measure.toSeconds());
    List<String> numbers = new ArrayList<>();
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    long measured = start + warmCalls * intervalNanos;
    for (int i = 0; i < warmCalls + calls; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait); // pacing the offered load, not waiting for a result
      }
      String number = Fixtures.writtenMobile(1 + random.nextInt(customerCount), random);
      if (i >= warmCalls) {
        numbers.add(number);
      }
      sim.calls()
          .inboundQueueCall(number, "", "support")
          .answeredBy(
              iface(i % tokens.size()),
              Duration.ofSeconds(2),
              Duration.ofSeconds(3),
              HangupBy.CALLER);
    }
    waitFor(() -> popAt.size() >= warmCalls + calls, Duration.ofSeconds(60));
    sim.ami().tapWrites(null);
    long[] warm = latencies(agentCalledAt, popAt, start, measured);
    long[] latencies = latencies(agentCalledAt, popAt, measured, Long.MAX_VALUE);
    System.out.printf(
        "cti screen pop, %d agents on WebSockets, %d calls/s for %d s after %d s of warm-up"
            + " (%d calls, %d pops measured):%n"
            + "  AgentCalled flushed by the PBX -> screen-pop frame at the agent: %s%n",
        tokens.size(),
        rate,
        measure.toSeconds(),
        warmUp.toSeconds(),
        calls,
        latencies.length,
        Percentiles.of(latencies));
    StringBuilder windows = new StringBuilder();
    for (long from = measured; from < measured + measure.toNanos(); from += 5_000_000_000L) {
      long[] part = latencies(agentCalledAt, popAt, from, from + 5_000_000_000L);
      if (part.length > 0) {
        Percentiles p = Percentiles.of(part);
        windows.append(String.format(" p99 %.1f / max %.1f;", p.p99(), p.max()));
      }
    }
    System.out.printf("  by 5 s of the measured run:%s%n", windows);
    if (warm.length > 0) {
      System.out.printf("  warm-up (not in the figures above): %s%n", Percentiles.of(warm));
    }

    long[] lookups = new long[numbers.size()];
    for (int i = 0; i < numbers.size(); i++) {
      long t = System.nanoTime();
      customers.lookup(numbers.get(i));
      lookups[i] = System.nanoTime() - t;
    }
    System.out.printf(
        "  caller lookup alone, same numbers, one at a time: %s%n", Percentiles.of(lookups));
    for (WebSocket socket : sockets) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
    if (clients != null) {
      clients.getOutputStream().close(); // the clients' signal to close and exit
      if (!clients.waitFor(30, TimeUnit.SECONDS)) {
        clients.destroyForcibly();
      }
    }
  }

  /**
   * {@link PopClients} in a JVM of its own (same JDK and classpath, a small heap), its pops read
   * into {@code popAt}; returns once every screen said hello.
   */
  private static Process startClients(String ws, List<String> tokens, Map<String, Long> popAt)
      throws Exception {
    Path tokenFile = Files.createTempFile("cti-bench-tokens", ".txt");
    Files.write(tokenFile, tokens);
    tokenFile.toFile().deleteOnExit();
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                PopClients.class.getName(),
                ws,
                tokenFile.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    CountDownLatch ready = new CountDownLatch(1);
    Thread.ofPlatform()
        .daemon()
        .name("pop-clients-reader")
        .start(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  if (line.startsWith("POP ")) {
                    String[] f = line.split(" ");
                    popAt.putIfAbsent(f[1], Long.parseLong(f[2]));
                  } else if (line.startsWith("READY ")) {
                    System.out.printf("cti: pop clients: %s%n", line);
                    ready.countDown();
                  }
                }
              } catch (IOException e) {
                System.out.printf("cti: pop clients' output ended: %s%n", e);
              }
            });
    if (!ready.await(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("the pop clients did not connect within 90 s");
    }
    return p;
  }

  private static boolean startsWith(byte[] packet, String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if (packet[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Polls a condition a benchmark phase must reach before the next starts. */
  private static void waitFor(java.util.function.BooleanSupplier done, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("benchmark phase did not finish within " + max);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }
}
