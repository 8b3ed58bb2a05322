// Policy section 7: the ICP filing reward, decided live by the rules engine.
import { Alert, Box, Checkbox, FormControlLabel, MenuItem, Paper, Snackbar, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BILLING_MODES, type BillingMode } from '../../../../shared/rules/fields.js';
import { FILING_STATUSES } from '../../../../shared/rules/requests.js';
import { call } from '../../api/client.js';
import { ChannelField, useCaseOrigin } from '../../components/ChannelField.js';
import { SubmitRow } from '../../components/SubmitRow.js';
import { useCustomerState } from '../../components/useCustomerState.js';
import { DecisionView } from '../../components/DecisionView.js';
import { ReviewList } from '../../components/ReviewList.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { submitOnCtrlEnter, useCustomer, useCustomerCases, useF2, useInputRef, useLivePreview } from '../../components/workspace.js';
import { CallerLookup } from '../calls/CallerLookup.js';
import { toDeskInstant, useDeskTimeZone } from '../../components/desk-time.js';
import { DeskDateTimeField } from '../../components/DeskDateTimeField.js';

type FilingStatus = (typeof FILING_STATUSES)[number];
const FLAGS = [
  ['servesWebsite', 'icp.servesWebsite'],
  ['firstFilingWithUs', 'icp.firstFiling'],
  ['terminatedEarly', 'icp.terminatedEarly'],
  ['expiredWithoutRenewal', 'icp.expired'],
] as const;

export function IcpRewardPanel() {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const { customer, setCustomer, prefill } = useCustomer();
  const origin = useCaseOrigin(prefill);
  const account = customer?.customer.id;
  const [recharge, setRecharge] = useCustomerState(account, '');
  const [billingMode, setBillingMode] = useCustomerState<BillingMode>(account, 'monthly');
  const [flags, setFlags] = useCustomerState(account, { servesWebsite: true, firstFilingWithUs: true, terminatedEarly: false, expiredWithoutRenewal: false });
  const [status, setStatus] = useCustomerState<FilingStatus>(account, 'approved');
  const [approvedAt, setApprovedAt] = useCustomerState(account, '');
  const timeZone = useDeskTimeZone();
  const [delay, setDelay] = useCustomerState(account, '0');
  const [notes, setNotes] = useCustomerState(account, prefill?.notes ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const lookupRef = useInputRef();
  useF2(lookupRef);
  const rewards = useCustomerCases('icp-reward', account);

  const input = {
    customerAccount: account ?? '',
    accumulatedRecharge: recharge.trim(),
    host: { billingMode, ...flags },
    filing: {
      status,
      ...(approvedAt ? { approvedAt: toDeskInstant(approvedAt, timeZone) } : {}),
      customerDelayDays: /^\d+$/.test(delay.trim()) ? Number(delay.trim()) : -1,
    },
  };
  // I4 reads the account's rewards: a reward submitted, credited or rejected meanwhile changes the decision.
  const preview = useLivePreview('icpReward.preview', account && recharge.trim() ? input : null, ['cases', 'credits']);
  const decision = preview.result;
  const fieldError = (field: string) => errors.errors[field] ?? (preview.error?.field === field ? preview.error.message : undefined);
  const fieldProps = (field: string) => ({ name: field, error: !!fieldError(field), helperText: fieldError(field) });

  async function submit() {
    errors.clear();
    try {
      const record = await call('icpReward.submit', { ...input, notes, ...origin.input });
      setSaved(record.id);
      rewards.refresh();
    } catch (error) {
      errors.fromError(error);
    }
  }

  return (
    <Stack spacing={1.5} component="form" aria-label={t('icp.title')} onSubmit={(e) => (e.preventDefault(), void submit())} onKeyDown={submitOnCtrlEnter(() => void submit())}>
      <Typography variant="h6" component="h2">
        {t('icp.title')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 1.5, alignItems: 'start' }}>
        <Stack spacing={1.5}>
          <CallerLookup value={customer} onChange={setCustomer} error={errors.errors.customerAccount} inputRef={lookupRef} />
          <ChannelField origin={origin} error={errors.errors.channel} />
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
            <TextField label={t('icp.recharge')} value={recharge} onChange={(e) => setRecharge(e.target.value)} {...fieldProps('accumulatedRecharge')} />
            <TextField select label={t('icp.hostBilling')} value={billingMode} onChange={(e) => setBillingMode(e.target.value as BillingMode)} {...fieldProps('host.billingMode')}>
              {BILLING_MODES.map((mode) => (
                <MenuItem key={mode} value={mode}>
                  {t(`refunds.billingMode.${mode}`)}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          <Paper variant="outlined" sx={{ px: 1.5, py: 0.5, display: 'grid', gridTemplateColumns: '1fr 1fr' }}>
            {FLAGS.map(([flag, label]) => (
              <FormControlLabel
                key={flag}
                control={<Checkbox name={`host.${flag}`} checked={flags[flag]} onChange={(e) => setFlags({ ...flags, [flag]: e.target.checked })} />}
                label={t(label)}
              />
            ))}
          </Paper>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1.2fr 1.2fr 0.8fr', gap: 1.5 }}>
            <TextField select label={t('icp.filingStatus')} value={status} onChange={(e) => setStatus(e.target.value as FilingStatus)} {...fieldProps('filing.status')}>
              {FILING_STATUSES.map((s) => (
                <MenuItem key={s} value={s}>
                  {t(`icp.filing.${s}`)}
                </MenuItem>
              ))}
            </TextField>
            <DeskDateTimeField label={t('icp.approvedAt')} value={approvedAt} onChange={(e) => setApprovedAt(e.target.value)} {...fieldProps('filing.approvedAt')} />
            <TextField label={t('icp.delayDays')} value={delay} onChange={(e) => setDelay(e.target.value)} {...fieldProps('filing.customerDelayDays')} />
          </Box>
          <TextField name="notes" label={t('icp.notes')} multiline minRows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
          <SubmitRow label={t('icp.submit')} error={errors.errors.form} disabled={decision?.outcome !== 'eligible' || preview.pending} />
        </Stack>
        <Stack spacing={1.5} aria-live="polite">
          {!account && <Alert severity="info">{t('decision.pickCustomer')}</Alert>}
          {preview.error && !fieldError(preview.error.field) && <Alert severity="error">{preview.error.message}</Alert>}
          {decision && (
            <DecisionView decision={decision}>
              {decision.creditDueBy && <Typography variant="body2" data-testid="credit-due">{t('icp.creditDueBy', { date: decision.creditDueBy })}</Typography>}
              {decision.validUntil && <Typography variant="body2">{t('icp.validUntil', { date: decision.validUntil })}</Typography>}
            </DecisionView>
          )}
          {account && (
            <ReviewList
              cases={rewards.cases}
              onChanged={rewards.refresh}
              extra={(c) => (c.type === 'icp-reward' && c.details.creditDueBy ? t('icp.creditDueBy', { date: c.details.creditDueBy }) : undefined)}
            />
          )}
        </Stack>
      </Box>
      <Snackbar open={saved !== null} autoHideDuration={4000} onClose={() => setSaved(null)} message={t('icp.submitted', { id: saved })} />
    </Stack>
  );
}
