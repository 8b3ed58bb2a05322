import { Alert, Box, Button, FormControlLabel, MenuItem, Paper, Snackbar, Stack, Switch, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMatch } from '../../../../shared/contract/index.js';
import { CATEGORIES, CHANNELS, type CaseRecord, type Category, type Channel } from '../../../../shared/domain/case.js';
import { call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { SubmitRow } from '../../components/SubmitRow.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { submitOnCtrlEnter, useF2, useLivePreview } from '../../components/workspace.js';
import { useNavigation } from '../../state/navigation.js';
import { PANEL_NAV } from '../panel-nav.js';
import { CallerLookup } from './CallerLookup.js';
import { RecentCases } from './RecentCases.js';
import { CustomerDialog } from '../customers/CustomerDialog.js';
import { MissedCalls } from '../phone/MissedCalls.js';
import { OnCall, useAnsweredCall } from '../phone/OnCall.js';

const EMPTY = { channel: 'hotline' as Channel, category: 'technical-issue' as Category, summary: '', notes: '' };
/** Panels a logged call can be turned into, carrying the caller, summary and notes over. */
const CONVERSIONS = ['work-orders', 'refunds', 'compensation', 'icp-reward', 'complaints'];

export function CallLogPanel() {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const [caller, setCaller] = useState<CustomerMatch | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [saved, setSaved] = useState<string | null>(null);
  const [lastCall, setLastCall] = useState<CaseRecord | null>(null);
  // An unknown caller: register them on the spot, or log the call against what they said.
  const [registering, setRegistering] = useState(false);
  const [typed, setTyped] = useState('');
  const [unidentified, setUnidentified] = useState<{ name: string; phone: string } | null>(null);
  const callerRef = useRef<HTMLInputElement>(null);
  const { phoneCallId, logged } = useAnsweredCall(setCaller);
  const open = useNavigation((s) => s.open);
  const conversions = PANEL_NAV.filter((p) => CONVERSIONS.includes(p.id));
  // The scope table comes from the policy version in force; the panel only shows it.
  const scope = useDeskQuery('policy.current', {}, { refreshOn: ['policyVersions'] }).data?.scope[form.category];

  // The words typed can point out of scope whatever category is picked: the engine reads them.
  const words = `${form.summary}\n${form.notes}`.trim();
  const suggestion = useLivePreview('scope.suggest', words ? { text: words } : null).result;
  const suggested = suggestion && suggestion.category !== form.category && scope?.inScope ? suggestion : null;

  const recent = useDeskQuery('cases.search', { limit: 20 }, { refreshOn: ['cases'] }).data?.cases ?? [];
  const convertRef = useRef<HTMLDivElement>(null);
  // The offer to convert belongs to the call just logged: the next caller takes it down.
  useEffect(() => {
    if (caller || unidentified) setLastCall(null);
  }, [caller, unidentified]);
  // Alt+C: to the conversion buttons of the call just logged, instead of six Tabs.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.code !== 'KeyC') return;
      const first = convertRef.current?.querySelector('button');
      if (!first) return;
      event.preventDefault();
      first.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function save() {
    errors.clear();
    try {
      const who = caller ? { customerAccount: caller.customer.id } : unidentified ? { caller: unidentified } : { customerAccount: '' };
      const record = await call('calls.log', { ...who, ...form, ...(phoneCallId ? { phoneCallId } : {}) });
      setSaved(record.id);
      setLastCall(record);
      if (phoneCallId) logged(record.id);
      setCaller(null);
      setUnidentified(null);
      setForm(EMPTY);
      callerRef.current?.focus();
    } catch (error) {
      errors.fromError(error);
    }
  }

  useF2(callerRef);

  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    ...errors.props(name),
  });

  return (
    <Stack spacing={2}>
      <Paper
        variant="outlined"
        sx={{ p: 2 }}
        component="form"
        aria-label={t('calls.title')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={submitOnCtrlEnter(() => void save())}
      >
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {t('calls.title')}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: '2fr 1fr 2fr', gap: 2 }}>
          {unidentified ? (
            <Stack direction="row" spacing={1}>
              <TextField name="callerName" label={t('customers.callerName')} value={unidentified.name} onChange={(e) => setUnidentified({ ...unidentified, name: e.target.value })} {...errors.props('customerAccount')} fullWidth />
              <TextField name="callerPhone" label={t('customers.callerPhone')} value={unidentified.phone} onChange={(e) => setUnidentified({ ...unidentified, phone: e.target.value })} fullWidth />
            </Stack>
          ) : (
            <CallerLookup value={caller} onChange={setCaller} onTyped={setTyped} error={errors.errors.customerAccount} inputRef={callerRef} />
          )}
          <TextField select label={t('calls.channel')} {...field('channel')}>
            {CHANNELS.map((channel) => (
              <MenuItem key={channel} value={channel}>
                {t(`channel.${channel}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label={t('calls.category')} {...field('category')}>
            {CATEGORIES.map((category) => (
              <MenuItem key={category} value={category}>
                {t(`category.${category}`)}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'center' }}>
          <Button size="small" onClick={() => setRegistering(true)} disabled={!!caller}>
            {t('customers.newCustomer')}
          </Button>
          <FormControlLabel
            control={<Switch size="small" checked={!!unidentified} onChange={(e) => setUnidentified(e.target.checked ? { name: '', phone: '' } : null)} />}
            label={t('customers.unidentified')}
            title={t('customers.unidentifiedHint')}
          />
        </Stack>
        {registering && (
          <CustomerDialog
            phone={/^[\d\s+()-]{5,}$/.test(typed) ? typed : ''}
            onClose={(customer) => {
              setRegistering(false);
              if (customer) {
                setUnidentified(null);
                setCaller({ customer, matchedOn: 'account', contacts: [] });
              }
            }}
          />
        )}
        {suggested && (
          <Alert
            severity="warning"
            sx={{ mt: 2 }}
            data-testid="scope-suggestion"
            action={
              <Button size="small" color="inherit" onClick={() => setForm((f) => ({ ...f, category: suggested.category }))}>
                {t('calls.useCategory')}
              </Button>
            }
          >
            {t('calls.scopeSuggestion', { words: suggested.words.join(t('calls.wordSeparator')), category: t(`category.${suggested.category}`) })}
          </Alert>
        )}
        {scope && !scope.inScope && (
          <Alert severity="warning" sx={{ mt: 2 }} data-testid="out-of-scope">
            <strong>{t('calls.outOfScope')}</strong> {t('calls.scopeExplanation', { category: t(`category.${form.category}`) })}
          </Alert>
        )}
        <Stack spacing={2} sx={{ mt: 2 }}>
          <TextField label={t('calls.summary')} {...field('summary')} slotProps={{ htmlInput: { maxLength: 300 } }} />
          <TextField label={t('calls.notes')} multiline minRows={3} {...field('notes')} />
          <SubmitRow label={t('calls.save')} error={errors.errors.form} hint={t('calls.saveHint')} />
        </Stack>
      </Paper>
      {lastCall && conversions.length > 0 && (
        <Alert
          severity="success"
          data-testid="convert-call"
          action={
            <Stack direction="row" spacing={1} ref={convertRef}>
              {conversions.map((panel) => (
                <Button
                  key={panel.id}
                  size="small"
                  variant="outlined"
                  onClick={() =>
                    open(panel.id, {
                      fromCase: lastCall.id,
                      customerAccount: lastCall.customerAccount,
                      summary: lastCall.summary,
                      notes: lastCall.notes,
                    })
                  }
                >
                  {t(panel.label)}
                </Button>
              ))}
            </Stack>
          }
        >
          {t('calls.convert', { id: lastCall.id, customer: lastCall.customerName })}
        </Alert>
      )}
      <OnCall caller={caller} />
      <MissedCalls />
      <RecentCases cases={recent} />
      <Snackbar open={saved !== null} autoHideDuration={4000} onClose={() => setSaved(null)} message={t('calls.saved', { id: saved })} />
    </Stack>
  );
}
