package dev.callcenter.ui.http;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first handler of every request, before login: a method the path does not take is a 405 that
 * names the ones it does, and every path segment and query parameter must be UTF-8 (400 {@code
 * invalid_encoding}) without control characters, lone surrogates or noncharacters (400 {@code
 * invalid_characters}), each error naming the parameter. No handler, and so no database, ever sees
 * such text.
 */
final class RequestLineCheck implements Handler<RoutingContext> {

  /** A route's path split at {@code /}, {@code :name} segments being parameters. */
  private record Template(String[] segments, int parameters, Set<String> methods) {

    boolean matches(String[] path) {
      if (path.length != segments.length) {
        return false;
      }
      for (int i = 0; i < path.length; i++) {
        if (segments[i].startsWith(":") ? path[i].isEmpty() : !segments[i].equals(path[i])) {
          return false;
        }
      }
      return true;
    }
  }

  private volatile List<Template> templates = List.of();

  /** Learns the paths and methods of {@code routes}; called once every route is mounted. */
  void learn(List<Route> routes) {
    Map<String, Set<String>> methods = new LinkedHashMap<>();
    for (Route route : routes) {
      if (route.getPath() != null && route.methods() != null && !route.methods().isEmpty()) {
        route
            .methods()
            .forEach(
                m -> methods.computeIfAbsent(route.getPath(), p -> new TreeSet<>()).add(m.name()));
      }
    }
    List<Template> learned = new ArrayList<>();
    methods.forEach(
        (path, allowed) -> {
          String[] segments = path.split("/", -1);
          int parameters = 0;
          for (String s : segments) {
            parameters += s.startsWith(":") ? 1 : 0;
          }
          learned.add(new Template(segments, parameters, Set.copyOf(allowed)));
        });
    templates = List.copyOf(learned);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String[] segments = path.split("/", -1);
    List<Template> matching = mostSpecific(segments);
    HttpMethod method = ctx.request().method();
    if (!matching.isEmpty()) {
      Set<String> allowed = new TreeSet<>();
      matching.forEach(t -> allowed.addAll(t.methods()));
      if (!allowed.contains(method.name())) {
        ctx.fail(new MethodNotAllowedException(method.name(), List.copyOf(allowed)));
        return;
      }
    }
    try {
      for (int i = 1; i < segments.length; i++) {
        check(parameterName(matching, i), segments[i], false);
      }
      String query = ctx.request().query();
      if (query != null) {
        for (String pair : query.split("&", -1)) {
          int eq = pair.indexOf('=');
          String rawName = eq < 0 ? pair : pair.substring(0, eq);
          String name = check("query", rawName, true);
          if (eq >= 0) {
            check(name, pair.substring(eq + 1), true);
          }
        }
      }
    } catch (ValidationException e) {
      ctx.fail(e);
      return;
    }
    ctx.next();
  }

  /** The decoded {@code raw}, or a 400 naming {@code field}. */
  private static String check(String field, String raw, boolean query) {
    String text;
    try {
      text = Utf8.percentDecode(raw, query);
    } catch (Utf8.InvalidException e) {
      throw ValidationException.invalidEncoding(field, e.getMessage());
    }
    return Fields.checkCharacters(field, text);
  }

  /** The templates the path matches with the fewest parameters: literal segments win. */
  private List<Template> mostSpecific(String[] segments) {
    List<Template> result = new ArrayList<>();
    int fewest = Integer.MAX_VALUE;
    for (Template t : templates) {
      if (t.matches(segments)) {
        if (t.parameters() < fewest) {
          result.clear();
          fewest = t.parameters();
        }
        if (t.parameters() == fewest) {
          result.add(t);
        }
      }
    }
    return result;
  }

  /** The name of the parameter at segment {@code index}, or "path" for a literal or no route. */
  private static String parameterName(List<Template> matching, int index) {
    for (Template t : matching) {
      if (t.segments()[index].startsWith(":")) {
        return t.segments()[index].substring(1);
      }
    }
    return "path";
  }
}
