// A customer's service history (issue 15): their past technician visits, newest first, with what
// each took, for the desk's customer view and the technician's order view. Everything the server
// sends is a code or a value; the sentences, dates and amounts are made here in the reader's
// language, and every value typed by a person is set as text.
import { DISPATCH_TEXT } from "./dispatch-text.js";
import { h } from "./dom.js";
import { addText, lang, number, t, tf } from "./i18n.js";

addText(DISPATCH_TEXT);

/**
 * The visits of `history` (GET /api/v1/customers/{id}/service-history) with the customer's totals.
 * `exceptOrder` leaves out the order being worked on; `more(offset)`, when given, fetches the next
 * page for a "show more" button.
 */
export function serviceHistory(history, { id, exceptOrder, more } = {}) {
  const money = (amount) => number(amount, { style: "currency", currency: history.currency });
  const list = h("ol", { class: "service-history" });
  const add = (items) => list.append(...items.filter((v) => v.orderId !== exceptOrder).map((v) => visit(v, money)));
  add(history.items);
  const totals = history.totals;
  let shown = history.offset + history.items.length;
  const button = more && shown < totals.orders
    ? h("button", { type: "button", class: "secondary history-more", onclick: async () => {
        const next = await more(shown);
        add(next.items);
        shown += next.items.length;
        if (shown >= totals.orders || next.items.length === 0) button.remove();
      } }, t("history.more"))
    : null;
  return h("div", { id: id || null, class: "service-history-block" },
    totals.orders
      ? h("p", { class: "history-totals" }, tf("history.totals", { visits: number(totals.visits), hours: hours(totals.labourHours), total: money(totals.total) }),
          other(totals.otherExpenses))
      : null,
    list.children.length ? list : h("p", {}, t("history.none")),
    button);
}

function visit(v, money) {
  const when = new Intl.DateTimeFormat(lang(), { dateStyle: "medium" }).format(new Date(v.at));
  const unit = v.equipment ? [v.equipment.product, v.equipment.serialNumber].filter(Boolean).join(" ") : null;
  return h("li", { "data-order": v.orderId, "data-outcome": v.outcome },
    h("p", { class: "history-head" },
      h("strong", {}, when), " · ", t("dispatch.status." + v.outcome),
      " · ", v.technician || t("visit.noTechnician"), unit ? [" · ", unit] : null),
    h("p", {}, tf("history.ticket", { id: v.ticketId }), " ", v.ticketTitle),
    v.reason ? h("p", { class: "history-reason" }, tf("history.reason", { reason: v.reason })) : null,
    v.resolution ? h("p", { class: "history-resolution" }, v.resolution) : null,
    v.outcome === "CANCELLED"
      ? null
      : h("p", { class: "history-figures" },
          tf("history.figures", { hours: hours(v.labourHours), parts: money(v.partsCost), expenses: money(v.expenses), total: money(v.total) }),
          other(v.otherExpenses)),
    v.parts.length
      ? h("ul", { class: "history-parts" }, v.parts.map((p) =>
          h("li", {}, tf("history.part", { number: p.number, name: p.name, quantity: number(p.quantity), cost: money(p.cost) }),
            p.serialNumbers.length ? [" · ", tf("history.serials", { serials: p.serialNumbers.join(", ") })] : null)))
      : null,
    v.firstTimeFix ? h("p", { class: "badge first-time-fix" }, t("history.firstTimeFix")) : null);
}

function hours(value) {
  return number(value, { maximumFractionDigits: 2 });
}

/** Expenses in other currencies, each in its own currency, never converted. */
function other(amounts) {
  const entries = Object.entries(amounts || {});
  if (!entries.length) return null;
  const text = entries.map(([currency, amount]) => number(amount, { style: "currency", currency })).join(", ");
  return [" · ", tf("history.other", { amounts: text })];
}
