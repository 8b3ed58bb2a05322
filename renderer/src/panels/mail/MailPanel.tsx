import { Box, List, ListItemButton, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../../shared/contract/index.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';
import { MailThread } from './MailThread.js';
import { SetAsideList } from './SetAsideList.js';

/** Cases that came by mail, newest first; the picked one's mail and the reply box. */
export function MailPanel() {
  const { t, i18n } = useTranslation();
  const { operator, settings } = useSession();
  const timeZone = settings?.timeZone ?? 'Asia/Shanghai';
  const [picked, setPicked] = useState<string | null>(null);
  const cases = useDeskQuery('cases.search', { channel: ['email'], limit: 100 }, { refreshOn: ['cases'] }).data?.cases ?? [];
  return (
    <Stack spacing={2}>
      <Typography variant="h6" component="h2">
        {t('mail.title')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(260px, 1fr) 2fr', gap: 2 }}>
        <Paper variant="outlined">
          {cases.length === 0 && <Typography sx={{ p: 2 }}>{t('mail.empty')}</Typography>}
          <List dense aria-label={t('mail.title')}>
            {cases.map((c) => (
              <ListItemButton key={c.id} selected={c.id === picked} onClick={() => setPicked(c.id)} data-case-id={c.id}>
                <ListItemText primary={`${c.id} · ${c.summary}`} secondary={`${c.customerName} · ${formatDateTime(c.updatedAt, i18n.language, timeZone)}`} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
        <Paper variant="outlined" sx={{ p: 2 }}>
          {picked ? <MailThread id={picked} /> : <Typography color="text.secondary">{t('mail.pick')}</Typography>}
        </Paper>
      </Box>
      {operator && roleAllows(operator.role, 'supervisor') && <SetAsideList />}
    </Stack>
  );
}
