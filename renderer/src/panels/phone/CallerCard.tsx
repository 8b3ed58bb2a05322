import { Box, Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../../shared/domain/case.js';
import type { CustomerMatch } from '../../../../shared/contract/customers.js';
import type { KeyEventRecord } from '../../../../shared/contract/work-orders.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';
import { statusLabel } from '../../i18n/labels.js';
import { useSummaryText } from '../../i18n/summaries.js';

function CaseList({ title, cases }: { title: string; cases: CaseRecord[] }) {
  const { t, i18n } = useTranslation();
  const summaryOf = useSummaryText();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  return (
    <Box>
      <Typography variant="subtitle2">{title}</Typography>
      {cases.length === 0 && <Typography variant="body2" color="text.secondary">{t('phone.none')}</Typography>}
      <List dense disablePadding>
        {cases.map((c) => (
          <ListItem key={c.id} disableGutters data-case-id={c.id}>
            <ListItemText
              primary={`${c.id} · ${summaryOf(c)}`}
              secondary={`${t(`workOrders.type.${c.type}`)} · ${statusLabel(c.status, i18n.language)} · ${formatDateTime(c.openedAt, i18n.language, timeZone)}`}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

/** The key events that raise this customer's severity: in force now, or still to come. */
function KeyEvents({ events }: { events: KeyEventRecord[] }) {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const now = Date.now();
  return (
    <Box data-testid="caller-key-events">
      <Typography variant="subtitle2">{t('phone.keyEvents', { count: events.length })}</Typography>
      {events.length === 0 && <Typography variant="body2" color="text.secondary">{t('phone.none')}</Typography>}
      <List dense disablePadding>
        {events.map((e) => (
          <ListItem key={e.id} disableGutters data-key-event-id={e.id}>
            <ListItemText
              primary={
                <>
                  {e.name}{' '}
                  <Chip size="small" color={Date.parse(e.start) <= now ? 'warning' : 'default'} label={t(Date.parse(e.start) <= now ? 'phone.keyEventActive' : 'phone.keyEventUpcoming')} />
                </>
              }
              secondary={`${formatDateTime(e.start, i18n.language, timeZone)} – ${formatDateTime(e.end, i18n.language, timeZone)}`}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

/**
 * Who is calling: VIP status, contacts, key events, open and recent cases. The pop-up on a ringing
 * call and the call log's card alike. The name and VIP status come with the call, so they show at
 * the first ring; the cases follow when the desk has read them.
 */
export function CallerCard({ caller }: { caller: CustomerMatch }) {
  const { t } = useTranslation();
  const card = useDeskQuery('phone.callerCard', { account: caller.customer.id }, { refreshOn: ['cases', 'customers'] }).data;
  const customer = card?.customer ?? caller.customer;
  return (
    <Stack spacing={1} data-testid="caller-card">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="p">
          {customer.name}
        </Typography>
        <Typography color="text.secondary">{customer.id}</Typography>
        {customer.vip && <Chip size="small" color="secondary" label={t('phone.vip')} data-testid="caller-vip" />}
      </Stack>
      <Typography variant="body2">{t('phone.contacts', { names: (caller.contacts.length ? caller.contacts : customer.contacts.map((c) => c.name)).join(', ') })}</Typography>
      {card && (
        <>
          <KeyEvents events={card.keyEvents} />
          <CaseList title={t('phone.open', { count: card.open.length })} cases={card.open} />
          <CaseList title={t('phone.recent')} cases={card.recent} />
        </>
      )}
    </Stack>
  );
}
