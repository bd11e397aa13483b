package dev.callcenter.kb.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading and using the embedding models opens no network connection.
 *
 * <p>DJL, the tokenizer runtime under the models, calls the cloud metadata address 169.254.169.254
 * from {@code Ec2Utils.callHome} when a tokenizer is created, through {@code
 * URL.openConnection(Proxy.NO_PROXY)}, so a {@code ProxySelector} never sees it. Each case
 * therefore runs {@link NetworkTrapProbe} in a fresh child JVM (DJL's once-a-day check-in state is
 * static, and an earlier test in this JVM may have loaded the models already) that replaces,
 * JVM-wide and before any model class loads, the URL handlers for http, https and ftp and the
 * {@code java.net.Socket} implementation with traps that record the target and refuse. The control
 * case builds a model without our DJL settings and must be caught, which shows the traps really see
 * such a call; the real case goes through {@link Embedders#load} and must produce vectors with
 * nothing recorded. (Raw NIO channels bypass both traps; DJL and onnxruntime do not use them for
 * this.)
 */
class ModelsStayOfflineTest {

  @TempDir Path temp;

  private record Run(int exitCode, List<String> lines) {}

  private Run probe(String mode) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED",
                NetworkTrapProbe.class.getName(),
                mode,
                temp.resolve("models").toString())
            .redirectErrorStream(true);
    // The control must not be opted out by the environment either.
    builder.environment().remove("OPT_OUT_TRACKING");
    builder.environment().remove("DJL_OFFLINE");
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      reader.lines().forEach(lines::add);
    }
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();
    return new Run(process.exitValue(), lines);
  }

  @Test
  void loadingAndUsingTheModelsOpensNoConnection() throws Exception {
    Run run = probe("configured");

    assertThat(run.exitCode()).isZero();
    assertThat(run.lines()).as(String.join("\n", run.lines())).contains("VECTORS 384 512");
    assertThat(run.lines()).noneMatch(line -> line.startsWith("ATTEMPT"));
    assertThat(run.lines()).noneMatch(line -> line.startsWith("FAILED"));
    // DJL's native tokenizer library went to the directory we gave, not the home folder.
    try (Stream<Path> files = Files.walk(temp.resolve("models"))) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("libtokenizers.so");
    }
  }

  @Test
  void theTrapsCatchDjlPhoningHomeWhenItIsNotConfigured() throws Exception {
    Run run = probe("unconfigured");

    assertThat(run.lines())
        .as(String.join("\n", run.lines()))
        .anyMatch(line -> line.startsWith("ATTEMPT") && line.contains("169.254.169.254"));
  }
}
