// Holidays of the business calendar: add, remove, and a whole year at once.
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { errorText, t, tf } from "../i18n.js";

export async function holidaySection(el, year = new Date().getFullYear()) {
  const status = h("p", { id: "holiday-status", role: "status" });
  const { items } = await api("GET", "/api/v1/calendar/holidays");
  const years = [...new Set(items.map((x) => Number(x.day.slice(0, 4))).concat([year, year + 1]))].sort();
  const mine = items.filter((x) => x.day.startsWith(year + "-"));
  const yearSelect = h("select", { id: "holiday-year", "aria-label": t("adm.hol.year"), onchange: (e) => holidaySection(el, Number(e.target.value)) },
    years.map((y) => h("option", { value: y, selected: y === year }, String(y))));
  const day = h("input", { id: "holiday-day", type: "date", required: true, min: year + "-01-01", max: year + "-12-31" });
  const name = h("input", { id: "holiday-name", maxlength: 100, required: true });
  const add = h("form", { id: "holiday-add", class: "form inline-form" },
    h("label", { for: "holiday-day" }, t("adm.hol.day")), day,
    h("label", { for: "holiday-name" }, t("adm.hol.name")), name,
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "primary", id: "holiday-save" }, t("adm.hol.add"))));
  add.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await api("PUT", "/api/v1/calendar/holidays/" + day.value, { name: name.value.trim() });
      await holidaySection(el, year);
      el.querySelector("#holiday-status").textContent = t("adm.hol.added");
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  const lines = h("textarea", { id: "holiday-import", rows: 6, placeholder: year + "-01-01 " + t("adm.hol.example") });
  const importForm = h("form", { id: "holiday-import-form", class: "form" },
    h("label", { for: "holiday-import" }, tf("adm.hol.importLabel", { year })), lines,
    h("div", { class: "form-actions" }, h("button", { type: "submit", id: "holiday-import-save" }, tf("adm.hol.importButton", { year }))));
  importForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const parsed = lines.value.split("\n").map((l) => l.trim()).filter(Boolean).map((l) => {
      const m = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(l);
      return m ? { day: m[1], name: m[2].trim() } : { bad: l };
    });
    const bad = parsed.find((p) => p.bad);
    if (bad) {
      status.textContent = tf("adm.hol.badLine", { line: bad.bad });
      return;
    }
    if (!confirm(tf("adm.hol.confirmImport", { year, n: parsed.length }))) return;
    try {
      await api("PUT", "/api/v1/calendar/holidays/years/" + year, { items: parsed });
      await holidaySection(el, year);
      el.querySelector("#holiday-status").textContent = tf("adm.hol.imported", { n: parsed.length });
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  mount(el,
    h("h2", {}, t("adm.hol.title")),
    h("p", { class: "hint" }, t("adm.hol.intro")),
    h("div", { class: "filters" }, yearSelect),
    status,
    mine.length
      ? h("table", { id: "holiday-table", class: "grid" },
          h("thead", {}, h("tr", {}, ["adm.hol.day", "adm.hol.name", "admin.actions"].map((k) => h("th", { scope: "col" }, t(k))))),
          h("tbody", {}, mine.map((x) => h("tr", { "data-day": x.day },
            h("td", {}, new Date(x.day + "T00:00:00").toLocaleDateString(document.documentElement.lang, { dateStyle: "medium" })),
            h("td", {}, x.name),
            h("td", {}, h("button", { class: "holiday-delete", "aria-label": tf("adm.hol.deleteDay", { day: x.day }), onclick: async () => {
              try {
                await api("DELETE", "/api/v1/calendar/holidays/" + x.day);
                await holidaySection(el, year);
              } catch (err) {
                status.textContent = errorText(err);
              }
            } }, t("adm.delete")))))))
      : h("p", { id: "holiday-none" }, tf("adm.hol.none", { year })),
    add,
    importForm);
}
