package dev.callcenter.kb.embedding;

import dev.callcenter.kb.KnowledgeBaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps DJL, the tokenizer runtime under the embedding models, off the network and inside our
 * directories.
 *
 * <p>When a tokenizer loads, DJL's {@code Ec2Utils.callHome} asks the cloud metadata address
 * 169.254.169.254 who is running it, unless {@code OPT_OUT_TRACKING} or {@code ai.djl.offline} is
 * set; it reads both from the environment or the system properties. These must be set before the
 * first DJL class initialises, so {@link Embedders#load} calls {@link #configure} before it touches
 * any model class.
 */
final class DjlOffline {
  private DjlOffline() {}

  static synchronized void configure(Path workDir) {
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("ai.djl.offline", "true");
    try {
      Path cache = Files.createDirectories(workDir.resolve("djl-cache"));
      Path engines = Files.createDirectories(workDir.resolve("djl-engines"));
      System.setProperty("DJL_CACHE_DIR", cache.toAbsolutePath().toString());
      System.setProperty("ENGINE_CACHE_DIR", engines.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot create the model work directory " + workDir, e);
    }
  }
}
