// The technician page's offline store (IndexedDB): today's route as last fetched, the van's
// parts, KB answers per order, and the outbox of actions not yet acknowledged by the server.
// Every outbox entry carries the idempotency key made when the technician tapped, so sending it
// twice (a lost answer, a reload mid-sync) books nothing twice.

const NAME = "cc-tech";
const VERSION = 1;
let opened;

function db() {
  opened ||= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = () => {
      const d = request.result;
      d.createObjectStore("kv");
      d.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run(store, mode, work) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const t = d.transaction(store, mode);
    let result;
    const request = work(t.objectStore(store));
    if (request) request.onsuccess = () => (result = request.result);
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}

export const kv = {
  get: (key) => run("kv", "readonly", (s) => s.get(key)),
  put: (key, value) => run("kv", "readwrite", (s) => s.put(value, key)),
  clear: () => run("kv", "readwrite", (s) => s.clear()),
};

export const outbox = {
  /** Queues an entry: {kind: "action", orderId, body} or {kind: "upload", orderId, key, imageKind, blob, type}. */
  add: (entry) => run("outbox", "readwrite", (s) => s.add({ ...entry, state: "pending", queuedAt: new Date().toISOString() })),
  all: async () => ((await run("outbox", "readonly", (s) => s.getAll())) || []).sort((a, b) => a.seq - b.seq),
  remove: (seq) => run("outbox", "readwrite", (s) => s.delete(seq)),
  put: (entry) => run("outbox", "readwrite", (s) => s.put(entry)),
};

/** A new idempotency key. */
export function newKey() {
  return crypto.randomUUID();
}

let flushing = null;

/**
 * Sends the pending entries in the order they were queued, one at a time. Stops at the first
 * network failure (still offline) or server trouble (5xx, 429) and leaves the rest pending; a
 * refusal (4xx: the order moved, was cancelled, bad input) marks that entry as a conflict the
 * technician sees, and the next entries go on. Resolves to "done", "offline", "retry" or "login".
 */
export function flush(onChange) {
  flushing ||= send(onChange).finally(() => (flushing = null));
  return flushing;
}

async function send(onChange) {
  for (const entry of await outbox.all()) {
    if (entry.state !== "pending") continue;
    let response;
    try {
      response = await post(entry);
    } catch {
      return "offline";
    }
    if (response.ok) {
      await outbox.remove(entry.seq);
      onChange();
      continue;
    }
    if (response.status === 401) return "login";
    if (response.status >= 500 || response.status === 429 || response.status === 408) return "retry";
    let body = null;
    try {
      body = await response.json();
    } catch {
      // no JSON error body: the status code says enough
    }
    entry.state = "conflict";
    entry.status = response.status;
    entry.code = (body && body.error && body.error.code) || "http_" + response.status;
    await outbox.put(entry);
    onChange();
  }
  return "done";
}

function post(entry) {
  const headers = { Accept: "application/json" };
  const csrf = sessionStorage.getItem("csrf");
  if (csrf) headers["X-CSRF-Token"] = csrf;
  if (entry.kind === "upload") {
    headers["Content-Type"] = entry.type;
    const query = "?key=" + encodeURIComponent(entry.key) + "&kind=" + encodeURIComponent(entry.imageKind);
    return fetch("/api/v1/dispatch/orders/" + entry.orderId + "/attachments" + query, {
      method: "POST", headers, credentials: "same-origin", body: entry.blob,
    });
  }
  headers["Content-Type"] = "application/json";
  return fetch("/api/v1/dispatch/orders/" + entry.orderId + "/actions", {
    method: "POST", headers, credentials: "same-origin", body: JSON.stringify(entry.body),
  });
}
