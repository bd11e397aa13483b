package dev.callcenter.cti.push;

import dev.callcenter.cti.live.AgentStatus;
import java.time.Instant;

/** {@code agent-state}: an agent's state changed, or is the present on (re)connect. */
@LiveMessage.Type("agent-state")
public record AgentStateMessage(Instant at, AgentStatus data) implements LiveMessage {}
