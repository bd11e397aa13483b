package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.server.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiContractTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void openApiDocumentsExactlyTheRoutesTheServerServes() throws Exception {
    Set<String> documented = OpenApiRoutes.keys();
    Set<String> served = new TreeSet<>();
    for (Route route : server.server().api().router().getRoutes()) {
      if (route.getPath() == null || route.methods() == null) {
        continue;
      }
      for (HttpMethod m : route.methods()) {
        served.add(m.name() + " " + route.getPath().replaceAll(":([a-zA-Z]+)", "{$1}"));
      }
    }

    assertThat(served).isNotEmpty();
    assertThat(documented).isEqualTo(served);
  }
}
