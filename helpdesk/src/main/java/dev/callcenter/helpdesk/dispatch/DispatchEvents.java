package dev.callcenter.helpdesk.dispatch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever subscribed (the server pushes it to the dispatchers' boards) of each committed
 * change to a dispatch order. Listeners run on the changing thread and must not block; one that
 * fails is logged and the others still hear the change.
 */
public final class DispatchEvents implements Consumer<OrderChange> {

  private static final Logger log = LoggerFactory.getLogger(DispatchEvents.class);

  private final List<Consumer<OrderChange>> listeners = new CopyOnWriteArrayList<>();

  public void subscribe(Consumer<OrderChange> listener) {
    listeners.add(listener);
  }

  @Override
  public void accept(OrderChange change) {
    for (Consumer<OrderChange> l : listeners) {
      try {
        l.accept(change);
      } catch (RuntimeException e) {
        log.warn("A dispatch listener failed on order {}", change.orderId(), e);
      }
    }
  }
}
