package dev.callcenter.server.field;

import static dev.callcenter.server.field.FieldKit.act;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stored signature and receipt images over real HTTP (ADR 0025): served as themselves, never
 * sniffed or cached, to the order's technician and dispatchers; agents are refused, and another
 * technician's, another order's or a missing image is a 404.
 */
class FieldAttachmentApiTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

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

  private static HttpResponse<byte[]> image(ApiClient who, long order, long attachment)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(
                URI.create(
                    server.baseUrl()
                        + "/api/v1/dispatch/orders/"
                        + order
                        + "/attachments/"
                        + attachment))
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (who != null) {
      r.header("Authorization", "Bearer " + who.token());
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theSignatureAndReceiptAreServedToTheTechnicianAndDispatchersOnly() throws Exception {
    long customer = kit.customer("王小明", "0966-123-456");
    long order = kit.scheduled(kit.ticket(customer, "熱水器不熱"), null, techId, FieldKit.soon());
    assertThat(act(tech, order, "ARRIVED").status()).isEqualTo(201);
    byte[] signature = FieldKit.image(300, 120, "png");
    UUID signatureKey = UUID.randomUUID();
    long signatureId =
        kit.upload(tech, order, signatureKey, "SIGNATURE", signature, "image/png")
            .body()
            .get("id")
            .asLong();
    assertThat(
            act(
                    tech,
                    order,
                    "SIGNATURE",
                    "signerName",
                    "王小明",
                    "signatureKey",
                    signatureKey.toString())
                .status())
        .isEqualTo(201);
    byte[] receipt = FieldKit.image(200, 160, "jpg");
    long receiptId =
        kit.upload(tech, order, UUID.randomUUID(), "RECEIPT", receipt, "image/jpeg")
            .body()
            .get("id")
            .asLong();

    HttpResponse<byte[]> own = image(tech, order, signatureId);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).isEqualTo(signature);
    assertThat(own.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(own.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(own.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    HttpResponse<byte[]> photo = image(kit.admin, order, receiptId);
    assertThat(photo.statusCode()).isEqualTo(200);
    assertThat(photo.body()).isEqualTo(receipt);
    assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(image(server.as("supervisor1"), order, signatureId).statusCode()).isEqualTo(200);

    assertThat(image(kit.agent, order, signatureId).statusCode()).isEqualTo(403);
    assertThat(image(null, order, signatureId).statusCode()).isEqualTo(401);
    assertThat(image(kit.admin, order, receiptId + 1000).statusCode()).isEqualTo(404);

    // The same image under another order's id, and an order that went to a colleague: 404.
    long other = kit.scheduled(kit.ticket(customer, "另一張單"), null, techId, FieldKit.soon());
    assertThat(image(kit.admin, other, signatureId).statusCode()).isEqualTo(404);
    long colleague = kit.technician(kit.newTechnicianAccount());
    long theirs = kit.scheduled(kit.ticket(customer, "同事的單"), null, colleague, FieldKit.soon());
    assertThat(act(kit.admin, theirs, "ARRIVED").status()).isEqualTo(201);
    long theirImage =
        kit.upload(
                kit.admin,
                theirs,
                UUID.randomUUID(),
                "RECEIPT",
                FieldKit.image(50, 50, "png"),
                "image/png")
            .body()
            .get("id")
            .asLong();
    HttpResponse<byte[]> notMine = image(tech, theirs, theirImage);
    assertThat(notMine.statusCode()).isEqualTo(404);
    assertThat(new String(notMine.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"code\":\"attachment_not_found\"");
  }
}
