package dev.callcenter.ui.simulator;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.Map;

/**
 * {@code POST /api/v1/simulator/calls}: places a call on the built-in PBX simulator (demo mode
 * only; not mounted otherwise).
 */
public final class SimulatorRoutes {

  /** Places simulated calls. */
  @FunctionalInterface
  public interface CallPlacer {
    /** Starts the call and returns its call id. */
    String place(SimulatedCall call);
  }

  /**
   * A simulated inbound call.
   *
   * @param from the caller's number as the carrier sends it
   * @param name the caller ID name, optional
   * @param queue the queue it joins ({@code support} by default)
   * @param exten the dialled number; with {@code digits} the call runs the IVR first
   * @param digits DTMF the caller presses in the IVR
   * @param outcome {@code answered} (default: the first available agent answers after {@code
   *     ringSeconds}) or {@code abandoned} (the caller hangs up after {@code ringSeconds})
   */
  public record SimulatedCall(
      String from,
      String name,
      String queue,
      String exten,
      String digits,
      String outcome,
      Integer ringSeconds,
      Integer talkSeconds) {
    public SimulatedCall {
      from = Fields.required("from", from, 40);
      name = Fields.optional("name", name, 80);
      queue = queue == null ? "support" : Fields.required("queue", queue, 80);
      exten = Fields.optional("exten", exten, 40);
      digits = Fields.optional("digits", digits, 40);
      outcome = outcome == null ? "answered" : outcome;
      if (!outcome.equals("answered") && !outcome.equals("abandoned")) {
        throw new dev.callcenter.helpdesk.ValidationException(
            "outcome", "must be answered or abandoned");
      }
      ringSeconds = ringSeconds == null ? 4 : ringSeconds;
      talkSeconds = talkSeconds == null ? 30 : talkSeconds;
      if (ringSeconds < 0 || ringSeconds > 600 || talkSeconds < 0 || talkSeconds > 3600) {
        throw new dev.callcenter.helpdesk.ValidationException(
            "ringSeconds", "ringSeconds must be 0-600 and talkSeconds 0-3600");
      }
    }
  }

  private final CallPlacer placer;

  public SimulatorRoutes(CallPlacer placer) {
    this.placer = placer;
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/simulator/calls",
        Api.staff(),
        202,
        ctx -> {
          if (placer == null) {
            throw new HelpdeskException(
                HelpdeskException.Kind.NOT_FOUND,
                "simulator_disabled",
                "The PBX simulator runs only in demo mode (bin/callcenter demo)");
          }
          return Map.of("callId", placer.place(Api.body(ctx, SimulatedCall.class)));
        });
  }
}
