package dev.callcenter.helpdesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL on a real data directory: password-only logins over loopback and the
 * upgrade of clusters made without a password.
 */
class EmbeddedDatabaseTest {

  @TempDir Path dir;

  @Test
  void aNewClusterListensOnLoopbackOnlyAndLetsInOnlyWithThePasswordInItsFile() throws Exception {
    Path data = dir.resolve("postgres");
    String password;
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, false, 0)) {
      Path file = db.passwordFile();
      assertThat(file).isEqualTo(dir.resolve("postgres.password"));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      password = Files.readString(file).strip();
      assertThat(password).hasSizeGreaterThanOrEqualTo(32);
      assertThat(db.config("postgres", 1, Duration.ofSeconds(5)).password()).isEqualTo(password);
      try (Connection c = connect(db, password)) {
        assertThat(setting(c, "listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(setting(c, "password_encryption")).isEqualTo("scram-sha-256");
      }
      assertRefused(db, "postgres");
      assertRefused(db, "");
      assertThat(Files.readString(data.resolve("pg_hba.conf")))
          .isEqualTo(EmbeddedDatabase.PASSWORD_RULES)
          .doesNotContain("trust");
    }
    try (EmbeddedDatabase again = EmbeddedDatabase.start(data, false, 0)) {
      assertThat(Files.readString(again.passwordFile()).strip()).isEqualTo(password);
      connect(again, password).close();
    }
  }

  @Test
  void aClusterMadeWithoutAPasswordGetsOneAndKeepsItsData() throws Exception {
    Path data = dir.resolve("postgres");
    // What earlier versions made: initdb -A trust, anyone on the machine logs in as postgres.
    try (EmbeddedPostgres old =
            EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        Connection c = old.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("create table saved (note text)");
      s.execute("insert into saved values ('written before the upgrade')");
    }
    assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");
    assertThat(dir.resolve("postgres.password")).doesNotExist();

    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, true, 0)) {
      String password = Files.readString(db.passwordFile()).strip();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.passwordFile())))
          .isEqualTo("rw-------");
      assertThat(Files.readString(data.resolve("pg_hba.conf")))
          .isEqualTo(EmbeddedDatabase.PASSWORD_RULES);
      assertRefused(db, "");
      assertThat(savedNote(db, password)).isEqualTo("written before the upgrade");
    }
    try (EmbeddedDatabase again = EmbeddedDatabase.start(data, true, 0)) {
      assertThat(savedNote(again, Files.readString(again.passwordFile()).strip()))
          .isEqualTo("written before the upgrade");
    }
  }

  @Test
  void aDeletedPasswordFileIsReplacedByANewPassword() throws Exception {
    Path data = dir.resolve("postgres");
    String first;
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, false, 0)) {
      first = Files.readString(db.passwordFile()).strip();
      save(db, first);
    }
    Files.delete(dir.resolve("postgres.password"));
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, false, 0)) {
      String second = Files.readString(db.passwordFile()).strip();
      assertThat(second).isNotEqualTo(first);
      assertRefused(db, first);
      assertThat(savedNote(db, second)).isEqualTo("kept");
    }
  }

  @Test
  void aWrongPasswordInTheFileIsReportedAsSuch() throws Exception {
    Path data = dir.resolve("postgres");
    EmbeddedDatabase.start(data, false, 0).close();
    Files.writeString(dir.resolve("postgres.password"), "somethingelse\n");
    assertThatThrownBy(() -> EmbeddedDatabase.start(data, false, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not accept the password in " + dir.resolve("postgres.password"))
        .hasMessageContaining("delete the file");
  }

  private static Connection connect(EmbeddedDatabase db, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", EmbeddedDatabase.USER);
    p.setProperty("password", password);
    return DriverManager.getConnection(db.jdbcUrl("postgres"), p);
  }

  private static void assertRefused(EmbeddedDatabase db, String password) {
    assertThatThrownBy(() -> connect(db, password).close()).isInstanceOf(SQLException.class);
  }

  private static String setting(Connection c, String name) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery("show " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void save(EmbeddedDatabase db, String password) throws SQLException {
    try (Connection c = connect(db, password);
        var s = c.createStatement()) {
      s.execute("create table saved (note text)");
      s.execute("insert into saved values ('kept')");
    }
  }

  private static String savedNote(EmbeddedDatabase db, String password) throws SQLException {
    try (Connection c = connect(db, password);
        var s = c.createStatement();
        var rs = s.executeQuery("select note from saved")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
