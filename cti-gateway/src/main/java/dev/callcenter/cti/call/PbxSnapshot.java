package dev.callcenter.cti.call;

import java.time.Instant;
import java.util.List;

/**
 * What the PBX says is true right now, read with {@code QueueStatus} and {@code CoreShowChannels}
 * after a (re)connect, a restart or lost events; it replaces what the gateway believed.
 *
 * @param requestedAt when the gateway asked: a call reported after that may be missing from it
 * @param members every queue membership
 * @param waiting every caller waiting in a queue
 * @param channels every live channel, grouped into calls by {@link Channel#callId()}
 */
public record PbxSnapshot(
    Instant at,
    Instant requestedAt,
    List<Member> members,
    List<Waiting> waiting,
    List<Channel> channels)
    implements PbxEvent {

  public PbxSnapshot {
    members = List.copyOf(members);
    waiting = List.copyOf(waiting);
    channels = List.copyOf(channels);
  }

  /** A snapshot read at {@code at} and asked for then too. */
  public PbxSnapshot(
      Instant at, List<Member> members, List<Waiting> waiting, List<Channel> channels) {
    this(at, at, members, waiting, channels);
  }

  /** A queue membership as {@code QueueMember} reports it. */
  public record Member(
      String queue,
      String agentInterface,
      String memberName,
      boolean paused,
      String pausedReason,
      DeviceStatus status,
      boolean inCall) {}

  /** A caller waiting in a queue as {@code QueueEntry} reports it. */
  public record Waiting(
      String queue,
      int position,
      String channel,
      String uniqueid,
      CallerId caller,
      long waitSeconds) {}

  /**
   * A live channel as {@code CoreShowChannel} reports it.
   *
   * @param application the dialplan application it is in, e.g. {@code Queue}, {@code AGI}, {@code
   *     AppDial} (an agent leg)
   */
  public record Channel(
      String callId,
      String uniqueid,
      String channel,
      CallerId caller,
      String application,
      long durationSeconds,
      String bridgeId) {}
}
