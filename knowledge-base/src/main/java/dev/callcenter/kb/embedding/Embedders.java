package dev.callcenter.kb.embedding;

import dev.callcenter.kb.KnowledgeBaseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process sentence-embedding models of the knowledge base (ONNX models shipped in Maven
 * Central jars, run on onnxruntime), or none when disabled: then search is lexical only.
 *
 * <p>Vectors are unit length, so a dot product is their cosine similarity. Query embeddings are
 * kept in a bounded LRU cache because agents and the screen pop repeat the same queries.
 */
public final class Embedders {
  private static final Logger log = LoggerFactory.getLogger(Embedders.class);

  /** The models, each with the languages it serves. */
  public enum Model {
    /** all-MiniLM-L6-v2 (quantized), English. */
    ENGLISH("all-minilm-l6-v2-q", 384),
    /** bge-small-zh-v1.5 (quantized), Simplified Chinese (callers convert Traditional first). */
    CHINESE("bge-small-zh-v15-q", 512);

    private final String modelName;
    private final int dimension;

    Model(String modelName, int dimension) {
      this.modelName = modelName;
      this.dimension = dimension;
    }

    public String modelName() {
      return modelName;
    }

    public int dimension() {
      return dimension;
    }
  }

  private final Map<Model, Encoder> models;
  private final Map<String, float[]> queryCache;
  private final int queryCacheSize;
  private final AtomicLong cacheHits = new AtomicLong();

  private Embedders(Map<Model, Encoder> models, int queryCacheSize) {
    this.models = models;
    this.queryCacheSize = queryCacheSize;
    this.queryCache =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > Embedders.this.queryCacheSize;
              }
            });
  }

  /** No models: the knowledge base ranks by BM25 only. */
  public static Embedders disabled() {
    return new Embedders(Map.of(), 0);
  }

  /**
   * Loads the models when the configuration enables them. DJL is configured offline before any of
   * its classes load (see {@link DjlOffline}). Without the model jars on the class path this logs a
   * warning and returns {@link #disabled()}, so such a deployment still searches lexically.
   */
  public static Embedders load(EmbeddingConfig config) {
    if (!config.enabled()) {
      log.info("Knowledge-base embedding models disabled: lexical search only");
      return disabled();
    }
    DjlOffline.configure(config.workDir());
    long started = System.nanoTime();
    Map<Model, Encoder> models;
    try {
      models = OnnxModels.load();
    } catch (NoClassDefFoundError e) {
      log.warn(
          "Knowledge-base embedding models are enabled but not on the class path ({});"
              + " lexical search only",
          e.getMessage());
      return disabled();
    }
    log.info(
        "Knowledge-base embedding models {} loaded in {} ms",
        models.keySet().stream().map(Model::modelName).toList(),
        (System.nanoTime() - started) / 1_000_000);
    return new Embedders(models, config.queryCacheSize());
  }

  public boolean enabled() {
    return !models.isEmpty();
  }

  /**
   * What the vectors in an index were made with; an index made with other models is rebuilt.
   * "lexical" when disabled.
   */
  public String signature() {
    if (models.isEmpty()) {
      return "lexical";
    }
    return String.join("+", models.keySet().stream().map(Model::modelName).toList());
  }

  /** The unit vector of an article's text; not cached (each text is embedded once per write). */
  public float[] embedDocument(Model model, String text) {
    return embed(model, text);
  }

  /** The unit vector of a query; repeated queries come from the cache. */
  public float[] embedQuery(Model model, String text) {
    if (queryCacheSize == 0) {
      return embed(model, text);
    }
    String key = model.name() + '\u0000' + text;
    float[] cached = queryCache.get(key);
    if (cached != null) {
      cacheHits.incrementAndGet();
      return cached;
    }
    float[] vector = embed(model, text);
    queryCache.put(key, vector);
    return vector;
  }

  /** How many query embeddings were served from the cache. */
  public long queryCacheHits() {
    return cacheHits.get();
  }

  /**
   * The unit vectors of many articles' texts, in their order: run as padded batches, several times
   * faster than one by one for imports and rebuilds.
   */
  public List<float[]> embedDocuments(Model model, List<String> texts) {
    return encoder(model).embedAll(texts).stream().map(Embedders::normalised).toList();
  }

  private float[] embed(Model model, String text) {
    return normalised(encoder(model).embed(text));
  }

  private Encoder encoder(Model model) {
    Encoder encoder = models.get(model);
    if (encoder == null) {
      throw new KnowledgeBaseException("embedding model " + model.modelName() + " is not loaded");
    }
    return encoder;
  }

  private static float[] normalised(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += v * v;
    }
    float norm = (float) Math.sqrt(sum);
    if (norm == 0) {
      return vector;
    }
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = vector[i] / norm;
    }
    return unit;
  }

  /** Separate class so that no model class is resolved before DJL is configured. */
  private static final class OnnxModels {
    static Map<Model, Encoder> load() {
      Map<Model, Encoder> models = new EnumMap<>(Model.class);
      // The models and tokenizers of LangChain4j's jars, run by our own batching encoder (mean
      // pooling for MiniLM, [CLS] for bge, as LangChain4j's own classes do).
      models.put(
          Model.ENGLISH,
          OnnxEncoder.fromJar(
              dev.langchain4j.model.embedding.onnx.allminilml6v2q
                  .AllMiniLmL6V2QuantizedEmbeddingModel.class,
              "all-minilm-l6-v2-q.onnx",
              "all-minilm-l6-v2-q-tokenizer.json",
              true));
      models.put(
          Model.CHINESE,
          OnnxEncoder.fromJar(
              dev.langchain4j.model.embedding.onnx.bgesmallzhv15q
                  .BgeSmallZhV15QuantizedEmbeddingModel.class,
              "bge-small-zh-v1.5-q.onnx",
              "bge-small-zh-v1.5-q-tokenizer.json",
              false));
      return Collections.unmodifiableMap(models);
    }
  }
}
