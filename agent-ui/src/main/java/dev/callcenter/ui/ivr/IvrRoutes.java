package dev.callcenter.ui.ivr;

import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.Menu;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.Comparator;
import java.util.List;

/**
 * The IVR's menus as loaded from {@code ivr-menus.conf}, read-only, for the administration page:
 * what callers hear and which keys do what. Changing them is a configuration change (the file),
 * checked at start.
 */
public final class IvrRoutes {

  private final IvrMenus menus;

  /**
   * @param menus the loaded menus, or null when the IVR is off
   */
  public IvrRoutes(IvrMenus menus) {
    this.menus = menus;
  }

  /** One key of a choice menu and what it does. */
  public record ChoiceView(String key, String value) {}

  /** One menu: a choice menu (keys), or an entry of up to {@code maxDigits} keys. */
  public record MenuView(
      String name,
      int maxDigits,
      long timeoutSeconds,
      int retries,
      boolean optional,
      List<ChoiceView> choices) {}

  /** The IVR's setup; {@code enabled} false (and nothing else) when it is off. */
  public record MenusView(
      boolean enabled,
      List<String> languages,
      String defaultLanguage,
      boolean technicianVisit,
      List<MenuView> menus) {}

  public void mount(Router router) {
    Api.route(router, HttpMethod.GET, "/api/v1/ivr/menus", Api.managers(), 200, ctx -> view());
  }

  private MenusView view() {
    if (menus == null) {
      return new MenusView(false, List.of(), null, false, List.of());
    }
    return new MenusView(
        true,
        menus.languages(),
        menus.defaultLanguage(),
        menus.technicianVisit(),
        menus.menus().values().stream()
            .sorted(
                Comparator.comparing((Menu m) -> !m.name().equals("main"))
                    .thenComparing(Menu::name))
            .map(
                m ->
                    new MenuView(
                        m.name(),
                        m.maxDigits(),
                        m.timeout().toSeconds(),
                        m.retries(),
                        m.optional(),
                        m.choices().entrySet().stream()
                            .map(e -> new ChoiceView(e.getKey(), e.getValue()))
                            .toList()))
            .toList());
  }
}
