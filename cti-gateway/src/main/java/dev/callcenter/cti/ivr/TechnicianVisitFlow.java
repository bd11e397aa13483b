package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.fastagi.AgiChannel;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.MenuChoice;
import dev.callcenter.cti.ivr.menu.MenuName;
import dev.callcenter.helpdesk.dispatch.field.VisitConfirmation;
import dev.callcenter.helpdesk.dispatch.field.VisitConfirmation.NextVisit;
import dev.callcenter.helpdesk.ivr.IvrStepCode;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the caller's next scheduled technician visit (the day and start of its window, the end of
 * the window, and the technician's recorded name with {@code technician-names = true}), then lets
 * them confirm it or ask to reschedule it (both end the call with a goodbye), speak to an agent, or
 * go back to the main menu. Only the next visit is offered when there are several; a caller without
 * a scheduled visit hears so and returns to the main menu.
 */
final class TechnicianVisitFlow implements IvrFlow {

  private static final String MENU = MenuName.TECHNICIAN_VISIT.key();

  @Override
  public Next run(CallContext call) {
    VisitConfirmation visits = call.services().visits();
    long customerId = call.customer().id();
    Optional<NextVisit> next = call.backend().call("next visit", () -> visits.next(customerId));
    if (next.isEmpty()) {
      call.say("no-visit");
      call.journal().step(MENU, null, IvrStepCode.NO_VISIT);
      return Next.MAIN_MENU;
    }
    NextVisit visit = next.get();
    speak(call, visit);
    call.ticketId(visit.ticketId());
    String order = Long.toString(visit.orderId());
    call.journal()
        .step(
            MENU,
            null,
            IvrStepCode.VISIT_READ,
            Map.of(
                "orderId",
                order,
                "ticketId",
                Long.toString(visit.ticketId()),
                "visits",
                Integer.toString(visit.scheduled())));
    if (!(call.play(MenuName.TECHNICIAN_VISIT) instanceof MenuResult.Chosen c)) {
      return ToAgentFlow.because(ToAgentFlow.Reason.NO_CHOICE).run(call);
    }
    return switch (MenuChoice.of(MenuChoice.AfterVisit.class, c.value())) {
      case CONFIRM -> {
        call.backend()
            .run("confirm visit", () -> visits.confirm(visit.orderId(), customerId, call.callId()));
        call.journal().step(MENU, null, IvrStepCode.VISIT_CONFIRMED, Map.of("orderId", order));
        call.say("visit-confirmed");
        yield call.goodbye();
      }
      case RESCHEDULE -> {
        long fallbackOwner = call.callbackOwner().id();
        long followUp =
            call.backend()
                .call(
                    "reschedule visit",
                    () ->
                        visits.askToReschedule(
                            visit.orderId(), customerId, call.callId(), fallbackOwner));
        call.journal()
            .step(
                MENU,
                null,
                IvrStepCode.VISIT_RESCHEDULE_ASKED,
                Map.of("orderId", order, "followUpId", Long.toString(followUp)));
        call.say("visit-reschedule");
        yield call.goodbye();
      }
      case AGENT -> ToAgentFlow.because(ToAgentFlow.Reason.ASKED).run(call);
      case MAIN -> Next.MAIN_MENU;
    };
  }

  /** "Your technician visit is on <day, start> until <end>[; your technician is <name>]". */
  private static void speak(CallContext call, NextVisit visit) {
    IvrMenus menus = call.menus();
    AgiChannel channel = call.channel();
    call.say("visit-scheduled");
    channel.sayDateTime(
        visit.windowStart(), menus.sayDateTimeFormat().get(call.language()), menus.timeZone());
    call.say("visit-until");
    channel.sayDateTime(
        visit.windowEnd(), menus.sayTimeFormat().get(call.language()), menus.timeZone());
    if (menus.technicianNames()) {
      call.say("visit-technician");
      channel.streamFile(IvrMenus.technicianNameSound(visit.technicianId()));
    }
  }
}
