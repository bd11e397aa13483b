package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.sla.clock.SlaMeasurement;
import dev.callcenter.helpdesk.sla.clock.SlaTarget;
import java.time.Duration;
import java.time.Instant;

/** Both SLA clocks of a ticket measured at one instant. */
public record TicketSla(
    long ticketId, Instant measuredAt, TargetClock firstResponse, TargetClock resolution) {

  /**
   * One SLA clock: its target and where it stands.
   *
   * @param target the business time allowed
   */
  public record TargetClock(SlaTarget name, Duration target, SlaMeasurement measurement) {}
}
