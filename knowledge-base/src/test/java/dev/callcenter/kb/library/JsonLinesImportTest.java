package dev.callcenter.kb.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.helpdesk.testing.TestDatabase;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.article.ArticleVersion;
import dev.callcenter.kb.article.ImportReport;
import dev.callcenter.kb.article.JdbiArticleRepository;
import dev.callcenter.kb.article.StoredArticle;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchConfig;
import dev.callcenter.kb.search.SearchHit;
import dev.callcenter.kb.search.SearchRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonLinesImportTest {

  private final List<AutoCloseable> opened = new java.util.ArrayList<>();

  private KnowledgeIndex index;
  private JdbiArticleRepository repository;

  private KnowledgeBaseService newKnowledgeBase() {
    Database db = TestDatabase.fresh(2);
    index = KnowledgeIndex.inMemory(SearchConfig.DEFAULTS, Embedders.disabled());
    repository = new JdbiArticleRepository(db.jdbi());
    opened.add(index);
    opened.add(db);
    return new KnowledgeBaseService(
        repository, new JdbiTransactions(db.jdbi()), index, Clock.systemUTC());
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  private static BufferedReader lines(String... lines) {
    return new BufferedReader(new StringReader(String.join("\n", lines)));
  }

  @Test
  void badLinesAreReportedWithTheirNumberAndGoodLinesImported() {
    KnowledgeBaseService kb = newKnowledgeBase();

    ImportReport report =
        kb.importJsonLines(
            lines(
                "{\"id\":\"faq-1\",\"title\":\"Reset a voicemail PIN\",\"resolution\":\"Dial"
                    + " *98.\",\"language\":\"en\",\"visibility\":\"public\"}",
                "{\"id\":\"faq-2\",\"title\":\"broken json\"",
                "",
                "{\"id\":\"faq-3\",\"resolution\":\"no title\",\"language\":\"en\"}",
                "{\"id\":\"faq-4\",\"title\":\"Klingon\",\"language\":\"tlh\"}",
                "{\"id\":\"faq-5\",\"title\":\"無法安裝套件\",\"resolution\":\"檢查磁碟空間。\","
                    + "\"language\":\"zh-TW\",\"product\":\"pos\",\"versions\":[\"1.0\"],"
                    + "\"tags\":[\"install\"],\"status\":\"draft\"}"),
            null);

    assertThat(report.created()).isEqualTo(2);
    assertThat(report.errors()).extracting(ImportReport.LineError::line).containsExactly(2, 4, 5);
    assertThat(report.errors().get(0).message()).contains("JSON");
    assertThat(report.errors().get(1).message()).contains("title");
    assertThat(report.errors().get(2).message()).contains("language");
    assertThat(kb.search(SearchRequest.of("voicemail")).hits())
        .extracting(SearchHit::externalId)
        .containsExactly("faq-1");
    StoredArticle chinese =
        kb.list(ArticleStatus.DRAFT, 10).stream()
            .filter(a -> "faq-5".equals(a.content().externalId()))
            .findFirst()
            .orElseThrow();
    assertThat(chinese.content().language()).isEqualTo(Language.ZH_TW);
    assertThat(chinese.content().versions()).containsExactly("1.0");
    assertThat(kb.history(chinese.id()))
        .extracting(ArticleVersion::change)
        .containsExactly("imported");
  }

  @Test
  void reimportingUpdatesByExternalIdInsteadOfDuplicating() {
    KnowledgeBaseService kb = newKnowledgeBase();
    String line =
        "{\"id\":\"faq-1\",\"title\":\"Reset a voicemail PIN\",\"resolution\":\"Dial *98.\"}";
    kb.importJsonLines(lines(line), null);

    ImportReport same = kb.importJsonLines(lines(line), null);
    ImportReport changed =
        kb.importJsonLines(
            lines(
                "{\"id\":\"faq-1\",\"title\":\"Reset a voicemail PIN\",\"resolution\":\"Dial"
                    + " *99.\"}"),
            null);

    assertThat(same.unchanged()).isEqualTo(1);
    assertThat(changed.updated()).isEqualTo(1);
    assertThat(kb.list(null, 10))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.version()).isEqualTo(2);
              assertThat(a.content().resolution()).isEqualTo("Dial *99.");
            });
  }

  @Test
  void exportThenImportElsewhereGivesTheSameArticles() {
    KnowledgeBaseService source = newKnowledgeBase();
    source.importJsonLines(
        lines(
            "{\"id\":\"faq-1\",\"title\":\"Reset a voicemail PIN\",\"resolution\":\"Dial *98.\","
                + "\"product\":\"phone\",\"versions\":[\"2.0\",\"2.1\"],\"fixedInVersion\":\"2.2\","
                + "\"tags\":[\"pin\"],\"visibility\":\"public\",\"status\":\"archived\"}",
            "{\"id\":\"faq-2\",\"title\":\"打印机卡纸\",\"symptom\":\"卡纸\",\"cause\":\"纸张潮湿\","
                + "\"resolution\":\"取出纸张。\",\"language\":\"zh-CN\"}"),
        null);
    StringWriter exported = new StringWriter();
    assertThat(source.exportJsonLines(exported)).isEqualTo(2);

    KnowledgeBaseService target = newKnowledgeBase();
    ImportReport report =
        target.importJsonLines(new BufferedReader(new StringReader(exported.toString())), null);

    assertThat(report.created()).isEqualTo(2);
    assertThat(report.errors()).isEmpty();
    assertThat(target.list(null, 10))
        .extracting(a -> List.of(a.content(), a.status()))
        .containsExactlyInAnyOrderElementsOf(
            source.list(null, 10).stream().map(a -> List.of(a.content(), a.status())).toList());
  }

  @Test
  void theStackFaqFileImportsWhole() throws IOException {
    Path file =
        Path.of(System.getProperty("kb.eval.dir", "/work/shared/kb-eval"))
            .resolve("stackfaq-articles.jsonl");
    assumeTrue(Files.isReadable(file), "StackFAQ data not found");
    KnowledgeBaseService kb = newKnowledgeBase();

    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      ImportReport report = kb.importJsonLines(in, null);
      assertThat(report.errors()).isEmpty();
      assertThat(report.created()).isEqualTo(125);
    }
  }

  private static String article(int n, String resolution) {
    return "{\"id\":\"bulk-%d\",\"title\":\"Printer %d jams\",\"resolution\":\"%s\"}"
        .formatted(n, n, resolution);
  }

  /** Article id to version in the database, as the index keys them. */
  private Map<String, Integer> stored() {
    Map<String, Integer> stored = new HashMap<>();
    repository.versions().forEach((id, version) -> stored.put(Long.toString(id), version));
    return stored;
  }

  @Test
  void aBadLineInTheMiddleOfABatchIsReportedAndTheRestOfTheBatchImported() {
    KnowledgeBaseService kb = newKnowledgeBase();
    List<String> lines = new ArrayList<>();
    for (int n = 1; n <= 600; n++) {
      lines.add(
          switch (n) {
            case 300 -> "{\"id\":\"bulk-300\",\"title\":";
            case 301 -> "{\"id\":\"bulk-301\",\"resolution\":\"no title\"}";
            // Line 20 repeats line 10's external id in the same batch: it replaces it.
            case 20 -> article(10, "Open the rear tray.");
            default -> article(n, "Remove the paper.");
          });
    }

    ImportReport report = kb.importJsonLines(lines(lines.toArray(String[]::new)), null);

    assertThat(report.errors()).extracting(ImportReport.LineError::line).containsExactly(300, 301);
    assertThat(report.created()).isEqualTo(597);
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.linesRead()).isEqualTo(600);
    assertThat(report.cancelled()).isFalse();
    assertThat(index.indexedRevisions()).isEqualTo(stored()).hasSize(597);
    assertThat(kb.search(SearchRequest.of("printer 299 jams")).hits())
        .extracting(SearchHit::externalId)
        .first()
        .isEqualTo("bulk-299");
    assertThat(kb.search(SearchRequest.of("rear tray")).hits())
        .extracting(SearchHit::externalId)
        .containsExactly("bulk-10");
  }

  @Test
  void aCancelledImportLeavesTheDatabaseAndTheIndexInAgreement() {
    KnowledgeBaseService kb = newKnowledgeBase();
    List<String> lines = new ArrayList<>();
    int total = 4 * KnowledgeBaseService.IMPORT_BATCH + 100;
    for (int n = 1; n <= total; n++) {
      lines.add(article(n, "Remove the paper."));
    }
    List<ImportReport> seen = new ArrayList<>();
    ImportProgress cancelAfterThreeBatches =
        new ImportProgress() {
          @Override
          public void batchDone(ImportReport soFar) {
            seen.add(soFar);
          }

          @Override
          public boolean cancelled() {
            return seen.size() >= 3;
          }
        };

    ImportReport report =
        kb.importJsonLines(lines(lines.toArray(String[]::new)), null, cancelAfterThreeBatches);

    assertThat(report.cancelled()).isTrue();
    assertThat(seen)
        .extracting(ImportReport::created)
        .containsExactly(
            KnowledgeBaseService.IMPORT_BATCH,
            2 * KnowledgeBaseService.IMPORT_BATCH,
            3 * KnowledgeBaseService.IMPORT_BATCH);
    assertThat(report.created()).isEqualTo(3 * KnowledgeBaseService.IMPORT_BATCH);
    Map<String, Integer> stored = stored();
    assertThat(stored).hasSize(report.created());
    assertThat(index.indexedRevisions()).isEqualTo(stored);

    // Importing the same file again finishes the job: the first part is found unchanged.
    ImportReport resumed = kb.importJsonLines(lines(lines.toArray(String[]::new)), null);
    assertThat(resumed.unchanged()).isEqualTo(report.created());
    assertThat(resumed.created()).isEqualTo(total - report.created());
    assertThat(index.indexedRevisions()).isEqualTo(stored()).hasSize(total);
  }

  @Test
  void labelsWithQuotesCommasBracesAndBackslashesAreStoredAsWritten() {
    KnowledgeBaseService kb = newKnowledgeBase();

    ImportReport report =
        kb.importJsonLines(
            lines(
                "{\"id\":\"odd-labels\",\"title\":\"Odd labels\",\"product\":\"phone\","
                    + "\"versions\":[\"1,2\",\"a\\\"b\",\"c\\\\d\",\"{x}\",\"NULL\"],"
                    + "\"tags\":[\"we said \\\"hi\\\"\",\"电话\"]}"),
            null);

    assertThat(report.errors()).isEmpty();
    StoredArticle stored = kb.list(null, 10).getFirst();
    assertThat(stored.content().versions())
        .containsExactlyInAnyOrder("1,2", "a\"b", "c\\d", "{x}", "NULL");
    assertThat(stored.content().tags()).containsExactlyInAnyOrder("we said \"hi\"", "电话");
    // The history snapshot is copied from the same row (history keeps no external id).
    assertThat(kb.history(stored.id()).getFirst().content())
        .isEqualTo(stored.content().withExternalId(null));
    // The index was fed from what was written, at the version the database holds.
    assertThat(index.indexedRevisions()).isEqualTo(stored());
  }

  @Test
  void longArticlesCloseABatchEarlyAndAllAreImported() {
    KnowledgeBaseService kb = newKnowledgeBase();
    String longText = "Remove the paper. ".repeat(5_000);
    int total = (int) (3 * KnowledgeBaseService.IMPORT_BATCH_CHARS / longText.length()) + 7;
    List<String> lines = new ArrayList<>();
    for (int n = 1; n <= total; n++) {
      lines.add(article(n, longText));
    }
    List<ImportReport> seen = new ArrayList<>();

    ImportReport report =
        kb.importJsonLines(
            lines(lines.toArray(String[]::new)),
            null,
            new ImportProgress() {
              @Override
              public void batchDone(ImportReport soFar) {
                seen.add(soFar);
              }

              @Override
              public boolean cancelled() {
                return false;
              }
            });

    assertThat(total).isLessThan(KnowledgeBaseService.IMPORT_BATCH);
    // Three batches closed by their size, then the final report (with the rest).
    assertThat(seen).hasSize(4);
    assertThat(report.created()).isEqualTo(total);
    assertThat(index.indexedRevisions()).isEqualTo(stored()).hasSize(total);
  }
}
