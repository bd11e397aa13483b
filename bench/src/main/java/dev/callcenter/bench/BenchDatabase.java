package dev.callcenter.bench;

import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.db.DatabaseConfig;
import dev.callcenter.helpdesk.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The benchmark database: an embedded PostgreSQL with durable commits (fsync on, synchronous commit
 * on, as the demo runs), kept in {@code bench/target/pg} so that the million-row fixture is built
 * once.
 */
final class BenchDatabase implements AutoCloseable {

  private final EmbeddedDatabase server;
  private final Database database;

  BenchDatabase(Path dir, int poolSize) {
    server = EmbeddedDatabase.start(dir, true, 0);
    server.createDatabaseIfMissing("bench", null);
    database = Database.open(config(poolSize));
  }

  DatabaseConfig config(int poolSize) {
    return server.config("bench", poolSize, Duration.ofSeconds(30));
  }

  Database database() {
    return database;
  }

  /** Another database of the same server, created and migrated on first use. */
  Database open(String name, int poolSize) {
    server.createDatabaseIfMissing(name, null);
    return Database.open(server.config(name, poolSize, Duration.ofSeconds(30)));
  }

  @Override
  public void close() {
    database.close();
    server.close();
  }
}
