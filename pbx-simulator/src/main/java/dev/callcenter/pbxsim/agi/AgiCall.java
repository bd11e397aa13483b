package dev.callcenter.pbxsim.agi;

import java.util.concurrent.CompletableFuture;

/** A started AGI session: its channel and a future completed with the result (never failed). */
public record AgiCall(String channel, String uniqueid, CompletableFuture<AgiResult> result) {}
