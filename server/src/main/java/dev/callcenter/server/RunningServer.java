package dev.callcenter.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcenter.kb.article.ImportReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A call-center server already running on this data, as the kb commands reach it: found by its
 * health route, logged in as a manager, importing through background import jobs (the file sent in
 * pieces that fit the server's request-body limit) and exporting through the export route.
 */
final class RunningServer {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Longest the server holds a progress request open waiting for the job to end. */
  private static final int PROGRESS_WAIT_MS = 500;

  private final HttpClient http;
  private final URI base;
  private final String token;

  private RunningServer(HttpClient http, URI base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }

  /**
   * The server to use: {@code explicit} when given (it must answer), else the configured HTTP port
   * on this machine when a call-center server answers its health route there, else null.
   */
  static URI find(URI explicit, ServerConfig cfg) {
    if (explicit != null) {
      if (!answers(explicit)) {
        throw new IllegalStateException("no call-center server answers at " + explicit);
      }
      return explicit;
    }
    String host = cfg.http().host();
    if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    }
    URI local = URI.create("http://" + host + ":" + cfg.http().port());
    return answers(local) ? local : null;
  }

  private static boolean answers(URI base) {
    try {
      HttpResponse<String> r =
          client()
              .send(
                  HttpRequest.newBuilder(base.resolve("/api/v1/health"))
                      .timeout(Duration.ofSeconds(3))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      // 503 is a server whose database is down: still the one holding the data.
      return (r.statusCode() == 200 || r.statusCode() == 503)
          && JSON.readTree(r.body()).has("status");
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return false;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Logs in; the user must be a supervisor or an admin to import. */
  static RunningServer logIn(URI base, String user, char[] password) throws IOException {
    HttpClient http = client();
    String body =
        JSON.writeValueAsString(Map.of("username", user, "password", new String(password)));
    JsonNode answer =
        send(
            http,
            HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            200);
    return new RunningServer(http, base, answer.path("token").asText());
  }

  private static JsonNode send(HttpClient http, HttpRequest request, int expected)
      throws IOException {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri().getPath()
                + ": "
                + r.statusCode()
                + " "
                + r.body());
      }
      return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofMinutes(2));
  }

  /**
   * Imports the file as consecutive import jobs of at most the server's body limit each (in file
   * order, each finished before the next starts) and adds up their reports; line numbers are the
   * file's.
   */
  ImportReport importFile(Path file, long maxBodyBytes, ImportProgressBar bar) throws IOException {
    long limit = Math.max(1024, Math.min(maxBodyBytes - 1024, 8L << 20));
    Totals totals = new Totals();
    StringBuilder piece = new StringBuilder();
    int pieceFirstLine = 1;
    int number = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        long bytes = line.getBytes(StandardCharsets.UTF_8).length + 1L;
        if (bytes > limit) {
          totals.errors.add(
              new ImportReport.LineError(
                  number, "longer than the server's request limit (http.max-body-bytes)"));
          line = "";
        }
        if (piece.length() > 0 && (long) piece.length() * 3 + bytes > limit) {
          // Chars × 3 bounds the UTF-8 size without encoding the piece again.
          runJob(piece.toString(), pieceFirstLine - 1, totals, bar);
          piece.setLength(0);
          pieceFirstLine = number;
        }
        piece.append(line).append('\n');
      }
    }
    if (piece.length() > 0) {
      runJob(piece.toString(), pieceFirstLine - 1, totals, bar);
    }
    totals.errors.sort(java.util.Comparator.comparingInt(ImportReport.LineError::line));
    return new ImportReport(
        totals.created, totals.updated, totals.unchanged, totals.errors, number, false);
  }

  private static final class Totals {
    int created;
    int updated;
    int unchanged;
    final List<ImportReport.LineError> errors = new ArrayList<>();
  }

  private void runJob(String lines, int offset, Totals totals, ImportProgressBar bar)
      throws IOException {
    JsonNode job =
        send(
            http,
            request("/api/v1/kb/import-jobs")
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines))
                .build(),
            202);
    String id = job.path("id").asText();
    while (job.path("finishedAt").isNull() || job.path("finishedAt").isMissingNode()) {
      // The server answers when the job ends or after the wait: progress without a busy loop.
      job =
          send(
              http,
              request("/api/v1/kb/import-jobs/" + id + "?wait=" + PROGRESS_WAIT_MS).GET().build(),
              200);
      bar.show(offset + job.at("/report/linesRead").asInt(), false);
    }
    JsonNode report = job.path("report");
    totals.created += report.path("created").asInt();
    totals.updated += report.path("updated").asInt();
    totals.unchanged += report.path("unchanged").asInt();
    report
        .path("errors")
        .forEach(
            e ->
                totals.errors.add(
                    new ImportReport.LineError(
                        offset + e.path("line").asInt(), e.path("message").asText())));
    if (!job.path("state").asText().equals("DONE")) {
      throw new IllegalStateException(
          "import job "
              + id
              + " ended "
              + job.path("state").asText()
              + " at line "
              + (offset + report.path("linesRead").asInt())
              + ": "
              + job.path("failure").asText(""));
    }
  }

  /** Writes the server's export to the file; returns how many articles. */
  int exportTo(Path file) throws IOException {
    try {
      HttpResponse<Path> r =
          http.send(
              request("/api/v1/kb/export").GET().build(), HttpResponse.BodyHandlers.ofFile(file));
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET /api/v1/kb/export: " + r.statusCode());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return (int) lines.filter(l -> !l.isBlank()).count();
    }
  }
}
