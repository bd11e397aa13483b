package dev.callcenter.pbxsim.scenario;

import dev.callcenter.pbxsim.agi.AgiResult;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A started IVR-then-queue call.
 *
 * @param ivr completes with the FastAGI session's result
 * @param queued completes when the call joins a queue (which one, with what priority), or with
 *     empty when it ends after the IVR without queueing (a callback, a hang-up)
 * @param finished completes when the call is over
 */
public record IvrCallHandle(
    String linkedid,
    String uniqueid,
    String channel,
    CompletableFuture<AgiResult> ivr,
    CompletableFuture<Optional<Queued>> queued,
    CompletableFuture<Void> finished) {

  /**
   * The queue the dialplan sent the call to after the IVR.
   *
   * @param priority the {@code QUEUE_PRIO} the script set (0 if none); the simulator's queue
   *     reports it but serves callers in arrival order
   */
  public record Queued(String queue, int priority) {}
}
