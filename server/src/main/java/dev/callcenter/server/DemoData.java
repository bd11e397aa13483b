package dev.callcenter.server;

import dev.callcenter.helpdesk.assembly.Helpdesk;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.customer.CustomerDraft;
import dev.callcenter.helpdesk.customer.CustomerKind;
import dev.callcenter.helpdesk.customer.PhoneInput;
import dev.callcenter.helpdesk.customer.PhoneType;
import dev.callcenter.helpdesk.followup.FollowUpDraft;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.StatusChange;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketSource;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.helpdesk.user.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Seeds the demo: the five demo users (always reset to the demo password) and sample customers. */
final class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  /** The demo logins and what each may do. */
  static final Map<String, Set<Role>> USERS =
      Map.of(
          "agent1", Set.of(Role.AGENT),
          "agent2", Set.of(Role.AGENT),
          "supervisor1", Set.of(Role.SUPERVISOR),
          "tech1", Set.of(Role.TECHNICIAN),
          "admin1", Set.of(Role.ADMIN));

  private DemoData() {}

  /** Gives each demo agent their phone and the queue. */
  static void seedDevices(
      Helpdesk s, java.util.Map<String, String> devices, java.util.List<String> queues) {
    devices.forEach(
        (username, device) ->
            s.agentDevices()
                .assign(
                    s.users().findCredentials(username).orElseThrow().user().id(), device, queues));
  }

  static void seed(Helpdesk s, String password, Clock clock) {
    String hash = s.passwords().hash(password);
    USERS.forEach(
        (name, roles) ->
            s.users()
                .upsert(
                    name, displayName(name), hash, roles, name.equals("admin1") ? "en" : "zh-TW"));
    if (s.customers().lookup("02-2345-6789").result() != CallerLookup.Result.UNKNOWN) {
      return;
    }
    var company =
        s.customers()
            .create(
                draft(
                    CustomerKind.COMPANY,
                    "台灣精密電子股份有限公司",
                    null,
                    "zh-TW",
                    "02-2345-6789",
                    PhoneType.WORK,
                    "DEMO-C1",
                    "1200000"));
    var vip =
        s.customers()
            .create(
                draft(
                    CustomerKind.PERSON,
                    "陳志明",
                    company.id(),
                    "zh-TW",
                    "0912-345-678",
                    PhoneType.MOBILE,
                    "DEMO-P1",
                    "800000"));
    s.customers()
        .create(
            draft(
                CustomerKind.PERSON,
                "林美玲",
                null,
                "zh-TW",
                "0933-222-111",
                PhoneType.MOBILE,
                "DEMO-P2",
                "12000"));
    s.customers()
        .create(
            draft(
                CustomerKind.PERSON,
                "John Miller",
                null,
                "en",
                "+1 415 555 0134",
                PhoneType.MOBILE,
                "DEMO-P3",
                "5000"));
    s.customers()
        .create(
            draft(
                CustomerKind.PERSON,
                "王小華",
                null,
                "zh-CN",
                "+86 138 0013 8000",
                PhoneType.MOBILE,
                "DEMO-P4",
                "30000"));
    s.customers().recomputeTiers(new BigDecimal("0.80"));
    s.interactions()
        .record(
            new InteractionDraft(
                vip.id(),
                Channel.PHONE_IN,
                null,
                clock.instant().minus(Duration.ofDays(3)),
                clock.instant().minus(Duration.ofDays(3)).plusSeconds(240),
                "客戶反映印表機卡紙，已指導排除。",
                new CallDetails(
                    "1700000000.1",
                    "1700000000.1",
                    "support-zh",
                    "0912345678",
                    12,
                    5,
                    223,
                    0,
                    "16",
                    null,
                    "CALLER")),
            null);
    long agent1 = s.users().findCredentials("agent1").orElseThrow().user().id();
    var ticket =
        s.openTicket()
            .open(
                new TicketDraft(
                    TicketType.FAULT_REPORT,
                    "印表機 LX-300 第二紙匣卡紙",
                    "韌體更新後每天卡紙三到四次。",
                    Priority.HIGH,
                    vip.id(),
                    agent1,
                    null,
                    List.of("printer"),
                    TicketSource.PHONE,
                    null,
                    "LX-300",
                    "fw 2.1",
                    null),
                agent1);
    s.openTicket()
        .open(
            new TicketDraft(
                TicketType.COMPLAINT,
                "維修人員遲到兩小時",
                null,
                Priority.NORMAL,
                company.id(),
                null,
                null,
                List.of(),
                TicketSource.PHONE,
                null,
                null,
                null,
                clock.instant().plus(Duration.ofDays(2))),
            agent1);
    s.followUps()
        .create(
            new FollowUpDraft(
                "回電確認卡紙是否改善",
                "客戶希望上午聯絡",
                clock.instant().plus(Duration.ofHours(4)),
                agent1,
                null,
                vip.id(),
                ticket.id()),
            agent1);
    moreCustomers(s, agent1);
    log.info("Demo customers, tickets and a follow-up created");
  }

  /** People and companies enough to search, VIP and standard, with tickets in every state. */
  private static void moreCustomers(Helpdesk s, long agent1) {
    String[][] people = {
      {"COMPANY", "鴻遠物流有限公司", "02-2718-3300", "DEMO-C2", "950000"},
      {"COMPANY", "Harbor Coffee Roasters", "+886 2 2555 0102", "DEMO-C3", "64000"},
      {"COMPANY", "新竹晶創科技", "03-578-1200", "DEMO-C4", "2100000"},
      {"COMPANY", "美好牙醫診所", "04-2326-8899", "DEMO-C5", "88000"},
      {"PERSON", "張雅婷", "0921-456-789", "DEMO-P5", "9000"},
      {"PERSON", "李建宏", "0952-111-222", "DEMO-P6", "15000"},
      {"PERSON", "黃淑芬", "0988-765-432", "DEMO-P7", "4000"},
      {"PERSON", "吳俊傑", "0910-300-400", "DEMO-P8", "310000"},
      {"PERSON", "蔡佩珊", "0937-555-666", "DEMO-P9", "7000"},
      {"PERSON", "Emily Chen", "+886 975 123 987", "DEMO-P10", "26000"},
      {"PERSON", "劉家豪", "07-335-6677", "DEMO-P11", "3000"},
      {"PERSON", "楊子晴", "0966-808-909", "DEMO-P12", "11000"},
      {"PERSON", "許文龍", "0911-123-321", "DEMO-P13", "450000"},
      {"PERSON", "鄭欣怡", "0926-246-810", "DEMO-P14", "2500"},
      {"PERSON", "David Lin", "+65 9123 4567", "DEMO-P15", "18000"},
      {"PERSON", "謝明哲", "0958-369-147", "DEMO-P16", "6000"},
      {"PERSON", "郭怡君", "02-8792-1234", "DEMO-P17", "8000"},
      {"PERSON", "洪志偉", "0975-888-777", "DEMO-P18", "52000"},
      {"PERSON", "曾美惠", "0919-020-304", "DEMO-P19", "1500"},
      {"PERSON", "Sarah Wu", "+1 206 555 0188", "DEMO-P20", "14000"},
    };
    java.util.List<Long> ids = new java.util.ArrayList<>();
    for (String[] p : people) {
      ids.add(
          s.customers()
              .create(
                  draft(
                      CustomerKind.valueOf(p[0]),
                      p[1],
                      null,
                      p[1].matches(".*[A-Za-z].*") ? "en" : "zh-TW",
                      p[2],
                      p[0].equals("COMPANY") ? PhoneType.WORK : PhoneType.MOBILE,
                      p[3],
                      p[4]))
              .id());
    }
    s.customers().recomputeTiers(new BigDecimal("0.80"));
    Object[][] tickets = {
      {TicketType.FAULT_REPORT, "RT-500 無法上網,WAN 燈橘色", Priority.URGENT, 0, null},
      {TicketType.QUESTION, "詢問 NAS-2 保固期限", Priority.LOW, 4, TicketStatus.OPEN},
      {TicketType.SERVICE_REQUEST, "申請加裝 Mesh 延伸器", Priority.NORMAL, 5, TicketStatus.OPEN},
      {TicketType.FAULT_REPORT, "POS-700 刷卡連線逾時", Priority.HIGH, 3, TicketStatus.OPEN},
      {
        TicketType.QUESTION,
        "Portal login locked after password change",
        Priority.NORMAL,
        9,
        TicketStatus.PENDING_CUSTOMER
      },
      {TicketType.FAULT_REPORT, "UPS-1K 持續嗶聲", Priority.NORMAL, 7, TicketStatus.RESOLVED},
      {TicketType.QUESTION, "LX-300 掃描寄信 SMTP 錯誤", Priority.LOW, 12, TicketStatus.CLOSED},
      {TicketType.FAULT_REPORT, "新竹廠區印表機全部離線", Priority.HIGH, 2, null},
    };
    for (Object[] t : tickets) {
      var ticket =
          s.openTicket()
              .open(
                  new TicketDraft(
                      (TicketType) t[0],
                      (String) t[1],
                      null,
                      (Priority) t[2],
                      ids.get((Integer) t[3]),
                      t[4] == null ? null : agent1,
                      null,
                      List.of(),
                      TicketSource.PHONE,
                      null,
                      null,
                      null,
                      null),
                  agent1);
      TicketStatus target = (TicketStatus) t[4];
      if (target == null) {
        continue;
      }
      // Through the workflow's own steps, so the audit trail and SLA clocks are real.
      for (TicketStatus step : pathTo(target)) {
        String resolution = step == TicketStatus.RESOLVED ? "已依知識庫文章指導客戶排除" : null;
        s.changeTicketStatus()
            .change(ticket.id(), new StatusChange(step, resolution, null), agent1);
      }
    }
  }

  private static List<TicketStatus> pathTo(TicketStatus target) {
    return switch (target) {
      case OPEN -> List.of(TicketStatus.OPEN);
      case PENDING_CUSTOMER -> List.of(TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER);
      case RESOLVED -> List.of(TicketStatus.OPEN, TicketStatus.RESOLVED);
      case CLOSED -> List.of(TicketStatus.OPEN, TicketStatus.RESOLVED, TicketStatus.CLOSED);
      case NEW -> List.of();
    };
  }

  /**
   * Fault-resolution articles in zh-TW and en for the demo's products (resource {@code
   * demo/kb-articles.jsonl}), so search and the pop's suggestions have something to show. Importing
   * again changes nothing: the lines carry external ids.
   */
  static void seedKnowledge(dev.callcenter.kb.library.KnowledgeBaseService kb) {
    try (var in = DemoData.class.getResourceAsStream("/demo/kb-articles.jsonl");
        var reader =
            new java.io.BufferedReader(
                new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
      var report = kb.importJsonLines(reader, null);
      log.info("Demo knowledge base: {}", report);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static CustomerDraft draft(
      CustomerKind kind,
      String name,
      Long companyId,
      String language,
      String phone,
      PhoneType type,
      String ref,
      String value) {
    return new CustomerDraft(
        kind,
        name,
        companyId,
        language,
        List.of(new PhoneInput(type, phone)),
        List.of(),
        null,
        null,
        Map.of(),
        new BigDecimal(value),
        ref,
        null);
  }

  private static String displayName(String username) {
    return switch (username) {
      case "agent1" -> "Agent One 王小明";
      case "agent2" -> "Agent Two 李小美";
      case "supervisor1" -> "Supervisor 張主任";
      case "tech1" -> "Technician 陳師傅";
      default -> "Administrator";
    };
  }
}
