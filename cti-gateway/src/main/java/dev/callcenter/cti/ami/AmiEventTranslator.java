package dev.callcenter.cti.ami;

import dev.callcenter.cti.call.AgentAnswered;
import dev.callcenter.cti.call.AgentNoAnswer;
import dev.callcenter.cti.call.AgentRinging;
import dev.callcenter.cti.call.CallAbandoned;
import dev.callcenter.cti.call.CallCompleted;
import dev.callcenter.cti.call.CallHungUp;
import dev.callcenter.cti.call.CallOffered;
import dev.callcenter.cti.call.CallQueued;
import dev.callcenter.cti.call.CallerId;
import dev.callcenter.cti.call.DeviceStatus;
import dev.callcenter.cti.call.MemberAdded;
import dev.callcenter.cti.call.MemberPaused;
import dev.callcenter.cti.call.MemberRemoved;
import dev.callcenter.cti.call.MemberStatusChanged;
import dev.callcenter.cti.call.PbxEvent;
import dev.callcenter.helpdesk.phone.PhoneNormalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;

/**
 * Translates Asterisk-Java {@link ManagerEvent}s into our {@link PbxEvent}s, once, at the edge;
 * every other event (VarSet, Newexten, Dial*, Bridge*, RTCP…) is noise and gives nothing.
 *
 * <p>Pure and stateless: no I/O, no blocking, safe to call from Asterisk-Java's event thread.
 * Agents are identified by the queue's {@code Interface}/{@code MemberName}, never by a channel, so
 * the {@code ;1}/{@code ;2} halves of a Local-channel agent never become two agents, and the
 * Hangups of Local-channel halves (duplicates of the real legs' Hangups) are dropped.
 */
public final class AmiEventTranslator {
  /** Asterisk's {@code AST_STATE_RING}: a channel that is calling in, not one we dial out on. */
  private static final int STATE_RING = 4;

  private final NumberingConfig numbering;
  private final PhoneNormalizer normalizer;
  private final Clock clock;

  /**
   * @param clock the time of events the PBX did not timestamp ({@code timestampevents} off)
   */
  public AmiEventTranslator(NumberingConfig numbering, Clock clock) {
    this.numbering = numbering;
    this.normalizer = new PhoneNormalizer(numbering.defaultRegion());
    this.clock = clock;
  }

  /** Our event for {@code event}, or empty when it means nothing to a CTI server. */
  public Optional<PbxEvent> translate(ManagerEvent event) {
    return Optional.ofNullable(
        switch (event) {
          case NewChannelEvent e -> offered(e);
          case QueueCallerJoinEvent e ->
              new CallQueued(e.getLinkedId(), at(e), e.getQueue(), orZero(e.getPosition()));
          case AgentCalledEvent e ->
              new AgentRinging(
                  e.getLinkedId(),
                  at(e),
                  e.getQueue(),
                  e.getInterface(),
                  e.getMemberName(),
                  caller(e.getCallerIdNum(), e.getCallerIdName(), e.getChannel(), e.getContext()));
          case AgentConnectEvent e ->
              new AgentAnswered(
                  e.getLinkedId(),
                  at(e),
                  e.getQueue(),
                  e.getInterface(),
                  e.getMemberName(),
                  orZero(e.getHoldTime()),
                  orZero(e.getRingtime()));
          // AgentRingNoAnswer's RingTime is in milliseconds, unlike AgentConnect's seconds.
          case AgentRingNoAnswerEvent e ->
              new AgentNoAnswer(
                  e.getLinkedId(),
                  at(e),
                  e.getQueue(),
                  e.getInterface(),
                  e.getMemberName(),
                  Duration.ofMillis(orZero(e.getRingtime())));
          case QueueCallerAbandonEvent e ->
              new CallAbandoned(
                  e.getLinkedId(),
                  at(e),
                  e.getQueue(),
                  orZero(e.getPosition()),
                  orZero(e.getOriginalPosition()),
                  orZero(e.getHoldTime()));
          case AgentCompleteEvent e ->
              new CallCompleted(
                  e.getLinkedId(),
                  at(e),
                  e.getQueue(),
                  e.getInterface(),
                  e.getMemberName(),
                  orZero(e.getTalkTime()),
                  orZero(e.getHoldTime()),
                  CallCompleted.EndedBy.fromReason(e.getReason()));
          case HangupEvent e -> hungUp(e);
          case QueueMemberAddedEvent e ->
              new MemberAdded(at(e), e.getQueue(), e.getInterface(), e.getMemberName());
          case QueueMemberRemovedEvent e ->
              new MemberRemoved(at(e), e.getQueue(), e.getInterface(), e.getMemberName());
          // Only getPausedreason() carries PausedReason in Asterisk-Java 3.42.
          case QueueMemberPauseEvent e ->
              new MemberPaused(
                  at(e),
                  e.getQueue(),
                  e.getInterface(),
                  e.getMemberName(),
                  Boolean.TRUE.equals(e.getPaused()),
                  blankToNull(e.getPausedreason()));
          case QueueMemberStatusEvent e ->
              new MemberStatusChanged(
                  at(e),
                  e.getQueue(),
                  e.getInterface(),
                  e.getMemberName(),
                  DeviceStatus.fromCode(e.getStatus()));
          default -> null;
        });
  }

  /**
   * Only the first channel of an inbound call offers it: the one that is ringing in and whose
   * Uniqueid is the call's Linkedid. Agent legs, Local-channel halves and originated channels are
   * not offers.
   */
  private CallOffered offered(NewChannelEvent e) {
    String linkedid = e.getLinkedid();
    boolean first = linkedid != null && linkedid.equals(e.getUniqueId());
    boolean ringingIn = e.getChannelState() != null && e.getChannelState() == STATE_RING;
    if (!first || !ringingIn || isLocal(e.getChannel())) {
      return null;
    }
    return new CallOffered(
        linkedid,
        at(e),
        e.getUniqueId(),
        e.getChannel(),
        caller(e.getCallerIdNum(), e.getCallerIdName(), e.getChannel(), e.getContext()),
        e.getContext(),
        e.getExten());
  }

  private CallHungUp hungUp(HangupEvent e) {
    if (isLocal(e.getChannel()) || e.getLinkedId() == null) {
      return null;
    }
    return new CallHungUp(
        e.getLinkedId(),
        at(e),
        e.getUniqueId(),
        e.getChannel(),
        orZero(e.getCause()),
        e.getCauseTxt());
  }

  private CallerId caller(String number, String name, String channel, String context) {
    return CallerId.of(number, name, normalizer, numbering.regionFor(channel, context));
  }

  private Instant at(ManagerEvent e) {
    Double timestamp = e.getTimestamp();
    if (timestamp == null) {
      return clock.instant();
    }
    return Instant.ofEpochSecond(0, Math.round(timestamp * 1_000_000) * 1_000L);
  }

  private static boolean isLocal(String channel) {
    return channel != null && channel.startsWith("Local/");
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
