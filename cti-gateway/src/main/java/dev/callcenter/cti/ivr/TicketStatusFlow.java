package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.MenuChoice;
import dev.callcenter.cti.ivr.menu.MenuName;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ivr.IvrStepCode;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.ticket.TicketSummary;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the caller's open tickets (newest first, up to {@code max-tickets-spoken}) with their
 * status and promised date, then offers an agent about them, another ticket by number, or the main
 * menu. Another customer's ticket number is answered exactly like a missing one.
 */
final class TicketStatusFlow implements IvrFlow {

  @Override
  public Next run(CallContext call) {
    IvrMenus menus = call.menus();
    TicketService tickets = call.services().tickets();
    long customerId = call.customer().id();
    List<TicketSummary> open =
        call.backend().call("open tickets", () -> tickets.openForCustomer(customerId));
    if (open.isEmpty()) {
      call.say("no-open-tickets");
      call.journal().step("ticket-status", null, IvrStepCode.NO_OPEN_TICKETS);
    } else {
      call.say("you-have");
      call.channel().sayNumber(open.size());
      call.say("open-tickets");
      List<TicketSummary> spoken = open.subList(0, Math.min(open.size(), menus.maxTicketsSpoken()));
      for (TicketSummary t : spoken) {
        speak(call, call.backend().call("ticket " + t.id(), () -> tickets.get(t.id())));
      }
      call.journal()
          .step(
              "ticket-status",
              null,
              IvrStepCode.OPEN_TICKETS_READ,
              Map.of(
                  "read",
                  Integer.toString(spoken.size()),
                  "open",
                  Integer.toString(open.size()),
                  "ticketIds",
                  ids(spoken)));
      call.ticketId(open.getFirst().id());
    }
    while (true) {
      if (!(call.play(MenuName.TICKET_STATUS) instanceof MenuResult.Chosen c)) {
        return ToAgentFlow.because(ToAgentFlow.Reason.NO_CHOICE).run(call);
      }
      switch (MenuChoice.of(MenuChoice.AfterTicketStatus.class, c.value())) {
        case AGENT -> {
          return ToAgentFlow.because(ToAgentFlow.Reason.ABOUT_TICKET).run(call);
        }
        case MAIN -> {
          return Next.MAIN_MENU;
        }
        case BY_NUMBER -> byNumber(call);
      }
    }
  }

  private static void byNumber(CallContext call) {
    if (!(call.play(MenuName.TICKET_NUMBER) instanceof MenuResult.Entered e)) {
      return;
    }
    Ticket t = null;
    if (e.digits().length() <= 18) {
      long id = Long.parseLong(e.digits());
      try {
        t = call.backend().call("ticket " + id, () -> call.services().tickets().get(id));
      } catch (NotFoundException notFound) {
        t = null;
      }
    }
    // another customer's ticket is answered exactly like a missing one
    if (t == null || t.customerId() != call.customer().id()) {
      call.say("ticket-not-found");
      call.journal().step("ticket-number", e.digits(), IvrStepCode.TICKET_NOT_FOUND);
      return;
    }
    speak(call, t);
    call.ticketId(t.id());
    call.journal()
        .step(
            "ticket-number",
            e.digits(),
            IvrStepCode.TICKET_READ,
            Map.of("ticketId", Long.toString(t.id()), "status", t.status().name()));
  }

  private static void speak(CallContext call, Ticket t) {
    IvrMenus menus = call.menus();
    call.say("ticket");
    call.channel().sayDigits(Long.toString(t.id()));
    call.say("status-" + t.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    Instant promised = t.promisedBy() != null ? t.promisedBy() : t.resolutionDueAt();
    if (promised != null) {
      call.say("promised-by");
      call.channel()
          .sayDateTime(promised, menus.sayDateTimeFormat().get(call.language()), menus.timeZone());
    }
  }

  private static String ids(List<TicketSummary> tickets) {
    return String.join(",", tickets.stream().map(t -> Long.toString(t.id())).toList());
  }
}
