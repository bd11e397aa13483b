package dev.callcenter.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The index's HNSW settings ({@link VectorFormats}) find the true nearest neighbours among many
 * near-identical vectors (like the titles of articles about one product), checked against brute
 * force.
 */
class HnswRecallTest {
  private static final int DIMENSION = 64;
  private static final int CLUSTERS = 20;
  private static final int PER_CLUSTER = 150;
  private static final int K = 10;

  @Test
  void approximateSearchMatchesBruteForceAmongNearDuplicates() throws IOException {
    Random random = new Random(42);
    List<float[]> centres = new ArrayList<>();
    for (int c = 0; c < CLUSTERS; c++) {
      centres.add(randomUnit(random, null, 1f));
    }
    List<float[]> vectors = new ArrayList<>();
    for (float[] centre : centres) {
      for (int i = 0; i < PER_CLUSTER; i++) {
        vectors.add(randomUnit(random, centre, 0.05f));
      }
    }
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig().setCodec(VectorFormats.codec()))) {
      for (float[] vector : vectors) {
        Document doc = new Document();
        doc.add(new KnnFloatVectorField("v", vector, VectorSimilarityFunction.DOT_PRODUCT));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }

    int found = 0;
    int expected = 0;
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (int q = 0; q < 50; q++) {
        float[] query = randomUnit(random, centres.get(q % CLUSTERS), 0.05f);
        Set<Integer> exact = bruteForce(vectors, query);
        Set<Integer> approximate = new HashSet<>();
        // As the index searches: every vector field asks for its best CANDIDATES neighbours.
        KnnFloatVectorQuery knn = new KnnFloatVectorQuery("v", query, KnowledgeIndex.CANDIDATES);
        for (ScoreDoc hit : searcher.search(knn, K).scoreDocs) {
          approximate.add(hit.doc);
        }
        expected += exact.size();
        approximate.retainAll(exact);
        found += approximate.size();
      }
    }
    assertThat((double) found / expected).as("recall@%d", K).isGreaterThanOrEqualTo(0.99);
  }

  private static Set<Integer> bruteForce(List<float[]> vectors, float[] query) {
    return new HashSet<>(
        IntStream.range(0, vectors.size())
            .boxed()
            .sorted(
                Comparator.comparingDouble(
                    (Integer i) ->
                        -VectorSimilarityFunction.DOT_PRODUCT.compare(query, vectors.get(i))))
            .limit(K)
            .toList());
  }

  private static float[] randomUnit(Random random, float[] around, float spread) {
    float[] v = new float[DIMENSION];
    double norm = 0;
    for (int i = 0; i < DIMENSION; i++) {
      v[i] = (around == null ? 0 : around[i]) + spread * (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < DIMENSION; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
