package dev.callcenter.bench;

import dev.callcenter.cti.ivr.IvrConfig;
import dev.callcenter.cti.ivr.IvrServer;
import dev.callcenter.cti.ivr.IvrServices;
import dev.callcenter.cti.ivr.fastagi.FastAgiConfig;
import dev.callcenter.cti.ivr.fastagi.FastAgiServer;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.IvrMenusLoader;
import dev.callcenter.helpdesk.assembly.Helpdesk;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.pbxsim.agi.Agi;
import dev.callcenter.pbxsim.agi.AgiCall;
import dev.callcenter.pbxsim.agi.AgiCaller;
import dev.callcenter.pbxsim.agi.AgiResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;

/**
 * N concurrent FastAGI sessions, each with callers that take {@code listen} ms to hear a prompt,
 * played by the simulator against our FastAGI server and then against a stock Asterisk-Java {@code
 * DefaultAgiServer} running the same five-command script; prints sessions completed, refused and
 * failed, the peak of sessions open at once, and the server's time per command (from the reply
 * leaving the simulator to the next command arriving).
 */
final class IvrBench {

  private IvrBench() {}

  /** What both servers run: ANSWER, GET DATA, STREAM FILE, two SET VARIABLEs. */
  private static final int SCRIPT_COMMANDS = 5;

  /** {@code bench/run ivr}: needs no benchmark database for the FastAGI comparison. */
  static void run() throws Exception {
    System.out.printf(
        "machine: %d cores, JDK %s, max heap %d MiB%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20);
    int sessions = Integer.getInteger("sessions", 5000);
    Duration listen = Duration.ofMillis(Integer.getInteger("listen", 3000));
    Duration ramp = Duration.ofMillis(Integer.getInteger("ramp", 2000));
    System.out.printf(
        "IVR: %d sessions started over %d ms, callers listen %d ms per prompt (2 prompts)%n",
        sessions, ramp.toMillis(), listen.toMillis());

    try (FastAgiServer ours =
        FastAgiServer.start(
            new FastAgiConfig("127.0.0.1", 0, List.of("127.0.0.1"), Duration.ofMinutes(1), 4096),
            Map.of(
                "ivr",
                (request, channel) -> {
                  channel.command("ANSWER");
                  var keyed = channel.getData("custom/cc-main", Duration.ofSeconds(5), 1).digits();
                  channel.streamFile("custom/cc-transfer");
                  channel.setVariable("CC_QUEUE", "support");
                  channel.setVariable("QUEUE_PRIO", keyed);
                }))) {
      warmUp(ours.port());
      report("FastAgiServer (virtual threads)", drive(ours.port(), sessions, listen, ramp));
    }

    if (Integer.getInteger("ivr-sessions", 1000) > 0) {
      realIvr(
          Integer.getInteger("ivr-sessions", 1000),
          listen,
          Duration.ofMillis(Integer.getInteger("ivr-ramp", 10_000)));
    }

    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    SimpleMappingStrategy mapping = new SimpleMappingStrategy();
    AgiScript stockScript =
        (request, channel) -> {
          channel.answer();
          String keyed = channel.getData("custom/cc-main", 5000, 1);
          channel.streamFile("custom/cc-transfer");
          channel.setVariable("CC_QUEUE", "support");
          channel.setVariable("QUEUE_PRIO", keyed);
        };
    mapping.setMappings(Map.of("ivr", stockScript));
    CountDownLatch bound = new CountDownLatch(1);
    DefaultAgiServer stock =
        new DefaultAgiServer(mapping) {
          @Override
          protected ServerSocketFacade createServerSocket() throws IOException {
            ServerSocketFacade socket = super.createServerSocket();
            bound.countDown();
            return socket;
          }
        };
    stock.setAddress(InetAddress.getLoopbackAddress());
    stock.setPort(port);
    Thread serving =
        Thread.ofPlatform()
            .daemon()
            .name("stock-agi")
            .start(
                () -> {
                  try {
                    stock.startup();
                  } catch (Exception e) {
                    System.out.println("stock DefaultAgiServer stopped: " + e);
                  }
                });
    if (!bound.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("DefaultAgiServer did not bind");
    }
    try {
      warmUp(port);
      report("stock DefaultAgiServer", drive(port, sessions, listen, ramp));
    } finally {
      stock.shutdown();
      serving.join(5000);
    }
  }

  /**
   * The real {@code ivr} script (config/ivr-menus.conf) on the durable embedded PostgreSQL: known
   * callers (customer i calls from its mobile) pressing key i % 10 in the main menu, so the mix has
   * ticket status, fault reports (new tickets), callbacks (follow-ups), invalid keys and agents.
   */
  private static void realIvr(int sessions, Duration listen, Duration ramp) throws Exception {
    Path dir = Path.of(System.getProperty("bench.dir", "bench/target/pg"));
    try (BenchDatabase db = new BenchDatabase(dir, Integer.getInteger("pool", 32))) {
      Fixtures.ensureCustomers(db.database(), Math.max(sessions, 1000));
      Clock clock = Clock.systemUTC();
      var helpdesk = new Helpdesk(db.database(), Helpdesk.Settings.defaults(), clock, e -> {});
      IvrMenus menus = IvrMenusLoader.load(Path.of("config", "ivr-menus.conf"));
      helpdesk
          .users()
          .upsert(
              menus.routing().callbackOwner(),
              "Callback owner",
              "x",
              Set.of(Role.SUPERVISOR),
              "zh-TW");
      IvrServices services = IvrServices.from(helpdesk);
      try (IvrServer server =
          IvrServer.start(
              new IvrConfig(
                  new FastAgiConfig(
                      "127.0.0.1", 0, List.of("127.0.0.1"), Duration.ofMinutes(1), 4096),
                  Path.of("config", "ivr-menus.conf")),
              menus,
              services,
              clock)) {
        java.util.function.IntFunction<AgiCaller> known =
            i ->
                AgiCaller.from(String.format("09%08d", 1 + i % Math.max(sessions, 1000)))
                    .pressing(Integer.toString(i % 10));
        drive(server.port(), Math.min(200, sessions), Duration.ZERO, Duration.ofSeconds(2), known);
        System.out.printf(
            "IVR script: %d sessions over %d ms on PostgreSQL (pool %d), listen %d ms%n",
            sessions, ramp.toMillis(), Integer.getInteger("pool", 32), listen.toMillis());
        report(
            "IvrServer (ivr script, database)",
            drive(server.port(), sessions, listen, ramp, known));
      }
    }
  }

  /** Sessions that are not measured, so the JIT has compiled both sides' code. */
  private static void warmUp(int port) throws InterruptedException {
    int n = Integer.getInteger("warmup", 2000);
    if (n > 0) {
      drive(port, n, Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  record Outcome(
      int completed,
      int refused,
      int failed,
      int apologised,
      int peak,
      long[] commandNanos,
      Duration wall) {}

  private static Outcome drive(int port, int sessions, Duration listen, Duration ramp)
      throws InterruptedException {
    return drive(
        port,
        sessions,
        listen,
        ramp,
        i -> AgiCaller.from(String.format("09%08d", i)).pressing(Integer.toString(i % 10)));
  }

  private static Outcome drive(
      int port,
      int sessions,
      Duration listen,
      Duration ramp,
      java.util.function.IntFunction<AgiCaller> callers)
      throws InterruptedException {
    String url = "agi://127.0.0.1:" + port + "/ivr";
    AtomicInteger open = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    List<AgiCall> calls = new ArrayList<>(sessions);
    long start = System.nanoTime();
    try (Agi agi = new Agi(Clock.systemUTC(), listen)) {
      for (int i = 0; i < sessions; i++) {
        // a load driver's pacing, not a wait for a condition
        long due = start + ramp.toNanos() * i / sessions;
        long ahead = due - System.nanoTime();
        if (ahead > 0) {
          Thread.sleep(Duration.ofNanos(ahead));
        }
        int now = open.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        AgiCall call =
            agi.call(
                url, AgiCaller.from(String.format("09%08d", i)).pressing(Integer.toString(i % 10)));
        call.result().whenComplete((r, e) -> open.decrementAndGet());
        calls.add(call);
      }
      int completed = 0;
      int refused = 0;
      int failed = 0;
      int apologised = 0;
      List<Long> nanos = new ArrayList<>();
      for (AgiCall call : calls) {
        AgiResult r = call.result().join();
        if (r.commands().stream().anyMatch(c -> c.contains("cc-apology"))) {
          apologised++;
        }
        if (r.commands().isEmpty()) {
          refused++;
        } else if (r.commands().size() >= SCRIPT_COMMANDS && !"FAILURE".equals(r.agiStatus())) {
          completed++;
        } else {
          failed++;
        }
        r.serverTimes().forEach(d -> nanos.add(d.toNanos()));
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      return new Outcome(
          completed,
          refused,
          failed,
          apologised,
          peak.get(),
          nanos.stream().mapToLong(Long::longValue).toArray(),
          wall);
    }
  }

  private static void report(String name, Outcome o) {
    System.out.printf(
        "%-32s completed %5d  refused %5d  failed %5d  apologised %5d  peak open %5d  wall %.1f"
            + " s%n",
        name,
        o.completed(),
        o.refused(),
        o.failed(),
        o.apologised(),
        o.peak(),
        o.wall().toMillis() / 1000.0);
    if (o.commandNanos().length > 0) {
      System.out.printf(
          "%-32s per command (%d commands) %s%n",
          "", o.commandNanos().length, Percentiles.of(o.commandNanos()));
    }
  }
}
