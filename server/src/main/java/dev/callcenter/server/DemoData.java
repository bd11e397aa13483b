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
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketSource;
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
    log.info("Demo customers, tickets and a follow-up created");
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
