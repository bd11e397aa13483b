package dev.callcenter.cti.pop;

import dev.callcenter.cti.push.LiveMessage;

/**
 * Delivers messages to people, not to sockets: to every open screen of a user (none when they are
 * not connected), or to every supervisor. Must not block.
 */
public interface AgentNotifier {
  void toUser(long userId, LiveMessage message);

  void toSupervisors(LiveMessage message);
}
