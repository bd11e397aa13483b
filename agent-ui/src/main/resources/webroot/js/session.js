// Login screen and the current session, shared by the desk and the wallboard.
import { api, login, ApiError } from "./api.js";
import { h, mount } from "./dom.js";
import { setLanguage, t } from "./i18n.js";

/** The logged-in user, or the login form until someone logs in. */
export async function session(root) {
  try {
    const me = await api("GET", "/api/v1/auth/me");
    if (me.csrfToken) sessionStorage.setItem("csrf", me.csrfToken);
    setLanguage(me.user.language);
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
