// The supervisor wallboard: per queue figures and agents' states, live over the WebSocket.
import { api } from "./api.js";
import { $, h, mount } from "./dom.js";
import { t, time } from "./i18n.js";
import { connectLive } from "./live.js";
import { session } from "./session.js";

const root = document.getElementById("app");
const queues = new Map();
const agents = new Map();

start();

async function start() {
  const user = await session(root);
  if (!user) return;
  mount(
    root,
    h("header", { class: "bar" }, h("strong", {}, t("wall.title")), h("span", {}, user.displayName),
      h("span", { id: "offline", class: "offline", hidden: true }, t("ws.offline"))),
    h("main", { class: "wall" }, h("section", { id: "queues" }), h("section", { id: "agents" }), h("section", { id: "sla" })),
  );
  zone = user.timeZone;
  connectLive(onMessage, (online) => ($("#offline").hidden = online));
  setInterval(render, 1000); // durations tick
  await loadSla();
  setInterval(loadSla, 30000);
}

let zone;

/** Tickets past their SLA, then those due within the next hour. */
async function loadSla() {
  const soon = new Date(Date.now() + 3600 * 1000).toISOString();
  const [late, due] = await Promise.all([
    api("GET", "/api/v1/tickets?breached=true&limit=50"),
    api("GET", "/api/v1/tickets?breached=false&dueBefore=" + encodeURIComponent(soon) + "&limit=50"),
  ]);
  const row = (tk, cls) =>
    h("tr", { class: cls, "data-ticket": tk.id },
      h("td", {}, "#" + tk.id), h("td", {}, tk.title), h("td", {}, t("status." + tk.status)),
      h("td", {}, time(tk.resolutionDueAt || tk.firstResponseDueAt, zone)));
  mount(
    $("#sla"),
    h("h2", {}, t("wall.sla")),
    h("table", { id: "sla-table" },
      h("tbody", {}, late.items.map((tk) => row(tk, "sla-breached")), due.items.map((tk) => row(tk, "sla-warning")))),
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
  return iso ? Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000)) + " s" : "";
}

function render() {
  mount(
    $("#queues"),
    h("table", { id: "queue-table" },
      h("thead", {}, h("tr", {}, ["wall.queue", "wall.waiting", "wall.longest", "wall.answered", "wall.abandoned", "wall.sl", "wall.agents"].map((k) => h("th", {}, t(k))))),
      h("tbody", {}, [...queues.values()].map((q) =>
        h("tr", { "data-queue": q.queue, class: q.waiting > 0 ? "busy" : "" },
          h("td", {}, q.queue),
          h("td", { class: "waiting" }, q.waiting),
          h("td", {}, q.longestWaitSeconds),
          h("td", { class: "answered" }, q.answered),
          h("td", {}, q.abandoned),
          h("td", {}, percent(q.serviceLevel)),
          h("td", {}, Object.entries(q.agents).filter(([, n]) => n > 0).map(([s, n]) => t("state." + s) + " " + n).join(" · ")))))),
  );
  mount(
    $("#agents"),
    h("table", { id: "agent-table" },
      h("thead", {}, h("tr", {}, ["wall.agent", "wall.state", "wall.since"].map((k) => h("th", {}, t(k))))),
      h("tbody", {}, [...agents.values()].sort((a, b) => a.username.localeCompare(b.username)).map((a) =>
        h("tr", { "data-agent": a.username, "data-state": a.state },
          h("td", {}, a.displayName),
          h("td", {}, t("state." + a.state) + (a.reason ? " (" + a.reason + ")" : "")),
          h("td", {}, seconds(a.since)))))),
  );
}
