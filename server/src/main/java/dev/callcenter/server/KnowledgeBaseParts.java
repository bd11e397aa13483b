package dev.callcenter.server;

import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.kb.KnowledgeBaseService;
import dev.callcenter.kb.TicketKnowledge;
import dev.callcenter.kb.article.JdbiArticleRepository;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.embedding.EmbeddingConfig;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchConfig;
import java.time.Clock;

/**
 * The knowledge base as the server runs it: the models (or none), the index on disk brought in line
 * with the database, and the services over them; closing it closes the index.
 */
record KnowledgeBaseParts(
    KnowledgeIndex index, KnowledgeBaseService service, TicketKnowledge tickets)
    implements AutoCloseable {

  static KnowledgeBaseParts open(
      ServerConfig.Kb config, Database database, TicketService tickets, Clock clock) {
    Embedders models =
        Embedders.load(
            new EmbeddingConfig(
                config.modelsEnabled(), config.modelsWorkDir(), config.queryCacheSize()));
    KnowledgeIndex index =
        KnowledgeIndex.openOrRecreate(config.indexDir(), SearchConfig.DEFAULTS, models);
    try {
      var service =
          new KnowledgeBaseService(
              new JdbiArticleRepository(database.jdbi()),
              new JdbiTransactions(database.jdbi()),
              index,
              clock);
      service.synchronizeIndex();
      return new KnowledgeBaseParts(index, service, new TicketKnowledge(service, tickets));
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  @Override
  public void close() {
    index.close();
  }
}
