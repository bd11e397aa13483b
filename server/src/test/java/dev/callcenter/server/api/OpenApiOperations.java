package dev.callcenter.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The operations the OpenAPI file documents, as {@code METHOD /path} with {@code {param}}s. */
final class OpenApiOperations {

  private static final String SPEC = "/dev/callcenter/ui/openapi.yaml";

  private OpenApiOperations() {}

  /** Every documented operation, e.g. {@code GET /api/v1/customers/{id}}, sorted. */
  static Set<String> all() {
    try (InputStream in = OpenApiOperations.class.getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException(SPEC + " is not on the test class path");
      }
      JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(in);
      Set<String> operations = new TreeSet<>();
      spec.get("paths")
          .properties()
          .forEach(
              path ->
                  path.getValue()
                      .properties()
                      .forEach(
                          op -> {
                            if (!op.getKey().equals("parameters")) {
                              operations.add(
                                  op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                            }
                          }));
      return operations;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
