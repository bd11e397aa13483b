// Customers on the desk: search (name, company, phone in any format, e-mail, ticket number), the
// customer view, editing, and a new customer from an unknown or anonymous caller.
import { api } from "../api.js";
import { h } from "../dom.js";
import { t, tf } from "../i18n.js";
import { linkButton, showError, time, trackDirty, work } from "./context.js";
import { timelineText } from "./story.js";
import { ticketForm, ticketView } from "./tickets.js";
import { visitList } from "./visits.js";
import { serviceHistory } from "../service-history.js";

const PHONE_TYPES = ["MOBILE", "WORK", "HOME", "FAX", "OTHER"];
const HISTORY_PAGE = 10;

/** The search box in the bar: results as a listbox, arrows to move, Enter to open, Esc to close. */
export function customerSearch() {
  const input = h("input", {
    id: "customer-search",
    type: "search",
    role: "combobox",
    "aria-label": t("search.label"),
    "aria-expanded": "false",
    "aria-controls": "customer-results",
    "aria-autocomplete": "list",
    placeholder: t("search.placeholder"),
    autocomplete: "off",
    maxlength: 200,
  });
  const list = h("ul", { id: "customer-results", role: "listbox", class: "search-results", hidden: true, "aria-label": t("search.label") });
  let items = [];
  let active = -1;
  let timer = null;
  let latest = 0;
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0 && list.children[i]) input.setAttribute("aria-activedescendant", list.children[i].id);
  };
  const choose = (i) => {
    const item = items[i];
    if (!item) return;
    close();
    input.value = "";
    item.open();
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      const mine = ++latest;
      if (q.length < 2) return close();
      try {
        items = await find(q);
      } catch (e) {
        items = [];
      }
      if (mine !== latest) return;
      list.replaceChildren(...(items.length ? items.map((it, i) =>
        h("li", { id: "customer-result-" + i, role: "option", class: "search-hit", "aria-selected": "false",
          onmousedown: (e) => { e.preventDefault(); choose(i); } }, it.label)) : [h("li", { role: "option", class: "empty", "aria-disabled": "true" }, t("search.none"))]));
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(items.length ? 0 : -1);
    }, 200);
  });
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(items.length - 1, active + 1)); }
    else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(0, active - 1)); }
    else if (e.key === "Enter") { e.preventDefault(); choose(active); }
    else if (e.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  return h("div", { class: "search", role: "search" }, input, list);
}

/** Customers matching `q`, and the ticket when `q` is a ticket number. */
async function find(q) {
  const found = [];
  const ticketNo = /^#?(\d{1,12})$/.exec(q);
  if (ticketNo) {
    const tk = await api("GET", "/api/v1/tickets/" + ticketNo[1]).catch(() => null);
    if (tk) found.push({ label: tf("search.ticket", { id: tk.id, title: tk.title }), open: () => ticketView(tk.id) });
  }
  const customers = await api("GET", "/api/v1/customers?limit=8&q=" + encodeURIComponent(q));
  for (const c of customers.items) {
    found.push({ label: describe(c), open: () => customerView(c.id) });
  }
  return found;
}

function describe(c) {
  return c.name + (c.companyName ? " · " + c.companyName : "") + (c.tier === "VIP" ? " · " + t("pop.vip") : "");
}

export async function customerView(id) {
  const historyPage = (offset) => api("GET", "/api/v1/customers/" + id + "/service-history?limit=" + HISTORY_PAGE + "&offset=" + offset);
  const [c, timeline, tickets, visits, history] = await Promise.all([
    api("GET", "/api/v1/customers/" + id),
    api("GET", "/api/v1/customers/" + id + "/timeline?limit=20"),
    api("GET", "/api/v1/customers/" + id + "/tickets"),
    api("GET", "/api/v1/customers/" + id + "/dispatch-orders"),
    historyPage(0),
  ]);
  const tier = c.tierOverride || c.tier;
  work(
    h("article", { id: "customer-view", "data-customer-id": c.id },
      h("h2", {}, h("span", { id: "customer-name" }, c.name), " ", tier === "VIP" ? h("span", { class: "badge vip" }, t("pop.vip")) : null),
      h("div", { class: "actions" },
        h("button", { id: "customer-new-ticket", class: "primary", onclick: () => ticketForm({ customerId: c.id, customerName: c.name }) }, t("pop.newTicket")),
        h("button", { id: "customer-edit", onclick: () => customerForm(c) }, t("customer.edit"))),
      c.companyName ? h("p", {}, c.companyName) : null,
      h("ul", { class: "phones" }, c.phones.map((ph) => h("li", {}, t("phone." + ph.type), " ", phoneLink(ph.original)))),
      c.emails.length ? h("p", {}, c.emails.join(", ")) : null,
      c.address ? h("p", {}, c.address) : null,
      c.notes ? h("p", { class: "notes" }, c.notes) : null,
      h("h3", {}, t("customer.tickets")),
      (tickets.items || []).length
        ? h("ul", { id: "customer-tickets" }, tickets.items.map((tk) =>
            h("li", {}, linkButton({}, "#" + tk.id + " " + tk.title, () => ticketView(tk.id)), " · ", t("status." + tk.status))))
        : h("p", { id: "customer-tickets" }, t("customer.noTickets")),
      visits.items.length ? [h("h3", {}, t("customer.visits")), visitList(visits.items, "customer-visits")] : null,
      history.totals.orders ? [h("h3", {}, t("history.title")), serviceHistory(history, { id: "service-history", more: historyPage })] : null,
      h("h3", {}, t("customer.timeline")),
      (timeline.items || []).length
        ? h("ul", { id: "customer-timeline" }, timeline.items.map((e) => h("li", {}, time(e.at), " · ", timelineText(e))))
        : h("p", { id: "customer-timeline" }, t("customer.noTimeline")),
    ),
  );
}

/** Calls the number through the agent's phone (click-to-call). */
export function phoneLink(number) {
  return linkButton({ class: "link dial", "data-number": number, "aria-label": tf("call.dialNumber", { number }) }, number, () => dial(number));
}

async function dial(number) {
  try {
    await api("POST", "/api/v1/calls", { number });
  } catch (e) {
    const p = h("p", { class: "error", role: "alert" });
    showError(p, e);
    work(p);
  }
}

function customerForm(c) {
  const name = h("input", { id: "edit-name", value: c.name, maxlength: 200, required: true });
  const phones = h("textarea", { id: "edit-phones", rows: 3 }, c.phones.map((p) => p.original).join("\n"));
  const emails = h("input", { id: "edit-emails", value: c.emails.join(", ") });
  const address = h("input", { id: "edit-address", value: c.address || "" });
  const notes = h("textarea", { id: "edit-notes", rows: 3 }, c.notes || "");
  const error = h("p", { class: "error", id: "edit-error", role: "alert" });
  const form = trackDirty(h("form", { id: "customer-form", class: "form" },
    h("h2", {}, t("customer.edit"), " · ", c.name),
    h("label", { for: "edit-name" }, t("customer.name")), name,
    h("label", { for: "edit-phones" }, t("customer.phones")), phones,
    h("label", { for: "edit-emails" }, t("customer.emails")), emails,
    h("label", { for: "edit-address" }, t("customer.address")), address,
    h("label", { for: "edit-notes" }, t("customer.notes")), notes,
    h("div", { class: "form-actions" }, h("button", { type: "submit", id: "edit-save", class: "primary" }, t("customer.save"))), error));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const kept = new Map(c.phones.map((p) => [p.original, p.type]));
    try {
      await api("PUT", "/api/v1/customers/" + c.id, {
        ...editable(c),
        name: name.value,
        phones: phones.value.split("\n").map((x) => x.trim()).filter(Boolean).map((number) => ({ type: kept.get(number) || "OTHER", number })),
        emails: emails.value.split(",").map((x) => x.trim()).filter(Boolean),
        address: address.value || null,
        notes: notes.value || null,
      });
      customerView(c.id);
    } catch (err) {
      // A concurrent edit is a 409: nothing is overwritten; the agent reloads and edits again.
      showError(error, err);
    }
  });
  work(form);
  name.focus();
}

/** The fields of a customer as PUT takes them back (the optimistic-lock version included). */
function editable(c) {
  return {
    kind: c.kind,
    name: c.name,
    companyId: c.companyId,
    language: c.language,
    phones: c.phones.map((p) => ({ type: p.type, number: p.original })),
    emails: c.emails,
    address: c.address,
    notes: c.notes,
    attributes: c.attributes,
    value12m: c.value12m,
    externalRef: c.externalRef,
    version: c.version,
  };
}

/**
 * A caller the directory does not know (or who hid the number): first look for the customer among
 * those we have (by name, company, e-mail or another number) and add this number to them; else
 * create a new customer with the number filled in. `onKnown(customer)` runs when the caller is
 * identified either way.
 */
export function callerForm(caller, onKnown) {
  const number = caller.number || "";
  const query = h("input", { id: "caller-search", type: "search", maxlength: 200, value: caller.name || "", autocomplete: "off" });
  const matches = h("ul", { id: "caller-matches", class: "candidates", "aria-live": "polite" });
  const name = h("input", { id: "new-name", maxlength: 200, required: true, value: caller.name || "" });
  const kind = h("select", { id: "new-kind" }, ["PERSON", "COMPANY"].map((k) => h("option", { value: k }, t("kind." + k))));
  const phone = h("input", { id: "new-phone", maxlength: 80, value: number, type: "tel" });
  const phoneType = h("select", { id: "new-phone-type", "aria-label": t("customer.phoneType") }, PHONE_TYPES.map((p) => h("option", { value: p }, t("phone." + p))));
  const email = h("input", { id: "new-email", type: "email", maxlength: 200 });
  const error = h("p", { class: "error", id: "new-error", role: "alert" });
  let latest = 0;
  const search = async () => {
    const q = query.value.trim();
    const mine = ++latest;
    if (q.length < 2 && !number) {
      matches.replaceChildren();
      return;
    }
    try {
      const found = await api("GET", "/api/v1/customers?limit=8&q=" + encodeURIComponent(q.length >= 2 ? q : number));
      if (mine !== latest) return;
      matches.replaceChildren(...(found.items.length
        ? found.items.map((c) => h("li", { "data-customer": c.id }, describe(c), " ",
            number
              ? h("button", { class: "add-number", onclick: () => addNumber(c.id) }, tf("caller.addNumber", { number }))
              : linkButton({ class: "link choose" }, t("caller.choose"), () => known(c.id))))
        : [h("li", { class: "empty" }, t("search.none"))]));
    } catch (e) {
      showError(error, e);
    }
  };
  let timer = null;
  query.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 200); });
  const known = async (id) => {
    const c = await api("GET", "/api/v1/customers/" + id);
    if (onKnown) onKnown(c);
    customerView(id);
  };
  const addNumber = async (id) => {
    try {
      const c = await api("GET", "/api/v1/customers/" + id);
      const fields = editable(c);
      await api("PUT", "/api/v1/customers/" + id, { ...fields, phones: [...fields.phones, { type: "OTHER", number }] });
      await known(id);
    } catch (e) {
      showError(error, e);
    }
  };
  const form = trackDirty(h("form", { id: "caller-form", class: "form" },
    h("h3", {}, t("caller.newTitle")),
    h("label", { for: "new-kind" }, t("customer.kind")), kind,
    h("label", { for: "new-name" }, t("customer.name")), name,
    h("label", { for: "new-phone" }, t("customer.phone")), h("div", { class: "inline" }, phone, phoneType),
    h("label", { for: "new-email" }, t("customer.emails")), email,
    h("div", { class: "form-actions" }, h("button", { type: "submit", id: "new-save", class: "primary" }, t("caller.create"))),
    error));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const c = await api("POST", "/api/v1/customers", {
        kind: kind.value,
        name: name.value.trim(),
        phones: phone.value.trim() ? [{ type: phoneType.value, number: phone.value.trim() }] : [],
        emails: email.value.trim() ? [email.value.trim()] : [],
      });
      await known(c.id);
    } catch (err) {
      showError(error, err);
    }
  });
  work(h("section", { id: "caller-view" },
    h("h2", {}, number ? tf("caller.titleNumber", { number }) : t("caller.titleAnonymous")),
    h("label", { for: "caller-search" }, t("caller.searchFirst")), query, matches,
    form));
  query.focus();
  search();
}
