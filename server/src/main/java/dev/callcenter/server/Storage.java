package dev.callcenter.server;

import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.db.DatabaseConfig;
import dev.callcenter.helpdesk.db.EmbeddedDatabase;

/** The database of a configuration, with the embedded server when it runs one. */
record Storage(EmbeddedDatabase embedded, Database database) implements AutoCloseable {
  @Override
  public void close() {
    database.close();
    if (embedded != null) {
      embedded.close();
    }
  }

  /** Starts the embedded PostgreSQL if configured, opens the pool and migrates the schema. */
  static Storage open(ServerConfig config) {
    ServerConfig.Database db = config.database();
    if (!db.embedded()) {
      return new Storage(
          null,
          Database.open(
              new DatabaseConfig(
                  db.url(), db.user(), db.password(), db.poolSize(), db.connectTimeout())));
    }
    EmbeddedDatabase server = EmbeddedDatabase.start(db.embeddedDataDir(), true, db.embeddedPort());
    try {
      server.createDatabaseIfMissing("callcenter", null);
      return new Storage(
          server, Database.open(server.config("callcenter", db.poolSize(), db.connectTimeout())));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }
}
