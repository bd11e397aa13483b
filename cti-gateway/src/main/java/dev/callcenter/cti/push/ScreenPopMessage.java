package dev.callcenter.cti.push;

import java.time.Instant;
import java.util.Locale;

/**
 * {@code screen-pop}: the pop of a call, only to the agent whose phone rings; again as {@code
 * answered} when they reconnect during the call.
 */
@LiveMessage.Type("screen-pop")
public record ScreenPopMessage(Instant at, ScreenPopMessage.Data data) implements LiveMessage {

  /**
   * @param agentInterface the phone the pop is for
   * @param interactionId the phone interaction of the answered call, null while ringing
   * @param callId the pop's call
   */
  public record Data(
      State state, String agentInterface, Long interactionId, ScreenPop pop, String callId) {

    public Data(State state, String agentInterface, Long interactionId, ScreenPop pop) {
      this(state, agentInterface, interactionId, pop, pop.callId());
    }
  }

  /** Where the call stands for this agent. */
  public enum State {
    RINGING,
    ANSWERED;

    /** The JSON name: {@code ringing}, {@code answered}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
