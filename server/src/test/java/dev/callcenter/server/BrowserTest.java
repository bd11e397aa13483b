package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.RecordedAction;
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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent desk and the wallboard in real headless Chromium (Debian's, through its chromedriver)
 * against the whole server, PostgreSQL and the PBX simulator over AMI. Skipped with a message when
 * Chromium is missing, except under CI ({@code CI=true}), where that is a failure.
 */
class BrowserTest {
  private static ManualScheduler time;
  private static PbxSimulator sim;
  private static TestServer server;
  private static CtiTestKit kit;
  private static Customer vip;
  private Browser window;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeInstalled();
    kit = new CtiTestKit();
    time = kit.time;
    sim = kit.sim;
    server = kit.server;
    var s = server.services();
    vip = customer("陳大文 VIP", "02-2345-6789");
    s.customers().setTierOverride(vip.id(), Tier.VIP);
    s.tickets()
        .create(
            new TicketDraft(
                TicketType.FAULT_REPORT,
                "印表機卡紙",
                "Tray 2 jams",
                Priority.HIGH,
                vip.id(),
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null),
            null);
    customer("Shared A", "03-555-0101");
    customer("Shared B", "03-555-0101");
    customer("<img src=x onerror=alert(1)>\"><script>window.pwned=1</script>", "0955666777");
    article("印表機卡紙怎麼辦", "紙匣二卡紙,印表機停止列印", "打開後蓋取出卡紙,清潔進紙滾輪", dev.callcenter.kb.Language.ZH_TW);
    article(
        "Printer paper jam in tray 2",
        "The printer stops with a paper jam in tray 2",
        "Open the rear cover, remove the paper and clean the feed rollers",
        dev.callcenter.kb.Language.EN);
    kit.connected();
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    window = Browser.open(server);
    browser = window.driver;
    wait = window.wait;
  }

  @AfterEach
  void closeBrowser() {
    if (window != null) {
      window.close();
    }
  }

  private static long article(
      String title, String symptom, String resolution, dev.callcenter.kb.Language language) {
    var kb = server.server().knowledgeBase();
    var created =
        kb.create(
            new dev.callcenter.kb.article.ArticleDraft(
                title,
                symptom,
                "",
                resolution,
                "Printer",
                List.of(),
                null,
                List.of(),
                language,
                dev.callcenter.kb.Visibility.INTERNAL,
                null),
            null);
    return kb.publish(created.id(), null).id();
  }

  private static Customer customer(String name, String phone) {
    return kit.customer(name, phone);
  }

  private void logIn(String page, String username) {
    window.logIn(page, username);
  }

  private void deskReady(String username) {
    logIn("/", username);
    wait.until(ExpectedConditions.attributeToBeNotEmpty(find("agent-state"), "data-state"));
  }

  private void click(String id) {
    window.click(id);
  }

  private WebElement find(String id) {
    return window.find(id);
  }

  private WebElement popFor(CallHandle call) {
    return new WebDriverWait(browser, Duration.ofSeconds(1))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#pop[data-call-id='" + call.linkedid() + "']:not([hidden])")));
  }

  private void shot(String name) {
    window.shot(name);
  }

  @Test
  void aVipCallPopsWithinASecondAndTheAnswerSavesAPrefilledTicket() throws Exception {
    deskReady("agent1");
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0223456789", "", "support")
            .answeredBy(
                "PJSIP/1001", Duration.ofSeconds(2), Duration.ofSeconds(20), HangupBy.CALLER);
    time.advance(Duration.ofMillis(500));
    WebElement pop = popFor(call); // within 1 s of the ring
    assertThat(pop.findElement(By.id("pop-name")).getText()).isEqualTo("陳大文 VIP");
    assertThat(pop.findElement(By.id("pop-vip")).isDisplayed()).isTrue();
    WebElement ticket = pop.findElement(By.cssSelector("#pop-tickets li"));
    assertThat(ticket.getText()).contains("印表機卡紙");
    assertThat(ticket.getAttribute("data-sla")).isIn("ok", "warning", "breached", "paused");
    // Knowledge-base answers for the open fault, on the pop itself.
    assertThat(pop.findElement(By.id("pop-kb")).getText()).contains("印表機卡紙怎麼辦");
    shot("desk-pop");

    time.advance(Duration.ofSeconds(2)); // answered
    wait.until(ExpectedConditions.textToBe(By.id("pop-status"), "已接聽")); // agent1 reads zh-TW
    find("pop-new-ticket").click();
    assertThat(find("ticket-title").getAttribute("value")).contains("陳大文 VIP");
    find("ticket-save").click();
    WebElement result =
        wait.until(
                ExpectedConditions.attributeToBeNotEmpty(find("ticket-result"), "data-ticket-id"))
            ? find("ticket-result")
            : null;
    long ticketId = Long.parseLong(result.getAttribute("data-ticket-id"));
    var saved = server.services().tickets().get(ticketId);
    assertThat(saved.customerId()).isEqualTo(vip.id());
    assertThat(saved.pbxLinkedid()).isEqualTo(call.linkedid());
    shot("desk-ticket");

    // The ticket view offers only the valid status changes; comments and the audit trail show.
    find("ticket-open").click();
    find("ticket-view");
    List<String> offered =
        browser.findElements(By.cssSelector("#ticket-actions .status-to")).stream()
            .map(b -> b.getAttribute("data-to"))
            .toList();
    var allowed =
        server.as("agent1").get("/api/v1/tickets/" + ticketId).body().get("allowedTransitions");
    List<String> expected = new java.util.ArrayList<>();
    allowed.forEach(n -> expected.add(n.asText()));
    assertThat(offered).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
    find("comment-body").sendKeys("客戶說 <b>很急</b>");
    find("comment-save").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("ticket-comments"), "客戶說 <b>很急</b>"));
    String target = offered.contains("OPEN") ? "OPEN" : offered.getFirst();
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(By.cssSelector("#ticket-actions [data-to='" + target + "']")).click();
              return true;
            });
    wait.until(ExpectedConditions.attributeToBe(By.id("ticket-status"), "data-status", target));
    // The history reads as a sentence in the agent's language, with names, not ids or enum names.
    assertThat(find("ticket-audit").getText()).contains("把狀態從「新建」改為").doesNotContain(target);
    long me = server.services().users().findCredentials("agent1").orElseThrow().user().id();
    click("ticket-take");
    wait.until(
        ExpectedConditions.attributeToBe(
            By.id("ticket-assignee"), "data-assignee", Long.toString(me)));
    assertThat(server.services().tickets().get(ticketId).assigneeId()).isEqualTo(me);
    // … and hand it to a colleague.
    long agent2 = server.services().users().findCredentials("agent2").orElseThrow().user().id();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#ticket-assign option[value='" + agent2 + "']")));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              new org.openqa.selenium.support.ui.Select(d.findElement(By.id("ticket-assign")))
                  .selectByValue(Long.toString(agent2));
              return true;
            });
    wait.until(
        ExpectedConditions.attributeToBe(
            By.id("ticket-assignee"), "data-assignee", Long.toString(agent2)));
    assertThat(server.services().tickets().get(ticketId).assigneeId()).isEqualTo(agent2);
    shot("ticket-view");

    // The saved ticket is on the customer's timeline.
    find("pop-open-customer").click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("customer-timeline"), saved.title()));
    time.advance(Duration.ofSeconds(20));
  }

  @Test
  void anAbandonedCallBecomesAFollowUpTheAgentCompletesWithANote() {
    Customer caller = customer("Follow Me", "0966111222");
    deskReady("agent1");
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0966111222", "", "support")
            .abandonedAfter(Duration.ofSeconds(3), "PJSIP/1001");
    time.advance(Duration.ofMillis(500));
    popFor(call);
    time.advance(Duration.ofSeconds(3));
    // The desk reloads its list when the server pushes the new follow-up.
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("followup-list"), "Follow Me"));
    long id = server.services().followUps().forCustomer(caller.id()).getFirst().id();
    WebElement item =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#followup-list li[data-followup='" + id + "']")));
    item.findElement(By.className("followup-note")).sendKeys("已回電,問題解決");
    item.findElement(By.className("followup-done")).click();
    wait.until(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("#followup-list li[data-followup='" + id + "']"), 0));
    var done = server.services().followUps().get(id);
    assertThat(done.status().name()).isEqualTo("DONE");
    assertThat(done.completionNote()).isEqualTo("已回電,問題解決");
  }

  @Test
  void unknownCallerCanBeCreatedAndAmbiguousShowsTheCandidates() {
    deskReady("agent1");
    CallHandle unknown =
        sim.calls()
            .inboundQueueCall("0977000111", "", "support")
            .abandonedAfter(Duration.ofSeconds(3), "PJSIP/1001");
    time.advance(Duration.ofMillis(500));
    WebElement pop = popFor(unknown);
    assertThat(pop.findElement(By.id("pop-name")).getText()).isEqualTo("未知來電");
    find("pop-identify").click();
    assertThat(find("new-phone").getAttribute("value")).isEqualTo("0977000111");
    find("new-name").sendKeys("林新客");
    find("new-save").click();
    wait.until(ExpectedConditions.textToBe(By.id("customer-name"), "林新客"));
    assertThat(server.services().customers().lookup("0977000111").result().name())
        .isEqualTo("KNOWN");
    // The pop now shows who called.
    wait.until(ExpectedConditions.textToBe(By.id("pop-name"), "林新客"));
    time.advance(Duration.ofSeconds(3));

    CallHandle shared =
        sim.calls()
            .inboundQueueCall("035550101", "", "support")
            .abandonedAfter(Duration.ofSeconds(3), "PJSIP/1001");
    time.advance(Duration.ofMillis(500));
    WebElement candidates = popFor(shared).findElement(By.id("pop-candidates"));
    assertThat(candidates.getText()).contains("Shared A").contains("Shared B");
    time.advance(Duration.ofSeconds(3));

    // A candidate opens the customer, who can be edited (optimistic version sent along).
    candidates.findElement(By.xpath(".//button[text()='Shared B']")).click();
    assertThat(find("customer-name").getText()).isEqualTo("Shared B");
    find("customer-edit").click();
    WebElement name = find("edit-name");
    name.clear();
    name.sendKeys("Shared B (辦公室)");
    find("edit-notes").sendKeys("只在上班時間聯絡");
    find("edit-save").click();
    wait.until(ExpectedConditions.textToBe(By.id("customer-name"), "Shared B (辦公室)"));
    long id = Long.parseLong(find("customer-view").getAttribute("data-customer-id"));
    var stored = server.services().customers().get(id);
    assertThat(stored.notes()).isEqualTo("只在上班時間聯絡");
    assertThat(stored.phones()).extracting(p -> p.e164()).containsExactly("+88635550101");
  }

  @Test
  void theKnowledgeBaseAnswersWhileTheAgentTypes() {
    deskReady("agent1");
    WebElement query = find("kb-query");
    query.sendKeys("paper jam");
    WebElement hit =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kb-results .kb-hit")));
    assertThat(hit.getText()).contains("Printer paper jam in tray 2");
    // Highlights are elements built from the snippet, not parsed HTML.
    assertThat(hit.findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
    String articleId = hit.getAttribute("data-article");
    hit.findElement(By.className("kb-helpful")).click();
    wait.until(ExpectedConditions.attributeContains(hit, "class", "rated"));
    var counts = server.as("supervisor1").get("/api/v1/kb/articles/" + articleId + "/feedback");
    assertThat(counts.body().toString()).contains("\"helpful\":1");
  }

  @Test
  void aTransferredCallPopsSayingWhoTransferredItFromWhichQueue() throws Exception {
    sim.pbx().addQueue("billing");
    sim.pbx().addMember("billing", "PJSIP/1002", "Agent Two");
    try {
      deskReady("agent2");
      CallHandle call =
          sim.calls()
              .inboundQueueCall("0223456789", "", "support")
              .answeredBy(
                  "PJSIP/1001", Duration.ofSeconds(1), Duration.ofSeconds(300), HangupBy.AGENT);
      sim.calls()
          .transferToQueue(call, "billing")
          .answeredBy("PJSIP/1002", Duration.ofSeconds(5), Duration.ofSeconds(30), HangupBy.AGENT);
      time.advance(Duration.ofSeconds(1));
      wait.until(
          d ->
              server.server().cti().agentState(kit.agent1).state()
                  == dev.callcenter.cti.live.AgentState.ON_CALL);

      var moved =
          server
              .as("agent1")
              .post("/api/v1/calls/current/transfer", java.util.Map.of("target", "billing"));
      assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
      time.advance(Duration.ofMillis(100)); // the caller joins billing, agent2's phone rings

      String agentOne =
          server.services().users().findCredentials("agent1").orElseThrow().user().displayName();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-transfer"), "轉接"));
      assertThat(popFor(call).findElement(By.id("pop-transfer")).getText())
          .isEqualTo("由 " + agentOne + "（support）轉接"); // agent2 reads zh-TW
      assertThat(find("pop").getText()).contains("billing");
      time.advance(Duration.ofSeconds(35));
    } finally {
      sim.pbx().removeMember("billing", "PJSIP/1002");
    }
  }

  @Test
  void aHostileCustomerNameIsShownAsText() {
    deskReady("agent1");
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0955666777", "", "support")
            .abandonedAfter(Duration.ofSeconds(3), "PJSIP/1001");
    time.advance(Duration.ofMillis(500));
    WebElement name = popFor(call).findElement(By.id("pop-name"));
    assertThat(name.getText())
        .isEqualTo("<img src=x onerror=alert(1)>\"><script>window.pwned=1</script>");
    assertThat(browser.findElements(By.cssSelector("#pop img, #pop script"))).isEmpty();
    assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
    assertThatThrownBy(() -> browser.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
    time.advance(Duration.ofSeconds(3));
  }

  @Test
  void pausingWithAReasonReachesThePbx() throws InterruptedException {
    deskReady("agent2");
    sim.actions().clear();
    new org.openqa.selenium.support.ui.Select(find("state-select")).selectByValue("paused");
    find("pause-reason").sendKeys("training");
    find("state-set").click();
    RecordedAction pause =
        sim.actions().awaitNamed("QueuePause", Duration.ofSeconds(5)).orElseThrow();
    assertThat(pause.header("Interface")).isEqualTo("PJSIP/1002");
    assertThat(pause.header("Reason")).isEqualTo("training");
    wait.until(ExpectedConditions.attributeToBe(By.id("agent-state"), "data-state", "paused"));
    new org.openqa.selenium.support.ui.Select(find("state-select")).selectByValue("available");
    find("state-set").click();
    wait.until(ExpectedConditions.attributeToBe(By.id("agent-state"), "data-state", "available"));
  }

  @Test
  void aDroppedConnectionComesBackWithTheRingingPop() {
    deskReady("agent1");
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0223456789", "", "support")
            .abandonedAfter(Duration.ofSeconds(30), "PJSIP/1001");
    time.advance(Duration.ofMillis(500));
    popFor(call);
    browser.executeScript(
        "document.getElementById('pop').hidden = true; window.ccDesk.live.drop();");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offline")));
    // Reconnected: the server sends the present, the ringing pop included.
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offline")));
    assertThat(popFor(call).findElement(By.id("pop-name")).getText()).isEqualTo("陳大文 VIP");
    time.advance(Duration.ofSeconds(30));
  }

  @Test
  void theWallboardShowsCallsWaitingAndAnswered() throws Exception {
    logIn("/wallboard.html", "supervisor1");
    WebElement row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#queue-table tr[data-queue='support']")));
    find("sla-table"); // tickets near or past their SLA (none in this fixture)
    int waitingBefore = Integer.parseInt(row.findElement(By.className("waiting")).getText());
    int answeredBefore = Integer.parseInt(row.findElement(By.className("answered")).getText());
    CallHandle call =
        sim.calls()
            .inboundQueueCall("0912000333", "", "support")
            .answeredBy("PJSIP/1002", Duration.ofSeconds(5), Duration.ofSeconds(5), HangupBy.AGENT);
    time.advance(Duration.ofMillis(500));
    wait.until(
        ExpectedConditions.textToBe(
            By.cssSelector("#queue-table tr[data-queue='support'] .waiting"),
            Integer.toString(waitingBefore + 1)));
    // Looked up on each try: the wallboard re-renders its tables on every message, which can also
    // happen between finding the row and reading its attribute.
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            ExpectedConditions.attributeToBe(
                By.cssSelector("#agent-table tr[data-agent='agent2']"), "data-state", "ringing"));
    shot("wallboard");
    time.advance(Duration.ofSeconds(5));
    wait.until(
        ExpectedConditions.textToBe(
            By.cssSelector("#queue-table tr[data-queue='support'] .waiting"),
            Integer.toString(waitingBefore)));
    wait.until(
        ExpectedConditions.textToBe(
            By.cssSelector("#queue-table tr[data-queue='support'] .answered"),
            Integer.toString(answeredBefore + 1)));
    time.advance(Duration.ofSeconds(5));
    assertThat(call.linkedid()).isNotBlank();
  }

  @Test
  void bothLanguagesRenderWithoutMissingKeys() {
    deskReady("agent1"); // zh-TW
    assertThat(browser.executeScript("return window.ccMissingKeys()")).asList().isEmpty();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("⟦");
    assertThat(find("logout").getText()).isEqualTo("登出");
    browser.manage().deleteAllCookies();
    server
        .services()
        .users()
        .upsert(
            "agent-en",
            "English Agent",
            server.services().passwords().hash(TestServer.PASSWORD),
            java.util.Set.of(dev.callcenter.helpdesk.user.Role.AGENT),
            "en");
    logIn("/", "agent-en");
    wait.until(ExpectedConditions.textToBe(By.id("logout"), "Log out"));
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("⟦");
  }

  @Test
  void aUserWhosePasswordWasResetMustChooseANewOneOnThePageFirst() {
    browser.manage().deleteAllCookies();
    var users = server.services().users();
    long id =
        users.upsert(
            "agent-reset",
            "Reset Agent",
            server.services().passwords().hash(TestServer.PASSWORD),
            java.util.Set.of(dev.callcenter.helpdesk.user.Role.AGENT),
            "zh-TW");
    users.setPassword(
        id,
        server.services().passwords().hash(TestServer.PASSWORD),
        true,
        java.time.Instant.parse("2026-12-01T00:00:00Z"));
    logIn("/", "agent-reset");

    find("current-password").sendKeys(TestServer.PASSWORD);
    find("new-password").sendKeys("qwerty123456");
    find("confirm-password").sendKeys("qwerty123456");
    click("password-submit");
    wait.until(ExpectedConditions.textToBe(By.id("password-error"), "這是常見密碼,請另選一個"));
    find("new-password").clear();
    find("confirm-password").clear();
    find("new-password").sendKeys("客服中心的密碼要夠長才安全");
    find("confirm-password").sendKeys("客服中心的密碼要夠長才安全");
    click("password-submit");

    wait.until(ExpectedConditions.textToBe(By.id("logout"), "登出"));
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("⟦");
  }

  @Test
  void anAdministratorCreatesAndDisablesAUserOnTheAdministrationPage() {
    browser.manage().deleteAllCookies();
    logIn("/admin.html", "admin1");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-user='agent1']")));
    assertThat(browser.executeScript("return window.ccMissingKeys()")).asList().isEmpty();

    find("new-username").sendKeys("newbie");
    find("new-display-name").sendKeys("新同事");
    browser.findElement(By.cssSelector("input[name='new-role'][value='AGENT']")).click();
    find("new-password").sendKeys("qwerty123456");
    click("create-user");
    wait.until(ExpectedConditions.textToBe(By.id("admin-status"), "這是常見密碼,請另選一個"));
    find("new-password").clear();
    find("new-password").sendKeys("一個夠長的臨時密碼給新同事用");
    click("create-user");
    By row = By.cssSelector("tr[data-user='newbie']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));
    assertThat(browser.findElement(row).getText()).contains("新同事", "待變更密碼");

    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(row)
                  .findElement(By.cssSelector("button[data-action='disable']"))
                  .click();
              return true;
            });
    wait.until(
        d -> d.findElement(row).findElement(By.cssSelector(".state-cell")).getText().equals("已停用"));
    assertThat(server.services().users().findCredentials("newbie").orElseThrow().user().active())
        .isFalse();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("⟦");
  }
}
