// JSON over HTTP with the session cookie; writes carry the CSRF token from login.

let csrf = sessionStorage.getItem("csrf");

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || "HTTP " + status);
    this.status = status;
    this.code = body && body.error && body.error.code;
    this.details = (body && body.error && body.error.details) || {};
  }
}

export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrf) headers["X-CSRF-Token"] = csrf;
  const res = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

export async function login(username, password) {
  const session = await api("POST", "/api/v1/auth/login", { username, password });
  csrf = session.csrfToken;
  sessionStorage.setItem("csrf", csrf);
  return session;
}

export async function logout() {
  try {
    await api("POST", "/api/v1/auth/logout");
  } finally {
    csrf = null;
    sessionStorage.removeItem("csrf");
  }
}
