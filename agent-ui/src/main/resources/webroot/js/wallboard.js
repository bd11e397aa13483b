// The supervisor wallboard: per queue figures and agents' states, live over the WebSocket.
import { api, logout } from "./api.js";
import { $, h, mount } from "./dom.js";
import { addText, duration, errorText, missingKeys, t, tf, time } from "./i18n.js";
import { connectLive } from "./live.js";
import { session } from "./session.js";
import { DESK_TEXT } from "./desk/text.js";
import { REPORTS_TEXT } from "./reports-text.js";

addText(DESK_TEXT);
addText(REPORTS_TEXT);
addText({
  "zh-TW": {
    "wall.toDesk": "服務台",
    "wall.noQueues": "尚未收到佇列資料(電話系統連線後會出現)。",
    "wall.noAgents": "目前沒有座席登入。",
    "wall.noSla": "沒有即將或已逾期的工單。",
    "wall.ticket": "工單",
    "wall.title.col": "標題",
    "wall.status.col": "狀態",
    "wall.due": "期限",
    "wall.actions": "操作",
    "wall.setState": "變更 {name} 的狀態",
    "wall.apply": "套用",
    "wall.call": "通話",
    "wall.onlySupervisors": "此頁面僅供主管使用。",
    "wall.changed": "{name} 的狀態已變更。",
  },
  en: {
    "wall.toDesk": "Desk",
    "wall.noQueues": "No queue figures yet (they appear once the phone system is connected).",
    "wall.noAgents": "No agent is logged in.",
    "wall.noSla": "No ticket near or past its SLA.",
    "wall.ticket": "Ticket",
    "wall.title.col": "Title",
    "wall.status.col": "Status",
    "wall.due": "Due",
    "wall.actions": "Actions",
    "wall.setState": "Change {name}'s state",
    "wall.apply": "Apply",
    "wall.call": "Call",
    "wall.onlySupervisors": "This page is for supervisors.",
    "wall.changed": "{name}'s state changed.",
  },
});

const root = document.getElementById("app");
const queues = new Map();
const agents = new Map();

start();

async function start() {
  const user = await session(root);
  if (!user) return;
  window.ccMissingKeys = missingKeys;
  const header = h("header", { class: "bar" }, h("h1", { class: "bar-title" }, t("wall.title")), h("span", {}, user.displayName),
    h("nav", { class: "bar-nav", "aria-label": t("nav.label") },
      h("a", { id: "to-desk", href: "/", class: "bar-link" }, t("wall.toDesk")),
      h("a", { id: "to-reports", href: "/reports.html", class: "bar-link" }, t("wall.reports")),
      user.roles.includes("ADMIN") ? h("a", { id: "to-admin", href: "/admin.html", class: "bar-link" }, t("admin.title")) : null),
    h("span", { id: "offline", class: "offline", hidden: true, role: "status" }, t("ws.offline")),
    h("button", { id: "logout", onclick: async () => { await logout(); location.reload(); } }, t("logout")));
  if (!user.roles.includes("SUPERVISOR") && !user.roles.includes("ADMIN")) {
    mount(root, header, h("main", { class: "wall" }, h("p", { id: "not-supervisor" }, t("wall.onlySupervisors"))));
    return;
  }
  mount(
    root,
    header,
    h("main", { class: "wall" },
      h("p", { id: "wall-status", role: "status" }),
      h("section", { id: "queues", "aria-label": t("wall.queue") }),
      h("section", { id: "agents", "aria-label": t("wall.agents") }),
      h("section", { id: "sla", "aria-label": t("wall.sla") })),
  );
  zone = user.timeZone;
  connectLive(onMessage, (online) => ($("#offline").hidden = online));
  setInterval(render, 1000); // durations tick
  await loadSla();
  setInterval(loadSla, 30000);
}

let zone;
let lastAgents = null;

/** Tickets past their SLA, then those due within the next hour. */
async function loadSla() {
  const soon = new Date(Date.now() + 3600 * 1000).toISOString();
  const [late, due] = await Promise.all([
    api("GET", "/api/v1/tickets?breached=true&limit=50"),
    api("GET", "/api/v1/tickets?breached=false&dueBefore=" + encodeURIComponent(soon) + "&limit=50"),
  ]);
  const row = (tk, cls) =>
    h("tr", { class: cls, "data-ticket": tk.id },
      h("td", {}, h("a", { href: "/#ticket/" + tk.id }, "#" + tk.id)), h("td", {}, tk.title), h("td", {}, t("status." + tk.status)),
      h("td", {}, h("span", { class: "sla" }, t(cls === "sla-breached" ? "sla.breached" : "sla.warning")), " · ", time(tk.resolutionDueAt || tk.firstResponseDueAt, zone)));
  const rows = [...late.items.map((tk) => row(tk, "sla-breached")), ...due.items.map((tk) => row(tk, "sla-warning"))];
  mount(
    $("#sla"),
    h("h2", {}, t("wall.sla")),
    h("table", { id: "sla-table" },
      h("thead", {}, h("tr", {}, ["wall.ticket", "wall.title.col", "wall.status.col", "wall.due"].map((k) => h("th", { scope: "col" }, t(k))))),
      h("tbody", {}, rows)),
    rows.length ? null : h("p", { id: "sla-none" }, t("wall.noSla")),
  );
}

function onMessage(m) {
  if (m.type === "sla-event") {
    loadSla();
    return;
  }
  if (m.type === "queue-stats") queues.set(m.data.queue, m.data);
  else if (m.type === "agent-state") agents.set(m.data.userId, m.data);
  else return;
  render();
}

function percent(x) {
  return x === null || x === undefined ? "–" : Math.round(x * 100) + "%";
}

function seconds(iso) {
  return iso ? duration(Math.max(0, (Date.now() - Date.parse(iso)) / 1000)) : "";
}

/** A supervisor puts an agent on break or back (the same call as the agent's own selector). */
async function setState(a, select) {
  const body = { state: select.value };
  if (select.value === "paused") body.reason = "supervisor";
  try {
    await api("PUT", "/api/v1/agents/" + encodeURIComponent(a.username) + "/state", body);
    $("#wall-status").textContent = tf("wall.changed", { name: a.displayName });
  } catch (e) {
    $("#wall-status").textContent = errorText(e);
  }
}

function render() {
  mount(
    $("#queues"),
    h("table", { id: "queue-table" },
      h("thead", {}, h("tr", {}, ["wall.queue", "wall.waiting", "wall.longest", "wall.answered", "wall.abandoned", "wall.slAnswered", "wall.slOffered", "wall.agents"].map((k) => h("th", {}, t(k))))),
      h("tbody", {}, [...queues.values()].map((q) =>
        h("tr", { "data-queue": q.queue, class: q.waiting > 0 ? "busy" : "" },
          h("td", {}, q.queue),
          h("td", { class: "waiting" }, q.waiting),
          h("td", {}, q.longestWaitSeconds),
          h("td", { class: "answered" }, q.answered),
          h("td", {}, q.abandoned),
          h("td", { class: "sl-answered" }, percent(q.serviceLevel)),
          h("td", { class: "sl-offered" }, percent(q.serviceLevelWithAbandoned)),
          h("td", {}, Object.entries(q.agents).filter(([, n]) => n > 0).map(([s, n]) => t("state." + s) + " " + n).join(" · ")))))),
    // Both service levels, named: the one that ignores abandons alone shows 100 % with abandons.
    h("p", { class: "sl-help", id: "sl-help" }, t("wall.slHelp")),
  );
  // The agents' table is rebuilt only when something changed, so a supervisor's open selector
  // is not reset every second; the durations tick in place.
  const list = [...agents.values()].sort((a, b) => a.username.localeCompare(b.username));
  const signature = JSON.stringify(list.map((a) => [a.username, a.state, a.reason, a.callId]));
  if (signature !== lastAgents) {
    lastAgents = signature;
    mount(
      $("#agents"),
      h("h2", {}, t("wall.agents")),
      list.length === 0
        ? h("p", { id: "agents-none" }, t("wall.noAgents"))
        : h("table", { id: "agent-table" },
            h("thead", {}, h("tr", {}, ["wall.agent", "wall.state", "wall.since", "wall.actions"].map((k) => h("th", { scope: "col" }, t(k))))),
            h("tbody", {}, list.map((a) => {
              const select = h("select", { "aria-label": tf("wall.setState", { name: a.displayName }), class: "agent-state-select" },
                ["available", "paused", "logged-out"].map((st) => h("option", { value: st, selected: st === a.state }, t("state." + st))));
              return h("tr", { "data-agent": a.username, "data-state": a.state },
                h("td", {}, a.displayName),
                h("td", {}, t("state." + a.state) + (a.reason ? " (" + a.reason + ")" : ""), a.callId ? [" · ", h("span", { class: "call" }, t("wall.call"))] : null),
                h("td", { class: "since", "data-since": a.since || "" }, seconds(a.since)),
                h("td", {}, select, " ", h("button", { class: "agent-state-apply", onclick: () => setState(a, select) }, t("wall.apply"))));
            }))),
    );
  } else {
    for (const cell of document.querySelectorAll("#agent-table td.since")) cell.textContent = seconds(cell.dataset.since);
  }
}
