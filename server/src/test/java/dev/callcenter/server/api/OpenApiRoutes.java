package dev.callcenter.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations the OpenAPI file documents, for tests that walk every route: method, path
 * template, parameters and request body with every {@code $ref} resolved.
 */
public final class OpenApiRoutes {

  /** Where the served file lives on the class path. */
  public static final String RESOURCE = "/dev/callcenter/ui/openapi.yaml";

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private OpenApiRoutes() {}

  /**
   * One parameter of an operation.
   *
   * @param in {@code path} or {@code query}
   * @param schema its schema, references resolved
   */
  public record Param(String name, String in, boolean required, JsonNode schema) {

    /** The schema's {@code type} ({@code string}, {@code integer}, …), the first one of a list. */
    public String type() {
      return OpenApiRoutes.type(schema);
    }
  }

  /**
   * One documented operation.
   *
   * @param method upper case: {@code GET}, {@code POST}, …
   * @param path the template, e.g. {@code /api/v1/tickets/{id}}
   * @param open true when it needs no login ({@code security: []})
   * @param bodyMediaType the request body's media type, null when it takes none
   * @param bodySchema the request body's schema, references resolved; null when it takes none
   */
  public record Operation(
      String method,
      String path,
      boolean open,
      List<Param> pathParams,
      List<Param> queryParams,
      String bodyMediaType,
      boolean bodyRequired,
      JsonNode bodySchema) {

    /** {@code METHOD /path/template}, as tests name an operation. */
    public String key() {
      return method + " " + path;
    }

    public boolean hasJsonBody() {
      return "application/json".equals(bodyMediaType);
    }

    /** The path with each {@code {name}} replaced by its (already encoded) value. */
    public String concretePath(Map<String, String> encodedValues) {
      String result = path;
      for (Param p : pathParams) {
        String value = encodedValues.get(p.name());
        if (value == null) {
          throw new IllegalArgumentException("No value for {" + p.name() + "} in " + key());
        }
        result = result.replace("{" + p.name() + "}", value);
      }
      return result;
    }
  }

  /** Every operation of the file, in file order. */
  public static List<Operation> load() {
    JsonNode spec = spec();
    List<Operation> result = new ArrayList<>();
    spec.get("paths")
        .properties()
        .forEach(
            path -> {
              JsonNode item = path.getValue();
              List<Param> shared = params(spec, item.path("parameters"));
              item.properties()
                  .forEach(
                      op -> {
                        if (METHODS.contains(op.getKey())) {
                          result.add(
                              operation(spec, path.getKey(), op.getKey(), op.getValue(), shared));
                        }
                      });
            });
    return result;
  }

  /** Every operation as {@code METHOD /path/{param}}, sorted: the key of the permission matrix. */
  public static Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    load().forEach(op -> keys.add(op.key()));
    return keys;
  }

  /** The methods documented for each path template. */
  public static Map<String, Set<String>> methodsByPath(List<Operation> operations) {
    Map<String, Set<String>> result = new LinkedHashMap<>();
    for (Operation op : operations) {
      result.computeIfAbsent(op.path(), p -> new TreeSet<>()).add(op.method());
    }
    return result;
  }

  /** The first {@code type} of a schema ({@code [integer, "null"]} is integer), or null. */
  public static String type(JsonNode schema) {
    JsonNode type = schema == null ? null : schema.get("type");
    if (type == null) {
      return null;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
      return null;
    }
    return type.asText();
  }

  /** Whether the schema allows JSON null ({@code type: [x, "null"]}). */
  public static boolean nullable(JsonNode schema) {
    JsonNode type = schema == null ? null : schema.get("type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals("null")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The names in an object schema's {@code required} list. */
  public static Set<String> required(JsonNode objectSchema) {
    Set<String> names = new TreeSet<>();
    objectSchema.path("required").forEach(n -> names.add(n.asText()));
    return names;
  }

  private static Operation operation(
      JsonNode spec, String path, String method, JsonNode op, List<Param> shared) {
    Map<String, Param> byName = new LinkedHashMap<>();
    shared.forEach(p -> byName.put(p.in() + ":" + p.name(), p));
    params(spec, op.path("parameters")).forEach(p -> byName.put(p.in() + ":" + p.name(), p));
    List<Param> pathParams = new ArrayList<>();
    List<Param> queryParams = new ArrayList<>();
    for (Param p : byName.values()) {
      (p.in().equals("path") ? pathParams : queryParams).add(p);
    }
    String mediaType = null;
    JsonNode bodySchema = null;
    JsonNode body = resolve(spec, op.path("requestBody"));
    if (body.has("content")) {
      var first = body.get("content").properties().iterator().next();
      mediaType = first.getKey();
      bodySchema = resolve(spec, first.getValue().path("schema"));
    }
    JsonNode security = op.get("security");
    return new Operation(
        method.toUpperCase(Locale.ROOT),
        path,
        security != null && security.isArray() && security.isEmpty(),
        List.copyOf(pathParams),
        List.copyOf(queryParams),
        mediaType,
        body.path("required").asBoolean(false),
        bodySchema);
  }

  private static List<Param> params(JsonNode spec, JsonNode list) {
    List<Param> result = new ArrayList<>();
    for (JsonNode raw : list) {
      JsonNode p = resolve(spec, raw);
      result.add(
          new Param(
              p.get("name").asText(),
              p.get("in").asText(),
              p.path("required").asBoolean(false),
              resolve(spec, p.path("schema"))));
    }
    return result;
  }

  /** A deep copy of {@code node} with every {@code $ref} replaced by what it points at. */
  static JsonNode resolve(JsonNode spec, JsonNode node) {
    if (node.isObject() && node.has("$ref")) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("Only local references are supported: " + ref);
      }
      return resolve(spec, spec.at(ref.substring(1)));
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), resolve(spec, e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(e -> copy.add(resolve(spec, e)));
      return copy;
    }
    return node;
  }

  private static JsonNode spec() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
