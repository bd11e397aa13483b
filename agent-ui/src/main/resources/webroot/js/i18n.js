// UI text in Traditional Chinese and English; the user's setting wins, else the browser's.
const TEXT = {
  "zh-TW": {
    "app.title": "客服中心",
    "login.title": "登入",
    "login.username": "帳號",
    "login.password": "密碼",
    "login.submit": "登入",
    "login.failed": "帳號或密碼錯誤,請再試一次",
    "login.throttled": "嘗試次數過多,請稍後再試",
    "admin.title": "系統管理",
    "admin.users": "使用者與角色",
    "admin.onlyAdmins": "此頁面僅供系統管理員使用。",
    "admin.toDesk": "回到服務台",
    "admin.username": "帳號",
    "admin.displayName": "顯示名稱",
    "admin.roles": "角色",
    "admin.state": "狀態",
    "admin.lastLogin": "最近登入",
    "admin.actions": "操作",
    "admin.active": "啟用中",
    "admin.disabled": "已停用",
    "admin.mustChange": "待變更密碼",
    "admin.never": "從未登入",
    "admin.saveRoles": "儲存角色",
    "admin.disable": "停用",
    "admin.enable": "啟用",
    "admin.endSessions": "登出所有裝置",
    "admin.tempPassword": "臨時密碼(至少 12 個字元)",
    "admin.reset": "重設密碼",
    "admin.newUser": "新增使用者",
    "admin.language": "語言",
    "admin.create": "建立",
    "admin.done.roles": "角色已更新,該使用者的登入已結束。",
    "admin.done.disabled": "帳號已停用,該使用者的登入已結束。",
    "admin.done.enabled": "帳號已啟用。",
    "admin.done.sessions": "已結束的登入數:",
    "admin.done.reset": "密碼已重設,使用者下次登入時須變更密碼。",
    "admin.done.created": "使用者已建立,首次登入時須變更密碼。",
    "admin.error.username_taken": "此帳號已存在。",
    "admin.error.last_admin": "不能停用或移除最後一位系統管理員。",
    "admin.error.cannot_disable_self": "不能停用自己的帳號。",
    "admin.error.invalid_field": "請檢查輸入的欄位。",
    "role.AGENT": "客服人員",
    "role.SUPERVISOR": "主管",
    "role.TECHNICIAN": "技術人員",
    "role.ADMIN": "系統管理員",
    "password.title": "請設定新密碼",
    "password.intro": "管理員為您設定了臨時密碼。繼續之前,請設定只有您知道的新密碼。",
    "password.current": "目前密碼",
    "password.new": "新密碼(至少 12 個字元)",
    "password.confirm": "再次輸入新密碼",
    "password.submit": "變更密碼",
    "password.mismatch": "兩次輸入的新密碼不同",
    "password.current_password_wrong": "目前密碼不正確",
    "password.password_too_short": "新密碼至少需要 12 個字元",
    "password.password_too_long": "新密碼太長",
    "password.password_too_common": "這是常見密碼,請另選一個",
    "password.password_contains_username": "密碼不可包含帳號",
    "password.password_too_simple": "請使用更多不同的字元",
    "password.password_unchanged": "新密碼必須與目前密碼不同",
    "password.too_many_attempts": "嘗試次數過多,請稍後再試",
    "logout": "登出",
    "state.available": "可接聽",
    "state.paused": "暫停",
    "state.logged-out": "已登出",
    "state.ringing": "來電中",
    "state.on-call": "通話中",
    "state.wrap-up": "話後處理",
    "state.reason": "暫停原因",
    "state.set": "變更",
    "state.failed": "電話系統未接受變更:",
    "pop.title": "來電",
    "pop.unknown": "未知來電",
    "pop.anonymous": "隱藏號碼",
    "pop.ambiguous": "多位客戶使用此號碼",
    "pop.vip": "VIP",
    "pop.openTickets": "未結案工單",
    "pop.recent": "最近聯絡",
    "pop.followUps": "逾期跟催",
    "pop.ivr": "語音選單紀錄",
    "pop.kb": "知識庫建議",
    "pop.createCustomer": "建立客戶",
    "pop.openCustomer": "開啟客戶",
    "pop.newTicket": "建立工單",
    "pop.closed.answered-elsewhere": "已由其他人接聽",
    "pop.closed.abandoned": "來電者已掛斷",
    "pop.closed.no-answer": "未接聽",
    "pop.closed.hung-up": "通話已結束",
    "pop.answered": "已接聽",
    "pop.ended": "通話結束",
    "pop.transferredFrom": "由 {agent} 轉接",
    "pop.transferredFromQueue": "由 {agent}（{queue}）轉接",
    "sla.ok": "正常",
    "sla.warning": "即將逾期",
    "sla.breached": "已逾期",
    "sla.paused": "暫停計時",
    "sla.unknown": "未知",
    "ticket.title": "標題",
    "ticket.type": "類型",
    "ticket.save": "儲存工單",
    "ticket.saved": "工單已建立 #",
    "followups.title": "我的跟催",
    "followups.none": "沒有待辦跟催",
    "followups.complete": "完成",
    "followups.overdue": "逾期",
    "followups.note": "處理結果",
    "call.dial": "撥打",
    "ws.offline": "連線中斷,重新連線中…",
    "wall.title": "即時看板",
    "wall.queue": "佇列",
    "wall.waiting": "等候中",
    "wall.longest": "最長等候(秒)",
    "wall.answered": "已接聽",
    "wall.abandoned": "放棄",
    "wall.sl": "服務水準",
    "wall.agents": "座席",
    "wall.agent": "座席",
    "wall.state": "狀態",
    "wall.since": "持續",
    "kb.search": "搜尋知識庫",
    "kb.insert": "插入回覆",
    "kb.helpful": "有幫助",
    "kb.notHelpful": "沒幫助",
    "wall.sla": "即將或已逾期的工單",
    "error.generic": "發生錯誤:",
    "error.network": "無法連線到伺服器,請稍後再試",
    "error.code": "無法完成({code})",
    "error.invalid_field": "欄位內容不正確",
    "error.invalid_characters": "含有不允許的字元",
    "error.not_found": "找不到資料,可能已被刪除",
    "error.forbidden": "您的角色無權執行此操作",
    "error.unauthenticated": "請重新登入",
    "error.stale_ticket": "工單已被他人修改,請重新整理後再試",
    "error.stale_customer": "客戶資料已被他人修改,請重新整理後再試",
    "error.invalid_transition": "此狀態無法變更為所選狀態",
    "error.follow_up_not_open": "此跟催已完成",
    "error.no_call": "目前沒有通話",
    "error.pbx_rejected": "電話系統拒絕了此操作",
    "error.pbx_timeout": "電話系統沒有回應",
    "error.pbx_unavailable": "電話系統目前無法連線",
    "unit.seconds": "{n} 秒",
    "unit.minutes": "{m} 分",
    "unit.hoursMinutes": "{h} 小時 {m} 分",
    "customer.tickets": "工單",
    "customer.edit": "編輯",
    "customer.name": "名稱",
    "customer.phones": "電話(每行一個)",
    "customer.emails": "電子郵件",
    "customer.address": "地址",
    "customer.notes": "備註",
    "customer.save": "儲存",
    "customer.timeline": "聯絡紀錄",
    "status.NEW": "新建",
    "status.OPEN": "處理中",
    "status.PENDING_CUSTOMER": "等待客戶",
    "status.RESOLVED": "已解決",
    "status.CLOSED": "已結案",
    "sla.firstResponse": "首次回覆",
    "sla.left": "剩 {time}",
    "sla.over": "逾期 {time}",
    "sla.resolution": "解決期限",
    "ticket.comments": "留言",
    "ticket.comment": "新增留言",
    "ticket.audit": "異動紀錄",
    "ticket.assignee": "負責人",
    "ticket.me": "我",
    "ticket.take": "由我處理",
    "ticket.assignTo": "指派給…",
    "ticket.resolution": "解決方式",
    "comment.internal": "內部",
    "comment.public": "給客戶",
    // the dispatcher's board (its own sentences: js/dispatch/text.js)
    "board.title": "派工排程看板",
  },
  en: {
    "app.title": "Call center",
    "login.title": "Log in",
    "login.username": "Username",
    "login.password": "Password",
    "login.submit": "Log in",
    "login.failed": "Wrong username or password; please try again",
    "login.throttled": "Too many attempts; please wait a few minutes",
    "admin.title": "Administration",
    "admin.users": "Users and roles",
    "admin.onlyAdmins": "This page is for administrators.",
    "admin.toDesk": "Back to the desk",
    "admin.username": "Username",
    "admin.displayName": "Display name",
    "admin.roles": "Roles",
    "admin.state": "State",
    "admin.lastLogin": "Last login",
    "admin.actions": "Actions",
    "admin.active": "Active",
    "admin.disabled": "Disabled",
    "admin.mustChange": "Must change password",
    "admin.never": "Never",
    "admin.saveRoles": "Save roles",
    "admin.disable": "Disable",
    "admin.enable": "Enable",
    "admin.endSessions": "Log out everywhere",
    "admin.tempPassword": "Temporary password (at least 12 characters)",
    "admin.reset": "Reset password",
    "admin.newUser": "New user",
    "admin.language": "Language",
    "admin.create": "Create",
    "admin.done.roles": "Roles saved; the user's sessions have ended.",
    "admin.done.disabled": "Account disabled; the user's sessions have ended.",
    "admin.done.enabled": "Account enabled.",
    "admin.done.sessions": "Sessions ended:",
    "admin.done.reset": "Password reset; the user must change it at next login.",
    "admin.done.created": "User created; they must change the password at first login.",
    "admin.error.username_taken": "That username exists already.",
    "admin.error.last_admin": "The last administrator cannot be disabled or lose the role.",
    "admin.error.cannot_disable_self": "You cannot disable your own account.",
    "admin.error.invalid_field": "Please check the fields.",
    "role.AGENT": "Agent",
    "role.SUPERVISOR": "Supervisor",
    "role.TECHNICIAN": "Technician",
    "role.ADMIN": "Administrator",
    "password.title": "Choose a new password",
    "password.intro": "An administrator gave you a temporary password. Before you continue, choose a new one that only you know.",
    "password.current": "Current password",
    "password.new": "New password (at least 12 characters)",
    "password.confirm": "New password again",
    "password.submit": "Change password",
    "password.mismatch": "The two new passwords differ",
    "password.current_password_wrong": "The current password is not right",
    "password.password_too_short": "Use at least 12 characters",
    "password.password_too_long": "The new password is too long",
    "password.password_too_common": "This is a common password; choose another",
    "password.password_contains_username": "Do not use your username in the password",
    "password.password_too_simple": "Use more different characters",
    "password.password_unchanged": "The new password must differ from the current one",
    "password.too_many_attempts": "Too many attempts; please wait a few minutes",
    "logout": "Log out",
    "state.available": "Available",
    "state.paused": "Paused",
    "state.logged-out": "Logged out",
    "state.ringing": "Ringing",
    "state.on-call": "On a call",
    "state.wrap-up": "Wrap-up",
    "state.reason": "Pause reason",
    "state.set": "Change",
    "state.failed": "The phone system refused the change: ",
    "pop.title": "Incoming call",
    "pop.unknown": "Unknown caller",
    "pop.anonymous": "Withheld number",
    "pop.ambiguous": "Several customers use this number",
    "pop.vip": "VIP",
    "pop.openTickets": "Open tickets",
    "pop.recent": "Recent contacts",
    "pop.followUps": "Overdue follow-ups",
    "pop.ivr": "IVR path",
    "pop.kb": "Knowledge base",
    "pop.createCustomer": "Create customer",
    "pop.openCustomer": "Open customer",
    "pop.newTicket": "New ticket",
    "pop.closed.answered-elsewhere": "Answered by someone else",
    "pop.closed.abandoned": "The caller hung up",
    "pop.closed.no-answer": "Not answered",
    "pop.closed.hung-up": "The call ended",
    "pop.answered": "Answered",
    "pop.ended": "Call ended",
    "pop.transferredFrom": "Transferred from {agent}",
    "pop.transferredFromQueue": "Transferred from {agent} ({queue})",
    "sla.ok": "On time",
    "sla.warning": "Due soon",
    "sla.breached": "Overdue",
    "sla.paused": "Paused",
    "sla.unknown": "Unknown",
    "ticket.title": "Title",
    "ticket.type": "Type",
    "ticket.save": "Save ticket",
    "ticket.saved": "Ticket created #",
    "followups.title": "My follow-ups",
    "followups.none": "No follow-ups to do",
    "followups.complete": "Done",
    "followups.overdue": "Overdue",
    "followups.note": "What was done",
    "call.dial": "Call",
    "ws.offline": "Connection lost, reconnecting…",
    "wall.title": "Wallboard",
    "wall.queue": "Queue",
    "wall.waiting": "Waiting",
    "wall.longest": "Longest wait (s)",
    "wall.answered": "Answered",
    "wall.abandoned": "Abandoned",
    "wall.sl": "Service level",
    "wall.agents": "Agents",
    "wall.agent": "Agent",
    "wall.state": "State",
    "wall.since": "For",
    "kb.search": "Search the knowledge base",
    "kb.insert": "Insert into reply",
    "kb.helpful": "Helpful",
    "kb.notHelpful": "Not helpful",
    "wall.sla": "Tickets near or past their SLA",
    "error.generic": "Something went wrong: ",
    "error.network": "The server cannot be reached; please try again shortly",
    "error.code": "Could not be done ({code})",
    "error.invalid_field": "A field is not valid",
    "error.invalid_characters": "Contains characters that are not allowed",
    "error.not_found": "Not found; it may have been deleted",
    "error.forbidden": "Your role does not allow this",
    "error.unauthenticated": "Please log in again",
    "error.stale_ticket": "Someone else changed the ticket; reload and try again",
    "error.stale_customer": "Someone else changed the customer; reload and try again",
    "error.invalid_transition": "The ticket cannot move to that status from here",
    "error.follow_up_not_open": "This follow-up is done already",
    "error.no_call": "You have no call right now",
    "error.pbx_rejected": "The phone system refused this",
    "error.pbx_timeout": "The phone system did not answer",
    "error.pbx_unavailable": "The phone system cannot be reached right now",
    "unit.seconds": "{n} s",
    "unit.minutes": "{m} min",
    "unit.hoursMinutes": "{h} h {m} min",
    "customer.tickets": "Tickets",
    "customer.edit": "Edit",
    "customer.name": "Name",
    "customer.phones": "Phones (one per line)",
    "customer.emails": "E-mails",
    "customer.address": "Address",
    "customer.notes": "Notes",
    "customer.save": "Save",
    "customer.timeline": "Contacts",
    "status.NEW": "New",
    "status.OPEN": "Open",
    "status.PENDING_CUSTOMER": "Waiting for customer",
    "status.RESOLVED": "Resolved",
    "status.CLOSED": "Closed",
    "sla.firstResponse": "First response",
    "sla.left": "{time} left",
    "sla.over": "{time} overdue",
    "sla.resolution": "Resolution",
    "ticket.comments": "Comments",
    "ticket.comment": "Add comment",
    "ticket.audit": "Changes",
    "ticket.assignee": "Assignee",
    "ticket.me": "me",
    "ticket.take": "Take it",
    "ticket.assignTo": "Assign to…",
    "ticket.resolution": "Resolution",
    "comment.internal": "Internal",
    "comment.public": "To the customer",
    // the dispatcher's board (its own sentences: js/dispatch/text.js)
    "board.title": "Dispatch board",
  },
};

let language = pick(navigator.language);

function pick(wanted) {
  if (!wanted) return "zh-TW";
  if (wanted.toLowerCase().startsWith("zh")) return "zh-TW";
  return wanted.toLowerCase().startsWith("en") ? "en" : "zh-TW";
}

export function setLanguage(wanted) {
  language = pick(wanted);
  document.documentElement.lang = language;
}

export function lang() {
  return language;
}

/** The text for `key`; a missing key shows as ⟦key⟧ so tests and people notice. */
export function t(key) {
  const text = TEXT[language][key];
  return text === undefined ? "⟦" + key + "⟧" : text;
}

export const KEYS = Object.keys(TEXT.en);
export const LANGUAGES = Object.keys(TEXT);

/**
 * Adds a page's own texts ({"zh-TW": {...}, en: {...}}), so each page keeps its sentences beside
 * its code; missingKeys() checks them like the rest.
 */
export function addText(texts) {
  for (const l of LANGUAGES) Object.assign(TEXT[l], texts[l] || {});
  for (const k of Object.keys(texts.en || {})) if (!KEYS.includes(k)) KEYS.push(k);
}

/** Whether there is a text for `key`. */
export function has(key) {
  return TEXT[language][key] !== undefined;
}

/** t(key) with {name} placeholders replaced by params (as text: "$&" in a value stays as typed). */
export function tf(key, params) {
  let text = t(key);
  for (const [name, value] of Object.entries(params || {})) {
    text = text.replaceAll("{" + name + "}", () => (value === null || value === undefined ? "" : String(value)));
  }
  return text;
}

/** A number in the user's language. */
export function number(value, options) {
  return value === null || value === undefined ? "–" : new Intl.NumberFormat(language, options).format(value);
}

/** A duration: "1 小時 5 分" / "1 h 5 min", "45 秒" / "45 s". */
export function duration(seconds) {
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return tf("unit.seconds", { n: s });
  const m = Math.round(s / 60);
  return m >= 60 ? tf("unit.hoursMinutes", { h: Math.floor(m / 60), m: m % 60 }) : tf("unit.minutes", { m });
}

/**
 * What to tell a person about a failed request: the text for its error code, with the field's
 * label when the server named one; never the server's English message.
 */
export function errorText(err) {
  const code = err && err.code;
  if (!code) return t("error.network");
  const field = err.details && err.details.field;
  const base = has("error." + code) ? t("error." + code) : tf("error.code", { code });
  if (!field) return base;
  return base + " (" + (has("field." + field) ? t("field." + field) : field) + ")";
}
export function missingKeys() {
  const missing = [];
  for (const l of LANGUAGES) for (const k of KEYS) if (TEXT[l][k] === undefined) missing.push(l + ":" + k);
  for (const k of Object.keys(TEXT["zh-TW"])) if (TEXT.en[k] === undefined) missing.push("en:" + k);
  return missing;
}

/** A time in the user's time zone. */
export function time(iso, zone) {
  if (!iso) return "";
  return new Date(iso).toLocaleString(language, { timeZone: zone || undefined, dateStyle: "short", timeStyle: "short" });
}
