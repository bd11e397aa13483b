// The agent desk: state, the screen pop, the pre-filled ticket, follow-ups, click-to-call.
import { api, logout } from "./api.js";
import { $, h, mount } from "./dom.js";
import { missingKeys, t, time } from "./i18n.js";
import { connectLive } from "./live.js";
import { session } from "./session.js";

const root = document.getElementById("app");
const desk = { user: null, state: null, pop: null, popState: null, live: null };

start().catch((e) => mount(root, h("p", { class: "error" }, t("error.generic") + e.message)));

async function start() {
  desk.user = await session(root);
  if (!desk.user) return;
  mount(
    root,
    h(
      "header",
      { class: "bar" },
      h("strong", {}, t("app.title")),
      h("span", { id: "me" }, desk.user.displayName),
      h("span", { id: "agent-state", class: "state" }),
      stateControls(),
      h("span", { id: "offline", class: "offline", hidden: true }, t("ws.offline")),
      desk.user.roles.includes("ADMIN") ? h("a", { id: "to-admin", href: "/admin.html", class: "bar-link" }, t("admin.title")) : null,
      h("button", { id: "logout", onclick: async () => { await logout(); location.reload(); } }, t("logout")),
    ),
    h("main", { class: "desk" },
      h("section", { id: "pop", class: "pop", hidden: true }),
      h("section", { id: "work", class: "work" }),
      h("aside", { class: "side" }, kbBox(), h("div", { id: "followups", class: "followups" })),
    ),
  );
  document.addEventListener("keydown", shortcuts);
  desk.live = connectLive(onMessage, (online) => ($("#offline").hidden = online));
  window.ccDesk = desk; // for the browser tests and the console
  window.ccMissingKeys = missingKeys;
  await loadFollowUps();
}

function stateControls() {
  const reason = h("input", { id: "pause-reason", placeholder: t("state.reason"), maxlength: 80 });
  const select = h(
    "select",
    { id: "state-select" },
    ["available", "paused", "logged-out"].map((s) => h("option", { value: s }, t("state." + s))),
  );
  const error = h("span", { id: "state-error", class: "error", role: "alert" });
  const button = h("button", {
    id: "state-set",
    onclick: async () => {
      error.textContent = "";
      try {
        const body = { state: select.value };
        if (select.value === "paused" && reason.value.trim()) body.reason = reason.value.trim();
        showState(await api("PUT", "/api/v1/agents/me/state", body));
      } catch (e) {
        error.textContent = t("state.failed") + e.message;
      }
    },
  }, t("state.set"));
  return h("span", { class: "state-controls" }, select, reason, button, error);
}

function showState(status) {
  desk.state = status;
  const el = $("#agent-state");
  el.dataset.state = status.state;
  let call = "";
  if (status.callId && desk.pop && desk.pop.callId === status.callId) {
    const p = desk.pop;
    call = " · " + (p.customer ? p.customer.name : p.caller.number || t("pop.anonymous"));
  }
  el.textContent = t("state." + status.state) + (status.reason ? " (" + status.reason + ")" : "") + call;
}

function onMessage(m) {
  switch (m.type) {
    case "agent-state":
      if (m.data.userId === desk.user.id) showState(m.data);
      break;
    case "screen-pop":
      showPop(m.data);
      break;
    case "call-update":
      updatePop(m.data);
      break;
    case "follow-up":
      loadFollowUps();
      break;
  }
}

// ---------------------------------------------------------------- screen pop

function showPop(data) {
  const p = data.pop;
  desk.pop = p;
  desk.popState = data.state;
  const panel = $("#pop");
  const customer = p.customer;
  const who =
    p.lookup === "KNOWN"
      ? [h("span", { class: "name", id: "pop-name" }, customer.name),
         customer.tier === "VIP" ? h("span", { class: "badge vip", id: "pop-vip" }, t("pop.vip")) : null,
         customer.companyName ? h("span", { class: "company" }, customer.companyName + " ") : null,
         customer.language ? h("span", { class: "lang" }, customer.language) : null]
      : p.lookup === "ANONYMOUS"
        ? [h("span", { class: "name", id: "pop-name" }, t("pop.anonymous"))]
        : p.lookup === "AMBIGUOUS"
          ? [h("span", { class: "name", id: "pop-name" }, t("pop.ambiguous"))]
          : [h("span", { class: "name", id: "pop-name" }, t("pop.unknown"))];
  if (desk.state) showState(desk.state);
  mount(
    panel,
    h("h2", {}, t("pop.title"), " ", h("span", { id: "pop-status", class: "pop-status" }, data.state === "answered" ? t("pop.answered") : "")),
    h("div", { class: "who" }, who),
    h("div", { class: "caller" }, p.caller.number ? phoneLink(p.caller.number) : "", p.caller.name ? " · " + p.caller.name : "", p.queue ? " · " + p.queue : ""),
    p.transfer ? h("p", { id: "pop-transfer", class: "transfer" }, transferredFrom(p.transfer)) : null,
    p.lookup === "AMBIGUOUS"
      ? h("ul", { id: "pop-candidates", class: "candidates" },
          p.candidates.map((c) => h("li", {},
            h("a", { href: "#", "data-customer": c.id, onclick: (e) => { e.preventDefault(); customerView(c.id); } }, c.name),
            c.companyName ? " · " + c.companyName : "",
            c.tier === "VIP" ? h("span", { class: "badge vip" }, t("pop.vip")) : null)))
      : null,
    p.lookup === "UNKNOWN"
      ? h("button", { id: "pop-create-customer", onclick: () => createCustomer(p) }, t("pop.createCustomer"))
      : null,
    p.openTickets.length
      ? h("section", {}, h("h3", {}, t("pop.openTickets")),
          h("ul", { id: "pop-tickets" }, p.openTickets.map((tk) =>
            h("li", { class: "sla-" + tk.sla, "data-sla": tk.sla },
              h("a", { href: "#", onclick: (e) => { e.preventDefault(); ticketView(tk.id); } }, "#" + tk.id + " " + tk.title), " · ",
              h("span", { class: "sla" }, t("sla." + tk.sla)),
              tk.dueAt ? " · " + time(tk.dueAt, desk.user.timeZone) : "",
              tk.remainingSeconds !== undefined && tk.remainingSeconds !== null ? " · " + remaining(tk.remainingSeconds) : ""))))
      : null,
    p.overdueFollowUps.length
      ? h("section", {}, h("h3", {}, t("pop.followUps")),
          h("ul", {}, p.overdueFollowUps.map((f) => h("li", {}, f.title, " · ", time(f.dueAt, desk.user.timeZone)))))
      : null,
    p.recent.length
      ? h("section", {}, h("h3", {}, t("pop.recent")),
          h("ul", { id: "pop-recent" }, p.recent.map((e) => h("li", {}, time(e.at, desk.user.timeZone), " ", e.summary || e.kind))))
      : null,
    p.extras && p.extras.ivr
      ? h("section", { id: "pop-ivr" }, h("h3", {}, t("pop.ivr")),
          h("p", { class: "ivr-path" }, p.extras.ivr.path),
          p.extras.ivr.ticketId
            ? h("a", { href: "#", onclick: (e) => { e.preventDefault(); ticketView(p.extras.ivr.ticketId); } }, "#" + p.extras.ivr.ticketId)
            : null)
      : null,
    p.extras && p.extras.kb && p.extras.kb.length
      ? h("section", { id: "pop-kb" }, h("h3", {}, t("pop.kb")), h("ul", { class: "kb-results" }, p.extras.kb.map(kbHit)))
      : null,
    h("div", { class: "actions" },
      customer ? h("button", { id: "pop-open-customer", onclick: () => customerView(customer.id) }, t("pop.openCustomer") + " (A)") : null,
      customer ? h("button", { id: "pop-new-ticket", onclick: () => ticketForm(p) }, t("pop.newTicket") + " (N)") : null),
  );
  panel.hidden = false;
  panel.dataset.callId = p.callId;
}

/** "Transferred from Agent One (support)": who passed the call on, from which queue. */
function transferredFrom(transfer) {
  const text = t(transfer.fromQueue ? "pop.transferredFromQueue" : "pop.transferredFrom");
  // functions, not strings, as replacements: a "$&" in a name stays as typed
  return text.replace("{agent}", () => transfer.fromAgent || transfer.fromInterface).replace("{queue}", () => transfer.fromQueue || "");
}

/** "2 h 5 min left" / "40 min overdue" in business time. */
function remaining(seconds) {
  const m = Math.round(Math.abs(seconds) / 60);
  const text = m >= 60 ? Math.floor(m / 60) + " h " + (m % 60) + " min" : m + " min";
  return seconds >= 0 ? t("sla.left").replace("{}", text) : t("sla.over").replace("{}", text);
}

function updatePop(data) {
  const panel = $("#pop");
  if (!desk.pop || panel.dataset.callId !== data.callId) return;
  const status = $("#pop-status");
  if (data.state === "answered") {
    desk.popState = "answered";
    status.textContent = t("pop.answered");
    desk.interactionId = data.interactionId;
    if (data.onAnswer && data.onAnswer.action === "new-ticket") ticketForm(desk.pop);
  } else if (data.state === "ended") {
    status.textContent = t("pop.ended");
  } else {
    status.textContent = t("pop.closed." + data.state);
    panel.classList.add("closed");
    setTimeout(() => { if (panel.dataset.callId === data.callId) panel.hidden = true; }, 3000);
  }
}

function ticketForm(p) {
  const prefill = (p.onAnswer && p.onAnswer.ticket) || {};
  const title = h("input", { id: "ticket-title", value: prefill.title || "", maxlength: 200, required: true });
  const type = h("select", { id: "ticket-type" },
    ["QUESTION", "FAULT_REPORT", "SERVICE_REQUEST", "COMPLAINT"].map((v) => h("option", { value: v, selected: v === prefill.type }, v)));
  const result = h("p", { id: "ticket-result", role: "status" });
  const form = h("form", { id: "ticket-form", class: "ticket-form" },
    h("label", { for: "ticket-title" }, t("ticket.title")), title,
    h("label", { for: "ticket-type" }, t("ticket.type")), type,
    h("button", { type: "submit", id: "ticket-save" }, t("ticket.save")), result);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const ticket = await api("POST", "/api/v1/tickets", {
        type: type.value,
        title: title.value,
        customerId: prefill.customerId,
        source: "PHONE",
        pbxLinkedid: prefill.pbxLinkedid,
      });
      result.textContent = t("ticket.saved") + ticket.id;
      result.dataset.ticketId = ticket.id;
      result.append(" ", h("a", { href: "#", id: "ticket-open", onclick: (ev) => { ev.preventDefault(); ticketView(ticket.id); } }, "→"));
    } catch (err) {
      result.textContent = t("error.generic") + err.message;
    }
  });
  mount($("#work"), form);
  title.focus();
}

async function createCustomer(p) {
  const customer = await api("POST", "/api/v1/customers", {
    kind: "PERSON",
    name: p.caller.name || p.caller.number,
    phones: [{ type: "MOBILE", number: p.caller.number }],
  });
  mount($("#work"), h("p", { id: "customer-created" }, "#" + customer.id + " " + customer.name));
}

function phoneLink(number) {
  return h("a", { href: "#", class: "dial", "data-number": number, onclick: (e) => { e.preventDefault(); dial(number); } }, number);
}

async function dial(number) {
  try {
    await api("POST", "/api/v1/calls", { number });
  } catch (e) {
    mount($("#work"), h("p", { class: "error" }, t("error.generic") + e.message));
  }
}

// ---------------------------------------------------------------- follow-ups

async function loadFollowUps() {
  const list = await api("GET", "/api/v1/follow-ups");
  const items = list.items.slice().sort((a, b) => (b.overdue - a.overdue) || a.dueAt.localeCompare(b.dueAt));
  mount(
    $("#followups"),
    h("h2", {}, t("followups.title")),
    items.length === 0
      ? h("p", {}, t("followups.none"))
      : h("ul", { id: "followup-list" }, items.map((f) => {
          const note = h("input", { class: "followup-note", placeholder: t("followups.note"), maxlength: 5000 });
          return h("li", { class: f.overdue ? "overdue" : "", "data-followup": f.id },
            f.overdue ? h("span", { class: "badge" }, t("followups.overdue")) : null,
            " ", f.title, " · ", time(f.dueAt, desk.user.timeZone),
            f.customerId ? h("a", { href: "#", onclick: (e) => { e.preventDefault(); customerView(f.customerId); } }, " →") : null,
            h("div", {}, note,
              h("button", { class: "followup-done", onclick: async () => {
                await api("POST", "/api/v1/follow-ups/" + f.id + "/complete", note.value.trim() ? { note: note.value.trim() } : {});
                loadFollowUps();
              } }, t("followups.complete"))));
        })),
  );
}

// ---------------------------------------------------------------- knowledge base

function kbBox() {
  const input = h("input", { id: "kb-query", type: "search", placeholder: t("kb.search") + " (/)", autocomplete: "off", maxlength: 200 });
  const results = h("ul", { id: "kb-results", class: "kb-results" });
  let timer = null;
  let latest = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      const mine = ++latest;
      if (q.length < 2) {
        mount(results);
        return;
      }
      try {
        const found = await api("GET", "/api/v1/kb/search?limit=5&q=" + encodeURIComponent(q));
        if (mine === latest) mount(results, found.hits.map(kbHit));
      } catch (e) {
        if (mine === latest) mount(results, h("li", { class: "error" }, t("error.generic") + e.message));
      }
    }, 200); // debounced: one request when the agent pauses typing
  });
  return h("section", { class: "kb" }, h("h2", {}, t("kb.search")), input, results);
}

function kbHit(hit) {
  const feedback = (kind) => async () => {
    await api("POST", "/api/v1/kb/articles/" + hit.id + "/feedback", { kind });
    item.classList.add("rated");
  };
  const item = h("li", { class: "kb-hit", "data-article": hit.id },
    h("strong", {}, hit.title),
    h("p", { class: "snippet" }, highlighted(hit.snippet || "")),
    h("button", { class: "kb-insert", onclick: () => insertIntoReply(hit) }, t("kb.insert")),
    h("button", { class: "kb-helpful", onclick: feedback("HELPFUL") }, t("kb.helpful")),
    h("button", { class: "kb-not-helpful", onclick: feedback("NOT_HELPFUL") }, t("kb.notHelpful")));
  return item;
}

/**
 * The search snippet is HTML-escaped text with <mark> around matches: split it, unescape the text
 * and build <mark> elements, so that nothing in an article can become markup.
 */
function highlighted(snippet) {
  const parts = [];
  const re = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    parts.push(unescapeHtml(snippet.slice(last, m.index)));
    parts.push(h("mark", {}, unescapeHtml(m[1])));
    last = m.index + m[0].length;
  }
  parts.push(unescapeHtml(snippet.slice(last)));
  return parts;
}

function unescapeHtml(text) {
  return text.replace(/&(lt|gt|amp|quot|#39|#x27|#x2F);/g, (_, e) =>
    ({ lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'", "#x27": "'", "#x2F": "/" })[e]);
}

function insertIntoReply(hit) {
  const box = document.getElementById("comment-body");
  const text = hit.title + " [KB " + (hit.externalId || hit.id) + "]";
  if (box) {
    box.value = (box.value ? box.value + "\n" : "") + text;
    box.focus();
  } else {
    navigator.clipboard?.writeText(text).catch(() => {});
  }
}

function shortcuts(e) {
  const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === "a" && desk.pop && desk.pop.customer) {
    // Accept the pop: what the server advised for this caller.
    if (desk.pop.onAnswer.action === "new-ticket") ticketForm(desk.pop);
    else customerView(desk.pop.customer.id);
  } else if (e.key === "n" && desk.pop && desk.pop.customer) {
    ticketForm(desk.pop);
  } else if (e.key === "/") {
    const search = document.getElementById("kb-query");
    if (search) {
      e.preventDefault();
      search.focus();
    }
  }
}

// ---------------------------------------------------------------- customer and ticket views

async function customerView(id) {
  const [c, timeline, tickets] = await Promise.all([
    api("GET", "/api/v1/customers/" + id),
    api("GET", "/api/v1/customers/" + id + "/timeline?limit=20"),
    api("GET", "/api/v1/customers/" + id + "/tickets"),
  ]);
  const tier = c.tierOverride || c.tier;
  mount(
    $("#work"),
    h("article", { id: "customer-view", "data-customer-id": c.id },
      h("h2", {}, h("span", { id: "customer-name" }, c.name), " ", tier === "VIP" ? h("span", { class: "badge vip" }, t("pop.vip")) : null,
        " ", h("button", { id: "customer-edit", onclick: () => customerForm(c) }, t("customer.edit"))),
      c.companyName ? h("p", {}, c.companyName) : null,
      h("ul", { class: "phones" }, c.phones.map((ph) => h("li", {}, ph.type, " ", phoneLink(ph.original)))),
      c.emails.length ? h("p", {}, c.emails.join(", ")) : null,
      c.address ? h("p", {}, c.address) : null,
      c.notes ? h("p", { class: "notes" }, c.notes) : null,
      h("h3", {}, t("customer.tickets")),
      h("ul", { id: "customer-tickets" }, (tickets.items || []).map((tk) =>
        h("li", {}, h("a", { href: "#", onclick: (e) => { e.preventDefault(); ticketView(tk.id); } }, "#" + tk.id + " " + tk.title), " · ", t("status." + tk.status)))),
      h("h3", {}, t("customer.timeline")),
      h("ul", { id: "customer-timeline" }, (timeline.items || []).map((e) =>
        h("li", {}, time(e.at, desk.user.timeZone), " · ", e.summary || e.kind))),
    ),
  );
}

function customerForm(c) {
  const name = h("input", { id: "edit-name", value: c.name, maxlength: 200, required: true });
  const phones = h("textarea", { id: "edit-phones", rows: 3 }, c.phones.map((p) => p.original).join("\n"));
  const emails = h("input", { id: "edit-emails", value: c.emails.join(", ") });
  const address = h("input", { id: "edit-address", value: c.address || "" });
  const notes = h("textarea", { id: "edit-notes", rows: 3 }, c.notes || "");
  const error = h("p", { class: "error", id: "edit-error", role: "alert" });
  const form = h("form", { id: "customer-form", class: "ticket-form" },
    h("label", { for: "edit-name" }, t("customer.name")), name,
    h("label", { for: "edit-phones" }, t("customer.phones")), phones,
    h("label", { for: "edit-emails" }, t("customer.emails")), emails,
    h("label", { for: "edit-address" }, t("customer.address")), address,
    h("label", { for: "edit-notes" }, t("customer.notes")), notes,
    h("button", { type: "submit", id: "edit-save" }, t("customer.save")), error);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const kept = new Map(c.phones.map((p) => [p.original, p.type]));
    try {
      await api("PUT", "/api/v1/customers/" + c.id, {
        kind: c.kind,
        name: name.value,
        companyId: c.companyId,
        language: c.language,
        phones: phones.value.split("\n").map((x) => x.trim()).filter(Boolean).map((number) => ({ type: kept.get(number) || "OTHER", number })),
        emails: emails.value.split(",").map((x) => x.trim()).filter(Boolean),
        address: address.value || null,
        notes: notes.value || null,
        attributes: c.attributes,
        value12m: c.value12m,
        externalRef: c.externalRef,
        version: c.version,
      });
      customerView(c.id);
    } catch (err) {
      // A concurrent edit is a 409: nothing is overwritten; the agent reloads and edits again.
      error.textContent = t("error.generic") + err.message;
    }
  });
  mount($("#work"), form);
  name.focus();
}

async function ticketView(id) {
  const [tk, comments, audit] = await Promise.all([
    api("GET", "/api/v1/tickets/" + id),
    api("GET", "/api/v1/tickets/" + id + "/comments"),
    api("GET", "/api/v1/tickets/" + id + "/audit"),
  ]);
  const error = h("p", { class: "error", id: "ticket-error", role: "alert" });
  const resolution = h("input", { id: "ticket-resolution", placeholder: t("ticket.resolution"), maxlength: 10000 });
  const statusButtons = (tk.allowedTransitions || []).map((to) =>
    h("button", { class: "status-to", "data-to": to, onclick: async () => {
      try {
        const body = { to, version: tk.version };
        if (to === "RESOLVED" && resolution.value.trim()) body.resolution = resolution.value.trim();
        await api("POST", "/api/v1/tickets/" + id + "/status", body);
        ticketView(id);
      } catch (e) {
        error.textContent = t("error.generic") + e.message;
      }
    } }, t("status." + to)));
  const commentBody = h("textarea", { id: "comment-body", rows: 3, maxlength: 10000 });
  const visibility = h("select", { id: "comment-visibility" },
    h("option", { value: "INTERNAL" }, t("comment.internal")), h("option", { value: "PUBLIC" }, t("comment.public")));
  const sla = tk.sla || {};
  const assign = async (assigneeId) => {
    try {
      await api("PUT", "/api/v1/tickets/" + id + "/assignee", { assigneeId, version: tk.version });
      ticketView(id);
    } catch (e) {
      error.textContent = t("error.generic") + e.message;
    }
  };
  // Reassign to a colleague: the list comes from /api/v1/users.
  const assignees = h("select", { id: "ticket-assign", onchange: (e) => e.target.value && assign(Number(e.target.value)) },
    h("option", { value: "" }, t("ticket.assignTo")));
  api("GET", "/api/v1/users?role=agent").then((users) => {
    for (const u of users.items) {
      if (u.id !== tk.assigneeId) assignees.append(h("option", { value: u.id }, u.displayName));
    }
  }).catch(() => {});
  mount(
    $("#work"),
    h("article", { id: "ticket-view", "data-ticket-id": tk.id },
      h("h2", {}, "#" + tk.id + " ", h("span", { id: "ticket-view-title" }, tk.title)),
      h("p", {}, h("span", { id: "ticket-status", "data-status": tk.status }, t("status." + tk.status)), " · ", tk.type, " · ", tk.priority),
      tk.description ? h("p", { class: "description" }, tk.description) : null,
      h("p", { id: "ticket-sla" },
        slaText(t("sla.firstResponse"), sla.firstResponse), " · ", slaText(t("sla.resolution"), sla.resolution)),
      h("div", { id: "ticket-actions" }, statusButtons, (tk.allowedTransitions || []).includes("RESOLVED") ? resolution : null),
      h("p", { id: "ticket-assignee", "data-assignee": tk.assigneeId || "" },
        t("ticket.assignee"), ": ", tk.assigneeId === desk.user.id ? t("ticket.me") : tk.assigneeId ? "#" + tk.assigneeId : "–",
        tk.team ? " · " + tk.team : "", " ",
        tk.assigneeId === desk.user.id ? null : h("button", { id: "ticket-take", onclick: () => assign(desk.user.id) }, t("ticket.take")),
        " ", assignees),
      error,
      h("h3", {}, t("ticket.comments")),
      h("ul", { id: "ticket-comments" }, comments.items.map((c) =>
        h("li", { class: "comment " + c.visibility.toLowerCase() }, time(c.createdAt, desk.user.timeZone), " · ", t("comment." + c.visibility.toLowerCase()), ": ", c.body))),
      h("form", { id: "comment-form", onsubmit: async (e) => {
        e.preventDefault();
        try {
          await api("POST", "/api/v1/tickets/" + id + "/comments", { visibility: visibility.value, body: commentBody.value });
          ticketView(id);
        } catch (err) {
          error.textContent = t("error.generic") + err.message;
        }
      } }, commentBody, visibility, h("button", { type: "submit", id: "comment-save" }, t("ticket.comment"))),
      h("section", { id: "ticket-kb" }),
      h("h3", {}, t("ticket.audit")),
      h("ul", { id: "ticket-audit" }, audit.items.map((a) =>
        h("li", {}, time(a.at, desk.user.timeZone), " · ", a.field, ": ", a.oldValue || "–", " → ", a.newValue || "–"))),
    ),
  );
  ticketKnowledge(id);
}

async function ticketKnowledge(id) {
  try {
    const found = await api("GET", "/api/v1/tickets/" + id + "/kb-suggestions?limit=3");
    const box = document.getElementById("ticket-kb");
    if (box && found.hits.length) mount(box, h("h3", {}, t("pop.kb")), h("ul", { class: "kb-results" }, found.hits.map(kbHit)));
  } catch {
    // suggestions are a help, not a requirement
  }
}

function slaText(label, clock) {
  if (!clock || !clock.measurement) return label + " –";
  const m = clock.measurement;
  const state = m.state === "BREACHED" ? "breached" : m.warning ? "warning" : m.state === "PAUSED" ? "paused" : m.state === "MET" ? "ok" : "ok";
  return h("span", { class: "sla-" + state, "data-sla": state }, label + " ", h("span", { class: "sla" }, t("sla." + state)), " · ", time(m.dueAt, desk.user.timeZone));
}
