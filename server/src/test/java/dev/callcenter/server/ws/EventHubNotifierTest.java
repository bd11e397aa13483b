package dev.callcenter.server.ws;

import dev.callcenter.cti.pop.AgentNotifier;
import dev.callcenter.server.TestServer;
import dev.callcenter.server.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** This node's WebSocket hub passes the notifier contract through a whole server. */
class EventHubNotifierTest implements AgentNotifierContract {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  public AgentNotifier notifier() {
    return server.server().notifier();
  }

  @Override
  public WsClient screenOf(String username) {
    try {
      WsClient screen = WsClient.connect(server.baseUrl(), server.as(username).token());
      // Registered on the hub before the server's greeting is sent.
      screen.await("hello");
      return screen;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long userId(String username) {
    return server.services().users().findCredentials(username).orElseThrow().user().id();
  }
}
