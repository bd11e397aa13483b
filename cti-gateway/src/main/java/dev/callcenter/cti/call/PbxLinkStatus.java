package dev.callcenter.cti.call;

import java.time.Instant;

/**
 * The state of the connection to the PBX, for health checks and metrics.
 *
 * @param state {@code UP}, {@code CONNECTING} or {@code DOWN} (the event connection; commands use
 *     their own)
 * @param commandsUp whether the command connection is logged in
 * @param eventsReceived AMI events read since start
 * @param eventsQueued events handed to the gateway (the ones a CTI server uses)
 * @param eventsDropped events lost because the gateway's queue was full (each burst triggers a
 *     resync)
 * @param queueDepth events waiting to be processed now
 * @param maxLagMillis the longest an event waited in the queue
 * @param reconnects connections re-established after a loss
 * @param resyncs state rebuilds from {@code QueueStatus}/{@code CoreShowChannels}
 * @param lastFailure why the link last failed or went down, a stable code ({@code
 *     authentication_failed}, {@code refused}, {@code timed_out}, {@code unknown_host}, {@code
 *     connection_lost}, {@code no_answer}, {@code error}); null if it never did
 * @param lastFailureDetail the failure as the client library reported it (never the secret)
 * @param lastFailureAt when it last failed
 */
public record PbxLinkStatus(
    String state,
    boolean commandsUp,
    Instant since,
    long eventsReceived,
    long eventsQueued,
    long eventsDropped,
    int queueDepth,
    long maxLagMillis,
    long reconnects,
    long resyncs,
    String lastFailure,
    String lastFailureDetail,
    Instant lastFailureAt) {}
