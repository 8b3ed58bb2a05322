// Transfer a case to a person or to a level's queue, with the reason the history keeps.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVELS, type Level } from '../../../../shared/domain/ownership.js';
import { call } from '../../api/client.js';
import { levelLabel } from '../../components/ownership.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { OperatorPicker } from './OperatorPicker.js';

export function TransferDialog({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const [to, setTo] = useState<'person' | 'level'>('person');
  const [operator, setOperator] = useState('');
  const [level, setLevel] = useState<Level>('L2');
  const [reason, setReason] = useState('');

  async function confirm() {
    errors.clear();
    try {
      // An unchosen person is sent as such, so the desk names the field.
      await call('cases.transfer', { id, ...(to === 'person' ? (operator ? { operator } : {}) : { level }), reason });
      onClose();
    } catch (error) {
      errors.fromError(error);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="transfer-title">
      <DialogTitle id="transfer-title">{t('queue.assignment.title', { id })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <ToggleButtonGroup size="small" exclusive value={to} onChange={(_e, v: 'person' | 'level' | null) => v && setTo(v)}>
            <ToggleButton value="person" sx={{ textTransform: 'none' }}>{t('queue.assignment.toPerson')}</ToggleButton>
            <ToggleButton value="level" sx={{ textTransform: 'none' }}>{t('queue.assignment.toLevel')}</ToggleButton>
          </ToggleButtonGroup>
          {to === 'person' ? (
            <OperatorPicker label={t('queue.assignment.person')} value={operator} onChange={setOperator} {...errors.props('operator')} />
          ) : (
            <TextField select size="small" name="level" label={t('queue.assignment.level')} value={level} onChange={(e) => setLevel(e.target.value as Level)} {...errors.props('level')}>
              {LEVELS.map((l) => (
                <MenuItem key={l} value={l}>
                  {levelLabel(t, l)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField size="small" name="reason" label={t('queue.assignment.reason')} value={reason} onChange={(e) => setReason(e.target.value)} {...errors.props('reason')} />
          {(errors.errors.id || errors.errors.form) && <Alert severity="error">{errors.errors.id ?? errors.errors.form}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('queue.assignment.cancel')}</Button>
        <Button variant="contained" onClick={() => void confirm()}>
          {t('queue.assignment.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
