package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.ticket.Priority;
import java.time.Duration;
import java.time.Instant;

/**
 * The weight of an order, 1 to 100, that the planner loses when it leaves the order unassigned: the
 * ticket's priority (10/30/60/80), plus 15 for a VIP customer, plus 10 when the ticket's resolution
 * clock is due within a day (or already breached).
 */
public final class DispatchPriority {

  private DispatchPriority() {}

  public static int derive(Priority priority, Tier tier, Instant resolutionDueAt, Instant now) {
    int base =
        switch (priority) {
          case LOW -> 10;
          case NORMAL -> 30;
          case HIGH -> 60;
          case URGENT -> 80;
        };
    if (tier == Tier.VIP) {
      base += 15;
    }
    if (resolutionDueAt != null && resolutionDueAt.isBefore(now.plus(Duration.ofDays(1)))) {
      base += 10;
    }
    return Math.min(100, Math.max(1, base));
  }
}
