// Knowledge-base search on the desk and article hits (pop suggestions, ticket suggestions).
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { t } from "../i18n.js";
import { showError } from "./context.js";

export function kbBox() {
  const input = h("input", { id: "kb-query", type: "search", "aria-label": t("kb.search"), placeholder: t("kb.search") + " (/)", autocomplete: "off", maxlength: 200 });
  const results = h("ul", { id: "kb-results", class: "kb-results", "aria-live": "polite" });
  let timer = null;
  let latest = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      const mine = ++latest;
      if (q.length < 2) {
        mount(results);
        return;
      }
      try {
        const found = await api("GET", "/api/v1/kb/search?limit=5&q=" + encodeURIComponent(q));
        if (mine === latest) mount(results, found.hits.length ? found.hits.map(kbHit) : h("li", { class: "empty" }, t("kb.none")));
      } catch (e) {
        if (mine === latest) {
          const li = h("li", { class: "error" });
          showError(li, e);
          mount(results, li);
        }
      }
    }, 200); // debounced: one request when the agent pauses typing
  });
  return h("section", { class: "kb card" }, h("h2", {}, t("kb.search")), input, results);
}

export function kbHit(hit) {
  const feedback = (kind) => async () => {
    await api("POST", "/api/v1/kb/articles/" + hit.id + "/feedback", { kind });
    item.classList.add("rated");
  };
  const item = h("li", { class: "kb-hit", "data-article": hit.id },
    h("strong", {}, hit.title),
    hit.status && hit.status !== "PUBLISHED" ? h("span", { class: "badge draft" }, t("kb.status." + hit.status)) : null,
    hit.visibility === "INTERNAL" ? h("span", { class: "badge internal" }, t("kb.internal")) : null,
    h("p", { class: "snippet" }, highlighted(hit.snippet || "")),
    h("div", { class: "kb-actions" },
      h("button", { class: "kb-insert", onclick: () => insertIntoReply(hit) }, t("kb.insert")),
      h("button", { class: "kb-helpful", onclick: feedback("HELPFUL") }, t("kb.helpful")),
      h("button", { class: "kb-not-helpful", onclick: feedback("NOT_HELPFUL") }, t("kb.notHelpful"))));
  return item;
}

/**
 * The search snippet is HTML-escaped text with <mark> around matches: split it, unescape the text
 * and build <mark> elements, so that nothing in an article can become markup.
 */
function highlighted(snippet) {
  const parts = [];
  const re = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    parts.push(unescapeHtml(snippet.slice(last, m.index)));
    parts.push(h("mark", {}, unescapeHtml(m[1])));
    last = m.index + m[0].length;
  }
  parts.push(unescapeHtml(snippet.slice(last)));
  return parts;
}

function unescapeHtml(text) {
  return text.replace(/&(lt|gt|amp|quot|#39|#x27|#x2F);/g, (_, e) =>
    ({ lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'", "#x27": "'", "#x2F": "/" })[e]);
}

function insertIntoReply(hit) {
  const box = document.getElementById("comment-body");
  const text = hit.title + " [KB " + (hit.externalId || hit.id) + "]";
  if (box) {
    box.value = (box.value ? box.value + "\n" : "") + text;
    box.focus();
  } else {
    navigator.clipboard?.writeText(text).catch(() => {});
  }
}
