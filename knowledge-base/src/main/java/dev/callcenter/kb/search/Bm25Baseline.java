package dev.callcenter.kb.search;

import dev.callcenter.kb.Article;
import dev.callcenter.kb.KnowledgeBaseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The reference ranking the knowledge index is measured against: BM25 (k1 1.2, b 0.75) over title
 * and body in one field, analysed with Lucene's {@code EnglishAnalyzer}.
 */
public final class Bm25Baseline {
  private static final String TEXT = "text";

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final IndexSearcher searcher;

  private Bm25Baseline(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /** Indexes the articles in memory. */
  public static Bm25Baseline of(Collection<Article> articles) {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    BM25Similarity similarity = new BM25Similarity(1.2f, 0.75f);
    try (IndexWriter writer =
        new IndexWriter(
            directory, new IndexWriterConfig(new EnglishAnalyzer()).setSimilarity(similarity))) {
      for (Article article : articles) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, article.id(), Store.YES));
        doc.add(new TextField(TEXT, article.title() + "\n" + article.body(), Store.NO));
        writer.addDocument(doc);
      }
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot build the baseline index", e);
    }
    try {
      IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
      searcher.setSimilarity(similarity);
      return new Bm25Baseline(searcher);
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot open the baseline index", e);
    }
  }

  /** Ids of the best {@code limit} articles for the query, best first. */
  public List<String> rank(String text, int limit) {
    Query query = new QueryBuilder(analyzer).createBooleanQuery(TEXT, text);
    if (query == null) {
      return List.of();
    }
    try {
      StoredFields stored = searcher.storedFields();
      List<String> ids = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
        ids.add(stored.document(hit.doc).get(Fields.ID));
      }
      return ids;
    } catch (IOException e) {
      throw new KnowledgeBaseException("baseline search failed", e);
    }
  }
}
