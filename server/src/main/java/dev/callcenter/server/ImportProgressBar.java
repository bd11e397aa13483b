package dev.callcenter.server;

import dev.callcenter.kb.article.ImportReport;
import dev.callcenter.kb.library.ImportProgress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The import's progress on one terminal line: lines done of the file's total, a bar, the rate and
 * the time left at that rate. Redrawn at most ten times a second.
 */
final class ImportProgressBar implements ImportProgress {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final int total;
  private final long started = System.nanoTime();
  private long lastDrawn;

  ImportProgressBar(PrintStream out, int total) {
    this.out = out;
    this.total = total;
  }

  /** Lines in the file, for the total (a quick pass before the import). */
  static int countLines(Path file) throws IOException {
    int lines = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      while (in.readLine() != null) {
        lines++;
      }
    }
    return lines;
  }

  @Override
  public void batchDone(ImportReport soFar) {
    show(soFar.linesRead(), false);
  }

  @Override
  public boolean cancelled() {
    return false;
  }

  /** Shows {@code linesRead} lines done. */
  void show(int linesRead, boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDrawn < 100_000_000L) {
      return;
    }
    lastDrawn = now;
    out.print('\r' + line(linesRead, (now - started) / 1e9));
    out.flush();
  }

  /** Ends the bar's line with the final figures. */
  void done(ImportReport report) {
    show(report.linesRead(), true);
    out.println();
  }

  /** The bar's text after {@code seconds} with {@code done} lines read. */
  String line(int done, double seconds) {
    double share = total == 0 ? 1 : Math.min(1, done / (double) total);
    int filled = (int) Math.round(share * WIDTH);
    double rate = seconds > 0 ? done / seconds : 0;
    String eta = rate > 0 && done < total ? duration((total - done) / rate) : "0:00";
    return String.format(
        Locale.ROOT,
        "%,d / %,d lines [%s%s] %3d%%  %,.0f lines/s  ETA %s ",
        done,
        total,
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        Math.round(share * 100),
        rate,
        eta);
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
