package dev.callcenter.server.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Records for the field-work tests, made over the API as a dispatcher would: technicians with a
 * van, parts in it, customers with equipment, tickets and orders scheduled on a technician.
 */
public final class FieldKit {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final TestServer server;
  public final ApiClient admin;
  public final ApiClient agent;

  public FieldKit(TestServer server) {
    this.server = server;
    this.admin = server.as("admin1");
    this.agent = server.as("agent1");
  }

  public static long created(ApiClient.Response r) {
    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  public long userId(String username) {
    for (JsonNode u : admin.get("/api/v1/admin/users").body().get("items")) {
      if (u.get("username").asText().equals(username)) {
        return u.get("id").asLong();
      }
    }
    throw new AssertionError("no user " + username);
  }

  /** A new technician account (password {@code field-temporary-42}, to be changed). */
  public String newTechnicianAccount() {
    String username = "fieldtech-" + SEQUENCE.incrementAndGet();
    created(
        admin.post(
            "/api/v1/admin/users",
            Map.of(
                "username",
                username,
                "roles",
                List.of("TECHNICIAN"),
                "temporaryPassword",
                "field-temporary-42")));
    return username;
  }

  /** Gives {@code username} a technician profile working every day 00:00–23:59; their id. */
  public long technician(String username) {
    long id = userId(username);
    List<Map<String, Object>> hours = new ArrayList<>();
    for (String day :
        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
      hours.add(Map.of("weekday", day, "starts", "00:00", "ends", "23:59"));
    }
    ApiClient.Response profile =
        admin.put(
            "/api/v1/dispatch/technicians/" + id,
            Map.of("skills", List.of("hvac"), "homeLat", 25.03, "homeLon", 121.52, "hours", hours));
    assertThat(profile.status()).as(profile.body().toString()).isEqualTo(200);
    return id;
  }

  public long van(long technician) {
    return admin
        .get("/api/v1/dispatch/technicians/" + technician)
        .body()
        .get("vanLocationId")
        .asLong();
  }

  /** A part with {@code quantity} units in the technician's van. */
  public long partInVan(long technician, boolean serialized, int quantity, String unitCost) {
    long part =
        created(
            admin.post(
                "/api/v1/dispatch/parts",
                Map.of(
                    "number",
                    "FW-" + SEQUENCE.incrementAndGet(),
                    "name",
                    serialized ? "壓縮機" : "濾網",
                    "unitCost",
                    new java.math.BigDecimal(unitCost),
                    "serialized",
                    serialized)));
    long warehouse =
        created(
            admin.post(
                "/api/v1/dispatch/stock/locations",
                Map.of("name", "倉庫 " + SEQUENCE.incrementAndGet())));
    assertThat(
            admin
                .post(
                    "/api/v1/dispatch/stock/receipts",
                    Map.of("locationId", warehouse, "partId", part, "quantity", quantity))
                .status())
        .isEqualTo(201);
    assertThat(
            admin
                .post(
                    "/api/v1/dispatch/stock/transfers",
                    Map.of(
                        "fromLocationId",
                        warehouse,
                        "toLocationId",
                        van(technician),
                        "partId",
                        part,
                        "quantity",
                        quantity))
                .status())
        .isEqualTo(201);
    return part;
  }

  public int onHand(long location, long part) {
    JsonNode level =
        admin
            .get("/api/v1/dispatch/stock/levels?locationId=" + location + "&partId=" + part)
            .body();
    return level.at("/items/0/onHand").asInt();
  }

  public long customer(String name, String phone) {
    return created(
        admin.post(
            "/api/v1/customers", Map.of("name", name, "phones", List.of(Map.of("number", phone)))));
  }

  public long equipment(long customer, String product) {
    return created(
        admin.post(
            "/api/v1/dispatch/equipment",
            Map.of(
                "customerId",
                customer,
                "product",
                product,
                "serialNumber",
                "SN-" + SEQUENCE.incrementAndGet())));
  }

  /** A fault ticket taken by agent1. */
  public long ticket(long customer, String title) {
    long ticket =
        created(
            agent.post(
                "/api/v1/tickets",
                Map.of(
                    "type",
                    "FAULT_REPORT",
                    "title",
                    title,
                    "description",
                    "室內機滴水,冷氣不冷",
                    "customerId",
                    customer)));
    ApiClient.Response take =
        agent.put(
            "/api/v1/tickets/" + ticket + "/assignee", Map.of("assigneeId", userId("agent1")));
    assertThat(take.status()).as(take.body().toString()).isLessThan(300);
    return ticket;
  }

  /** An order for the ticket scheduled on the technician, window [start, start + 2 h). */
  /**
   * A visit start later today in Taipei, the day the technician's route and "my day" show: in an
   * hour, or now when in an hour is already tomorrow there (between 23:00 and midnight).
   */
  public static Instant soon() {
    java.time.ZoneId taipei = java.time.ZoneId.of("Asia/Taipei");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant inAnHour = now.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    return java.time.LocalDate.ofInstant(inAnHour, taipei)
            .equals(java.time.LocalDate.ofInstant(now, taipei))
        ? inAnHour
        : now;
  }

  public long scheduled(long ticket, Long equipment, long technician, Instant start) {
    Map<String, Object> body = new HashMap<>();
    body.put("ticketId", ticket);
    body.put("siteAddress", "台北市信義區松高路 " + SEQUENCE.incrementAndGet() + " 號");
    body.put("lat", 25.04);
    body.put("lon", 121.56);
    body.put("requiredSkills", List.of("hvac"));
    body.put("durationMinutes", 60);
    body.put("windowStart", start.toString());
    body.put("windowEnd", start.plus(2, ChronoUnit.HOURS).toString());
    if (equipment != null) {
      body.put("equipmentId", equipment);
    }
    long id = created(agent.post("/api/v1/dispatch/orders", body));
    ApiClient.Response r =
        admin.post(
            "/api/v1/dispatch/orders/" + id + "/schedule",
            Map.of("technicianId", technician, "start", start.toString()));
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    return id;
  }

  /** An action body: key, type and time, plus {@code fields}. */
  public static Map<String, Object> action(UUID key, String type, Object... fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key.toString());
    body.put("type", type);
    body.put("at", Instant.now().toString());
    for (int i = 0; i < fields.length; i += 2) {
      body.put((String) fields[i], fields[i + 1]);
    }
    return body;
  }

  public static ApiClient.Response act(ApiClient who, long order, String type, Object... fields) {
    return who.post(
        "/api/v1/dispatch/orders/" + order + "/actions", action(UUID.randomUUID(), type, fields));
  }

  /** POSTs raw bytes as {@code contentType}; returns the status and body. */
  public ApiClient.Response upload(
      ApiClient who, long order, UUID key, String kind, byte[] bytes, String contentType) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      server.baseUrl()
                          + "/api/v1/dispatch/orders/"
                          + order
                          + "/attachments?key="
                          + key
                          + "&kind="
                          + kind))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + who.token())
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
              .build();
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(r.body().isEmpty() ? "null" : r.body());
      return new ApiClient.Response(r.statusCode(), body, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A generated image (a receipt-like picture) in {@code format} ("png" or "jpg"). */
  public static byte[] image(int width, int height, String format) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    for (int y = 10; y < height; y += 14) {
      g.drawLine(10, y, width - 10 - (y * 7) % 40, y);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
