package dev.callcenter.pbxsim.ami;

import java.util.function.Consumer;

/**
 * Answers the actions of a logged-in client that the session itself does not (everything but login,
 * ping, CoreSettings and logoff).
 */
@FunctionalInterface
public interface ActionHandler {

  /**
   * Handles one action; {@code reply} sends a packet to the asking client only (the response and
   * the events of a list), events for everyone go through the event sink.
   */
  void handle(AmiMessage action, Consumer<AmiMessage> reply);

  /** Answers every action as Asterisk answers an action it does not know. */
  ActionHandler UNKNOWN = (action, reply) -> reply.accept(unknown(action));

  static AmiMessage unknown(AmiMessage action) {
    return AmiMessage.error(action, "Invalid/unknown command");
  }
}
