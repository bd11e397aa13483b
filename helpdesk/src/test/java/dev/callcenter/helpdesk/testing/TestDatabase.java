package dev.callcenter.helpdesk.testing;

import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.db.DatabaseConfig;
import dev.callcenter.helpdesk.db.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One real embedded PostgreSQL per test JVM; every {@link #fresh()} call gets its own database,
 * cloned from a template that was migrated once.
 */
public final class TestDatabase {

  private static final String TEMPLATE = "callcenter_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedDatabase server;

  private TestDatabase() {}

  private static synchronized EmbeddedDatabase server() {
    if (server == null) {
      Path dir = TempDirs.create("callcenter-test-pg");
      server = EmbeddedDatabase.start(dir.resolve("data"), false, 0);
      server.createDatabaseIfMissing(TEMPLATE, null);
      Database.open(config(TEMPLATE, 2)).close();
      EmbeddedDatabase started = server;
      // Stop PostgreSQL and remove its cluster: each test JVM's is hundreds of megabytes, and
      // left behind they filled the disk of a machine that runs the suite often.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.close();
                    // pg_ctl gives up waiting after a few seconds on a busy machine while the
                    // postmaster still writes its shutdown checkpoint: deleting then left pg_wal
                    // and pg_stat behind (hundreds of megabytes per JVM). Its pid file goes last.
                    awaitGone(dir.resolve("data").resolve("postmaster.pid"));
                    TempDirs.delete(dir);
                  }));
    }
    return server;
  }

  private static void awaitGone(Path pidFile) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (Files.exists(pidFile) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // polling a file at JVM exit
    }
  }

  /** A new, migrated, empty database of its own. */
  public static Database fresh() {
    return fresh(10);
  }

  public static Database fresh(int poolSize) {
    EmbeddedDatabase pg = server();
    String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    pg.createDatabaseIfMissing(name, TEMPLATE);
    return Database.open(config(name, poolSize));
  }

  /** Connection settings of a fresh database, for components that open their own pool. */
  public static DatabaseConfig freshConfig() {
    EmbeddedDatabase pg = server();
    String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    pg.createDatabaseIfMissing(name, TEMPLATE);
    return config(name, 10);
  }

  private static DatabaseConfig config(String database, int poolSize) {
    return server.config(database, poolSize, Duration.ofSeconds(10));
  }
}
