package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.db.DatabaseConfig;
import dev.callcenter.helpdesk.testing.TestDatabase;
import dev.callcenter.helpdesk.user.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class AddUserCommandTest {

  @Test
  void firstAdministratorOfAnExternalDatabaseCanBeCreatedAndLogsIn(@TempDir Path dir)
      throws Exception {
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
            + "\" }\nhttp.port = 0\ndata-dir = \""
            + dir.resolve("data")
            + "\"\n");
    Path password = dir.resolve("pw");
    Files.writeString(password, "correct horse battery\n");

    int exit =
        new CommandLine(new Main())
            .execute(
                "add-user",
                "--config",
                conf.toString(),
                "--username",
                "boss",
                "--role",
                "ADMIN,SUPERVISOR",
                "--password-file",
                password.toString());

    assertThat(exit).isZero();
    String token;
    try (CallCenterServer server =
        new CallCenterServer(ServerConfig.load(conf, Map.of(), Map.of()), Clock.systemUTC())
            .start()) {
      ApiClient boss =
          ApiClient.anonymous("http://127.0.0.1:" + server.httpPort())
              .login("boss", "correct horse battery");
      var me = boss.get("/api/v1/auth/me").body().get("user");
      assertThat(me.get("roles").toString()).contains(Role.ADMIN.name(), Role.SUPERVISOR.name());
      token = boss.token();
    }

    // Re-running it with a lower role ends the sessions opened with the old one.
    Files.writeString(password, "another long passphrase\n");
    assertThat(
            new CommandLine(new Main())
                .execute(
                    "add-user",
                    "--config",
                    conf.toString(),
                    "--username",
                    "boss",
                    "--role",
                    "AGENT",
                    "--password-file",
                    password.toString()))
        .isZero();
    try (CallCenterServer server =
        new CallCenterServer(ServerConfig.load(conf, Map.of(), Map.of()), Clock.systemUTC())
            .start()) {
      String base = "http://127.0.0.1:" + server.httpPort();
      assertThat(
              ApiClient.anonymous(base)
                  .withHeader("Authorization", "Bearer " + token)
                  .get("/api/v1/auth/me")
                  .status())
          .isEqualTo(401);
      ApiClient again = ApiClient.anonymous(base).login("boss", "another long passphrase");
      assertThat(again.get("/api/v1/auth/me").body().at("/user/roles").toString())
          .isEqualTo("[\"AGENT\"]");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"short", "password1234", "qwerty123456"})
  void weakPasswordIsRefused(String weak, @TempDir Path dir) throws Exception {
    Path conf = dir.resolve("callcenter.conf");
    Files.writeString(conf, "database.mode = external\n");
    Path password = dir.resolve("pw");
    Files.writeString(password, weak + "\n");

    int exit =
        new CommandLine(new Main())
            .execute(
                "add-user",
                "--config",
                conf.toString(),
                "--username",
                "x",
                "--role",
                "AGENT",
                "--password-file",
                password.toString());

    assertThat(exit).isEqualTo(2);
  }
}
