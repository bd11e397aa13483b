package dev.callcenter.cti.ami;

import dev.callcenter.cti.call.AgentAnswered;
import dev.callcenter.cti.call.AgentNoAnswer;
import dev.callcenter.cti.call.AgentRinging;
import dev.callcenter.cti.call.CallAbandoned;
import dev.callcenter.cti.call.CallCompleted;
import dev.callcenter.cti.call.CallHeld;
import dev.callcenter.cti.call.CallHungUp;
import dev.callcenter.cti.call.CallOffered;
import dev.callcenter.cti.call.CallQueued;
import dev.callcenter.cti.call.CallRecording;
import dev.callcenter.cti.call.CallerId;
import dev.callcenter.cti.call.DeviceStatus;
import dev.callcenter.cti.call.DialEnded;
import dev.callcenter.cti.call.HangUpRequested;
import dev.callcenter.cti.call.MemberAdded;
import dev.callcenter.cti.call.MemberPaused;
import dev.callcenter.cti.call.MemberRemoved;
import dev.callcenter.cti.call.MemberStatusChanged;
import dev.callcenter.cti.call.OriginateResult;
import dev.callcenter.cti.call.PbxEvent;
import dev.callcenter.cti.call.PbxRestarting;
import dev.callcenter.cti.call.PbxSnapshot;
import dev.callcenter.cti.call.PhoneDialed;
import dev.callcenter.helpdesk.phone.PhoneNormalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.UnholdEvent;
import org.asteriskjava.manager.event.VarSetEvent;

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

  /** The channel variable a dialplan sets to the call's recording file or URL. */
  public static final String RECORDING_VARIABLE = "CC_RECORDING";

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
          case AgentCalledEvent e when callId(e.getLinkedId(), e.getDestLinkedId()) != null ->
              new AgentRinging(
                  callId(e.getLinkedId(), e.getDestLinkedId()),
                  at(e),
                  e.getQueue(),
                  e.getInterface(),
                  e.getMemberName(),
                  caller(e.getCallerIdNum(), e.getCallerIdName(), e.getChannel(), e.getContext()));
          case AgentConnectEvent e when callId(e.getLinkedId(), e.getDestLinkedId()) != null ->
              new AgentAnswered(
                  callId(e.getLinkedId(), e.getDestLinkedId()),
                  at(e),
                  e.getQueue(),
                  e.getInterface(),
                  e.getMemberName(),
                  orZero(e.getHoldTime()),
                  orZero(e.getRingtime()),
                  blankToNull(e.getDestUniqueId()));
          // AgentRingNoAnswer's RingTime is in milliseconds, unlike AgentConnect's seconds.
          case AgentRingNoAnswerEvent e when callId(e.getLinkedId(), e.getDestLinkedId()) != null ->
              new AgentNoAnswer(
                  callId(e.getLinkedId(), e.getDestLinkedId()),
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
          // When the caller hung up first, Asterisk 22 may send AgentComplete without the caller's
          // snapshot (no Linkedid, Channel, CallerIDNum): the agent's leg carries the call's
          // Linkedid as DestLinkedid.
          case AgentCompleteEvent e when callId(e.getLinkedId(), e.getDestLinkedId()) != null ->
              new CallCompleted(
                  callId(e.getLinkedId(), e.getDestLinkedId()),
                  at(e),
                  e.getQueue(),
                  e.getInterface(),
                  e.getMemberName(),
                  orZero(e.getTalkTime()),
                  orZero(e.getHoldTime()),
                  CallCompleted.EndedBy.fromReason(e.getReason()));
          case HangupEvent e -> hungUp(e);
          case DialBeginEvent e -> dialed(e);
          case DialEndEvent e -> dialEnded(e);
          case HangupRequestEvent e ->
              isLocal(e.getChannel()) || e.getLinkedId() == null || e.getUniqueId() == null
                  ? null
                  : new HangUpRequested(e.getLinkedId(), at(e), e.getUniqueId());
          case OriginateResponseEvent e -> originated(e);
          case VarSetEvent e -> recording(e);
          case CcRecordingEvent e ->
              e.getLinkedid() == null || e.getRecording() == null || e.getRecording().isBlank()
                  ? null
                  : new CallRecording(e.getLinkedid(), at(e), e.getRecording().strip());
          case HoldEvent e when e.getLinkedId() != null ->
              new CallHeld(e.getLinkedId(), at(e), e.getChannel(), true);
          case UnholdEvent e when e.getLinkedId() != null ->
              new CallHeld(e.getLinkedId(), at(e), e.getChannel(), false);
          case ShutdownEvent e -> new PbxRestarting(at(e), Boolean.TRUE.equals(e.getRestart()));
          case QueueMemberAddedEvent e ->
              new MemberAdded(
                  at(e),
                  e.getQueue(),
                  e.getInterface(),
                  e.getMemberName(),
                  Boolean.TRUE.equals(e.getPaused()),
                  blankToNull(e.getPausedReason()));
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

  /** Whether {@code variable} names a call's recording, for listeners that filter early. */
  public static boolean isRecordingVariable(String variable) {
    return variable != null
        && (variable.equalsIgnoreCase(RECORDING_VARIABLE)
            || variable.equalsIgnoreCase("MIXMONITOR_FILENAME"));
  }

  private CallRecording recording(VarSetEvent e) {
    if (!isRecordingVariable(e.getVariable())
        || e.getLinkedId() == null
        || e.getValue() == null
        || e.getValue().isBlank()) {
      return null;
    }
    return new CallRecording(e.getLinkedId(), at(e), e.getValue().strip());
  }

  /**
   * The PBX's present state from the answers to {@code QueueStatus} ({@code QueueMember}, {@code
   * QueueEntry}) and {@code CoreShowChannels} ({@code CoreShowChannel}); other events are ignored.
   */
  public PbxSnapshot snapshot(Collection<? extends ManagerEvent> answers, Instant requestedAt) {
    List<PbxSnapshot.Member> members = new ArrayList<>();
    List<PbxSnapshot.Waiting> waiting = new ArrayList<>();
    List<PbxSnapshot.Channel> channels = new ArrayList<>();
    for (ManagerEvent event : answers) {
      switch (event) {
        case QueueMemberEvent m ->
            members.add(
                new PbxSnapshot.Member(
                    m.getQueue(),
                    firstNonNull(m.getLocation(), m.getInterface()),
                    firstNonNull(m.getName(), m.getMemberName()),
                    Boolean.TRUE.equals(m.getPaused()),
                    blankToNull(m.getPausedreason()),
                    DeviceStatus.fromCode(m.getStatus()),
                    m.getIncall() != null && m.getIncall() > 0));
        case QueueEntryEvent q ->
            waiting.add(
                new PbxSnapshot.Waiting(
                    q.getQueue(),
                    orZero(q.getPosition()),
                    q.getChannel(),
                    q.getUniqueId(),
                    caller(
                        firstNonNull(q.getCallerIdNum(), q.getCallerId()),
                        q.getCallerIdName(),
                        q.getChannel(),
                        q.getContext()),
                    orZero(q.getWait())));
        case CoreShowChannelEvent c when !isLocal(c.getChannel()) ->
            channels.add(
                new PbxSnapshot.Channel(
                    firstNonNull(c.getLinkedid(), c.getUniqueid()),
                    c.getUniqueid(),
                    c.getChannel(),
                    caller(c.getCallerIdNum(), c.getCallerIdName(), c.getChannel(), c.getContext()),
                    c.getApplication(),
                    durationSeconds(c.getDuration()),
                    blankToNull(c.getBridgeid())));
        default -> {}
      }
    }
    return new PbxSnapshot(clock.instant(), requestedAt, members, waiting, channels);
  }

  /** {@code CoreShowChannel}'s {@code Duration} is {@code HH:MM:SS}. */
  static long durationSeconds(String duration) {
    if (duration == null || duration.isBlank()) {
      return 0;
    }
    long seconds = 0;
    for (String part : duration.strip().split(":")) {
      try {
        seconds = seconds * 60 + Long.parseLong(part);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return seconds;
  }

  /**
   * The call id of a queue event about an agent's leg: the caller's Linkedid, else the agent leg's
   * (the same call; app_queue dials the agent from the caller's channel); null if neither.
   */
  private static String callId(String linkedid, String destLinkedid) {
    String id = blankToNull(linkedid);
    return id != null ? id : blankToNull(destLinkedid);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  private OriginateResult originated(OriginateResponseEvent e) {
    boolean answered = "Success".equalsIgnoreCase(e.getResponse());
    String uniqueid = e.getUniqueId();
    if (uniqueid == null || uniqueid.isEmpty() || uniqueid.equals("<null>")) {
      uniqueid = null;
    }
    if (answered && uniqueid == null) {
      return null;
    }
    return new OriginateResult(
        answered ? uniqueid : null,
        at(e),
        e.getChannel() == null ? null : e.getChannel().replaceFirst("-[0-9a-f]{8,}$", ""),
        answered,
        e.getReason() == null ? 0 : e.getReason());
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

  /**
   * A {@code Dial} from a caller's channel to a phone. app_queue's own dials ({@code AgentCalled}
   * first) are told apart by the live state, which knows the call waits in a queue; Local-channel
   * halves and dials without a call id are dropped here.
   */
  private PhoneDialed dialed(DialBeginEvent e) {
    String callId = callId(e.getLinkedId(), e.getDestLinkedId());
    if (callId == null
        || e.getDestChannel() == null
        || isLocal(e.getChannel())
        || isLocal(e.getDestChannel())) {
      return null;
    }
    return new PhoneDialed(
        callId,
        at(e),
        blankToNull(e.getUniqueId()),
        endpointOf(e.getDestChannel()),
        blankToNull(e.getDestUniqueId()),
        caller(e.getCallerIdNum(), e.getCallerIdName(), e.getChannel(), e.getContext()));
  }

  private DialEnded dialEnded(DialEndEvent e) {
    String callId = callId(e.getLinkedId(), e.getDestLinkedId());
    if (callId == null
        || e.getDestChannel() == null
        || isLocal(e.getChannel())
        || isLocal(e.getDestChannel())) {
      return null;
    }
    return new DialEnded(
        callId,
        at(e),
        endpointOf(e.getDestChannel()),
        blankToNull(e.getDestUniqueId()),
        e.getDialStatus());
  }

  /** {@code PJSIP/1002-0000000a} → {@code PJSIP/1002}: a channel's endpoint interface. */
  static String endpointOf(String channel) {
    int dash = channel.lastIndexOf('-');
    return dash > channel.indexOf('/') ? channel.substring(0, dash) : channel;
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
