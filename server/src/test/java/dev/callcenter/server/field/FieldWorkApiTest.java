package dev.callcenter.server.field;

import static dev.callcenter.server.field.FieldKit.act;
import static dev.callcenter.server.field.FieldKit.action;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The technician's work over real HTTP (issue 15): a visit from en-route to the customer's
 * signature, the ticket resolved with a satisfaction call and a KB draft, actions replayed under
 * the same key changing nothing, conflicts with stable codes, checked uploads, and the technician's
 * narrow view.
 */
class FieldWorkApiTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  private static TestServer server;
  private static FieldKit kit;
  private static ApiClient tech;
  private static long techId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    kit = new FieldKit(server);
    techId = kit.technician("tech1");
    tech = server.as("tech1");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aVisitFromEnRouteToSignatureResolvesTheTicketAndAsksForARatingAndADraft() {
    long customer = kit.customer("林美玲", "0933-111-222");
    long unit = kit.equipment(customer, "分離式冷氣 RX-40");
    long ticket = kit.ticket(customer, "冷氣滴水");
    long serialPart = kit.partInVan(techId, true, 2, "1800.00");
    long filter = kit.partInVan(techId, false, 5, "120.50");
    long order = kit.scheduled(ticket, unit, techId, FieldKit.soon());

    JsonNode day = tech.get("/api/v1/dispatch/my-day?day=" + LocalDate.now(TAIPEI)).body();
    JsonNode sheet = null;
    for (JsonNode s : day.get("items")) {
      if (s.at("/order/id").asLong() == order) {
        sheet = s;
      }
    }
    assertThat(sheet).as(day.toString()).isNotNull();
    assertThat(sheet.at("/customer/name").asText()).isEqualTo("林美玲");
    assertThat(sheet.at("/customer/phones/0").asText()).isEqualTo("0933-111-222");
    assertThat(sheet.at("/ticket/description").asText()).contains("滴水");
    assertThat(sheet.at("/equipment/product").asText()).isEqualTo("分離式冷氣 RX-40");

    assertThat(act(tech, order, "EN_ROUTE").body().get("orderStatus").asText())
        .isEqualTo("EN_ROUTE");
    ApiClient.Response arrived = act(tech, order, "ARRIVED", "lat", 25.041, "lon", 121.565);
    assertThat(arrived.status()).as(arrived.body().toString()).isEqualTo(201);
    assertThat(arrived.body().get("orderStatus").asText()).isEqualTo("ON_SITE");
    assertThat(act(tech, order, "STARTED").status()).isEqualTo(201);
    String twentyMinutesAgo = Instant.now().minus(20, ChronoUnit.MINUTES).toString();
    assertThat(act(tech, order, "LABOUR_START", "at", twentyMinutesAgo).status()).isEqualTo(201);
    assertThat(act(tech, order, "LABOUR_START").errorCode()).isEqualTo("labour_running");
    assertThat(act(tech, order, "LABOUR_STOP").status()).isEqualTo(201);
    assertThat(act(tech, order, "LABOUR_ENTERED", "minutes", 30).status()).isEqualTo(201);

    ApiClient.Response noSerial =
        act(tech, order, "PART_USED", "partId", serialPart, "quantity", 1);
    assertThat(noSerial.status()).isEqualTo(400);
    assertThat(noSerial.errorField()).isEqualTo("serialNumbers");
    ApiClient.Response part =
        act(
            tech,
            order,
            "PART_USED",
            "partId",
            serialPart,
            "quantity",
            1,
            "serialNumbers",
            List.of("CMP-2026-0042"));
    assertThat(part.status()).as(part.body().toString()).isEqualTo(201);
    assertThat(act(tech, order, "PART_USED", "partId", filter, "quantity", 2).status())
        .isEqualTo(201);
    assertThat(kit.onHand(kit.van(techId), serialPart)).isEqualTo(1);
    assertThat(kit.onHand(kit.van(techId), filter)).isEqualTo(3);

    UUID receiptKey = UUID.randomUUID();
    ApiClient.Response receipt =
        kit.upload(
            tech, order, receiptKey, "RECEIPT", FieldKit.image(640, 480, "jpg"), "image/jpeg");
    assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
    assertThat(receipt.body().get("width").asInt()).isEqualTo(640);
    assertThat(receipt.body().get("height").asInt()).isEqualTo(480);
    ApiClient.Response expense =
        act(
            tech,
            order,
            "EXPENSE",
            "expenseType",
            "PARKING",
            "amount",
            60,
            "currency",
            "TWD",
            "note",
            "路邊停車",
            "receiptKey",
            receiptKey.toString());
    assertThat(expense.status()).as(expense.body().toString()).isEqualTo(201);

    UUID signatureKey = UUID.randomUUID();
    assertThat(
            kit.upload(
                    tech,
                    order,
                    signatureKey,
                    "SIGNATURE",
                    FieldKit.image(300, 120, "png"),
                    "image/png")
                .status())
        .isEqualTo(201);
    assertThat(
            act(
                    tech,
                    order,
                    "SIGNATURE",
                    "signerName",
                    "林美玲",
                    "signatureKey",
                    signatureKey.toString())
                .status())
        .isEqualTo(201);
    assertThat(act(tech, order, "COMPLETED").errorField()).isEqualTo("resolution");
    ApiClient.Response done = act(tech, order, "COMPLETED", "resolution", "更換壓縮機與濾網,排水管疏通");
    assertThat(done.status()).as(done.body().toString()).isEqualTo(201);
    assertThat(done.body().get("orderStatus").asText()).isEqualTo("COMPLETED");

    JsonNode t = kit.agent.get("/api/v1/tickets/" + ticket).body();
    assertThat(t.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(t.get("resolution").asText()).isEqualTo("更換壓縮機與濾網,排水管疏通");

    JsonNode after = tech.get("/api/v1/dispatch/orders/" + order + "/sheet").body();
    JsonNode closeOut = after.get("closeOut");
    assertThat(closeOut.get("ticketResolved").asBoolean()).isTrue();
    assertThat(closeOut.get("signerName").asText()).isEqualTo("林美玲");
    assertThat(closeOut.get("signatureId").isNumber()).isTrue();
    long survey = closeOut.get("surveyFollowUpId").asLong();
    JsonNode followUp = kit.agent.get("/api/v1/follow-ups/" + survey).body();
    assertThat(followUp.get("kind").asText()).isEqualTo("VISIT_SURVEY_CALL");
    assertThat(followUp.at("/params/orderId").asLong()).isEqualTo(order);
    assertThat(followUp.get("ownerId").asLong()).isEqualTo(kit.userId("agent1"));
    assertThat(followUp.get("ticketId").asLong()).isEqualTo(ticket);
    long draft = closeOut.get("kbArticleId").asLong();
    JsonNode article = kit.agent.get("/api/v1/kb/articles/" + draft).body();
    assertThat(article.get("status").asText()).as(article.toString()).isEqualTo("DRAFT");
    assertThat(article.toString()).contains("更換壓縮機與濾網");

    assertThat(after.get("labour")).hasSize(2);
    assertThat(after.at("/costs/labourMinutes").asInt()).isBetween(50, 51);
    assertThat(after.at("/costs/partsCost").decimalValue())
        .isEqualByComparingTo(new java.math.BigDecimal("2041.00"));
    assertThat(after.at("/costs/expenses/TWD").decimalValue())
        .isEqualByComparingTo(new java.math.BigDecimal("60"));
    assertThat(after.at("/parts/0/serialNumbers/0").asText()).isEqualTo("CMP-2026-0042");
    List<String> steps = new ArrayList<>();
    after.get("steps").forEach(s -> steps.add(s.get("type").asText()));
    assertThat(steps).startsWith("EN_ROUTE", "ARRIVED", "STARTED").endsWith("COMPLETED");
    assertThat(after.at("/steps/1/lat").asDouble()).isEqualTo(25.041);
  }

  @Test
  void aTicketWithAnotherVisitToComeStaysOpenWhenTheFirstCompletes() {
    long customer = kit.customer("陳志明", "0911-000-111");
    long ticket = kit.ticket(customer, "熱水器不熱");
    long first = kit.scheduled(ticket, null, techId, FieldKit.soon());
    kit.scheduled(ticket, null, techId, FieldKit.soon().plus(1, ChronoUnit.DAYS));

    act(tech, first, "ARRIVED");
    assertThat(act(tech, first, "COMPLETED", "resolution", "診斷完成,需訂零件").status()).isEqualTo(201);

    assertThat(kit.agent.get("/api/v1/tickets/" + ticket).body().get("status").asText())
        .isNotEqualTo("RESOLVED");
    JsonNode closeOut =
        tech.get("/api/v1/dispatch/orders/" + first + "/sheet").body().get("closeOut");
    assertThat(closeOut.get("ticketResolved").asBoolean()).isFalse();
    assertThat(closeOut.path("surveyFollowUpId").isMissingNode()).isTrue();
  }

  @Test
  void theSameKeyReplayedReturnsTheFirstAnswerAndChangesNothing() {
    long customer = kit.customer("王小華", "0922-333-444");
    long order = kit.scheduled(kit.ticket(customer, "洗衣機漏水"), null, techId, FieldKit.soon());
    long filter = kit.partInVan(techId, false, 3, "99.00");
    act(tech, order, "ARRIVED");

    Map<String, Object> hours = action(UUID.randomUUID(), "LABOUR_ENTERED", "minutes", 45);
    ApiClient.Response first = tech.post("/api/v1/dispatch/orders/" + order + "/actions", hours);
    ApiClient.Response again = tech.post("/api/v1/dispatch/orders/" + order + "/actions", hours);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("replayed").asBoolean()).isTrue();
    assertThat(again.body().get("recordId").asLong())
        .isEqualTo(first.body().get("recordId").asLong());

    Map<String, Object> used = action(UUID.randomUUID(), "PART_USED", "partId", filter);
    assertThat(tech.post("/api/v1/dispatch/orders/" + order + "/actions", used).status())
        .isEqualTo(201);
    assertThat(tech.post("/api/v1/dispatch/orders/" + order + "/actions", used).status())
        .isEqualTo(200);

    JsonNode sheet = tech.get("/api/v1/dispatch/orders/" + order + "/sheet").body();
    assertThat(sheet.get("labour")).hasSize(1);
    assertThat(sheet.at("/costs/labourMinutes").asInt()).isEqualTo(45);
    assertThat(sheet.get("parts")).hasSize(1);
    assertThat(kit.onHand(kit.van(techId), filter)).isEqualTo(2);

    Map<String, Object> sameKeyOtherType =
        action(UUID.fromString((String) hours.get("key")), "STARTED");
    ApiClient.Response reused =
        tech.post("/api/v1/dispatch/orders/" + order + "/actions", sameKeyOtherType);
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.errorCode()).isEqualTo("idempotency_key_reused");

    UUID image = UUID.randomUUID();
    byte[] png = FieldKit.image(100, 100, "png");
    long a = kit.upload(tech, order, image, "RECEIPT", png, "image/png").body().get("id").asLong();
    ApiClient.Response b = kit.upload(tech, order, image, "RECEIPT", png, "image/png");
    assertThat(b.body().get("id").asLong()).isEqualTo(a);
  }

  @Test
  void anOrderReassignedOrCancelledMeanwhileIsAConflictWithAStableCode() {
    long colleague = kit.technician(kit.newTechnicianAccount());
    long customer = kit.customer("張大同", "0955-666-777");
    long moved = kit.scheduled(kit.ticket(customer, "冰箱不冷"), null, techId, FieldKit.soon());
    long cancelled = kit.scheduled(kit.ticket(customer, "烤箱壞了"), null, techId, FieldKit.soon());
    long never = kit.scheduled(kit.ticket(customer, "除濕機"), null, colleague, FieldKit.soon());

    assertThat(
            kit.admin
                .post(
                    "/api/v1/dispatch/orders/" + moved + "/schedule",
                    Map.of("technicianId", colleague, "start", FieldKit.soon().toString()))
                .status())
        .isEqualTo(200);
    ApiClient.Response onMoved = act(tech, moved, "EN_ROUTE");
    assertThat(onMoved.status()).isEqualTo(409);
    assertThat(onMoved.errorCode()).isEqualTo("dispatch_order_reassigned");

    assertThat(
            kit.admin
                .post(
                    "/api/v1/dispatch/orders/" + cancelled + "/status",
                    Map.of("status", "CANCELLED", "reason", "客戶取消"))
                .status())
        .isEqualTo(200);
    ApiClient.Response onCancelled = act(tech, cancelled, "EN_ROUTE");
    assertThat(onCancelled.status()).isEqualTo(409);
    assertThat(onCancelled.errorCode()).isEqualTo("dispatch_order_cancelled");

    ApiClient.Response onNever = act(tech, never, "EN_ROUTE");
    assertThat(onNever.status()).isEqualTo(404);
    assertThat(tech.get("/api/v1/dispatch/orders/" + never + "/sheet").status()).isEqualTo(404);
    assertThat(tech.get("/api/v1/dispatch/orders/" + never + "/kb-suggestions").status())
        .isEqualTo(404);
    assertThat(tech.get("/api/v1/customers/" + customer).status()).isEqualTo(403);
    assertThat(
            kit.upload(
                    tech,
                    never,
                    UUID.randomUUID(),
                    "RECEIPT",
                    FieldKit.image(10, 10, "png"),
                    "image/png")
                .status())
        .isEqualTo(404);
  }

  @Test
  void cannotCompleteSendsTheOrderBackToTheDispatcherAndALateArrivalAsksForACall() {
    long customer = kit.customer("李四", "0966-777-888");
    long order = kit.scheduled(kit.ticket(customer, "抽油煙機"), null, techId, FieldKit.soon());
    act(tech, order, "ARRIVED");

    ApiClient.Response noReason = act(tech, order, "CANNOT_COMPLETE");
    assertThat(noReason.errorField()).isEqualTo("reason");
    ApiClient.Response failed = act(tech, order, "CANNOT_COMPLETE", "reason", "缺少馬達,需再訪");
    assertThat(failed.body().get("orderStatus").asText()).isEqualTo("CANNOT_COMPLETE");
    long followUp =
        tech.get("/api/v1/dispatch/orders/" + order + "/sheet")
            .body()
            .at("/closeOut/dispatcherFollowUpId")
            .asLong();
    JsonNode f = kit.admin.get("/api/v1/follow-ups/" + followUp).body();
    assertThat(f.get("ownerId").asLong()).isEqualTo(kit.userId("admin1"));
    assertThat(f.get("kind").asText()).isEqualTo("VISIT_NOT_COMPLETED");
    assertThat(f.at("/params/orderId").asLong()).isEqualTo(order);
    assertThat(f.at("/params/reason").asText()).isEqualTo("缺少馬達,需再訪");

    Instant pastWindow = Instant.now().minus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    long late = kit.scheduled(kit.ticket(customer, "遲到"), null, techId, pastWindow);
    act(tech, late, "ARRIVED");
    JsonNode closeOut =
        tech.get("/api/v1/dispatch/orders/" + late + "/sheet").body().get("closeOut");
    long call = closeOut.get("lateFollowUpId").asLong();
    JsonNode lateCall = kit.agent.get("/api/v1/follow-ups/" + call).body();
    assertThat(lateCall.get("customerId").asLong()).isEqualTo(customer);
    assertThat(lateCall.get("kind").asText()).isEqualTo("VISIT_LATE");
    assertThat(Instant.parse(lateCall.at("/params/windowEnd").asText())).isAfter(pastWindow);
  }

  @Test
  void uploadsMustBeSmallImagesOfTheTypeTheySay() {
    long customer = kit.customer("趙六", "0977-888-999");
    long order = kit.scheduled(kit.ticket(customer, "電視"), null, techId, FieldKit.soon());
    byte[] png = FieldKit.image(50, 50, "png");

    ApiClient.Response lying =
        kit.upload(tech, order, UUID.randomUUID(), "RECEIPT", png, "image/jpeg");
    assertThat(lying.status()).isEqualTo(400);
    assertThat(lying.errorCode()).isEqualTo("attachment_not_image");
    ApiClient.Response text =
        kit.upload(tech, order, UUID.randomUUID(), "RECEIPT", "<svg/>".getBytes(), "image/svg+xml");
    assertThat(text.status()).isEqualTo(415);
    byte[] huge = new byte[3 * 1024 * 1024];
    System.arraycopy(png, 0, huge, 0, png.length);
    ApiClient.Response big =
        kit.upload(tech, order, UUID.randomUUID(), "RECEIPT", huge, "image/png");
    assertThat(big.errorCode()).isEqualTo("attachment_too_large");
    ApiClient.Response jpegSignature =
        kit.upload(
            tech,
            order,
            UUID.randomUUID(),
            "SIGNATURE",
            FieldKit.image(50, 50, "jpg"),
            "image/jpeg");
    assertThat(jpegSignature.status()).isEqualTo(400);
    ApiClient.Response badKey =
        tech.post(
            "/api/v1/dispatch/orders/" + order + "/actions",
            Map.of("key", "not-a-uuid", "type", "EN_ROUTE", "at", Instant.now().toString()));
    assertThat(badKey.status()).isEqualTo(400);
  }
}
