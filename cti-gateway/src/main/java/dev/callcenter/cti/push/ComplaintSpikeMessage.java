package dev.callcenter.cti.push;

import dev.callcenter.helpdesk.report.ComplaintSpike;
import java.time.Instant;

/** {@code complaint-spike}: this week's complaints passed the spike threshold (docs/metrics.md). */
@LiveMessage.Type("complaint-spike")
public record ComplaintSpikeMessage(Instant at, ComplaintSpike data) implements LiveMessage {}
