package dev.callcenter.helpdesk.ivr;

import dev.callcenter.helpdesk.Fields;
import java.time.Instant;

/**
 * One thing a caller did in the phone menu.
 *
 * @param menu the menu or flow step, e.g. {@code main}, {@code identify}, {@code report-fault}
 * @param input what the caller keyed in or chose, null when nothing (a timeout, a lookup)
 * @param outcome what came of it, e.g. {@code chose report-fault}, {@code invalid}, {@code timeout}
 */
public record IvrStep(Instant at, String menu, String input, String outcome) {
  public IvrStep {
    Fields.notNull("at", at);
    menu = Fields.required("menu", menu, 80);
    input = Fields.optional("input", input, 200);
    outcome = Fields.required("outcome", outcome, 500);
  }
}
