package dev.callcenter.ui.ws;

import dev.callcenter.cti.pop.AgentNotifier;
import dev.callcenter.cti.push.LiveMessage;
import dev.callcenter.ui.auth.SessionSockets;
import io.vertx.core.http.ServerWebSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open WebSockets of this node, by user: a message for an agent goes to each of their open
 * screens and to nobody else; supervisors' screens also get the wallboard messages. A screen that
 * cannot keep up (its write queue is full) is closed; on reconnecting it gets the present again.
 */
public final class EventHub implements AgentNotifier, SessionSockets {
  private static final Logger log = LoggerFactory.getLogger(EventHub.class);

  private final Map<Long, Set<ServerWebSocket>> byUser = new ConcurrentHashMap<>();
  private final Set<ServerWebSocket> supervisors = ConcurrentHashMap.newKeySet();

  /** The session token each socket was opened with. */
  private final Map<ServerWebSocket, String> tokens = new ConcurrentHashMap<>();

  /** Close code for a socket whose login session ended; the page goes back to the login. */
  static final short SESSION_ENDED = 4401;

  void add(long userId, boolean supervisor, String token, ServerWebSocket socket) {
    tokens.put(socket, token);
    byUser.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(socket);
    if (supervisor) {
      supervisors.add(socket);
    }
  }

  void remove(long userId, ServerWebSocket socket) {
    byUser.computeIfPresent(
        userId,
        (k, sockets) -> {
          sockets.remove(socket);
          return sockets.isEmpty() ? null : sockets;
        });
    supervisors.remove(socket);
    tokens.remove(socket);
  }

  /** Closes the sockets opened with {@code token}: its session has ended (logout). */
  @Override
  public void sessionEnded(String token) {
    tokens.forEach(
        (socket, t) -> {
          if (t.equals(token)) {
            socket.close(SESSION_ENDED, "session ended");
          }
        });
  }

  /**
   * Closes every socket of the user but those of {@code keepToken} (may be null): their sessions
   * were revoked (disabled, new roles, new password).
   */
  @Override
  public void userSessionsEnded(long userId, String keepToken) {
    Set<ServerWebSocket> open = byUser.get(userId);
    if (open == null) {
      return;
    }
    for (ServerWebSocket socket : java.util.List.copyOf(open)) {
      if (keepToken == null || !keepToken.equals(tokens.get(socket))) {
        socket.close(SESSION_ENDED, "session ended");
      }
    }
  }

  /**
   * Closes every socket whose session is no longer valid (expired, logged out on another node); run
   * it periodically off the event loop.
   */
  public void revalidate(java.util.function.Predicate<String> valid) {
    Map<String, Boolean> checked = new java.util.HashMap<>();
    tokens.forEach(
        (socket, token) -> {
          if (!checked.computeIfAbsent(token, valid::test)) {
            socket.close(SESSION_ENDED, "session ended");
          }
        });
  }

  @Override
  public void toUser(long userId, LiveMessage message) {
    Set<ServerWebSocket> sockets = byUser.get(userId);
    if (sockets == null || sockets.isEmpty()) {
      return;
    }
    String text = LiveMessageCodec.encode(message);
    sockets.forEach(s -> write(s, text));
  }

  @Override
  public void toSupervisors(LiveMessage message) {
    if (supervisors.isEmpty()) {
      return;
    }
    String text = LiveMessageCodec.encode(message);
    supervisors.forEach(s -> write(s, text));
  }

  /** Sends one message to one screen (its hello, the present, a pong). */
  void send(ServerWebSocket socket, LiveMessage message) {
    write(socket, LiveMessageCodec.encode(message));
  }

  void write(ServerWebSocket socket, String text) {
    if (socket.isClosed()) {
      return;
    }
    if (socket.writeQueueFull()) {
      log.warn("Closing a WebSocket that does not keep up; it will reconnect and resync");
      socket.close((short) 1013, "too slow");
      return;
    }
    socket.writeTextMessage(text);
  }
}
