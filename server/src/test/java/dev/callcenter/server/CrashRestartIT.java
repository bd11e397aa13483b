package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged demo in its own JVM, killed with SIGKILL under write load three times: its embedded
 * PostgreSQL survives the JVM (the real crash), and each restart on the same data directory stops
 * that leftover server, is healthy within 30 s, and has every write it acknowledged.
 */
class CrashRestartIT {
  private static final Pattern URL = Pattern.compile("running at (http://[^ ]+)");
  private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(30);
  private static final int CYCLES = 3;
  private static final int WRITERS = 3;
  private static final int WRITES_BEFORE_KILL = 60;

  @TempDir Path data;

  private final List<Process> servers = new ArrayList<>();

  @AfterEach
  void killEverythingLeft() {
    servers.forEach(Process::destroyForcibly);
    servers.forEach(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    // Whatever PostgreSQL still works in the data directory, whichever way the test ended.
    Path cluster = data.resolve("postgres");
    List<ProcessHandle> left =
        ProcessHandle.allProcesses().filter(p -> worksIn(p, cluster)).toList();
    left.forEach(ProcessHandle::destroyForcibly);
    left.forEach(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
  }

  @Test
  void aServerKilledUnderWriteLoadRestartsHealthyWithEveryAcknowledgedWrite() throws Exception {
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    Server server = Server.start(data, servers);
    server.awaitHealthy(Duration.ofSeconds(120)); // the first start makes the cluster
    for (int cycle = 1; cycle <= CYCLES; cycle++) {
      ApiClient agent = server.api().login("agent1", "crash");
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch enough = new CountDownLatch(WRITES_BEFORE_KILL);
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        String prefix = "crash " + cycle + "-" + w + "-";
        writers.add(
            Thread.ofPlatform().start(() -> write(agent, prefix, stop, acknowledged, enough)));
      }
      // Kill it in the middle of the load, once a fair number of writes went through.
      assertThat(enough.await(60, TimeUnit.SECONDS)).as("writes acknowledged").isTrue();
      long postmaster = server.postmasterPid();
      server.process().destroyForcibly(); // SIGKILL to the JVM only, as kill -9 does
      assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      stop.set(true);
      for (Thread t : writers) {
        t.join(Duration.ofSeconds(60));
      }
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
          .as("PostgreSQL outlives the killed JVM")
          .contains(true);

      long restartedAt = System.nanoTime();
      server = Server.start(data, servers);
      server.awaitHealthy(HEALTHY_WITHIN);
      Duration restart = Duration.ofNanos(System.nanoTime() - restartedAt);
      assertThat(restart).as("healthy after the restart").isLessThanOrEqualTo(HEALTHY_WITHIN);
      assertThat(server.output())
          .as("the restart says what it found and did")
          .contains("Found PostgreSQL pid " + postmaster)
          .contains("Stopped the leftover PostgreSQL pid " + postmaster);
      assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
      System.out.printf(
          "Crash %d: healthy %d ms after the restart; %d writes acknowledged so far%n%s%n",
          cycle,
          restart.toMillis(),
          acknowledged.size(),
          server.output().lines().filter(l -> l.contains(" WARN ")).toList());

      ApiClient check = server.api().login("agent1", "crash");
      List<String> missing = new ArrayList<>();
      acknowledged.forEach(
          (id, name) -> {
            var r = check.get("/api/v1/customers/" + id);
            if (r.status() != 200 || !name.equals(r.body().path("name").asText())) {
              missing.add(id + " " + name + " → " + r.status());
            }
          });
      assertThat(missing).as("acknowledged writes lost after crash " + cycle).isEmpty();
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(WRITES_BEFORE_KILL * cycle);
    }
    server.process().destroy(); // SIGTERM: the shutdown hook stops the server and its database
    assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(data.resolve("postgres").resolve("postmaster.pid"))
        .as("a clean stop takes PostgreSQL down with it")
        .doesNotExist();
  }

  /** Creates customers until stopped or the server is gone; records the acknowledged ones. */
  private static void write(
      ApiClient agent,
      String prefix,
      AtomicBoolean stop,
      Map<Long, String> acknowledged,
      CountDownLatch counter) {
    for (int i = 0; !stop.get(); i++) {
      String name = prefix + i;
      try {
        ApiClient.Response r = agent.post("/api/v1/customers", Map.of("name", name));
        if (r.status() / 100 == 2) {
          acknowledged.put(r.body().get("id").asLong(), name);
          counter.countDown();
        }
      } catch (UncheckedIOException e) {
        return; // the server was killed: this write was never acknowledged
      }
    }
  }

  private static boolean worksIn(ProcessHandle p, Path dir) {
    try {
      return Files.isSameFile(Files.readSymbolicLink(Path.of("/proc/" + p.pid() + "/cwd")), dir);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** One run of the packaged server, as bin/callcenter starts it, with its output collected. */
  private static final class Server {
    private final Path data;
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder seen = new StringBuilder();
    private String url;

    private Server(Path data, Process process) {
      this.data = data;
      this.process = process;
    }

    static Server start(Path data, List<Process> started) throws IOException {
      Path jar = Path.of("target", "callcenter-server.jar");
      assertThat(jar).exists();
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder pb =
          new ProcessBuilder(
                  java,
                  "-Dlogback.configurationFile=" + Path.of("..", "config", "logback.xml"),
                  "-cp",
                  jar + ":" + Path.of("target", "lib") + "/*",
                  "dev.callcenter.server.Main",
                  "demo")
              .redirectErrorStream(true);
      pb.environment()
          .putAll(
              Map.of(
                  "CC_DATA_DIR", data.toString(),
                  "CC_HTTP_PORT", "0",
                  "CC_DEMO_PASSWORD", "crash",
                  "CC_KB_MODELS_ENABLED", "false",
                  "CC_CUSTOMERS_TIER_JOB_INTERVAL", "0s"));
      Server server = new Server(data, pb.start());
      started.add(server.process);
      Thread.ofVirtual().start(server::collectOutput);
      return server;
    }

    private void collectOutput() {
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(output ended: " + e + ")");
      }
    }

    Process process() {
      return process;
    }

    /** Waits for the line with the URL, then for a health answer with the database up. */
    void awaitHealthy(Duration within) throws InterruptedException {
      long deadline = System.nanoTime() + within.toNanos();
      while (url == null) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new AssertionError("the server did not start within " + within + ":\n" + seen);
        }
        seen.append(line).append('\n');
        Matcher m = URL.matcher(line);
        if (m.find()) {
          url = m.group(1);
        }
      }
      ApiClient anon = ApiClient.anonymous(url);
      // Each try is a round trip; the server answers health as soon as it printed its URL.
      ApiClient.Response health = anon.get("/api/v1/health");
      while (health.status() != 200
          || !health.body().at("/components/database/status").asText().equals("UP")) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("not healthy within " + within + ": " + health.body());
        }
        health = anon.get("/api/v1/health");
      }
    }

    ApiClient api() {
      return ApiClient.anonymous(url);
    }

    /** Everything the server printed up to now. */
    String output() {
      List<String> more = new ArrayList<>();
      lines.drainTo(more);
      more.forEach(l -> seen.append(l).append('\n'));
      return seen.toString();
    }

    long postmasterPid() throws IOException {
      Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
      return Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
    }
  }
}
