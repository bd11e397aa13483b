package dev.callcenter.kb.search;

import static dev.callcenter.kb.search.TestArticles.english;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.kb.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeIndexOnDiskTest {
  private static final List<Article> ARTICLES =
      List.of(
          english("en-1", "Reset a forgotten voicemail PIN", "Dial *98 and choose option 5."),
          english("en-2", "Router keeps rebooting", "Replace the power adapter."));

  @TempDir Path temp;

  private static List<String> ids(KnowledgeIndex index, String text) {
    return index.search(SearchRequest.of(text)).hits().stream().map(SearchHit::articleId).toList();
  }

  @Test
  void writesSurviveReopening() {
    Path dir = temp.resolve("kb-index");
    try (KnowledgeIndex index = KnowledgeIndex.open(dir, SearchConfig.DEFAULTS)) {
      ARTICLES.forEach(index::upsert);
    }

    try (KnowledgeIndex reopened = KnowledgeIndex.open(dir, SearchConfig.DEFAULTS)) {
      assertThat(reopened.size()).isEqualTo(2);
      assertThat(ids(reopened, "voicemail")).containsExactly("en-1");
    }
  }

  @Test
  void deletedIndexDirectoryIsRebuiltFromTheArticles() throws IOException {
    Path dir = temp.resolve("kb-index");
    try (KnowledgeIndex index = KnowledgeIndex.open(dir, SearchConfig.DEFAULTS)) {
      index.reindex(ARTICLES);
    }
    deleteRecursively(dir);

    try (KnowledgeIndex empty = KnowledgeIndex.open(dir, SearchConfig.DEFAULTS)) {
      assertThat(ids(empty, "router")).isEmpty();
      empty.reindex(ARTICLES);
      assertThat(ids(empty, "router")).containsExactly("en-2");
      assertThat(ids(empty, "voicemail")).containsExactly("en-1");
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    assertThat(dir).doesNotExist();
  }
}
