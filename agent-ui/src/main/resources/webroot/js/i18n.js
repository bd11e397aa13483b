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
    "customer.tickets": "工單",
    "customer.timeline": "聯絡紀錄",
    "status.NEW": "新建",
    "status.OPEN": "處理中",
    "status.PENDING_CUSTOMER": "等待客戶",
    "status.RESOLVED": "已解決",
    "status.CLOSED": "已結案",
    "sla.firstResponse": "首次回覆",
    "sla.resolution": "解決期限",
    "ticket.comments": "留言",
    "ticket.comment": "新增留言",
    "ticket.audit": "異動紀錄",
    "ticket.resolution": "解決方式",
    "comment.internal": "內部",
    "comment.public": "給客戶",
  },
  en: {
    "app.title": "Call center",
    "login.title": "Log in",
    "login.username": "Username",
    "login.password": "Password",
    "login.submit": "Log in",
    "login.failed": "Wrong username or password; please try again",
    "login.throttled": "Too many attempts; please wait a few minutes",
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
    "customer.tickets": "Tickets",
    "customer.timeline": "Contacts",
    "status.NEW": "New",
    "status.OPEN": "Open",
    "status.PENDING_CUSTOMER": "Waiting for customer",
    "status.RESOLVED": "Resolved",
    "status.CLOSED": "Closed",
    "sla.firstResponse": "First response",
    "sla.resolution": "Resolution",
    "ticket.comments": "Comments",
    "ticket.comment": "Add comment",
    "ticket.audit": "Changes",
    "ticket.resolution": "Resolution",
    "comment.internal": "Internal",
    "comment.public": "To the customer",
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
