// Billing inquiries: the invoice period, services and charges asked about; the agent explains
// (service, usage metric) or opens a dispute, which a supervisor other than the agent resolves.
import { Alert, Box, Button, Chip, IconButton, MenuItem, Paper, Snackbar, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPUTE_OUTCOMES, type DisputeOutcome } from '../../../../shared/contract/billing.js';
import type { CaseOf } from '../../../../shared/domain/case.js';
import { call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { ChannelField, useCaseOrigin } from '../../components/ChannelField.js';
import { SubmitRow } from '../../components/SubmitRow.js';
import { useCustomerState } from '../../components/useCustomerState.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { submitOnCtrlEnter, useCurrency, useCustomer, useCustomerCases, useF2, useInputRef, validateInput } from '../../components/workspace.js';
import { useSession } from '../../state/session.js';
import { CallerLookup } from '../calls/CallerLookup.js';
import { statusLabel } from '../../i18n/labels.js';

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

export function BillingPanel() {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const { customer, setCustomer, prefill } = useCustomer();
  const origin = useCaseOrigin(prefill);
  const account = customer?.customer.id;
  const [period, setPeriod] = useCustomerState(account, lastMonth);
  const [items, setItems] = useCustomerState(account, [{ service: '', amount: '' }]);
  const [question, setQuestion] = useCustomerState(account, '');
  const [saved, setSaved] = useState<string | null>(null);
  const lookupRef = useInputRef();
  useF2(lookupRef);
  const cases = useCustomerCases('billing', account);
  const role = useSession((s) => s.operator?.role ?? 'agent');

  async function open() {
    errors.clear();
    const input = { customerAccount: account ?? '', invoicePeriod: period, items, question, ...origin.input };
    const invalid = validateInput('billing.open', input);
    if (invalid) return errors.set(invalid.field, invalid.message);
    try {
      const record = await call('billing.open', input);
      setSaved(t('billing.opened', { id: record.id }));
      setItems([{ service: '', amount: '' }]);
      setQuestion('');
      cases.refresh();
    } catch (error) {
      errors.fromError(error);
    }
  }

  const setItem = (i: number, patch: Partial<(typeof items)[number]>) => setItems((list) => list.map((it, j) => (j === i ? { ...it, ...patch } : it)));

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.1fr)', gap: 1.5, alignItems: 'start' }}>
      <Paper
        variant="outlined"
        sx={{ p: 1.5 }}
        component="form"
        aria-label={t('billing.title')}
        onSubmit={(e) => (e.preventDefault(), void open())}
        onKeyDown={submitOnCtrlEnter(() => void open())}
      >
        <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
          {t('billing.title')}
        </Typography>
        <Stack spacing={1.5}>
          <CallerLookup value={customer} onChange={setCustomer} error={errors.errors.customerAccount} inputRef={lookupRef} />
          <ChannelField origin={origin} error={errors.errors.channel} />
          <TextField name="invoicePeriod" label={t('billing.period')} value={period} onChange={(e) => setPeriod(e.target.value)} {...errors.props('invoicePeriod')} />
          {items.map((item, i) => (
            <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField size="small" name={`items.${i}.service`} label={t('billing.service')} value={item.service} onChange={(e) => setItem(i, { service: e.target.value })} {...errors.props(`items.${i}.service`)} />
              <TextField
                size="small"
                name={`items.${i}.amount`}
                label={t('billing.amount')}
                value={item.amount}
                onChange={(e) => setItem(i, { amount: e.target.value })}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                {...errors.props(`items.${i}.amount`)}
              />
              {items.length > 1 && (
                <IconButton aria-label={t('billing.remove')} onClick={() => setItems((list) => list.filter((_, j) => j !== i))}>
                  ×
                </IconButton>
              )}
            </Stack>
          ))}
          {errors.errors.items && <Alert severity="error">{errors.errors.items}</Alert>}
          <Box>
            <Button size="small" onClick={() => setItems((list) => [...list, { service: '', amount: '' }])}>
              {t('billing.addService')}
            </Button>
          </Box>
          <TextField name="question" label={t('billing.question')} multiline minRows={2} value={question} onChange={(e) => setQuestion(e.target.value)} {...errors.props('question')} />
          <SubmitRow label={t('billing.open')} error={errors.errors.form} />
        </Stack>
      </Paper>
      <Stack spacing={1.5}>
        {!account && <Alert severity="info">{t('decision.pickCustomer')}</Alert>}
        {account && (
          <Typography variant="subtitle1" component="h3">
            {t('billing.list')}
          </Typography>
        )}
        {account && cases.cases.length === 0 && <Typography color="text.secondary">{t('decision.none')}</Typography>}
        {cases.cases.map((c) => (
          <BillingCard key={c.id} record={c} onChanged={cases.refresh} />
        ))}
        {role !== 'agent' && <DisputeReport />}
      </Stack>
      <Snackbar open={saved !== null} autoHideDuration={5000} onClose={() => setSaved(null)} message={saved} />
    </Box>
  );
}

function BillingCard({ record: c, onChanged }: { record: CaseOf<'billing'>; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const currency = useCurrency();
  const role = useSession((s) => s.operator?.role ?? 'agent');
  const errors = useFieldErrors();
  const d = c.details;
  const [service, setService] = useState(d.items?.[0]?.service ?? '');
  const [usageMetric, setUsageMetric] = useState('');
  const [explanation, setExplanation] = useState('');
  const [expected, setExpected] = useState('');
  const [billed, setBilled] = useState(d.items?.[0]?.amount ?? '');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<DisputeOutcome>('corrected');
  const [corrected, setCorrected] = useState('');
  const [note, setNote] = useState('');

  async function run(action: () => Promise<unknown>) {
    errors.clear();
    try {
      await action();
      onChanged();
    } catch (e) {
      errors.fromError(e);
    }
  }

  const canWork = c.status === 'open' || c.status === 'explained';
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-case-id={c.id} data-status={c.status}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2">{c.id}</Typography>
        <Chip size="small" color={c.status === 'disputed' ? 'warning' : 'default'} label={statusLabel(c.status, i18n.language)} />
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption">{t('billing.total', { total: d.total ?? '', currency })}</Typography>
      </Stack>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {String(c.details?.invoicePeriod ?? '')} · {(d.items ?? []).map((i) => `${i.service} ${i.amount}`).join(' · ')}
      </Typography>
      {d.explanation && (
        <Typography variant="body2" color="text.secondary" data-testid="explanation">
          {t('billing.explainedAs', { service: d.explanation.service, metric: d.explanation.usageMetric, text: d.explanation.text })}
        </Typography>
      )}
      {d.dispute && (
        <Typography variant="body2" data-testid="dispute-figures">
          {t('billing.disputeFigures', { expected: d.dispute.expected, billed: d.dispute.billed, difference: d.dispute.difference })}
          {d.dispute.outcome && ` · ${t('billing.resolved', { outcome: t(`billing.outcomes.${d.dispute.outcome}`), by: d.dispute.resolvedBy })}`}
          {d.dispute.credit && ` · ${t('billing.credit', { credit: d.dispute.credit })}`}
        </Typography>
      )}
      {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
      {errors.errors.id && <Alert severity="error">{errors.errors.id}</Alert>}
      {canWork && c.status === 'open' && (
        <Stack spacing={1} sx={{ mt: 1 }} component="section" aria-label={t('billing.explainTitle')}>
          <Typography variant="caption">{t('billing.explainTitle')}</Typography>
          <Stack direction="row" spacing={1}>
            <TextField select size="small" name="service" label={t('billing.service')} value={service} onChange={(e) => setService(e.target.value)} sx={{ minWidth: 120 }} {...errors.props('service')}>
              {(d.items ?? []).map((i) => (
                <MenuItem key={i.service} value={i.service}>
                  {i.service}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" name="usageMetric" label={t('billing.usageMetric')} value={usageMetric} onChange={(e) => setUsageMetric(e.target.value)} {...errors.props('usageMetric')} />
          </Stack>
          <TextField size="small" name="explanation" label={t('billing.explanation')} value={explanation} onChange={(e) => setExplanation(e.target.value)} {...errors.props('explanation')} />
          <Box>
            <Button size="small" variant="outlined" onClick={() => void run(() => call('billing.explain', { id: c.id, service, usageMetric, explanation }))}>
              {t('billing.explain')}
            </Button>
          </Box>
        </Stack>
      )}
      {canWork && (
        <Stack spacing={1} sx={{ mt: 1 }} component="section" aria-label={t('billing.disputeTitle')}>
          <Typography variant="caption">{t('billing.disputeTitle')}</Typography>
          <Stack direction="row" spacing={1}>
            <TextField size="small" name="expectedAmount" label={t('billing.expected')} value={expected} onChange={(e) => setExpected(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} {...errors.props('expectedAmount')} />
            <TextField size="small" name="billedAmount" label={t('billing.billed')} value={billed} onChange={(e) => setBilled(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} {...errors.props('billedAmount')} />
          </Stack>
          <TextField size="small" name="reason" label={t('billing.reason')} value={reason} onChange={(e) => setReason(e.target.value)} {...errors.props('reason')} />
          <Box>
            <Button size="small" variant="contained" color="warning" onClick={() => void run(() => call('billing.dispute', { id: c.id, expectedAmount: expected, billedAmount: billed, reason }))}>
              {t('billing.dispute')}
            </Button>
          </Box>
        </Stack>
      )}
      {c.status === 'disputed' && role !== 'agent' && (
        <Stack spacing={1} sx={{ mt: 1 }} component="section" aria-label={t('billing.resolveTitle')}>
          <Typography variant="caption">{t('billing.resolveTitle')}</Typography>
          <Stack direction="row" spacing={1}>
            <TextField select size="small" name="outcome" label={t('billing.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value as DisputeOutcome)} sx={{ minWidth: 140 }}>
              {DISPUTE_OUTCOMES.map((o) => (
                <MenuItem key={o} value={o}>
                  {t(`billing.outcomes.${o}`)}
                </MenuItem>
              ))}
            </TextField>
            {outcome === 'corrected' && (
              <TextField size="small" name="correctedAmount" label={t('billing.corrected')} value={corrected} onChange={(e) => setCorrected(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} {...errors.props('correctedAmount')} />
            )}
          </Stack>
          <TextField size="small" name="note" label={t('billing.note')} value={note} onChange={(e) => setNote(e.target.value)} {...errors.props('note')} />
          <Box>
            <Button
              size="small"
              variant="contained"
              onClick={() => void run(() => call('billing.resolveDispute', { id: c.id, outcome, note, ...(outcome === 'corrected' ? { correctedAmount: corrected } : {}) }))}
            >
              {t('billing.resolve')}
            </Button>
          </Box>
        </Stack>
      )}
    </Paper>
  );
}

/** Every billing dispute and its outcome (supervisors): the figures from the desk, exact. */
function DisputeReport() {
  const { t, i18n } = useTranslation();
  const rows = useDeskQuery('billing.disputes', { status: 'all' }, { refreshOn: ['cases'] }).data ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-label={t('billing.report')}>
      <Typography variant="subtitle2">{t('billing.report')}</Typography>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('decision.none')}</Typography>
      ) : (
        <Table size="small" data-testid="dispute-report">
          <TableHead>
            <TableRow>
              <TableCell>{t('billing.case')}</TableCell>
              <TableCell>{t('billing.periodShort')}</TableCell>
              <TableCell align="right">{t('billing.expectedShort')}</TableCell>
              <TableCell align="right">{t('billing.billedShort')}</TableCell>
              <TableCell>{t('billing.outcome')}</TableCell>
              <TableCell align="right">{t('billing.creditColumn')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.id}</TableCell>
                <TableCell>{r.invoicePeriod}</TableCell>
                <TableCell align="right">{r.expected}</TableCell>
                <TableCell align="right">{r.billed}</TableCell>
                <TableCell>{r.outcome ? t(`billing.outcomes.${r.outcome}`) : statusLabel('disputed', i18n.language)}</TableCell>
                <TableCell align="right">{r.credit ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
