import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMatch } from '../../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { CallerLookup } from './CallerLookup.js';

/** Links a call logged against an unidentified caller to the customer they turned out to be. */
export function LinkCallDialog({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const [customer, setCustomer] = useState<CustomerMatch | null>(null);
  async function link() {
    errors.clear();
    try {
      await call('calls.link', { id, customerAccount: customer?.customer.id ?? '' });
      onClose();
    } catch (error) {
      errors.fromError(error);
    }
  }
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('customers.linkTitle', { id })}</DialogTitle>
      <DialogContent sx={{ pt: '8px !important' }}>
        <CallerLookup value={customer} onChange={setCustomer} error={errors.errors.customerAccount} />
        {(errors.errors.form ?? errors.errors.id) && <Alert severity="error">{errors.errors.form ?? errors.errors.id}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('customers.cancel')}</Button>
        <Button variant="contained" disabled={!customer} onClick={() => void link()}>
          {t('customers.link')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
