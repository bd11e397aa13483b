package dev.callcenter.helpdesk.dispatch.field;

import dev.callcenter.helpdesk.dispatch.DispatchStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a field action, stored with its key: a retry gets the same answer with {@code
 * replayed} set.
 *
 * @param recordId the labour, part-used or expense row it made; null for status steps
 * @param orderStatus the order's status right after the action
 */
public record FieldActionResult(
    UUID key,
    FieldActionType type,
    long orderId,
    DispatchStatus orderStatus,
    Long recordId,
    Instant occurredAt,
    Instant receivedAt,
    boolean replayed) {}
