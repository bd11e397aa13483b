package dev.callcenter.helpdesk.ivr;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.Params;
import java.time.Instant;
import java.util.Map;

/**
 * One thing a caller did in the phone menu.
 *
 * @param menu the menu or flow step, e.g. {@code main}, {@code identify}, {@code report-fault}
 * @param input what the caller keyed in or chose, null when nothing (a timeout, a lookup)
 * @param outcome what came of it: an {@link IvrStepCode} name (steps stored before issue 13 hold
 *     English notation such as {@code chose report-fault}, shown as written)
 * @param params the code's parameters (string values), see {@link IvrStepCode}
 */
public record IvrStep(
    Instant at, String menu, String input, String outcome, Map<String, String> params) {
  public IvrStep {
    Fields.notNull("at", at);
    menu = Fields.required("menu", menu, 80);
    input = Fields.optional("input", input, 200);
    outcome = Fields.required("outcome", outcome, 500);
    params = Params.of("params", params);
  }

  /** A step with a code and its parameters. */
  public IvrStep(
      Instant at, String menu, String input, IvrStepCode code, Map<String, String> params) {
    this(at, menu, input, code.name(), params);
  }

  /** A step without parameters. */
  public IvrStep(Instant at, String menu, String input, String outcome) {
    this(at, menu, input, outcome, Map.of());
  }
}
