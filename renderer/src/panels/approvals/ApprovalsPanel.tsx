// The supervisor's approval queue: refunds, compensation, escalations and key events in one list,
// breached and oldest first (ordered by the main process). Approve, or reject with a reason.
import { Alert, Box, Button, Chip, Paper, Snackbar, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalItem } from '../../../../shared/contract/approvals.js';
import { ApiError, call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { formatMoney } from '../../components/money.js';
import { useCurrency } from '../../components/workspace.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';
import { downloadReceipt } from './download.js';

const KIND_COLOR = { refund: 'primary', compensation: 'secondary', escalation: 'warning', keyEvent: 'info' } as const;

function decide(item: ApprovalItem, approve: boolean, reason: string): Promise<unknown> {
  switch (item.kind) {
    case 'refund':
      return approve ? call('refunds.approve', { id: item.id }) : call('refunds.reject', { id: item.id, reason });
    case 'compensation':
      return approve ? call('compensation.approve', { id: item.id }) : call('compensation.reject', { id: item.id, reason });
    case 'keyEvent':
      return approve ? call('keyEvents.approve', { id: item.id }) : call('keyEvents.reject', { id: item.id, reason });
    default:
      return Promise.reject(new Error(`${item.kind} is decided in its work order`));
  }
}

export function ApprovalsPanel() {
  const { t, i18n } = useTranslation();
  const currency = useCurrency();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const queue = useDeskQuery('approvals.list', {}, { refreshOn: ['cases', 'keyEvents'] });
  const items = queue.data ?? [];
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ id?: string; message: string; key?: string } | null>(null);
  const [done, setDone] = useState<{ item: ApprovalItem; approved: boolean }[]>([]);
  const [notice, setNotice] = useState<string | null>(null);


  async function act(item: ApprovalItem, approve: boolean) {
    setError(null);
    if (!approve && reason.trim() === '') return setError({ id: item.id, message: '', key: 'approvals.reasonRequired' });
    try {
      await decide(item, approve, reason);
      setRejecting(null);
      setReason('');
      setDone((d) => [{ item, approved: approve }, ...d]);
      setNotice(t(approve ? 'approvals.approved' : 'approvals.rejected', { id: item.id }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError({ id: item.id, message: e.message });
    }
  }

  async function receipt(id: string) {
    try {
      await downloadReceipt(id);
    } catch (e) {
      setError({ id, message: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <Stack spacing={1.5} aria-label={t('approvals.title')}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="h6" component="h2">
          {t('approvals.title')}
        </Typography>
        <Chip size="small" label={items.length} />
        <Box sx={{ flex: 1 }} />
        <Button size="small" onClick={queue.refresh}>
          {t('approvals.refresh')}
        </Button>
      </Box>
      {queue.error && <Alert severity="error">{queue.error.message}</Alert>}
      {error && !error.id && <Alert severity="error">{error.key ? t(error.key) : error.message}</Alert>}
      <Paper variant="outlined">
        <TableContainer sx={{ maxHeight: 460 }}>
          <Table size="small" stickyHeader aria-label={t('approvals.title')} sx={{ '& td, & th': { px: 1 } }}>
            <TableHead>
              <TableRow>
                {(['item', 'customer', 'amount', 'submittedBy', 'since', 'actions'] as const).map((c) => (
                  <TableCell key={c} align={c === 'amount' ? 'right' : 'left'}>
                    {t(`approvals.columns.${c}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6}>{t('approvals.empty')}</TableCell>
                </TableRow>
              )}
              {items.map((item) => (
                <TableRow key={`${item.kind}-${item.id}`} data-item-id={item.id} data-kind={item.kind} hover>
                  <TableCell sx={{ maxWidth: 320 }}>
                    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                      <Chip size="small" color={KIND_COLOR[item.kind]} label={t(`approvals.kind.${item.kind}`)} />
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {item.id}
                      </Typography>
                      {item.breached && <Chip size="small" color="error" label={t('approvals.breached')} />}
                    </Stack>
                    <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
                      {item.summary}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    {item.customerName}
                    {item.vip && <Chip size="small" label="VIP" sx={{ ml: 0.5 }} />}
                    <Typography variant="caption" color="text.secondary" component="div">
                      {item.customerAccount}
                    </Typography>
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {item.amount ? formatMoney(item.amount, currency, i18n.language) : ''}
                  </TableCell>
                  <TableCell>{item.submittedBy}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.since, i18n.language, timeZone)}</TableCell>
                  <TableCell sx={{ minWidth: 220 }}>
                    {item.kind === 'escalation' ? (
                      <Typography variant="caption">{t('approvals.inWorkOrder')}</Typography>
                    ) : !item.canDecide ? (
                      <Typography variant="caption" color="text.secondary">
                        {t('approvals.yourOwn')}
                      </Typography>
                    ) : rejecting === item.id ? (
                      <Stack spacing={0.5}>
                        <TextField
                          size="small"
                          autoFocus
                          label={t('approvals.reason')}
                          value={reason}
                          onChange={(e) => setReason(e.target.value)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter' || (e.key === 'Enter' && e.ctrlKey)) {
                              e.preventDefault();
                              void act(item, false);
                            }
                            if (e.key === 'Escape') setRejecting(null);
                          }}
                          slotProps={{ htmlInput: { name: 'reason' } }}
                        />
                        <Stack direction="row" spacing={0.5}>
                          <Button size="small" color="error" variant="contained" onClick={() => void act(item, false)}>
                            {t('approvals.reject')}
                          </Button>
                          <Button size="small" onClick={() => (setRejecting(null), setReason(''))}>
                            {t('approvals.cancel')}
                          </Button>
                        </Stack>
                      </Stack>
                    ) : (
                      <Stack direction="row" spacing={0.5}>
                        <Button size="small" variant="contained" onClick={() => void act(item, true)}>
                          {t('approvals.approve')}
                        </Button>
                        <Button size="small" color="error" onClick={() => (setRejecting(item.id), setReason(''), setError(null))}>
                          {t('approvals.reject')}
                        </Button>
                      </Stack>
                    )}
                    {error?.id === item.id && (
                      <Typography variant="caption" color="error" component="div" role="alert">
                        {error.key ? t(error.key) : error.message}
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Paper>
      {done.length > 0 && (
        <Paper variant="outlined" sx={{ p: 1.5 }} aria-label={t('approvals.decided')}>
          <Typography variant="subtitle2">{t('approvals.decided')}</Typography>
          {done.map(({ item, approved }) => (
            <Box key={`${item.kind}-${item.id}`} data-decided-id={item.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.25 }}>
              <Chip size="small" color={approved ? 'success' : 'error'} label={t(approved ? 'approvals.approved' : 'approvals.rejected', { id: item.id })} />
              <Typography variant="body2">
                {t(`approvals.kind.${item.kind}`)} · {item.customerName}
                {item.amount ? ` · ${formatMoney(item.amount, currency, i18n.language)}` : ''}
              </Typography>
              {approved && item.kind === 'refund' && (
                <Button size="small" onClick={() => void receipt(item.id)}>
                  {t('approvals.receipt')}
                </Button>
              )}
              {error?.id === item.id && (
                <Typography variant="caption" color="error" role="alert">
                  {error.key ? t(error.key) : error.message}
                </Typography>
              )}
            </Box>
          ))}
        </Paper>
      )}
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </Stack>
  );
}
