package dev.callcenter.server.asterisk;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Asterisk 22 running in the foreground for one test class, configured with the project's
 * own {@code config/asterisk/*.conf} (the files a user installs) templated only for addresses,
 * ports and secrets, next to the archive's base files, with its own run, spool, log, database and
 * sound directories so that parallel runs and leftovers cannot clash.
 */
public final class Asterisk implements AutoCloseable {

  /** The project's sample configuration, as the README tells a user to install it. */
  public static final Path PROJECT_CONFIG = projectFile("config/asterisk");

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
  private static final Pattern PROBLEM = Pattern.compile("\\] (WARNING|ERROR)\\[");
  private static final String READY = "Asterisk Ready.";
  private static final Duration BOOT = Duration.ofSeconds(60);

  /** 0.5 s of µ-law silence: a recorded prompt, as far as the IVR and Asterisk can tell. */
  private static final byte[] PROMPT = silence(4000);

  /**
   * Addresses, ports and secrets put into the sample files.
   *
   * @param providerAddress where the provider's trunk is ({@code host:port}); calls from its host
   *     are identified as the trunk
   * @param phonePasswords each agent phone's digest password, by extension
   * @param appended text appended to a sample file after templating, by file name (the benchmark's
   *     extra phones, or {@code [callcenter](+)} lines changing the AMI user); empty for the tests
   */
  public record Settings(
      int sipPort,
      int amiPort,
      String amiSecret,
      int agiPort,
      String providerAddress,
      Map<String, String> phonePasswords,
      Map<String, String> appended) {}

  private final Path dir;
  private final Path runDir;
  private final Path conf;
  private final Path console;
  private final Process process;
  private final Thread reaper;

  private Asterisk(Path dir, Path runDir, Process process) {
    this.dir = dir;
    this.runDir = runDir;
    this.conf = dir.resolve("etc/asterisk.conf");
    this.console = dir.resolve("console.log");
    this.process = process;
    // A test JVM that exits without closing (killed fork, System.exit) takes Asterisk with it.
    this.reaper = new Thread(process::destroyForcibly, "asterisk-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Writes the configuration into {@code dir}, starts Asterisk and waits until fully booted. */
  public static Asterisk start(Path dir, Settings settings) throws IOException {
    Path etc = Files.createDirectories(dir.resolve("etc"));
    // astrundir holds the console socket, whose path must stay short (108 bytes).
    Path run = Files.createTempDirectory("cc-asterisk-run");
    for (String sub : List.of("lib/keys", "spool", "log", "data/agi-bin")) {
      Files.createDirectories(dir.resolve(sub));
    }
    try (Stream<Path> base = Files.list(RealPbx.BASE_CONFIG)) {
      for (Path f : base.toList()) {
        if (!f.getFileName().toString().equals("asterisk.conf")) {
          Files.copy(f, etc.resolve(f.getFileName()));
        }
      }
    }
    Files.writeString(
        etc.resolve("asterisk.conf"),
        directories(dir, run) + Files.readString(RealPbx.BASE_CONFIG.resolve("asterisk.conf")));
    for (String name : List.of("manager.conf", "extensions.conf", "queues.conf", "pjsip.conf")) {
      String text = Files.readString(PROJECT_CONFIG.resolve(name));
      Files.writeString(
          etc.resolve(name),
          templated(name, text, settings) + settings.appended().getOrDefault(name, ""));
    }
    sounds(dir.resolve("data"));
    Process process =
        new ProcessBuilder(
                RealPbx.ASTERISK.toString(),
                "-C",
                etc.resolve("asterisk.conf").toString(),
                "-f",
                "-n",
                "-vvv")
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("console.log").toFile())
            .start();
    Asterisk asterisk = new Asterisk(dir, run, process);
    try {
      asterisk.awaitReady(1);
      return asterisk;
    } catch (RuntimeException | Error e) {
      asterisk.close();
      throw e;
    }
  }

  /** Where its files are: console.log, etc/, log/full. */
  public Path dir() {
    return dir;
  }

  /** Runs a CLI command ({@code asterisk -rx}) and returns its output without colours. */
  public String cli(String command) {
    try {
      Process p =
          new ProcessBuilder(RealPbx.ASTERISK.toString(), "-C", conf.toString(), "-rx", command)
              .redirectErrorStream(true)
              .start();
      CompletableFuture<String> out =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("asterisk -rx '" + command + "' did not finish within 30 s");
      }
      return ANSI.matcher(out.get(5, TimeUnit.SECONDS)).replaceAll("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("asterisk -rx '" + command + "' failed", e);
    }
  }

  /** {@code core restart now}: Asterisk re-executes itself and boots again (same process). */
  public void restartNow() {
    int boots = readyCount();
    cli("core restart now");
    awaitReady(boots + 1);
  }

  /** WARNING and ERROR lines of the console log so far (colours removed). */
  /**
   * The local addresses of Asterisk's UDP sockets in the RTP port range ({@code rtp.conf}), e.g.
   * {@code 127.0.0.1:20004}, from {@code ss}.
   */
  public List<String> rtpSockets() {
    try {
      Process ss = new ProcessBuilder("ss", "-uanpH").redirectErrorStream(true).start();
      String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      ss.waitFor();
      String pid = "pid=" + process.pid() + ",";
      List<String> sockets = new ArrayList<>();
      for (String line : out.split("\n")) {
        String[] f = line.strip().split("\\s+");
        if (line.contains(pid) && f.length > 3) {
          String local = f[3];
          int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
          if (port >= RTP_START && port <= RTP_END) {
            sockets.add(local);
          }
        }
      }
      return sockets;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public List<String> problems() {
    return consoleLines().stream().filter(l -> PROBLEM.matcher(l).find()).toList();
  }

  /**
   * WARNING and ERROR lines logged while Asterisk booted (the first time and after each restart):
   * what loading the configuration had to say.
   */
  public List<String> bootProblems() {
    List<String> boot = new ArrayList<>();
    boolean booting = true;
    for (String line : consoleLines()) {
      if (line.startsWith("Asterisk ") && line.contains("Copyright (C)")) {
        booting = true;
      } else if (line.contains(READY)) {
        booting = false;
      } else if (booting && PROBLEM.matcher(line).find()) {
        boot.add(line);
      }
    }
    return boot;
  }

  public List<String> consoleLines() {
    try {
      return Files.readAllLines(console, StandardCharsets.UTF_8).stream()
          .map(l -> ANSI.matcher(l).replaceAll(""))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records each prompt ({@code custom/cc-welcome}) in zh_TW and en as 0.5 s of silence. */
  public void installPrompts(Collection<String> prompts) {
    try {
      for (String language : List.of("en", "zh_TW")) {
        for (String prompt : prompts) {
          Path file = dir.resolve("data/sounds").resolve(language).resolve(prompt + ".ulaw");
          Files.createDirectories(file.getParent());
          Files.write(file, PROMPT);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes every recorded prompt: the situation of a fresh install. */
  public void removePrompts() {
    try {
      for (String language : List.of("en", "zh_TW")) {
        Path custom = dir.resolve("data/sounds").resolve(language).resolve("custom");
        if (Files.isDirectory(custom)) {
          try (Stream<Path> files = Files.list(custom)) {
            for (Path f : files.toList()) {
              Files.delete(f);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code core stop now}, then a kill if it does not go within 10 s. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        try {
          cli("core stop now");
        } catch (RuntimeException | AssertionError e) {
          // it is killed below
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
      deleteTree(runDir);
    }
  }

  private void awaitReady(int boots) {
    long deadline = System.nanoTime() + BOOT.toNanos();
    while (readyCount() < boots) {
      if (!process.isAlive()) {
        throw new AssertionError("Asterisk exited with " + process.exitValue() + ":\n" + tail());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Asterisk did not boot within " + BOOT + ":\n" + tail());
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    String booted = cli("core waitfullybooted");
    if (!booted.contains("fully booted")) {
      throw new AssertionError("core waitfullybooted answered: " + booted);
    }
  }

  private int readyCount() {
    if (!Files.exists(console)) {
      return 0;
    }
    return (int) consoleLines().stream().filter(l -> l.contains(READY)).count();
  }

  private String tail() {
    List<String> lines = consoleLines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static String directories(Path dir, Path run) {
    return """
    [directories]
    astetcdir => %1$s/etc
    astmoddir => %2$s
    astvarlibdir => %1$s/lib
    astdbdir => %1$s/lib
    astkeydir => %1$s/lib
    astdatadir => %1$s/data
    astagidir => %1$s/data/agi-bin
    astspooldir => %1$s/spool
    astrundir => %3$s
    astlogdir => %1$s/log
    astsbindir => %4$s

    """
        .formatted(dir.toAbsolutePath(), RealPbx.MODULES, run, RealPbx.ASTERISK.getParent());
  }

  /**
   * Core sounds (Debian's, for SAY DIGITS and the like) and the archive's documentation; no custom
   * prompts until a test records them. There are no Chinese core sounds: zh_TW has only custom/.
   */
  private static void sounds(Path data) throws IOException {
    Files.createSymbolicLink(data.resolve("documentation"), RealPbx.DOCUMENTATION);
    Path en = Files.createDirectories(data.resolve("sounds/en"));
    try (Stream<Path> core = Files.list(RealPbx.CORE_SOUNDS_EN)) {
      for (Path f : core.toList()) {
        Files.createSymbolicLink(en.resolve(f.getFileName()), f);
      }
    }
    Files.createDirectories(data.resolve("sounds/zh_TW"));
  }

  /** The RTP ports of the packaged Asterisk's own {@code rtp.conf} (/opt/asterisk22/etc). */
  private static final int RTP_START = 20000;

  private static final int RTP_END = 20999;

  private static final String LOOPBACK_MEDIA =
      "media_address = 127.0.0.1\nbind_rtp_to_media_address = yes";

  /** The sample file with only addresses, ports and secrets changed; fails if one is not there. */
  static String templated(String name, String text, Settings s) {
    Template t = new Template(name, text);
    switch (name) {
      case "manager.conf" ->
          t.requireLine("bindaddr = 127.0.0.1")
              .line("port = 5038", "port = " + s.amiPort())
              .line("secret = change-me-please", "secret = " + s.amiSecret());
      case "pjsip.conf" -> {
        String provider = s.providerAddress();
        String providerHost = provider.substring(0, provider.indexOf(':'));
        t.line("bind = 0.0.0.0:5060", "bind = 127.0.0.1:" + s.sipPort())
            .line("from_domain = sip.provider.example", "from_domain = " + providerHost)
            .line("contact = sip:sip.provider.example", "contact = sip:" + provider)
            .line("server_uri = sip:sip.provider.example", "server_uri = sip:" + provider)
            .line(
                "client_uri = sip:account@sip.provider.example",
                "client_uri = sip:account@" + provider)
            .line("match = 192.0.2.0/24", "match = " + providerHost)
            .line("password = change-me-trunk", "password = trunk-" + s.amiSecret())
            // media on loopback too: RTP bound to the address put in the SDP, not to every
            // interface of the machine (rtp.conf has no bind address)
            .line("direct_media = no", "direct_media = no\n" + LOOPBACK_MEDIA)
            .line("trust_id_inbound = yes", "trust_id_inbound = yes\n" + LOOPBACK_MEDIA);
        s.phonePasswords()
            .forEach(
                (ext, password) -> t.line("password = change-me-" + ext, "password = " + password));
      }
      case "extensions.conf" ->
          t.line("CC_AGI = agi://127.0.0.1:4573", "CC_AGI = agi://127.0.0.1:" + s.agiPort());
      case "queues.conf" -> {}
      default -> throw new IllegalArgumentException(name);
    }
    return t.checked("sip.provider.example", "change-me").text();
  }

  private static byte[] silence(int bytes) {
    byte[] b = new byte[bytes];
    java.util.Arrays.fill(b, (byte) 0xFF);
    return b;
  }

  public static Path projectFile(String relative) {
    Path at = Path.of("").toAbsolutePath();
    while (at != null) {
      if (Files.exists(at.resolve(relative))) {
        return at.resolve(relative);
      }
      at = at.getParent();
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  /** Line-wise edits of one sample file that fail loudly when the sample changed under them. */
  private static final class Template {
    private final String name;
    private String text;

    Template(String name, String text) {
      this.name = name;
      this.text = text;
    }

    Template requireLine(String line) {
      if (!lines(line).find()) {
        throw new IllegalStateException(name + " no longer has the line '" + line + "'");
      }
      return this;
    }

    Template line(String from, String to) {
      Matcher m = lines(from);
      if (!m.find()) {
        throw new IllegalStateException(
            "config/asterisk/"
                + name
                + " no longer has the line '"
                + from
                + "': update Asterisk.templated");
      }
      text = m.replaceAll(Matcher.quoteReplacement(to));
      return this;
    }

    /** No setting line (comments aside) still carries a sample value. */
    Template checked(String... leftovers) {
      for (String line : text.split("\n")) {
        String setting = line.strip();
        if (setting.startsWith(";")) {
          continue;
        }
        for (String leftover : leftovers) {
          if (setting.contains(leftover)) {
            throw new IllegalStateException(name + " still has '" + leftover + "': " + line);
          }
        }
      }
      return this;
    }

    String text() {
      return text;
    }

    private Matcher lines(String line) {
      return Pattern.compile("(?m)^" + Pattern.quote(line) + "$").matcher(text);
    }
  }
}
