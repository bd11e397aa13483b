// Agents' phones and queues: which PJSIP endpoint rings for whom, and the queues they log into.
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { errorText, t, tf } from "../i18n.js";

export async function agentSection(el) {
  const status = h("p", { id: "agents-status", role: "status" });
  const [agents, queues] = await Promise.all([
    api("GET", "/api/v1/agents").catch((e) => ({ error: e, items: [] })),
    api("GET", "/api/v1/queues").catch(() => ({ items: [] })),
  ]);
  const known = queues.items.map((q) => q.queue || q.name).filter(Boolean);
  const row = (a) => {
    const phone = h("input", { id: "agent-phone-" + a.username, value: a.agentInterface || "", maxlength: 80, "aria-label": tf("adm.agents.phoneFor", { name: a.displayName }), placeholder: "PJSIP/1001" });
    const qs = h("input", { id: "agent-queues-" + a.username, value: (a.queues || []).join(", "), maxlength: 400, "aria-label": tf("adm.agents.queuesFor", { name: a.displayName }) });
    return h("tr", { "data-agent": a.username },
      h("td", {}, a.displayName, h("br"), h("span", { class: "hint" }, a.username)),
      h("td", {}, phone),
      h("td", {}, qs),
      h("td", {}, t("state." + a.state)),
      h("td", {}, h("button", { class: "agent-save", onclick: async () => {
        try {
          await api("PUT", "/api/v1/agents/" + encodeURIComponent(a.username) + "/device", {
            agentInterface: phone.value.trim(),
            queues: qs.value.split(",").map((x) => x.trim()).filter(Boolean),
          });
          status.textContent = tf("adm.agents.saved", { name: a.displayName });
        } catch (e) {
          status.textContent = errorText(e);
        }
      } }, t("adm.save"))));
  };
  mount(el,
    h("h2", {}, t("adm.agents.title")),
    h("p", { class: "hint" }, t("adm.agents.intro"), known.length ? " " + tf("adm.agents.known", { queues: known.join(", ") }) : ""),
    status,
    agents.error
      ? h("p", { class: "error" }, errorText(agents.error))
      : h("table", { id: "agents-table", class: "grid" },
          h("thead", {}, h("tr", {}, ["wall.agent", "adm.agents.phone", "adm.agents.queues", "wall.state", "admin.actions"].map((k) => h("th", { scope: "col" }, t(k))))),
          h("tbody", {}, agents.items.map(row))));
}
