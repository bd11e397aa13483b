// System status: database, PBX link with its last error, and the KB index, as the health check
// and the CTI gateway report them.
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { errorText, number, t, time } from "../i18n.js";

export async function statusSection(el, zone) {
  let health;
  try {
    health = await fetch("/api/v1/health", { headers: { Accept: "application/json" } }).then((r) => r.json());
  } catch (e) {
    mount(el, h("h2", {}, t("adm.status.title")), h("p", { class: "error" }, errorText(e)));
    return;
  }
  const link = await api("GET", "/api/v1/cti/status").catch(() => null);
  const rows = Object.entries(health.components || {}).map(([name, c]) =>
    h("tr", { "data-component": name, "data-status": c.status },
      h("th", { scope: "row" }, t("adm.status.component." + name)),
      h("td", {}, h("span", { class: "badge status-" + (c.status || "").toLowerCase() }, t("adm.status." + c.status))),
      h("td", {}, c.reason ? t("adm.status.reason." + c.reason) : "")));
  mount(el,
    h("h2", {}, t("adm.status.title")),
    h("p", { id: "status-overall", "data-status": health.status }, t("adm.status.overall"), " ", h("strong", {}, t("adm.status." + health.status)), " · ", t("adm.status.version"), " ", health.version || "–"),
    h("table", { id: "status-table", class: "grid" }, h("tbody", {}, rows)),
    link
      ? h("dl", { id: "status-pbx", class: "facts" },
          h("dt", {}, t("adm.status.pbxState")), h("dd", {}, t("adm.status." + link.state)),
          link.since ? [h("dt", {}, t("adm.status.since")), h("dd", {}, time(link.since, zone))] : null,
          h("dt", {}, t("adm.status.events")), h("dd", {}, number(link.eventsReceived)),
          h("dt", {}, t("adm.status.reconnects")), h("dd", {}, number(link.reconnects)),
          link.lastFailure
            ? [h("dt", {}, t("adm.status.lastError")),
               h("dd", { id: "status-last-error" }, t("adm.status.reason." + link.lastFailure), link.lastFailureAt ? " · " + time(link.lastFailureAt, zone) : "")]
            : null)
      : null,
    h("button", { id: "status-refresh", onclick: () => statusSection(el, zone) }, t("adm.status.refresh")));
}
