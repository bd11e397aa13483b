package dev.callcenter.kb.search;

import dev.callcenter.kb.Article;
import dev.callcenter.kb.KnowledgeBaseException;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.embedding.Embedders.Model;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lucene index of knowledge-base articles: per-language full-text search with filters, snippets and
 * paging, type-ahead on titles, and near-real-time visibility of writes.
 *
 * <p>With embedding models ({@link Embedders}) the ranking is hybrid: every English article holds
 * three all-MiniLM-L6-v2 vectors (title, body, title with body), every Chinese article one
 * bge-small-zh vector of its title in Simplified script; an article's dense score is the cosine of
 * its best vector with the query, blended linearly with its BM25 score divided by the query's best
 * BM25 score ({@link SearchConfig#lexicalWeight()}). Without models the ranking is BM25 only.
 *
 * <p>The index is derived data: {@link #reindex} rebuilds it from the articles of record, and
 * {@link #indexedRevisions()} tells which articles it holds at which revision.
 */
public final class KnowledgeIndex implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
  private static final int SNIPPET_LENGTH = 200;

  /** Fewest candidates each retriever (BM25, each vector field) contributes to the blend. */
  static final int CANDIDATES = 100;

  /** Longest query prefix, in chars, that is embedded. */
  private static final int MAX_EMBEDDED_QUERY = 1000;

  /** Matches are counted exactly up to this many; beyond it the total is a lower bound. */
  static final int TOTAL_HITS_THRESHOLD = 1000;

  /** Articles whose embeddings are computed together when the whole index is rebuilt. */
  private static final int REINDEX_BATCH = 256;

  /**
   * The version of the text analysis, part of the index's signature: an index analysed otherwise
   * (here: before the Taiwan-phrase folding, or without stored status and visibility) is rebuilt at
   * start like one with other models.
   */
  private static final String ANALYSIS = "zh-phrases-2";

  /** Commit user-data key naming the models the stored vectors were made with. */
  private static final String VECTORS_KEY = "vectors";

  /**
   * A known issue fixed after the customer's version is moved first only when its score is at least
   * this share of the best score, so that an unrelated fix never jumps ahead of the answer.
   */
  private static final float FIX_FIRST_MIN_RELATIVE_SCORE = 0.6f;

  /**
   * Body text: stored for snippets, with offsets in the postings so that the highlighter reads
   * match positions from the index instead of analysing each hit's text again.
   */
  private static final FieldType BODY_TYPE = bodyType();

  private static FieldType bodyType() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private static final List<String> ENGLISH_VECTORS =
      List.of(Fields.VECTOR_EN_TITLE, Fields.VECTOR_EN_BODY, Fields.VECTOR_EN_BOTH);
  private static final List<String> CHINESE_VECTORS = List.of(Fields.VECTOR_ZH_TITLE);

  private final Directory directory;
  private final SearchConfig config;
  private final Embedders embedders;
  private final Map<String, Integer> solvedCounts = new ConcurrentHashMap<>();
  private final Analyzer english = Analyzers.english();
  private final Analyzer chinese;
  private final Analyzer suggestQuery = Analyzers.suggestQuery();
  private final Analyzer indexAnalyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ControlledRealTimeReopenThread<IndexSearcher> reopener;

  KnowledgeIndex(Directory directory, SearchConfig config, Embedders embedders) {
    this.directory = directory;
    this.config = config;
    this.embedders = embedders;
    this.chinese = Analyzers.chinese(config.crossStraitPhrases());
    this.indexAnalyzer = Analyzers.perField(config.crossStraitPhrases());
    Similarity similarity = similarity(config);
    try {
      writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(indexAnalyzer)
                  .setSimilarity(similarity)
                  .setCodec(VectorFormats.codec())
                  .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
      searchers =
          new SearcherManager(
              writer,
              new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                  IndexSearcher searcher = new MergedFieldInfosSearcher(reader);
                  searcher.setSimilarity(similarity);
                  return searcher;
                }
              });
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot open the knowledge index", e);
    }
    double maxStaleSeconds = config.maxStaleness().toNanos() / 1e9;
    reopener =
        new ControlledRealTimeReopenThread<>(
            writer, searchers, maxStaleSeconds, Math.min(0.05, maxStaleSeconds));
    reopener.setName("kb-index-refresh");
    reopener.setDaemon(true);
    reopener.start();
  }

  /** Opens (or creates) a lexical-only index in a directory on disk. */
  public static KnowledgeIndex open(Path path, SearchConfig config) {
    return open(path, config, Embedders.disabled());
  }

  /** Opens (or creates) the index in a directory on disk. */
  public static KnowledgeIndex open(Path path, SearchConfig config, Embedders embedders) {
    try {
      return new KnowledgeIndex(FSDirectory.open(path), config, embedders);
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot open the knowledge index at " + path, e);
    }
  }

  /**
   * Opens the index on disk, or, when what is there cannot be read (corrupt, or written by an
   * incompatible Lucene), deletes it and starts an empty one; the caller then rebuilds it from the
   * articles of record.
   */
  public static KnowledgeIndex openOrRecreate(Path path, SearchConfig config, Embedders embedders) {
    try {
      if (Files.isDirectory(path)) {
        try (FSDirectory dir = FSDirectory.open(path)) {
          if (DirectoryReader.indexExists(dir)) {
            // Reads every segment's metadata and checksummed footers of the commit.
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
              reader.numDocs();
            }
          }
        }
      }
    } catch (CorruptIndexException
        | IndexFormatTooOldException
        | IndexFormatTooNewException
        | NoSuchFileException
        | EOFException e) {
      log.warn(
          "Knowledge index at {} is unreadable ({}); starting an empty one", path, e.toString());
      deleteIndexFiles(path);
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot open the knowledge index at " + path, e);
    }
    return open(path, config, embedders);
  }

  private static void deleteIndexFiles(Path path) {
    try (Stream<Path> files = Files.list(path)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot clear the unreadable knowledge index " + path, e);
    }
  }

  /** A lexical-only index held in memory only, for evaluation runs and throw-away use. */
  public static KnowledgeIndex inMemory(SearchConfig config) {
    return inMemory(config, Embedders.disabled());
  }

  /** An index held in memory only, for evaluation runs and throw-away use. */
  public static KnowledgeIndex inMemory(SearchConfig config, Embedders embedders) {
    return new KnowledgeIndex(new ByteBuffersDirectory(), config, embedders);
  }

  /** True when search blends dense vectors with BM25; false when it is lexical only. */
  public boolean hybrid() {
    return embedders.enabled();
  }

  /**
   * True when the stored vectors were made with other models than this index now uses (or none), so
   * every article must be indexed again.
   */
  public boolean vectorsOutdated() {
    Map<String, String> committed = new HashMap<>();
    writer.getLiveCommitData().forEach(e -> committed.put(e.getKey(), e.getValue()));
    String stored = committed.get(VECTORS_KEY);
    return stored != null ? !stored.equals(signature()) : size() > 0;
  }

  /** What the index is made with: the models' signature and the analysis version. */
  private String signature() {
    return embedders.signature() + "/" + (config.crossStraitPhrases() ? ANALYSIS : "zh-chars");
  }

  /** Article id to indexed revision, for every article searchable now. */
  public Map<String, Integer> indexedRevisions() {
    return withSearcher(
        searcher -> {
          Map<String, Integer> revisions = new HashMap<>();
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), Fields.ID);
            NumericDocValues revs = DocValues.getNumeric(leaf.reader(), Fields.REVISION);
            var live = leaf.reader().getLiveDocs();
            for (int doc = ids.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = ids.nextDoc()) {
              if (live != null && !live.get(doc)) {
                continue;
              }
              int revision = revs.advanceExact(doc) ? (int) revs.longValue() : 0;
              revisions.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), revision);
            }
          }
          return revisions;
        });
  }

  /**
   * Sets how many tickets each article solved, for the small bounded boost of {@link
   * SearchConfig#solvedBoost()}; articles not listed count zero.
   */
  public void setSolvedCounts(Map<String, Integer> counts) {
    solvedCounts.clear();
    solvedCounts.putAll(counts);
  }

  public void setSolvedCount(String articleId, int count) {
    solvedCounts.put(articleId, count);
  }

  private static Similarity similarity(SearchConfig config) {
    Similarity title = new BM25Similarity(config.k1(), config.titleB());
    Similarity body = new BM25Similarity(config.k1(), config.b());
    return new PerFieldSimilarityWrapper() {
      @Override
      public Similarity get(String field) {
        return field.equals(Fields.TITLE_EN) || field.equals(Fields.TITLE_ZH) ? title : body;
      }
    };
  }

  /** Adds the article or replaces the indexed version with the same id; durable on return. */
  public void upsert(Article article) {
    upsertAll(List.of(article));
  }

  /**
   * Adds the articles or replaces their indexed versions, with one commit for all of them (and
   * their embeddings computed in batches); durable on return, all or none after a crash.
   */
  public void upsertAll(List<Article> articles) {
    upsertAll(articles, true);
  }

  /**
   * {@link #upsertAll(List)}, durable on return only when {@code commit} is true; otherwise the
   * articles are searchable after the next refresh but a crash before the next commit loses them
   * from the index (not from the database: the start-up synchronisation indexes them again). For
   * bulk imports, where an fsync per batch costs more than the indexing.
   */
  public void upsertAll(List<Article> articles, boolean commit) {
    if (articles.isEmpty()) {
      return;
    }
    List<Document> docs = toDocuments(articles);
    try {
      for (int i = 0; i < docs.size(); i++) {
        writer.updateDocument(new Term(Fields.ID, articles.get(i).id()), docs.get(i));
      }
      if (commit) {
        commit();
      }
    } catch (IOException e) {
      throw new KnowledgeBaseException(
          "cannot index articles " + articles.getFirst().id() + "…" + articles.getLast().id(), e);
    }
  }

  /** Removes the article from the index; durable on return. */
  public void delete(String articleId) {
    try {
      writer.deleteDocuments(new Term(Fields.ID, articleId));
      commit();
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot remove article " + articleId, e);
    }
  }

  /**
   * Makes the index hold exactly these articles and makes them searchable before returning.
   *
   * <p>Articles are replaced one by one and the ones no longer listed deleted last, so searches
   * running meanwhile never see an empty index.
   */
  public void reindex(Collection<Article> articles) {
    List<BytesRef> ids = new ArrayList<>(articles.size());
    try {
      List<Article> all = List.copyOf(articles);
      for (int from = 0; from < all.size(); from += REINDEX_BATCH) {
        List<Article> batch = all.subList(from, Math.min(from + REINDEX_BATCH, all.size()));
        List<Document> docs = toDocuments(batch);
        for (int i = 0; i < docs.size(); i++) {
          writer.updateDocument(new Term(Fields.ID, batch.get(i).id()), docs.get(i));
          ids.add(new BytesRef(batch.get(i).id()));
        }
      }
      writer.deleteDocuments(
          new BooleanQuery.Builder()
              .add(new MatchAllDocsQuery(), Occur.MUST)
              .add(new TermInSetQuery(Fields.ID, ids), Occur.MUST_NOT)
              .build());
      commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot rebuild the knowledge index", e);
    }
    log.info("Knowledge index rebuilt with {} articles", articles.size());
  }

  /** Makes every write so far durable. */
  public void commitNow() {
    try {
      commit();
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot commit the knowledge index", e);
    }
  }

  private void commit() throws IOException {
    writer.setLiveCommitData(Map.of(VECTORS_KEY, signature()).entrySet());
    writer.commit();
  }

  /**
   * Makes every completed write searchable now instead of within {@link SearchConfig#maxStaleness}.
   */
  public void refreshNow() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot refresh the knowledge index", e);
    }
  }

  /** Number of articles searchable now. */
  public int size() {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /** Search for agents: every article the filters allow, internal and drafts included. */
  public SearchPage search(SearchRequest request) {
    Query query =
        filtered(textQuery(request.text(), request.filters().language()), request.filters());
    int depth = (request.page() + 1) * request.pageSize();
    return withSearcher(
        searcher -> {
          Ranked ranked = rank(searcher, request.text(), query, request.filters(), depth);
          ScoreDoc[] docs = ranked.docs();
          int from = Math.min(request.page() * request.pageSize(), docs.length);
          ScoreDoc[] pageDocs = Arrays.copyOfRange(docs, from, docs.length);
          List<SearchHit> hits = hits(searcher, query, pageDocs);
          return new SearchPage(hits, ranked.total(), request.page(), request.pageSize());
        });
  }

  /** Search for customers: only public, published articles, whatever the request's filters say. */
  public SearchPage searchPublic(SearchRequest request) {
    return search(request.withFilters(request.filters().publicOnly()));
  }

  /** Ids of the best {@code limit} articles, best first, without snippets (for evaluation). */
  public List<String> rank(String text, SearchFilters filters, int limit) {
    Query query = filtered(textQuery(text, filters.language()), filters);
    return withSearcher(
        searcher -> {
          // Ids come from doc values: loading stored documents would decompress every body.
          List<String> ids = new ArrayList<>();
          for (ScoreDoc hit : rank(searcher, text, query, filters, limit).docs()) {
            ids.add(sortedValue(searcher, hit.doc, Fields.ID));
          }
          return ids;
        });
  }

  /** The ranked documents up to {@code depth} and how many matched in all. */
  private record Ranked(ScoreDoc[] docs, long total) {}

  private Ranked rank(
      IndexSearcher searcher, String text, Query lexicalQuery, SearchFilters filters, int depth)
      throws IOException {
    boolean hybrid = embedders.enabled() && !text.isBlank();
    // Lexical-only needs no more than the page; the blend needs candidates for the dense side.
    int candidates = hybrid ? Math.max(depth, CANDIDATES) : depth;
    // Counting every match exactly would stop Lucene from skipping non-competitive blocks.
    TopDocs lexical =
        searcher.search(
            lexicalQuery, new TopScoreDocCollectorManager(candidates, TOTAL_HITS_THRESHOLD));
    Map<Integer, Float> scores = new LinkedHashMap<>();
    long total = lexical.totalHits.value();
    if (!hybrid) {
      for (ScoreDoc hit : lexical.scoreDocs) {
        scores.put(hit.doc, hit.score);
      }
    } else {
      scores = hybridScores(searcher, text, filters, lexical, candidates);
      total = Math.max(total, scores.size());
    }
    List<ScoreDoc> ranked = new ArrayList<>(scores.size());
    for (Map.Entry<Integer, Float> e : scores.entrySet()) {
      ranked.add(new ScoreDoc(e.getKey(), boosted(searcher, e.getKey(), e.getValue())));
    }
    ranked.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    fixFirst(searcher, ranked, filters);
    return new Ranked(
        ranked.subList(0, Math.min(depth, ranked.size())).toArray(ScoreDoc[]::new), total);
  }

  /**
   * BM25 candidates and each vector field's nearest neighbours, scored {@code (1 - w) · cosine of
   * the best vector + w · BM25 / best BM25}.
   */
  private Map<Integer, Float> hybridScores(
      IndexSearcher searcher, String text, SearchFilters filters, TopDocs lexical, int candidates)
      throws IOException {
    boolean chinese = TraditionalToSimplifiedCharFilter.containsHan(text);
    List<String> vectorFields = chinese ? CHINESE_VECTORS : ENGLISH_VECTORS;
    float[] vector = queryVector(text);
    Query filter = filterOnly(filters);
    Map<Integer, Float> dense = new HashMap<>();
    for (String field : vectorFields) {
      TopDocs nearest =
          searcher.search(new KnnFloatVectorQuery(field, vector, candidates, filter), candidates);
      for (ScoreDoc hit : nearest.scoreDocs) {
        dense.merge(hit.doc, hit.score, Math::max);
      }
    }
    float bestLexical = lexical.scoreDocs.length == 0 ? 0 : lexical.scoreDocs[0].score;
    Map<Integer, Float> lexicalScores = new HashMap<>();
    for (ScoreDoc hit : lexical.scoreDocs) {
      lexicalScores.put(hit.doc, hit.score);
      // A lexical candidate outside every vector field's nearest neighbours: score it exactly.
      dense.computeIfAbsent(hit.doc, doc -> exactDenseScore(searcher, doc, vectorFields, vector));
    }
    float w = chinese ? config.chineseLexicalWeight() : config.lexicalWeight();
    // An article outside the BM25 candidates must be at least this similar to be returned.
    float minCosine = chinese ? config.chineseMinDenseOnlyCosine() : config.minDenseOnlyCosine();
    Map<Integer, Float> blended = new HashMap<>();
    for (Map.Entry<Integer, Float> e : dense.entrySet()) {
      // Lucene scores a unit-vector dot product as (1 + cosine) / 2; blend the cosine itself.
      float cosine = 2 * e.getValue() - 1;
      float bm25 = lexicalScores.getOrDefault(e.getKey(), 0f);
      if (bm25 == 0 && cosine < minCosine) {
        continue;
      }
      float lexicalPart = bestLexical > 0 ? bm25 / bestLexical : 0;
      blended.put(e.getKey(), (1 - w) * cosine + w * lexicalPart);
    }
    return blended;
  }

  /** The query's unit vector, from the model of its language. */
  private float[] queryVector(String text) {
    boolean chinese = TraditionalToSimplifiedCharFilter.containsHan(text);
    // The models read about 256 (MiniLM) or 512 (bge) tokens; longer text (a whole ticket
    // description) only costs time, so the query is embedded from its beginning.
    String head = text;
    if (text.length() > MAX_EMBEDDED_QUERY) {
      int end = MAX_EMBEDDED_QUERY;
      head = text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end);
    }
    return chinese
        ? embedders.embedQuery(
            Model.CHINESE,
            TraditionalToSimplifiedCharFilter.simplified(head, config.crossStraitPhrases()))
        : embedders.embedQuery(Model.ENGLISH, head);
  }

  /**
   * The cosine similarity of the query with the article's closest vector, as the hybrid ranking
   * computes it, or NaN when the article is not indexed; for choosing thresholds on evaluation sets
   * (needs the models).
   */
  public float cosine(String text, String articleId) {
    if (!hybrid()) {
      throw new KnowledgeBaseException("cosines need the embedding models");
    }
    List<String> fields =
        TraditionalToSimplifiedCharFilter.containsHan(text) ? CHINESE_VECTORS : ENGLISH_VECTORS;
    float[] vector = queryVector(text);
    return withSearcher(
        searcher -> {
          ScoreDoc[] found =
              searcher.search(new TermQuery(new Term(Fields.ID, articleId)), 1).scoreDocs;
          return found.length == 0
              ? Float.NaN
              : 2 * exactDenseScore(searcher, found[0].doc, fields, vector) - 1;
        });
  }

  private static float exactDenseScore(
      IndexSearcher searcher, int doc, List<String> fields, float[] query) {
    try {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      int local = doc - leaf.docBase;
      float best = 0;
      for (String field : fields) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null) {
          continue;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(local) == local) {
          best =
              Math.max(
                  best,
                  VectorSimilarityFunction.DOT_PRODUCT.compare(
                      query, values.vectorValue(it.index())));
        }
      }
      return best;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Grows the score of an article that solved tickets by at most {@code solvedBoost}. */
  private float boosted(IndexSearcher searcher, int doc, float score) throws IOException {
    if (solvedCounts.isEmpty() || config.solvedBoost() == 0) {
      return score;
    }
    int solved = solvedCounts.getOrDefault(sortedValue(searcher, doc, Fields.ID), 0);
    if (solved <= 0) {
      return score;
    }
    // Saturates: 1 ticket gives a third of the boost, 10 tickets 83 %, never more than all of it.
    float share = solved / (solved + 2f);
    return score * (1 + config.solvedBoost() * share);
  }

  /**
   * For a search by a customer's installed version of a product, moves known issues fixed in a
   * later version (the fix or upgrade article) ahead of the rest, if they are relevant enough.
   */
  private static void fixFirst(IndexSearcher searcher, List<ScoreDoc> ranked, SearchFilters filters)
      throws IOException {
    if (filters.product() == null || filters.version() == null || ranked.isEmpty()) {
      return;
    }
    float threshold = ranked.get(0).score * FIX_FIRST_MIN_RELATIVE_SCORE;
    List<ScoreDoc> fixes = new ArrayList<>();
    List<ScoreDoc> rest = new ArrayList<>();
    for (ScoreDoc hit : ranked) {
      String fixedIn = sortedValue(searcher, hit.doc, Fields.FIXED_IN);
      boolean fix =
          !fixedIn.isEmpty()
              && hit.score >= threshold
              && Versions.compare(fixedIn, filters.version()) > 0;
      (fix ? fixes : rest).add(hit);
    }
    ranked.clear();
    ranked.addAll(fixes);
    ranked.addAll(rest);
  }

  private static String sortedValue(IndexSearcher searcher, int doc, String field)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues values = DocValues.getSorted(leaf.reader(), field);
    if (!values.advanceExact(doc - leaf.docBase)) {
      if (field.equals(Fields.ID)) {
        throw new KnowledgeBaseException("indexed article without id, doc " + doc);
      }
      return "";
    }
    return values.lookupOrd(values.ordValue()).utf8ToString();
  }

  /**
   * Type-ahead: articles whose title has, for every typed word, a word starting with it; shortest
   * and best matching titles first.
   */
  public List<TitleSuggestion> suggest(String typed, SearchFilters filters, int limit) {
    List<String> words = analyze(suggestQuery, Fields.TITLE_SUGGEST, typed);
    if (words.isEmpty() || limit < 1) {
      return List.of();
    }
    BooleanQuery.Builder prefixes = new BooleanQuery.Builder();
    for (String word : words) {
      String prefix =
          word.length() > Analyzers.MAX_SUGGEST_PREFIX
              ? word.substring(0, Analyzers.MAX_SUGGEST_PREFIX)
              : word;
      prefixes.add(new TermQuery(new Term(Fields.TITLE_SUGGEST, prefix)), Occur.MUST);
    }
    Query query = filtered(prefixes.build(), filters);
    return withSearcher(
        searcher -> {
          StoredFields stored = searcher.storedFields();
          List<TitleSuggestion> suggestions = new ArrayList<>();
          for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
            Document doc = stored.document(hit.doc);
            suggestions.add(new TitleSuggestion(doc.get(Fields.ID), doc.get(Fields.TITLE_STORED)));
          }
          return suggestions;
        });
  }

  /** Type-ahead for customers: only public, published articles. */
  public List<TitleSuggestion> suggestPublic(String typed, SearchFilters filters, int limit) {
    return suggest(typed, filters.publicOnly(), limit);
  }

  /** Runs after every refresh of the searchable view; for tests that wait on visibility. */
  void onRefresh(Runnable listener) {
    searchers.addListener(
        new ReferenceManager.RefreshListener() {
          @Override
          public void beforeRefresh() {}

          @Override
          public void afterRefresh(boolean didRefresh) {
            listener.run();
          }
        });
  }

  private Query textQuery(String text, Language language) {
    if (text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (language == null || language == Language.EN) {
      addFieldQueries(query, english, Fields.TITLE_EN, Fields.BODY_EN, text);
    }
    if (language == null || language.isChinese()) {
      addFieldQueries(query, chinese, Fields.TITLE_ZH, Fields.BODY_ZH, text);
    }
    BooleanQuery built = query.build();
    return built.clauses().isEmpty() ? new MatchNoDocsQuery("no searchable words") : built;
  }

  private void addFieldQueries(
      BooleanQuery.Builder query, Analyzer analyzer, String title, String body, String text) {
    QueryBuilder builder = new QueryBuilder(analyzer);
    Query titleQuery = builder.createBooleanQuery(title, text);
    if (titleQuery != null) {
      query.add(new BoostQuery(titleQuery, config.titleBoost()), Occur.SHOULD);
    }
    Query bodyQuery = builder.createBooleanQuery(body, text);
    if (bodyQuery != null) {
      query.add(bodyQuery, Occur.SHOULD);
    }
  }

  /** The filters alone, for the vector searches; null when there are none. */
  private static Query filterOnly(SearchFilters filters) {
    BooleanQuery filter = (BooleanQuery) filtered(new MatchAllDocsQuery(), filters);
    return filter.clauses().size() == 1 ? null : filter;
  }

  private static Query filtered(Query query, SearchFilters filters) {
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
    if (filters.version() != null) {
      filtered.add(
          new TermInSetQuery(
              Fields.VERSION,
              List.of(new BytesRef(filters.version().strip()), new BytesRef(Fields.ALL_VERSIONS))),
          Occur.FILTER);
    }
    if (filters.product() != null) {
      filtered.add(new TermQuery(new Term(Fields.PRODUCT, filters.product())), Occur.FILTER);
    }
    if (filters.language() != null) {
      filtered.add(
          new TermQuery(new Term(Fields.LANGUAGE, filters.language().tag())), Occur.FILTER);
    }
    if (filters.visibility() != null) {
      filtered.add(
          new TermQuery(new Term(Fields.VISIBILITY, filters.visibility().name())), Occur.FILTER);
    }
    if (filters.status() != null) {
      filtered.add(new TermQuery(new Term(Fields.STATUS, filters.status().name())), Occur.FILTER);
    }
    return filtered.build();
  }

  private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    // Each hit's stored fields are read once (a block decompression each); its body field is
    // highlighted with the hits of its own language only, so no field is highlighted for hits
    // that lack it (that cost a re-analysis per hit).
    StoredFields stored = searcher.storedFields();
    Document[] docs = new Document[page.length];
    Map<String, List<Integer>> byField = new LinkedHashMap<>();
    for (int i = 0; i < page.length; i++) {
      docs[i] = stored.document(page[i].doc);
      String field = Fields.body(Language.ofTag(docs[i].get(Fields.LANGUAGE)));
      byField.computeIfAbsent(field, f -> new ArrayList<>()).add(i);
    }
    String[] snippets = new String[page.length];
    FieldInfos fieldInfos = fieldInfos(searcher);
    for (Map.Entry<String, List<Integer>> group : byField.entrySet()) {
      String field = group.getKey();
      List<Integer> positions = group.getValue();
      int[] docIds = new int[positions.size()];
      Map<Integer, String> texts = new HashMap<>();
      for (int j = 0; j < docIds.length; j++) {
        docIds[j] = page[positions.get(j)].doc;
        texts.put(docIds[j], docs[positions.get(j)].get(field));
      }
      String[] highlighted =
          new Snippets(highlighter(searcher), fieldInfos, texts)
              .highlightFields(new String[] {field}, query, docIds, new int[] {1})
              .get(field);
      for (int j = 0; j < docIds.length; j++) {
        snippets[positions.get(j)] = highlighted[j];
      }
    }
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document doc = docs[i];
      hits.add(
          new SearchHit(
              doc.get(Fields.ID),
              doc.get(Fields.EXTERNAL_ID),
              doc.get(Fields.TITLE_STORED),
              doc.get(Fields.PRODUCT),
              Language.ofTag(doc.get(Fields.LANGUAGE)),
              page[i].score,
              snippets[i] == null ? "" : snippets[i],
              doc.get(Fields.STATUS),
              doc.get(Fields.VISIBILITY)));
    }
    return hits;
  }

  private UnifiedHighlighter.Builder highlighter(IndexSearcher searcher) {
    return UnifiedHighlighter.builder(searcher, indexAnalyzer)
        // escape = true: article text is HTML-escaped, so <mark> is the only markup.
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withBreakIterator(
            () ->
                LengthGoalBreakIterator.createClosestToLength(
                    BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f));
  }

  /** The searcher's field infos across its segments, merged when the searcher was opened. */
  private static FieldInfos fieldInfos(IndexSearcher searcher) {
    return searcher instanceof MergedFieldInfosSearcher merged
        ? merged.fieldInfos
        : FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
  }

  /** A searcher that knows its reader's merged field infos, for the snippets. */
  private static final class MergedFieldInfosSearcher extends IndexSearcher {
    final FieldInfos fieldInfos;

    MergedFieldInfosSearcher(IndexReader reader) {
      super(reader);
      this.fieldInfos = FieldInfos.getMergedFieldInfos(reader);
    }
  }

  /** The documents of these articles, their vectors computed in batches. */
  private List<Document> toDocuments(List<Article> articles) {
    Map<Article, List<KnnFloatVectorField>> vectors =
        embedders.enabled() ? vectors(articles) : Map.of();
    List<Document> docs = new ArrayList<>(articles.size());
    for (Article article : articles) {
      Document doc = toDocument(article);
      vectors.getOrDefault(article, List.of()).forEach(doc::add);
      docs.add(doc);
    }
    return docs;
  }

  private Document toDocument(Article article) {
    Language language = article.language();
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, article.id(), Store.YES));
    doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(article.id())));
    doc.add(new StoredField(Fields.EXTERNAL_ID, article.externalId()));
    doc.add(new NumericDocValuesField(Fields.REVISION, article.revision()));
    doc.add(new StringField(Fields.PRODUCT, article.product(), Store.YES));
    if (article.versions().isEmpty()) {
      doc.add(new StringField(Fields.VERSION, Fields.ALL_VERSIONS, Store.NO));
    }
    for (String version : Set.copyOf(article.versions())) {
      doc.add(new StringField(Fields.VERSION, version.strip(), Store.NO));
    }
    if (!article.fixedInVersion().isEmpty()) {
      doc.add(new SortedDocValuesField(Fields.FIXED_IN, new BytesRef(article.fixedInVersion())));
    }
    doc.add(new StringField(Fields.LANGUAGE, language.tag(), Store.YES));
    // Stored too: a hit says whether it is a draft or internal, so pages can mark it.
    doc.add(new StringField(Fields.VISIBILITY, article.visibility().name(), Store.YES));
    doc.add(new StringField(Fields.STATUS, article.status().name(), Store.YES));
    doc.add(new StoredField(Fields.TITLE_STORED, article.title()));
    doc.add(new TextField(Fields.title(language), article.title(), Store.NO));
    doc.add(new Field(Fields.body(language), article.body(), BODY_TYPE));
    doc.add(new TextField(Fields.TITLE_SUGGEST, article.title(), Store.NO));
    return doc;
  }

  /**
   * The vector fields of each article: English articles get title, body (when there is one) and
   * title with body; Chinese articles their title in Simplified script. Each model runs once over
   * all the texts it is given, in batches.
   */
  private Map<Article, List<KnnFloatVectorField>> vectors(List<Article> articles) {
    Map<Article, List<KnnFloatVectorField>> fields = new java.util.IdentityHashMap<>();
    List<String> englishTexts = new ArrayList<>();
    List<String> englishFields = new ArrayList<>();
    List<Article> englishOwners = new ArrayList<>();
    List<String> chineseTexts = new ArrayList<>();
    List<Article> chineseOwners = new ArrayList<>();
    for (Article article : articles) {
      fields.put(article, new ArrayList<>(3));
      if (article.language().isChinese()) {
        chineseTexts.add(
            TraditionalToSimplifiedCharFilter.simplified(
                article.title(), config.crossStraitPhrases()));
        chineseOwners.add(article);
      } else {
        String body = article.body();
        englishTexts.add(article.title());
        englishFields.add(Fields.VECTOR_EN_TITLE);
        englishOwners.add(article);
        if (!body.isBlank()) {
          englishTexts.add(body);
          englishFields.add(Fields.VECTOR_EN_BODY);
          englishOwners.add(article);
        }
        // With no body this is the title's text, which the encoder then embeds only once.
        englishTexts.add(body.isBlank() ? article.title() : article.title() + "\n" + body);
        englishFields.add(Fields.VECTOR_EN_BOTH);
        englishOwners.add(article);
      }
    }
    if (!englishTexts.isEmpty()) {
      List<float[]> vectors = embedders.embedDocuments(Model.ENGLISH, englishTexts);
      for (int i = 0; i < vectors.size(); i++) {
        fields.get(englishOwners.get(i)).add(vector(englishFields.get(i), vectors.get(i)));
      }
    }
    if (!chineseTexts.isEmpty()) {
      List<float[]> vectors = embedders.embedDocuments(Model.CHINESE, chineseTexts);
      for (int i = 0; i < vectors.size(); i++) {
        fields.get(chineseOwners.get(i)).add(vector(Fields.VECTOR_ZH_TITLE, vectors.get(i)));
      }
    }
    return fields;
  }

  private static KnnFloatVectorField vector(String field, float[] values) {
    return new KnnFloatVectorField(field, values, VectorSimilarityFunction.DOT_PRODUCT);
  }

  private static List<String> analyze(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text == null ? "" : text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.run(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new KnowledgeBaseException("knowledge index search failed", e);
    }
  }

  @FunctionalInterface
  private interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  @Override
  public void close() {
    reopener.close();
    try (directory;
        writer;
        searchers) {
      // closes searchers, then commits and closes the writer, then the directory
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot close the knowledge index", e);
    }
  }
}
