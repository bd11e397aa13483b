package dev.callcenter.cti.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.IvrMenusLoader;
import dev.callcenter.cti.ivr.menu.MenuAction;
import dev.callcenter.cti.ivr.menu.MenuChoice;
import dev.callcenter.cti.ivr.menu.MenuName;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The main menu's vocabulary and its flows agree, for every action and the shipped menus. */
class MainMenuFlowTest {

  @Test
  void everyMenuActionHasAFlow() {
    for (MenuAction action : MenuAction.values()) {
      assertThat(MainMenuFlow.flowFor(action)).as(action.value()).isNotNull();
    }
    assertThat(MainMenuFlow.flowFor(MenuAction.TICKET_STATUS)).isInstanceOf(TicketStatusFlow.class);
    assertThat(MainMenuFlow.flowFor(MenuAction.REPORT_FAULT)).isInstanceOf(FaultReportFlow.class);
    assertThat(MainMenuFlow.flowFor(MenuAction.CALLBACK)).isInstanceOf(CallbackFlow.class);
    assertThat(MainMenuFlow.flowFor(MenuAction.AGENT)).isInstanceOf(ToAgentFlow.class);
  }

  @Test
  void everyActionOfTheShippedMainMenuHasItsFlow() {
    IvrMenus menus = IvrMenusLoader.load(IvrKit.MENUS);

    Map<String, String> choices = menus.menu(MenuName.MAIN).choices();
    assertThat(choices).isNotEmpty();
    for (var key : choices.entrySet()) {
      MenuAction action = MenuChoice.of(MenuAction.class, key.getValue());
      assertThat(MainMenuFlow.flowFor(action)).as("key " + key.getKey()).isNotNull();
    }
  }
}
