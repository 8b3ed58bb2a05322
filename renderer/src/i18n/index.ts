import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';
import { messages as queueMessages } from '../panels/queue/messages.js';
import { messages as workOrderMessages } from '../panels/work-orders/messages.js';
import { messages as decisionMessages } from '../components/decision.messages.js';
import { messages as refundMessages } from '../panels/refunds/messages.js';
import { messages as compensationMessages } from '../panels/compensation/messages.js';
import { messages as icpMessages } from '../panels/icp/messages.js';
import { messages as complaintMessages } from '../panels/complaints/messages.js';
import { messages as operatorMessages } from '../panels/operators/messages.js';
import { messages as approvalMessages } from '../panels/approvals/messages.js';
import { messages as auditMessages } from '../panels/audit/messages.js';
import { messages as dashboardMessages } from '../panels/dashboard/messages.js';
import { messages as policyMessages } from '../panels/policy/messages.js';
import { messages as billingMessages } from '../panels/billing/messages.js';
import { messages as accessRecoveryMessages } from '../panels/access-recovery/messages.js';
import { messages as customerMessages } from '../panels/customers/messages.js';
import { messages as teamMessages } from '../panels/team/messages.js';
import { messages as phoneMessages } from '../panels/phone/messages.js';
import { messages as mailMessages } from '../panels/mail/messages.js';
import { messages as fileMessages } from '../components/files.messages.js';
import { messages as summaryMessages } from './summary.messages.js';

/**
 * Each panel may keep its strings beside it (`messages.ts` exporting `{ en, zhCN }` under one
 * top-level key) and list them here, so panels never edit each other's strings.
 */
const panelMessages: { en: object; zhCN: object }[] = [
  workOrderMessages,
  queueMessages,
  decisionMessages,
  refundMessages,
  compensationMessages,
  icpMessages,
  complaintMessages,
  operatorMessages,
  approvalMessages,
  auditMessages,
  dashboardMessages,
  policyMessages,
  billingMessages,
  accessRecoveryMessages,
  customerMessages,
  teamMessages,
  phoneMessages,
  mailMessages,
  fileMessages,
  summaryMessages,
];

export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: Object.assign({}, en, ...panelMessages.map((m) => m.en)) },
    'zh-CN': { translation: Object.assign({}, zhCN, ...panelMessages.map((m) => m.zhCN)) },
  },
  lng: 'zh-CN',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
});

/** Dates and money follow the interface language. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language and zone: making one costs far more than using it (a list shows hundreds of dates). */
export const formatDateTime = (iso: string, language: string, timeZone: string) => {
  const key = `${language} ${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone })));
  return format.format(new Date(iso));
};
