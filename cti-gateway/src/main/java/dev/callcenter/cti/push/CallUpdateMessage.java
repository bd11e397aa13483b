package dev.callcenter.cti.push;

import java.time.Instant;
import java.util.Locale;

/** {@code call-update}: the call of an agent's pop changed. */
@LiveMessage.Type("call-update")
public record CallUpdateMessage(Instant at, CallUpdateMessage.Data data) implements LiveMessage {

  /**
   * @param interactionId the phone interaction created for the agent, when {@code answered}
   * @param onAnswer what to open, when {@code answered}
   */
  public record Data(String callId, State state, Long interactionId, ScreenPop.OnAnswer onAnswer) {

    public Data(String callId, State state) {
      this(callId, state, null, null);
    }
  }

  /** What happened to the call. */
  public enum State {
    /** This agent answered. */
    ANSWERED,
    /** The ringing stopped: another agent answered. */
    ANSWERED_ELSEWHERE,
    /** The ringing stopped: the phone rang out. */
    NO_ANSWER,
    /** The ringing stopped: the caller hung up while waiting. */
    ABANDONED,
    /** The ringing stopped: the call was hung up otherwise. */
    HUNG_UP,
    /** The call this agent took is over. */
    ENDED;

    /** The JSON name: {@code answered-elsewhere}, {@code no-answer}… */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a JSON name. */
    public static State fromWire(String name) {
      for (State s : values()) {
        if (s.wireName().equals(name)) {
          return s;
        }
      }
      throw new IllegalArgumentException("Unknown call-update state: " + name);
    }
  }
}
