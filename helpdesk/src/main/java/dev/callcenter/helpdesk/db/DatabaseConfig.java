package dev.callcenter.helpdesk.db;

import java.time.Duration;

/**
 * How to reach PostgreSQL: a JDBC URL with credentials and the pool size.
 *
 * @param jdbcUrl JDBC URL of the database
 * @param username login role
 * @param password its password (never logged)
 * @param maxPoolSize the most connections the pool opens
 * @param connectTimeout how long a request waits for a connection before failing
 */
public record DatabaseConfig(
    String jdbcUrl, String username, String password, int maxPoolSize, Duration connectTimeout) {

  public DatabaseConfig {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("database.url must be a jdbc:postgresql: URL");
    }
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("database.pool-size must be at least 1");
    }
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url=" + jdbcUrl + ", user=" + username + ", pool=" + maxPoolSize + "]";
  }
}
