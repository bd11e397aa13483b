package dev.callcenter.kb.search;

import dev.callcenter.kb.Article;
import dev.callcenter.kb.KnowledgeBaseException;
import dev.callcenter.kb.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
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
 * <p>The index is derived data: {@link #reindex} rebuilds it from the articles of record.
 */
public final class KnowledgeIndex implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
  private static final int SNIPPET_LENGTH = 200;

  private final Directory directory;
  private final SearchConfig config;
  private final Analyzer english = Analyzers.english();
  private final Analyzer chinese = Analyzers.chinese();
  private final Analyzer suggestQuery = Analyzers.suggestQuery();
  private final Analyzer indexAnalyzer = Analyzers.perField();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ControlledRealTimeReopenThread<IndexSearcher> reopener;

  KnowledgeIndex(Directory directory, SearchConfig config) {
    this.directory = directory;
    this.config = config;
    Similarity similarity = similarity(config);
    try {
      writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(indexAnalyzer)
                  .setSimilarity(similarity)
                  .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
      searchers =
          new SearcherManager(
              writer,
              new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                  IndexSearcher searcher = new IndexSearcher(reader);
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

  /** Opens (or creates) the index in a directory on disk. */
  public static KnowledgeIndex open(Path path, SearchConfig config) {
    try {
      return new KnowledgeIndex(FSDirectory.open(path), config);
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot open the knowledge index at " + path, e);
    }
  }

  /** An index held in memory only, for evaluation runs and throw-away use. */
  public static KnowledgeIndex inMemory(SearchConfig config) {
    return new KnowledgeIndex(new ByteBuffersDirectory(), config);
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
    try {
      writer.updateDocument(new Term(Fields.ID, article.id()), toDocument(article));
      writer.commit();
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot index article " + article.id(), e);
    }
  }

  /** Removes the article from the index; durable on return. */
  public void delete(String articleId) {
    try {
      writer.deleteDocuments(new Term(Fields.ID, articleId));
      writer.commit();
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
      for (Article article : articles) {
        writer.updateDocument(new Term(Fields.ID, article.id()), toDocument(article));
        ids.add(new BytesRef(article.id()));
      }
      writer.deleteDocuments(
          new BooleanQuery.Builder()
              .add(new MatchAllDocsQuery(), Occur.MUST)
              .add(new TermInSetQuery(Fields.ID, ids), Occur.MUST_NOT)
              .build());
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot rebuild the knowledge index", e);
    }
    log.info("Knowledge index rebuilt with {} articles", articles.size());
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
          TopDocs top =
              searcher.search(query, new TopScoreDocCollectorManager(depth, Integer.MAX_VALUE));
          int from = Math.min(request.page() * request.pageSize(), top.scoreDocs.length);
          ScoreDoc[] pageDocs = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
          List<SearchHit> hits = hits(searcher, query, top, pageDocs);
          return new SearchPage(hits, top.totalHits.value(), request.page(), request.pageSize());
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
          List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
          List<String> ids = new ArrayList<>();
          for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            SortedDocValues values = DocValues.getSorted(leaf.reader(), Fields.ID);
            if (!values.advanceExact(hit.doc - leaf.docBase)) {
              throw new KnowledgeBaseException("indexed article without id, doc " + hit.doc);
            }
            ids.add(values.lookupOrd(values.ordValue()).utf8ToString());
          }
          return ids;
        });
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

  private static Query filtered(Query query, SearchFilters filters) {
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
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

  private List<SearchHit> hits(IndexSearcher searcher, Query query, TopDocs top, ScoreDoc[] page)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, indexAnalyzer)
            // escape = true: article text is HTML-escaped, so <mark> is the only markup.
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f))
            .build();
    String[] bodies = {Fields.BODY_EN, Fields.BODY_ZH};
    Map<String, String[]> snippets =
        highlighter.highlightFields(
            bodies, query, new TopDocs(top.totalHits, page), new int[] {1, 1});
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document doc = stored.document(page[i].doc);
      Language language = Language.ofTag(doc.get(Fields.LANGUAGE));
      String snippet = snippets.get(Fields.body(language))[i];
      hits.add(
          new SearchHit(
              doc.get(Fields.ID),
              doc.get(Fields.TITLE_STORED),
              doc.get(Fields.PRODUCT),
              language,
              page[i].score,
              snippet == null ? "" : snippet));
    }
    return hits;
  }

  private static Document toDocument(Article article) {
    Language language = article.language();
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, article.id(), Store.YES));
    doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(article.id())));
    doc.add(new StringField(Fields.PRODUCT, article.product(), Store.YES));
    doc.add(new StringField(Fields.LANGUAGE, language.tag(), Store.YES));
    doc.add(new StringField(Fields.VISIBILITY, article.visibility().name(), Store.NO));
    doc.add(new StringField(Fields.STATUS, article.status().name(), Store.NO));
    doc.add(new StoredField(Fields.TITLE_STORED, article.title()));
    doc.add(new TextField(Fields.title(language), article.title(), Store.NO));
    // Stored for the highlighter, which re-analyses the text to find the snippet.
    doc.add(new TextField(Fields.body(language), article.body(), Store.YES));
    doc.add(new TextField(Fields.TITLE_SUGGEST, article.title(), Store.NO));
    return doc;
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
