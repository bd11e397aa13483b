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
 * @param fixedInVersion for a known issue, the first product version with the fix, or empty
 * @param revision the stored article's version number; the index compares it with the database to
 *     find articles it holds stale
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
    ArticleStatus status,
    String fixedInVersion,
    int revision) {

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
    fixedInVersion = Objects.requireNonNullElse(fixedInVersion, "");
  }

  /** An article that is no known issue and was never stored (revision 0). */
  public Article(
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
    this(
        id,
        externalId,
        title,
        symptom,
        cause,
        resolution,
        product,
        versions,
        tags,
        language,
        visibility,
        status,
        "",
        0);
  }

  /** Symptom, cause and resolution as one text, the searchable body. */
  public String body() {
    return String.join("\n", symptom, cause, resolution).strip();
  }
}
