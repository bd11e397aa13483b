// What happened, told in the user's language: timeline entries, the caller's IVR path and callback
// follow-ups. The server sends codes and parameters (docs/websocket.md, the OpenAPI document's
// TimelineEntry); this module is the one place the desk turns them into sentences. Text people
// wrote (summaries, titles, comments) and configured names (queues, teams, products) are shown as
// they are. Rows the server wrote before it sent codes carry English text in `summary`: shown as
// written, it is data. Its sentences are below (addText); status, type, priority and audit field
// names are the desk's (i18n.js, desk/text.js).
import { h } from "../dom.js";
import { addText, duration, has, lang, t, tf, time } from "../i18n.js";

/** A label for a code if there is one, else the code itself (configured names, old rows). */
function label(prefix, code) {
  if (code === undefined || code === null || code === "") return "";
  return has(prefix + code) ? t(prefix + code) : String(code);
}

addText({
  "zh-TW": {
    "story.someone": "某位同仁",
    "story.sep": ":",
    "story.and": "，",
    "story.channel.PHONE_IN": "來電",
    "story.channel.PHONE_OUT": "去電",
    "story.channel.EMAIL": "電子郵件",
    "story.channel.FAX": "傳真",
    "story.channel.WEB": "網頁表單",
    "story.channel.VISIT": "拜訪",
    "story.channel.CHAT": "線上對話",
    "story.channel.NOTE": "備註",
    "story.call.answered": "{agent} 接聽 {queue} 佇列的來電",
    "story.call.answeredNoQueue": "{agent} 接聽來電",
    "story.call.transferred": "由 {from} 轉接",
    "story.call.waited": "等候 {wait}",
    "story.call.talked": "通話 {talk}",
    "story.call.abandoned": "來電者在 {queue} 佇列等候 {wait} 後掛斷",
    "story.call.unanswered": "{queue} 佇列的來電等候 {wait} 後無人接聽",
    "story.ivr.contact": "語音選單:{outcome}",
    "story.ivr.contactOpen": "使用語音選單",
    "story.ivr.ticket": "工單 #{ticketId}",
    "story.ivrOutcome.AGENT": "轉接專人",
    "story.ivrOutcome.CALLBACK": "要求回電",
    "story.ivrOutcome.COMPLETED": "於語音選單完成",
    "story.ivrOutcome.HUNG_UP": "在語音選單中掛斷",
    "story.followUpDone": "{actor} 完成跟催:{what}",
    "story.ticket.opened": "{actor} 開立工單 #{id}({type}):{title}",
    "story.change.STATUS": "{actor} 把 #{id} 的狀態從「{old}」改為「{new}」",
    "story.change.PRIORITY": "{actor} 把 #{id} 的優先等級從「{old}」改為「{new}」",
    "story.change.assigned": "{actor} 把 #{id} 指派給 {new}",
    "story.change.unassigned": "{actor} 取消 #{id} 的指派",
    "story.change.TEAM": "{actor} 把 #{id} 移到「{new}」組",
    "story.change.INTERACTION": "{actor} 把一筆聯絡紀錄連結到 #{id}",
    "story.change.other": "{actor} 更新了 #{id} 的{field}:{new}",
    "story.change.cleared": "{actor} 清除了 #{id} 的{field}",
    "story.comment.INTERNAL": "{actor} 在 #{id} 新增內部備註:{body}",
    "story.comment.PUBLIC": "{actor} 在 #{id} 回覆客戶:{body}",
    "story.followUp.CALLBACK_MISSED_CALL": "回電給 {name}{number}",
    "story.followUp.CALLBACK_IVR": "回電給 {name}{number}(語音選單預約)",
    "story.followUp.VISIT_RESCHEDULE": "重新安排派工單 #{orderId}:{name} 在語音選單要求改期",
    "story.followUp.VISIT_SURVEY_CALL": "滿意度電訪:{name},派工單 #{orderId} 已完工",
    "story.followUp.VISIT_NOT_COMPLETED": "重新安排派工單 #{orderId}:技術人員無法完工",
    "story.followUp.VISIT_LATE": "致電 {name}:派工單 #{orderId} 的技術人員遲到",
    "story.followUp.detail.VISIT_SURVEY_CALL": "請客戶為這次到府服務評分(1–5),並確認問題是否已解決(工單 #{ticketId})。",
    "story.followUp.detail.VISIT_NOT_COMPLETED": "技術人員的說明:{reason}",
    "story.followUp.detail.VISIT_LATE": "到府時段已於 {windowEnd} 結束,技術人員仍未抵達。請告知客戶。",
    "story.followUp.number": "({number})",
    "story.followUp.missed.ABANDONED": "來電者在 {queue} 佇列等候 {wait} 後掛斷",
    "story.followUp.missed.UNANSWERED": "{queue} 佇列的來電等候 {wait} 後無人接聽",
    "story.menu.main": "主選單",
    "story.menu.language": "語言選單",
    "story.menu.identify": "身分識別",
    "story.menu.product": "產品",
    "story.menu.serial": "序號",
    "story.menu.ticket-status": "工單狀態",
    "story.menu.ticket-number": "工單編號",
    "story.menu.ticket-survey": "工單評分",
    "story.menu.callback": "回電",
    "story.menu.technician-visit": "技術人員到訪",
    "story.menu.callback-number": "回電號碼",
    "story.menu.agent": "轉接專人",
    "story.menu.report-fault": "報修",
    "story.menu.survey-rating": "滿意度評分",
    "story.menu.survey-solved": "問題是否解決",
    "story.menu.back-end": "系統",
    "story.menu.error": "系統",
    "story.menu.hangup": "掛斷",
    "story.choice.ticket-status": "查詢工單狀態",
    "story.choice.report-fault": "報修",
    "story.choice.technician-visit": "預約技術人員",
    "story.choice.callback": "預約回電",
    "story.choice.agent": "轉接專人",
    "story.choice.by-number": "查詢其他工單",
    "story.choice.main": "回主選單",
    "story.choice.this-number": "回撥此號碼",
    "story.choice.other-number": "回撥其他號碼",
    "story.choice.yes": "是",
    "story.choice.no": "否",
    "story.choice.confirm": "確認到訪",
    "story.choice.reschedule": "要求改期",
    "story.lang.zh-TW": "繁體中文",
    "story.lang.zh-CN": "簡體中文",
    "story.lang.en": "英文",
    "story.step.CHOSE": "{menu}:選擇「{choice}」(按 {input})",
    "story.step.ENTERED": "{menu}:輸入 {input}",
    "story.step.INVALID": "{menu}:無效的按鍵 {input}",
    "story.step.NO_INPUT": "{menu}:未輸入",
    "story.step.SKIPPED": "{menu}:略過",
    "story.step.GAVE_UP": "{menu}:{tries} 次後放棄",
    "story.step.KNOWN_BY_NUMBER": "依來電號碼識別客戶",
    "story.step.lookup.UNKNOWN": "來電號碼查無客戶",
    "story.step.lookup.AMBIGUOUS": "來電號碼對應多位客戶",
    "story.step.lookup.ANONYMOUS": "未顯示來電號碼",
    "story.step.IDENTIFIED": "依輸入的號碼 {input} 識別客戶",
    "story.step.NO_MATCH": "輸入的號碼 {input} 查無客戶(第 {strike} 次)",
    "story.step.LANGUAGE_PREFERRED": "語言:{language}(客戶偏好)",
    "story.step.LANGUAGE_DEFAULT": "語言:{language}(預設)",
    "story.step.NO_OPEN_TICKETS": "告知沒有處理中的工單",
    "story.step.OPEN_TICKETS_READ": "聽取 {open} 張處理中工單中的 {read} 張:{tickets}",
    "story.step.TICKET_NOT_FOUND": "查無工單 {input}",
    "story.step.TICKET_READ": "聽取工單 #{ticketId}:{status}",
    "story.step.RATED": "為工單 #{ticketId} 評分:{rating} 分(滿分 5 分)",
    "story.step.NOT_RATED": "未為工單 #{ticketId} 評分",
    "story.step.FAULT_REPORTED": "報修 {product}:工單 #{ticketId}",
    "story.step.CALLBACK_BOOKED": "預約回電至 {input}({queue})",
    "story.step.NO_VISIT": "告知沒有已排定的到訪",
    "story.step.VISIT_READ": "聽取下次到訪(派工單 #{orderId},共 {visits} 次已排定)",
    "story.step.VISIT_CONFIRMED": "確認派工單 #{orderId} 的到訪",
    "story.step.VISIT_RESCHEDULE_ASKED": "要求派工單 #{orderId} 改期(跟催 #{followUpId})",
    "story.step.TO_AGENT": "轉接 {queue} 佇列專人(優先順序 {priority}):{reason}",
    "story.step.FAILED": "系統發生錯誤",
    "story.step.HUNG_UP": "來電者掛斷",
    "story.reason.ASKED": "來電者要求",
    "story.reason.NO_CHOICE": "未選擇",
    "story.reason.NOT_IDENTIFIED": "無法識別身分",
    "story.reason.NO_PRODUCT": "未選擇產品",
    "story.reason.NO_CALLBACK_NUMBER": "沒有回電號碼",
    "story.reason.ABOUT_TICKET": "詢問工單 #{ticketId}",
    "story.reason.BACKEND_FAILURE": "系統故障",
    "story.reason.ERROR": "系統錯誤",
  },
  en: {
    "story.someone": "Someone",
    "story.sep": ": ",
    "story.and": ", ",
    "story.channel.PHONE_IN": "Incoming call",
    "story.channel.PHONE_OUT": "Outgoing call",
    "story.channel.EMAIL": "E-mail",
    "story.channel.FAX": "Fax",
    "story.channel.WEB": "Web form",
    "story.channel.VISIT": "Visit",
    "story.channel.CHAT": "Chat",
    "story.channel.NOTE": "Note",
    "story.call.answered": "{agent} answered a call in queue {queue}",
    "story.call.answeredNoQueue": "{agent} answered a call",
    "story.call.transferred": "transferred from {from}",
    "story.call.waited": "waited {wait}",
    "story.call.talked": "talked {talk}",
    "story.call.abandoned": "Caller hung up in queue {queue} after waiting {wait}",
    "story.call.unanswered": "Call in queue {queue} not answered after {wait}",
    "story.ivr.contact": "Phone menu: {outcome}",
    "story.ivr.contactOpen": "Used the phone menu",
    "story.ivr.ticket": "ticket #{ticketId}",
    "story.ivrOutcome.AGENT": "went to an agent",
    "story.ivrOutcome.CALLBACK": "asked for a callback",
    "story.ivrOutcome.COMPLETED": "served by the menu",
    "story.ivrOutcome.HUNG_UP": "hung up in the menu",
    "story.followUpDone": "{actor} did the follow-up: {what}",
    "story.ticket.opened": "{actor} opened ticket #{id} ({type}): {title}",
    "story.change.STATUS": "{actor} changed the status of #{id} from {old} to {new}",
    "story.change.PRIORITY": "{actor} changed the priority of #{id} from {old} to {new}",
    "story.change.assigned": "{actor} assigned #{id} to {new}",
    "story.change.unassigned": "{actor} unassigned #{id}",
    "story.change.TEAM": "{actor} moved #{id} to team {new}",
    "story.change.INTERACTION": "{actor} linked a contact to #{id}",
    "story.change.other": "{actor} changed the {field} of #{id}: {new}",
    "story.change.cleared": "{actor} cleared the {field} of #{id}",
    "story.comment.INTERNAL": "{actor} added an internal note to #{id}: {body}",
    "story.comment.PUBLIC": "{actor} replied to the customer on #{id}: {body}",
    "story.followUp.CALLBACK_MISSED_CALL": "Call back {name}{number}",
    "story.followUp.CALLBACK_IVR": "Call back {name}{number} (asked for in the phone menu)",
    "story.followUp.VISIT_RESCHEDULE": "Re-plan order #{orderId}: {name} asked in the phone menu to reschedule the visit",
    "story.followUp.VISIT_SURVEY_CALL": "Satisfaction call: {name}, order #{orderId} done",
    "story.followUp.VISIT_NOT_COMPLETED": "Re-plan order #{orderId}: the technician could not complete it",
    "story.followUp.VISIT_LATE": "Call {name}: the technician of order #{orderId} is running late",
    "story.followUp.detail.VISIT_SURVEY_CALL": "Ask the customer to rate the visit (1–5) and whether the problem is solved (ticket #{ticketId}).",
    "story.followUp.detail.VISIT_NOT_COMPLETED": "The technician's reason: {reason}",
    "story.followUp.detail.VISIT_LATE": "The arrival window ended at {windowEnd} without the technician on site. Tell the customer.",
    "story.followUp.number": " at {number}",
    "story.followUp.missed.ABANDONED": "Caller hung up in queue {queue} after waiting {wait}",
    "story.followUp.missed.UNANSWERED": "Call in queue {queue} not answered after {wait}",
    "story.menu.main": "Main menu",
    "story.menu.language": "Language menu",
    "story.menu.identify": "Identification",
    "story.menu.product": "Product",
    "story.menu.serial": "Serial number",
    "story.menu.ticket-status": "Ticket status",
    "story.menu.ticket-number": "Ticket number",
    "story.menu.ticket-survey": "Ticket rating",
    "story.menu.callback": "Callback",
    "story.menu.technician-visit": "Technician visit",
    "story.menu.callback-number": "Callback number",
    "story.menu.agent": "To an agent",
    "story.menu.report-fault": "Fault report",
    "story.menu.survey-rating": "Survey rating",
    "story.menu.survey-solved": "Problem solved?",
    "story.menu.back-end": "System",
    "story.menu.error": "System",
    "story.menu.hangup": "Hang-up",
    "story.choice.ticket-status": "ticket status",
    "story.choice.report-fault": "report a fault",
    "story.choice.technician-visit": "technician visit",
    "story.choice.callback": "callback",
    "story.choice.agent": "an agent",
    "story.choice.by-number": "another ticket",
    "story.choice.main": "main menu",
    "story.choice.this-number": "this number",
    "story.choice.other-number": "another number",
    "story.choice.yes": "yes",
    "story.choice.no": "no",
    "story.choice.confirm": "confirm the visit",
    "story.choice.reschedule": "ask to reschedule",
    "story.lang.zh-TW": "Traditional Chinese",
    "story.lang.zh-CN": "Simplified Chinese",
    "story.lang.en": "English",
    "story.step.CHOSE": "{menu}: chose {choice} (key {input})",
    "story.step.ENTERED": "{menu}: entered {input}",
    "story.step.INVALID": "{menu}: invalid key {input}",
    "story.step.NO_INPUT": "{menu}: no input",
    "story.step.SKIPPED": "{menu}: skipped",
    "story.step.GAVE_UP": "{menu}: gave up after {tries} tries",
    "story.step.KNOWN_BY_NUMBER": "Identified by the caller's number",
    "story.step.lookup.UNKNOWN": "Caller's number matches no customer",
    "story.step.lookup.AMBIGUOUS": "Caller's number matches several customers",
    "story.step.lookup.ANONYMOUS": "No caller number",
    "story.step.IDENTIFIED": "Identified by the number keyed in, {input}",
    "story.step.NO_MATCH": "Number keyed in, {input}, matches nobody (try {strike})",
    "story.step.LANGUAGE_PREFERRED": "Language: {language} (the customer's preference)",
    "story.step.LANGUAGE_DEFAULT": "Language: {language} (default)",
    "story.step.NO_OPEN_TICKETS": "Heard there are no open tickets",
    "story.step.OPEN_TICKETS_READ": "Heard {read} of {open} open tickets: {tickets}",
    "story.step.TICKET_NOT_FOUND": "Ticket {input} not found",
    "story.step.TICKET_READ": "Heard ticket #{ticketId}: {status}",
    "story.step.RATED": "Rated ticket #{ticketId}: {rating} of 5",
    "story.step.NOT_RATED": "Did not rate ticket #{ticketId}",
    "story.step.FAULT_REPORTED": "Reported a fault on {product}: ticket #{ticketId}",
    "story.step.CALLBACK_BOOKED": "Asked for a callback on {input} ({queue})",
    "story.step.NO_VISIT": "Told there is no scheduled visit",
    "story.step.VISIT_READ": "Heard the next visit (order #{orderId}, {visits} scheduled)",
    "story.step.VISIT_CONFIRMED": "Confirmed the visit of order #{orderId}",
    "story.step.VISIT_RESCHEDULE_ASKED": "Asked to reschedule order #{orderId} (follow-up #{followUpId})",
    "story.step.TO_AGENT": "To an agent in {queue} (priority {priority}): {reason}",
    "story.step.FAILED": "A system error",
    "story.step.HUNG_UP": "Caller hung up",
    "story.reason.ASKED": "asked for one",
    "story.reason.NO_CHOICE": "no choice made",
    "story.reason.NOT_IDENTIFIED": "not identified",
    "story.reason.NO_PRODUCT": "no product chosen",
    "story.reason.NO_CALLBACK_NUMBER": "no callback number",
    "story.reason.ABOUT_TICKET": "about ticket #{ticketId}",
    "story.reason.BACKEND_FAILURE": "the help desk failed",
    "story.reason.ERROR": "a system error",
  },
});

function actor(entry) {
  if (entry.actorName) return entry.actorName;
  return entry.actorId ? t("story.someone") : t("audit.system");
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
  if (value === undefined || value === null || value === "") return t("audit.none");
  switch (field) {
    case "STATUS":
      return label("status.", value);
    case "PRIORITY":
      return label("priority.", value);
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
    field: label("audit.field.", c.field),
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
      return tf("story.ticket.opened", { actor: actor(entry), id: entry.ticketId, type: label("type.", tk.type), title: tk.title || "" });
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
    case "NO_VISIT":
    case "VISIT_READ":
    case "VISIT_CONFIRMED":
    case "VISIT_RESCHEDULE_ASKED":
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
  return tf("story.followUp." + followUp.kind, { name, number, orderId: p.orderId || "" });
}

/** A callback follow-up's detail (why it was created), or the note a person wrote. */
export function followUpDetail(followUp) {
  const p = followUp.params || {};
  if (followUp.kind === "CALLBACK_MISSED_CALL" && p.missed) {
    return tf("story.followUp.missed." + p.missed, { queue: p.queue || "", wait: duration(p.waitSeconds) });
  }
  if (followUp.kind && has("story.followUp.detail." + followUp.kind)) {
    return tf("story.followUp.detail." + followUp.kind, {
      ticketId: p.ticketId || "",
      reason: p.reason || "",
      windowEnd: time(p.windowEnd),
    });
  }
  return followUp.note || "";
}
