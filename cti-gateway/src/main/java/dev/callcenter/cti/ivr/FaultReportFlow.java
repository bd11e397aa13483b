package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.menu.MenuName;
import dev.callcenter.helpdesk.ivr.IvrStepCode;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketSource;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Creates a fault-report ticket for the product the caller picks (with the serial number if they
 * key one in; the IVR path is on the journey, shown by the pop), reads its number back and returns
 * to the main menu. The product then routes the call to its own queue, if it has one.
 */
final class FaultReportFlow implements IvrFlow {

  private static final Logger log = LoggerFactory.getLogger(FaultReportFlow.class);

  @Override
  public Next run(CallContext call) {
    if (!(call.play(MenuName.PRODUCT) instanceof MenuResult.Chosen c)) {
      return ToAgentFlow.because(ToAgentFlow.Reason.NO_PRODUCT).run(call);
    }
    String product = c.value();
    call.product(product);
    String serial = call.play(MenuName.SERIAL) instanceof MenuResult.Entered e ? e.digits() : null;
    // The ticket's title and description are text people read: written in the caller's
    // language, which is the language of the agents who serve that caller.
    boolean chinese = call.language() != null && call.language().startsWith("zh");
    String title = (chinese ? "電話報修:" : "Fault report by phone: ") + product;
    String description =
        chinese
            ? "來電者於語音選單報修。\n產品:"
                + product
                + (serial == null ? "" : "\n序號:" + serial)
                + "\n來電號碼:"
                + call.callerNumber()
            : "Reported by phone in the IVR.\nProduct: "
                + product
                + (serial == null ? "" : "\nSerial number: " + serial)
                + "\nCaller number: "
                + call.callerNumber();
    TicketDraft draft =
        new TicketDraft(
            TicketType.FAULT_REPORT,
            title,
            description,
            null,
            call.customer().id(),
            null,
            // Opened in the configured team, so it is assigned like any other ticket of the team.
            call.menus().routing().faultTeam(),
            List.of("ivr"),
            TicketSource.IVR,
            call.callId(),
            product,
            null,
            null);
    Ticket ticket =
        call.backend()
            .call("create fault report", () -> call.services().openTicket().open(draft, null));
    call.ticketId(ticket.id());
    try (var ignored = MDC.putCloseable("ticketId", Long.toString(ticket.id()))) {
      log.debug(
          "IVR call {} reported a fault: ticket {} for {}", call.callId(), ticket.id(), product);
    }
    call.journal()
        .step(
            "report-fault",
            serial,
            IvrStepCode.FAULT_REPORTED,
            Map.of("ticketId", Long.toString(ticket.id()), "product", product));
    call.say("fault-created");
    call.channel().sayDigits(Long.toString(ticket.id()));
    return Next.MAIN_MENU;
  }
}
