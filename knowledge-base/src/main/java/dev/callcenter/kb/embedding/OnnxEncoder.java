package dev.callcenter.kb.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.callcenter.kb.KnowledgeBaseException;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX sentence-embedding model with two ways in over the same onnxruntime session:
 * LangChain4j's {@link EmbeddingModel} for single texts (queries, and texts longer than the model's
 * window, which it splits and averages), and {@link #embedAll} which runs many texts as one padded
 * batch, for imports and rebuilds. A batch gives the same vectors as one text at a time (the
 * attention mask hides the padding) but pays onnxruntime's per-call cost once, and tokenises each
 * text once instead of three times.
 */
final class OnnxEncoder implements Encoder {

  /** Texts with more tokens than this (special tokens included) go through LangChain4j. */
  private static final int MAX_BATCHED_TOKENS = 510;

  /** Sequences per onnxruntime call; larger batches gained nothing on two cores. */
  private static final int BATCH = 32;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final Set<String> inputs;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean meanPooling;
  private final EmbeddingModel single;

  private OnnxEncoder(
      OrtEnvironment environment,
      OrtSession session,
      HuggingFaceTokenizer tokenizer,
      boolean meanPooling,
      EmbeddingModel single)
      throws OrtException {
    this.environment = environment;
    this.session = session;
    this.inputs = session.getInputNames();
    this.tokenizer = tokenizer;
    this.meanPooling = meanPooling;
    this.single = single;
  }

  /** Loads the model and tokenizer that a LangChain4j model jar carries as resources. */
  static OnnxEncoder fromJar(
      Class<?> modelClass, String onnxResource, String tokenizerResource, boolean meanPooling) {
    ClassLoader loader = modelClass.getClassLoader();
    try (InputStream onnx = resource(loader, onnxResource)) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session = environment.createSession(onnx.readAllBytes(), sessionOptions());
      HuggingFaceTokenizer tokenizer;
      OnnxBertBiEncoder encoder;
      try (InputStream json = resource(loader, tokenizerResource)) {
        tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
      }
      try (InputStream json = resource(loader, tokenizerResource)) {
        encoder =
            new OnnxBertBiEncoder(
                environment, session, json, meanPooling ? PoolingMode.MEAN : PoolingMode.CLS);
      }
      EmbeddingModel single =
          new AbstractInProcessEmbeddingModel(null) {
            @Override
            protected OnnxBertBiEncoder model() {
              return encoder;
            }
          };
      return new OnnxEncoder(environment, session, tokenizer, meanPooling, single);
    } catch (IOException | OrtException e) {
      throw new KnowledgeBaseException("cannot load the embedding model " + onnxResource, e);
    }
  }

  /**
   * onnxruntime's defaults (intra-op threads = cores, graph optimisation ALL) except spinning: by
   * default its pool threads busy-wait for the next piece of work, which on a box whose cores are
   * shared (the import's database stage, Lucene, other processes) takes CPU from the thread that
   * has the work; with spinning off a batch import embedded 2.6–3.4× faster on two loaded cores
   * (ADR 0027).
   */
  private static OrtSession.SessionOptions sessionOptions() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.addConfigEntry("session.intra_op.allow_spinning", "0");
    options.addConfigEntry("session.inter_op.allow_spinning", "0");
    return options;
  }

  private static InputStream resource(ClassLoader loader, String name) throws IOException {
    InputStream in = loader.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path");
    }
    return in;
  }

  @Override
  public float[] embed(String text) {
    return single.embed(text.isBlank() ? " " : text).content().vector();
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    float[][] vectors = new float[texts.size()][];
    List<Tokens> batchable = new ArrayList<>(texts.size());
    // The same text twice (an article's title and its title with an empty body) is run once.
    Map<String, Integer> firstIndex = new HashMap<>();
    int[] copyOf = new int[texts.size()];
    Arrays.fill(copyOf, -1);
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      Integer earlier = firstIndex.putIfAbsent(text, i);
      if (earlier != null) {
        copyOf[i] = earlier;
        continue;
      }
      Encoding encoding = text.isBlank() ? null : tokenizer.encode(text, true, false);
      // The tokenizer truncates at the model's 512 tokens; LangChain4j instead splits a longer
      // text into windows and averages them, so those texts take its path to keep its vectors.
      if (encoding == null
          || encoding.exceedMaxLength()
          || encoding.getIds().length > MAX_BATCHED_TOKENS) {
        vectors[i] = embed(text);
      } else {
        batchable.add(new Tokens(i, encoding.getIds(), encoding.getTypeIds()));
      }
    }
    // Similar lengths together: a batch is padded to its longest text.
    batchable.sort(Comparator.comparingInt(t -> t.ids().length));
    for (int from = 0; from < batchable.size(); from += BATCH) {
      List<Tokens> batch = batchable.subList(from, Math.min(from + BATCH, batchable.size()));
      float[][] pooled = run(batch);
      for (int j = 0; j < batch.size(); j++) {
        vectors[batch.get(j).index()] = pooled[j];
      }
    }
    for (int i = 0; i < vectors.length; i++) {
      if (copyOf[i] != -1) {
        vectors[i] = vectors[copyOf[i]].clone();
      }
    }
    return Arrays.asList(vectors);
  }

  private record Tokens(int index, long[] ids, long[] typeIds) {}

  private float[][] run(List<Tokens> batch) {
    int n = batch.size();
    int length = batch.getLast().ids().length;
    long[] ids = new long[n * length];
    long[] mask = new long[n * length];
    long[] types = new long[n * length];
    for (int j = 0; j < n; j++) {
      Tokens t = batch.get(j);
      System.arraycopy(t.ids(), 0, ids, j * length, t.ids().length);
      System.arraycopy(t.typeIds(), 0, types, j * length, t.typeIds().length);
      Arrays.fill(mask, j * length, j * length + t.ids().length, 1L);
    }
    long[] shape = {n, length};
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
      Map<String, OnnxTensor> in = new HashMap<>();
      in.put("input_ids", idTensor);
      in.put("attention_mask", maskTensor);
      if (inputs.contains("token_type_ids")) {
        in.put("token_type_ids", typeTensor);
      }
      try (OrtSession.Result result = session.run(in)) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        float[][] pooled = new float[n][];
        for (int j = 0; j < n; j++) {
          pooled[j] = normalized(pool(hidden[j], batch.get(j).ids().length));
        }
        return pooled;
      }
    } catch (OrtException e) {
      throw new KnowledgeBaseException("embedding a batch of " + n + " texts failed", e);
    }
  }

  /**
   * Unit length, as LangChain4j returns its single vectors: the index compares vectors by dot
   * product, so a batch's vectors must be normalised like the queries' (they were not: imported
   * articles ranked by their raw length).
   */
  private static float[] normalized(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    double norm = Math.sqrt(sum);
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / norm);
      }
    }
    return v;
  }

  /** Mean of the real tokens' states (padding excluded), or the first ([CLS]) token's state. */
  private float[] pool(float[][] states, int tokens) {
    if (!meanPooling) {
      return states[0].clone();
    }
    float[] mean = new float[states[0].length];
    for (int t = 0; t < tokens; t++) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += states[t][d];
      }
    }
    for (int d = 0; d < mean.length; d++) {
      mean[d] /= tokens;
    }
    return mean;
  }
}
