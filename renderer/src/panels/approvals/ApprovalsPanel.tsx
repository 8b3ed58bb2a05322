// The supervisor's approval queue: every reviewable case (the review registry in the main
// process), escalations and key events in one list, breached and oldest first (ordered by the
// main process). Selecting an item opens its case beside approve / reject: nobody decides blind.
import { Alert, Box, Button, Chip, Paper, Snackbar, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalItem, ApprovalKind } from '../../../../shared/contract/approvals.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { downloadReceipt } from '../../components/download.js';
import { formatMoney } from '../../components/money.js';
import { useCurrency } from '../../components/workspace.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';
import { ReviewPane } from './ReviewPane.js';
import { useSummaryText } from '../../i18n/summaries.js';

const KIND_COLOR: Record<ApprovalKind, 'primary' | 'secondary' | 'warning' | 'info' | 'success' | 'default'> = {
  refund: 'primary',
  compensation: 'secondary',
  'icp-reward': 'success',
  'access-recovery': 'default',
  billing: 'primary',
  escalation: 'warning',
  keyEvent: 'info',
};

const keyOf = (item: ApprovalItem) => `${item.kind}-${item.id}`;

export function ApprovalsPanel() {
  const { t, i18n } = useTranslation();
  const summaryOf = useSummaryText();
  const currency = useCurrency();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const queue = useDeskQuery('approvals.list', {}, { refreshOn: ['cases', 'keyEvents'] });
  const items = queue.data ?? [];
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const selected = items.find((i) => keyOf(i) === selectedKey) ?? items[0];
  const [error, setError] = useState<{ id: string; message: string } | null>(null);
  const [done, setDone] = useState<{ item: ApprovalItem; approved: boolean }[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  function decided(item: ApprovalItem, approved: boolean) {
    setDone((d) => [{ item, approved }, ...d]);
    setNotice(t(approved ? 'approvals.approved' : 'approvals.rejected', { id: item.id }));
    const next = items.filter((i) => keyOf(i) !== keyOf(item))[0];
    setSelectedKey(next ? keyOf(next) : null);
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
      <Box sx={{ display: 'grid', gridTemplateColumns: selected ? 'minmax(0, 1.2fr) minmax(0, 1fr)' : '1fr', gap: 1.5, alignItems: 'start' }}>
        <Paper variant="outlined">
          <TableContainer sx={{ maxHeight: 620 }}>
            <Table size="small" stickyHeader aria-label={t('approvals.title')} sx={{ '& td, & th': { px: 1 } }}>
              <TableHead>
                <TableRow>
                  {(['item', 'customer', 'amount', 'submittedBy', 'since'] as const).map((c) => (
                    <TableCell key={c} align={c === 'amount' ? 'right' : 'left'}>
                      {t(`approvals.columns.${c}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {items.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={5}>{t('approvals.empty')}</TableCell>
                  </TableRow>
                )}
                {items.map((item) => (
                  <TableRow
                    key={keyOf(item)}
                    data-item-id={item.id}
                    data-kind={item.kind}
                    hover
                    selected={selected !== undefined && keyOf(selected) === keyOf(item)}
                    tabIndex={0}
                    sx={{ cursor: 'pointer' }}
                    onClick={() => setSelectedKey(keyOf(item))}
                    onKeyDown={(e) => e.key === 'Enter' && setSelectedKey(keyOf(item))}
                  >
                    <TableCell sx={{ maxWidth: 320 }}>
                      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                        <Chip size="small" color={KIND_COLOR[item.kind]} label={t(`approvals.kind.${item.kind}`)} />
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>
                          {item.id}
                        </Typography>
                        {item.breached && <Chip size="small" color="error" label={t('approvals.breached')} />}
                        {!item.canDecide && item.kind !== 'escalation' && <Chip size="small" variant="outlined" label={t('approvals.yours')} />}
                      </Stack>
                      <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
                        {summaryOf(item)}
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
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
        {selected && <ReviewPane key={keyOf(selected)} item={selected} onDecided={(approved) => decided(selected, approved)} />}
      </Box>
      {done.length > 0 && (
        <Paper variant="outlined" sx={{ p: 1.5 }} aria-label={t('approvals.decided')}>
          <Typography variant="subtitle2">{t('approvals.decided')}</Typography>
          {done.map(({ item, approved }) => (
            <Box key={keyOf(item)} data-decided-id={item.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.25 }}>
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
                  {error.message}
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
