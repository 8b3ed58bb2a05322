// Opening a work order during a call: keyboard-first form, live quality score from the rules
// engine (debounced), attachments, the incident template, and VIP key-event registration.
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  MenuItem,
  Paper,
  Snackbar,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMatch } from '../../../../shared/contract/index.js';
import { MAX_ATTACHMENT_BYTES, type QualityView } from '../../../../shared/contract/work-orders.js';
import { SEVERITIES, type Severity } from '../../../../shared/domain/case.js';
import { call } from '../../api/client.js';
import { uploadFiles } from '../../api/upload.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { useCustomerState } from '../../components/useCustomerState.js';
import { submitOnCtrlEnter, useF2 } from '../../components/workspace.js';
import { toDeskInstant, useDeskTimeZone } from '../../components/desk-time.js';
import { DeskDateTimeField } from '../../components/DeskDateTimeField.js';
import { ChannelField, useCaseOrigin } from '../../components/ChannelField.js';
import { useNavigation } from '../../state/navigation.js';
import { CallerLookup } from '../calls/CallerLookup.js';
import { CaseDialog } from '../queue/CaseDialog.js';
import { missingLabel } from './format.js';

const EMPTY = {
  summary: '',
  severity: '' as Severity | '',
  businessImpact: '',
  errorCodes: '',
  evidence: '',
  stepsTried: '',
  notes: '',
  incidentOn: false,
  startTime: '',
  region: '',
  affectedServices: '',
  symptoms: '',
  mitigationAttempted: '',
};
type Form = typeof EMPTY;

const list = (text: string, sep: RegExp) => text.split(sep).map((s) => s.trim()).filter(Boolean);
const lines = (text: string) => list(text, /\n/);
const commas = (text: string) => list(text, /[,，;；\n]/);

/** The draft as the contract takes it (shared by the quality check and create). */
function draftOf(form: Form, timeZone: string) {
  return {
    summary: form.summary,
    ...(form.severity ? { severity: form.severity } : {}),
    businessImpact: form.businessImpact,
    evidence: lines(form.evidence),
    errorCodes: commas(form.errorCodes),
    stepsTried: lines(form.stepsTried),
    ...(form.incidentOn
      ? {
          incident: {
            ...(form.startTime ? { startTime: toDeskInstant(form.startTime, timeZone) } : {}),
            region: form.region,
            affectedServices: commas(form.affectedServices),
            symptoms: form.symptoms,
            errorCodes: commas(form.errorCodes),
            mitigationAttempted: form.mitigationAttempted,
          },
        }
      : {}),
  };
}

/** Checks the renderer can make itself, before asking the desk; field → message key. */
export function validateWorkOrder(customer: CustomerMatch | null, form: Form, files: File[]): Record<string, { key: string; values?: Record<string, string> }> {
  const errors: Record<string, { key: string; values?: Record<string, string> }> = {};
  if (!customer) errors.customerAccount = { key: 'workOrders.validation.customer' };
  if (!form.summary.trim()) errors.summary = { key: 'errors.required' };
  if (!form.severity) errors.severity = { key: 'workOrders.validation.severity' };
  if (!form.businessImpact.trim()) errors.businessImpact = { key: 'errors.required' };
  const big = files.find((f) => f.size > MAX_ATTACHMENT_BYTES);
  if (big) errors.attachments = { key: 'workOrders.tooBig', values: { name: big.name } };
  return errors;
}

export function WorkOrderPanel() {
  const { t, i18n } = useTranslation();
  const errors = useFieldErrors();
  const [customer, setCustomer] = useState<CustomerMatch | null>(null);
  const account = customer?.customer.id;
  const [form, setForm] = useCustomerState<Form>(account, EMPTY);
  const timeZone = useDeskTimeZone();
  const [files, setFiles] = useCustomerState<File[]>(account, []);
  const origin = useCaseOrigin();
  const fromCase = origin.input.fromCase;
  const [quality, setQuality] = useState<QualityView | null>(null);
  const [saved, setSaved] = useState<{ id: string; raised?: string } | null>(null);
  const [openCase, setOpenCase] = useState<string | null>(null);
  const [keyEventOpen, setKeyEventOpen] = useState(false);
  const summaryRef = useRef<HTMLInputElement>(null);
  const customerRef = useRef<HTMLInputElement>(null);
  const busy = useRef(false);

  // Converting a logged call: no retyping.
  useEffect(() => {
    const prefill = useNavigation.getState().takePrefill();
    if (!prefill) return;
    origin.convert(prefill);
    setForm((f) => ({ ...f, summary: prefill.summary ?? '', notes: prefill.notes ?? '' }));
    if (prefill.customerAccount) {
      void call('customers.lookup', { query: prefill.customerAccount, limit: 5 }).then((matches) => {
        setCustomer(matches.find((m) => m.customer.id === prefill.customerAccount) ?? null);
      });
    }
  }, []);

  useF2(customerRef); // F2 jumps to the customer, as on the call log

  // The live quality score, from the rules engine, as the agent types.
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      call('workOrders.quality', { ...draftOf(form, timeZone), attachmentCount: Math.min(files.length, 20) }).then(
        (report) => current && setQuality(report),
        () => current && setQuality(null),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [form, files, timeZone]);

  async function save() {
    if (busy.current) return;
    errors.clear();
    const local = validateWorkOrder(customer, form, files);
    const entries = Object.entries(local);
    if (entries.length > 0) {
      for (const [field, e] of entries) errors.set(field, t(e.key, e.values));
      return;
    }
    busy.current = true;
    try {
      const attachments = await uploadFiles(files, 'attachments');
      const record = await call('workOrders.create', {
        ...draftOf(form, timeZone),
        severity: form.severity as Severity,
        customerAccount: customer!.customer.id,
        notes: form.notes,
        attachments,
        ...origin.input,
      });
      const raised = record.details.severityRule.result === 'passed' ? record.severity : undefined;
      setSaved({ id: record.id, ...(raised ? { raised } : {}) });
      setForm(EMPTY);
      setFiles([]);
      setCustomer(null);
      origin.reset();
      setOpenCase(record.id);
    } catch (error) {
      const field = (error as { field?: string }).field;
      if (field?.startsWith('attachments')) errors.set('attachments', (error as Error).message);
      else errors.fromError(error);
    } finally {
      busy.current = false;
    }
  }

  const field = (name: Exclude<keyof Form, 'incidentOn'>, errorField: string = name) => ({
    name,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    ...errors.props(errorField),
    size: 'small' as const,
  });

  const score = quality?.score ?? 0;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 300px', gap: 2, alignItems: 'start' }}>
      <Paper
        variant="outlined"
        sx={{ p: 2 }}
        component="form"
        aria-label={t('workOrders.title')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={submitOnCtrlEnter(() => void save())}
      >
        <Stack direction="row" spacing={1} sx={{ mb: 1.5, alignItems: 'center' }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {t('workOrders.title')}
          </Typography>
          {fromCase && <Chip size="small" label={t('workOrders.fromCall', { id: fromCase })} />}
          <Button size="small" disabled={!customer?.customer.vip} onClick={() => setKeyEventOpen(true)}>
            {t('workOrders.keyEvent.open')}
          </Button>
        </Stack>
        <Stack spacing={1.5}>
          <Box sx={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: 1.5 }}>
            <CallerLookup value={customer} onChange={setCustomer} error={errors.errors.customerAccount} inputRef={customerRef} />
            <ChannelField origin={origin} error={errors.errors.channel} />
            <TextField select label={t('workOrders.severity')} {...field('severity')} slotProps={{ htmlInput: { 'data-testid': 'severity' } }}>
              {SEVERITIES.map((s) => (
                <MenuItem key={s} value={s}>
                  {t(`workOrders.severityHelp.${s}`)}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          <TextField label={t('workOrders.summary')} {...field('summary')} inputRef={summaryRef} slotProps={{ htmlInput: { maxLength: 300 } }} />
          <TextField label={t('workOrders.businessImpact')} {...field('businessImpact')} />
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
            <TextField label={t('workOrders.evidence')} multiline minRows={2} maxRows={5} {...field('evidence')} />
            <TextField label={t('workOrders.stepsTried')} multiline minRows={2} maxRows={5} {...field('stepsTried')} />
          </Box>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5, alignItems: 'start' }}>
            <TextField label={t('workOrders.errorCodes')} {...field('errorCodes')} />
            <Box>
              <Button component="label" size="small" variant="outlined">
                {t('workOrders.attach')}
                <input
                  hidden
                  type="file"
                  multiple
                  name="attachments"
                  data-testid="attachments"
                  onChange={(e) => {
                    const chosen = Array.from(e.target.files ?? []);
                    setFiles((f) => [...f, ...chosen].slice(0, 20));
                    e.target.value = '';
                  }}
                />
              </Button>
              <Typography variant="caption" color={errors.errors.attachments ? 'error' : 'text.secondary'} sx={{ ml: 1 }}>
                {errors.errors.attachments ?? t('workOrders.attachHint')}
              </Typography>
              <Box sx={{ mt: 0.5 }}>
                {files.map((f, i) => (
                  <Chip key={`${f.name}-${i}`} size="small" label={f.name} onDelete={() => setFiles(files.filter((_, j) => j !== i))} sx={{ mr: 0.5 }} />
                ))}
              </Box>
            </Box>
          </Box>
          <FormControlLabel
            control={<Checkbox size="small" checked={form.incidentOn} onChange={(e) => setForm((f) => ({ ...f, incidentOn: e.target.checked }))} name="incidentOn" />}
            label={t('workOrders.incident')}
          />
          {form.incidentOn && (
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 1.5 }}>
              <DeskDateTimeField label={t('workOrders.incidentFields.startTime')} {...field('startTime', 'incident.startTime')} />
              <TextField label={t('workOrders.incidentFields.region')} {...field('region', 'incident.region')} />
              <TextField label={t('workOrders.incidentFields.affectedServices')} {...field('affectedServices', 'incident.affectedServices')} />
              <TextField label={t('workOrders.incidentFields.symptoms')} {...field('symptoms', 'incident.symptoms')} sx={{ gridColumn: 'span 2' }} />
              <TextField label={t('workOrders.incidentFields.mitigationAttempted')} {...field('mitigationAttempted', 'incident.mitigationAttempted')} />
            </Box>
          )}
          <TextField label={t('workOrders.notes')} multiline minRows={1} maxRows={4} {...field('notes')} />
          {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
          {errors.errors.fromCase && <Alert severity="error">{errors.errors.fromCase}</Alert>}
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
            <Button type="submit" variant="contained">
              {t('workOrders.save')}
            </Button>
            <Typography variant="caption" color="text.secondary">
              {t('workOrders.saveHint')}
            </Typography>
          </Box>
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, position: 'sticky', top: 64 }} aria-label={t('workOrders.quality')} data-testid="quality">
        <Typography variant="subtitle1">{t('workOrders.quality')}</Typography>
        <Typography variant="h4" data-testid="quality-score" color={score >= 80 ? 'success.main' : score >= 50 ? 'warning.main' : 'error.main'}>
          {t('workOrders.qualityScore', { score })}
        </Typography>
        <LinearProgress variant="determinate" value={score} color={score >= 80 ? 'success' : score >= 50 ? 'warning' : 'error'} sx={{ my: 1 }} />
        <Typography variant="subtitle2">{t('workOrders.missingTitle')}</Typography>
        {quality && quality.missing.length === 0 && <Typography variant="body2">{t('workOrders.qualityComplete')}</Typography>}
        <Box component="ul" sx={{ pl: 2, my: 0.5 }}>
          {quality?.missing.map((gap) => (
            <Typography component="li" variant="body2" key={gap}>
              {missingLabel(gap, i18n.language)}
            </Typography>
          ))}
        </Box>
      </Paper>
      {keyEventOpen && customer && <KeyEventDialog account={customer.customer.id} onClose={() => setKeyEventOpen(false)} />}
      <CaseDialog id={openCase} onClose={() => setOpenCase(null)} />
      <Snackbar
        open={saved !== null}
        autoHideDuration={5000}
        onClose={() => setSaved(null)}
        message={saved ? `${t('workOrders.saved', { id: saved.id })}${saved.raised ? ` · ${t('workOrders.raised', { severity: saved.raised })}` : ''}` : ''}
      />
    </Box>
  );
}

function KeyEventDialog({ account, onClose }: { account: string; onClose(): void }) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const [form, setForm] = useState({ name: '', start: '', end: '' });
  const timeZone = useDeskTimeZone();
  const iso = (local: string) => toDeskInstant(local, timeZone);
  async function save() {
    errors.clear();
    try {
      await call('keyEvents.register', { customerAccount: account, name: form.name, start: iso(form.start), end: iso(form.end) });
      onClose();
    } catch (error) {
      errors.fromError(error);
    }
  }
  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    ...errors.props(name),
    size: 'small' as const,
  });
  return (
    <Dialog open onClose={onClose}>
      <DialogTitle>{t('workOrders.keyEvent.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5} sx={{ pt: 1, minWidth: 380 }}>
          <TextField label={t('workOrders.keyEvent.name')} {...field('name')} autoFocus />
          <DeskDateTimeField label={t('workOrders.keyEvent.start')} {...field('start')} />
          <DeskDateTimeField label={t('workOrders.keyEvent.end')} {...field('end')} />
          {(errors.errors.form || errors.errors.customerAccount) && <Alert severity="error">{errors.errors.form ?? errors.errors.customerAccount}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('workOrders.keyEvent.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()}>
          {t('workOrders.keyEvent.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
