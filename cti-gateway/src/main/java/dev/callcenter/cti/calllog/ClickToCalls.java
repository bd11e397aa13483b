package dev.callcenter.cti.calllog;

import dev.callcenter.cti.call.CallHungUp;
import dev.callcenter.cti.call.OriginateResult;
import dev.callcenter.cti.call.PbxEvent;
import dev.callcenter.cti.call.PbxEventSink;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.InteractionService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes click-to-call interactions. The originated channel's uniqueid is the {@code ChannelId} we
 * gave {@code Originate}: {@code OriginateResponse} says when the agent's phone answered (or that
 * it did not: busy, no answer), and its {@code Hangup} when the call ended. The interaction gets
 * the end time, the ring time (originate to answer) and the talk time (answer to hang-up), or for a
 * phone that never answered the end time and why. Sits in front of the next sink and passes every
 * event on; the database write runs on {@code work}, never on the event thread. Events may come
 * before the interaction is written (a very short call): whichever comes last closes it.
 */
public final class ClickToCalls implements PbxEventSink {

  private static final Logger log = LoggerFactory.getLogger(ClickToCalls.class);
  private static final int MAX_PENDING = 10_000;

  private final PbxEventSink next;
  private final InteractionService interactions;
  private final Executor work;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** What is known of one click-to-call so far. */
  private record Pending(
      String agentInterface,
      String number,
      Instant placedAt,
      Long interactionId,
      Instant answeredAt,
      Instant endedAt,
      String why) {

    Pending interaction(long id) {
      return new Pending(agentInterface, number, placedAt, id, answeredAt, endedAt, why);
    }

    Pending answered(Instant at) {
      return new Pending(agentInterface, number, placedAt, interactionId, at, endedAt, why);
    }

    Pending ended(Instant at, String cause) {
      return new Pending(agentInterface, number, placedAt, interactionId, answeredAt, at, cause);
    }
  }

  public ClickToCalls(PbxEventSink next, InteractionService interactions, Executor work) {
    this.next = next;
    this.interactions = interactions;
    this.work = work;
  }

  /** An originate from {@code agentInterface} with this channel id is about to be sent. */
  public void placing(String channelId, String agentInterface, String number, Instant at) {
    if (pending.size() < MAX_PENDING) {
      pending.put(channelId, new Pending(agentInterface, number, at, null, null, null, null));
    }
  }

  /** The PBX refused the originate: nothing was written, nothing to close. */
  public void refused(String channelId) {
    pending.remove(channelId);
  }

  /** The interaction was written. */
  public void recorded(String channelId, long interactionId) {
    update(channelId, p -> p.interaction(interactionId));
  }

  @Override
  public void accept(PbxEvent event) {
    next.accept(event);
    switch (event) {
      case OriginateResult o when o.answered() -> update(o.callId(), p -> p.answered(o.at()));
      case OriginateResult o -> {
        // Not answered: Asterisk names only the phone, so take its oldest unanswered originate.
        pending.entrySet().stream()
            .filter(e -> e.getValue().answeredAt() == null && e.getValue().endedAt() == null)
            .filter(e -> e.getValue().agentInterface().equals(o.agentInterface()))
            .min(Map.Entry.comparingByValue((a, b) -> a.placedAt().compareTo(b.placedAt())))
            .ifPresent(
                e ->
                    update(
                        e.getKey(),
                        p -> p.ended(o.at(), "phone not answered (" + o.reason() + ")")));
      }
      case CallHungUp h when h.uniqueid().equals(h.callId()) ->
          update(h.callId(), p -> p.ended(h.at(), h.causeText()));
      default -> {}
    }
  }

  @Override
  public void linkDown() {
    next.linkDown();
  }

  private void update(String channelId, java.util.function.UnaryOperator<Pending> change) {
    Pending now = pending.computeIfPresent(channelId, (k, p) -> change.apply(p));
    if (now == null || now.interactionId() == null || now.endedAt() == null) {
      return;
    }
    if (!pending.remove(channelId, now)) {
      return; // changed meanwhile: the later update closes it
    }
    close(channelId, now);
  }

  private void close(String channelId, Pending p) {
    Instant end = p.endedAt();
    Instant answered =
        p.answeredAt() == null || p.answeredAt().isAfter(end) ? null : p.answeredAt();
    CallDetails details =
        new CallDetails(
            channelId,
            channelId,
            null,
            p.number(),
            null,
            answered == null ? null : seconds(p.placedAt(), answered),
            answered == null ? 0 : seconds(answered, end),
            null,
            p.why(),
            null,
            null);
    work.execute(
        () -> {
          try {
            interactions.endCall(p.interactionId(), end, details);
          } catch (RuntimeException e) {
            log.warn(
                "Could not close click-to-call interaction {}: {}",
                p.interactionId(),
                e.toString());
          }
        });
  }

  private static int seconds(Instant from, Instant to) {
    return (int) Math.max(0, Duration.between(from, to).toSeconds());
  }
}
