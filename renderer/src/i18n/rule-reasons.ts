// Rule reasons in the interface language. The engine (main/rules/reasons.ts) sends each rule entry
// with a `code` and its figures as `params`; these templates say the same line in English (equal to
// the engine's, checked by main/rules/reasons.test.ts) and in Simplified Chinese. Parameter values
// that are words (yes/no, billing modes, policy labels…) are translated through `values`, item by
// item for ", "-separated lists. Without a template the engine's English `reason` is shown.
import type { RuleResult } from '../../../shared/rules/decision.js';

export const ruleReasonTemplates: { en: Record<string, string>; zhCN: Record<string, string> } = {
  en: {
    "R1.subscription": "billing mode {{mode}} is a subscription ({{modes}})",
    "R1.not-refundable": "billing mode {{mode}} is not refundable; only {{modes}} are",
    "R2.before-purchase": "request at {{now}} is before the purchase at {{purchasedAt}}",
    "R2.elapsed": "requested {{hours}} h {{minutes}} min {{seconds}} s after purchase at {{purchasedAt}}; limit {{limit}} h inclusive",
    "R3.earlier-refunds": "{{counted}} earlier refund(s) {{statuses}} ({{rejected}} not counted); fewer than {{max}} allowed",
    "R4.orders": "{{count}} order(s) in the request; {{min}} to {{max}} allowed",
    "R5.amount": "paid {{paid}} − reward deducted {{deducted}} = {{refund}}; reward granted {{granted}}, spent {{spent}}, {{cancelled}} cancelled",
    "R5.nothing-back": "paid {{paid}} − reward deducted {{deducted}} = {{refund}}; reward granted {{granted}}, spent {{spent}}, {{cancelled}} cancelled; eligible, but the customer gets nothing back",
    "R5.capped-nothing-back": "paid {{paid}} − reward deducted {{deducted}} = {{refund}} (reward spent {{spent}} exceeds the paid sum: at most {{paid}} is deducted); reward granted {{granted}}, spent {{spent}}, {{cancelled}} cancelled; eligible, but the customer gets nothing back",
    "R5.amount-ineligible": "paid {{paid}} − reward deducted {{deducted}} = {{refund}}; reward granted {{granted}}, spent {{spent}}, {{cancelled}} cancelled; nothing is refunded or deducted because the request is ineligible",
    "R5.capped-ineligible": "paid {{paid}} − reward deducted {{deducted}} = {{refund}} (reward spent {{spent}} exceeds the paid sum: at most {{paid}} is deducted); reward granted {{granted}}, spent {{spent}}, {{cancelled}} cancelled; nothing is refunded or deducted because the request is ineligible",
    "R6.confirmed": "agent confirmed the customer was told to migrate their data before the resources are released",
    "R6.unconfirmed": "no confirmation that the customer was told to migrate their data; the request cannot be submitted",
    "C1.minutes": "{{start}} to {{end}} = {{wholeMinutes}} min {{seconds}} s → {{minutes}} minute(s)",
    "C2.multiplier": "scenario {{scenario}} → multiplier {{multiplier}}×",
    "C3.none": "no compensable occurrence: amount 0.00",
    "C3.sum": "{{terms}} = {{amount}} (bonus recharge, not cash)",
    "C4.compensable": "cause {{cause}} ({{causeLabel}}) is compensable",
    "C4.excluded": "cause {{cause}} ({{causeLabel}}) is excluded from compensation",
    "C5.compensable": "latest end among the compensable occurrences: {{id}} ended {{endedAt}}; {{days}}th working day after {{endedOn}} is {{deadline}} ({{source}}); claimed on {{claimedOn}}",
    "C5.compensable-no-data": "latest end among the compensable occurrences: {{id}} ended {{endedAt}}; {{days}}th working day after {{endedOn}} is {{deadline}} ({{source}}); claimed on {{claimedOn}}; {{note}}",
    "C5.any": "no compensable occurrence; latest end of all: {{id}} ended {{endedAt}}; {{days}}th working day after {{endedOn}} is {{deadline}} ({{source}}); claimed on {{claimedOn}}",
    "C5.any-no-data": "no compensable occurrence; latest end of all: {{id}} ended {{endedAt}}; {{days}}th working day after {{endedOn}} is {{deadline}} ({{source}}); claimed on {{claimedOn}}; {{note}}",
    "C6.none": "no email subject given",
    "C6.complete": "subject names account {{account}}, the time and the number of occurrences",
    "C6.lacks": "subject lacks: {{missing}} (advice only; it does not change the outcome)",
    "C7.first": "overlaps no occurrence of the account's {{counted}} earlier approved or pending claim(s) ({{rejected}} rejected, not counted)",
    "C7.claimed": "{{start}} to {{end}} overlaps {{claimedStart}} to {{claimedEnd}} of earlier claim {{claim}} ({{status}}): an outage is compensated once",
    "I1.host-billing": "cloud host billing mode {{mode}}; required {{modes}}",
    "I2.website": "host serves a website: {{website}}; first website filing with us: {{first}}",
    "I3.recharge": "accumulated recharge {{recharge}}; must exceed {{minimum}}",
    "I4.received-before": "reward received before: {{before}}",
    "I5.host-kept": "terminated early: {{terminated}}; expired without renewal: {{expired}}",
    "I6.filing": "filing {{status}}; customer delay {{delay}} day(s), abandoned at {{abandonedAt}}",
    "I6.filing-abandoned": "filing {{status}}; customer delay {{delay}} day(s), {{abandonedAt}} or more: treated as abandoned",
    "I6.approved": "filing {{status}} (approved {{approvedAt}}); customer delay {{delay}} day(s), abandoned at {{abandonedAt}}",
    "I6.approved-abandoned": "filing {{status}} (approved {{approvedAt}}); customer delay {{delay}} day(s), {{abandonedAt}} or more: treated as abandoned",
    "SCOPE.in": "{{label}} is in the scope of after-sales support (policy {{policy}}, section 1)",
    "SCOPE.out": "{{label}} is not in the scope of after-sales support (policy {{policy}}, section 1)",
    "SLA.met": "{{severity}} {{timer}} {{target}} from {{from}} ({{clock}}) → due {{due}}; made {{metAt}}, in time",
    "SLA.late": "{{severity}} {{timer}} {{target}} from {{from}} ({{clock}}) → due {{due}}; made {{metAt}}, late by {{late}} min",
    "SLA.remaining": "{{severity}} {{timer}} {{target}} from {{from}} ({{clock}}) → due {{due}}; {{remaining}} min remaining at {{now}}",
    "SLA.overdue": "{{severity}} {{timer}} {{target}} from {{from}} ({{clock}}) → due {{due}}; overdue by {{late}} min at {{now}}",
    "SLA.remaining-paused": "{{severity}} {{timer}} {{target}} + {{paused}} min paused from {{from}} ({{clock}}) → due {{due}}; {{remaining}} min remaining at {{now}}",
    "SLA.overdue-paused": "{{severity}} {{timer}} {{target}} + {{paused}} min paused from {{from}} ({{clock}}) → due {{due}}; overdue by {{late}} min at {{now}}",
    "SLA.waiting-paused": "{{severity}} {{timer}} {{target}} + {{paused}} min paused from {{from}} ({{clock}}) → due {{due}}; paused at {{now}}, waiting for the customer since {{since}}; {{remaining}} min left",
    "SLA.no-first-response": "no first response yet: updates are due once it is made",
    "SLA.escalates": "breached: flagged, moved to the top of the queue, escalates {{from}} → {{to}}",
    "SLA.breached-top": "breached: flagged, moved to the top of the queue; already at {{level}}, the highest level",
    "SLA.stays": "not breached: stays at {{level}}",
    "SLA.key-event-none": "opened {{openedAt}} outside the customer's {{count}} registered key-event window(s)",
    "SLA.key-event-raised": "opened {{openedAt}} during key event \"{{event}}\" ({{start}} to {{end}}): {{from}} → {{to}}, flagged to the supervisor",
    "SLA.key-event-highest": "opened {{openedAt}} during key event \"{{event}}\" ({{start}} to {{end}}): {{from}} is already the highest, flagged to the supervisor",
    "CP1.acknowledge": "opened {{openedAt}}; acknowledge within {{hours}} h, by {{by}}",
    "QUALITY.summary-gaps": "{{label}}: {{points}}/{{weight}}; summary does not name the {{gaps}}",
    "QUALITY.summary-complete": "{{label}}: {{points}}/{{weight}}; names service, symptom and start time",
    "QUALITY.impact-gaps": "{{label}}: {{points}}/{{weight}}; missing {{gaps}}",
    "QUALITY.impact-complete": "{{label}}: {{points}}/{{weight}}; {{severity}} with business impact",
    "QUALITY.evidence": "{{label}}: {{points}}/{{weight}}; {{count}} piece(s) of evidence",
    "QUALITY.steps": "{{label}}: {{points}}/{{weight}}; {{count}} step(s) tried",
    "QUALITY.updates": "{{label}}: {{points}}/{{weight}}; {{complete}} of {{count}} update(s) say what was done and observed",
    "QUALITY.no-updates": "no updates yet: not counted in the score",
    "QUALITY.present": "{{label}}: {{points}}/{{weight}}; present",
    "QUALITY.missing": "{{label}}: {{points}}/{{weight}}; missing",
    "BILL.total": "{{items}} = {{total}}",
    "BILL.no-dispute": "billed {{billed}} equals expected {{expected}}: nothing in dispute",
    "BILL.dispute": "billed {{billed}} − expected {{expected}} = {{difference}} in dispute",
    "BILL.corrected": "billed {{billed}} − corrected {{corrected}} = {{credit}} credited",
    "BILL.correction-too-high": "the corrected charge {{corrected}} must be below the billed {{billed}}",
  },
  zhCN: {
    "R1.subscription": "计费方式 {{mode}} 属于包年包月（{{modes}}）",
    "R1.not-refundable": "计费方式 {{mode}} 不可退款；仅 {{modes}} 可退",
    "R2.before-purchase": "申请时间 {{now}} 早于购买时间 {{purchasedAt}}",
    "R2.elapsed": "购买于 {{purchasedAt}}，{{hours}} 小时 {{minutes}} 分 {{seconds}} 秒后申请；上限 {{limit}} 小时（含）",
    "R3.earlier-refunds": "此前 {{statuses}} 的退款 {{counted}} 次（另有 {{rejected}} 次不计入）；须少于 {{max}} 次",
    "R4.orders": "本次申请含 {{count}} 个订单；允许 {{min}} 至 {{max}} 个",
    "R5.amount": "实付 {{paid}} − 扣除赠送金 {{deducted}} = {{refund}}；赠送金 {{granted}}，已用 {{spent}}，作废 {{cancelled}}",
    "R5.nothing-back": "实付 {{paid}} − 扣除赠送金 {{deducted}} = {{refund}}；赠送金 {{granted}}，已用 {{spent}}，作废 {{cancelled}}；符合条件，但客户拿不回任何款项",
    "R5.capped-nothing-back": "实付 {{paid}} − 扣除赠送金 {{deducted}} = {{refund}}（已用赠送金 {{spent}} 超过实付合计：最多扣除 {{paid}}）；赠送金 {{granted}}，已用 {{spent}}，作废 {{cancelled}}；符合条件，但客户拿不回任何款项",
    "R5.amount-ineligible": "实付 {{paid}} − 扣除赠送金 {{deducted}} = {{refund}}；赠送金 {{granted}}，已用 {{spent}}，作废 {{cancelled}}；申请不符合条件，不退款也不扣减",
    "R5.capped-ineligible": "实付 {{paid}} − 扣除赠送金 {{deducted}} = {{refund}}（已用赠送金 {{spent}} 超过实付合计：最多扣除 {{paid}}）；赠送金 {{granted}}，已用 {{spent}}，作废 {{cancelled}}；申请不符合条件，不退款也不扣减",
    "R6.confirmed": "坐席已确认告知客户在资源释放前迁移数据",
    "R6.unconfirmed": "未确认已告知客户迁移数据；无法提交申请",
    "C1.minutes": "{{start}} 至 {{end}} = {{wholeMinutes}} 分 {{seconds}} 秒 → {{minutes}} 分钟",
    "C2.multiplier": "场景 {{scenario}} → 倍数 {{multiplier}}×",
    "C3.none": "没有可赔偿的故障：金额 0.00",
    "C3.sum": "{{terms}} = {{amount}}（以赠送金充值，不退现金）",
    "C4.compensable": "原因 {{cause}}（{{causeLabel}}）可赔偿",
    "C4.excluded": "原因 {{cause}}（{{causeLabel}}）不在赔偿范围内",
    "C5.compensable": "可赔偿故障中最晚结束的 {{id}} 结束于 {{endedAt}}；{{endedOn}} 之后第 {{days}} 个工作日为 {{deadline}}（{{source}}）；申请日期 {{claimedOn}}",
    "C5.compensable-no-data": "可赔偿故障中最晚结束的 {{id}} 结束于 {{endedAt}}；{{endedOn}} 之后第 {{days}} 个工作日为 {{deadline}}（{{source}}）；申请日期 {{claimedOn}}；{{note}}",
    "C5.any": "没有可赔偿的故障；所有故障中最晚结束的 {{id}} 结束于 {{endedAt}}；{{endedOn}} 之后第 {{days}} 个工作日为 {{deadline}}（{{source}}）；申请日期 {{claimedOn}}",
    "C5.any-no-data": "没有可赔偿的故障；所有故障中最晚结束的 {{id}} 结束于 {{endedAt}}；{{endedOn}} 之后第 {{days}} 个工作日为 {{deadline}}（{{source}}）；申请日期 {{claimedOn}}；{{note}}",
    "C6.none": "未提供邮件主题",
    "C6.complete": "主题包含账号 {{account}}、故障时间和故障次数",
    "C6.lacks": "主题缺少：{{missing}}（仅为建议，不影响结果）",
    "C7.first": "与该账号此前 {{counted}} 个已通过或审核中的申请均无重叠（{{rejected}} 个已驳回，不计）",
    "C7.claimed": "{{start}} 至 {{end}} 与此前申请 {{claim}}（{{status}}）中的 {{claimedStart}} 至 {{claimedEnd}} 重叠：同一故障只赔偿一次",
    "I1.host-billing": "云主机计费方式 {{mode}}；要求 {{modes}}",
    "I2.website": "主机用于网站：{{website}}；首次在我司备案网站：{{first}}",
    "I3.recharge": "累计充值 {{recharge}}；须超过 {{minimum}}",
    "I4.received-before": "此前已领取奖励：{{before}}",
    "I5.host-kept": "提前退订：{{terminated}}；到期未续费：{{expired}}",
    "I6.filing": "备案状态 {{status}}；客户原因延误 {{delay}} 天，满 {{abandonedAt}} 天视为放弃",
    "I6.filing-abandoned": "备案状态 {{status}}；客户原因延误 {{delay}} 天，已达 {{abandonedAt}} 天及以上：视为放弃",
    "I6.approved": "备案状态 {{status}}（{{approvedAt}} 通过）；客户原因延误 {{delay}} 天，满 {{abandonedAt}} 天视为放弃",
    "I6.approved-abandoned": "备案状态 {{status}}（{{approvedAt}} 通过）；客户原因延误 {{delay}} 天，已达 {{abandonedAt}} 天及以上：视为放弃",
    "SCOPE.in": "{{label}}属于售后支持范围（政策 {{policy}} 第 1 节）",
    "SCOPE.out": "{{label}}不属于售后支持范围（政策 {{policy}} 第 1 节）",
    "SLA.met": "{{severity}} {{timer}} {{target}}，自 {{from}} 起（{{clock}}）→ 截止 {{due}}；已于 {{metAt}} 完成，按时",
    "SLA.late": "{{severity}} {{timer}} {{target}}，自 {{from}} 起（{{clock}}）→ 截止 {{due}}；已于 {{metAt}} 完成，超时 {{late}} 分钟",
    "SLA.remaining": "{{severity}} {{timer}} {{target}}，自 {{from}} 起（{{clock}}）→ 截止 {{due}}；截至 {{now}} 剩余 {{remaining}} 分钟",
    "SLA.overdue": "{{severity}} {{timer}} {{target}}，自 {{from}} 起（{{clock}}）→ 截止 {{due}}；截至 {{now}} 已超时 {{late}} 分钟",
    "SLA.remaining-paused": "{{severity}} {{timer}} {{target}} + 暂停 {{paused}} 分钟，自 {{from}} 起（{{clock}}）→ 截止 {{due}}；截至 {{now}} 剩余 {{remaining}} 分钟",
    "SLA.overdue-paused": "{{severity}} {{timer}} {{target}} + 暂停 {{paused}} 分钟，自 {{from}} 起（{{clock}}）→ 截止 {{due}}；截至 {{now}} 已超时 {{late}} 分钟",
    "SLA.waiting-paused": "{{severity}} {{timer}} {{target}} + 暂停 {{paused}} 分钟，自 {{from}} 起（{{clock}}）→ 截止 {{due}}；截至 {{now}} 暂停中，自 {{since}} 起等待客户；剩余 {{remaining}} 分钟",
    "SLA.no-first-response": "尚未首次响应：首次响应后开始计算更新时限",
    "SLA.escalates": "已超时：已标记并置顶，升级 {{from}} → {{to}}",
    "SLA.breached-top": "已超时：已标记并置顶；已在最高级别 {{level}}",
    "SLA.stays": "未超时：保持在 {{level}}",
    "SLA.key-event-none": "{{openedAt}} 创建，不在客户登记的 {{count}} 个重大活动时段内",
    "SLA.key-event-raised": "于重大活动“{{event}}”（{{start}} 至 {{end}}）期间 {{openedAt}} 创建：{{from}} → {{to}}，已通知主管",
    "SLA.key-event-highest": "于重大活动“{{event}}”（{{start}} 至 {{end}}）期间 {{openedAt}} 创建：{{from}} 已是最高级别，已通知主管",
    "CP1.acknowledge": "创建于 {{openedAt}}；须在 {{hours}} 小时内、{{by}} 之前受理",
    "QUALITY.summary-gaps": "{{label}}：{{points}}/{{weight}}；摘要未写明{{gaps}}",
    "QUALITY.summary-complete": "{{label}}：{{points}}/{{weight}}；已写明服务、现象和开始时间",
    "QUALITY.impact-gaps": "{{label}}：{{points}}/{{weight}}；缺少{{gaps}}",
    "QUALITY.impact-complete": "{{label}}：{{points}}/{{weight}}；{{severity}}，已说明业务影响",
    "QUALITY.evidence": "{{label}}：{{points}}/{{weight}}；证据 {{count}} 项",
    "QUALITY.steps": "{{label}}：{{points}}/{{weight}}；已尝试 {{count}} 个步骤",
    "QUALITY.updates": "{{label}}：{{points}}/{{weight}}；{{count}} 条更新中有 {{complete}} 条写明了所做操作和观察结果",
    "QUALITY.no-updates": "尚无更新：不计入评分",
    "QUALITY.present": "{{label}}：{{points}}/{{weight}}；已填写",
    "QUALITY.missing": "{{label}}：{{points}}/{{weight}}；缺失",
    "BILL.total": "{{items}}，合计 {{total}}",
    "BILL.no-dispute": "账单金额 {{billed}} 与预期金额 {{expected}} 相同：无争议金额",
    "BILL.dispute": "账单金额 {{billed}} − 预期金额 {{expected}} = 争议金额 {{difference}}",
    "BILL.corrected": "账单金额 {{billed}} − 更正后金额 {{corrected}} = 返还 {{credit}}",
    "BILL.correction-too-high": "更正后金额 {{corrected}} 必须低于账单金额 {{billed}}",
  },
};

/** Chinese for the words that appear as parameter values. */
export const zhReasonValues: Record<string, string> = {
  "yes": "是",
  "no": "否",
  "vip first response": "VIP 首次响应",
  "common first response": "普通客户首次响应",
  "update interval": "更新间隔",
  "completed or in-progress": "已完成或处理中",
  "completed": "已完成",
  "in-progress": "处理中",
  "hourly": "按小时套餐",
  "monthly": "包月",
  "yearly": "包年",
  "on-demand": "按量付费",
  "postpaid": "后付费",
  "approved": "已通过",
  "pending": "审核中",
  "rejected": "已驳回",
  "service-unavailable": "服务不可用",
  "website-inaccessible": "网站无法访问",
  "delivery-or-charging": "交付或计费",
  "platform fault": "平台故障",
  "force majeure": "不可抗力",
  "maintenance, migration or upgrade notified in advance": "提前通知的维护、迁移或升级",
  "carrier packet loss or delay": "运营商丢包或延迟",
  "internet backbone fault": "互联网骨干网故障",
  "attack on or virus in the user's applications": "用户应用遭受攻击或感染病毒",
  "the user's own network or device performance": "用户自身网络或设备性能",
  "loss or disclosure through the user's improper maintenance": "用户维护不当导致的丢失或泄露",
  "the user's negligence or operations they authorised": "用户疏忽或其授权的操作",
  "violation of the terms or of laws": "违反条款或法律",
  "account": "账号",
  "time": "时间",
  "occurrences": "故障次数",
  "affected service": "受影响的服务",
  "symptom": "现象",
  "start time": "开始时间",
  "severity": "严重级别",
  "business impact": "业务影响",
  "summary naming service, symptom and start time": "摘要（服务、现象、开始时间）",
  "severity and business impact": "严重级别和业务影响",
  "evidence (error codes, timestamps, changes, logs, traces)": "证据（错误码、时间戳、变更、日志、链路追踪）",
  "steps already tried": "已尝试的步骤",
  "structured updates (what was done, what was observed)": "结构化更新（所做操作、观察结果）",
  "incident start time": "故障开始时间",
  "region": "地域",
  "affected services": "受影响的服务",
  "symptoms": "现象",
  "error codes": "错误码",
  "mitigation attempted": "已尝试的缓解措施",
  "Product function consultation": "产品功能咨询",
  "Technical issue consultation": "技术问题咨询",
  "Operation-related fault diagnosis": "操作相关故障诊断",
  "System-issue-related fault diagnosis": "系统问题相关故障诊断",
  "Management console consultation and fault diagnosis": "管理控制台咨询与故障诊断",
  "Deployment and commissioning of third-party application software": "第三方应用软件的部署与调试",
  "Fault diagnosis of third-party application software": "第三方应用软件的故障诊断",
  "Code development": "代码开发",
  "Routine O&M services": "日常运维服务",
  "24/7": "7×24 小时",
  "supervisor": "主管",
  // The policy's fault causes by their codes (C4 names the code, then its label).
  "platform": "平台",
  "force-majeure": "不可抗力",
  "scheduled-maintenance": "计划维护",
  "carrier": "运营商",
  "backbone": "骨干网",
  "attack-or-virus": "攻击或病毒",
  "user-network-or-device": "用户网络或设备",
  "user-improper-maintenance": "用户维护不当",
  "user-negligence": "用户疏忽",
  "terms-violation": "违反条款",
  "bundled mainland-China calendar": "内置中国大陆日历",
  "calendar given with the request": "请求附带的日历",
};

/** Chinese for values with a figure, e.g. an SLA target "15 min" or "1 working day". */
const zhReasonValuePatterns: [RegExp, string][] = [
  [/^(\d+) min$/, '$1 分钟'],
  [/^(\d+) h$/, '$1 小时'],
  [/^(\d+) working days?$/, '$1 个工作日'],
];

/** A value of the engine's in the interface language: an SLA target ("15 min"), a billing mode, a label. */
export function ruleValue(value: string, language: string): string {
  return language.startsWith('zh') ? localiseValue(value) : value;
}

function localiseValue(value: string): string {
  const whole = zhReasonValues[value];
  if (whole !== undefined) return whole;
  for (const [pattern, zh] of zhReasonValuePatterns) if (pattern.test(value)) return value.replace(pattern, zh);
  for (const sep of [', ', ' or ']) {
    if (value.includes(sep)) {
      const parts = value.split(sep);
      if (parts.every((p) => zhReasonValues[p] !== undefined)) return parts.map((p) => zhReasonValues[p]).join(sep === ', ' ? '、' : '或');
    }
  }
  return value;
}

/** The reason of a rule entry in the interface language; the engine's English when no template fits. */
export function ruleReason(rule: Pick<RuleResult, 'reason' | 'code' | 'params'>, language: string): string {
  const zh = language.startsWith('zh');
  const template = rule.code === undefined ? undefined : (zh ? ruleReasonTemplates.zhCN : ruleReasonTemplates.en)[rule.code];
  if (template === undefined || !zh) return rule.reason;
  const params = rule.params ?? {};
  let complete = true;
  const text = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      complete = false;
      return '';
    }
    return localiseValue(value);
  });
  return complete ? text : rule.reason;
}

/** Chinese for the notes the engine adds to a decision or an SLA reading. */
const zhNotePatterns: [RegExp, string][] = [
  [/^reward for a VIP customer: (.+)$/, 'VIP 客户的奖励：$1'],
  [/^reward for a common customer: (.+)$/, '普通客户的奖励：$1'],
  [
    /^approved on (\S+) \((\S+)\): credit due by (\S+) \(\+(\d+) days\), valid until (\S+) \(\+(\d+) year\(s\); the desk counts from the real crediting date\)$/,
    '$1（$2）备案通过：应于 $3 前入账（+$4 天），有效期至 $5（+$6 年；以实际入账日期起算）',
  ],
  [/^the working calendar has no holiday data for (.+): counted as a plain Monday–Friday week$/, '工作日历缺少 $1 年的节假日数据：按普通的周一至周五计算'],
  [/^no policy version was in force when the case opened \((\S+)\); timed with the earliest, (\S+)$/, '案件受理时（$1）没有生效的政策版本；按最早的版本 $2 计时'],
];

/** A decision's note in the interface language; a note without a pattern stays as the engine wrote it. */
export function decisionNote(note: string, language: string): string {
  if (!language.startsWith('zh')) return note;
  for (const [pattern, zh] of zhNotePatterns) if (pattern.test(note)) return note.replace(pattern, zh);
  return note;
}
