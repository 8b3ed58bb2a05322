// Approve, or reject with a reason, one item of the approval queue: cases through the review
// registry (approvals.approve / reject), key events through their own calls. Four eyes is
// enforced by the main process; the queue says beforehand who may decide.
import { Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalItem } from '../../../../shared/contract/approvals.js';
import { ApiError, call } from '../../api/client.js';

function decide(item: ApprovalItem, approve: boolean, reason: string): Promise<unknown> {
  if (item.kind === 'keyEvent') return approve ? call('keyEvents.approve', { id: item.id }) : call('keyEvents.reject', { id: item.id, reason });
  return approve ? call('approvals.approve', { id: item.id }) : call('approvals.reject', { id: item.id, reason });
}

export function ReviewActions({ item, onDecided }: { item: ApprovalItem; onDecided(approved: boolean): void }) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function act(approve: boolean) {
    setError(null);
    if (!approve && reason.trim() === '') return setError(t('approvals.reasonRequired'));
    try {
      await decide(item, approve, reason);
      setRejecting(false);
      setReason('');
      onDecided(approve);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.message);
    }
  }

  if (item.kind === 'escalation') return <Typography variant="caption">{t('approvals.inWorkOrder')}</Typography>;
  if (!item.canDecide)
    return (
      <Typography variant="caption" color="text.secondary">
        {t('approvals.yourOwn')}
      </Typography>
    );
  return (
    <Stack spacing={0.5}>
      {rejecting ? (
        <>
          <TextField
            size="small"
            autoFocus
            label={t('approvals.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void act(false);
              }
              if (e.key === 'Escape') setRejecting(false);
            }}
            slotProps={{ htmlInput: { name: 'reason' } }}
          />
          <Stack direction="row" spacing={0.5}>
            <Button size="small" color="error" variant="contained" onClick={() => void act(false)}>
              {t('approvals.reject')}
            </Button>
            <Button size="small" onClick={() => (setRejecting(false), setReason(''))}>
              {t('approvals.cancel')}
            </Button>
          </Stack>
        </>
      ) : (
        <Stack direction="row" spacing={0.5}>
          <Button size="small" variant="contained" onClick={() => void act(true)}>
            {t(item.kind === 'icp-reward' ? 'decision.credit' : 'approvals.approve')}
          </Button>
          <Button size="small" color="error" onClick={() => (setRejecting(true), setReason(''), setError(null))}>
            {t('approvals.reject')}
          </Button>
        </Stack>
      )}
      {error && (
        <Typography variant="caption" color="error" component="div" role="alert">
          {error}
        </Typography>
      )}
    </Stack>
  );
}
