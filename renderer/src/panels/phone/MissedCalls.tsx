import { Button, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';

/** Calls that hung up unanswered, until someone calls back. */
export function MissedCalls() {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const missed = (useDeskQuery('phone.calls', { state: ['missed'] }, { refreshOn: ['phoneCalls'] }).data ?? []).filter((c) => !c.calledBack);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="missed-calls">
      <Typography variant="subtitle1">{t('phone.missed')}</Typography>
      {missed.length === 0 && <Typography variant="body2" color="text.secondary">{t('phone.noMissed')}</Typography>}
      <List dense>
        {missed.map((c) => (
          <ListItem
            key={c.id}
            data-call-id={c.callId}
            secondaryAction={
              <Button size="small" onClick={() => void call('phone.calledBack', { id: c.id })}>
                {t('phone.calledBack')}
              </Button>
            }
          >
            <ListItemText
              primary={`${c.from || t('phone.anonymous')}${c.caller ? ` · ${c.caller.customer.name}` : ''}`}
              secondary={t('phone.at', { time: formatDateTime(c.startedAt, i18n.language, timeZone) })}
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
