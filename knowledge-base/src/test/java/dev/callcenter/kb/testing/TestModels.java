package dev.callcenter.kb.testing;

import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.embedding.EmbeddingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The real embedding models, loaded once per test JVM (loading takes about two seconds). */
public final class TestModels {
  private static Embedders shared;

  private TestModels() {}

  public static synchronized Embedders shared() {
    if (shared == null) {
      try {
        shared =
            Embedders.load(EmbeddingConfig.enabled(Files.createTempDirectory("kb-test-models")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }
}
