// The technician's phone page: today's route, each visit's details and the field actions, working
// offline. Actions go to the outbox (IndexedDB) first, each with its idempotency key, are shown as
// pending, and are sent in order whenever the server is reachable (tech-store.js).
import { api, ApiError, logout } from "./api.js";
import { h, mount } from "./dom.js";
import { DISPATCH_TEXT } from "./dispatch-text.js";
import { addText, has, lang, missingKeys, setLanguage, t, tf } from "./i18n.js";
import { session } from "./session.js";
import { serviceHistory } from "./service-history.js";
import { flush, kv, newKey, outbox } from "./tech-store.js";
import { TECH_TEXT } from "./tech-text.js";

addText(DISPATCH_TEXT);
addText(TECH_TEXT);

const root = document.getElementById("app");
const tech = { user: null, day: null, parts: [], kb: {}, history: {}, pending: [], online: navigator.onLine, busy: 0 };
window.ccTech = tech; // for the browser tests and the console
window.ccMissingKeys = missingKeys;

const STEPS = { EN_ROUTE: "EN_ROUTE", ARRIVED: "ON_SITE", COMPLETED: "COMPLETED", CANNOT_COMPLETE: "CANNOT_COMPLETE" };
const PHOTO_MAX_SIDE = 1280;

start().catch((e) => mount(root, h("p", { class: "error", role: "alert" }, t("error.generic") + e.message)));

async function start() {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/tech" }).catch(() => {});
  }
  tech.user = await me();
  if (!tech.user) return;
  await kv.put("user", tech.user);
  window.addEventListener("online", () => sync());
  window.addEventListener("offline", () => showNet(false));
  window.addEventListener("hashchange", render);
  setInterval(() => sync(), 5000);
  await loadLocal();
  render();
  await refresh();
  await sync();
}

/** The logged-in user; offline, the one who last used this phone (the outbox waits for them). */
async function me() {
  try {
    const user = await session(root);
    if (user && !user.roles.includes("TECHNICIAN")) {
      mount(root, h("p", { class: "error", role: "alert" }, t("tech.notTechnician")), h("a", { href: "/" }, t("admin.toDesk")));
      return null;
    }
    return user;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    const cached = await kv.get("user");
    if (!cached) throw e;
    setLanguage(cached.language);
    tech.online = false;
    return cached;
  }
}

async function loadLocal() {
  tech.day = (await kv.get("day")) || null;
  tech.parts = (await kv.get("parts")) || [];
  tech.kb = (await kv.get("kb")) || {};
  tech.history = (await kv.get("history")) || {};
  tech.pending = await outbox.all();
}

/** Fetches today's route, the van's parts and the KB answers, and keeps them for offline use. */
async function refresh() {
  tech.busy++;
  try {
    const [day, profile] = await Promise.all([
      api("GET", "/api/v1/dispatch/my-day"),
      api("GET", "/api/v1/dispatch/technicians/" + tech.user.id),
    ]);
    tech.day = day;
    await kv.put("day", day);
    render(); // the route first; the van's parts and the KB answers follow
    const [levels, catalogue] = await Promise.all([
      api("GET", "/api/v1/dispatch/stock/levels?locationId=" + profile.vanLocationId),
      api("GET", "/api/v1/dispatch/parts"),
    ]);
    const byId = new Map(catalogue.items.map((p) => [p.id, p]));
    tech.parts = levels.items
      .filter((l) => l.onHand > 0 && byId.has(l.partId))
      .map((l) => ({ ...byId.get(l.partId), onHand: l.onHand }));
    await kv.put("parts", tech.parts);
    const missing = day.items.map((sheet) => sheet.order.id).filter((id) => !tech.kb[id]);
    const answers = await Promise.all(missing.map((id) => api("GET", "/api/v1/dispatch/orders/" + id + "/kb-suggestions")));
    missing.forEach((id, i) => (tech.kb[id] = answers[i].items));
    await kv.put("kb", tech.kb);
    // What was done at each customer before, kept for the basement like the route itself.
    const customers = [...new Set(day.items.map((sheet) => sheet.customer.id))];
    const histories = await Promise.all(
      customers.map((id) =>
        api("GET", "/api/v1/customers/" + id + "/service-history?limit=10").catch((e) => {
          if (e instanceof ApiError && e.status === 404) return null; // the order went to someone else meanwhile
          throw e;
        }),
      ),
    );
    tech.history = Object.fromEntries(customers.map((id, i) => [id, histories[i]]).filter(([, history]) => history));
    await kv.put("history", tech.history);
    showNet(true);
    render();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return location.reload();
    if (!(e instanceof ApiError)) showNet(false);
    else throw e;
  } finally {
    tech.busy--;
  }
}

async function sync() {
  tech.busy++;
  try {
    await syncNow();
  } finally {
    tech.busy--;
  }
}

async function syncNow() {
  tech.pending = await outbox.all();
  if (!tech.pending.some((e) => e.state === "pending")) {
    renderPending();
    return;
  }
  const before = tech.pending.length;
  const result = await flush(async () => {
    tech.pending = await outbox.all();
    renderPending();
  });
  tech.pending = await outbox.all();
  showNet(result !== "offline");
  if (result === "login") return location.reload();
  if (tech.pending.length !== before) await refresh();
  renderPending();
}

// ------------------------------------------------------------------ actions

async function act(order, type, fields = {}) {
  const body = { key: newKey(), type, at: new Date().toISOString(), ...fields };
  if (document.getElementById("share-position")?.checked && type in STEPS) {
    Object.assign(body, await position());
  }
  await outbox.add({ kind: "action", orderId: order.id, body });
  tech.pending = await outbox.all();
  render();
  sync();
}

/** The phone's position if the browser gives it within 5 s; the action goes without it otherwise. */
function position() {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve({});
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy }),
      () => resolve({}),
      { timeout: 5000, maximumAge: 60000 },
    );
  });
}

async function queueImage(order, imageKind, blob, type) {
  const key = newKey();
  await outbox.add({ kind: "upload", orderId: order.id, key, imageKind, blob, type });
  return key;
}

/** Resizes a camera photo on the phone to at most 1280 px a side, as JPEG. */
async function resized(file) {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.8));
}

// ------------------------------------------------------------------ state seen through the outbox

function sheets() {
  return tech.day ? tech.day.items : [];
}

function pendingFor(orderId) {
  return tech.pending.filter((e) => e.orderId === orderId && e.kind === "action" && e.state === "pending").map((e) => e.body);
}

/** The order's status with the steps still in the outbox applied. */
function statusOf(sheet) {
  let status = sheet.order.status;
  for (const a of pendingFor(sheet.order.id)) if (STEPS[a.type]) status = STEPS[a.type];
  return status;
}

function timerRunning(sheet) {
  let running = sheet.labour.some((l) => !l.endedAt);
  for (const a of pendingFor(sheet.order.id)) {
    if (a.type === "LABOUR_START") running = true;
    if (a.type === "LABOUR_STOP" || a.type === "COMPLETED" || a.type === "CANNOT_COMPLETE") running = false;
  }
  return running;
}

// ------------------------------------------------------------------ rendering

function render() {
  const values = keepValues();
  const id = Number((location.hash.match(/^#\/order\/(\d+)$/) || [])[1]);
  const sheet = sheets().find((s) => s.order.id === id);
  mount(
    root,
    h(
      "header",
      { class: "bar" },
      h("strong", {}, t("tech.title")),
      h("span", { id: "me" }, tech.user.displayName),
      h("span", { id: "net-state", class: "net", "data-online": String(tech.online) }, t(tech.online ? "tech.online" : "tech.offline")),
      h("button", { id: "logout", class: "secondary", onclick: async () => { await logout(); await kv.clear(); location.reload(); } }, t("logout")),
    ),
    h("main", {}, h("section", { id: "pending", class: "card", "aria-live": "polite" }), sheet ? detail(sheet) : route()),
  );
  restoreValues(values);
  renderPending();
}

function route() {
  const items = sheets();
  return h(
    "section",
    { id: "tech-route" },
    h("h1", {}, t("tech.today")),
    items.length === 0 ? h("p", {}, t(tech.day ? "tech.noOrders" : "tech.notLoaded")) : null,
    h(
      "ol",
      { class: "route" },
      items.map((s, i) =>
        h(
          "li",
          {},
          h(
            "button",
            { id: "order-" + s.order.id, onclick: () => (location.hash = "#/order/" + s.order.id) },
            h("span", { class: "when" }, i + 1 + ". " + windowText(s.order)),
            h("span", {}, s.customer.name + " · "),
            h("span", { class: "status" }, t("dispatch.status." + statusOf(s))),
            h("span", {}, " " + s.order.siteAddress),
          ),
        ),
      ),
    ),
  );
}

function detail(s) {
  const o = s.order;
  const status = statusOf(s);
  return h(
    "section",
    { id: "order-detail", "data-order": o.id },
    h("button", { id: "back", class: "secondary", onclick: () => (location.hash = "") }, t("tech.back")),
    h("h1", {}, s.customer.name),
    h("p", {}, h("span", { id: "order-status", class: "status", "data-status": status }, t("dispatch.status." + status)), " ", windowText(o)),
    visitCard(s),
    historyCard(s),
    stepsCard(s, status),
    ["ON_SITE", "EN_ROUTE", "COMPLETED", "CANNOT_COMPLETE"].includes(status) ? workCards(s, status) : null,
    kbCard(s),
  );
}

function visitCard(s) {
  const o = s.order;
  const geo = "geo:" + o.site.lat + "," + o.site.lon + "?q=" + o.site.lat + "," + o.site.lon + "(" + encodeURIComponent(o.siteAddress) + ")";
  return h(
    "div",
    { class: "card" },
    h("h2", {}, t("tech.visit")),
    h("p", {}, h("a", { id: "map-link", class: "tap", href: geo }, o.siteAddress)),
    s.customer.phones.map((p) => h("p", {}, h("a", { class: "tap call", href: "tel:" + p.replace(/[^+\d]/g, "") }, t("tech.call") + " " + p))),
    h("h2", {}, t("tech.fault")),
    h("p", { id: "ticket-title" }, s.ticket.title),
    s.ticket.description ? h("p", { id: "ticket-description" }, s.ticket.description) : null,
    s.equipment ? h("h2", {}, t("tech.equipment")) : null,
    s.equipment ? h("p", { id: "equipment" }, [s.equipment.product, s.equipment.version, s.equipment.serialNumber].filter(Boolean).join(" · ")) : null,
    s.equipment && s.history.length
      ? h("ul", { class: "history", id: "service-history" }, s.history.map((v) => h("li", {}, dateText(v.when) + " · " + v.title + " · " + t("dispatch.status." + v.status) + (v.resolution ? " · " + v.resolution : ""))))
      : s.equipment ? h("p", {}, t("tech.noHistory")) : null,
  );
}

/** The customer's earlier visits, from the copy kept on the phone. */
function historyCard(s) {
  const history = tech.history[s.customer.id];
  return h(
    "div",
    { class: "card", id: "customer-history-card" },
    h("h2", {}, t("history.earlier")),
    history ? serviceHistory(history, { id: "customer-history", exceptOrder: s.order.id }) : h("p", { id: "customer-history" }, t("history.notLoaded")),
  );
}

function stepsCard(s, status) {
  const o = s.order;
  const step = (id, type, label, enabled) => h("button", { id, disabled: !enabled, onclick: () => act(o, type) }, t(label));
  const started = s.steps.some((x) => x.type === "STARTED") || pendingFor(o.id).some((a) => a.type === "STARTED");
  return h(
    "div",
    { class: "card" },
    h("h2", {}, t("tech.steps")),
    h("div", { class: "row" }, h("input", { id: "share-position", type: "checkbox" }), h("label", { for: "share-position" }, t("tech.sharePosition"))),
    h(
      "div",
      { class: "row" },
      step("btn-en-route", "EN_ROUTE", "tech.enRoute", status === "SCHEDULED"),
      step("btn-arrived", "ARRIVED", "tech.arrived", status === "SCHEDULED" || status === "EN_ROUTE"),
      step("btn-started", "STARTED", "tech.started", status === "ON_SITE" && !started),
    ),
    h("ul", {}, s.steps.map((x) => h("li", {}, t("tech.action." + x.type) + " " + timeText(x.occurredAt) + (x.lat != null ? " · " + t("tech.withPosition") : "")))),
  );
}

function workCards(s, status) {
  const o = s.order;
  const onSite = status === "ON_SITE";
  const open = status === "ON_SITE" || status === "EN_ROUTE";
  const running = timerRunning(s);
  const minutes = h("input", { id: "labour-minutes", type: "number", min: 1, max: 1440, inputmode: "numeric" });
  const partSelect = h("select", { id: "part-select" }, h("option", { value: "" }, t("tech.choosePart")), tech.parts.map((p) => h("option", { value: p.id }, p.number + " " + p.name + " (" + p.onHand + ")")));
  const qty = h("input", { id: "part-qty", type: "number", min: 1, value: 1, inputmode: "numeric" });
  const serials = h("input", { id: "part-serials", autocomplete: "off" });
  const expenseType = h("select", { id: "expense-type" }, ["PARKING", "TOLL", "TRAVEL", "MEAL", "MATERIAL", "OTHER"].map((x) => h("option", { value: x }, t("tech.expense." + x))));
  const amount = h("input", { id: "expense-amount", type: "number", min: 0, step: "0.01", inputmode: "decimal" });
  const currency = h("input", { id: "expense-currency", value: "TWD", maxlength: 3, autocomplete: "off" });
  const note = h("input", { id: "expense-note", autocomplete: "off" });
  const photo = h("input", { id: "expense-photo", type: "file", accept: "image/*", capture: "environment" });
  const resolution = h("textarea", { id: "resolution", rows: 4 });
  resolution.value = s.closeOut.resolution || "";
  const signer = h("input", { id: "signer-name", autocomplete: "off" });
  const reason = h("textarea", { id: "cannot-reason", rows: 2 });
  const message = h("p", { id: "work-message", role: "status" });
  const pad = signaturePad();
  return h(
    "div",
    {},
    h(
      "div",
      { class: "card", id: "labour-card" },
      h("h2", {}, t("tech.labour")),
      h("p", { id: "labour-total" }, t("tech.labourTotal") + " " + number(s.costs.labourMinutes) + " " + t("tech.minutes")),
      h(
        "div",
        { class: "row" },
        h("button", { id: "timer-start", disabled: running || !onSite, onclick: () => act(o, "LABOUR_START") }, t("tech.timerStart")),
        h("button", { id: "timer-stop", disabled: !running, onclick: () => act(o, "LABOUR_STOP") }, t("tech.timerStop")),
      ),
      h("label", { for: "labour-minutes" }, t("tech.enteredMinutes")),
      minutes,
      h("button", { id: "labour-add", onclick: () => { const m = Number(minutes.value); if (m >= 1) act(o, "LABOUR_ENTERED", { minutes: m }); } }, t("tech.add")),
    ),
    h(
      "div",
      { class: "card", id: "parts-card" },
      h("h2", {}, t("tech.parts")),
      h("ul", {}, s.parts.map((p) => h("li", {}, p.quantity + " × " + p.partNumber + " " + p.partName + (p.serialNumbers.length ? " · " + p.serialNumbers.join(", ") : "")))),
      h("label", { for: "part-select" }, t("tech.part")),
      partSelect,
      h("label", { for: "part-qty" }, t("tech.quantity")),
      qty,
      h("label", { for: "part-serials" }, t("tech.serials")),
      serials,
      h("button", {
        id: "part-add",
        disabled: !open && !onSite,
        onclick: () => {
          if (!partSelect.value) return;
          const list = serials.value.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean);
          act(o, "PART_USED", { partId: Number(partSelect.value), quantity: Number(qty.value) || 1, serialNumbers: list });
        },
      }, t("tech.add")),
    ),
    h(
      "div",
      { class: "card", id: "expense-card" },
      h("h2", {}, t("tech.expenses")),
      h("ul", { class: "expenses" }, s.expenses.map((x) => h("li", {},
        t("tech.expense." + x.type) + " " + money(x.amount, x.currency) + (x.receiptId ? " · " + t("tech.withReceipt") : ""),
        x.receiptId && navigator.onLine
          ? h("img", {
            class: "receipt", src: attachmentUrl(o, x.receiptId), loading: "lazy",
            alt: tf("tech.receiptAlt", { type: t("tech.expense." + x.type), amount: money(x.amount, x.currency), time: timeText(x.spentAt) }),
          })
          : null))),
      h("label", { for: "expense-type" }, t("tech.expenseType")),
      expenseType,
      h("label", { for: "expense-amount" }, t("tech.amount")),
      amount,
      h("label", { for: "expense-currency" }, t("tech.currency")),
      currency,
      h("label", { for: "expense-note" }, t("tech.note")),
      note,
      h("label", { for: "expense-photo" }, t("tech.receiptPhoto")),
      photo,
      h("button", {
        id: "expense-add",
        onclick: async () => {
          if (amount.value === "") return;
          const fields = { expenseType: expenseType.value, amount: Number(amount.value), currency: currency.value.trim().toUpperCase() };
          if (note.value.trim()) fields.note = note.value.trim();
          if (photo.files && photo.files[0]) {
            const blob = await resized(photo.files[0]);
            fields.receiptKey = await queueImage(o, "RECEIPT", blob, "image/jpeg");
          }
          await act(o, "EXPENSE", fields);
        },
      }, t("tech.add")),
    ),
    h(
      "div",
      { class: "card", id: "closeout-card" },
      h("h2", {}, t("tech.closeOut")),
      h("label", { for: "resolution" }, t("tech.resolution")),
      resolution,
      h("button", { id: "notes-save", class: "secondary", onclick: () => resolution.value.trim() && act(o, "NOTES", { resolution: resolution.value.trim() }) }, t("tech.saveNotes")),
      h("h2", {}, t("tech.signature")),
      s.closeOut.signerName
        ? h("figure", { class: "signature" },
          s.closeOut.signatureId && navigator.onLine
            ? h("img", { id: "signature-image", src: attachmentUrl(o, s.closeOut.signatureId), alt: tf("tech.signatureAlt", { name: s.closeOut.signerName }) })
            : null,
          h("figcaption", { id: "signed" }, t("tech.signedBy") + " " + s.closeOut.signerName + " " + timeText(s.closeOut.signedAt)))
        : null,
      pad.canvas,
      h("label", { for: "signer-name" }, t("tech.signerName")),
      signer,
      h(
        "div",
        { class: "row" },
        h("button", { id: "signature-clear", class: "secondary", onclick: pad.clear }, t("tech.clear")),
        h("button", {
          id: "signature-save",
          onclick: async () => {
            if (!signer.value.trim() || !pad.drawn()) {
              message.textContent = t("tech.signatureMissing");
              return;
            }
            const blob = await new Promise((resolve) => pad.canvas.toBlob(resolve, "image/png"));
            const key = await queueImage(o, "SIGNATURE", blob, "image/png");
            await act(o, "SIGNATURE", { signerName: signer.value.trim(), signatureKey: key });
          },
        }, t("tech.saveSignature")),
      ),
      message,
      h("button", {
        id: "btn-complete",
        disabled: !onSite,
        onclick: () => {
          if (!resolution.value.trim()) {
            message.textContent = t("tech.resolutionMissing");
            resolution.focus();
            return;
          }
          act(o, "COMPLETED", { resolution: resolution.value.trim() });
        },
      }, t("tech.complete")),
      h("label", { for: "cannot-reason" }, t("tech.cannotReason")),
      reason,
      h("button", {
        id: "btn-cannot",
        class: "danger",
        disabled: !onSite,
        onclick: () => {
          if (!reason.value.trim()) {
            message.textContent = t("tech.reasonMissing");
            reason.focus();
            return;
          }
          act(o, "CANNOT_COMPLETE", { reason: reason.value.trim() });
        },
      }, t("tech.cannotComplete")),
    ),
  );
}

function signaturePad() {
  const canvas = h("canvas", { id: "signature-pad", role: "img", "aria-label": t("tech.signaturePad"), width: 600, height: 240 });
  const ctx = canvas.getContext("2d");
  ctx.lineWidth = 3;
  ctx.lineCap = "round";
  ctx.strokeStyle = "#000";
  let drawing = false;
  let strokes = 0;
  const point = (e) => {
    const r = canvas.getBoundingClientRect();
    return [((e.clientX - r.left) * canvas.width) / r.width, ((e.clientY - r.top) * canvas.height) / r.height];
  };
  canvas.addEventListener("pointerdown", (e) => {
    drawing = true;
    canvas.setPointerCapture?.(e.pointerId);
    ctx.beginPath();
    ctx.moveTo(...point(e));
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!drawing) return;
    ctx.lineTo(...point(e));
    ctx.stroke();
    strokes++;
  });
  const end = () => (drawing = false);
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);
  return {
    canvas,
    drawn: () => strokes > 0,
    clear: () => {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      strokes = 0;
    },
  };
}

function kbCard(s) {
  const results = h("ul", { id: "kb-results" });
  const input = h("input", { id: "kb-search", type: "search", autocomplete: "off" });
  const articles = tech.kb[s.order.id] || [];
  return h(
    "div",
    { class: "card" },
    h("h2", {}, t("tech.kb")),
    articles.length === 0 ? h("p", {}, t("tech.kbNone")) : null,
    articles.map((a) => h("details", { class: "kb-article" }, h("summary", {}, a.title), a.symptom ? h("p", {}, a.symptom) : null, h("p", {}, a.resolution))),
    h("label", { for: "kb-search" }, t("tech.kbSearch")),
    input,
    h("button", {
      id: "kb-go",
      onclick: async () => {
        if (!input.value.trim()) return;
        try {
          const found = await api("GET", "/api/v1/kb/search?q=" + encodeURIComponent(input.value.trim()));
          mount(results, found.hits.length ? found.hits.map((x) => h("li", {}, h("strong", {}, x.title), " ", x.snippet ? h("span", {}, x.snippet.replace(/<\/?mark>/g, "")) : null)) : h("li", {}, t("tech.kbNone")));
        } catch (e) {
          mount(results, h("li", { class: "error" }, t(e instanceof ApiError ? "error.generic" : "tech.kbOffline")));
        }
      },
    }, t("tech.search")),
    results,
  );
}

function renderPending() {
  const box = document.getElementById("pending");
  if (!box) return;
  const waiting = tech.pending.filter((e) => e.state === "pending");
  const conflicts = tech.pending.filter((e) => e.state === "conflict");
  box.hidden = waiting.length === 0 && conflicts.length === 0;
  mount(
    box,
    h("h2", { id: "pending-count" }, t("tech.pending") + " " + number(waiting.length)),
    h("ul", { id: "pending-list" }, waiting.map((e) => h("li", { class: "pending-item" }, label(e)))),
    conflicts.length ? h("h2", {}, t("tech.conflicts")) : null,
    h(
      "ul",
      { id: "conflicts" },
      conflicts.map((e) =>
        h(
          "li",
          { class: "conflict-item", "data-code": e.code },
          label(e) + " · " + conflictText(e.code),
          " ",
          h("button", { class: "secondary", onclick: async () => { await outbox.remove(e.seq); tech.pending = await outbox.all(); renderPending(); } }, t("tech.dismiss")),
        ),
      ),
    ),
  );
}

function label(e) {
  const sheet = sheets().find((s) => s.order.id === e.orderId);
  const who = sheet ? sheet.customer.name : "#" + e.orderId;
  const what = e.kind === "upload" ? t("tech.upload." + e.imageKind) : t("tech.action." + e.body.type);
  return who + ": " + what;
}

function conflictText(code) {
  const key = "tech.conflict." + code;
  return has(key) ? t(key) : t("tech.conflict.other");
}

function showNet(online) {
  tech.online = online;
  const el = document.getElementById("net-state");
  if (!el) return;
  el.dataset.online = String(online);
  el.textContent = t(online ? "tech.online" : "tech.offline");
}

// Inputs keep what the technician typed when the page redraws after a sync.
function keepValues() {
  const values = {};
  for (const el of root.querySelectorAll("input[id], textarea[id], select[id]")) {
    if (el.type === "file") continue;
    values[el.id] = el.type === "checkbox" ? el.checked : el.value;
  }
  return values;
}

function restoreValues(values) {
  for (const [id, value] of Object.entries(values)) {
    const el = document.getElementById(id);
    if (!el) continue;
    if (el.type === "checkbox") el.checked = value;
    else if (value !== "" || el.tagName !== "TEXTAREA") el.value = value;
  }
}

// ------------------------------------------------------------------ formats

function windowText(o) {
  const f = new Intl.DateTimeFormat(lang(), { hour: "2-digit", minute: "2-digit" });
  return f.format(new Date(o.windowStart)) + "–" + f.format(new Date(o.windowEnd));
}

/** Where a stored receipt photo or signature of the order is served (never cached). */
function attachmentUrl(order, attachmentId) {
  return "/api/v1/dispatch/orders/" + order.id + "/attachments/" + attachmentId;
}

function timeText(iso) {
  return iso ? new Intl.DateTimeFormat(lang(), { hour: "2-digit", minute: "2-digit" }).format(new Date(iso)) : "";
}

function dateText(iso) {
  return iso ? new Intl.DateTimeFormat(lang(), { dateStyle: "medium" }).format(new Date(iso)) : "";
}

function number(n) {
  return new Intl.NumberFormat(lang()).format(n);
}

function money(amount, currency) {
  try {
    return new Intl.NumberFormat(lang(), { style: "currency", currency }).format(amount);
  } catch {
    return amount + " " + currency;
  }
}
