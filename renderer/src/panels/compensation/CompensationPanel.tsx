// Policy section 6 while the customer waits: enter the fault occurrences, see C1–C6 live, submit.
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, IconButton, MenuItem, Paper, Snackbar, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FAULT_CAUSES, FAULT_SCENARIOS, type FaultCause, type FaultScenario } from '../../../../shared/rules/requests.js';
import { call } from '../../api/client.js';
import { ChannelField, useCaseOrigin } from '../../components/ChannelField.js';
import { SubmitRow } from '../../components/SubmitRow.js';
import { useCustomerState } from '../../components/useCustomerState.js';
import { DecisionView } from '../../components/DecisionView.js';
import { ReviewList } from '../../components/ReviewList.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { submitOnCtrlEnter, useCustomer, useCustomerCases, useF2, useInputRef, useLivePreview } from '../../components/workspace.js';
import { CallerLookup } from '../calls/CallerLookup.js';
import { zoneOffsetMinutes } from '../../../../shared/rules/zone.js';
import { offsetText, toDeskInstant, useDeskTimeZone } from '../../components/desk-time.js';
import { DeskDateTimeField } from '../../components/DeskDateTimeField.js';

interface Row {
  id: string;
  start: string; // datetime-local value, wall-clock time in the desk's time zone
  end: string;
  scenario: FaultScenario;
  cause: FaultCause;
}

const newRow = (n: number): Row => ({ id: `f-${n}`, start: '', end: '', scenario: 'service-unavailable', cause: 'platform' });

export function CompensationPanel() {
  const { t, i18n } = useTranslation();
  const separator = i18n.language.startsWith('zh') ? '、' : ', ';
  const timeZone = useDeskTimeZone();
  const deskInstant = (local: string) => toDeskInstant(local, timeZone);
  const errors = useFieldErrors();
  const { customer, setCustomer, prefill } = useCustomer();
  const origin = useCaseOrigin(prefill);
  const account = customer?.customer.id;
  const [dailyFee, setDailyFee] = useCustomerState(account, '');
  const [rows, setRows] = useCustomerState<Row[]>(account, () => [newRow(1)]);
  const nextRow = useRef(2);
  const [emailSubject, setEmailSubject] = useCustomerState(account, '');
  const [notes, setNotes] = useCustomerState(account, prefill?.notes ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const lookupRef = useInputRef();
  useF2(lookupRef);
  const requests = useCustomerCases('compensation', account);

  const claim = {
    customerAccount: account ?? '',
    dailyFee: dailyFee.trim(),
    occurrences: rows.map((r) => ({ id: r.id, start: deskInstant(r.start), end: deskInstant(r.end), scenario: r.scenario, cause: r.cause })),
    ...(emailSubject.trim() ? { emailSubject } : {}),
  };
  const ready = account && dailyFee.trim() !== '' && rows.some((r) => r.start && r.end);
  const preview = useLivePreview('compensation.preview', ready ? claim : null);
  const decision = preview.result;
  const fieldError = (field: string) => errors.errors[field] ?? (preview.error?.field === field ? preview.error.message : undefined);

  async function submit() {
    errors.clear();
    try {
      const record = await call('compensation.submit', {
        ...claim,
        notes,
        ...origin.input,
      });
      setSaved(record.id);
      setRows([newRow(1)]);
      nextRow.current = 2;
      setEmailSubject('');
      setNotes('');
      requests.refresh();
    } catch (error) {
      errors.fromError(error);
    }
  }

  const update = (index: number, patch: Partial<Row>) => setRows((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const field = (index: number, name: 'start' | 'end' | 'scenario' | 'cause') => {
    const key = `occurrences.${index}.${name}`;
    const message = fieldError(key);
    return { name: key, error: !!message, helperText: message, size: 'small' as const };
  };

  return (
    <Stack spacing={1.5} component="form" aria-label={t('compensation.title')} onSubmit={(e) => (e.preventDefault(), void submit())} onKeyDown={submitOnCtrlEnter(() => void submit())}>
      <Typography variant="h6" component="h2">
        {t('compensation.title')}
        {origin.input.fromCase && (
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 2 }}>
            {t('decision.fromCase', { id: origin.input.fromCase })}
          </Typography>
        )}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1.2fr) minmax(0, 1fr)', gap: 1.5, alignItems: 'start' }}>
        <Stack spacing={1.5}>
          <Box sx={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: 1.5 }}>
            <CallerLookup value={customer} onChange={setCustomer} error={errors.errors.customerAccount} inputRef={lookupRef} />
            <ChannelField origin={origin} error={errors.errors.channel} />
            <TextField
              name="dailyFee"
              label={t('compensation.dailyFee')}
              value={dailyFee}
              onChange={(e) => setDailyFee(e.target.value)}
              error={!!fieldError('dailyFee')}
              helperText={fieldError('dailyFee')}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
          </Box>
          <Paper variant="outlined" sx={{ p: 1.5 }}>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              {t('compensation.occurrences')}
              <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1.5 }} data-testid="time-zone">
                {t('compensation.timeZone', { zone: timeZone, offset: offsetText(zoneOffsetMinutes(Date.now(), timeZone)) })}
              </Typography>
            </Typography>
            <Stack spacing={1.5}>
              {rows.map((row, index) => (
                <Box key={row.id} data-occurrence={row.id} sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr 1fr auto', gap: 1, alignItems: 'start' }}>
                  <Typography variant="body2" sx={{ pt: 1, minWidth: 28 }}>
                    {row.id}
                  </Typography>
                  <DeskDateTimeField label={t('compensation.start')} value={row.start} onChange={(e) => update(index, { start: e.target.value })} {...field(index, 'start')} />
                  <DeskDateTimeField label={t('compensation.end')} value={row.end} onChange={(e) => update(index, { end: e.target.value })} {...field(index, 'end')} />
                  <IconButton aria-label={t('compensation.remove', { n: index + 1 })} disabled={rows.length === 1} onClick={() => setRows((list) => list.filter((_, i) => i !== index))}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                  <Box />
                  <TextField select label={t('compensation.scenario')} value={row.scenario} onChange={(e) => update(index, { scenario: e.target.value as FaultScenario })} {...field(index, 'scenario')}>
                    {FAULT_SCENARIOS.map((s) => (
                      <MenuItem key={s} value={s}>
                        {t(`compensation.scenarios.${s}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField select label={t('compensation.cause')} value={row.cause} onChange={(e) => update(index, { cause: e.target.value as FaultCause })} {...field(index, 'cause')}>
                    {FAULT_CAUSES.map((c) => (
                      <MenuItem key={c} value={c}>
                        {t(`compensation.causes.${c}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                </Box>
              ))}
              <Box>
                <Button startIcon={<AddIcon />} onClick={() => {
                    const row = newRow(nextRow.current++);
                    setRows((list) => [...list, row]);
                  }}>
                  {t('compensation.add')}
                </Button>
              </Box>
            </Stack>
          </Paper>
          <TextField
            name="emailSubject"
            label={t('compensation.emailSubject')}
            value={emailSubject}
            onChange={(e) => setEmailSubject(e.target.value)}
            error={!!fieldError('emailSubject')}
            helperText={
              fieldError('emailSubject') ??
              (decision?.subjectMissing
                ? decision.subjectMissing.length
                  ? t('compensation.subjectMissing', { items: decision.subjectMissing.map((m) => t(`compensation.subjectElement.${m}`)).join(separator) })
                  : t('compensation.subjectComplete')
                : undefined)
            }
            slotProps={{ formHelperText: { 'data-testid': 'subject-check' } as object }}
          />
          <TextField name="notes" label={t('compensation.notes')} multiline minRows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
          <SubmitRow label={t('compensation.submit')} error={errors.errors.form ?? errors.errors.occurrences} disabled={decision?.outcome !== 'eligible' || preview.pending} />
        </Stack>
        <Stack spacing={1.5} aria-live="polite">
          {!account && <Alert severity="info">{t('decision.pickCustomer')}</Alert>}
          {preview.error && !preview.error.field.startsWith('occurrences.') && preview.error.field !== 'dailyFee' && <Alert severity="error">{preview.error.message}</Alert>}
          {decision && (
            <DecisionView decision={decision}>
              <Typography variant="body2" data-testid="minutes">
                {t('compensation.minutes', { minutes: decision.faultMinutes })}
              </Typography>
              <Typography variant="body2" data-testid="deadline">
                {t('compensation.deadline', { date: decision.claimDeadline })}
              </Typography>
            </DecisionView>
          )}
          {decision && (
            <Typography variant="caption" color="text.secondary">
              {t('compensation.bonus')}
            </Typography>
          )}
          {account && <ReviewList cases={requests.cases} onChanged={requests.refresh} />}
        </Stack>
      </Box>
      <Snackbar open={saved !== null} autoHideDuration={4000} onClose={() => setSaved(null)} message={t('compensation.submitted', { id: saved })} />
    </Stack>
  );
}
