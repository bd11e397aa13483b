// SLA policies: targets per ticket type × priority × customer tier, in business minutes.
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { errorText, t, tf } from "../i18n.js";

const TYPES = ["FAULT_REPORT", "COMPLAINT", "SERVICE_REQUEST", "QUESTION"];
const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"];
const TIERS = ["VIP", "STANDARD"];

export async function slaSection(el) {
  const status = h("p", { id: "sla-status", role: "status" });
  const { items } = await api("GET", "/api/v1/sla/policies");
  const minutes = (id, value, label) =>
    h("input", { id, type: "number", min: 1, max: 135000, step: 1, value, required: true, "aria-label": label, class: "minutes" });
  const row = (p) => {
    const fr = minutes("sla-fr-" + p.id, p.firstResponseMinutes, tf("adm.sla.frFor", { key: key(p) }));
    const res = minutes("sla-res-" + p.id, p.resolutionMinutes, tf("adm.sla.resFor", { key: key(p) }));
    const catchAll = !p.type && !p.priority && !p.tier;
    return h("tr", { "data-policy": p.id },
      h("td", {}, p.type ? t("type." + p.type) : t("adm.any")),
      h("td", {}, p.priority ? t("priority." + p.priority) : t("adm.any")),
      h("td", {}, p.tier ? t("adm.tier." + p.tier) : t("adm.any")),
      h("td", {}, fr, " ", h("span", { class: "hint" }, hours(p.firstResponseMinutes))),
      h("td", {}, res, " ", h("span", { class: "hint" }, hours(p.resolutionMinutes))),
      h("td", {},
        h("button", { class: "sla-save", onclick: () => save(p.id, fr, res) }, t("adm.save")), " ",
        catchAll ? null : h("button", { class: "sla-delete", onclick: () => remove(p.id) }, t("adm.delete"))));
  };
  const save = async (id, fr, res) => {
    try {
      await api("PUT", "/api/v1/sla/policies/" + id, { firstResponseMinutes: Number(fr.value), resolutionMinutes: Number(res.value) });
      await slaSection(el);
      el.querySelector("#sla-status").textContent = t("adm.sla.saved");
    } catch (e) {
      status.textContent = errorText(e);
    }
  };
  const remove = async (id) => {
    if (!confirm(t("adm.sla.confirmDelete"))) return;
    try {
      await api("DELETE", "/api/v1/sla/policies/" + id);
      await slaSection(el);
    } catch (e) {
      status.textContent = errorText(e);
    }
  };
  const choice = (id, label, values, prefix) =>
    h("label", { class: "filter" }, t(label) + " ",
      h("select", { id }, h("option", { value: "" }, t("adm.any")), values.map((v) => h("option", { value: v }, t(prefix + v)))));
  const addFr = h("input", { id: "sla-new-fr", type: "number", min: 1, max: 135000, required: true });
  const addRes = h("input", { id: "sla-new-res", type: "number", min: 1, max: 135000, required: true });
  const form = h("form", { id: "sla-new", class: "form inline-form" },
    h("h3", {}, t("adm.sla.add")),
    choice("sla-new-type", "ticket.type", TYPES, "type."),
    choice("sla-new-priority", "ticket.priority", PRIORITIES, "priority."),
    choice("sla-new-tier", "adm.tier", TIERS, "adm.tier."),
    h("label", { for: "sla-new-fr" }, t("adm.sla.firstResponse")), addFr,
    h("label", { for: "sla-new-res" }, t("adm.sla.resolution")), addRes,
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "primary", id: "sla-new-save" }, t("adm.sla.addButton"))));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = (id) => el.querySelector("#" + id).value || null;
    try {
      await api("POST", "/api/v1/sla/policies", {
        type: value("sla-new-type"), priority: value("sla-new-priority"), tier: value("sla-new-tier"),
        firstResponseMinutes: Number(addFr.value), resolutionMinutes: Number(addRes.value),
      });
      await slaSection(el);
      el.querySelector("#sla-status").textContent = t("adm.sla.added");
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  mount(el,
    h("h2", {}, t("adm.sla.title")),
    h("p", { class: "hint" }, t("adm.sla.intro")),
    status,
    h("table", { id: "sla-table", class: "grid" },
      h("thead", {}, h("tr", {}, ["ticket.type", "ticket.priority", "adm.tier", "adm.sla.firstResponse", "adm.sla.resolution", "admin.actions"].map((k) => h("th", { scope: "col" }, t(k))))),
      h("tbody", {}, items.map(row))),
    form);
}

function key(p) {
  return [p.type ? t("type." + p.type) : t("adm.any"), p.priority ? t("priority." + p.priority) : t("adm.any"), p.tier ? t("adm.tier." + p.tier) : t("adm.any")].join(" · ");
}

/** 540 business minutes = "9 h (1 business day)". */
function hours(minutes) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const days = minutes / 540;
  return (h ? tf("unit.hoursMinutes", { h, m }) : tf("unit.minutes", { m })) + (days >= 1 ? " · " + tf("adm.businessDays", { d: Math.round(days * 10) / 10 }) : "");
}
