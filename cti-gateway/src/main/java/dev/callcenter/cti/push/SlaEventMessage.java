package dev.callcenter.cti.push;

import dev.callcenter.helpdesk.sla.SlaEvent;
import java.time.Instant;

/** {@code sla-event}: a ticket's SLA clock reached its warning point or was breached. */
@LiveMessage.Type("sla-event")
public record SlaEventMessage(Instant at, SlaEvent data) implements LiveMessage {}
