// The agent desk: the bar (state, customer search, lists, links), the screen pop, the work panel
// (customer, ticket and list views from ./desk/), follow-ups and KB search. Shortcuts: A accepts
// the pop, N opens a new ticket for the caller, / searches the KB, F finds a customer.
import { api, logout } from "./api.js";
import { $, h, mount } from "./dom.js";
import { addText, missingKeys, t, tf } from "./i18n.js";
import { connectLive } from "./live.js";
import { session } from "./session.js";
import { DESK_TEXT } from "./desk/text.js";
import { desk, linkButton, showError, time, work, workIsDirty } from "./desk/context.js";
import { callerForm, customerSearch, customerView, phoneLink } from "./desk/customers.js";
import { kbBox, kbHit } from "./desk/kb.js";
import { followUpText, ivrPath, timelineText } from "./desk/story.js";
import { ticketForm, ticketLists, ticketView } from "./desk/tickets.js";
import { visitList } from "./desk/visits.js";

addText(DESK_TEXT);
const root = document.getElementById("app");

start().catch((e) => {
  const p = h("p", { class: "error", role: "alert" });
  showError(p, e);
  mount(root, p);
});

async function start() {
  desk.user = await session(root);
  if (!desk.user) return;
  const roles = desk.user.roles;
  const has = (r) => roles.includes(r);
  // Each role starts where its work is: administrators on the administration page, technicians on
  // their route; agents and supervisors here.
  if (!has("AGENT") && !has("SUPERVISOR")) {
    location.replace(has("ADMIN") ? "/admin.html" : "/tech.html");
    return;
  }
  mount(
    root,
    h("header", { class: "bar" },
      h("h1", { class: "bar-title" }, t("app.title")),
      h("span", { id: "me" }, desk.user.displayName),
      has("AGENT") ? h("span", { id: "agent-state", class: "state", role: "status" }) : null,
      has("AGENT") ? stateControls() : null,
      customerSearch(),
      h("nav", { class: "bar-nav", "aria-label": t("nav.label") },
        h("button", { id: "to-lists", onclick: () => ticketLists("mine") }, t("list.title")),
        has("SUPERVISOR") ? h("a", { id: "to-wallboard", href: "/wallboard.html", class: "bar-link" }, t("wall.title")) : null,
        has("SUPERVISOR") || has("ADMIN") ? h("a", { id: "to-dispatch", href: "/dispatch.html", class: "bar-link" }, t("board.title")) : null,
        has("ADMIN") ? h("a", { id: "to-admin", href: "/admin.html", class: "bar-link" }, t("admin.title")) : null),
      h("span", { id: "offline", class: "offline", hidden: true, role: "status" }, t("ws.offline")),
      h("button", { id: "logout", onclick: async () => { await logout(); location.reload(); } }, t("logout")),
    ),
    h("main", { class: "desk" },
      h("section", { id: "pop", class: "pop card idle", "aria-label": t("pop.title"), tabindex: "-1" }, h("p", { class: "idle-text" }, t("pop.idle"))),
      h("section", { id: "work", class: "work card", "aria-label": t("work.label") }),
      h("aside", { class: "side" }, kbBox(), h("section", { id: "followups", class: "followups card" })),
    ),
  );
  document.addEventListener("keydown", shortcuts);
  desk.live = connectLive(onMessage, (online) => ($("#offline").hidden = online));
  window.ccDesk = desk; // for the browser tests and the console
  window.ccMissingKeys = missingKeys;
  window.addEventListener("hashchange", route);
  await Promise.all([loadFollowUps(), route()]);
}

/** Links into the desk (from the wallboard, reports): #ticket/12, #customer/7; else my tickets. */
async function route() {
  const m = /^#(ticket|customer)\/(\d+)$/.exec(location.hash);
  if (m && m[1] === "ticket") await ticketView(Number(m[2]));
  else if (m) await customerView(Number(m[2]));
  else if (!$("#work").hasChildNodes()) await ticketLists("mine");
}

function stateControls() {
  const reason = h("input", { id: "pause-reason", "aria-label": t("state.reason"), placeholder: t("state.reason"), maxlength: 80 });
  const select = h("select", { id: "state-select", "aria-label": t("state.label") },
    ["available", "paused", "logged-out"].map((s) => h("option", { value: s }, t("state." + s))));
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
        showError(error, e);
      }
    },
  }, t("state.set"));
  return h("span", { class: "state-controls" }, select, reason, button, error);
}

function showState(status) {
  desk.state = status;
  const el = $("#agent-state");
  if (!el) return;
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

function showPop(data, { fresh = true } = {}) {
  const p = data.pop;
  const newCall = !desk.pop || desk.pop.callId !== p.callId;
  desk.pop = p;
  desk.popData = data;
  desk.popState = data.state;
  const panel = $("#pop");
  const customer = p.customer;
  const who =
    p.lookup === "KNOWN"
      ? [h("span", { class: "name", id: "pop-name" }, customer.name),
         customer.tier === "VIP" ? h("span", { class: "badge vip", id: "pop-vip" }, t("pop.vip")) : null,
         customer.companyName ? h("span", { class: "company" }, customer.companyName + " ") : null]
      : h("span", { class: "name", id: "pop-name" }, t("pop." + p.lookup.toLowerCase()));
  if (desk.state) showState(desk.state);
  // The previous call's view goes, unless the agent is typing something not saved yet.
  if (fresh && newCall && !workIsDirty()) work();
  mount(
    panel,
    h("h2", { id: "pop-heading", tabindex: "-1" }, t("pop.title"), " ",
      h("span", { id: "pop-status", class: "pop-status", role: "status" }, data.state === "answered" ? t("pop.answered") : "")),
    h("div", { class: "who" }, who),
    h("div", { class: "caller" }, p.caller.number ? phoneLink(p.caller.number) : "", p.caller.name && p.lookup !== "KNOWN" ? " · " + p.caller.name : "",
      p.queue ? " · " + tf("pop.queue", { queue: p.queue }) : ""),
    h("div", { class: "actions", id: "pop-actions" }, popActions(p)),
    p.transfer ? h("p", { id: "pop-transfer", class: "transfer" }, transferredFrom(p.transfer)) : null,
    p.lookup === "AMBIGUOUS"
      ? h("ul", { id: "pop-candidates", class: "candidates" },
          p.candidates.map((c) => h("li", {},
            linkButton({ "data-customer": c.id }, c.name, () => identify(c)),
            c.companyName ? " · " + c.companyName : "",
            c.tier === "VIP" ? h("span", { class: "badge vip" }, t("pop.vip")) : null)))
      : null,
    p.openTickets.length
      ? h("section", {}, h("h3", {}, t("pop.openTickets")),
          h("ul", { id: "pop-tickets" }, p.openTickets.map((tk) =>
            h("li", { class: "sla-" + tk.sla, "data-sla": tk.sla },
              linkButton({}, "#" + tk.id + " " + tk.title, () => ticketView(tk.id)), " · ",
              h("span", { class: "sla" }, t("sla." + tk.sla)),
              tk.dueAt ? " · " + time(tk.dueAt) : "",
              tk.remainingSeconds !== undefined && tk.remainingSeconds !== null ? " · " + remaining(tk.remainingSeconds) : ""))))
      : null,
    p.overdueFollowUps.length
      ? h("section", {}, h("h3", {}, t("pop.followUps")),
          h("ul", {}, p.overdueFollowUps.map((f) => h("li", {}, followUpText(f), " · ", time(f.dueAt)))))
      : null,
    p.recent.length
      ? h("section", {}, h("h3", {}, t("pop.recent")),
          h("ul", { id: "pop-recent" }, p.recent.map((e) => h("li", {}, time(e.at), " ", timelineText(e)))))
      : null,
    p.extras && p.extras.ivr
      ? h("section", { id: "pop-ivr" }, h("h3", {}, t("pop.ivr")), ivrPath(p.extras.ivr),
          p.extras.ivr.ticketId ? linkButton({}, "#" + p.extras.ivr.ticketId, () => ticketView(p.extras.ivr.ticketId)) : null)
      : null,
    p.extras && p.extras.dispatch && p.extras.dispatch.length
      ? h("section", { id: "pop-dispatch" }, h("h3", {}, t("pop.dispatch")), visitList(p.extras.dispatch))
      : null,
    p.extras && p.extras.kb && p.extras.kb.length
      ? h("section", { id: "pop-kb" }, h("h3", {}, t("pop.kb")), h("ul", { class: "kb-results" }, p.extras.kb.map(kbHit)))
      : null,
  );
  panel.classList.remove("idle", "closed");
  panel.hidden = false;
  panel.dataset.callId = p.callId;
  // Focus moves to the pop, but never out of a field the agent is typing in.
  const typing = document.activeElement && document.activeElement.matches("input, textarea, select, [contenteditable]");
  if (fresh && newCall && !typing) $("#pop-heading").focus();
}

function popActions(p) {
  const c = p.customer;
  if (c) {
    return [
      h("button", { id: "pop-accept", class: "primary", onclick: () => accept() }, t("pop.accept") + " (A)"),
      h("button", { id: "pop-open-customer", onclick: () => customerView(c.id) }, t("pop.openCustomer")),
      h("button", { id: "pop-new-ticket", onclick: () => newTicket() }, t("pop.newTicket") + " (N)"),
    ];
  }
  return [
    h("button", { id: "pop-identify", class: "primary", onclick: () => accept() },
      t(p.lookup === "ANONYMOUS" ? "pop.findCustomer" : "pop.identify") + " (A)"),
  ];
}

/** What "accept" means for this caller: the server's advice for a known one, identify otherwise. */
function accept() {
  const p = desk.pop;
  if (!p) return;
  if (!p.customer) {
    callerForm(p.caller, identified);
  } else if (p.onAnswer && p.onAnswer.action === "new-ticket") {
    newTicket();
  } else if (p.onAnswer && p.onAnswer.ticketId) {
    ticketView(p.onAnswer.ticketId);
  } else {
    customerView(p.customer.id);
  }
}

function newTicket() {
  const p = desk.pop;
  if (!p) return;
  if (!p.customer) {
    callerForm(p.caller, identified);
    return;
  }
  const prefill = (p.onAnswer && p.onAnswer.ticket) || {};
  ticketForm({
    customerId: p.customer.id,
    customerName: p.customer.name,
    queue: p.queue,
    type: prefill.type,
    pbxLinkedid: prefill.pbxLinkedid || p.callId,
  });
}

/** The agent identified the caller: the pop shows them from now on. */
function identify(c) {
  identified(c);
  customerView(c.id);
}

function identified(c) {
  if (!desk.popData) return;
  const pop = { ...desk.pop, lookup: "KNOWN", customer: { id: c.id, name: c.name, tier: c.tierOverride || c.tier, companyName: c.companyName }, candidates: [] };
  pop.onAnswer = { action: "new-ticket", customerId: c.id, ticket: { type: "QUESTION", pbxLinkedid: pop.callId } };
  showPop({ ...desk.popData, pop }, { fresh: false });
}

/** "Transferred from Agent One (support)": who passed the call on, from which queue. */
function transferredFrom(transfer) {
  return tf(transfer.fromQueue ? "pop.transferredFromQueue" : "pop.transferredFrom", {
    agent: transfer.fromAgent || transfer.fromInterface,
    queue: transfer.fromQueue || "",
  });
}

/** "2 h 5 min left" / "40 min overdue" in business time. */
function remaining(seconds) {
  const m = Math.round(Math.abs(seconds) / 60);
  const text = m >= 60 ? tf("unit.hoursMinutes", { h: Math.floor(m / 60), m: m % 60 }) : tf("unit.minutes", { m });
  return tf(seconds >= 0 ? "sla.left" : "sla.over", { time: text });
}

function updatePop(data) {
  const panel = $("#pop");
  if (!desk.pop || panel.dataset.callId !== data.callId) return;
  const status = $("#pop-status");
  if (data.state === "answered") {
    desk.popState = "answered";
    status.textContent = t("pop.answered");
    desk.interactionId = data.interactionId;
    if (data.onAnswer && data.onAnswer.action === "new-ticket" && !workIsDirty()) newTicket();
  } else if (data.state === "ended") {
    status.textContent = t("pop.ended");
  } else {
    status.textContent = t("pop.closed." + data.state);
    panel.classList.add("closed");
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
          const note = h("input", { class: "followup-note", "aria-label": t("followups.note"), placeholder: t("followups.note"), maxlength: 5000 });
          const error = h("span", { class: "error", role: "alert" });
          return h("li", { class: f.overdue ? "overdue" : "", "data-followup": f.id },
            f.overdue ? h("span", { class: "badge overdue" }, t("followups.overdue")) : null,
            " ", followUpText(f), " · ", time(f.dueAt),
            f.customerId ? [" ", linkButton({ "aria-label": tf("followups.openCustomer", { title: followUpText(f) }) }, "→", () => customerView(f.customerId))] : null,
            h("div", { class: "inline" }, note,
              h("button", { class: "followup-done", onclick: async () => {
                try {
                  await api("POST", "/api/v1/follow-ups/" + f.id + "/complete", note.value.trim() ? { note: note.value.trim() } : {});
                  loadFollowUps();
                } catch (e) {
                  showError(error, e);
                }
              } }, t("followups.complete")), error));
        })),
  );
}

function shortcuts(e) {
  const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement || e.target.isContentEditable;
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  const key = e.key.toLowerCase();
  if (key === "a" && desk.pop) {
    e.preventDefault(); // the form that opens must not receive the letter
    accept();
  } else if (key === "n" && desk.pop) {
    e.preventDefault();
    newTicket();
  } else if (key === "/" || key === "f") {
    const box = document.getElementById(key === "/" ? "kb-query" : "customer-search");
    if (box) {
      e.preventDefault();
      box.focus();
    }
  }
}
