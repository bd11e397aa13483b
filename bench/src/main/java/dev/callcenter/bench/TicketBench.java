package dev.callcenter.bench;

import dev.callcenter.helpdesk.db.DatabaseConfig;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.server.CallCenterServer;
import dev.callcenter.server.ServerConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Ticket creation over HTTP (login, JSON, validation, SLA policy, insert, audit, SLA schedule, one
 * durable commit) against plain single-row INSERTs of the same rows into the same table, both with
 * the same number of concurrent clients on the same database.
 */
final class TicketBench {

  private static final String INSERT =
      """
      insert into ticket (type, status, title, description, priority, customer_id, source,
        first_response_target_minutes, resolution_target_minutes, created_at, updated_at)
      values ('FAULT_REPORT', 'NEW', ?, ?, 'NORMAL', ?, 'AGENT', 480, 1620, now(), now())
      """;

  static void run(BenchDatabase db, int clients, Duration warmup, Duration measure)
      throws Exception {
    int customers = 1000;
    Fixtures.ensureCustomers(db.database(), customers);
    DatabaseConfig dbc = db.config(clients);

    double raw = rawInserts(dbc, clients, customers, warmup, measure);

    ServerConfig config =
        ServerConfig.load(
            null,
            Map.of(),
            Map.of(
                "database.mode", "external",
                "database.url", dbc.jdbcUrl(),
                "database.user", dbc.username(),
                "database.password", dbc.password(),
                "database.pool-size", String.valueOf(clients),
                "http.worker-threads", String.valueOf(clients),
                "http.port", "0",
                "tickets.sla-scan-interval", "0s",
                "customers.tier-job-interval", "0s"));
    try (CallCenterServer server = new CallCenterServer(config, Clock.systemUTC()).start()) {
      var s = server.services();
      s.users()
          .upsert("bench", "Bench", s.passwords().hash("bench-pass"), Set.of(Role.AGENT), "en");
      double http = httpCreates(server.httpPort(), clients, customers, warmup, measure);
      System.out.printf(
          "ticket create, %d concurrent clients, durable commits:%n"
              + "  raw single-row INSERT (JDBC, autocommit): %,.0f rows/s%n"
              + "  POST /api/v1/tickets (HTTP, full use case): %,.0f tickets/s%n"
              + "  ratio HTTP / raw: %.0f%%%n",
          clients, raw, http, 100 * http / raw);
    }
  }

  private static double rawInserts(
      DatabaseConfig dbc, int clients, int customers, Duration warmup, Duration measure)
      throws Exception {
    LongAdder done = new LongAdder();
    AtomicLong phase = new AtomicLong(); // 0 warm-up, 1 measuring, 2 stop
    Thread[] threads = new Thread[clients];
    for (int i = 0; i < clients; i++) {
      threads[i] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (Connection c =
                            DriverManager.getConnection(
                                dbc.jdbcUrl(), dbc.username(), dbc.password());
                        PreparedStatement ps = c.prepareStatement(INSERT)) {
                      c.setAutoCommit(true);
                      while (phase.get() < 2) {
                        ps.setString(1, "Printer jams on tray 2");
                        ps.setString(2, "Customer reports paper jam after firmware update");
                        ps.setLong(3, 1 + ThreadLocalRandom.current().nextInt(customers));
                        ps.executeUpdate();
                        if (phase.get() == 1) {
                          done.increment();
                        }
                      }
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
    }
    Thread.sleep(warmup.toMillis()); // a timed phase, not waiting for a condition
    phase.set(1);
    long t0 = System.nanoTime();
    Thread.sleep(measure.toMillis());
    long count = done.sum();
    double seconds = (System.nanoTime() - t0) / 1e9;
    phase.set(2);
    for (Thread t : threads) {
      t.join();
    }
    return count / seconds;
  }

  private static double httpCreates(
      int port, int clients, int customers, Duration warmup, Duration measure) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      HttpClient http =
          vertx.createHttpClient(
              new HttpClientOptions()
                  .setDefaultHost("127.0.0.1")
                  .setDefaultPort(port)
                  .setKeepAlive(true),
              new PoolOptions().setHttp1MaxSize(clients));
      String token =
          http.request(HttpMethod.POST, "/api/v1/auth/login")
              .compose(
                  r ->
                      r.send(
                              new JsonObject()
                                  .put("username", "bench")
                                  .put("password", "bench-pass")
                                  .toBuffer())
                          .compose(resp -> resp.body()))
              .map(b -> b.toJsonObject().getString("token"))
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      LongAdder done = new LongAdder();
      LongAdder failed = new LongAdder();
      AtomicLong phase = new AtomicLong();
      long[] latencies = new long[4_000_000];
      AtomicLong latencyCount = new AtomicLong();
      CompletableFuture<?>[] loops = new CompletableFuture<?>[clients];
      for (int i = 0; i < clients; i++) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        loops[i] = finished;
        vertx.runOnContext(
            v ->
                loop(
                    http,
                    token,
                    customers,
                    phase,
                    done,
                    failed,
                    latencies,
                    latencyCount,
                    finished));
      }
      Thread.sleep(warmup.toMillis()); // a timed phase, not waiting for a condition
      phase.set(1);
      long t0 = System.nanoTime();
      Thread.sleep(measure.toMillis());
      long count = done.sum();
      double seconds = (System.nanoTime() - t0) / 1e9;
      phase.set(2);
      CompletableFuture.allOf(loops).get(60, TimeUnit.SECONDS);
      long n = Math.min(latencyCount.get(), latencies.length);
      long[] sample = java.util.Arrays.copyOf(latencies, (int) n);
      System.out.println(
          "  HTTP create latency "
              + Percentiles.of(sample)
              + (failed.sum() > 0 ? "  FAILED: " + failed.sum() : ""));
      return count / seconds;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static void loop(
      HttpClient http,
      String token,
      int customers,
      AtomicLong phase,
      LongAdder done,
      LongAdder failed,
      long[] latencies,
      AtomicLong latencyCount,
      CompletableFuture<Void> finished) {
    if (phase.get() == 2) {
      finished.complete(null);
      return;
    }
    Buffer body =
        new JsonObject()
            .put("type", "FAULT_REPORT")
            .put("title", "Printer jams on tray 2")
            .put("description", "Customer reports paper jam after firmware update")
            .put("customerId", 1 + ThreadLocalRandom.current().nextInt(customers))
            .toBuffer();
    long t0 = System.nanoTime();
    http.request(
            new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI("/api/v1/tickets")
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json"))
        .compose(r -> r.send(body))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .onComplete(
            ar -> {
              boolean ok = ar.succeeded() && ar.result() == 201;
              if (!ok) {
                failed.increment();
              } else if (phase.get() == 1) {
                done.increment();
                long i = latencyCount.getAndIncrement();
                if (i < latencies.length) {
                  latencies[(int) i] = System.nanoTime() - t0;
                }
              }
              loop(http, token, customers, phase, done, failed, latencies, latencyCount, finished);
            });
  }
}
