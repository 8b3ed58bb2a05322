import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { submitOnCtrlEnter } from '../../components/workspace.js';

/** A manager's change to an operator that needs a reason for the audit trail (deactivate, reactivate, unlock). */
export function ReasonDialog({ title, onConfirm, onClose }: { title: string; onConfirm(reason: string): Promise<unknown>; onClose(): void }) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const [reason, setReason] = useState('');
  async function confirm() {
    try {
      await onConfirm(reason);
      onClose();
    } catch (error) {
      errors.fromError(error);
    }
  }
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          sx={{ mt: 1 }}
          name="reason"
          label={t('operators.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={submitOnCtrlEnter(() => void confirm())}
          {...errors.props('reason')}
        />
        {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('operators.cancel')}</Button>
        <Button variant="contained" onClick={() => void confirm()}>
          {t('operators.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
