package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.fastagi.AgiChannel;
import dev.callcenter.cti.ivr.fastagi.AgiHangupException;
import dev.callcenter.cti.ivr.fastagi.AgiRequest;
import dev.callcenter.cti.ivr.fastagi.AgiScript;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.ivr.IvrJourney;
import dev.callcenter.helpdesk.survey.SurveyAnswer;
import dev.callcenter.helpdesk.survey.SurveyAnswerDraft;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code survey} FastAGI script, run by the dialplan after the agent hangs up: the caller rates
 * the call 1–5 and, if configured, says whether the problem was solved; the answer is stored
 * against the call, its interaction, the agent, the queue and the ticket.
 *
 * <p>Who and what is rated comes from the AGI arguments {@code agi_arg_1} = agent (the queue
 * member, {@code ${MEMBERINTERFACE}}), {@code agi_arg_2} = queue, {@code agi_arg_3} = ticket id, or
 * the same as URL parameters {@code ?agent=…&queue=…&ticket=…}; the customer, language and ticket
 * otherwise come from the call's IVR journey.
 */
final class SurveyScript implements AgiScript {

  private static final Logger log = LoggerFactory.getLogger(SurveyScript.class);

  private final IvrMenus menus;
  private final IvrServices services;
  private final Backend backend;
  private final Clock clock;

  SurveyScript(IvrMenus menus, IvrServices services, Backend backend, Clock clock) {
    this.menus = menus;
    this.services = services;
    this.backend = backend;
    this.clock = clock;
  }

  @Override
  public void run(AgiRequest request, AgiChannel channel) {
    String callId = IvrScript.callId(request, channel);
    IvrScript.withCallId(callId, () -> survey(request, channel, callId));
  }

  private void survey(AgiRequest request, AgiChannel channel, String callId) {
    String agent = argument(request, 0, "agent");
    String queue = argument(request, 1, "queue");
    Long ticketId = number(argument(request, 2, "ticket"));
    String language = menus.defaultLanguage();
    try {
      Optional<IvrJourney> journey = Optional.empty();
      Long customerId = null;
      try {
        journey = backend.call("IVR journey", () -> services.journeys().findByCallId(callId));
        customerId = journey.map(IvrJourney::customerId).orElse(null);
        if (customerId == null && request.callerNumber() != null) {
          CallerLookup lookup =
              backend.call(
                  "caller lookup", () -> services.customers().lookup(request.callerNumber()));
          if (lookup.result() == CallerLookup.Result.KNOWN) {
            customerId = lookup.customers().getFirst().id();
          }
        }
      } catch (BackendFailure e) {
        log.warn("Survey of call {} without the help desk's context: {}", callId, e.getMessage());
      }
      if (journey.isPresent() && journey.get().language() != null) {
        language = journey.get().language();
      }
      if (ticketId == null) {
        ticketId = journey.map(IvrJourney::ticketId).orElse(null);
      }
      channel.setVariable("CHANNEL(language)", menus.channelLanguage().get(language));
      // the survey's steps join the call's IVR journey when it has one
      IvrJournal journal =
          new IvrJournal(services.journeys(), backend, clock, callId, journey.isPresent());
      MenuPlayer player = new MenuPlayer(channel, journal);
      Optional<SurveyReply> reply = SurveyReply.ask(player, menus, language);
      if (reply.isEmpty()) {
        log.debug("Survey of call {}: no rating given", callId);
        channel.streamFile(menus.prompt("goodbye", language));
        return;
      }
      SurveyAnswerDraft draft =
          new SurveyAnswerDraft(
              callId,
              customerId,
              agent,
              queue,
              ticketId,
              reply.get().rating(),
              reply.get().solved());
      try {
        SurveyAnswer saved =
            backend.call("store survey answer", () -> services.surveys().record(draft));
        log.debug("Survey answer {} stored", saved.id());
        channel.streamFile(menus.prompt("survey-thanks", language));
      } catch (BackendFailure e) {
        log.warn("Survey answer of call {} lost: {} ({})", callId, draft, e.getMessage());
        channel.streamFile(menus.prompt("apology", language));
      }
    } catch (AgiHangupException e) {
      log.debug("Caller hung up in the survey (call {}): {}", callId, e.getMessage());
    }
  }

  /** The AGI argument at {@code index}, else the URL parameter {@code name}; null if blank. */
  private static String argument(AgiRequest request, int index, String name) {
    List<String> args = request.args();
    String value = index < args.size() ? args.get(index) : null;
    if (value == null || value.isBlank()) {
      Map<String, String> params = request.parameters();
      value = params.get(name);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Long number(String s) {
    if (s == null || !s.matches("[0-9]{1,18}")) {
      return null;
    }
    return Long.parseLong(s);
  }
}
