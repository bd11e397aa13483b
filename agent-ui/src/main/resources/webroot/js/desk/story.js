// What happened, told in the user's language: timeline entries, the caller's IVR path and callback
// follow-ups. The server sends codes and parameters (docs/websocket.md, the OpenAPI document's
// TimelineEntry); this module is the one place the desk turns them into sentences. Text people
// wrote (summaries, titles, comments) and configured names (queues, teams, products) are shown as
// they are. Rows the server wrote before it sent codes carry English text in `summary`: shown as
// written, it is data.
import { h } from "../dom.js";
import { lang, t } from "../i18n.js";

/** The text for `key` with each {name} replaced by params[name] (missing ones left visible). */
export function tf(key, params = {}) {
  return t(key).replace(/\{(\w+)\}/g, (all, name) => (params[name] === undefined || params[name] === null ? all : String(params[name])));
}

/** A label for a code if there is one, else the code itself (configured names, old rows). */
function label(prefix, code) {
  if (code === undefined || code === null || code === "") return "";
  const text = t(prefix + code);
  return text.startsWith("⟦") ? String(code) : text;
}

/** A number of seconds as a duration in the user's language ("1 分鐘 35 秒", "1 min, 35 sec"). */
export function duration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  const parts = { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
  if (typeof Intl.DurationFormat === "function") {
    if (!parts.hours) delete parts.hours;
    if (!parts.hours && !parts.minutes) delete parts.minutes;
    return new Intl.DurationFormat(lang(), { style: "short" }).format(parts);
  }
  const unit = (n, u) => new Intl.NumberFormat(lang(), { style: "unit", unit: u, unitDisplay: "short" }).format(n);
  const out = [];
  if (parts.hours) out.push(unit(parts.hours, "hour"));
  if (parts.hours || parts.minutes) out.push(unit(parts.minutes, "minute"));
  out.push(unit(parts.seconds, "second"));
  return out.join(" ");
}

function actor(entry) {
  if (entry.actorName) return entry.actorName;
  return entry.actorId ? t("story.someone") : t("story.system");
}

function withNote(text, note) {
  return note ? text + t("story.sep") + note : text;
}

function contactText(entry) {
  const c = entry.interaction || {};
  const p = c.params || {};
  const queue = c.queue || "";
  switch (c.event) {
    case "ANSWERED": {
      let text = tf(queue ? "story.call.answered" : "story.call.answeredNoQueue", { agent: actor(entry), queue });
      const extra = [];
      if (p.transferredFromName || p.transferredFromId) {
        const from = (p.transferredFromName || "#" + p.transferredFromId) + (p.transferredFromQueue ? " (" + p.transferredFromQueue + ")" : "");
        extra.push(tf("story.call.transferred", { from }));
      }
      if (c.waitSeconds !== undefined && c.waitSeconds !== null) extra.push(tf("story.call.waited", { wait: duration(c.waitSeconds) }));
      if (c.talkSeconds !== undefined && c.talkSeconds !== null) extra.push(tf("story.call.talked", { talk: duration(c.talkSeconds) }));
      if (extra.length) text += t("story.and") + extra.join(t("story.and"));
      return withNote(text, c.summary);
    }
    case "ABANDONED":
    case "UNANSWERED":
      return withNote(tf(c.event === "ABANDONED" ? "story.call.abandoned" : "story.call.unanswered", { queue, wait: duration(c.waitSeconds) }), c.summary);
    case "IVR": {
      let text = p.outcome ? tf("story.ivr.contact", { outcome: t("story.ivrOutcome." + p.outcome) }) : t("story.ivr.contactOpen");
      if (p.ticketId) text += t("story.and") + tf("story.ivr.ticket", { ticketId: p.ticketId });
      return withNote(text, c.summary);
    }
    case "FOLLOW_UP_DONE": {
      const what = p.title || (p.followUpKind ? followUpText({ kind: p.followUpKind, params: p }) : "#" + p.followUpId);
      return withNote(tf("story.followUpDone", { actor: actor(entry), what }), c.summary);
    }
    default:
      // a contact a person recorded (or an old row the system wrote in English): their words
      return withNote(label("story.channel.", c.channel), c.summary);
  }
}

function changeValue(field, value, name) {
  if (value === undefined || value === null || value === "") return t("story.none");
  switch (field) {
    case "STATUS":
      return label("status.", value);
    case "PRIORITY":
      return label("story.priority.", value);
    case "ASSIGNEE":
      return name || "#" + value;
    case "PROMISED_BY": {
      const d = new Date(value);
      return isNaN(d) ? value : d.toLocaleString(lang(), { dateStyle: "short", timeStyle: "short" });
    }
    default:
      return value;
  }
}

function changeText(entry) {
  const c = entry.change || {};
  const params = {
    actor: actor(entry),
    id: entry.ticketId,
    field: label("story.field.", c.field),
    old: changeValue(c.field, c.oldValue, c.oldName),
    new: changeValue(c.field, c.newValue, c.newName),
  };
  switch (c.field) {
    case "STATUS":
    case "PRIORITY":
    case "TEAM":
    case "INTERACTION":
      return tf("story.change." + c.field, params);
    case "ASSIGNEE":
      return tf(c.newValue ? "story.change.assigned" : "story.change.unassigned", params);
    default:
      return tf(c.newValue ? "story.change.other" : "story.change.cleared", params);
  }
}

/** One timeline entry (pop "recent contacts", customer timeline) as text. */
export function timelineText(entry) {
  switch (entry.kind) {
    case "INTERACTION":
      return contactText(entry);
    case "TICKET_CREATED": {
      const tk = entry.ticket || {};
      return tf("story.ticket.opened", { actor: actor(entry), id: entry.ticketId, type: label("story.type.", tk.type), title: tk.title || "" });
    }
    case "TICKET_CHANGE":
      return changeText(entry);
    case "COMMENT": {
      const c = entry.comment || {};
      return tf("story.comment." + (c.visibility === "PUBLIC" ? "PUBLIC" : "INTERNAL"), { actor: actor(entry), id: entry.ticketId, body: c.body || "" });
    }
    default:
      // an answer from a server older than this page
      return entry.summary || "";
  }
}

function stepText(step) {
  const p = step.params || {};
  const menu = label("story.menu.", step.menu);
  const input = step.input || "";
  switch (step.outcome) {
    case "CHOSE": {
      const choice = label("story.choice.", p.value);
      return tf("story.step.CHOSE", { menu, input, choice: choice === String(p.value) ? label("story.lang.", p.value) : choice });
    }
    case "ENTERED":
    case "INVALID":
    case "NO_INPUT":
    case "SKIPPED":
      return tf("story.step." + step.outcome, { menu, input });
    case "GAVE_UP":
      return tf("story.step.GAVE_UP", { menu, tries: p.tries });
    case "NOT_KNOWN_BY_NUMBER":
      return label("story.step.lookup.", p.lookup);
    case "LANGUAGE_PREFERRED":
    case "LANGUAGE_DEFAULT":
      return tf("story.step." + step.outcome, { language: label("story.lang.", p.language) });
    case "OPEN_TICKETS_READ":
      return tf("story.step.OPEN_TICKETS_READ", { read: p.read, open: p.open, tickets: (p.ticketIds || "").split(",").filter(Boolean).map((id) => "#" + id).join(t("story.and")) });
    case "TICKET_READ":
      return tf("story.step.TICKET_READ", { ticketId: p.ticketId, status: label("status.", p.status) });
    case "TO_AGENT":
      return tf("story.step.TO_AGENT", { queue: p.queue, priority: p.priority, reason: tf("story.reason." + p.reason, p) });
    case "KNOWN_BY_NUMBER":
    case "IDENTIFIED":
    case "NO_MATCH":
    case "NO_OPEN_TICKETS":
    case "TICKET_NOT_FOUND":
    case "RATED":
    case "NOT_RATED":
    case "FAULT_REPORTED":
    case "CALLBACK_BOOKED":
    case "FAILED":
    case "HUNG_UP":
      return tf("story.step." + step.outcome, { ...p, input });
    default:
      // a step stored before the server sent codes: its internal notation, as stored
      return step.menu + (step.input ? " " + step.input : "") + t("story.sep") + step.outcome;
  }
}

/** The caller's path through the IVR, as shown on the pop: one list item a step. */
export function ivrPath(ivr) {
  const steps = (ivr && ivr.steps) || [];
  return h("ol", { class: "ivr-path" }, steps.map((s) => h("li", {}, stepText(s))));
}

/** A follow-up's title: what a person wrote, or the callback the system created, in words. */
export function followUpText(followUp) {
  if (!followUp.kind) return followUp.title || "";
  const p = followUp.params || {};
  const name = followUp.customerName || "";
  const number = p.number ? tf("story.followUp.number", { number: p.number }) : "";
  return tf("story.followUp." + followUp.kind, { name, number });
}

/** A callback follow-up's detail (why it was created), or the note a person wrote. */
export function followUpDetail(followUp) {
  const p = followUp.params || {};
  if (followUp.kind === "CALLBACK_MISSED_CALL" && p.missed) {
    return tf("story.followUp.missed." + p.missed, { queue: p.queue || "", wait: duration(p.waitSeconds) });
  }
  return followUp.note || "";
}

/** The default title of a ticket opened from a pop ("Call from 陳志明 (support)"). */
export function prefillTitle(pop) {
  const name = (pop.customer && pop.customer.name) || (pop.caller && pop.caller.number) || "";
  return tf(pop.queue ? "story.prefillTitleQueue" : "story.prefillTitle", { name, queue: pop.queue });
}
