package dev.callcenter.helpdesk.sla.clock;

import java.util.List;

/**
 * One point of a ticket's SLA clocks: the warning or breach of the first-response or resolution.
 */
public record SlaPoint(SlaTarget target, SlaEventKind kind) {

  /** All four points in a fixed order. */
  public static final List<SlaPoint> ALL =
      List.of(
          new SlaPoint(SlaTarget.FIRST_RESPONSE, SlaEventKind.WARNING),
          new SlaPoint(SlaTarget.FIRST_RESPONSE, SlaEventKind.BREACH),
          new SlaPoint(SlaTarget.RESOLUTION, SlaEventKind.WARNING),
          new SlaPoint(SlaTarget.RESOLUTION, SlaEventKind.BREACH));
}
