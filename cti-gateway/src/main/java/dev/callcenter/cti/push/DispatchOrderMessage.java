package dev.callcenter.cti.push;

import dev.callcenter.helpdesk.dispatch.OrderChange;
import java.time.Instant;

/**
 * {@code dispatch-order}: a dispatch order was created, edited, scheduled, moved, pinned or moved
 * along its workflow; dispatchers' boards reload the day it concerns.
 */
@LiveMessage.Type("dispatch-order")
public record DispatchOrderMessage(Instant at, OrderChange data) implements LiveMessage {}
