import { List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';

/** For supervisors: mail that could not become a case, with the reason; the raw message is kept in the data folder. */
export function SetAsideList() {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const kept = useDeskQuery('mail.setAside', {}, { refreshOn: ['mailSetAside'] }).data ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="set-aside">
      <Typography variant="subtitle1">{t('mail.setAside')}</Typography>
      {kept.length === 0 && <Typography variant="body2" color="text.secondary">{t('mail.noSetAside')}</Typography>}
      <List dense>
        {kept.map((m) => (
          <ListItem key={m.id}>
            <ListItemText
              primary={t('mail.setAsideRow', { time: formatDateTime(m.at, i18n.language, timeZone), uid: m.uid, bytes: m.bytes, reason: t(`mail.reason.${m.code}`) })}
              secondary={`${m.reason} · ${m.path}`}
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
