package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent's shift on the desk in real Chromium, by keyboard where an agent would use it: pops for
 * a known, an unknown and an anonymous caller, the complete ticket form, the ticket lists, customer
 * search; axe-core on every view on the way.
 */
class DeskShiftBrowserTest {
  private static CtiTestKit kit;
  private static ManualScheduler time;
  private static PbxSimulator sim;
  private static TestServer server;
  private static Customer regular;
  private static Customer company;
  private Browser window;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeInstalled();
    kit = new CtiTestKit();
    time = kit.time;
    sim = kit.sim;
    server = kit.server;
    regular = kit.customer("王小明", "0966111333");
    company = kit.customer("林美華", "0911222333");
    kit.connected();
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

  private void deskReady(String username) {
    window.logIn("/", username);
    window.wait.until(
        ExpectedConditions.attributeToBeNotEmpty(window.find("agent-state"), "data-state"));
  }

  private WebElement popFor(CallHandle call) {
    return new WebDriverWait(window.driver, Duration.ofSeconds(2))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#pop[data-call-id='" + call.linkedid() + "']")));
  }

  /** What people typed or the directory holds: shown as it is, in any language. */
  private static List<String> userData() {
    List<String> data = new java.util.ArrayList<>(DemoData.USERS.keySet());
    data.addAll(List.of("support", "王小明", "林美華", "陳志明", "帳單金額與合約不符"));
    return data;
  }

  /**
   * A queue call from {@code number} that {@code phone} answers after {@code ringSeconds} and the
   * caller ends after {@code talkSeconds}; returns once the pop names {@code shownAs}.
   */
  private CallHandle ringUntilPop(
      String number, String phone, int ringSeconds, int talkSeconds, String shownAs) {
    CallHandle call =
        sim.calls()
            .inboundQueueCall(number, "", "support")
            .answeredBy(
                phone,
                Duration.ofSeconds(ringSeconds),
                Duration.ofSeconds(talkSeconds),
                HangupBy.CALLER);
    time.advance(Duration.ofMillis(500));
    popFor(call);
    window.wait.until(ExpectedConditions.textToBe(By.id("pop-name"), shownAs));
    return call;
  }

  private void press(CharSequence key) {
    new org.openqa.selenium.interactions.Actions(window.driver).sendKeys(key).perform();
  }

  @Test
  void aKnownCallerByKeyboardBecomesAComplaintTheAgentFindsAgainInHisList() {
    deskReady("agent1");
    window.find("list-mine");
    window.assertAccessible("desk, no call");
    window.assertFullyTranslated();
    window.assertInLanguage("zh-TW", userData());

    CallHandle call = ringUntilPop("0966111333", "PJSIP/1001", 2, 30, "王小明");
    // Focus went to the pop (nobody was typing), so the shortcut works at once.
    assertThat(window.driver.switchTo().activeElement().getAttribute("id"))
        .isEqualTo("pop-heading");
    window.assertAccessible("desk with a pop");
    window.assertInLanguage("zh-TW", userData());

    press("n");
    WebElement title = window.find("ticket-title");
    window.wait.until(d -> d.switchTo().activeElement().getAttribute("id").equals("ticket-title"));
    assertThat(title.getAttribute("value")).isEqualTo("王小明 來電(support)"); // no stray "n"

    new Select(window.find("ticket-type")).selectByValue("COMPLAINT");
    new Select(window.find("ticket-priority")).selectByValue("HIGH");
    window.find("ticket-description").sendKeys("帳單金額與合約不符");
    WebElement promised = window.find("ticket-promised");
    assertThat(promised.isDisplayed()).isTrue();
    window.assertAccessible("new ticket form");
    // A complaint needs the promised date: the form does not go without it.
    assertThat(window.driver.executeScript("return arguments[0].validity.valueMissing", promised))
        .isEqualTo(true);
    window.driver.executeScript(
        "arguments[0].value = '2026-12-24T17:00'; arguments[0].dispatchEvent(new Event('input',"
            + " {bubbles: true}))",
        promised);
    window.click("ticket-save");
    window.wait.until(
        ExpectedConditions.attributeToBeNotEmpty(window.find("ticket-result"), "data-ticket-id"));
    long id = Long.parseLong(window.find("ticket-result").getAttribute("data-ticket-id"));
    var saved = server.services().tickets().get(id);
    assertThat(saved.type()).isEqualTo(TicketType.COMPLAINT);
    assertThat(saved.priority()).isEqualTo(Priority.HIGH);
    assertThat(saved.description()).isEqualTo("帳單金額與合約不符");
    assertThat(saved.promisedBy()).isNotNull();
    assertThat(saved.customerId()).isEqualTo(regular.id());
    assertThat(saved.pbxLinkedid()).isEqualTo(call.linkedid());

    window.click("ticket-open");
    window.wait.until(ExpectedConditions.textToBe(By.id("ticket-customer-link"), "王小明"));
    assertThat(window.find("ticket-view").getText())
        .contains("客訴", "高")
        .doesNotContain("COMPLAINT");
    window.click("ticket-take");
    window.wait.until(
        ExpectedConditions.attributeToBe(
            By.id("ticket-assignee"), "data-assignee", Long.toString(kit.agent1)));
    window.assertAccessible("ticket view");
    window.assertInLanguage("zh-TW", userData());

    window.click("ticket-customer-link");
    window.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("customer-timeline"), "來電(support)"));
    window.assertInLanguage("zh-TW", userData()); // the customer's timeline, told in zh-TW
    window.click("to-lists");
    window.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#ticket-list tr[data-ticket='" + id + "']")));
    window.assertAccessible("my tickets");
    window.assertInLanguage("zh-TW", userData());
    window.click("list-overdue");
    window.wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("#ticket-list tr[data-ticket='" + id + "']")));
    window.assertFullyTranslated();
    time.advance(Duration.ofSeconds(40));
  }

  @Test
  void aCustomerIsFoundByAPhoneNumberInAnotherFormatWithTheKeyboard() {
    deskReady("agent1");
    press("f");
    window.wait.until(
        d -> d.switchTo().activeElement().getAttribute("id").equals("customer-search"));
    window.driver.switchTo().activeElement().sendKeys("+886 911 222 333");
    window.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("customer-results"), "林美華"));
    window.assertAccessible("customer search");
    window.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    window.wait.until(ExpectedConditions.textToBe(By.id("customer-name"), "林美華"));
    assertThat(window.find("customer-view").getAttribute("data-customer-id"))
        .isEqualTo(Long.toString(company.id()));
    window.assertAccessible("customer view");
  }

  @Test
  void anUnknownCallersNumberIsAddedToTheCustomerTheAgentFinds() {
    Customer known = kit.customer("陳志明", "0922000111");
    deskReady("agent2");
    ringUntilPop("0233334444", "PJSIP/1002", 1, 20, "未知來電");
    press("a");
    WebElement search = window.find("caller-search");
    search.sendKeys("陳志明");
    WebElement add =
        window.wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(
                    "#caller-matches li[data-customer='" + known.id() + "'] .add-number")));
    window.assertAccessible("identify an unknown caller");
    add.click();
    window.wait.until(ExpectedConditions.textToBe(By.id("pop-name"), "陳志明"));
    window.wait.until(ExpectedConditions.textToBe(By.id("customer-name"), "陳志明"));
    assertThat(server.services().customers().get(known.id()).phones())
        .extracting(p -> p.e164())
        .contains("+886233334444", "+886922000111");
    // From now on the pop offers the ticket for the identified caller.
    window.find("pop-new-ticket");
    time.advance(Duration.ofSeconds(25));
  }

  @Test
  void anAnonymousCallerCanStillBeFoundAndGetsNoPhantomCustomer() {
    deskReady("agent2");
    int before = server.services().customers().search("", 500, 0).size();
    ringUntilPop("anonymous", "PJSIP/1002", 1, 20, "隱藏號碼");
    window.click("pop-identify");
    window.find("caller-search").sendKeys("王小明");
    window
        .wait
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#caller-matches li[data-customer='" + regular.id() + "'] .choose")))
        .click();
    window.wait.until(ExpectedConditions.textToBe(By.id("pop-name"), "王小明"));
    assertThat(server.services().customers().search("", 500, 0)).hasSize(before);
    time.advance(Duration.ofSeconds(25));
  }

  @Test
  void aPopBecomesASavedTicketWithTheKeyboardAlone() {
    Customer caller = kit.customer("鍵盤客戶", "0955123123");
    deskReady("agent2");
    ringUntilPop("0955123123", "PJSIP/1002", 1, 20, "鍵盤客戶");
    press("a"); // a first-time caller: accepting opens the pre-filled ticket form
    window.wait.until(d -> d.switchTo().activeElement().getAttribute("id").equals("ticket-title"));
    press("印表機無法開機"); // the pre-filled title is selected: typing replaces it
    press(Keys.ENTER); // Enter in the title saves the form
    window.wait.until(
        ExpectedConditions.attributeToBeNotEmpty(window.find("ticket-result"), "data-ticket-id"));
    long id = Long.parseLong(window.find("ticket-result").getAttribute("data-ticket-id"));
    var saved = server.services().tickets().get(id);
    assertThat(saved.title()).isEqualTo("印表機無法開機");
    assertThat(saved.customerId()).isEqualTo(caller.id());
    time.advance(Duration.ofSeconds(25));
  }
}
