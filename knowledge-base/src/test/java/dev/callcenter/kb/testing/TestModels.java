package dev.callcenter.kb.testing;

import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.embedding.EmbeddingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The real embedding models, loaded once per test JVM (loading takes about two seconds). */
public final class TestModels {
  private static Embedders shared;

  private TestModels() {}

  public static synchronized Embedders shared() {
    if (shared == null) {
      try {
        Path work = Files.createTempDirectory("kb-test-models");
        shared = Embedders.load(EmbeddingConfig.enabled(work));
        // The models' copies are 14 MB per test JVM: removed at exit so runs do not fill /tmp.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(work)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  private static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // what is left is only disk space
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // best effort at exit
    }
  }
}
