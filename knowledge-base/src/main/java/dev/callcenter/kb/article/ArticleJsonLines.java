package dev.callcenter.kb.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.KnowledgeBaseException;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Lines exchange format of articles, one object per line, as in the StackFAQ evaluation
 * file: {@code {"id", "title", "resolution", "language"}} plus the optional {@code symptom}, {@code
 * cause}, {@code product}, {@code versions} (array), {@code fixedInVersion}, {@code tags} (array),
 * {@code visibility} ({@code internal} default, or {@code public}) and {@code status} ({@code
 * published} default, {@code draft}, {@code archived}). {@code id} is the external id.
 */
public final class ArticleJsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleJsonLines() {}

  /** One parsed line: the content (external id set from {@code id}) and the status. */
  public record Line(ArticleDraft content, ArticleStatus status) {}

  /**
   * Parses one line.
   *
   * @throws ValidationException naming what is wrong, for the import report
   */
  public static Line parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new ValidationException("line", "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new ValidationException("line", "not a JSON object");
    }
    ArticleDraft content =
        new ArticleDraft(
            text(node, "title"),
            text(node, "symptom"),
            text(node, "cause"),
            text(node, "resolution"),
            text(node, "product"),
            strings(node, "versions"),
            text(node, "fixedInVersion"),
            strings(node, "tags"),
            language(node),
            enumValue(node, "visibility", Visibility.class, Visibility.INTERNAL),
            text(node, "id"));
    return new Line(
        content, enumValue(node, "status", ArticleStatus.class, ArticleStatus.PUBLISHED));
  }

  /** One line for an article; {@code id} is its external id, or {@code kb-<id>} without one. */
  public static String format(StoredArticle article) {
    ArticleDraft c = article.content();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", c.externalId() != null ? c.externalId() : "kb-" + article.id());
    out.put("title", c.title());
    out.put("symptom", c.symptom());
    out.put("cause", c.cause());
    out.put("resolution", c.resolution());
    out.put("language", c.language().tag());
    out.put("product", c.product());
    out.put("versions", c.versions());
    out.put("fixedInVersion", c.fixedInVersion());
    out.put("tags", c.tags());
    out.put("visibility", c.visibility().name().toLowerCase(Locale.ROOT));
    out.put("status", article.status().name().toLowerCase(Locale.ROOT));
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new KnowledgeBaseException("cannot write article " + article.id(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new ValidationException(field, "must be a string");
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ValidationException(field, "must be an array of strings");
    }
    List<String> values = new ArrayList<>();
    value.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Language language(JsonNode node) {
    String tag = text(node, "language");
    try {
      return tag == null ? Language.EN : Language.ofTag(tag);
    } catch (KnowledgeBaseException e) {
      throw new ValidationException("language", "must be en, zh-TW or zh-CN, not " + tag);
    }
  }

  private static <E extends Enum<E>> E enumValue(
      JsonNode node, String field, Class<E> type, E fallback) {
    String value = text(node, field);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(field, "unknown value " + value);
    }
  }
}
