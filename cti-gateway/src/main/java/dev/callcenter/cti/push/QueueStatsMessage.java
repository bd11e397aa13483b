package dev.callcenter.cti.push;

import dev.callcenter.cti.live.QueueFigures;
import java.time.Instant;

/** {@code queue-stats}: one queue's live figures, for supervisors. */
@LiveMessage.Type("queue-stats")
public record QueueStatsMessage(Instant at, QueueFigures data) implements LiveMessage {}
