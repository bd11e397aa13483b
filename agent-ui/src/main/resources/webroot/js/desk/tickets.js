// Tickets on the desk: the complete form, the ticket view, and the lists (mine, team queue,
// overdue, at risk).
import { api } from "../api.js";
import { h } from "../dom.js";
import { t, tf } from "../i18n.js";
import { customerView } from "./customers.js";
import { kbHit } from "./kb.js";
import { desk, linkButton, showError, time, trackDirty, userNames, work } from "./context.js";

export const TYPES = ["QUESTION", "FAULT_REPORT", "SERVICE_REQUEST", "COMPLAINT"];
export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"];
const OPEN = "NEW,OPEN,PENDING_CUSTOMER";

/**
 * The new-ticket form. `prefill`: customerId and customerName (required to save), and optionally
 * type, queue and pbxLinkedid from the call.
 */
export function ticketForm(prefill) {
  const field = (id, label, input) => [h("label", { for: id }, t(label)), input];
  const title = h("input", {
    id: "ticket-title",
    maxlength: 200,
    required: true,
    value: prefill.customerName
      ? prefill.queue
        ? tf("ticket.prefillTitleQueue", { name: prefill.customerName, queue: prefill.queue })
        : tf("ticket.prefillTitle", { name: prefill.customerName })
      : "",
  });
  const type = h("select", { id: "ticket-type" },
    TYPES.map((v) => h("option", { value: v, selected: v === (prefill.type || "QUESTION") }, t("type." + v))));
  const priority = h("select", { id: "ticket-priority" },
    PRIORITIES.map((v) => h("option", { value: v, selected: v === "NORMAL" }, t("priority." + v))));
  const description = h("textarea", { id: "ticket-description", rows: 4, maxlength: 10000 });
  const product = h("input", { id: "ticket-product", maxlength: 200 });
  const version = h("input", { id: "ticket-version", maxlength: 100 });
  const tags = h("input", { id: "ticket-tags", maxlength: 500 });
  const promised = h("input", { id: "ticket-promised", type: "datetime-local" });
  const promisedRow = h("div", { class: "field-row", hidden: type.value !== "COMPLAINT" },
    field("ticket-promised", "ticket.promisedBy", promised));
  type.addEventListener("change", () => {
    promisedRow.hidden = type.value !== "COMPLAINT";
    promised.required = type.value === "COMPLAINT";
  });
  const result = h("p", { id: "ticket-result", role: "status" });
  const form = trackDirty(h("form", { id: "ticket-form", class: "form" },
    h("h2", {}, t("ticket.new"), prefill.customerName ? " · " + prefill.customerName : ""),
    field("ticket-title", "ticket.title", title),
    h("div", { class: "field-pair" },
      h("div", {}, field("ticket-type", "ticket.type", type)),
      h("div", {}, field("ticket-priority", "ticket.priority", priority))),
    promisedRow,
    field("ticket-description", "ticket.description", description),
    h("div", { class: "field-pair" },
      h("div", {}, field("ticket-product", "ticket.product", product)),
      h("div", {}, field("ticket-version", "ticket.version", version))),
    field("ticket-tags", "ticket.tags", tags),
    h("div", { class: "form-actions" }, h("button", { type: "submit", id: "ticket-save", class: "primary" }, t("ticket.save"))),
    result));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    result.textContent = "";
    try {
      const ticket = await api("POST", "/api/v1/tickets", {
        type: type.value,
        priority: priority.value,
        title: title.value.trim(),
        description: description.value.trim() || null,
        product: product.value.trim() || null,
        productVersion: version.value.trim() || null,
        tags: tags.value.split(",").map((x) => x.trim()).filter(Boolean),
        promisedBy: type.value === "COMPLAINT" && promised.value ? new Date(promised.value).toISOString() : null,
        customerId: prefill.customerId,
        source: prefill.pbxLinkedid ? "PHONE" : "AGENT",
        pbxLinkedid: prefill.pbxLinkedid || null,
      });
      delete document.getElementById("work").dataset.dirty;
      result.replaceChildren(
        tf("ticket.saved", { id: ticket.id }), " ",
        linkButton({ id: "ticket-open" }, t("ticket.open"), () => ticketView(ticket.id)));
      result.dataset.ticketId = ticket.id;
    } catch (err) {
      showError(result, err);
    }
  });
  work(form);
  title.focus();
  title.select();
}

/** One ticket: customer, status actions, SLA clocks, assignee by name, comments, readable history. */
export async function ticketView(id) {
  const [tk, comments, audit, name] = await Promise.all([
    api("GET", "/api/v1/tickets/" + id),
    api("GET", "/api/v1/tickets/" + id + "/comments"),
    api("GET", "/api/v1/tickets/" + id + "/audit"),
    userNames(),
  ]);
  const customer = await api("GET", "/api/v1/customers/" + tk.customerId).catch(() => null);
  const error = h("p", { class: "error", id: "ticket-error", role: "alert" });
  const resolution = h("input", { id: "ticket-resolution", "aria-label": t("ticket.resolution"), placeholder: t("ticket.resolution"), maxlength: 10000 });
  const statusButtons = (tk.allowedTransitions || []).map((to) =>
    h("button", { class: "status-to", "data-to": to, onclick: async () => {
      try {
        const body = { to, version: tk.version };
        if (to === "RESOLVED" && resolution.value.trim()) body.resolution = resolution.value.trim();
        await api("POST", "/api/v1/tickets/" + id + "/status", body);
        ticketView(id);
      } catch (e) {
        showError(error, e);
      }
    } }, t("status." + to)));
  const commentBody = h("textarea", { id: "comment-body", rows: 3, maxlength: 10000, "aria-label": t("ticket.comment") });
  const visibility = h("select", { id: "comment-visibility", "aria-label": t("comment.visibility") },
    h("option", { value: "INTERNAL" }, t("comment.internal")), h("option", { value: "PUBLIC" }, t("comment.public")));
  const sla = tk.sla || {};
  const assign = async (assigneeId) => {
    try {
      await api("PUT", "/api/v1/tickets/" + id + "/assignee", { assigneeId, version: tk.version });
      ticketView(id);
    } catch (e) {
      showError(error, e);
    }
  };
  const assignees = h("select", { id: "ticket-assign", "aria-label": t("ticket.assignTo"), onchange: (e) => e.target.value && assign(Number(e.target.value)) },
    h("option", { value: "" }, t("ticket.assignTo")));
  api("GET", "/api/v1/users?role=agent").then((users) => {
    for (const u of users.items) {
      if (u.id !== tk.assigneeId) assignees.append(h("option", { value: u.id }, u.displayName));
    }
  }).catch(() => {});
  work(
    h("article", { id: "ticket-view", "data-ticket-id": tk.id },
      h("h2", {}, "#" + tk.id + " ", h("span", { id: "ticket-view-title" }, tk.title)),
      h("p", { id: "ticket-customer" }, t("ticket.customer"), ": ",
        linkButton({ id: "ticket-customer-link" }, customer ? customer.name : "#" + tk.customerId, () => customerView(tk.customerId))),
      h("p", {}, h("span", { id: "ticket-status", "data-status": tk.status }, t("status." + tk.status)), " · ",
        t("type." + tk.type), " · ", t("priority." + tk.priority),
        tk.product ? " · " + tk.product + (tk.productVersion ? " " + tk.productVersion : "") : "",
        tk.promisedBy ? " · " + tf("ticket.promisedAt", { at: time(tk.promisedBy) }) : ""),
      tk.tags && tk.tags.length ? h("p", { class: "tags" }, tk.tags.map((x) => h("span", { class: "badge" }, x))) : null,
      tk.description ? h("p", { class: "description" }, tk.description) : null,
      tk.resolution ? h("p", { id: "ticket-resolution-text", class: "resolution" }, h("strong", {}, t("ticket.resolution") + ": "), tk.resolution) : null,
      h("p", { id: "ticket-sla" }, slaText("sla.firstResponse", sla.firstResponse), " · ", slaText("sla.resolution", sla.resolution)),
      h("div", { id: "ticket-actions", class: "actions" }, statusButtons, (tk.allowedTransitions || []).includes("RESOLVED") ? resolution : null),
      h("p", { id: "ticket-assignee", "data-assignee": tk.assigneeId || "" },
        t("ticket.assignee"), ": ", name(tk.assigneeId),
        tk.team ? " · " + tk.team : "", " ",
        tk.assigneeId === desk.user.id ? null : h("button", { id: "ticket-take", onclick: () => assign(desk.user.id) }, t("ticket.take")),
        " ", assignees),
      error,
      h("h3", {}, t("ticket.comments")),
      h("ul", { id: "ticket-comments" }, comments.items.map((c) =>
        h("li", { class: "comment " + c.visibility.toLowerCase() }, time(c.createdAt), " · ", name(c.authorId), " · ",
          t("comment." + c.visibility.toLowerCase()), ": ", c.body))),
      trackDirty(h("form", { id: "comment-form", class: "form", onsubmit: async (e) => {
        e.preventDefault();
        try {
          await api("POST", "/api/v1/tickets/" + id + "/comments", { visibility: visibility.value, body: commentBody.value });
          ticketView(id);
        } catch (err) {
          showError(error, err);
        }
      } }, commentBody, h("div", { class: "form-actions" }, visibility, h("button", { type: "submit", id: "comment-save" }, t("ticket.comment"))))),
      h("section", { id: "ticket-kb" }),
      h("h3", {}, t("ticket.audit")),
      h("ul", { id: "ticket-audit" }, audit.items.filter((a) => a.field !== "ASSIGNMENT_REASON").map((a) =>
        h("li", {}, time(a.at), " · ", auditText(a, name)))),
    ),
  );
  ticketKnowledge(id);
}

/** "王小明 把狀態從「新建」改為「處理中」": an audit entry as a sentence in the user's language. */
export function auditText(a, name) {
  const who = a.actorId ? name(a.actorId) : t("audit.system");
  const value = (v) => {
    if (v === null || v === undefined || v === "") return t("audit.none");
    switch (a.field) {
      case "STATUS": return t("status." + v);
      case "PRIORITY": return t("priority." + v);
      case "ASSIGNEE": return name(Number(v));
      case "PROMISED_BY": return time(v);
      default: return v.length > 80 ? v.slice(0, 80) + "…" : v;
    }
  };
  switch (a.field) {
    case "CREATED": return tf("audit.created", { who });
    case "COMMENT": return tf("audit.comment", { who });
    case "INTERACTION": return tf("audit.interaction", { who });
    case "RESOLUTION": return tf("audit.resolution", { who, value: value(a.newValue) });
    default:
      return tf("audit.changed", { who, field: t("audit.field." + a.field), from: value(a.oldValue), to: value(a.newValue) });
  }
}

async function ticketKnowledge(id) {
  try {
    const found = await api("GET", "/api/v1/tickets/" + id + "/kb-suggestions?limit=3");
    const box = document.getElementById("ticket-kb");
    if (box && found.hits.length) box.replaceChildren(h("h3", {}, t("pop.kb")), h("ul", { class: "kb-results" }, found.hits.map(kbHit)));
  } catch {
    // suggestions are a help, not a requirement
  }
}

/** An SLA clock: running (with what is left), paused, met or breached once stopped. */
export function slaText(labelKey, clock) {
  const label = t(labelKey);
  if (!clock || !clock.measurement) return label + " –";
  const m = clock.measurement;
  const state = m.state === "BREACHED" ? "breached" : m.state === "MET" ? "met" : m.state === "PAUSED" ? "paused" : m.warning ? "warning" : "ok";
  return h("span", { class: "sla-" + state, "data-sla": state }, label + " ",
    h("span", { class: "sla" }, t("sla." + state)), m.state === "MET" ? "" : " · " + time(m.dueAt));
}

// ---------------------------------------------------------------- lists

const LISTS = {
  mine: () => "assigneeId=me&status=" + OPEN,
  team: (team) => "team=" + encodeURIComponent(team || "") + "&status=NEW,OPEN",
  overdue: () => "breached=true&status=" + OPEN,
  risk: () => "breached=false&status=" + OPEN + "&dueBefore=" + encodeURIComponent(new Date(Date.now() + 4 * 3600 * 1000).toISOString()),
};
const PAGE = 20;

/** Ticket lists with filters (type, priority), sorting and paging. */
export async function ticketLists(list = "mine", options = {}) {
  const state = { list, type: "", priority: "", sort: "due", offset: 0, team: options.team, ...options };
  const teams = (await api("GET", "/api/v1/teams").catch(() => ({ items: [] }))).items;
  if (!state.team && teams.length) state.team = teams[0].key;
  const table = h("div", { id: "ticket-list" });
  const tabs = h("div", { role: "tablist", class: "tabs" }, Object.keys(LISTS).map((k) =>
    h("button", { role: "tab", id: "list-" + k, "aria-selected": String(k === state.list), onclick: () => { state.list = k; state.offset = 0; load(); } }, t("list." + k))));
  const select = (id, label, values, labelKey, key) =>
    h("label", { class: "filter" }, t(label) + " ",
      h("select", { id, onchange: (e) => { state[key] = e.target.value; state.offset = 0; load(); } },
        values.map(([v, text]) => h("option", { value: v, selected: v === state[key] }, text))));
  const filters = h("div", { class: "filters" },
    teams.length > 1 ? select("list-team", "list.teamFilter", teams.map((x) => [x.key, x.name]), null, "team") : null,
    select("list-type", "ticket.type", [["", t("list.all")], ...TYPES.map((v) => [v, t("type." + v)])], null, "type"),
    select("list-priority", "ticket.priority", [["", t("list.all")], ...PRIORITIES.map((v) => [v, t("priority." + v)])], null, "priority"),
    select("list-sort", "list.sort", [["due", t("list.sortDue")], ["priority", t("list.sortPriority")], ["updated", t("list.sortUpdated")]], null, "sort"));
  work(h("section", { id: "ticket-lists" }, h("h2", {}, t("list.title")), tabs, filters, table));
  const name = await userNames();

  async function load() {
    for (const tab of tabs.children) tab.setAttribute("aria-selected", String(tab.id === "list-" + state.list));
    let query = LISTS[state.list](state.team) + "&limit=" + (PAGE + 1) + "&offset=" + state.offset;
    if (state.type) query += "&type=" + state.type;
    if (state.priority) query += "&priority=" + state.priority;
    try {
      const page = await api("GET", "/api/v1/tickets?" + query);
      const more = page.items.length > PAGE;
      const items = sorted(page.items.slice(0, PAGE), state.sort);
      table.replaceChildren(
        items.length === 0
          ? h("p", { id: "list-empty" }, t("list.empty"))
          : h("table", { class: "grid" },
              h("caption", { class: "visually-hidden" }, t("list." + state.list)),
              h("thead", {}, h("tr", {}, ["list.ticket", "ticket.title", "ticket.status", "ticket.priority", "ticket.assignee", "list.due"].map((k) => h("th", { scope: "col" }, t(k))))),
              h("tbody", {}, items.map((tk) => h("tr", { "data-ticket": tk.id },
                h("td", {}, linkButton({ class: "link ticket-link" }, "#" + tk.id, () => ticketView(tk.id))),
                h("td", {}, tk.title),
                h("td", {}, t("status." + tk.status)),
                h("td", {}, t("priority." + tk.priority)),
                h("td", {}, name(tk.assigneeId)),
                h("td", {}, time(tk.resolutionDueAt || tk.firstResponseDueAt)))))),
        h("div", { class: "pager" },
          h("button", { id: "list-prev", disabled: state.offset === 0, onclick: () => { state.offset = Math.max(0, state.offset - PAGE); load(); } }, t("list.prev")),
          h("span", {}, tf("list.range", { from: items.length ? state.offset + 1 : 0, to: state.offset + items.length })),
          h("button", { id: "list-next", disabled: !more, onclick: () => { state.offset += PAGE; load(); } }, t("list.next"))));
    } catch (e) {
      const p = h("p", { class: "error", role: "alert" });
      showError(p, e);
      table.replaceChildren(p);
    }
  }
  await load();
}

function sorted(items, by) {
  const rank = (p) => PRIORITIES.indexOf(p);
  const due = (tk) => tk.resolutionDueAt || tk.firstResponseDueAt || "9999";
  const copy = items.slice();
  if (by === "priority") copy.sort((a, b) => rank(b.priority) - rank(a.priority) || due(a).localeCompare(due(b)));
  else if (by === "updated") copy.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  else copy.sort((a, b) => due(a).localeCompare(due(b)));
  return copy;
}
