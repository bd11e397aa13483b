package dev.callcenter.helpdesk.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started in-process from the binaries on the classpath, keeping its data
 * in a directory that survives restarts. Used by the demo and the tests; production uses an
 * external server.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on {@code dataDir}, creating the cluster on first use.
   *
   * @param durable true to commit with fsync (the demo); false trades crash safety for speed
   *     (throw-away test clusters)
   * @param port TCP port on loopback, 0 for any free port
   */
  public static EmbeddedDatabase start(Path dataDir, boolean durable, int port) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("timezone", "UTC")
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", durable ? "on" : "off")
              .setServerConfig("synchronous_commit", durable ? "on" : "off")
              .setServerConfig("full_page_writes", durable ? "on" : "off");
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres pg = builder.start();
      log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dataDir);
      return new EmbeddedDatabase(pg);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDir, e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** JDBC URL of a database on this server. */
  public String jdbcUrl(String database) {
    return postgres.getJdbcUrl("postgres", database);
  }

  /** Creates {@code database} if it does not exist yet, optionally from a template. */
  public void createDatabaseIfMissing(String database, String template) {
    try (var c = postgres.getPostgresDatabase().getConnection();
        var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      check.setString(1, database);
      try (var rs = check.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (var create = c.createStatement()) {
        String from = template == null ? "" : " template \"" + template + "\"";
        create.execute("create database \"" + database + "\"" + from);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot create database " + database, e);
    }
  }

  /** Settings the embedded server runs with, for the health report. */
  public Map<String, String> describe() {
    return Map.of("port", String.valueOf(port()));
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
