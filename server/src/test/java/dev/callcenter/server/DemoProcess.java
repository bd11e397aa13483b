package dev.callcenter.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged distribution ({@code callcenter-server.jar} + {@code lib/}, as {@code
 * bin/callcenter} runs it) in its own JVM, as a user starts it: {@code Main} with the given
 * arguments and {@code CC_} environment, its output collected line by line.
 */
public final class DemoProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("running at (http://[^ ]+)");

  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder seen = new StringBuilder();

  private DemoProcess(Process process) {
    this.process = process;
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("(output ended: " + e + ")");
              }
            });
  }

  /** Starts {@code Main args…} from {@code target/} of the server module with {@code env}. */
  public static DemoProcess start(Map<String, String> env, String... args) throws IOException {
    Path jar = Path.of("target", "callcenter-server.jar");
    Path lib = Path.of("target", "lib");
    if (!Files.exists(jar) || !Files.isDirectory(lib)) {
      throw new IllegalStateException(jar + " and " + lib + " are built by mvn package");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(List.of(java, "-cp", jar + ":" + lib + "/*", "dev.callcenter.server.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    return new DemoProcess(pb.start());
  }

  /** The base URL the server prints once it runs. */
  public String awaitUrl(Duration within) throws InterruptedException {
    return awaitLine(URL, within).group(1);
  }

  /** The first output line (from now on) that {@code pattern} finds something in. */
  public Matcher awaitLine(Pattern pattern, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError(
            "no line matching " + pattern + " within " + within + "; output:\n" + seen);
      }
      seen.append(line).append('\n');
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m;
      }
    }
  }

  /** Everything printed so far that a wait has read. */
  public String output() {
    return seen.toString();
  }

  /** SIGTERM: the shutdown hook stops the server and its database; forcibly after 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
