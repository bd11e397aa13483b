import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.JavaFormatterOptions;
import com.google.googlejavaformat.java.RemoveUnusedImports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Formats or checks Java sources with google-java-format, run by the build on the JDK 25
 * toolchain (Maven itself may run on JDK 17, whose parser cannot read Java 25 syntax).
 *
 * <p>Usage: {@code java -cp gjf.jar FormatJava.java check|fix DIR...}
 */
public final class FormatJava {
  public static void main(String[] args) throws Exception {
    boolean fix = args[0].equals("fix");
    Formatter formatter = new Formatter(JavaFormatterOptions.defaultOptions());
    List<Path> unformatted = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      Path dir = Path.of(args[i]);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file, StandardCharsets.UTF_8);
          String formatted;
          try {
            formatted = formatter.formatSourceAndFixImports(RemoveUnusedImports.removeUnusedImports(source));
          } catch (Exception e) {
            System.err.println("[format] cannot parse " + file + ": " + e.getMessage());
            System.exit(2);
            return;
          }
          if (!formatted.equals(source)) {
            if (fix) {
              Files.writeString(file, formatted, StandardCharsets.UTF_8);
              System.out.println("[format] fixed " + file);
            } else {
              unformatted.add(file);
            }
          }
        }
      }
    }
    if (!unformatted.isEmpty()) {
      unformatted.forEach(f -> System.err.println("[format] not formatted: " + f));
      System.err.println("[format] run: bin/format");
      System.exit(1);
    }
  }
}
