// Login screen and the current session, shared by the desk and the wallboard.
import { api, login, ApiError } from "./api.js";
import { h, mount } from "./dom.js";
import { KEYS, setLanguage, t } from "./i18n.js";

/** The logged-in user, or the login form until someone logs in. */
export async function session(root) {
  try {
    const me = await api("GET", "/api/v1/auth/me");
    if (me.csrfToken) sessionStorage.setItem("csrf", me.csrfToken);
    setLanguage(me.user.language);
    if (me.user.mustChangePassword) {
      showPasswordChange(root);
      return null;
    }
    return me.user;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
  }
  showLogin(root);
  return null;
}

function showLogin(root) {
  setLanguage(navigator.language);
  const error = h("p", { class: "error", id: "login-error", role: "alert" });
  const username = h("input", { id: "username", name: "username", autocomplete: "username", required: true });
  const password = h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const form = h(
    "form",
    { class: "login", id: "login-form" },
    h("h1", {}, t("app.title")),
    h("label", { for: "username" }, t("login.username")),
    username,
    h("label", { for: "password" }, t("login.password")),
    password,
    h("button", { type: "submit", id: "login-submit" }, t("login.submit")),
    error,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.textContent = "";
    try {
      await login(username.value.trim(), password.value);
      location.reload(); // start clean with the cookie session
    } catch (err) {
      error.textContent = err.status === 429 ? t("login.throttled") : err.status === 401 ? t("login.failed") : t("error.generic") + err.message;
    }
  });
  mount(root, form);
  username.focus();
}

/** After a reset by an administrator nothing else answers until the user picks a new password. */
function showPasswordChange(root) {
  const error = h("p", { class: "error", id: "password-error", role: "alert" });
  const field = (id, label, autocomplete) => [
    h("label", { for: id }, t(label)),
    h("input", { id, name: id, type: "password", autocomplete, required: true }),
  ];
  const [currentLabel, current] = field("current-password", "password.current", "current-password");
  const [newLabel, fresh] = field("new-password", "password.new", "new-password");
  const [confirmLabel, confirm] = field("confirm-password", "password.confirm", "new-password");
  fresh.minLength = 12;
  const form = h(
    "form",
    { class: "login", id: "password-form" },
    h("h1", {}, t("password.title")),
    h("p", {}, t("password.intro")),
    currentLabel,
    current,
    newLabel,
    fresh,
    confirmLabel,
    confirm,
    h("button", { type: "submit", id: "password-submit" }, t("password.submit")),
    error,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.textContent = "";
    if (fresh.value !== confirm.value) {
      error.textContent = t("password.mismatch");
      confirm.focus();
      return;
    }
    try {
      await api("POST", "/api/v1/auth/password", { currentPassword: current.value, newPassword: fresh.value });
      location.reload();
    } catch (err) {
      const key = "password." + (err.code || "");
      error.textContent = err instanceof ApiError && KEYS.includes(key) ? t(key) : t("error.generic") + err.message;
    }
  });
  mount(root, form);
  current.focus();
}
