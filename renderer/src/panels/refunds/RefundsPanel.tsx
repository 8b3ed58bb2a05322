// Policy section 5 while the customer waits: pick orders, see every rule live, submit for review.
import {
  Alert,
  Box,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  Paper,
  Snackbar,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { ChannelField, useCaseOrigin } from '../../components/ChannelField.js';
import { SubmitRow } from '../../components/SubmitRow.js';
import { useCustomerState } from '../../components/useCustomerState.js';
import { DecisionView } from '../../components/DecisionView.js';
import { formatMoney } from '../../components/money.js';
import { ReviewList } from '../../components/ReviewList.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import {
  submitOnCtrlEnter,
  useCurrency,
  useCustomer,
  useCustomerCases,
  useF2,
  useInputRef,
  useLivePreview,
} from '../../components/workspace.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';
import { CallerLookup } from '../calls/CallerLookup.js';
import { NothingBack } from './NothingBack.js';

export function RefundsPanel() {
  const { t, i18n } = useTranslation();
  const currency = useCurrency();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const errors = useFieldErrors();
  const { customer, setCustomer, prefill } = useCustomer();
  const origin = useCaseOrigin(prefill);
  const account = customer?.customer.id;
  const [selected, setSelected] = useCustomerState<string[]>(account, []);
  const [confirmed, setConfirmed] = useCustomerState(account, false);
  const [notes, setNotes] = useCustomerState(account, prefill?.notes ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const lookupRef = useInputRef();
  useF2(lookupRef);
  const requests = useCustomerCases('refund', account);

  const ordersQuery = useDeskQuery('orders.forCustomer', account ? { customerAccount: account } : null, { refreshOn: ['orders'] });
  const orders = ordersQuery.data ?? [];
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void (ordersQuery.error && errors.fromError(ordersQuery.error)), [ordersQuery.error]);

  const input = account && selected.length > 0 ? { customerAccount: account, orderIds: selected, dataMigrationConfirmed: confirmed } : null;
  const preview = useLivePreview('refunds.preview', input);
  const decision = preview.result;

  async function submit(recordRejected = false) {
    // The keyboard submits an eligible request only; recording a rejected one takes its own button.
    if (!recordRejected && decision?.outcome === 'ineligible') return;
    errors.clear();
    try {
      const record = await call('refunds.submit', {
        customerAccount: account ?? '',
        orderIds: selected,
        dataMigrationConfirmed: confirmed,
        notes,
        ...origin.input,
      });
      setSaved(t(record.status === 'rejected-by-rules' ? 'refunds.recorded' : 'refunds.submitted', { id: record.id }));
      setSelected([]);
      setConfirmed(false);
      setNotes('');
      requests.refresh();
    } catch (error) {
      errors.fromError(error);
    }
  }

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const orderError = errors.errors.orderIds ?? Object.entries(errors.errors).find(([k]) => k.startsWith('orderIds.'))?.[1];

  return (
    <Stack spacing={1.5} component="form" aria-label={t('refunds.title')} onSubmit={(e) => (e.preventDefault(), void submit())} onKeyDown={submitOnCtrlEnter(() => void submit())}>
      <Typography variant="h6" component="h2">
        {t('refunds.title')}
        {origin.input.fromCase && (
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 2 }}>
            {t('decision.fromCase', { id: origin.input.fromCase })}
          </Typography>
        )}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1.25fr) minmax(0, 1fr)', gap: 1.5, alignItems: 'start' }}>
        <Stack spacing={1.5}>
          <CallerLookup value={customer} onChange={setCustomer} error={errors.errors.customerAccount} inputRef={lookupRef} />
          <ChannelField origin={origin} error={errors.errors.channel} />
          <Paper variant="outlined">
            <Typography variant="subtitle2" sx={{ px: 1.5, pt: 1 }}>
              {t('refunds.orders')}
            </Typography>
            <TableContainer sx={{ maxHeight: 290 }}>
            <Table size="small" stickyHeader aria-label={t('refunds.orders')} sx={{ '& td, & th': { px: 1 } }}>
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox" />
                  {(['product', 'billingMode', 'purchasedAt', 'paid'] as const).map((c) => (
                    <TableCell key={c} align={c === 'paid' ? 'right' : 'left'}>{t(`refunds.columns.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {account && orders.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={5}>{t('refunds.noOrders')}</TableCell>
                  </TableRow>
                )}
                {orders.map((o) => (
                  <TableRow key={o.id} hover selected={selected.includes(o.id)} data-order-id={o.id}>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={selected.includes(o.id)}
                        onChange={() => toggle(o.id)}
                        slotProps={{ input: { 'aria-label': `${o.product} ${o.id}`, name: `order-${o.id}` } as object }}
                      />
                    </TableCell>
                    <TableCell>
                      {o.product}
                      <Typography variant="caption" color="text.secondary" component="div">
                        {o.id}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`refunds.billingMode.${o.billingMode}`)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(o.purchasedAt, i18n.language, timeZone)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(o.paid, currency, i18n.language)}
                      {o.reward && (
                        <Typography variant="caption" color="text.secondary" component="div">
                          {t('refunds.reward', { granted: formatMoney(o.reward.granted, currency, i18n.language), spent: formatMoney(o.reward.spent, currency, i18n.language) })}
                        </Typography>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            </TableContainer>
            {orderError && <FormHelperText error sx={{ px: 1.5, pb: 1 }}>{orderError}</FormHelperText>}
          </Paper>
          <Box>
            <FormControlLabel
              control={<Checkbox name="dataMigrationConfirmed" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />}
              label={t('refunds.migration')}
            />
            {errors.errors.dataMigrationConfirmed && <FormHelperText error>{errors.errors.dataMigrationConfirmed}</FormHelperText>}
          </Box>
          <TextField name="notes" label={t('refunds.notes')} multiline minRows={1} value={notes} onChange={(e) => setNotes(e.target.value)} {...errors.props('notes')} />
          {decision?.outcome === 'ineligible' ? (
            <SubmitRow label={t('refunds.recordRejected')} hint={t('refunds.recordRejectedHint')} color="warning" error={errors.errors.form} disabled={preview.pending} onClick={() => void submit(true)} />
          ) : (
            <SubmitRow label={t('refunds.submit')} error={errors.errors.form} disabled={decision?.outcome !== 'eligible' || preview.pending} />
          )}
        </Stack>
        <Stack spacing={1.5} aria-live="polite">
          {!account && <Alert severity="info">{t('decision.pickCustomer')}</Alert>}
          {account && selected.length === 0 && <Alert severity="info">{t('refunds.pickOrders')}</Alert>}
          {preview.error && <Alert severity="error">{preview.error.message}</Alert>}
          {decision && <NothingBack decision={decision} />}
          {decision && (
            <DecisionView decision={decision}>
              <Typography variant="body2" data-testid="reward-deducted">
                {t('refunds.rewardDeducted')}: {formatMoney(decision.rewardDeducted, currency, i18n.language)} · {t('refunds.rewardCancelled')}:{' '}
                {formatMoney(decision.rewardCancelled, currency, i18n.language)}
              </Typography>
            </DecisionView>
          )}
          {account && <ReviewList cases={requests.cases} onChanged={requests.refresh} />}
        </Stack>
      </Box>
      <Snackbar open={saved !== null} autoHideDuration={4000} onClose={() => setSaved(null)} message={saved} />
    </Stack>
  );
}
