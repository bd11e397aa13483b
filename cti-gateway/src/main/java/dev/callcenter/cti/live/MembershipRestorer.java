package dev.callcenter.cti.live;

import dev.callcenter.cti.call.PbxBooted;
import dev.callcenter.cti.call.PbxCommands;
import dev.callcenter.cti.call.PbxEvent;
import dev.callcenter.cti.call.PbxEventSink;
import dev.callcenter.cti.call.PbxRestarting;
import dev.callcenter.cti.call.PbxSnapshot;
import dev.callcenter.cti.live.LiveState.QueueMembership;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts agents back into their queues after Asterisk restarted. A restart drops dynamic queue
 * members (unless {@code persistentmembers} kept them), so every agent would show logged out and
 * the next call would ring nobody. This sink sits in front of the {@link LiveState}: it remembers
 * the memberships when the link goes down or Asterisk announces {@code Shutdown}, recognises a
 * restart ({@code Shutdown}, or a {@code FullyBooted} whose uptime is shorter than the outage), and
 * once the first snapshot after it is in, adds back every known agent's membership it lacks —
 * paused with the reason where they were paused — and says so in the log.
 */
public final class MembershipRestorer implements PbxEventSink {

  private static final Logger log = LoggerFactory.getLogger(MembershipRestorer.class);

  /** Slack between our clock and Asterisk's uptime when telling a restart from an outage. */
  private static final Duration SLACK = Duration.ofSeconds(5);

  private final LiveState state;
  private final AgentDirectory directory;
  private final PbxCommands pbx;
  private final Clock clock;

  /** Memberships before the link went down; null while nothing is pending. */
  private List<QueueMembership> before;

  private Instant downAt;
  private boolean restarted;
  private boolean booted;
  private boolean snapshotSince;

  public MembershipRestorer(
      LiveState state, AgentDirectory directory, PbxCommands pbx, Clock clock) {
    this.state = state;
    this.directory = directory;
    this.pbx = pbx;
    this.clock = clock;
  }

  @Override
  public synchronized void accept(PbxEvent event) {
    switch (event) {
      case PbxRestarting r -> {
        before = state.memberships();
        restarted = true;
      }
      case PbxBooted b -> {
        booted = true;
        if (downAt != null
            && b.uptime().compareTo(Duration.between(downAt, b.at()).plus(SLACK)) <= 0) {
          restarted = true;
        }
      }
      case PbxSnapshot s -> snapshotSince = before != null;
      default -> {}
    }
    state.accept(event);
    // Back up: FullyBooted said whether Asterisk restarted, and the first snapshot is in.
    if (before != null && booted && snapshotSince) {
      if (restarted) {
        restore(before);
      }
      before = null;
      downAt = null;
      restarted = false;
      booted = false;
      snapshotSince = false;
    }
  }

  @Override
  public synchronized void linkDown() {
    if (before == null || !restarted) {
      before = state.memberships();
    }
    downAt = clock.instant();
    booted = false;
    snapshotSince = false;
    state.linkDown();
  }

  private void restore(List<QueueMembership> lost) {
    Set<String> present = new HashSet<>();
    state.memberships().forEach(m -> present.add(m.agentInterface() + "|" + m.queue()));
    List<QueueMembership> missing =
        lost.stream()
            .filter(m -> !present.contains(m.agentInterface() + "|" + m.queue()))
            .filter(m -> directory.byInterface(m.agentInterface()).isPresent())
            .toList();
    if (missing.isEmpty()) {
      log.info("The PBX restarted; every agent is still in their queues");
      return;
    }
    log.warn(
        "The PBX restarted and lost {} queue memberships of {} agents; putting them back: {}",
        missing.size(),
        missing.stream().map(QueueMembership::agentInterface).distinct().count(),
        missing.stream()
            .map(m -> m.agentInterface() + "@" + m.queue() + (m.paused() ? " (paused)" : ""))
            .toList());
    for (QueueMembership m : missing) {
      pbx.queueAdd(m.queue(), m.agentInterface(), m.memberName(), m.paused(), m.reason())
          .whenComplete(
              (ok, failure) -> {
                if (failure != null) {
                  log.warn(
                      "Could not put {} back into queue {}: {}",
                      m.agentInterface(),
                      m.queue(),
                      failure.getMessage());
                }
              });
    }
  }
}
