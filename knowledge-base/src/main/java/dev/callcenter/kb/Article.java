package dev.callcenter.kb;

import java.util.List;
import java.util.Objects;

/**
 * A fault-resolution article: what the caller sees (symptom), why (cause) and how to fix it
 * (resolution).
 *
 * @param id our identifier, unique in the knowledge base
 * @param externalId identifier in the system the article was imported from, or empty
 * @param product product the article is about, or empty when general
 * @param versions product versions the article applies to; empty means all
 */
public record Article(
    String id,
    String externalId,
    String title,
    String symptom,
    String cause,
    String resolution,
    String product,
    List<String> versions,
    List<String> tags,
    Language language,
    Visibility visibility,
    ArticleStatus status) {

  public Article {
    if (id == null || id.isBlank()) {
      throw new KnowledgeBaseException("article id is required");
    }
    if (title == null || title.isBlank()) {
      throw new KnowledgeBaseException("article " + id + " has no title");
    }
    externalId = Objects.requireNonNullElse(externalId, "");
    symptom = Objects.requireNonNullElse(symptom, "");
    cause = Objects.requireNonNullElse(cause, "");
    resolution = Objects.requireNonNullElse(resolution, "");
    product = Objects.requireNonNullElse(product, "");
    versions = versions == null ? List.of() : List.copyOf(versions);
    tags = tags == null ? List.of() : List.copyOf(tags);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(status, "status");
  }

  /** Symptom, cause and resolution as one text, the searchable body. */
  public String body() {
    return String.join("\n", symptom, cause, resolution).strip();
  }
}
