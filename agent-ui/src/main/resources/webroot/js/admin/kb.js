// Knowledge-base authoring: articles by status, an editor with preview and version history, and
// the review queue (publish or reject proposed revisions).
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { errorText, t, tf, time } from "../i18n.js";

const STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"];
const LANGUAGES = ["zh-TW", "en", "zh-CN"];

export async function kbSection(el, zone, filter = "DRAFT") {
  const status = h("p", { id: "kb-status", role: "status" });
  const [articles, revisions] = await Promise.all([
    api("GET", "/api/v1/kb/articles?limit=100&status=" + filter),
    api("GET", "/api/v1/kb/revisions?status=PENDING").catch(() => ({ items: [] })),
  ]);
  const tabs = h("div", { role: "tablist", class: "tabs" }, STATUSES.map((s) =>
    h("button", { role: "tab", id: "kb-tab-" + s, "aria-selected": String(s === filter), onclick: () => kbSection(el, zone, s) }, t("adm.kb.status." + s))));
  mount(el,
    h("h2", {}, t("adm.kb.title")),
    status,
    h("div", { class: "actions" }, h("button", { id: "kb-new", class: "primary", onclick: () => editor(el, zone, null) }, t("adm.kb.new"))),
    revisions.items.length
      ? h("section", { id: "kb-review" }, h("h3", {}, t("adm.kb.review")),
          h("ul", {}, revisions.items.map((r) => h("li", { "data-revision": r.id },
            r.content.title, " · ", time(r.createdAt, zone), " ",
            h("button", { class: "kb-revision-publish", onclick: async () => {
              try {
                await api("POST", "/api/v1/kb/revisions/" + r.id + "/publish");
                await kbSection(el, zone, filter);
              } catch (e) {
                status.textContent = errorText(e);
              }
            } }, t("adm.kb.publish")), " ",
            h("button", { class: "kb-revision-reject", onclick: async () => {
              const note = prompt(t("adm.kb.rejectNote")) || "";
              try {
                await api("POST", "/api/v1/kb/revisions/" + r.id + "/reject", { note });
                await kbSection(el, zone, filter);
              } catch (e) {
                status.textContent = errorText(e);
              }
            } }, t("adm.kb.reject"))))))
      : null,
    tabs,
    articles.items.length
      ? h("table", { id: "kb-table", class: "grid" },
          h("thead", {}, h("tr", {}, ["adm.kb.articleTitle", "adm.kb.language", "adm.kb.visibility", "adm.kb.updated", "admin.actions"].map((k) => h("th", { scope: "col" }, t(k))))),
          h("tbody", {}, articles.items.map((a) => h("tr", { "data-article": a.id },
            h("td", {}, a.content.title),
            h("td", {}, t("adm.kb.lang." + a.content.language)),
            h("td", {}, t("adm.kb.vis." + a.content.visibility)),
            h("td", {}, time(a.updatedAt || a.createdAt, zone)),
            h("td", {}, h("button", { class: "kb-edit", onclick: () => editor(el, zone, a.id) }, t("adm.kb.edit")))))))
      : h("p", { id: "kb-none" }, t("adm.kb.none")));
}

/** The editor: fields on the left, the article as readers will see it on the right. */
async function editor(el, zone, id) {
  const article = id ? await api("GET", "/api/v1/kb/articles/" + id) : null;
  const history = id ? await api("GET", "/api/v1/kb/articles/" + id + "/history").catch(() => ({ items: [] })) : { items: [] };
  const c = (article && article.content) || { language: "zh-TW", visibility: "INTERNAL" };
  const status = h("p", { id: "kb-editor-status", role: "status" });
  const input = (name, value, attrs = {}) => h("input", { id: "kb-" + name, value: value || "", maxlength: 300, ...attrs });
  const area = (name, value) => h("textarea", { id: "kb-" + name, rows: 4, maxlength: 20000 }, value || "");
  const f = {
    title: input("title", c.title, { required: true }),
    symptom: area("symptom", c.symptom),
    cause: area("cause", c.cause),
    resolution: area("resolution", c.resolution),
    product: input("product", c.product),
    tags: input("tags", (c.tags || []).join(", ")),
    language: h("select", { id: "kb-language" }, LANGUAGES.map((l) => h("option", { value: l, selected: l === c.language }, t("adm.kb.lang." + l)))),
    visibility: h("select", { id: "kb-visibility" }, ["INTERNAL", "PUBLIC"].map((v) => h("option", { value: v, selected: v === c.visibility }, t("adm.kb.vis." + v)))),
  };
  const preview = h("article", { id: "kb-preview", class: "preview card", "aria-live": "polite" });
  const render = () => mount(preview,
    h("h3", {}, f.title.value || "…"),
    ...["symptom", "cause", "resolution"].filter((k) => f[k].value.trim()).map((k) => [h("h4", {}, t("adm.kb." + k)), ...f[k].value.split("\n").map((line) => h("p", {}, line))]));
  const form = h("form", { id: "kb-form", class: "form", oninput: render },
    ...["title", "symptom", "cause", "resolution", "product", "tags", "language", "visibility"].flatMap((k) => [h("label", { for: "kb-" + k }, t("adm.kb." + (k === "title" ? "title.label" : k))), f[k]]),
    h("div", { class: "form-actions" },
      h("button", { type: "submit", class: "primary", id: "kb-save" }, t("adm.save")),
      article && article.status !== "PUBLISHED" ? h("button", { type: "button", id: "kb-publish", onclick: () => act("publish") }, t("adm.kb.publish")) : null,
      article && article.status === "PUBLISHED" ? h("button", { type: "button", id: "kb-archive", onclick: () => act("archive") }, t("adm.kb.archive")) : null,
      h("button", { type: "button", onclick: () => kbSection(el, zone) }, t("adm.back"))),
    status);
  const body = () => ({
    title: f.title.value.trim(), symptom: f.symptom.value.trim() || null, cause: f.cause.value.trim() || null,
    resolution: f.resolution.value.trim() || null, product: f.product.value.trim() || null,
    tags: f.tags.value.split(",").map((x) => x.trim()).filter(Boolean), language: f.language.value, visibility: f.visibility.value,
    versions: c.versions || [], fixedInVersion: c.fixedInVersion || null, externalId: c.externalId || null,
  });
  const act = async (what) => {
    try {
      await api("POST", "/api/v1/kb/articles/" + id + "/" + what);
      await editor(el, zone, id);
      el.querySelector("#kb-editor-status").textContent = t("adm.kb.done." + what);
    } catch (e) {
      status.textContent = errorText(e);
    }
  };
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const saved = id
        ? await api("PUT", "/api/v1/kb/articles/" + id, { version: article.version, article: body() })
        : await api("POST", "/api/v1/kb/articles", body());
      await editor(el, zone, saved.articleId && !saved.content ? id : saved.id || id);
      el.querySelector("#kb-editor-status").textContent = t("adm.kb.saved");
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  mount(el,
    h("h2", {}, article ? tf("adm.kb.editing", { title: c.title }) : t("adm.kb.new")),
    article ? h("p", { id: "kb-article-status", "data-status": article.status }, t("adm.kb.status." + article.status)) : null,
    h("div", { class: "editor" }, form, preview),
    history.items.length
      ? h("section", { id: "kb-history" }, h("h3", {}, t("adm.kb.history")),
          h("ol", {}, history.items.map((v) => h("li", {}, tf("adm.kb.version", { n: v.version }), " · ", t("adm.kb.status." + v.status), " · ", time(v.changedAt, zone)))))
      : null);
  render();
  f.title.focus();
}
