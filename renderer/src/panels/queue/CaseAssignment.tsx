// On the case page: who has the case (or which level's queue it waits in), and claim,
// release or transfer it. The desk decides who may; a refusal shows its reason.
import { Alert, Box, Button, Chip } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../../shared/domain/case.js';
import { isOpenCase, ownershipOf } from '../../../../shared/domain/ownership.js';
import { call } from '../../api/client.js';
import { levelLabel, ownershipLabel } from '../../components/ownership.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { useSession } from '../../state/session.js';
import { ClaimButton } from './ClaimButton.js';
import { TransferDialog } from './TransferDialog.js';

export function CaseAssignment({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.operator);
  const errors = useFieldErrors();
  const [transferring, setTransferring] = useState(false);
  const held = ownershipOf(record);
  const open = isOpenCase(record);
  const mayMove = held.owner === me?.username || (me?.role !== undefined && me.role !== 'agent');

  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }} data-testid="case-assignment">
      <Chip size="small" variant="outlined" data-testid="case-owner" label={`${t('queue.assignment.owner')}: ${ownershipLabel(t, held)}`} />
      <Chip size="small" variant="outlined" data-testid="case-level" label={levelLabel(t, held.level)} />
      {open && held.owner === null && <ClaimButton id={record.id} variant="contained" />}
      {open && held.owner !== null && mayMove && (
        <Button size="small" onClick={() => void call('cases.release', { id: record.id }).catch((e: unknown) => errors.fromError(e))}>
          {t('queue.assignment.release')}
        </Button>
      )}
      {open && mayMove && (
        <Button size="small" data-testid="transfer" onClick={() => setTransferring(true)}>
          {t('queue.assignment.transfer')}
        </Button>
      )}
      {(errors.errors.id || errors.errors.form) && <Alert severity="error">{errors.errors.id ?? errors.errors.form}</Alert>}
      {transferring && <TransferDialog id={record.id} onClose={() => setTransferring(false)} />}
    </Box>
  );
}
