// What the desk's views share: the logged-in user, the current pop, the work panel, names of users.
import { api } from "../api.js";
import { $, h, mount } from "../dom.js";
import { errorText, t, time as localTime } from "../i18n.js";

export const desk = { user: null, state: null, pop: null, popState: null, live: null, interactionId: null };

const names = new Map();
let loadingNames = null;

/** Shows a view in the middle panel (the previous one goes). */
export function work(...children) {
  const panel = $("#work");
  mount(panel, ...children);
  delete panel.dataset.dirty;
}

/** Whether the agent has typed into a form in the work panel that is not saved yet. */
export function workIsDirty() {
  return $("#work").dataset.dirty === "true";
}

/** Marks the work panel dirty on the first keystroke in one of its forms. */
export function trackDirty(form) {
  form.addEventListener("input", () => ($("#work").dataset.dirty = "true"));
  return form;
}

/** A time in the user's zone. */
export function time(iso) {
  return localTime(iso, desk.user && desk.user.timeZone);
}

/** A user's display name ("–" for none); names are loaded once per page. */
export async function userNames() {
  if (!loadingNames) {
    loadingNames = api("GET", "/api/v1/users")
      .then((list) => list.items.forEach((u) => names.set(u.id, u.displayName)))
      .catch(() => {});
  }
  await loadingNames;
  return (id) => (id === null || id === undefined ? "–" : id === desk.user.id ? t("ticket.me") : names.get(id) || "#" + id);
}

/** A link-looking button that runs `action` (keyboard: Enter/Space, as a button). */
export function linkButton(attrs, text, action) {
  return h("button", { type: "button", class: "link", ...attrs, onclick: action }, text);
}

/** An error line for a failed request, in the user's language. */
export function showError(el, err) {
  el.textContent = errorText(err);
}
