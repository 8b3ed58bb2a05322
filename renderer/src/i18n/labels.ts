// What a case's status, an audit target and a system actor read as, in both languages: the one table for
// every screen (queue, case page, approval queue, team search hits, dashboards). labels.test.tsx
// fails when the desk can store a status missing here.
import type { CaseType } from '../../../shared/domain/case.js';

export type Label = { en: string; zh: string };

export const STATUS_LABELS: Record<string, Label> = {
  new: { en: 'New', zh: '新建' },
  logged: { en: 'Logged', zh: '已登记' },
  open: { en: 'Open', zh: '待处理' },
  'in-progress': { en: 'In progress', zh: '处理中' },
  'waiting-for-customer': { en: 'Waiting for customer', zh: '等待客户' },
  'pending-customer': { en: 'Pending customer', zh: '待客户反馈' },
  escalated: { en: 'Escalated', zh: '已升级' },
  resolved: { en: 'Resolved', zh: '已解决' },
  closed: { en: 'Closed', zh: '已关闭' },
  pending: { en: 'Pending', zh: '待审批' },
  submitted: { en: 'Submitted', zh: '已提交' },
  approved: { en: 'Approved', zh: '已批准' },
  rejected: { en: 'Rejected', zh: '已驳回' },
  'rejected-by-rules': { en: 'Rejected by the rules', zh: '规则判定不符合' },
  completed: { en: 'Completed', zh: '已完成' },
  credited: { en: 'Credited to the account', zh: '已入账' },
  acknowledged: { en: 'Acknowledged', zh: '已确认收到' },
  explained: { en: 'Explained', zh: '已解释' },
  disputed: { en: 'Disputed', zh: '争议中' },
  'dispute-explained': { en: 'Dispute explained', zh: '争议已解释' },
  'dispute-corrected': { en: 'Dispute corrected', zh: '争议已更正' },
  'dispute-rejected': { en: 'Dispute rejected', zh: '争议已驳回' },
};

/** What each type of case is called: chips, filters, reports and refusals that name a type. */
export const CASE_TYPE_LABELS: Record<CaseType, Label> = {
  call: { en: 'Call', zh: '来电' },
  'work-order': { en: 'Work order', zh: '工单' },
  refund: { en: 'Refund', zh: '退款' },
  compensation: { en: 'Compensation', zh: '故障补偿' },
  'icp-reward': { en: 'ICP reward', zh: 'ICP 备案奖励' },
  complaint: { en: 'Complaint', zh: '投诉' },
  billing: { en: 'Billing', zh: '账单' },
  'access-recovery': { en: 'Access recovery', zh: '账号找回' },
};

/** One language's words of a table, as a panel's messages take them. */
export const wordsIn = <K extends string>(table: Record<K, Label>, language: keyof Label) =>
  Object.fromEntries(Object.entries<Label>(table).map(([key, label]) => [key, label[language]])) as Record<K, string>;

/** The store's entities as the audit names the records an event changed. */
export const ENTITY_LABELS: Record<string, Label> = {
  cases: { en: 'Case', zh: '案件' },
  customers: { en: 'Customer', zh: '客户' },
  orders: { en: 'Order', zh: '订单' },
  operators: { en: 'Operator', zh: '操作员' },
  keyEvents: { en: 'Key event', zh: '重大活动' },
  credits: { en: 'Account credit', zh: '账户入账' },
  accountRoles: { en: 'Account role', zh: '账号角色' },
  policyVersions: { en: 'Policy version', zh: '政策版本' },
  calendar: { en: 'Working calendar', zh: '工作日历' },
  phoneCalls: { en: 'Phone call', zh: '通话' },
  mailSetAside: { en: 'Mail kept aside', zh: '搁置的邮件' },
  mailMessages: { en: 'Mail', zh: '邮件' },
  mailboxState: { en: 'Mailbox', zh: '邮箱' },
  channelSettings: { en: 'Channel settings', zh: '渠道设置' },
};

/** Who wrote an event when no operator did. */
export const ACTOR_LABELS: Record<string, Label> = {
  system: { en: 'The desk', zh: '系统' },
  seed: { en: 'Demo data', zh: '演示数据' },
  cli: { en: 'Command line', zh: '命令行' },
};

/** A code's label from one of the tables in the interface language; a code missing from it stays as it is. */
export const inLanguage = (table: Record<string, Label>, key: string, language: string) => {
  const label = table[key];
  if (!label) return key;
  return language.startsWith('zh') ? label.zh : label.en;
};

/** A case's status in the interface language; a status this desk does not know keeps its code. */
export const statusLabel = (status: string, language: string) => inLanguage(STATUS_LABELS, status, language);

/** An audit target "entity:id" as "Case C-000001". */
export const targetLabel = (target: string, language: string) => {
  const at = target.indexOf(':');
  return at < 0 ? target : `${inLanguage(ENTITY_LABELS, target.slice(0, at), language)} ${target.slice(at + 1)}`;
};

/** An operator's username, or what wrote the event when no operator did. */
export const actorLabel = (actor: string, language: string) => inLanguage(ACTOR_LABELS, actor, language);
