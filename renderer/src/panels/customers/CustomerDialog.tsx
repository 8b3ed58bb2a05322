import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/case.js';
import { call } from '../../api/client.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { OrdersOfCustomer } from './OrdersOfCustomer.js';

/** Adds a customer (from the registry or during a call) or edits one, with the reason audited. */
export function CustomerDialog(props: { customer?: Customer; phone?: string; onClose(saved?: Customer): void }) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const editing = props.customer;
  const first = editing?.contacts[0];
  const [form, setForm] = useState({
    account: editing?.id ?? '',
    name: editing?.name ?? '',
    vip: editing?.vip ?? false,
    region: editing?.region ?? '',
    contactName: first?.name ?? '',
    phone: first?.phone ?? props.phone ?? '',
    email: first?.email ?? '',
    reason: '',
  });
  const bind = (field: 'account' | 'name' | 'region' | 'contactName' | 'phone' | 'email' | 'reason', errorField: string = field) => ({
    name: field,
    label: t(`customers.${field}`),
    value: form[field],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value }),
    ...errors.props(errorField),
  });

  async function save() {
    errors.clear();
    const contact = { name: form.contactName, ...(form.phone ? { phone: form.phone } : {}), ...(form.email ? { email: form.email } : {}) };
    const fields = { account: form.account, name: form.name, vip: form.vip, region: form.region, contacts: [contact, ...(editing?.contacts.slice(1) ?? [])] };
    try {
      props.onClose(editing ? await call('customers.update', { ...fields, reason: form.reason }) : await call('customers.create', fields));
    } catch (error) {
      errors.fromError(error);
    }
  }

  return (
    <Dialog open onClose={() => props.onClose()} maxWidth="md" fullWidth>
      <DialogTitle>{editing ? t('customers.dialog.edit', { account: editing.id }) : t('customers.dialog.add')}</DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          aria-label={t('customers.dialog.add')}
          spacing={2}
          sx={{ pt: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack direction="row" spacing={2}>
            <TextField {...bind('account')} disabled={!!editing} autoFocus={!editing} fullWidth />
            <TextField {...bind('name')} fullWidth />
            <TextField {...bind('region')} fullWidth />
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField {...bind('contactName', 'contacts.0.name')} fullWidth />
            <TextField {...bind('phone', 'contacts.0.phone')} fullWidth />
            <TextField {...bind('email', 'contacts.0.email')} fullWidth />
          </Stack>
          <FormControlLabel control={<Checkbox checked={form.vip} onChange={(e) => setForm({ ...form, vip: e.target.checked })} />} label={t('customers.vip')} />
          {editing && <TextField {...bind('reason')} />}
          {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
          <button type="submit" hidden />
        </Stack>
        {editing && <OrdersOfCustomer account={editing.id} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => props.onClose()}>{t('customers.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()}>
          {t('customers.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
