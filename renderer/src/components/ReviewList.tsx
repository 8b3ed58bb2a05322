// A customer's requests of one kind and their review: status, amount, and for a supervisor
// other than the submitter approve / reject while the case waits for review (the statuses come
// from shared/domain/reviewable.ts; four eyes is enforced by the main process too).
import { Alert, Box, Button, Chip, Divider, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../shared/contract/index.js';
import type { CaseOf } from '../../../shared/domain/case.js';
import { awaitsReview } from '../../../shared/domain/reviewable.js';
import { ApiError, call } from '../api/client.js';
import { formatDateTime } from '../i18n/index.js';
import { useSession } from '../state/session.js';
import { formatMoney } from './money.js';
import { useCurrency } from './workspace.js';
import { downloadReceipt } from './download.js';
import { statusLabel } from '../i18n/labels.js';

/** The reviewed requests that carry an amount. */
type Request = CaseOf<'refund'> | CaseOf<'compensation'> | CaseOf<'icp-reward'>;

const STATUS_COLOR: Record<string, 'default' | 'info' | 'success' | 'error'> = {
  submitted: 'info',
  approved: 'success',
  completed: 'success',
  credited: 'success',
  rejected: 'error',
  'rejected-by-rules': 'error',
};

/** `extra`: a line a panel adds to each request (the ICP reward's credit-due date). */
export function ReviewList({ cases, onChanged, extra }: { cases: Request[]; onChanged(): void; extra?: (c: Request) => string | undefined }) {
  const { t, i18n } = useTranslation();
  const currency = useCurrency();
  const operator = useSession((s) => s.operator);
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const supervisor = operator ? roleAllows(operator.role, 'supervisor') : false;
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function act(run: () => Promise<unknown>) {
    setError(null);
    try {
      await run();
      setRejecting(null);
      setReason('');
      onChanged();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.message);
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Typography variant="subtitle1">{t('decision.requests')}</Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <Stack divider={<Divider flexItem />} aria-label={t('decision.requests')} role="list">
        {cases.length === 0 && <Typography variant="body2">{t('decision.none')}</Typography>}
        {cases.map((c) => {
          const own = c.agent === operator?.username;
          const pending = awaitsReview(c);
          const refund = c.type === 'refund';
          return (
            <Box key={c.id} role="listitem" data-case-id={c.id} data-status={c.status} sx={{ py: 0.75 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {c.id}
                </Typography>
                <Chip size="small" color={STATUS_COLOR[c.status] ?? 'default'} label={statusLabel(c.status, i18n.language)} />
                {'failedRules' in c.details && c.details.failedRules ? (
                  <Typography variant="body2" data-testid="failed-rules">
                    {t('decision.failedRules', { rules: c.details.failedRules.join(', ') })}
                  </Typography>
                ) : (
                  c.details.amount && <Typography variant="body2">{formatMoney(c.details.amount, currency, i18n.language)}</Typography>
                )}
                <Typography variant="caption" color="text.secondary">
                  {formatDateTime(c.openedAt, i18n.language, timeZone)} · {c.agent}
                  {extra?.(c) ? ` · ${extra(c)}` : ''}
                </Typography>
                <Box sx={{ flex: 1 }} />
                {supervisor && pending && !own && rejecting !== c.id && (
                  <>
                    <Button size="small" variant="contained" onClick={() => void act(() => call('approvals.approve', { id: c.id }))}>
                      {t(c.type === 'icp-reward' ? 'decision.credit' : 'decision.approve')}
                    </Button>
                    <Button size="small" color="error" onClick={() => setRejecting(c.id)}>
                      {t('decision.reject')}
                    </Button>
                  </>
                )}
                {refund && (c.status === 'approved' || c.status === 'completed') && (supervisor || own) && (
                  <Button size="small" onClick={() => void act(() => downloadReceipt(c.id))}>
                    {t('approvals.receipt')}
                  </Button>
                )}
                {supervisor && refund && c.status === 'approved' && (
                  <Button size="small" onClick={() => void act(() => call('refunds.complete', { id: c.id }))}>
                    {t('refunds.complete')}
                  </Button>
                )}
              </Stack>
              {supervisor && pending && own && (
                <Typography variant="caption" color="text.secondary" component="p">
                  {t('decision.yourOwn')}
                </Typography>
              )}
              {rejecting === c.id && (
                <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
                  <TextField
                    size="small"
                    autoFocus
                    sx={{ flex: 1 }}
                    label={t('decision.rejectReason')}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key !== 'Enter') return;
                      e.preventDefault();
                      e.stopPropagation();
                      void act(() => call('approvals.reject', { id: c.id, reason }));
                    }}
                  />
                  <Button size="small" color="error" variant="contained" onClick={() => void act(() => call('approvals.reject', { id: c.id, reason }))}>
                    {t('decision.reject')}
                  </Button>
                </Box>
              )}
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}

