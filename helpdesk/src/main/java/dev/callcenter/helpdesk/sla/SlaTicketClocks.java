package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.sla.clock.PauseReason;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketClocks;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.time.Instant;

/** The tickets' SLA clocks over the policies, the stored pauses and the measuring service. */
public final class SlaTicketClocks implements TicketClocks {

  private final SlaPolicyResolver policies;
  private final TicketSlaService sla;
  private final TicketSlaRepository slas;

  public SlaTicketClocks(
      SlaPolicyResolver policies, TicketSlaService sla, TicketSlaRepository slas) {
    this.policies = policies;
    this.sla = sla;
    this.slas = slas;
  }

  @Override
  public Start start(TicketType type, Priority priority, Tier tier, Instant createdAt) {
    SlaPolicy policy = policies.resolve(type, priority, tier);
    return new Start(policy.id(), policy.terms(), sla.scheduleOfNew(policy.terms(), createdAt));
  }

  @Override
  public void refresh(long ticketId, Instant now) {
    sla.refresh(ticketId, now);
  }

  @Override
  public void openPause(long ticketId, PauseReason reason, Instant from) {
    slas.openPause(ticketId, reason, from);
  }

  @Override
  public void addPause(long ticketId, PauseReason reason, Instant from, Instant to) {
    slas.addPause(ticketId, reason, from, to);
  }

  @Override
  public void closeOpenPause(long ticketId, Instant now) {
    slas.closeOpenPause(ticketId, now);
  }
}
