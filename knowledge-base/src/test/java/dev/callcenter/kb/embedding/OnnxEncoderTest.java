package dev.callcenter.kb.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A padded batch must give the vectors one text at a time gives: the same length (unit: the index
 * compares by dot product) and the same direction up to the last digits (cosine 0.99+;
 * LangChain4j's single-text path tokenises on its own, which moves a short text's vector by about
 * 0.007).
 */
class OnnxEncoderTest {

  private static final List<String> TEXTS =
      List.of(
          "RT-500 router has no internet",
          "The router's WAN light is orange and no device can reach the internet.",
          "The computer says the printer is offline",
          "Open the rear cover, remove the paper and clean the feed rollers with a damp cloth.",
          "x");

  @Test
  void aBatchGivesTheVectorsOfSingleTextsInBothModels() {
    check(english(), TEXTS);
    check(
        OnnxEncoder.fromJar(
            dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel
                .class,
            "bge-small-zh-v1.5-q.onnx",
            "bge-small-zh-v1.5-q-tokenizer.json",
            false),
        List.of("印表機卡紙", "路由器無法上網,WAN 燈號為橘色", "電腦顯示印表機離線", "x"));
  }

  @Test
  void aTextRepeatedInABatchGetsItsOwnCopyOfTheSameVector() {
    OnnxEncoder encoder = english();
    List<String> texts =
        List.of(TEXTS.get(0), TEXTS.get(2), TEXTS.get(0), TEXTS.get(1), TEXTS.get(2));
    List<float[]> vectors = encoder.embedAll(texts);
    assertThat(vectors.get(2)).containsExactly(vectors.get(0)).isNotSameAs(vectors.get(0));
    assertThat(vectors.get(4)).containsExactly(vectors.get(1)).isNotSameAs(vectors.get(1));
    for (int i = 0; i < texts.size(); i++) {
      float[] one = encoder.embed(texts.get(i));
      assertThat(cosine(vectors.get(i), one)).as("direction, " + texts.get(i)).isGreaterThan(0.97);
    }
    assertThat(cosine(vectors.get(0), vectors.get(1))).isLessThan(0.9);
  }

  private static OnnxEncoder english() {
    return OnnxEncoder.fromJar(
        dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel
            .class,
        "all-minilm-l6-v2-q.onnx",
        "all-minilm-l6-v2-q-tokenizer.json",
        true);
  }

  private static void check(OnnxEncoder encoder, List<String> texts) {
    List<float[]> batch = encoder.embedAll(texts);
    for (int i = 0; i < texts.size(); i++) {
      float[] one = encoder.embed(texts.get(i));
      assertThat(norm(batch.get(i))).as("length, " + texts.get(i)).isCloseTo(norm(one), within());
      assertThat(cosine(batch.get(i), one)).as("direction, " + texts.get(i)).isGreaterThan(0.97);
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-3);
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot / (norm(a) * norm(b));
  }
}
