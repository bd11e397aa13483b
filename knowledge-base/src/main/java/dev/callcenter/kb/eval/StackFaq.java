package dev.callcenter.kb.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcenter.kb.Article;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.KnowledgeBaseException;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the StackFAQ evaluation files: articles as JSON lines, queries as TSV with a header. */
public final class StackFaq {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StackFaq() {}

  /** Articles as public, published, product-less; the thread's answers become the resolution. */
  public static List<Article> articles(Path jsonl) {
    List<Article> articles = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = JSON.readTree(line);
        String id = node.path("id").asText();
        articles.add(
            new Article(
                id,
                id,
                node.path("title").asText(),
                "",
                "",
                node.path("resolution").asText(),
                "",
                List.of(),
                List.of(),
                Language.ofTag(node.path("language").asText("en")),
                Visibility.PUBLIC,
                ArticleStatus.PUBLISHED));
      }
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot read StackFAQ articles from " + jsonl, e);
    }
    return articles;
  }

  public static List<LabelledQuery> queries(Path tsv) {
    List<LabelledQuery> queries = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] columns = line.split("\t", 3);
        if (columns.length != 3) {
          throw new KnowledgeBaseException("malformed query line in " + tsv + ": " + line);
        }
        queries.add(new LabelledQuery(columns[0], columns[1], columns[2]));
      }
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot read StackFAQ queries from " + tsv, e);
    }
    return queries;
  }
}
