package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcenter.helpdesk.followup.CallbackDraft;
import dev.callcenter.helpdesk.followup.FollowUp;
import dev.callcenter.helpdesk.followup.FollowUpKind;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.interaction.InteractionEvent;
import dev.callcenter.helpdesk.ivr.IvrStep;
import dev.callcenter.helpdesk.ivr.IvrStepCode;
import dev.callcenter.helpdesk.ticket.CommentDraft;
import dev.callcenter.helpdesk.ticket.CommentVisibility;
import dev.callcenter.helpdesk.ticket.StatusChange;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.helpdesk.ticket.TicketUpdate;
import dev.callcenter.server.field.FieldKit;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * desk/story.js words a real customer timeline, an IVR path and a callback follow-up in zh-TW and
 * en: no English word outside user data in zh-TW, no Chinese character outside user data in en.
 */
class StoryLanguageBrowserTest {

  /** What people typed or configured (names, queues, products): allowed in either language. */
  private static final List<String> USER_DATA =
      List.of(
          "林美玲",
          "agent1",
          "support",
          "billing",
          "printers",
          "Fiber router",
          "印表機卡紙",
          "Printer jams",
          "客戶說明天再打來",
          "請附上照片",
          "Please send a photo",
          "0912000555",
          "tech1",
          "冷氣不冷",
          "清洗濾網");

  private static TestServer server;
  private static long customer;
  private static String ivrJson;
  private static String followUpJson;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeInstalled();
    server = TestServer.start();
    var s = server.services();
    customer = server.customer("林美玲", "0912000555", "zh-TW").id();
    long agent = s.users().findCredentials("agent1").orElseThrow().user().id();
    CallDetails missed =
        new CallDetails(
            "1.1", "1.1", "support", "0912000555", 42, null, null, null, null, null, null);
    s.interactions()
        .recordEvent(
            new InteractionDraft(customer, Channel.PHONE_IN, null, null, null, null, missed),
            null,
            InteractionEvent.ABANDONED,
            Map.of());
    CallDetails talked =
        new CallDetails("2.1", "2.1", "billing", "0912000555", 5, 3, 95, 0, null, null, null);
    s.interactions()
        .recordEvent(
            new InteractionDraft(customer, Channel.PHONE_IN, null, null, null, null, talked),
            agent,
            InteractionEvent.ANSWERED,
            Map.of("transferredFromName", "agent1", "transferredFromQueue", "support"));
    s.interactions()
        .recordEvent(
            new InteractionDraft(customer, Channel.PHONE_IN, null, null, null, null, talked),
            null,
            InteractionEvent.IVR,
            Map.of("outcome", "AGENT"));
    s.interactions()
        .record(
            new InteractionDraft(customer, Channel.NOTE, null, null, null, "客戶說明天再打來", null),
            agent);
    Ticket ticket =
        s.tickets().create(TicketDraft.of(TicketType.FAULT_REPORT, "印表機卡紙", customer, null), agent);
    s.tickets().comment(ticket.id(), new CommentDraft(CommentVisibility.PUBLIC, "請附上照片"), agent);
    s.tickets()
        .comment(
            ticket.id(),
            new CommentDraft(CommentVisibility.INTERNAL, "Please send a photo"),
            agent);
    Ticket current = s.tickets().get(ticket.id());
    s.tickets()
        .update(ticket.id(), TicketUpdate.of(current).withAssignee(agent, "printers"), agent);
    s.workflow().changeStatus(ticket.id(), StatusChange.to(TicketStatus.OPEN), agent);
    FollowUp callback =
        s.followUps()
            .createCallback(
                new CallbackDraft(
                    FollowUpKind.CALLBACK_MISSED_CALL,
                    Map.of(
                        "callId",
                        "1.1",
                        "missed",
                        "ABANDONED",
                        "waitSeconds",
                        "42",
                        "queue",
                        "support",
                        "number",
                        "0912000555"),
                    Instant.now().plus(Duration.ofMinutes(30)),
                    agent,
                    "support",
                    customer,
                    null));
    // A technician visit done for them before: their service history in the customer view.
    FieldKit field = new FieldKit(server);
    long tech = field.technician("tech1");
    long visit =
        field.scheduled(
            field.ticket(customer, "冷氣不冷"),
            null,
            tech,
            Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES));
    ApiClient technician = server.as("tech1");
    FieldKit.act(technician, visit, "ARRIVED");
    FieldKit.act(technician, visit, "LABOUR_ENTERED", "minutes", 45);
    FieldKit.act(
        technician, visit, "EXPENSE", "expenseType", "PARKING", "amount", 200, "currency", "TWD");
    assertThat(FieldKit.act(technician, visit, "COMPLETED", "resolution", "清洗濾網").status())
        .isEqualTo(201);
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    followUpJson = json.writeValueAsString(callback);
    Instant at = Instant.parse("2026-12-01T02:00:00Z");
    ivrJson =
        json.writeValueAsString(
            Map.of(
                "steps",
                List.of(
                    new IvrStep(
                        at,
                        "identify",
                        null,
                        IvrStepCode.KNOWN_BY_NUMBER,
                        Map.of("customerId", Long.toString(customer))),
                    new IvrStep(
                        at,
                        "language",
                        null,
                        IvrStepCode.LANGUAGE_PREFERRED,
                        Map.of("language", "zh-TW")),
                    new IvrStep(at, "main", "7", IvrStepCode.INVALID, Map.of()),
                    new IvrStep(
                        at, "main", "2", IvrStepCode.CHOSE, Map.of("value", "report-fault")),
                    new IvrStep(
                        at, "product", "1", IvrStepCode.CHOSE, Map.of("value", "Fiber router")),
                    new IvrStep(at, "serial", null, IvrStepCode.SKIPPED, Map.of()),
                    new IvrStep(
                        at,
                        "report-fault",
                        null,
                        IvrStepCode.FAULT_REPORTED,
                        Map.of("ticketId", Long.toString(ticket.id()), "product", "Fiber router")),
                    new IvrStep(
                        at,
                        "agent",
                        null,
                        IvrStepCode.TO_AGENT,
                        Map.of("reason", "ASKED", "queue", "support", "priority", "10")))));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void zhTwShowsNoEnglishOutsideUserData() {
    String text = render("zh-TW");
    assertThat(text).contains("林美玲").contains("佇列").contains("印表機卡紙");
    assertThat(text).contains("到府次數:1").contains("工時 0.75 小時").contains("$200.00");
    assertThat(withoutUserData(text)).doesNotContainPattern("[A-Za-z]{2,}");
  }

  @Test
  void enShowsNoChineseOutsideUserData() {
    String text = render("en");
    assertThat(text).contains("Call back").contains("answered a call in queue billing");
    assertThat(text).contains("Visits: 1").contains("Labour 0.75 h").contains("NT$200.00");
    assertThat(withoutUserData(text)).doesNotContainPattern("\\p{IsHan}");
  }

  /**
   * Logs in on the desk, opens the customer's view and reads its service history, then renders the
   * timeline, the IVR path and the callback in `language`.
   */
  private String render(String language) {
    try (Browser window = Browser.open(server, 1400, 900, language)) {
      window.logIn("/", "agent1");
      window.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agent-state")));
      window.driver.executeAsyncScript(
          """
          const [customer, language, done] = arguments;
          Promise.all([import('/js/i18n.js'), import('/js/desk/customers.js')])
            .then(async ([i18n, customers]) => {
              i18n.setLanguage(language);
              await customers.customerView(customer);
              done();
            })
            .catch((e) => { document.body.textContent = 'FAILED ' + e; done(); });
          """,
          customer,
          language);
      String history =
          window
              .wait
              .until(
                  ExpectedConditions.presenceOfElementLocated(
                      By.cssSelector("#service-history li[data-outcome='COMPLETED']")))
              .findElement(By.xpath("ancestor::div[@id='service-history']"))
              .getText();
      window.assertAccessible("the customer view with its service history");
      window.shot("service-history-" + language);
      window.driver.executeAsyncScript(
          """
          const [customer, ivr, followUp, language, done] = arguments;
          Promise.all([import('/js/i18n.js'), import('/js/desk/story.js')]).then(async ([i18n, story]) => {
            i18n.setLanguage(language);
            const r = await fetch('/api/v1/customers/' + customer + '/timeline?limit=50');
            const items = (await r.json()).items;
            const out = document.createElement('section');
            out.id = 'story-under-test';
            const list = document.createElement('ul');
            for (const e of items) {
              const li = document.createElement('li');
              li.textContent = story.timelineText(e);
              list.append(li);
            }
            const f = document.createElement('p');
            f.textContent = story.followUpText(followUp) + ' / ' + story.followUpDetail(followUp);
            out.append(list, story.ivrPath(ivr), f);
            document.body.replaceChildren(out);
            done();
          }).catch((e) => { document.body.textContent = 'FAILED ' + e; done(); });
          """,
          customer,
          parse(ivrJson),
          parse(followUpJson),
          language);
      String text = window.find("story-under-test").getText();
      window.shot("story-" + language);
      assertThat(history).contains("清洗濾網").contains("tech1");
      text = text + "\n" + history;
      assertThat(text).doesNotContain("⟦").doesNotContain("{").doesNotContain("FAILED");
      return text;
    }
  }

  private static Object parse(String jsonText) {
    try {
      return new ObjectMapper().readValue(jsonText, Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String withoutUserData(String text) {
    String rest = text;
    for (String data : USER_DATA) {
      rest = rest.replace(data, "");
    }
    return rest;
  }
}
