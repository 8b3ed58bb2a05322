// Policy section 9: a complaint names its subject, is acknowledged in time (due time from the
// rules engine) and is closed only with a recorded response to the customer.
import { Alert, Box, Button, Chip, MenuItem, Paper, Snackbar, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseOf } from '../../../../shared/domain/case.js';
import { COMPLAINT_SUBJECTS, type ComplaintSubject } from '../../../../shared/domain/order.js';
import { ApiError, call } from '../../api/client.js';
import { ChannelField, useCaseOrigin } from '../../components/ChannelField.js';
import { SubmitRow } from '../../components/SubmitRow.js';
import { useCustomerState } from '../../components/useCustomerState.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { submitOnCtrlEnter, useCustomer, useCustomerCases, useF2, useInputRef, validateInput } from '../../components/workspace.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';
import { CallerLookup } from '../calls/CallerLookup.js';
import { statusLabel } from '../../i18n/labels.js';

export function ComplaintsPanel() {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const errors = useFieldErrors();
  const { customer, setCustomer, prefill } = useCustomer();
  const origin = useCaseOrigin(prefill);
  const account = customer?.customer.id;
  const [subject, setSubject] = useCustomerState<ComplaintSubject>(account, 'customer-service');
  const [summary, setSummary] = useCustomerState(account, prefill?.summary ?? '');
  const [notes, setNotes] = useCustomerState(account, prefill?.notes ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const lookupRef = useInputRef();
  useF2(lookupRef);
  const complaints = useCustomerCases('complaint', account);
  const when = (iso: unknown) => (typeof iso === 'string' ? formatDateTime(iso, i18n.language, timeZone) : '');

  async function open() {
    errors.clear();
    const input = {
      customerAccount: account ?? '',
      subject,
      summary,
      notes,
      ...origin.input,
    };
    const invalid = validateInput('complaints.open', input);
    if (invalid) return errors.set(invalid.field, invalid.message);
    try {
      const record = await call('complaints.open', input);
      setSaved(t('complaints.opened', { id: record.id, due: when(record.details?.acknowledgeBy) }));
      setSummary('');
      setNotes('');
      complaints.refresh();
    } catch (error) {
      errors.fromError(error);
    }
  }

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.1fr)', gap: 1.5, alignItems: 'start' }}>
      <Paper
        variant="outlined"
        sx={{ p: 1.5 }}
        component="form"
        aria-label={t('complaints.title')}
        onSubmit={(e) => (e.preventDefault(), void open())}
        onKeyDown={submitOnCtrlEnter(() => void open())}
      >
        <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
          {t('complaints.title')}
        </Typography>
        <Stack spacing={1.5}>
          <CallerLookup value={customer} onChange={setCustomer} error={errors.errors.customerAccount} inputRef={lookupRef} />
          <ChannelField origin={origin} error={errors.errors.channel} />
          <TextField select name="subject" label={t('complaints.subject')} value={subject} onChange={(e) => setSubject(e.target.value as ComplaintSubject)} {...errors.props('subject')}>
            {COMPLAINT_SUBJECTS.map((s) => (
              <MenuItem key={s} value={s}>
                {t(`complaints.subjects.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField name="summary" label={t('complaints.summary')} value={summary} onChange={(e) => setSummary(e.target.value)} {...errors.props('summary')} />
          <TextField name="notes" label={t('complaints.notes')} multiline minRows={3} value={notes} onChange={(e) => setNotes(e.target.value)} {...errors.props('notes')} />
          <SubmitRow label={t('complaints.open')} error={errors.errors.form} />
        </Stack>
      </Paper>
      <Stack spacing={1.5}>
        {!account && <Alert severity="info">{t('decision.pickCustomer')}</Alert>}
        {account && (
          <Typography variant="subtitle1" component="h3">
            {t('complaints.list')}
          </Typography>
        )}
        {account && complaints.cases.length === 0 && <Typography color="text.secondary">{t('decision.none')}</Typography>}
        {complaints.cases.map((c) => (
          <ComplaintCard key={c.id} complaint={c} when={when} onChanged={complaints.refresh} />
        ))}
      </Stack>
      <Snackbar open={saved !== null} autoHideDuration={5000} onClose={() => setSaved(null)} message={saved} />
    </Box>
  );
}

function ComplaintCard({ complaint: c, when, onChanged }: { complaint: CaseOf<'complaint'>; when(iso: unknown): string; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const [response, setResponse] = useState(typeof c.details?.response === 'string' ? c.details.response : '');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const closed = c.status !== 'open' && c.status !== 'acknowledged';
  const late = c.details?.acknowledgedInTime === false;

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError({ field: e.field ?? 'form', message: e.message });
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-case-id={c.id} data-status={c.status}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2">{c.id}</Typography>
        {typeof c.details?.subject === 'string' && <Chip size="small" label={t(`complaints.subjects.${c.details.subject}`, { defaultValue: c.details.subject })} />}
        <Chip size="small" color={c.status === 'closed' ? 'success' : c.status === 'open' ? 'warning' : 'info'} label={statusLabel(c.status, i18n.language)} />
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color={late ? 'error' : 'text.secondary'} data-testid="acknowledge-by">
          {c.details?.acknowledgedAt
            ? `${t('complaints.acknowledgedAt', { at: when(c.details.acknowledgedAt) })}${late ? ` (${t('complaints.late')})` : ''}`
            : c.details?.acknowledgeBy
              ? t('complaints.acknowledgeBy', { due: when(c.details.acknowledgeBy) })
              : ''}
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {c.summary}
      </Typography>
      {closed ? (
        <Typography variant="body2" color="text.secondary">
          {typeof c.details?.response === 'string' ? `${t('complaints.response')}: ${c.details.response}` : ''}
        </Typography>
      ) : (
        <Stack spacing={1}>
          <TextField
            size="small"
            multiline
            name="response"
            label={t('complaints.response')}
            value={response}
            onChange={(e) => setResponse(e.target.value)}
            error={error?.field === 'response'}
            helperText={error?.field === 'response' ? error.message : typeof c.details?.respondedAt === 'string' ? t('complaints.responseRecorded') : undefined}
          />
          {error && error.field !== 'response' && <Alert severity="error">{error.message}</Alert>}
          <Stack direction="row" spacing={1}>
            {c.status === 'open' && (
              <Button size="small" variant="outlined" onClick={() => void run(() => call('complaints.acknowledge', { id: c.id }))}>
                {t('complaints.acknowledge')}
              </Button>
            )}
            <Button size="small" variant="outlined" onClick={() => void run(() => call('complaints.respond', { id: c.id, response }))}>
              {t('complaints.recordResponse')}
            </Button>
            <Button size="small" variant="contained" onClick={() => void run(() => call('complaints.close', { id: c.id }))}>
              {t('complaints.close')}
            </Button>
          </Stack>
        </Stack>
      )}
    </Paper>
  );
}
