package dev.callcenter.server.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sipp process running a scenario from {@code src/test/resources/sipp/} with its {@code ${…}}
 * placeholders filled in, logging the SIP messages it sends and receives to a file.
 */
public final class Sipp implements AutoCloseable {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** Every sipp still running; a test JVM that exits without closing them takes them along. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "sipp-reaper"));
  }

  private final String name;
  private final Process process;
  private final Path messages;
  private final Path errors;

  private Sipp(String name, Process process, Path messages, Path errors) {
    this.name = name;
    this.process = process;
    this.messages = messages;
    this.errors = errors;
  }

  /**
   * Starts sipp.
   *
   * @param dir where the scenario and the logs go
   * @param name names the files ({@code name-N.xml}, {@code .msg}, {@code .err})
   * @param scenario resource under {@code sipp/}
   * @param values placeholder values; every placeholder must have one
   * @param args sipp's command line after the scenario (remote address, -i, -p, -m …)
   */
  public static Sipp start(
      Path dir, String name, String scenario, Map<String, String> values, List<String> args) {
    try {
      String base = name + "-" + SEQUENCE.incrementAndGet();
      Path xml = dir.resolve(base + ".xml");
      Files.writeString(xml, fill(resource(scenario), values, scenario));
      Path messages = dir.resolve(base + ".msg");
      Path errors = dir.resolve(base + ".err");
      List<String> command = new ArrayList<>();
      command.add(RealPbx.SIPP.toString());
      command.addAll(List.of("-sf", xml.toString()));
      command.addAll(args);
      command.addAll(
          List.of(
              "-nostdin",
              "-cp",
              Integer.toString(freeUdpPort("127.0.0.1")),
              "-trace_msg",
              "-message_file",
              messages.toString(),
              "-trace_err",
              "-error_file",
              errors.toString()));
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(dir.resolve(base + ".stderr").toFile())
              .start();
      RUNNING.add(p);
      p.onExit().thenRun(() -> RUNNING.remove(p));
      return new Sipp(name, p, messages, errors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for sipp to end; its exit code (0: every call succeeded). */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(name + " still running after " + timeout + "; " + errors());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** The SIP messages logged so far (sipp writes them as they come). */
  public String messages() {
    return read(messages);
  }

  /** sipp's error log: unexpected messages, failed calls. */
  public String errors() {
    return name + " errors: " + read(errors);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  static String fill(String template, Map<String, String> values, String what) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(what + " needs a value for ${" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String resource(String scenario) throws IOException {
    try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
      if (in == null) {
        throw new IllegalArgumentException("no scenario sipp/" + scenario);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A UDP port free on {@code host} now. */
  public static int freeUdpPort(String host) {
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(host, 0))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A TCP port free on loopback now. */
  public static int freeTcpPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An even port whose +2 is free too: sipp binds the audio and the video media ports. */
  public static int freeMediaPort(String host) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int p = freeUdpPort(host) & ~1;
      try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(host, p));
          DatagramSocket b = new DatagramSocket(new InetSocketAddress(host, p + 2))) {
        return p;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free media ports on " + host);
  }
}
