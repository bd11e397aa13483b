package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

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
            + "\" }\nkb.models.enabled = false\n");
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
}
