package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.fastagi.AgiChannel;
import dev.callcenter.cti.ivr.fastagi.AgiException;
import dev.callcenter.cti.ivr.fastagi.AgiHangupException;
import dev.callcenter.cti.ivr.fastagi.AgiRequest;
import dev.callcenter.cti.ivr.fastagi.AgiScript;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Direction;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.interaction.InteractionEvent;
import dev.callcenter.helpdesk.ivr.IvrStepCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code ivr} FastAGI script: greets the caller and runs the flows (identify, the rating of a
 * recently resolved ticket, the main menu and what it starts) on one {@link CallContext}, until a
 * flow hands the call back to the dialplan with the queue and priority to wait in. Any help-desk
 * failure gets an apology and an agent; a hang-up keeps what was already stored; either way the
 * call goes on the customer's timeline.
 *
 * <p>Channel variables set for the dialplan: {@code CC_NEXT} ({@code queue} or {@code hangup}),
 * {@code CC_QUEUE}, {@code QUEUE_PRIO} (read by {@code Queue()}), {@code CC_LANGUAGE}, {@code
 * CC_CALL_ID}, and when known {@code CC_CUSTOMER_ID} and {@code CC_TICKET_ID}.
 */
final class IvrScript implements AgiScript {

  private static final Logger log = LoggerFactory.getLogger(IvrScript.class);

  /** The flows every call goes through in turn, while it stays in the IVR. */
  private static final List<IvrFlow> FLOWS =
      List.of(new IdentifyFlow(), new RatingFlow(), new MainMenuFlow());

  private final IvrMenus menus;
  private final IvrServices services;
  private final Backend backend;
  private final Clock clock;

  IvrScript(IvrMenus menus, IvrServices services, Backend backend, Clock clock) {
    this.menus = menus;
    this.services = services;
    this.backend = backend;
    this.clock = clock;
  }

  @Override
  public void run(AgiRequest request, AgiChannel channel) {
    String callId = callId(request, channel);
    withCallId(
        callId,
        () -> serve(new CallContext(request, channel, callId, menus, services, backend, clock)));
  }

  /** The call id: Asterisk's Linkedid of the call, else this channel's Uniqueid. */
  static String callId(AgiRequest request, AgiChannel channel) {
    return channel
        .getFullVariable("${CHANNEL(linkedid)}")
        .filter(s -> !s.isBlank())
        .orElse(request.uniqueid());
  }

  /**
   * Runs one session with {@code callId} as the MDC's {@code callId}, then puts back what was there
   * (the FastAGI layer's channel id, which it clears itself).
   */
  static void withCallId(String callId, Runnable session) {
    String outer = MDC.get("callId");
    MDC.put("callId", callId);
    try {
      session.run();
    } finally {
      if (outer == null) {
        MDC.remove("callId");
      } else {
        MDC.put("callId", outer);
      }
    }
  }

  private void serve(CallContext call) {
    IvrJournal journal = call.journal();
    try {
      try {
        journal.start(call.callerNumber());
        call.channel().streamFile(menus.prompt("welcome", menus.defaultLanguage()));
        for (IvrFlow flow : FLOWS) {
          if (flow.run(call) == IvrFlow.Next.LEFT_IVR) {
            break;
          }
        }
      } catch (BackendFailure e) {
        log.warn(
            "Help desk failed during IVR call {} ({}); apologising and routing to an agent",
            call.callId(),
            e.getMessage());
        journal.step("back-end", null, IvrStepCode.FAILED);
        ToAgentFlow.afterFailure(ToAgentFlow.Reason.BACKEND_FAILURE).run(call);
      } catch (AgiException e) {
        throw e;
      } catch (RuntimeException e) {
        // a bug or a rejected write (e.g. an inactive callback owner): still never dead air
        log.error("IVR call {} failed; apologising and routing to an agent", call.callId(), e);
        journal.step("error", null, IvrStepCode.FAILED);
        ToAgentFlow.afterFailure(ToAgentFlow.Reason.ERROR).run(call);
      }
    } catch (AgiHangupException e) {
      log.debug("Caller hung up in the IVR (call {}): {}", call.callId(), e.getMessage());
      journal.step("hangup", null, IvrStepCode.HUNG_UP);
      call.hungUp();
    } finally {
      recordInteraction(call);
    }
  }

  /** What the timeline needs to word the IVR contact; the steps themselves stay on the journey. */
  private static Map<String, String> ivrParams(CallContext call) {
    Map<String, String> p = new java.util.TreeMap<>();
    p.put("callId", call.callId());
    if (call.outcome() != null) {
      p.put("outcome", call.outcome().name());
    }
    if (call.ticketId() != null) {
      p.put("ticketId", Long.toString(call.ticketId()));
    }
    if (call.language() != null) {
      p.put("language", call.language());
    }
    return p;
  }

  /** The call on the customer's timeline, linked to the ticket it created; best effort. */
  private void recordInteraction(CallContext call) {
    if (call.customer() == null) {
      return;
    }
    long customerId = call.customer().id();
    InteractionDraft draft =
        new InteractionDraft(
            customerId,
            Channel.PHONE_IN,
            Direction.INBOUND,
            call.startedAt(),
            clock.instant(),
            null,
            new CallDetails(
                call.request().uniqueid(),
                call.callId(),
                call.queue(),
                call.callerNumber(),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    try {
      Interaction i =
          backend.call(
              "record interaction",
              () ->
                  services
                      .interactions()
                      .recordEvent(draft, null, InteractionEvent.IVR, ivrParams(call)));
      if (call.ticketId() != null) {
        long t = call.ticketId();
        backend.run("link interaction", () -> services.tickets().linkInteraction(t, i.id(), null));
      }
    } catch (RuntimeException e) {
      log.warn(
          "IVR call {} not recorded on customer {}'s timeline: {}",
          call.callId(),
          customerId,
          e.getMessage());
    }
  }
}
