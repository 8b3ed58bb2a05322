// The changes of this desk that the team server refused: why, who decided instead, redo or dismiss.
import { Alert, Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionLabel } from '../../i18n/actions.js';
import type { TeamConflictView } from '../../../../shared/contract/index.js';
import { ApiError, call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { formatDateTime } from '../../i18n/index.js';
import { localiseServerMessage } from '../../i18n/server-errors.js';
import { useSession } from '../../state/session.js';
import { TeamSettings } from './TeamSettings.js';

export function ConflictsPanel() {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const { data: conflicts = [], refresh } = useDeskQuery('team.conflicts', {}, { refreshOn: (change) => change.entity === 'team.conflicts' });
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  const when = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  const callLabel = (name: string) => t(`team.calls.${name}`, { defaultValue: name });
  async function act(conflict: TeamConflictView, action: 'team.redo' | 'team.dismiss') {
    try {
      await call(action, { commandId: conflict.commandId });
      setNotice(action === 'team.redo' ? { severity: 'success', text: t('team.redone') } : null);
    } catch (error) {
      setNotice({ severity: 'error', text: localiseServerMessage(error instanceof ApiError ? error.message : String(error), i18n.language) });
    }
    refresh();
  }

  return (
    <Paper sx={{ p: 2 }}>
      <TeamSettings />
      <Typography variant="h6" component="h2">
        {t('team.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('team.intro')}
      </Typography>
      {notice && (
        <Alert severity={notice.severity} sx={{ mb: 2 }}>
          {notice.text}
        </Alert>
      )}
      {conflicts.length === 0 ? (
        <Typography>{t('team.none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              {(['at', 'operator', 'change', 'records', 'reason', 'decidedBy', 'actions'] as const).map((column) => (
                <TableCell key={column}>{t(`team.columns.${column}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {conflicts.map((c) => (
              <TableRow key={c.commandId} data-conflict-id={c.commandId} data-call={c.call}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{when(c.at)}</TableCell>
                <TableCell>{c.operator}</TableCell>
                <TableCell>{callLabel(c.call)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.records.map((r) => r.slice(r.indexOf('/') + 1)).join(', ')}</TableCell>
                <TableCell>{localiseServerMessage(c.error.message, i18n.language)}</TableCell>
                <TableCell data-testid="decided-by">
                  {c.decidedBy ? t('team.decided', { actor: c.decidedBy.actor, action: actionLabel(c.decidedBy.action, i18n.language), at: when(c.decidedBy.at) }) : t('team.unknown')}
                </TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', gap: 1 }}>
                    <Button size="small" variant="outlined" onClick={() => void act(c, 'team.redo')}>
                      {t('team.redo')}
                    </Button>
                    <Button size="small" onClick={() => void act(c, 'team.dismiss')}>
                      {t('team.dismiss')}
                    </Button>
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
