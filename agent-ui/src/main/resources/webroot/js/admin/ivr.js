// The IVR's menus, read-only: what callers hear and which key does what. They are changed in
// ivr-menus.conf (checked at start), not here.
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { has, t, tf } from "../i18n.js";

/** A configured name in words when the story texts know it, else as configured. */
function named(prefix, code) {
  return has(prefix + code) ? t(prefix + code) : code;
}

export async function ivrSection(el) {
  const view = await api("GET", "/api/v1/ivr/menus");
  if (!view.enabled) {
    mount(el, h("h2", {}, t("adm.ivr.title")), h("p", { id: "ivr-off" }, t("adm.ivr.off")));
    return;
  }
  mount(el,
    h("h2", {}, t("adm.ivr.title")),
    h("p", { class: "hint" }, t("adm.ivr.intro")),
    h("p", { id: "ivr-languages" }, tf("adm.ivr.languages", {
      languages: view.languages.map((l) => named("adm.kb.lang.", l)).join("、"),
      first: named("adm.kb.lang.", view.defaultLanguage),
    })),
    view.menus.map((m) => h("section", { class: "card", "data-menu": m.name },
      h("h3", {}, named("story.menu.", m.name)),
      h("p", { class: "hint" }, m.choices.length
        ? tf("adm.ivr.choiceMenu", { timeout: m.timeoutSeconds, retries: m.retries })
        : tf("adm.ivr.entryMenu", { digits: m.maxDigits, timeout: m.timeoutSeconds, retries: m.retries }) + (m.optional ? " " + t("adm.ivr.optional") : "")),
      m.choices.length
        ? h("table", { class: "grid" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("adm.ivr.key")), h("th", { scope: "col" }, t("adm.ivr.does")))),
            h("tbody", {}, m.choices.map((c) => h("tr", {}, h("td", {}, c.key), h("td", {}, named("story.choice.", c.value))))))
        : null)));
}
