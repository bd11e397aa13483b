package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Filters and page of the ticket list (newest first), where null or an empty status set means
 * "any".
 *
 * @param breached when TRUE only tickets with a breached SLA (recorded, or a running clock past
 *     due); when FALSE only tickets without
 * @param dueBefore only tickets with a running SLA clock due before this instant
 * @param limit 1–200
 */
public record TicketQuery(
    Set<TicketStatus> statuses,
    Long customerId,
    Long assigneeId,
    String team,
    TicketType type,
    Priority priority,
    Boolean breached,
    Instant dueBefore,
    int limit,
    int offset) {

  public static final int MAX_LIMIT = 200;

  public TicketQuery {
    statuses =
        statuses == null || statuses.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
    team = Fields.optional("team", team, 64);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new ValidationException("offset", "must not be negative");
    }
  }

  /** Every ticket, newest first, one page of {@code limit}. */
  public static TicketQuery all(int limit, int offset) {
    return new TicketQuery(null, null, null, null, null, null, null, null, limit, offset);
  }

  public TicketQuery withStatuses(Set<TicketStatus> newStatuses) {
    return new TicketQuery(
        newStatuses,
        customerId,
        assigneeId,
        team,
        type,
        priority,
        breached,
        dueBefore,
        limit,
        offset);
  }

  public TicketQuery withCustomer(Long newCustomerId) {
    return new TicketQuery(
        statuses,
        newCustomerId,
        assigneeId,
        team,
        type,
        priority,
        breached,
        dueBefore,
        limit,
        offset);
  }

  public TicketQuery withBreached(Boolean newBreached) {
    return new TicketQuery(
        statuses,
        customerId,
        assigneeId,
        team,
        type,
        priority,
        newBreached,
        dueBefore,
        limit,
        offset);
  }

  public TicketQuery withDueBefore(Instant newDueBefore) {
    return new TicketQuery(
        statuses,
        customerId,
        assigneeId,
        team,
        type,
        priority,
        breached,
        newDueBefore,
        limit,
        offset);
  }
}
