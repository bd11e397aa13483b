package dev.callcenter.kb.article;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import java.util.List;
import java.util.Objects;

/**
 * What an author writes: the content of an article, validated.
 *
 * @param symptom what the caller sees; empty when not given
 * @param cause why it happens; empty when not given
 * @param resolution the steps that fix it; empty when not given
 * @param product the product the article is about, or null when general
 * @param versions product versions the article applies to; empty means every version
 * @param fixedInVersion for a known issue, the first product version with the fix, or null
 * @param visibility defaults to INTERNAL (agents only)
 * @param externalId identifier in the system the article came from, or null
 */
public record ArticleDraft(
    String title,
    String symptom,
    String cause,
    String resolution,
    String product,
    List<String> versions,
    String fixedInVersion,
    List<String> tags,
    Language language,
    Visibility visibility,
    String externalId) {

  public static final int MAX_TITLE = 300;
  public static final int MAX_TEXT = 100_000;
  public static final int MAX_LABEL = 64;

  public ArticleDraft {
    title = Fields.required("title", title, MAX_TITLE);
    symptom = Objects.requireNonNullElse(Fields.optional("symptom", symptom, MAX_TEXT), "");
    cause = Objects.requireNonNullElse(Fields.optional("cause", cause, MAX_TEXT), "");
    resolution =
        Objects.requireNonNullElse(Fields.optional("resolution", resolution, MAX_TEXT), "");
    product = Fields.optional("product", product, MAX_LABEL);
    versions = Fields.labels("versions", versions, 100, MAX_LABEL);
    fixedInVersion = Fields.optional("fixedInVersion", fixedInVersion, MAX_LABEL);
    tags = Fields.labels("tags", tags, 50, MAX_LABEL);
    Fields.notNull("language", language);
    visibility = visibility == null ? Visibility.INTERNAL : visibility;
    externalId = Fields.optional("externalId", externalId, 200);
    if (fixedInVersion != null && product == null) {
      throw new ValidationException("fixedInVersion", "needs the product it is a version of");
    }
  }

  public ArticleDraft withExternalId(String newExternalId) {
    return new ArticleDraft(
        title,
        symptom,
        cause,
        resolution,
        product,
        versions,
        fixedInVersion,
        tags,
        language,
        visibility,
        newExternalId);
  }
}
