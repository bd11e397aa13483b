package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A supervisor acts from the wallboard in real Chromium: an agent's state, a ticket near its SLA.
 */
class SupervisorBrowserTest {
  private static CtiTestKit kit;
  private static TestServer server;
  private Browser window;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeInstalled();
    kit = new CtiTestKit().connected();
    server = kit.server;
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @BeforeEach
  void open() {
    window = Browser.open(server);
  }

  @AfterEach
  void close() {
    if (window != null) {
      window.close();
    }
  }

  @Test
  void aSupervisorPausesAnAgentFromTheWallboardAndOpensATicketOnTheDesk() {
    Customer customer = kit.customer("趙先生", "0918765432");
    long ticket =
        server
            .services()
            .tickets()
            .create(
                new TicketDraft(
                    TicketType.FAULT_REPORT,
                    "整棟大樓斷線",
                    null,
                    Priority.LOW,
                    customer.id(),
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null),
                null)
            .id();
    assertThat(
            server
                .as("agent2")
                .put("/api/v1/agents/me/state", java.util.Map.of("state", "available"))
                .status())
        .isEqualTo(200);

    window.logIn("/wallboard.html", "supervisor1");
    window.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#agent-table tr[data-agent='agent2'][data-state='available']")));
    window.find("sla-table");
    window.assertAccessible("wallboard");
    window.assertFullyTranslated();

    window
        .wait
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              var row = d.findElement(By.cssSelector("#agent-table tr[data-agent='agent2']"));
              new Select(row.findElement(By.className("agent-state-select")))
                  .selectByValue("paused");
              row.findElement(By.className("agent-state-apply")).click();
              return true;
            });
    window.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#agent-table tr[data-agent='agent2'][data-state='paused']")));
    assertThat(kit.sim.pbx().member("support", "PJSIP/1002").orElseThrow().paused()).isTrue();

    // A low-priority ticket is days from its SLA: the section says nothing is near. Its rows link
    // to the ticket on the desk, as here.
    window.find("sla-none");
    window.driver.get(server.baseUrl() + "/#ticket/" + ticket);
    window.wait.until(ExpectedConditions.textToBe(By.id("ticket-view-title"), "整棟大樓斷線"));
    window.assertAccessible("desk as a supervisor, ticket view");
    window.click("to-wallboard");
    window.wait.until(ExpectedConditions.urlContains("wallboard"));
    window.click("logout");
    window.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
  }
}
