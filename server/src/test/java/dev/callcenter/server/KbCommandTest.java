package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.helpdesk.db.DatabaseConfig;
import dev.callcenter.helpdesk.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KbCommandTest {

  @Test
  void importSkipsBadLinesAndExportWritesTheArticlesBack(@TempDir Path dir) throws Exception {
    DatabaseConfig db = TestDatabase.freshConfig();
    Path conf = dir.resolve("callcenter.conf");
    Files.writeString(
        conf,
        "database { mode = external, url = \""
            + db.jdbcUrl()
            + "\", user = \""
            + db.username()
            + "\", password = \""
            + db.password()
            + "\" }\nkb.models.enabled = false\ndata-dir = \""
            + dir.toString().replace("\\", "/")
            + "\"\nhttp.port = "
            + freePort()
            + "\n");
    Path in = dir.resolve("articles.jsonl");
    Files.writeString(
        in,
        "{\"id\":\"a1\",\"title\":\"Reset a voicemail PIN\",\"resolution\":\"Dial *98.\"}\n"
            + "not json\n"
            + "{\"id\":\"a2\",\"title\":\"打印机卡纸\",\"language\":\"zh-CN\"}\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("export.jsonl");

    int imported =
        new CommandLine(new Main())
            .execute("kb", "import", "--config", conf.toString(), in.toString());
    int exported =
        new CommandLine(new Main())
            .execute("kb", "export", "--config", conf.toString(), out.toString());

    assertThat(imported).as("bad lines make a non-zero exit").isEqualTo(1);
    assertThat(exported).isZero();
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
        .hasSize(2)
        .anyMatch(line -> line.contains("\"id\":\"a1\""))
        .anyMatch(line -> line.contains("打印机卡纸"));
  }

  /** A port nobody listens on: no running server is found there. */
  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void importNextToARunningServerGoesThroughItsApiSoItsIndexHasTheArticles(@TempDir Path dir)
      throws Exception {
    try (TestServer server = TestServer.start()) {
      Path conf = dir.resolve("callcenter.conf");
      // The server's port; a database nobody listens on: the command must not touch it.
      Files.writeString(
          conf,
          "http.port = "
              + server.server().httpPort()
              + "\ndatabase { mode = external, url = \"jdbc:postgresql://127.0.0.1:1/none\" }\n");
      Path password = dir.resolve("password");
      Files.writeString(password, TestServer.PASSWORD + "\n");
      StringBuilder lines = new StringBuilder();
      for (int n = 1; n <= 300; n++) {
        lines.append(
            n == 150
                ? "{\"id\":\"cli-150\",\"title\":\n"
                : "{\"id\":\"cli-%d\",\"title\":\"Dock %d flickers\",\"resolution\":\"Reseat it.\"}\n"
                    .formatted(n, n));
      }
      Path in = dir.resolve("articles.jsonl");
      Files.writeString(in, lines, StandardCharsets.UTF_8);

      int exit =
          new CommandLine(new Main())
              .execute(
                  "kb",
                  "import",
                  "--config",
                  conf.toString(),
                  "--user",
                  "supervisor1",
                  "--password-file",
                  password.toString(),
                  in.toString());

      assertThat(exit).as("the bad line makes a non-zero exit").isEqualTo(1);
      // Searchable at once through the running server: its own index took the import.
      JsonNode hits = server.as("agent1").get("/api/v1/kb/search?q=dock+299+flickers").body();
      assertThat(hits.at("/hits/0/externalId").asText()).isEqualTo("cli-299");
      long stored =
          server
              .as("supervisor1")
              .get("/api/v1/kb/export")
              .raw()
              .body()
              .lines()
              .filter(l -> l.contains("\"cli-"))
              .count();
      assertThat(stored).isEqualTo(299);

      Path out = dir.resolve("export.jsonl");
      int exported =
          new CommandLine(new Main())
              .execute(
                  "kb",
                  "export",
                  "--config",
                  conf.toString(),
                  "--user",
                  "supervisor1",
                  "--password-file",
                  password.toString(),
                  out.toString());
      assertThat(exported).isZero();
      assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSize(299);
    }
  }

  @Test
  void theProgressBarShowsCountRateAndTimeLeft() {
    ImportProgressBar bar = new ImportProgressBar(System.err, 100_000);

    String line = bar.line(25_000, 10);

    assertThat(line)
        .contains("25,000 / 100,000 lines")
        .contains(" 25%")
        .contains("2,500 lines/s")
        .contains("ETA 0:30");
  }
}
