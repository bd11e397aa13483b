package dev.callcenter.kb.article;

import java.util.List;

/**
 * What a JSON Lines import did: good lines are stored, bad ones skipped and reported.
 *
 * @param created articles new to the knowledge base
 * @param updated articles whose external id existed; their content was replaced (a new version)
 * @param unchanged articles whose external id existed with the same content and status
 * @param errors the skipped lines, in file order
 * @param linesRead lines read from the input so far (blank ones included)
 * @param cancelled true when the import was stopped before the end of its input; every article
 *     counted above is stored and indexed, the lines after them were not imported
 */
public record ImportReport(
    int created,
    int updated,
    int unchanged,
    List<LineError> errors,
    int linesRead,
    boolean cancelled) {

  public ImportReport {
    errors = List.copyOf(errors);
  }

  /** Articles stored so far (created, updated or found unchanged). */
  public int imported() {
    return created + updated + unchanged;
  }

  /** A line that was skipped: its 1-based number and why. */
  public record LineError(int line, String message) {}
}
