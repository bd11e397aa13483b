package dev.callcenter.pbxsim.scenario;

import java.util.concurrent.CompletableFuture;

/**
 * A scenario call once started: ids of the caller's channel, and a future completed when the
 * scenario has emitted its last event.
 */
public record CallHandle(
    String linkedid, String uniqueid, String channel, CompletableFuture<Void> finished) {}
