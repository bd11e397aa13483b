// Teams: who is in which team, with their skills and capacity (open tickets at once), and each
// team's default capacity. Automatic assignment uses them (ADR 0005).
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { errorText, t, tf } from "../i18n.js";

export async function teamSection(el) {
  const status = h("p", { id: "teams-status", role: "status" });
  const [teams, users] = await Promise.all([api("GET", "/api/v1/teams"), api("GET", "/api/v1/users")]);
  const done = async (text) => {
    await teamSection(el);
    el.querySelector("#teams-status").textContent = text;
  };
  const attempt = async (action, text) => {
    try {
      await action();
      await done(text);
    } catch (e) {
      status.textContent = errorText(e);
    }
  };
  const teamBlock = (team) => {
    const name = h("input", { id: "team-name-" + team.key, value: team.name, maxlength: 100, "aria-label": tf("adm.teams.nameOf", { team: team.name }) });
    const capacity = h("input", { id: "team-capacity-" + team.key, type: "number", min: 0, max: 1000, value: team.defaultCapacity, class: "minutes", "aria-label": tf("adm.teams.capacityOf", { team: team.name }) });
    const inTeam = new Set(team.members.map((m) => m.userId));
    const candidate = h("select", { id: "team-add-user-" + team.key, "aria-label": tf("adm.teams.addTo", { team: team.name }) },
      users.items.filter((u) => !inTeam.has(u.id)).map((u) => h("option", { value: u.id }, u.displayName)));
    return h("section", { class: "card team", "data-team": team.key },
      h("h3", {}, team.name, " ", h("span", { class: "hint" }, team.key)),
      h("div", { class: "inline" },
        h("label", { for: name.id }, t("adm.teams.name")), name,
        h("label", { for: capacity.id }, t("adm.teams.defaultCapacity")), capacity,
        h("button", { class: "team-save", onclick: () => attempt(() => api("PUT", "/api/v1/teams/" + team.key, { name: name.value.trim(), defaultCapacity: Number(capacity.value) }), t("adm.teams.saved")) }, t("adm.save"))),
      team.members.length
        ? h("table", { class: "grid" },
            h("thead", {}, h("tr", {}, ["wall.agent", "adm.teams.skills", "adm.teams.capacity", "adm.teams.present", "admin.actions"].map((k) => h("th", { scope: "col" }, t(k))))),
            h("tbody", {}, team.members.map((m) => {
              const skills = h("input", { value: (m.skills || []).join(", "), maxlength: 500, "aria-label": tf("adm.teams.skillsOf", { name: m.displayName }), class: "member-skills" });
              const cap = h("input", { type: "number", min: 0, max: 1000, value: m.capacity === null || m.capacity === undefined ? "" : m.capacity, placeholder: String(team.defaultCapacity), class: "minutes member-capacity", "aria-label": tf("adm.teams.capacityOfMember", { name: m.displayName }) });
              return h("tr", { "data-member": m.userId },
                h("td", {}, m.displayName),
                h("td", {}, skills),
                h("td", {}, cap),
                h("td", {}, m.present ? t("adm.teams.yes") : t("adm.teams.no")),
                h("td", {},
                  h("button", { class: "member-save", onclick: () => attempt(() => api("PUT", "/api/v1/teams/" + team.key + "/members/" + m.userId, {
                    skills: skills.value.split(",").map((x) => x.trim()).filter(Boolean),
                    capacity: cap.value === "" ? null : Number(cap.value),
                  }), tf("adm.teams.memberSaved", { name: m.displayName })) }, t("adm.save")), " ",
                  h("button", { class: "member-remove", onclick: () => attempt(() => api("DELETE", "/api/v1/teams/" + team.key + "/members/" + m.userId), tf("adm.teams.memberRemoved", { name: m.displayName })) }, t("adm.teams.remove"))));
            })))
        : h("p", {}, t("adm.teams.empty")),
      candidate.options.length
        ? h("div", { class: "inline" }, candidate,
            h("button", { class: "member-add", onclick: () => attempt(() => api("PUT", "/api/v1/teams/" + team.key + "/members/" + candidate.value, { skills: [], capacity: null }), t("adm.teams.added")) }, t("adm.teams.add")))
        : null);
  };
  const key = h("input", { id: "team-new-key", maxlength: 64, required: true, pattern: "[a-z0-9][a-z0-9_-]*" });
  const name = h("input", { id: "team-new-name", maxlength: 100, required: true });
  const cap = h("input", { id: "team-new-capacity", type: "number", min: 0, max: 1000, value: 5, required: true });
  const form = h("form", { id: "team-new", class: "form inline-form" },
    h("h3", {}, t("adm.teams.new")),
    h("label", { for: "team-new-key" }, t("adm.teams.key")), key,
    h("label", { for: "team-new-name" }, t("adm.teams.name")), name,
    h("label", { for: "team-new-capacity" }, t("adm.teams.defaultCapacity")), cap,
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "primary", id: "team-new-save" }, t("adm.teams.create"))));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    attempt(() => api("POST", "/api/v1/teams", { key: key.value.trim(), name: name.value.trim(), defaultCapacity: Number(cap.value) }), t("adm.teams.created"));
  });
  mount(el,
    h("h2", {}, t("adm.teams.title")),
    h("p", { class: "hint" }, t("adm.teams.intro")),
    status,
    teams.items.map(teamBlock),
    form);
}
