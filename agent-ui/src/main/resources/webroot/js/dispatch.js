// The dispatcher's board: one day, each technician's ordered visits (window, customer, address,
// drive), the orders left unassigned and why; pick a visit to move, pin or unschedule it; optimise
// the day with the planning job and accept its plan. Live: other dispatchers' changes reload it.
import { api, logout, ApiError } from "./api.js";
import { $, h, mount } from "./dom.js";
import { KEYS, addText, lang, missingKeys, number, t, tf } from "./i18n.js";
import { connectLive } from "./live.js";
import { session } from "./session.js";
import { DISPATCH_TEXT } from "./dispatch/text.js";

addText(DISPATCH_TEXT);

const root = document.getElementById("app");
const state = { me: null, day: null, board: null, picked: null, job: null, reloadTimer: null };

start().catch((e) => mount(root, h("p", { class: "error", role: "alert" }, t("error.generic") + e.message)));

async function start() {
  state.me = await session(root);
  if (!state.me) return;
  window.ccMissingKeys = missingKeys;
  document.title = t("board.title");
  const dispatcher = state.me.roles.includes("SUPERVISOR") || state.me.roles.includes("ADMIN");
  if (!dispatcher) {
    mount(root, header(), h("main", { class: "board-main" }, h("p", { id: "not-dispatcher" }, t("board.onlyDispatchers"))));
    return;
  }
  state.day = new URLSearchParams(location.search).get("day") || today(state.me.timeZone);
  mount(
    root,
    header(),
    h("main", { class: "board-main" },
      h("h1", {}, t("board.title")),
      controls(),
      h("p", { id: "board-status", role: "status", "aria-live": "polite" }),
      h("section", { id: "plan", class: "plan", "aria-labelledby": "plan-title", hidden: true }),
      h("section", { id: "move", class: "move", "aria-labelledby": "move-title", hidden: true }),
      h("div", { id: "technicians", class: "technicians" }),
      h("section", { id: "unassigned", class: "unassigned", "aria-labelledby": "unassigned-title" }),
    ),
  );
  connectLive(onMessage, (online) => ($("#offline").hidden = online));
  await load();
}

function header() {
  return h("header", { class: "bar" },
    h("strong", {}, t("board.title")),
    h("span", {}, state.me.displayName),
    h("a", { href: "/", class: "bar-link" }, t("admin.toDesk")),
    h("span", { id: "offline", class: "offline", hidden: true }, t("ws.offline")),
    h("button", { id: "logout", type: "button", onclick: async () => { await logout(); location.reload(); } }, t("logout")));
}

function controls() {
  const day = h("input", { id: "board-day", type: "date", value: state.day });
  day.addEventListener("change", () => { if (day.value) go(day.value); });
  const budget = h("select", { id: "plan-budget" },
    [5, 10, 30].map((s) => h("option", { value: s, selected: s === 10 }, tf("board.seconds", { n: s }))));
  return h("div", { class: "board-controls" },
    h("button", { id: "day-prev", type: "button", onclick: () => go(shiftDay(state.day, -1)) }, t("board.prevDay")),
    h("label", { for: "board-day" }, t("board.day")), day,
    h("button", { id: "day-next", type: "button", onclick: () => go(shiftDay(state.day, 1)) }, t("board.nextDay")),
    h("label", { for: "plan-budget" }, t("board.budget")), budget,
    h("button", { id: "optimise", type: "button", onclick: () => optimise(Number(budget.value)) }, t("board.optimise")));
}

async function go(day) {
  state.day = day;
  $("#board-day").value = day;
  history.replaceState(null, "", "?day=" + day);
  closeMove();
  await load();
}

// ------------------------------------------------------------------ the board

async function load() {
  try {
    state.board = await api("GET", "/api/v1/dispatch/board?day=" + encodeURIComponent(state.day));
    render();
  } catch (err) {
    status(message(err), true);
  }
}

function render() {
  const b = state.board;
  mount($("#technicians"), b.technicians.map(technician));
  mount(
    $("#unassigned"),
    h("h2", { id: "unassigned-title" }, t("board.unassigned"), " (", String(b.unassigned.length), ")"),
    b.unassigned.length === 0
      ? h("p", { id: "none-unassigned" }, t("board.noneUnassigned"))
      : h("table", { id: "unassigned-table", class: "visits" },
        h("thead", {}, h("tr", {}, ["board.order", "board.window", "board.customer", "board.address", "board.priority", "board.why", "board.actions"]
          .map((k) => h("th", { scope: "col" }, t(k))))),
        h("tbody", {}, b.unassigned.map((v) =>
          h("tr", { "data-order": v.orderId },
            h("td", {}, "#" + v.orderId),
            h("td", {}, range(v.windowStart, v.windowEnd)),
            h("td", {}, v.customerName),
            h("td", {}, v.siteAddress || ""),
            h("td", {}, number(v.priority)),
            h("td", { class: "why" }, t("board.reason." + v.reason)),
            h("td", {}, h("button", { type: "button", id: "assign-" + v.orderId, onclick: () => openMove(v, null) }, t("board.assign"))))))),
  );
}

function technician(tech) {
  const title = "tech-" + tech.technicianId + "-title";
  const hours = tech.working ? range(tech.shiftStart, tech.shiftEnd) : t("board.off");
  return h("section", { class: "technician" + (tech.working ? "" : " off"), "data-technician": tech.technicianId, "aria-labelledby": title },
    h("h2", { id: title }, tech.name),
    h("p", { class: "tech-meta" },
      hours, " · ", tech.skills.join(", "), " · ",
      tf("board.travel", { minutes: number(tech.travelMinutes) })),
    tech.visits.length === 0
      ? h("p", { class: "empty" }, t("board.noVisits"))
      : h("ol", { class: "route" }, tech.visits.map((v) => visit(v, tech))),
  );
}

function visit(v, tech) {
  const pinLabel = v.pinned ? t("board.unpin") : t("board.pin");
  return h("li", { class: "visit" + (v.late ? " late" : "") + (v.pinned ? " pinned" : ""), "data-order": v.orderId, "data-status": v.status },
    h("p", { class: "drive" }, tf("board.drive", { minutes: number(v.driveMinutes) })),
    h("p", { class: "slot" },
      h("strong", {}, range(v.plannedStart, v.plannedEnd)), " ",
      h("span", {}, tf("board.windowIs", { window: range(v.windowStart, v.windowEnd) })),
      v.late ? h("span", { class: "badge late-badge" }, t("board.late")) : null,
      v.pinned ? h("span", { class: "badge" }, t("board.pinned")) : null),
    h("p", {}, "#" + v.orderId, " ", h("span", { class: "customer" }, v.customerName), " · ", t("board.status." + v.status)),
    h("p", { class: "address" }, v.siteAddress || ""),
    v.status === "SCHEDULED"
      ? h("p", { class: "visit-actions" },
        h("button", { type: "button", id: "move-" + v.orderId, onclick: () => openMove(v, tech) }, t("board.move")),
        h("button", { type: "button", id: "pin-" + v.orderId, "aria-pressed": String(v.pinned), onclick: () => pin(v, !v.pinned) }, pinLabel))
      : null);
}

// ------------------------------------------------------------------ pick: move, pin, unschedule

function openMove(v, fromTech) {
  state.picked = v;
  const techs = state.board.technicians.filter((x) => x.working);
  const select = h("select", { id: "move-technician" },
    techs.map((x) => h("option", { value: x.technicianId, selected: fromTech && x.technicianId === fromTech.technicianId }, x.name)));
  const start = v.plannedStart || v.windowStart;
  const time = h("input", { id: "move-time", type: "time", required: true, value: clock(start) });
  const form = h("form", { id: "move-form" },
    h("h2", { id: "move-title" }, tf("board.moveTitle", { id: v.orderId, customer: v.customerName })),
    h("p", {}, tf("board.windowIs", { window: range(v.windowStart, v.windowEnd) })),
    h("label", { for: "move-technician" }, t("board.technician")), select,
    h("label", { for: "move-time" }, t("board.startAt")), time,
    h("div", { class: "form-actions" },
      h("button", { type: "submit", id: "move-submit" }, t("board.schedule")),
      v.status === "SCHEDULED"
        ? h("button", { type: "button", id: "move-unschedule", onclick: () => unschedule(v) }, t("board.unschedule"))
        : null,
      h("button", { type: "button", id: "move-cancel", onclick: closeMove }, t("board.cancel"))));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    schedule(v, Number(select.value), time.value);
  });
  form.addEventListener("keydown", (e) => { if (e.key === "Escape") closeMove(); });
  const box = $("#move");
  mount(box, form);
  box.hidden = false;
  select.focus();
}

function closeMove() {
  const picked = state.picked;
  state.picked = null;
  const box = $("#move");
  if (!box) return;
  box.hidden = true;
  box.replaceChildren();
  const back = picked && (document.getElementById("move-" + picked.orderId) || document.getElementById("assign-" + picked.orderId));
  if (back) back.focus();
}

async function schedule(v, technicianId, hhmm) {
  if (!hhmm) return;
  await act(() => api("POST", "/api/v1/dispatch/orders/" + v.orderId + "/schedule", {
    technicianId, start: instantIn(state.day, hhmm, state.board.zone),
  }), tf("board.done.scheduled", { id: v.orderId }));
}

async function unschedule(v) {
  await act(() => api("POST", "/api/v1/dispatch/orders/" + v.orderId + "/unschedule", {}),
    tf("board.done.unscheduled", { id: v.orderId }));
}

async function pin(v, pinned) {
  await act(() => api("PUT", "/api/v1/dispatch/orders/" + v.orderId + "/pin", { pinned }),
    tf(pinned ? "board.done.pinned" : "board.done.unpinned", { id: v.orderId }));
  const again = document.getElementById("pin-" + v.orderId);
  if (again) again.focus();
}

async function act(call, done) {
  try {
    await call();
    closeMove();
    status(done, false);
  } catch (err) {
    status(message(err), true);
  }
  await load();
}

// ------------------------------------------------------------------ optimise this day

async function optimise(budgetSeconds) {
  try {
    state.job = await api("POST", "/api/v1/dispatch/plans", { from: state.day, budgetSeconds });
  } catch (err) {
    status(message(err), true);
    return;
  }
  const id = state.job.id;
  showPlan();
  while (state.job && state.job.id === id && (state.job.state === "QUEUED" || state.job.state === "RUNNING")) {
    try {
      state.job = await api("GET", "/api/v1/dispatch/plans/" + id + "?waitSeconds=1");
    } catch (err) {
      status(message(err), true);
      return;
    }
    showPlan();
  }
}

function score(s) {
  return s ? number(s.hard) + " / " + number(s.medium) + " / " + number(s.soft) : "–";
}

function showPlan() {
  const job = state.job;
  const box = $("#plan");
  box.hidden = !job;
  if (!job) return box.replaceChildren();
  const running = job.state === "QUEUED" || job.state === "RUNNING";
  const parts = [h("h2", { id: "plan-title" }, tf("board.planTitle", { id: job.id }))];
  parts.push(h("p", { id: "plan-state", role: "status", "aria-live": "polite" }, t("board.plan." + job.state)));
  if (running) {
    const p = job.progress;
    parts.push(
      h("progress", { id: "plan-progress", max: job.budgetSeconds * 1000, value: p ? p.millis : 0, "aria-label": t("board.progress") }),
      h("p", { id: "plan-best" }, p ? tf("board.bestSoFar", { score: score(p.score), seconds: number(Math.round(p.millis / 100) / 10) }) : t("board.starting")),
      h("button", { type: "button", id: "plan-stop", onclick: () => api("POST", "/api/v1/dispatch/plans/" + job.id + "/stop").catch((e) => status(message(e), true)) }, t("board.stop")));
  } else if (job.result) {
    const r = job.result;
    parts.push(
      h("dl", { id: "plan-result", class: "plan-figures" },
        h("dt", {}, t("board.score")), h("dd", { id: "plan-score" }, score(r.score)),
        h("dt", {}, t("board.feasible")), h("dd", { id: "plan-feasible" }, t(r.score && r.score.feasible ? "board.yes" : "board.no")),
        h("dt", {}, t("board.assigned")), h("dd", { id: "plan-assigned" }, number(r.assigned)),
        h("dt", {}, t("board.unassigned")), h("dd", { id: "plan-unassigned" }, number(r.unassignedCount)),
        h("dt", {}, t("board.travelTotal")), h("dd", {}, tf("board.minutes", { minutes: number(r.travelMinutes) }))),
      h("p", {}, t("board.scoreHelp")));
    if (job.state === "DONE") {
      parts.push(h("div", { class: "form-actions" },
        h("button", { type: "button", id: "plan-accept", onclick: () => accept(job) }, t("board.accept")),
        h("button", { type: "button", id: "plan-discard", onclick: () => { state.job = null; showPlan(); } }, t("board.discard"))));
    }
    if (job.applied) {
      parts.push(h("p", { id: "plan-applied" }, tf("board.applied", {
        scheduled: number(job.applied.scheduled.length), unscheduled: number(job.applied.unscheduled.length), calls: number(job.applied.followUps.length),
      })));
    }
  } else if (job.state === "FAILED") {
    parts.push(h("p", { class: "error" }, t("board.plan.FAILED")));
  }
  mount(box, parts);
}

async function accept(job) {
  try {
    state.job = await api("POST", "/api/v1/dispatch/plans/" + job.id + "/accept");
    showPlan();
    status(t("board.done.accepted"), false);
  } catch (err) {
    status(message(err), true);
  }
  await load();
}

// ------------------------------------------------------------------ live updates

function onMessage(m) {
  if (m.type !== "dispatch-order") return;
  // Another dispatcher (or a technician, or an accepted plan) changed an order: reload once after
  // a burst (a plan changes many orders at once).
  clearTimeout(state.reloadTimer);
  state.reloadTimer = setTimeout(load, 200);
}

// ------------------------------------------------------------------ words, numbers and times

function status(text, isError) {
  const el = $("#board-status");
  if (!el) return;
  el.textContent = text;
  el.className = isError ? "error" : "";
}

function message(err) {
  const key = "board.error." + (err.code || "");
  if (err instanceof ApiError && KEYS.includes(key)) return t(key);
  return t("error.generic") + (err.code || err.message);
}


function clock(iso) {
  if (!iso) return "";
  return new Intl.DateTimeFormat("en-GB", { timeZone: state.board.zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));
}

function shortTime(iso) {
  return iso ? new Intl.DateTimeFormat(lang(), { timeZone: state.board.zone, timeStyle: "short" }).format(new Date(iso)) : "";
}

function range(a, b) {
  return a ? shortTime(a) + "–" + shortTime(b) : "–";
}

function today(zone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone || undefined, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

function shiftDay(day, by) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

/** The instant of a wall-clock time on `day` in `zone` (the planning zone, not the browser's). */
function instantIn(day, hhmm, zone) {
  const [y, m, d] = day.split("-").map(Number);
  const [hh, mm] = hhmm.split(":").map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let at = wall;
  for (let i = 0; i < 3; i++) at = wall - offset(at, zone);
  return new Date(at).toISOString();
}

function offset(ms, zone) {
  const p = {};
  for (const x of new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(ms))) p[x.type] = x.value;
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - ms;
}
