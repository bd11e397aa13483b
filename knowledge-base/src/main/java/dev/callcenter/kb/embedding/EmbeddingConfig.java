package dev.callcenter.kb.embedding;

import dev.callcenter.kb.KnowledgeBaseException;
import java.nio.file.Path;

/**
 * Whether the knowledge base runs its sentence-embedding models, and where their runtime may write.
 *
 * @param enabled false keeps search lexical-only (BM25), for deployments without the model jars
 * @param workDir directory for the tokenizer runtime's (DJL) cache and native libraries; the server
 *     passes a directory under its data directory so nothing is written to the home folder
 * @param queryCacheSize how many query embeddings are kept for repeated queries
 */
public record EmbeddingConfig(boolean enabled, Path workDir, int queryCacheSize) {

  public static final int DEFAULT_QUERY_CACHE_SIZE = 10_000;

  public EmbeddingConfig {
    if (enabled && workDir == null) {
      throw new KnowledgeBaseException("embedding models need a work directory");
    }
    if (queryCacheSize < 0) {
      throw new KnowledgeBaseException("queryCacheSize must not be negative");
    }
  }

  public static EmbeddingConfig enabled(Path workDir) {
    return new EmbeddingConfig(true, workDir, DEFAULT_QUERY_CACHE_SIZE);
  }

  public static EmbeddingConfig disabled() {
    return new EmbeddingConfig(false, null, 0);
  }
}
