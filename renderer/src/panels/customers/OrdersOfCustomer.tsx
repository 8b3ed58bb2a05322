import { Alert, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BILLING_MODES, type BillingMode } from '../../../../shared/rules/fields.js';
import { call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { OrderTable } from '../../components/OrderTable.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { toDeskInstant, useDeskTimeZone } from '../../components/desk-time.js';
import { DeskDateTimeField } from '../../components/DeskDateTimeField.js';

const EMPTY = { id: '', product: '', billingMode: 'monthly' as BillingMode, purchasedAt: '', paid: '' };

/** A customer's orders, newest first, and a row to record one (times typed in the desk's zone). */
export function OrdersOfCustomer({ account }: { account: string }) {
  const { t } = useTranslation();
  const timeZone = useDeskTimeZone();
  const errors = useFieldErrors();
  const [form, setForm] = useState(EMPTY);
  const orders = useDeskQuery('orders.forCustomer', { customerAccount: account }, { refreshOn: ['orders'] }).data ?? [];

  async function add() {
    errors.clear();
    try {
      await call('orders.create', { ...form, customerAccount: account, purchasedAt: toDeskInstant(form.purchasedAt, timeZone) });
      setForm(EMPTY);
    } catch (error) {
      errors.fromError(error);
    }
  }
  const bind = (field: keyof typeof EMPTY) => ({
    name: `order-${field}`,
    label: t(`customers.order.${field}`),
    size: 'small' as const,
    value: form[field],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value }),
    ...errors.props(field),
  });

  return (
    <Stack spacing={1} sx={{ mt: 3 }}>
      <Typography variant="subtitle1">{t('customers.orders')}</Typography>
      <OrderTable orders={orders} label={t('customers.orders')} empty={t('customers.noOrders')} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField {...bind('id')} />
        <TextField {...bind('product')} />
        <TextField select {...bind('billingMode')} sx={{ minWidth: 120 }}>
          {BILLING_MODES.map((mode) => (
            <MenuItem key={mode} value={mode}>
              {t(`customers.billingMode.${mode}`)}
            </MenuItem>
          ))}
        </TextField>
        <DeskDateTimeField {...bind('purchasedAt')} helperText={errors.errors.purchasedAt} />
        <TextField {...bind('paid')} />
        <Button variant="outlined" onClick={() => void add()}>
          {t('customers.order.add')}
        </Button>
      </Stack>
      {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
    </Stack>
  );
}
