package dev.callcenter.cti.push;

import dev.callcenter.helpdesk.followup.FollowUp;
import java.time.Instant;

/** {@code follow-up}: a callback follow-up was created for the user (a missed call). */
@LiveMessage.Type("follow-up")
public record FollowUpMessage(Instant at, FollowUp data) implements LiveMessage {}
