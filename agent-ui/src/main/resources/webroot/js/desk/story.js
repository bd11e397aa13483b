// What happened, told in the user's language: timeline entries and the caller's IVR path.
// (Today the server still sends some of these as English text; see issue 13.)
import { h } from "../dom.js";
import { t } from "../i18n.js";

/** One timeline entry (pop "recent contacts", customer timeline) as text. */
export function timelineText(entry) {
  return entry.summary || t("timeline.kind." + entry.kind);
}

/** The caller's path through the IVR, as shown on the pop. */
export function ivrPath(ivr) {
  return h("p", { class: "ivr-path" }, ivr.path);
}
