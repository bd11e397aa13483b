// Supervisor reports (docs/metrics.md): a period, filters, charts with a table beside each, CSV.
// The server sends codes and numbers; every word here comes from i18n.js, every number is
// formatted with Intl in the user's language and the report's time zone.
import { api } from "./api.js";
import { $, h, mount } from "./dom.js";
import { addText, errorText, has, lang, missingKeys, t } from "./i18n.js";
import { REPORTS_TEXT } from "./reports-text.js";
import { session } from "./session.js";

addText(REPORTS_TEXT);

const root = document.getElementById("app");
const NAMES = ["calls", "agents", "sla", "complaints", "satisfaction", "customers", "field-service"];
/** Columns whose values are codes, translated as val.<column>.<value>. */
const CODED = new Set(["state", "type", "priority", "tier", "target", "band", "spike", "channel", "orderStatus", "firstVisit", "fixedFirstTime"]);

start();

async function start() {
  const user = await session(root);
  if (!user) return;
  window.ccMissingKeys = missingKeys;
  document.title = t("rep.title");
  if (!user.roles.includes("SUPERVISOR") && !user.roles.includes("ADMIN")) {
    mount(root, h("main", { class: "rep-main" }, h("h1", {}, t("rep.title")), h("p", {}, t("rep.onlyManagers"))));
    return;
  }
  const agents = await api("GET", "/api/v1/users?role=agent").catch(() => ({ items: [] }));
  const today = new Date().toLocaleDateString("en-CA", { timeZone: user.timeZone || "Asia/Taipei" });
  const params = new URLSearchParams(location.search);
  const field = (id, label, input) => h("div", { class: "rep-field" }, h("label", { for: id }, t(label)), input);
  const select = (id, options, value) =>
    h("select", { id, name: id }, options.map(([v, label]) => h("option", { value: v, selected: v === value }, label)));
  const form = h(
    "form",
    { id: "rep-form", class: "rep-form no-print" },
    field("rep-name", "rep.report", select("rep-name", NAMES.map((n) => [n, t("rep.name." + n)]), params.get("name") || "calls")),
    field("rep-from", "rep.from", h("input", { id: "rep-from", name: "from", type: "date", value: params.get("from") || shift(today, -6), required: true })),
    field("rep-to", "rep.to", h("input", { id: "rep-to", name: "to", type: "date", value: params.get("to") || today, required: true })),
    field("rep-bucket", "rep.bucket", select("rep-bucket", [["", t("rep.bucket.auto")], ["15m", t("rep.bucket.15m")], ["hour", t("rep.bucket.hour")], ["day", t("rep.bucket.day")], ["week", t("rep.bucket.week")]], params.get("bucket") || "")),
    field("rep-zone", "rep.zone", h("input", { id: "rep-zone", name: "zone", value: params.get("zone") || user.timeZone || "Asia/Taipei", maxlength: 64 })),
    field("rep-queue", "rep.queue", h("input", { id: "rep-queue", name: "queue", value: params.get("queue") || "", maxlength: 80 })),
    field("rep-team", "rep.team", h("input", { id: "rep-team", name: "team", value: params.get("team") || "", maxlength: 64 })),
    field("rep-agent", "rep.agent", select("rep-agent", [["", t("rep.any")], ...agents.items.map((a) => [String(a.id), a.displayName])], params.get("agent") || "")),
    field("rep-product", "rep.product", h("input", { id: "rep-product", name: "product", value: params.get("product") || "", maxlength: 200 })),
    field("rep-tier", "rep.tier", select("rep-tier", [["", t("rep.any")], ["VIP", t("val.tier.VIP")], ["STANDARD", t("val.tier.STANDARD")]], params.get("tier") || "")),
    field("rep-sl", "rep.slSeconds", h("input", { id: "rep-sl", name: "serviceLevelSeconds", type: "number", min: 1, max: 3600, value: params.get("serviceLevelSeconds") || 20 })),
    field("rep-short", "rep.shortSeconds", h("input", { id: "rep-short", name: "shortAbandonSeconds", type: "number", min: 0, max: 600, value: params.get("shortAbandonSeconds") || 5 })),
    h("div", { class: "rep-actions" },
      h("button", { type: "submit", id: "rep-show" }, t("rep.show")),
      h("a", { id: "rep-csv", class: "rep-csv", href: "#", download: "" }, t("rep.csv")),
      h("button", { type: "button", id: "rep-print", onclick: () => window.print() }, t("rep.print"))),
  );
  mount(
    root,
    h("header", { class: "bar no-print" }, h("strong", {}, t("rep.title")), h("span", {}, user.displayName),
      h("a", { href: "/wallboard.html", class: "bar-link", id: "to-wallboard" }, t("wall.title"))),
    h("main", { class: "rep-main" },
      h("h1", { id: "rep-heading" }, t("rep.title")),
      form,
      h("p", { id: "rep-status", role: "status", class: "rep-status" }),
      h("div", { id: "rep-out" })),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    load();
  });
  form.addEventListener("change", () => updateCsvLink());
  await load();
}

function shift(isoDate, days) {
  const d = new Date(isoDate + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function query(format) {
  const q = new URLSearchParams();
  for (const [id, name] of [["rep-from", "from"], ["rep-to", "to"], ["rep-bucket", "bucket"], ["rep-zone", "zone"], ["rep-queue", "queue"], ["rep-team", "team"], ["rep-agent", "agent"], ["rep-product", "product"], ["rep-tier", "tier"], ["rep-sl", "serviceLevelSeconds"], ["rep-short", "shortAbandonSeconds"]]) {
    const v = $("#" + id).value.trim();
    if (v) q.set(name, v);
  }
  if (format) q.set("format", format);
  return "/api/v1/reports/" + encodeURIComponent($("#rep-name").value) + "?" + q.toString();
}

function updateCsvLink() {
  $("#rep-csv").setAttribute("href", query("csv"));
}

async function load() {
  const status = $("#rep-status");
  status.textContent = t("rep.loading");
  updateCsvLink();
  try {
    const report = await api("GET", query());
    history.replaceState(null, "", "?name=" + encodeURIComponent(report.name) + "&" + query().split("?")[1]);
    render(report);
    status.textContent = t("rep.ready");
  } catch (e) {
    mount($("#rep-out"));
    status.textContent = errorText(e);
  }
}

// ------------------------------------------------------------------ formatting

function fmt(value, type, zone) {
  if (value === null || value === undefined) return "—";
  const l = lang();
  switch (type) {
    case "INTEGER":
      return new Intl.NumberFormat(l).format(value);
    case "DECIMAL":
      return new Intl.NumberFormat(l, { maximumFractionDigits: 2 }).format(value);
    case "RATIO":
      return new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 1 }).format(value);
    case "SECONDS":
      return new Intl.NumberFormat(l, { style: "unit", unit: "second", unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
    case "INSTANT":
      return new Date(value).toLocaleString(l, { timeZone: zone, dateStyle: "short", timeStyle: "short" });
    case "DATE":
      return new Date(value + "T00:00:00Z").toLocaleDateString(l, { timeZone: "UTC", dateStyle: "medium" });
    default:
      return String(value);
  }
}

function cell(column, value, zone) {
  if (column.type === "TEXT" && CODED.has(column.code) && value !== null && value !== "") {
    const key = "val." + column.code + "." + value;
    return has(key) ? t(key) : String(value);
  }
  return fmt(value, column.type, zone);
}

function columnLabel(code) {
  const key = "col." + code;
  return has(key) ? t(key) : t("col.unknown") + " " + code;
}

// ------------------------------------------------------------------ rendering

/** Which tables get a chart, and how: the x column and the series (columns) on it. */
const CHARTS = {
  "calls.series": [
    { id: "volume", x: "bucketStart", time: true, series: ["offered", "answered", "abandoned", "shortAbandoned"], unit: "INTEGER" },
    { id: "service", x: "bucketStart", time: true, series: ["serviceLevelAnswered", "serviceLevelOffered", "serviceLevelOfferedExShort"], unit: "RATIO" },
  ],
  "complaints.weekly": [{ id: "weekly", x: "week", time: true, series: ["complaints", "spikeThreshold"], unit: "DECIMAL" }],
  "customers.curve": [{ id: "pareto", x: "customerShare", time: false, series: ["valueShare"], unit: "RATIO" }],
};
const COLORS = ["#1d3557", "#2a9d8f", "#e63946", "#e9c46a"];

function render(report) {
  const zone = report.parameters.zone;
  const out = $("#rep-out");
  const parts = [];
  parts.push(h("h2", { id: "rep-title" }, t("rep.name." + report.name) + " · " + fmt(report.parameters.from, "DATE") + " – " + fmt(report.parameters.to, "DATE") + " (" + zone + ")"));
  if (report.parameters.serviceLevelSeconds !== undefined) {
    parts.push(h("p", { class: "rep-note", id: "rep-thresholds" },
      t("rep.thresholds").replace("{sl}", report.parameters.serviceLevelSeconds).replace("{short}", report.parameters.shortAbandonSeconds)));
  }
  if (report.ignoredFilters.length) {
    parts.push(h("p", { class: "rep-note", id: "rep-ignored" }, t("rep.ignored") + " " + report.ignoredFilters.map((f) => t("rep." + f)).join(", ")));
  }
  const charts = [];
  for (const table of report.tables) {
    const key = report.name + "." + table.code;
    const titleKey = "tab." + key;
    const section = h("section", { class: "rep-section", id: "sec-" + table.code, "aria-labelledby": "h-" + table.code });
    const titleText = has(titleKey) ? t(titleKey) : table.code;
    const title = h("h3", { id: "h-" + table.code }, titleText);
    const grid = h("div", { class: CHARTS[key] ? "rep-grid" : "rep-grid single" });
    for (const spec of CHARTS[key] || []) {
      const holder = h("figure", { class: "rep-chart", id: "chart-" + spec.id }, h("figcaption", {}, t("chart." + spec.id)));
      grid.appendChild(holder);
      charts.push(() => chart(holder, table, spec, zone));
    }
    grid.appendChild(tableOf(table, titleText, zone));
    mount(section, title, grid);
    parts.push(section);
  }
  mount(out, parts);
  // uPlot measures its holder, so it draws once the sections are in the page.
  for (const draw of charts) draw();
}

function tableOf(table, title, zone) {
  const wrap = h("div", { class: "rep-table-wrap", tabindex: 0, role: "region", "aria-label": t("rep.tableOf") + " " + title });
  const el = h("table", { class: "rep-table", id: "table-" + table.code },
    h("thead", {}, h("tr", {}, table.columns.map((c) => h("th", { scope: "col", "data-col": c.code }, columnLabel(c.code))))),
    h("tbody", {}, table.rows.length === 0
      ? h("tr", {}, h("td", { colspan: table.columns.length }, t("rep.noRows")))
      : table.rows.map((r) => h("tr", {}, r.map((v, i) => h("td", { class: "t-" + table.columns[i].type.toLowerCase(), "data-col": table.columns[i].code }, cell(table.columns[i], v, zone)))))));
  wrap.appendChild(el);
  return wrap;
}

function chart(holder, table, spec, zone) {
  if (typeof window.uPlot !== "function" || table.rows.length === 0) return;
  const xi = table.columns.findIndex((c) => c.code === spec.x);
  const xs = table.rows.map((r) => (spec.time ? Date.parse(spec.x === "week" ? r[xi] + "T00:00:00Z" : r[xi]) / 1000 : r[xi]));
  const data = [xs];
  const series = [{ label: columnLabel(spec.x), value: (u, v) => (v === null ? "—" : spec.time ? fmt(new Date(v * 1000).toISOString(), "INSTANT", zone) : fmt(v, "RATIO")) }];
  spec.series.forEach((code, i) => {
    const ci = table.columns.findIndex((c) => c.code === code);
    data.push(table.rows.map((r) => r[ci]));
    series.push({ label: columnLabel(code), stroke: COLORS[i % COLORS.length], width: 2, spanGaps: false, value: (u, v) => fmt(v, spec.unit, zone) });
  });
  const width = Math.max(320, Math.min(holder.parentElement.clientWidth / 2 - 24, 720));
  const opts = {
    width,
    height: 260,
    series,
    scales: { x: { time: spec.time } },
    axes: [
      spec.time ? { values: (u, splits) => splits.map((s) => new Date(s * 1000).toLocaleString(lang(), { timeZone: zone, month: "numeric", day: "numeric", hour: table.code === "series" ? "numeric" : undefined })) } : { values: (u, splits) => splits.map((s) => fmt(s, "RATIO")) },
      { values: (u, splits) => splits.map((s) => fmt(s, spec.unit === "RATIO" ? "RATIO" : "INTEGER")) },
    ],
    legend: { live: false },
    cursor: { show: false },
  };
  new window.uPlot(opts, data, holder);
}
