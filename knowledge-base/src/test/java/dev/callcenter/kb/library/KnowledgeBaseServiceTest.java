package dev.callcenter.kb.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.helpdesk.testing.TestDatabase;
import dev.callcenter.helpdesk.user.JdbiUserRepository;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import dev.callcenter.kb.article.ArticleDraft;
import dev.callcenter.kb.article.ArticleVersion;
import dev.callcenter.kb.article.JdbiArticleRepository;
import dev.callcenter.kb.article.StoredArticle;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.embedding.EmbeddingConfig;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchConfig;
import dev.callcenter.kb.search.SearchFilters;
import dev.callcenter.kb.search.SearchHit;
import dev.callcenter.kb.search.SearchRequest;
import dev.callcenter.kb.testing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseServiceTest {

  @TempDir Path temp;

  private Database db;
  private JdbiArticleRepository repository;
  private KnowledgeIndex index;
  private KnowledgeBaseService service;
  private long author;

  @BeforeEach
  void setUp() {
    db = TestDatabase.fresh(4);
    repository = new JdbiArticleRepository(db.jdbi());
    author =
        new JdbiUserRepository(db.jdbi())
            .upsert("author", "Author One", "not-a-hash", Set.of(Role.ADMIN), "en");
    index = openIndex();
    service = service(index);
  }

  @AfterEach
  void tearDown() {
    index.close();
    db.close();
  }

  private KnowledgeIndex openIndex() {
    return KnowledgeIndex.openOrRecreate(
        temp.resolve("index"), SearchConfig.DEFAULTS, Embedders.disabled());
  }

  private KnowledgeBaseService service(KnowledgeIndex index) {
    return new KnowledgeBaseService(
        repository, new JdbiTransactions(db.jdbi()), index, Clock.systemUTC());
  }

  static ArticleDraft draft(String title, String resolution) {
    return new ArticleDraft(
        title,
        null,
        null,
        resolution,
        "router",
        List.of("2.0", "2.1"),
        null,
        List.of("network"),
        Language.EN,
        Visibility.PUBLIC,
        null);
  }

  private List<String> titles(SearchRequest request) {
    return service.search(request).hits().stream().map(SearchHit::title).toList();
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within " + within).isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  @Test
  void createdArticleIsStoredAsDraftWithItsFirstVersion() {
    StoredArticle article =
        service.create(draft("Router keeps rebooting", "Replace the PSU."), author);

    assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(article.version()).isEqualTo(1);
    assertThat(article.content().versions()).containsExactly("2.0", "2.1");
    assertThat(service.get(article.id())).isEqualTo(article);
    assertThat(service.history(article.id()))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.change()).isEqualTo("created");
              assertThat(v.authorId()).isEqualTo(author);
              assertThat(v.changedAt()).isNotNull();
            });
  }

  @Test
  void editsPublishAndArchiveAreKeptInTheHistoryWithAuthorAndTime() {
    StoredArticle created =
        service.create(draft("Router keeps rebooting", "Replace the PSU."), author);
    service.update(created.id(), 1, draft("Router reboots every hour", "Replace the PSU."), author);
    service.publish(created.id(), author);
    StoredArticle archived = service.archive(created.id(), author);

    assertThat(archived.version()).isEqualTo(4);
    List<ArticleVersion> history = service.history(created.id());
    assertThat(history)
        .extracting(ArticleVersion::change)
        .containsExactly("created", "edited", "published", "archived");
    assertThat(history)
        .extracting(v -> v.content().title())
        .containsExactly(
            "Router keeps rebooting",
            "Router reboots every hour",
            "Router reboots every hour",
            "Router reboots every hour");
    assertThat(history)
        .extracting(ArticleVersion::status)
        .containsExactly(
            ArticleStatus.DRAFT,
            ArticleStatus.DRAFT,
            ArticleStatus.PUBLISHED,
            ArticleStatus.ARCHIVED);
  }

  @Test
  void anEditOfAnOldVersionIsAConflict() {
    StoredArticle created =
        service.create(draft("Router keeps rebooting", "Replace the PSU."), author);
    service.update(created.id(), 1, draft("Router reboots", "Replace the PSU."), author);

    assertThatThrownBy(() -> service.update(created.id(), 1, draft("Stale edit", "x"), author))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("since version 1");
    assertThat(service.get(created.id()).content().title()).isEqualTo("Router reboots");
  }

  @Test
  void invalidContentAndUnknownArticlesAreRejected() {
    assertThatThrownBy(() -> draft(" ", "x")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> service.get(999_999)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aSavedArticleIsSearchableWithinOneSecond() {
    long started = System.nanoTime();
    service.create(draft("Voicemail light stays on", "Listen to every new message."), author);

    awaitTrue(
        () -> titles(SearchRequest.of("voicemail light")).contains("Voicemail light stays on"),
        Duration.ofSeconds(1).minusNanos(System.nanoTime() - started));
  }

  @Test
  void anEditReplacesTheIndexedArticle() {
    StoredArticle created =
        service.create(draft("Router keeps rebooting", "Replace the PSU."), author);
    service.update(created.id(), 1, draft("Modem drops the line", "Call the carrier."), author);

    awaitTrue(
        () -> titles(SearchRequest.of("modem line")).equals(List.of("Modem drops the line")),
        Duration.ofSeconds(1));
    assertThat(titles(SearchRequest.of("rebooting"))).isEmpty();
  }

  @Test
  void publicSearchNeverReturnsInternalOrDraftArticles() {
    StoredArticle published =
        service.create(draft("Printer jams public", "Open the tray."), author);
    service.publish(published.id(), author);
    service.create(draft("Printer jams draft", "Open the tray."), author);
    ArticleDraft internal =
        new ArticleDraft(
            "Printer jams internal",
            null,
            null,
            "Open the tray.",
            null,
            null,
            null,
            null,
            Language.EN,
            Visibility.INTERNAL,
            null);
    service.publish(service.create(internal, author).id(), author);
    index.refreshNow();

    assertThat(titles(SearchRequest.of("printer jams")))
        .containsExactlyInAnyOrder(
            "Printer jams public", "Printer jams draft", "Printer jams internal");
    assertThat(service.searchPublic(SearchRequest.of("printer jams")).hits())
        .extracting(SearchHit::title)
        .containsExactly("Printer jams public");
    assertThat(
            service
                .searchPublic(
                    SearchRequest.of("printer jams")
                        .withFilters(SearchFilters.NONE.withStatus(ArticleStatus.DRAFT)))
                .hits())
        .extracting(SearchHit::title)
        .containsExactly("Printer jams public");
  }

  @Test
  void aDeletedIndexDirectoryIsRebuiltFromTheDatabaseAtStart() throws IOException {
    service.create(draft("Router keeps rebooting", "Replace the PSU."), author);
    service.create(draft("Voicemail light stays on", "Listen to every message."), author);
    index.close();
    deleteRecursively(temp.resolve("index"));

    index = openIndex();
    service = service(index);
    KnowledgeBaseService.IndexSync sync = service.synchronizeIndex();

    assertThat(sync.rebuilt()).isTrue();
    assertThat(sync.indexed()).isEqualTo(2);
    assertThat(titles(SearchRequest.of("voicemail"))).containsExactly("Voicemail light stays on");
  }

  @Test
  void aStaleIndexCatchesUpWithWritesItMissed() {
    StoredArticle kept =
        service.create(draft("Router keeps rebooting", "Replace the PSU."), author);
    index.close();
    // Written while the index was closed (another node, or a crash before indexing).
    KnowledgeIndex elsewhere = KnowledgeIndex.inMemory(SearchConfig.DEFAULTS, Embedders.disabled());
    service(elsewhere)
        .update(kept.id(), 1, draft("Modem drops the line", "Call the carrier."), author);
    service(elsewhere).create(draft("Voicemail light stays on", "Listen."), author);
    elsewhere.close();

    index = openIndex();
    service = service(index);
    assertThat(titles(SearchRequest.of("router rebooting")))
        .containsExactly("Router keeps rebooting");
    KnowledgeBaseService.IndexSync sync = service.synchronizeIndex();

    assertThat(sync.rebuilt()).isFalse();
    assertThat(sync.indexed()).isEqualTo(2);
    assertThat(titles(SearchRequest.of("router rebooting"))).isEmpty();
    assertThat(titles(SearchRequest.of("modem"))).containsExactly("Modem drops the line");
    assertThat(titles(SearchRequest.of("voicemail"))).containsExactly("Voicemail light stays on");
    assertThat(service.synchronizeIndex().indexed()).isZero();
  }

  @Test
  void aCorruptIndexIsReplacedAndRebuilt() throws IOException {
    service.create(draft("Router keeps rebooting", "Replace the PSU."), author);
    index.close();
    try (Stream<Path> files = Files.list(temp.resolve("index"))) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      }
    }

    index = openIndex();
    service = service(index);
    assertThat(service.synchronizeIndex().rebuilt()).isTrue();
    assertThat(titles(SearchRequest.of("router"))).containsExactly("Router keeps rebooting");
  }

  @Test
  void turningTheModelsOnOrOffRebuildsTheIndex() {
    service.create(draft("Laptop cannot join the office wireless network", "Forget it."), author);
    assertThat(Embedders.load(EmbeddingConfig.disabled()).enabled()).isFalse();
    index.close();

    index =
        KnowledgeIndex.openOrRecreate(
            temp.resolve("index"), SearchConfig.DEFAULTS, TestModels.shared());
    service = service(index);
    assertThat(index.vectorsOutdated()).isTrue();
    assertThat(service.synchronizeIndex().rebuilt()).isTrue();
    assertThat(titles(SearchRequest.of("my notebook won't get on the wifi")))
        .first()
        .isEqualTo("Laptop cannot join the office wireless network");
    index.close();

    index = openIndex();
    service = service(index);
    assertThat(service.synchronizeIndex().rebuilt()).isTrue();
    assertThat(index.hybrid()).isFalse();
    assertThat(titles(SearchRequest.of("wireless network")))
        .containsExactly("Laptop cannot join the office wireless network");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
