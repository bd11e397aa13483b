package dev.callcenter.helpdesk.dispatch.field;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One action a technician's phone sends, under the idempotency key it generated when the technician
 * tapped; the fields besides key, type and time belong to some types only (checked by {@link
 * FieldWork}).
 *
 * @param key generated on the phone (a UUID); a retry carries the same key
 * @param at when the technician did it, on the phone's clock (offline work arrives later)
 * @param lat the phone's position when the browser gave it, optional, with {@code lon}
 * @param accuracy metres, as the browser reported it
 * @param minutes LABOUR_ENTERED: the hours worked, in minutes
 * @param serialNumbers PART_USED: one per unit for serialised parts
 * @param receiptKey EXPENSE: the key of the receipt photo uploaded before, optional
 * @param resolution NOTES and COMPLETED: what was done
 * @param signerName SIGNATURE: who signed
 * @param signatureKey SIGNATURE: the key of the signature image uploaded before
 * @param reason CANNOT_COMPLETE: why not
 */
public record FieldAction(
    String key,
    FieldActionType type,
    Instant at,
    Double lat,
    Double lon,
    Double accuracy,
    Integer minutes,
    Long partId,
    Integer quantity,
    List<String> serialNumbers,
    ExpenseType expenseType,
    BigDecimal amount,
    String currency,
    String note,
    String receiptKey,
    String resolution,
    String signerName,
    String signatureKey,
    String reason) {

  public static final int MAX_TEXT = 5000;

  public FieldAction {
    key = uuid("key", Fields.notNull("key", key));
    receiptKey = receiptKey == null ? null : uuid("receiptKey", receiptKey);
    signatureKey = signatureKey == null ? null : uuid("signatureKey", signatureKey);
    Fields.notNull("type", type);
    Fields.inRange("at", Fields.notNull("at", at));
    if ((lat == null) != (lon == null)) {
      throw new ValidationException("lat", "give lat and lon together, or neither");
    }
    if (lat != null && (lat < -90 || lat > 90 || lat.isNaN())) {
      throw new ValidationException("lat", "must be from -90 to 90");
    }
    if (lon != null && (lon < -180 || lon > 180 || lon.isNaN())) {
      throw new ValidationException("lon", "must be from -180 to 180");
    }
    if (accuracy != null && (accuracy < 0 || accuracy.isNaN() || accuracy.isInfinite())) {
      throw new ValidationException("accuracy", "must be a distance in metres");
    }
    if (minutes != null && (minutes < 1 || minutes > 1440)) {
      throw new ValidationException("minutes", "must be from 1 to 1440");
    }
    if (partId != null) {
      Fields.positive("partId", partId);
    }
    if (quantity != null && (quantity < 1 || quantity > 10_000)) {
      throw new ValidationException("quantity", "must be from 1 to 10000");
    }
    if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0)) {
      throw new ValidationException("amount", "must be from 0 to 1000000");
    }
    serialNumbers =
        serialNumbers == null
            ? List.of()
            : Fields.maxSize("serialNumbers", serialNumbers, 100).stream()
                .map(s -> Fields.required("serialNumbers", s, 100))
                .toList();
    currency = Fields.optional("currency", currency, 3);
    note = Fields.optional("note", note, MAX_TEXT);
    resolution = Fields.optional("resolution", resolution, MAX_TEXT);
    signerName = Fields.optional("signerName", signerName, 200);
    reason = Fields.optional("reason", reason, 2000);
    // A field the type does not take is refused, not ignored: the phone sent something it meant.
    onlyFor("minutes", minutes, type, FieldActionType.LABOUR_ENTERED);
    onlyFor("partId", partId, type, FieldActionType.PART_USED);
    onlyFor("quantity", quantity, type, FieldActionType.PART_USED);
    onlyFor(
        "serialNumbers",
        serialNumbers.isEmpty() ? null : serialNumbers,
        type,
        FieldActionType.PART_USED);
    onlyFor("expenseType", expenseType, type, FieldActionType.EXPENSE);
    onlyFor("amount", amount, type, FieldActionType.EXPENSE);
    onlyFor("currency", currency, type, FieldActionType.EXPENSE);
    onlyFor("note", note, type, FieldActionType.EXPENSE);
    onlyFor("receiptKey", receiptKey, type, FieldActionType.EXPENSE);
    onlyFor("resolution", resolution, type, FieldActionType.NOTES, FieldActionType.COMPLETED);
    onlyFor("signerName", signerName, type, FieldActionType.SIGNATURE);
    onlyFor("signatureKey", signatureKey, type, FieldActionType.SIGNATURE);
    onlyFor("reason", reason, type, FieldActionType.CANNOT_COMPLETE);
  }

  private static final java.math.BigDecimal MAX_AMOUNT = new java.math.BigDecimal("1000000");

  private static void onlyFor(
      String field, Object value, FieldActionType type, FieldActionType... takers) {
    if (value != null && !java.util.Arrays.asList(takers).contains(type)) {
      throw new ValidationException(field, "is not taken by " + type);
    }
  }

  /** The idempotency key. */
  public UUID keyId() {
    return UUID.fromString(key);
  }

  public UUID receiptKeyId() {
    return receiptKey == null ? null : UUID.fromString(receiptKey);
  }

  public UUID signatureKeyId() {
    return signatureKey == null ? null : UUID.fromString(signatureKey);
  }

  /** Keys are checked here, after every field has been read, so a bad field is named first. */
  private static String uuid(String field, String value) {
    try {
      return UUID.fromString(value.strip()).toString();
    } catch (IllegalArgumentException e) {
      throw new ValidationException(field, "must be a UUID made on the phone");
    }
  }

  /** A status step or a note-less action, for tests and the IVR. */
  public static FieldAction of(UUID key, FieldActionType type, Instant at) {
    return new FieldAction(
        key.toString(),
        type,
        at,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
