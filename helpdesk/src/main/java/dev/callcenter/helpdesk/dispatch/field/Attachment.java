package dev.callcenter.helpdesk.dispatch.field;

import java.time.Instant;
import java.util.UUID;

/** A stored receipt photo or signature image (its bytes are read separately). */
public record Attachment(
    long id,
    UUID key,
    long orderId,
    Kind kind,
    String contentType,
    int sizeBytes,
    int width,
    int height,
    String sha256,
    long uploadedBy,
    Instant createdAt) {

  /** What the image is. */
  public enum Kind {
    RECEIPT,
    SIGNATURE
  }
}
