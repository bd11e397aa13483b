// Administration: users and roles, agents' phones and queues, SLA policies, holidays, KB authoring
// and system status, one section per #fragment.
// Every sentence comes from the i18n tables; user text is set as text.
import { api, logout, ApiError } from "./api.js";
import { $, h, mount } from "./dom.js";
import { KEYS, addText, errorText, missingKeys, t, time } from "./i18n.js";
import { session } from "./session.js";
import { ADMIN_TEXT } from "./admin/text.js";
import { DESK_TEXT } from "./desk/text.js";
import { agentSection } from "./admin/agents.js";
import { holidaySection } from "./admin/holidays.js";
import { kbSection } from "./admin/kb.js";
import { slaSection } from "./admin/sla.js";
import { statusSection } from "./admin/status.js";
import { teamSection } from "./admin/teams.js";
import { ivrSection } from "./admin/ivr.js";
import "./desk/story.js"; // its texts name the IVR's menus and choices

addText(DESK_TEXT);
addText(ADMIN_TEXT);

const root = document.getElementById("app");
const ROLES = ["AGENT", "SUPERVISOR", "TECHNICIAN", "ADMIN"];
let me;

start().catch((e) => mount(root, h("p", { class: "error", role: "alert" }, errorText(e))));

const SECTIONS = {
  users: () => usersSection(),
  agents: (el) => agentSection(el),
  teams: (el) => teamSection(el),
  sla: (el) => slaSection(el),
  holidays: (el) => holidaySection(el),
  kb: (el) => kbSection(el, me.timeZone),
  ivr: (el) => ivrSection(el),
  status: (el) => statusSection(el, me.timeZone),
};

async function start() {
  me = await session(root);
  if (!me) return;
  window.ccMissingKeys = missingKeys;
  if (!me.roles.includes("ADMIN")) {
    mount(root, header(), h("main", { class: "admin-main" }, h("p", { id: "not-admin" }, t("admin.onlyAdmins"))));
    return;
  }
  mount(
    root,
    header(),
    h("div", { class: "admin-layout" },
      h("nav", { class: "admin-nav", "aria-label": t("adm.nav") },
        h("ul", {}, Object.keys(SECTIONS).map((k) => h("li", {}, h("a", { href: "#" + k, id: "nav-" + k }, t("adm.section." + k)))))),
      h("main", { id: "admin-section", class: "admin-main", tabindex: "-1" })),
  );
  window.addEventListener("hashchange", show);
  await show();
}

/** Shows the section named by the address's #fragment (users by default). */
async function show() {
  const name = SECTIONS[location.hash.slice(1)] ? location.hash.slice(1) : "users";
  for (const a of document.querySelectorAll(".admin-nav a")) {
    if (a.id === "nav-" + name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  const el = $("#admin-section");
  el.dataset.section = name;
  try {
    await SECTIONS[name](el);
  } catch (e) {
    mount(el, h("p", { class: "error", role: "alert" }, errorText(e)));
  }
}

async function usersSection() {
  mount(
    $("#admin-section"),
    h("h2", {}, t("admin.users")),
    h("p", { id: "admin-status", role: "status", "aria-live": "polite" }),
    h("table", { id: "users", class: "users" }),
    newUserForm(),
  );
  await loadUsers();
}

function header() {
  const desk = me.roles.includes("AGENT") || me.roles.includes("SUPERVISOR");
  return h("header", { class: "bar" },
    h("h1", { class: "bar-title" }, t("admin.title")),
    h("span", {}, me.displayName),
    desk ? h("a", { href: "/", class: "bar-link" }, t("admin.toDesk")) : null,
    h("button", { id: "logout", onclick: async () => { await logout(); location.reload(); } }, t("logout")));
}

/** The message for an API error: its code in the user's language, else the generic one. */
function message(err) {
  const key = "admin.error." + (err.code || "");
  if (err instanceof ApiError && KEYS.includes(key)) return t(key);
  const pw = "password." + (err.code || "");
  if (err instanceof ApiError && KEYS.includes(pw)) return t(pw);
  return errorText(err);
}

function status(text, isError) {
  const el = $("#admin-status");
  el.textContent = text;
  el.className = isError ? "error" : "";
}

async function loadUsers() {
  const { items } = await api("GET", "/api/v1/admin/users");
  mount(
    $("#users"),
    h("caption", {}, t("admin.users")),
    h("thead", {}, h("tr", {},
      ["admin.username", "admin.displayName", "admin.roles", "admin.state", "admin.lastLogin", "admin.actions"]
        .map((k) => h("th", { scope: "col" }, t(k))))),
    h("tbody", {}, items.map(row)),
  );
}

function row(u) {
  const boxes = ROLES.map((r) =>
    h("label", { class: "role" },
      h("input", { type: "checkbox", value: r, checked: u.roles.includes(r), "aria-label": u.username + " " + t("role." + r) }),
      t("role." + r)));
  const state = u.active ? (u.mustChangePassword ? t("admin.mustChange") : t("admin.active")) : t("admin.disabled");
  const act = (key, fn) => h("button", { type: "button", "data-action": key, onclick: () => run(fn) }, t("admin." + key));
  return h("tr", { "data-user": u.username, class: u.active ? "" : "inactive" },
    h("td", {}, u.username),
    h("td", {}, u.displayName),
    h("td", { class: "roles" }, boxes,
      act("saveRoles", () => {
        const roles = boxes.map((b) => b.querySelector("input")).filter((i) => i.checked).map((i) => i.value);
        return api("PUT", "/api/v1/admin/users/" + u.id + "/roles", { roles }).then(() => t("admin.done.roles"));
      })),
    h("td", { class: "state-cell" }, state),
    h("td", {}, u.lastLoginAt ? time(u.lastLoginAt, me.timeZone) : t("admin.never")),
    h("td", { class: "actions" },
      u.active
        ? act("disable", () => api("POST", "/api/v1/admin/users/" + u.id + "/disable").then(() => t("admin.done.disabled")))
        : act("enable", () => api("POST", "/api/v1/admin/users/" + u.id + "/enable").then(() => t("admin.done.enabled"))),
      resetForm(u),
      act("endSessions", () =>
        api("DELETE", "/api/v1/admin/users/" + u.id + "/sessions").then((r) => t("admin.done.sessions") + " " + r.sessionsEnded))));
}

function resetForm(u) {
  const id = "reset-" + u.id;
  const input = h("input", { id, type: "password", autocomplete: "new-password", minlength: 12 });
  const form = h("form", { class: "reset" },
    h("label", { for: id }, t("admin.tempPassword")), input,
    h("button", { type: "submit" }, t("admin.reset")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run(() => api("POST", "/api/v1/admin/users/" + u.id + "/password-reset", { temporaryPassword: input.value })
      .then(() => t("admin.done.reset")));
  });
  return form;
}

async function run(action) {
  try {
    status(await action(), false);
    await loadUsers();
  } catch (err) {
    status(message(err), true);
  }
}

function newUserForm() {
  const field = (id, label, attrs) => [h("label", { for: id }, t(label)), h("input", Object.assign({ id }, attrs))];
  const [userLabel, username] = field("new-username", "admin.username", { required: true, autocomplete: "off" });
  const [nameLabel, displayName] = field("new-display-name", "admin.displayName", { autocomplete: "off" });
  const [pwLabel, password] = field("new-password", "admin.tempPassword", { type: "password", required: true, minlength: 12, autocomplete: "new-password" });
  const language = h("select", { id: "new-language" },
    h("option", { value: "zh-TW" }, "中文(台灣)"), h("option", { value: "en" }, "English"));
  const roles = ROLES.map((r) => h("label", { class: "role" }, h("input", { type: "checkbox", value: r, name: "new-role" }), t("role." + r)));
  const form = h("form", { id: "new-user", class: "new-user" },
    h("h2", {}, t("admin.newUser")),
    userLabel, username, nameLabel, displayName,
    h("label", { for: "new-language" }, t("admin.language")), language,
    h("fieldset", {}, h("legend", {}, t("admin.roles")), roles),
    pwLabel, password,
    h("button", { type: "submit", id: "create-user" }, t("admin.create")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const chosen = roles.map((l) => l.querySelector("input")).filter((i) => i.checked).map((i) => i.value);
    run(() => api("POST", "/api/v1/admin/users", {
      username: username.value.trim(),
      displayName: displayName.value.trim() || undefined,
      roles: chosen,
      language: language.value,
      temporaryPassword: password.value,
    }).then(() => { form.reset(); return t("admin.done.created"); }));
  });
  return form;
}
