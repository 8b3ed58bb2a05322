// A case's history as the case page and the approval pane show it: when, who, what, and why.
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../shared/contract/cases.js';
import { actionLabel } from '../i18n/actions.js';
import { formatDateTime } from '../i18n/index.js';
import { useSession } from '../state/session.js';
import { actorLabel } from '../i18n/labels.js';
import { localiseServerMessage } from '../i18n/server-errors.js';
import { ownershipLabel } from './ownership.js';

export function CaseHistory({ history }: { history: readonly HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  return (
    <>
      <Typography variant="subtitle2">{t('workOrders.page.history')}</Typography>
      <List dense disablePadding aria-label={t('workOrders.page.history')}>
        {history.map((h) => (
          <ListItem key={h.seq} disableGutters data-action={h.action}>
            <ListItemText
              primary={`${formatDateTime(h.at, i18n.language, timeZone)} · ${actorLabel(h.actor, i18n.language)} · ${actionLabel(h.action, i18n.language)}`}
              secondary={[h.assignment && t('people.moved', { from: ownershipLabel(t, h.assignment.from), to: ownershipLabel(t, h.assignment.to) }), h.reason && localiseServerMessage(h.reason, i18n.language)].filter(Boolean).join(' — ') || undefined}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}
