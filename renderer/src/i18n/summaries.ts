// A case's summary in the interface language: the generated ones (refund, compensation, ICP
// reward, billing, access recovery, key event) worded from their parts, any other as it was typed.
import type { TFunction } from 'i18next';
import { summaryParts, type SummaryParts } from '../../../shared/domain/summary.js';
import { useTranslation } from 'react-i18next';
import { useDeskTimeZone } from '../components/desk-time.js';
import { formatDateTime } from './index.js';

/** Words the parts; dates in the desk's zone. */
export function wordSummary(parts: SummaryParts, t: TFunction, language: string, timeZone: string): string {
  const list = (items: string[]) => (items.length ? items.join(t('summary.separator')) : t('summary.noOrder'));
  switch (parts.kind) {
    case 'refund':
      return t('summary.refund', { amount: parts.amount, orders: list(parts.orders) });
    case 'refund-rejected':
      return t('summary.refund-rejected', { orders: list(parts.orders), rules: parts.rules.join(', ') });
    case 'compensation':
      return t('summary.compensation', { amount: parts.amount, count: parts.occurrences, minutes: parts.minutes });
    case 'icp-reward':
      return t('summary.icp-reward', parts);
    case 'billing':
      return t('summary.billing', { period: parts.period, services: parts.services.join(t('summary.separator')), total: parts.total });
    case 'access-recovery':
      return t('summary.access-recovery', parts);
    case 'key-event':
      return t('summary.key-event', { name: parts.name, start: formatDateTime(parts.start, language, timeZone), end: formatDateTime(parts.end, language, timeZone) });
  }
}

/**
 * What a case, a queue row or an approval item reads as: its generated summary in words when it
 * has one (`summaryParts` sent with a row, or read from a whole case's details), else its own text.
 */
export function summaryText(
  item: { summary: string; summaryParts?: SummaryParts | undefined; type?: unknown; details?: unknown },
  t: TFunction,
  language: string,
  timeZone: string,
): string {
  const parts = item.summaryParts ?? summaryParts(item);
  return parts ? wordSummary(parts, t, language, timeZone) : item.summary;
}

/** summaryText in this screen's language and the desk's zone. */
export function useSummaryText() {
  const { t, i18n } = useTranslation();
  const timeZone = useDeskTimeZone();
  return (item: Parameters<typeof summaryText>[0]) => summaryText(item, t, i18n.language, timeZone);
}
