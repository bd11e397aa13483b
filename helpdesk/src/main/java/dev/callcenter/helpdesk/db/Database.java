package dev.callcenter.helpdesk.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, the schema migrations and the Jdbi handle factory for one PostgreSQL. */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final HikariDataSource factsSource;
  private final Jdbi jdbi;
  private final Jdbi factsJdbi;

  private Database(HikariDataSource dataSource, HikariDataSource factsSource) {
    this.dataSource = dataSource;
    this.factsSource = factsSource;
    this.jdbi = jdbiOn(dataSource);
    this.factsJdbi = jdbiOn(factsSource);
  }

  private static Jdbi jdbiOn(DataSource ds) {
    return Jdbi.create(ds).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
  }

  /** Opens the pool and brings the schema up to date. */
  public static Database open(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.username());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setConnectionTimeout(config.connectTimeout().toMillis());
    hikari.setPoolName("callcenter-db");
    hikari.addDataSourceProperty("ApplicationName", "callcenter");
    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
    HikariDataSource ds = new HikariDataSource(hikari);
    try {
      migrate(ds);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    HikariConfig facts = new HikariConfig();
    hikari.copyStateTo(facts);
    facts.setPoolName("callcenter-db-facts");
    facts.setMaximumPoolSize(FACTS_POOL);
    facts.setMinimumIdle(1);
    // a burst of facts waits for a connection rather than being lost
    facts.setConnectionTimeout(FACTS_WAIT.toMillis());
    HikariDataSource factsDs;
    try {
      factsDs = new HikariDataSource(facts);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    log.info("Database ready: {}", config);
    return new Database(ds, factsDs);
  }

  /**
   * Connections of the pool the report facts are written through (call records, agent states and
   * their rollups): a burst of them (a PBX resync, a busy hour) queues there and never takes the
   * connections screen pops and the desk are served from.
   */
  static final int FACTS_POOL = 3;

  private static final java.time.Duration FACTS_WAIT = java.time.Duration.ofMinutes(5);

  static void migrate(DataSource ds) {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** The Jdbi of the report facts' own small pool (see {@link #FACTS_POOL}). */
  public Jdbi factsJdbi() {
    return factsJdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** True when a connection can be had and answers a trivial query within a second. */
  public boolean isHealthy() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(1);
    } catch (SQLException e) {
      log.warn("Database health check failed: {}", e.getMessage());
      return false;
    }
  }

  @Override
  public void close() {
    factsSource.close();
    dataSource.close();
  }
}
