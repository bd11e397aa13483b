package dev.callcenter.cti.ivr.menu;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code ivr-menus.conf} (HOCON) into {@link IvrMenus}, collecting every problem with the key
 * it is at, so a deployment learns all its mistakes at start, not from a caller. The menus are the
 * {@link MenuName}s; a choice's value must be one the menu allows (for {@code main}, a {@link
 * MenuAction}), and a wrong one is reported with its file and line.
 */
public final class IvrMenusLoader {

  private static final Pattern SOUND = Pattern.compile("[A-Za-z0-9_./-]+");
  private static final Pattern KEY = Pattern.compile("[0-9*#]");
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Set<String> TOP =
      Set.of(
          "languages",
          "default-language",
          "channel-language",
          "say-datetime-format",
          "time-zone",
          "technician-visit",
          "say-time-format",
          "technician-names",
          "backend-timeout",
          "max-tickets-spoken",
          "survey-asks-solved",
          "survey-after-resolved",
          "defaults",
          "prompts",
          "menus",
          "routing");
  private static final Set<String> MENU_KEYS =
      Set.of(
          "prompt",
          "max-digits",
          "timeout",
          "retries",
          "choices",
          "optional",
          "invalid",
          "no-input");
  private static final Set<String> DEFAULT_KEYS = Set.of("timeout", "retries");
  private static final Set<String> ROUTING_KEYS =
      Set.of(
          "default-queue",
          "queue-by-language",
          "queue-by-product",
          "vip-priority",
          "standard-priority",
          "callback-owner",
          "callback-due",
          "fault-team");
  private static final List<String> MENU_NAMES =
      Arrays.stream(MenuName.values()).map(MenuName::key).sorted().toList();
  private static final List<String> ENTRY_NAMES =
      Arrays.stream(MenuName.values()).filter(MenuName::entry).map(MenuName::key).sorted().toList();

  private final String source;
  private final List<String> problems = new ArrayList<>();
  private final List<String> report = new ArrayList<>();

  private IvrMenusLoader(String source) {
    this.source = source;
  }

  /** Reads and validates the file. */
  public static IvrMenus load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IvrConfigException(file.toString(), List.of("file not found"));
    }
    try {
      Config c =
          ConfigFactory.parseFile(
                  file.toFile(),
                  ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false))
              .resolve();
      return new IvrMenusLoader(file.toString()).read(c);
    } catch (ConfigException e) {
      throw new IvrConfigException(file.toString(), List.of(e.getMessage()));
    }
  }

  /** Reads and validates HOCON text ({@code source} names it in errors). */
  public static IvrMenus parse(String text, String source) {
    try {
      Config c =
          ConfigFactory.parseString(
                  text, ConfigParseOptions.defaults().setOriginDescription(source))
              .resolve();
      return new IvrMenusLoader(source).read(c);
    } catch (ConfigException e) {
      throw new IvrConfigException(source, List.of(e.getMessage()));
    }
  }

  private IvrMenus read(Config c) {
    unknownKeys("", c.root(), TOP);
    List<String> languages = stringList(c, "languages");
    if (languages.isEmpty() && c.hasPath("languages")) {
      problem("languages", "must name at least one language");
    }
    String defaultLanguage = string(c, "default-language");
    if (defaultLanguage != null && !languages.isEmpty() && !languages.contains(defaultLanguage)) {
      problem("default-language", "'" + defaultLanguage + "' is not one of languages " + languages);
    }
    Map<String, String> channelLanguage = perLanguage(c, "channel-language", languages);
    Map<String, String> dateFormats = perLanguage(c, "say-datetime-format", languages);
    ZoneId zone = zone(c, "time-zone");
    boolean technicianVisit = bool(c, "technician-visit");
    Map<String, String> timeFormats = Map.of();
    if (c.hasPath("say-time-format") || technicianVisit) {
      // needed only to speak a visit's window; older files without visits need not have it
      timeFormats = perLanguage(c, "say-time-format", languages);
    }
    boolean technicianNames = c.hasPath("technician-names") && bool(c, "technician-names");
    Duration backendTimeout =
        duration(c, "backend-timeout", Duration.ofMillis(100), Duration.ofSeconds(30));
    int maxTickets = integer(c, "max-tickets-spoken", 1, 10);
    boolean asksSolved = bool(c, "survey-asks-solved");
    Duration surveyAfterResolved =
        duration(c, "survey-after-resolved", Duration.ZERO, Duration.ofDays(90));

    Duration defaultTimeout = Duration.ofSeconds(5);
    int defaultRetries = 2;
    if (c.hasPath("defaults")) {
      unknownKeys("defaults.", c.getObject("defaults"), DEFAULT_KEYS);
      Config d = c.getConfig("defaults");
      if (d.hasPath("timeout")) {
        defaultTimeout =
            durationAt(
                d, "timeout", "defaults.timeout", Duration.ofSeconds(1), Duration.ofSeconds(60));
      }
      if (d.hasPath("retries")) {
        defaultRetries = integerAt(d, "retries", "defaults.retries", 0, 9);
      }
    }

    Map<String, Prompt> prompts = new LinkedHashMap<>();
    if (object(c, "prompts") != null) {
      ConfigObject po = c.getObject("prompts");
      for (String name : po.keySet()) {
        if (!IvrMenus.PROMPTS.contains(name)) {
          problem("prompts." + name, "unknown prompt; known: " + new TreeSet<>(IvrMenus.PROMPTS));
          continue;
        }
        Prompt p = prompt(po.get(name), "prompts." + name, languages);
        if (p != null) {
          prompts.put(name, p);
        }
      }
      for (String name : IvrMenus.PROMPTS) {
        if (!technicianVisit && IvrMenus.VISIT_PROMPTS.contains(name)) {
          continue;
        }
        if (!po.containsKey(name)) {
          problem("prompts." + name, "missing");
        }
      }
    }

    Map<String, Menu> menus = new LinkedHashMap<>();
    if (object(c, "menus") != null) {
      ConfigObject mo = c.getObject("menus");
      for (String key : mo.keySet()) {
        MenuName name = MenuName.byKey(key).orElse(null);
        if (name == null) {
          problem("menus." + key, "unknown menu; known: " + MENU_NAMES);
          continue;
        }
        Menu m = menu(name, mo.get(key), languages, prompts, defaultTimeout, defaultRetries);
        if (m != null) {
          menus.put(key, m);
        }
      }
      for (MenuName name : MenuName.values()) {
        if (!technicianVisit && name == MenuName.TECHNICIAN_VISIT) {
          continue;
        }
        if (!mo.containsKey(name.key())) {
          problem("menus." + name.key(), "missing");
        }
      }
    }
    Routing routing = routing(c, languages, menus.get(MenuName.PRODUCT.key()));
    if (!problems.isEmpty()) {
      throw new IvrConfigException(source, problems, report);
    }
    return new IvrMenus(
        languages,
        defaultLanguage,
        channelLanguage,
        dateFormats,
        zone,
        technicianVisit,
        timeFormats,
        technicianNames,
        backendTimeout,
        maxTickets,
        asksSolved,
        surveyAfterResolved,
        prompts,
        menus,
        routing);
  }

  private Menu menu(
      MenuName menu,
      ConfigValue value,
      List<String> languages,
      Map<String, Prompt> prompts,
      Duration defaultTimeout,
      int defaultRetries) {
    String name = menu.key();
    String at = "menus." + name;
    if (!(value instanceof ConfigObject o)) {
      problem(at, "must be an object");
      return null;
    }
    unknownKeys(at + ".", o, MENU_KEYS);
    Config m = o.toConfig();
    Prompt prompt = m.hasPath("prompt") ? prompt(o.get("prompt"), at + ".prompt", languages) : null;
    if (!m.hasPath("prompt")) {
      problem(at + ".prompt", "missing");
    }
    boolean entry = menu.entry();
    int maxDigits =
        m.hasPath("max-digits") ? integerAt(m, "max-digits", at + ".max-digits", 1, 32) : 1;
    Duration timeout =
        m.hasPath("timeout")
            ? durationAt(
                m, "timeout", at + ".timeout", Duration.ofSeconds(1), Duration.ofSeconds(60))
            : defaultTimeout;
    int retries =
        m.hasPath("retries") ? integerAt(m, "retries", at + ".retries", 0, 9) : defaultRetries;
    boolean optional = m.hasPath("optional") && booleanAt(m, "optional", at + ".optional");
    Map<String, String> choices = new LinkedHashMap<>();
    if (o.containsKey("choices")) {
      if (entry) {
        problem(at + ".choices", "'" + name + "' takes a number, not choices");
      } else if (!(o.get("choices") instanceof ConfigObject co)) {
        problem(at + ".choices", "must be an object of key = value");
      } else {
        Set<String> allowed = menu.choiceValues();
        for (var e : new java.util.TreeMap<>(co).entrySet()) {
          String key = e.getKey();
          String where = at + ".choices." + key;
          ConfigOrigin origin = e.getValue().origin();
          if (!KEY.matcher(key).matches()) {
            problem(where, "a choice key is one DTMF key: 0-9, * or #", origin);
            continue;
          }
          if (e.getValue().valueType() != ConfigValueType.STRING
              && e.getValue().valueType() != ConfigValueType.NUMBER) {
            problem(where, "must be a string", origin);
            continue;
          }
          String v = String.valueOf(e.getValue().unwrapped()).strip();
          if (menu == MenuName.LANGUAGE) {
            if (!languages.contains(v)) {
              problem(where, "'" + v + "' is not one of languages " + languages, origin);
            }
          } else if (!allowed.isEmpty() && !allowed.contains(v)) {
            problem(where, "'" + v + "' is not one of " + new TreeSet<>(allowed), origin);
          } else if (v.isEmpty()) {
            problem(where, "must not be empty", origin);
          }
          choices.put(key, v);
        }
        if (maxDigits != 1) {
          problem(at + ".max-digits", "a choice menu takes one key: must be 1");
        }
      }
    } else if (!entry) {
      problem(at + ".choices", "missing");
    }
    if (optional && !entry) {
      problem(at + ".optional", "only an entry (" + ENTRY_NAMES + ") can be optional");
    }
    Prompt invalid =
        o.containsKey("invalid")
            ? prompt(o.get("invalid"), at + ".invalid", languages)
            : prompts.get("invalid");
    Prompt noInput =
        o.containsKey("no-input")
            ? prompt(o.get("no-input"), at + ".no-input", languages)
            : prompts.get("no-input");
    if (prompt == null || invalid == null || noInput == null) {
      return null;
    }
    return new Menu(name, prompt, maxDigits, timeout, retries, choices, optional, invalid, noInput);
  }

  private Routing routing(Config c, List<String> languages, Menu productMenu) {
    if (object(c, "routing") == null) {
      return null;
    }
    unknownKeys("routing.", c.getObject("routing"), ROUTING_KEYS);
    Config r = c.getConfig("routing");
    String defaultQueue = queue(r, "default-queue", "routing.default-queue");
    Map<String, String> byLanguage = new LinkedHashMap<>();
    if (r.hasPath("queue-by-language")) {
      for (var e : r.getObject("queue-by-language").entrySet()) {
        String where = "routing.queue-by-language." + e.getKey();
        if (!languages.contains(e.getKey())) {
          problem(where, "'" + e.getKey() + "' is not one of languages " + languages);
        }
        byLanguage.put(e.getKey(), queueValue(e.getValue(), where));
      }
    }
    Map<String, String> byProduct = new LinkedHashMap<>();
    if (r.hasPath("queue-by-product")) {
      for (var e : r.getObject("queue-by-product").entrySet()) {
        String where = "routing.queue-by-product." + e.getKey();
        if (productMenu != null && !productMenu.choices().containsValue(e.getKey())) {
          problem(where, "'" + e.getKey() + "' is not a product of menus.product.choices");
        }
        byProduct.put(e.getKey(), queueValue(e.getValue(), where));
      }
    }
    int vip = integerAt(r, "vip-priority", "routing.vip-priority", 0, 1000);
    int standard = integerAt(r, "standard-priority", "routing.standard-priority", 0, 1000);
    if (vip <= standard) {
      problem("routing.vip-priority", "must be higher than standard-priority (" + standard + ")");
    }
    String owner = stringAt(r, "callback-owner", "routing.callback-owner");
    Duration due =
        durationAt(
            r, "callback-due", "routing.callback-due", Duration.ofMinutes(1), Duration.ofDays(7));
    String faultTeam =
        r.hasPath("fault-team") ? stringAt(r, "fault-team", "routing.fault-team") : null;
    return new Routing(
        defaultQueue,
        byLanguage,
        byProduct,
        vip,
        standard,
        owner,
        due,
        faultTeam == null || faultTeam.isBlank() ? null : faultTeam);
  }

  private Prompt prompt(ConfigValue value, String at, List<String> languages) {
    Map<String, String> byLanguage = new LinkedHashMap<>();
    if (value.valueType() == ConfigValueType.STRING) {
      String sound = sound((String) value.unwrapped(), at);
      for (String l : languages) {
        byLanguage.put(l, sound);
      }
      return sound == null ? null : new Prompt(byLanguage);
    }
    if (!(value instanceof ConfigObject o)) {
      problem(at, "must be a sound name or an object of language = sound name");
      return null;
    }
    for (var e : o.entrySet()) {
      if (!languages.contains(e.getKey())) {
        problem(at + "." + e.getKey(), "'" + e.getKey() + "' is not one of languages " + languages);
        continue;
      }
      if (e.getValue().valueType() != ConfigValueType.STRING) {
        problem(at + "." + e.getKey(), "must be a sound name");
        continue;
      }
      String sound = sound((String) e.getValue().unwrapped(), at + "." + e.getKey());
      if (sound != null) {
        byLanguage.put(e.getKey(), sound);
      }
    }
    for (String l : languages) {
      if (!o.containsKey(l)) {
        problem(at + "." + l, "missing: every prompt needs a sound for each language");
      }
    }
    return byLanguage.size() == languages.size() ? new Prompt(byLanguage) : null;
  }

  private String sound(String name, String at) {
    if (!SOUND.matcher(name).matches() || name.contains("..")) {
      problem(at, "'" + name + "' is not a sound name (letters, digits, / _ - ., no extension)");
      return null;
    }
    return name;
  }

  private Map<String, String> perLanguage(Config c, String key, List<String> languages) {
    Map<String, String> map = new LinkedHashMap<>();
    if (object(c, key) == null) {
      return map;
    }
    for (var e : c.getObject(key).entrySet()) {
      if (!languages.contains(e.getKey())) {
        problem(
            key + "." + e.getKey(), "'" + e.getKey() + "' is not one of languages " + languages);
      } else if (e.getValue().valueType() != ConfigValueType.STRING) {
        problem(key + "." + e.getKey(), "must be a string");
      } else {
        map.put(e.getKey(), (String) e.getValue().unwrapped());
      }
    }
    for (String l : languages) {
      if (!map.containsKey(l) && !c.getObject(key).containsKey(l)) {
        problem(key + "." + l, "missing");
      }
    }
    return map;
  }

  private void unknownKeys(String prefix, ConfigObject o, Set<String> known) {
    for (String k : o.keySet()) {
      if (!known.contains(k)) {
        problem(prefix + k, "unknown key; known: " + new TreeSet<>(known));
      }
    }
  }

  private ConfigObject object(Config c, String key) {
    if (!c.hasPath(key)) {
      problem(key, "missing");
      return null;
    }
    try {
      return c.getObject(key);
    } catch (ConfigException.WrongType e) {
      problem(key, "must be an object");
      return null;
    }
  }

  private String string(Config c, String key) {
    return stringAt(c, key, key);
  }

  private String stringAt(Config c, String key, String at) {
    if (!c.hasPath(key)) {
      problem(at, "missing");
      return null;
    }
    try {
      String s = c.getString(key).strip();
      if (s.isEmpty()) {
        problem(at, "must not be empty");
      }
      return s;
    } catch (ConfigException.WrongType e) {
      problem(at, "must be a string");
      return null;
    }
  }

  private String queue(Config c, String key, String at) {
    String q = stringAt(c, key, at);
    if (q != null && !QUEUE.matcher(q).matches()) {
      problem(at, "'" + q + "' is not a queue name (letters, digits, _ . -)");
    }
    return q;
  }

  private String queueValue(ConfigValue v, String at) {
    if (v.valueType() != ConfigValueType.STRING
        || !QUEUE.matcher((String) v.unwrapped()).matches()) {
      problem(at, "must be a queue name (letters, digits, _ . -)");
      return null;
    }
    return (String) v.unwrapped();
  }

  private List<String> stringList(Config c, String key) {
    if (!c.hasPath(key)) {
      problem(key, "missing");
      return List.of();
    }
    try {
      return c.getStringList(key).stream().map(String::strip).toList();
    } catch (ConfigException.WrongType e) {
      problem(key, "must be a list of strings");
      return List.of();
    }
  }

  private boolean bool(Config c, String key) {
    if (!c.hasPath(key)) {
      problem(key, "missing");
      return false;
    }
    return booleanAt(c, key, key);
  }

  private boolean booleanAt(Config c, String key, String at) {
    try {
      return c.getBoolean(key);
    } catch (ConfigException.WrongType e) {
      problem(at, "must be true or false");
      return false;
    }
  }

  private int integer(Config c, String key, int min, int max) {
    return integerAt(c, key, key, min, max);
  }

  private int integerAt(Config c, String key, String at, int min, int max) {
    if (!c.hasPath(key)) {
      problem(at, "missing");
      return min;
    }
    try {
      int v = c.getInt(key);
      if (v < min || v > max) {
        problem(at, v + " is out of range " + min + "–" + max);
      }
      return v;
    } catch (ConfigException.WrongType e) {
      problem(at, "must be a whole number");
      return min;
    }
  }

  private Duration duration(Config c, String key, Duration min, Duration max) {
    return durationAt(c, key, key, min, max);
  }

  private Duration durationAt(Config c, String key, String at, Duration min, Duration max) {
    if (!c.hasPath(key)) {
      problem(at, "missing");
      return min;
    }
    try {
      Duration d = c.getDuration(key);
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        problem(at, d + " is out of range " + min + "–" + max);
      }
      return d;
    } catch (ConfigException.WrongType | ConfigException.BadValue e) {
      problem(at, "must be a duration such as 5s or 30m");
      return min;
    }
  }

  private ZoneId zone(Config c, String key) {
    String z = string(c, key);
    if (z == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      problem(key, "'" + z + "' is not a time zone such as Asia/Taipei");
      return ZoneId.of("UTC");
    }
  }

  private void problem(String key, String what) {
    problems.add(key + ": " + what);
    report.add(key + ": " + what);
  }

  /** A problem at a value whose line is known: the message names the file and the line. */
  private void problem(String key, String what, ConfigOrigin origin) {
    problems.add(key + ": " + what);
    String file = origin.filename() != null ? origin.filename() : source;
    report.add(
        key
            + ": "
            + what
            + (origin.lineNumber() > 0 ? " (" + file + ":" + origin.lineNumber() + ")" : ""));
  }
}
