package dev.callcenter.cti.call;

import java.time.Instant;

/**
 * An agent became a member of {@code queue}, possibly paused from the start: {@code QueueAdd} with
 * {@code Paused: true} (a login while paused, or the gateway restoring a paused agent after an
 * Asterisk restart) is announced by {@code QueueMemberAdded} alone, with no {@code
 * QueueMemberPause}.
 *
 * @param reason why the agent is paused, null when not paused or none given
 */
public record MemberAdded(
    Instant at,
    String queue,
    String agentInterface,
    String memberName,
    boolean paused,
    String reason)
    implements MemberEvent {}
