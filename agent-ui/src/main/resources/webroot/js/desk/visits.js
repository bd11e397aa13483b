// Technician visits on the pop and in the customer view (issue 15): status, window, technician,
// and whether the technician is running late.
import { DISPATCH_TEXT } from "../dispatch-text.js";
import { h } from "../dom.js";
import { addText, lang, t } from "../i18n.js";

addText(DISPATCH_TEXT);

/** The list of a customer's open and next visits, soonest first. */
export function visitList(visits, id) {
  const from = new Intl.DateTimeFormat(lang(), { dateStyle: "short", timeStyle: "short" });
  const until = new Intl.DateTimeFormat(lang(), { timeStyle: "short" });
  return h("ul", { id: id || null, class: "visits" }, visits.map((v) =>
    h("li", { "data-order": v.orderId, class: v.late ? "late" : null },
      t("dispatch.status." + v.status), " · ", from.format(new Date(v.windowStart)), "–", until.format(new Date(v.windowEnd)),
      " · ", v.technician || t("visit.noTechnician"), v.late ? [" · ", h("strong", {}, t("visit.late"))] : null)));
}
