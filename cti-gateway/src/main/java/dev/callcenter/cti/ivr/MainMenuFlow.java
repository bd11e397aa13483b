package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.menu.MenuAction;
import dev.callcenter.cti.ivr.menu.MenuChoice;
import dev.callcenter.cti.ivr.menu.MenuName;
import java.util.Set;

/**
 * The main menu: plays it until a flow takes the caller out of the IVR, and starts the flow of each
 * chosen {@link MenuAction}. No valid choice sends the caller to an agent.
 */
final class MainMenuFlow implements IvrFlow {

  @Override
  public Next run(CallContext call) {
    Set<String> hidden =
        call.menus().technicianVisit() ? Set.of() : Set.of(MenuAction.TECHNICIAN_VISIT.value());
    while (true) {
      if (!(call.play(MenuName.MAIN, hidden) instanceof MenuResult.Chosen c)) {
        return ToAgentFlow.because(ToAgentFlow.Reason.NO_CHOICE).run(call);
      }
      MenuAction action = MenuChoice.of(MenuAction.class, c.value());
      if (flowFor(action).run(call) == Next.LEFT_IVR) {
        return Next.LEFT_IVR;
      }
    }
  }

  /** The flow each main-menu action starts; a new action needs its flow here. */
  static IvrFlow flowFor(MenuAction action) {
    return switch (action) {
      case TICKET_STATUS -> new TicketStatusFlow();
      case REPORT_FAULT -> new FaultReportFlow();
      case CALLBACK -> new CallbackFlow();
      case TECHNICIAN_VISIT -> new TechnicianVisitFlow();
      case AGENT -> ToAgentFlow.because(ToAgentFlow.Reason.ASKED);
    };
  }
}
