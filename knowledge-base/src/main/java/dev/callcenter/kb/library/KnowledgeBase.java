package dev.callcenter.kb.library;

import dev.callcenter.helpdesk.assembly.Helpdesk;
import dev.callcenter.kb.article.JdbiArticleRepository;
import dev.callcenter.kb.article.JdbiRevisionRepository;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.embedding.EmbeddingConfig;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchConfig;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The knowledge-base module assembled: the models (or none), the index on disk brought in line with
 * the database, and the services over them. The server and the test kits build this same object;
 * closing it closes the index.
 */
public final class KnowledgeBase implements AutoCloseable {

  /**
   * The module's settings.
   *
   * @param indexDir where the Lucene index lives (derived data: rebuilt from PostgreSQL)
   * @param modelsEnabled hybrid search with the embedding models; false is BM25 only
   * @param modelsWorkDir where the models' native runtime is unpacked
   * @param queryCacheSize how many query embeddings are cached
   */
  public record Settings(
      Path indexDir, boolean modelsEnabled, Path modelsWorkDir, int queryCacheSize) {}

  private final KnowledgeIndex index;
  private final KnowledgeBaseService service;
  private final TicketKnowledge tickets;
  private final ArticleReview review;
  private final ImportJobs imports;

  private KnowledgeBase(
      KnowledgeIndex index,
      KnowledgeBaseService service,
      TicketKnowledge tickets,
      ArticleReview review,
      Clock clock) {
    this.index = index;
    this.service = service;
    this.tickets = tickets;
    this.review = review;
    this.imports = new ImportJobs(service, clock);
  }

  /** Opens (or recreates) the index and brings it in line with the articles in the database. */
  public static KnowledgeBase open(Settings settings, Helpdesk helpdesk, Clock clock) {
    Embedders models =
        Embedders.load(
            new EmbeddingConfig(
                settings.modelsEnabled(), settings.modelsWorkDir(), settings.queryCacheSize()));
    KnowledgeIndex index =
        KnowledgeIndex.openOrRecreate(settings.indexDir(), SearchConfig.DEFAULTS, models);
    try {
      var articles = new JdbiArticleRepository(helpdesk.database().jdbi());
      var service = new KnowledgeBaseService(articles, helpdesk.transactions(), index, clock);
      service.synchronizeIndex();
      return new KnowledgeBase(
          index,
          service,
          new TicketKnowledge(service, helpdesk.tickets()),
          new ArticleReview(
              service,
              articles,
              new JdbiRevisionRepository(helpdesk.database().jdbi()),
              helpdesk.transactions(),
              clock),
          clock);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  public KnowledgeBaseService service() {
    return service;
  }

  /** Suggestions for tickets and articles drafted from resolved tickets. */
  public TicketKnowledge tickets() {
    return tickets;
  }

  /** Who may publish what, and the review of agents' revisions of published articles. */
  public ArticleReview review() {
    return review;
  }

  /** JSON Lines imports running in the background, with progress and cancel. */
  public ImportJobs imports() {
    return imports;
  }

  @Override
  public void close() {
    imports.close();
    index.close();
  }
}
