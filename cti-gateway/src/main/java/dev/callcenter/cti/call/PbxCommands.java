package dev.callcenter.cti.call;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the gateway asks the PBX to do. Every command is asynchronous and completes exceptionally
 * with {@link PbxCommandException} when the PBX refuses it, is not connected or does not answer in
 * time, so a failed pause is never reported as done.
 */
public interface PbxCommands {

  /** Adds {@code agentInterface} to {@code queue} (AMI {@code QueueAdd}). */
  CompletableFuture<Void> queueAdd(
      String queue, String agentInterface, String memberName, boolean paused, String reason);

  /** Removes {@code agentInterface} from {@code queue} (AMI {@code QueueRemove}). */
  CompletableFuture<Void> queueRemove(String queue, String agentInterface);

  /**
   * Pauses or unpauses {@code agentInterface} in {@code queue} (AMI {@code QueuePause}); a null
   * queue means all its queues.
   */
  CompletableFuture<Void> queuePause(
      String queue, String agentInterface, boolean paused, String reason);

  /**
   * Rings {@code channel} (the agent's phone) and, when answered, dials {@code exten} in {@code
   * context} (AMI {@code Originate}, asynchronous on the PBX).
   *
   * @param channelId the Uniqueid the new channel gets, so the call can be recognised later
   */
  CompletableFuture<Void> originate(
      String channel,
      String context,
      String exten,
      String callerId,
      String channelId,
      Map<String, String> variables);

  /** Sends {@code channel} to {@code exten} in {@code context} (AMI {@code Redirect}). */
  CompletableFuture<Void> redirect(String channel, String context, String exten);

  /** Hangs up {@code channel} (AMI {@code Hangup}). */
  CompletableFuture<Void> hangup(String channel);
}
