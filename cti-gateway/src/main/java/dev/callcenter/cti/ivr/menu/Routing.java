package dev.callcenter.cti.ivr.menu;

import java.time.Duration;
import java.util.Map;

/**
 * Where callers who want a person go, and how callbacks are handed over.
 *
 * @param defaultQueue the queue when nothing more specific applies, and after any failure
 * @param queueByLanguage menu language → queue
 * @param queueByProduct product (a value of the {@code product} menu) → queue; wins over language
 * @param vipPriority {@code QUEUE_PRIO} for VIP customers (higher is answered first)
 * @param standardPriority {@code QUEUE_PRIO} for everyone else
 * @param callbackOwner username of the person who owns callback follow-ups
 * @param callbackDue how soon a callback is due after the request
 */
public record Routing(
    String defaultQueue,
    Map<String, String> queueByLanguage,
    Map<String, String> queueByProduct,
    int vipPriority,
    int standardPriority,
    String callbackOwner,
    Duration callbackDue,
    String faultTeam) {

  public Routing {
    queueByLanguage = Map.copyOf(queueByLanguage);
    queueByProduct = Map.copyOf(queueByProduct);
  }

  /** The queue for a caller served in {@code language} who chose {@code product} (or null). */
  public String queueFor(String language, String product) {
    if (product != null && queueByProduct.containsKey(product)) {
      return queueByProduct.get(product);
    }
    if (language != null && queueByLanguage.containsKey(language)) {
      return queueByLanguage.get(language);
    }
    return defaultQueue;
  }

  public int priorityFor(boolean vip) {
    return vip ? vipPriority : standardPriority;
  }
}
