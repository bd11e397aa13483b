package dev.callcenter.kb.article;

import java.util.List;

/**
 * What a JSON Lines import did: good lines are stored, bad ones skipped and reported.
 *
 * @param created articles new to the knowledge base
 * @param updated articles whose external id existed; their content was replaced (a new version)
 * @param unchanged articles whose external id existed with the same content and status
 * @param errors the skipped lines, in file order
 */
public record ImportReport(int created, int updated, int unchanged, List<LineError> errors) {

  public ImportReport {
    errors = List.copyOf(errors);
  }

  /** A line that was skipped: its 1-based number and why. */
  public record LineError(int line, String message) {}
}
