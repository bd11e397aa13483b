package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.helpdesk.ivr.IvrStepCode;
import dev.callcenter.helpdesk.survey.SurveyAnswerDraft;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketQuery;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import dev.callcenter.helpdesk.ticket.TicketSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Before the main menu, asks an identified caller to rate their most recently resolved ticket if it
 * was resolved within {@code survey-after-resolved} and is not rated yet; no rating is no harm, the
 * main menu follows either way.
 */
final class RatingFlow implements IvrFlow {

  @Override
  public Next run(CallContext call) {
    IvrMenus menus = call.menus();
    if (menus.surveyAfterResolved().isZero()) {
      return Next.MAIN_MENU;
    }
    Ticket rate = ticketToRate(call);
    if (rate == null) {
      return Next.MAIN_MENU;
    }
    long ticket = rate.id();
    call.say("ticket-survey");
    call.channel().sayDigits(Long.toString(ticket));
    Optional<SurveyReply> reply = SurveyReply.ask(call.player(), menus, call.language());
    if (reply.isEmpty()) {
      call.journal()
          .step(
              "ticket-survey",
              null,
              IvrStepCode.NOT_RATED,
              Map.of("ticketId", Long.toString(ticket)));
      return Next.MAIN_MENU;
    }
    String rating = Integer.toString(reply.get().rating());
    SurveyAnswerDraft answer =
        new SurveyAnswerDraft(
            call.callId(),
            call.customer().id(),
            null,
            null,
            ticket,
            reply.get().rating(),
            reply.get().solved());
    call.backend().call("store survey answer", () -> call.services().surveys().record(answer));
    call.journal()
        .step(
            "ticket-survey",
            rating,
            IvrStepCode.RATED,
            Map.of("ticketId", Long.toString(ticket), "rating", rating));
    call.say("survey-thanks");
    return Next.MAIN_MENU;
  }

  /** The newest of the customer's recently resolved tickets that has no survey answer; or null. */
  private static Ticket ticketToRate(CallContext call) {
    TicketService tickets = call.services().tickets();
    long customerId = call.customer().id();
    Instant since = call.clock().instant().minus(call.menus().surveyAfterResolved());
    List<TicketSummary> resolved =
        call.backend()
            .call(
                "resolved tickets",
                () ->
                    tickets.list(
                        TicketQuery.all(5, 0)
                            .withCustomer(customerId)
                            .withStatuses(Set.of(TicketStatus.RESOLVED))));
    for (TicketSummary t : resolved) {
      Ticket full = call.backend().call("ticket " + t.id(), () -> tickets.get(t.id()));
      if (full.resolvedAt() != null
          && full.resolvedAt().isAfter(since)
          && !call.backend()
              .call(
                  "survey of ticket " + t.id(),
                  () -> call.services().surveys().answeredForTicket(t.id()))) {
        return full;
      }
    }
    return null;
  }
}
