import { useTranslation } from 'react-i18next';
import { statusLabel } from '../../i18n/labels.js';

/** Fields named in full before the rest are counted: an opening event touches every field. */
const NAMED = 4;

/** A case event's changes in brief: the status it moved to, then the fields it touched in words (their keys in data-fields). */
export function ChangesInBrief({ changes }: { changes: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const keys = Object.keys(changes).filter((k) => k !== 'status' && k !== 'updatedAt');
  const status = typeof changes.status === 'string' ? t('audit.statusTo', { status: statusLabel(changes.status, i18n.language) }) : '';
  const named = [...new Set(keys.slice(0, NAMED).map((k) => t(`audit.fields.${k}`, { defaultValue: '' }) || t('audit.fields.other')))];
  const fields = !keys.length
    ? ''
    : keys.length <= NAMED
      ? new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(named)
      : t('audit.fieldsAndMore', { fields: named.join(t('audit.fieldSeparator')), count: keys.length - NAMED, total: keys.length });
  return <span data-fields={keys.join(',')}>{[status, fields].filter(Boolean).join(' · ')}</span>;
}
