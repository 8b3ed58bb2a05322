// Restoring administrative access: verification documents, the role change, who held it before;
// a supervisor other than the submitter approves (enforced by the desk). The customer's registered
// contacts are checked and updated in the same place.
import { Alert, Box, Button, Chip, MenuItem, Paper, Snackbar, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECOVERY_REASONS } from '../../../../shared/contract/access-recovery.js';
import type { CustomerMatch } from '../../../../shared/contract/index.js';
import type { CaseOf } from '../../../../shared/domain/case.js';
import { call } from '../../api/client.js';
import { uploadFiles } from '../../api/upload.js';
import { ChannelField, useCaseOrigin } from '../../components/ChannelField.js';
import { SubmitRow } from '../../components/SubmitRow.js';
import { useCustomerState } from '../../components/useCustomerState.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { submitOnCtrlEnter, useCustomer, useCustomerCases, useF2, useInputRef, validateInput } from '../../components/workspace.js';
import { useSession } from '../../state/session.js';
import { CallerLookup } from '../calls/CallerLookup.js';
import { statusLabel } from '../../i18n/labels.js';

type Reason = (typeof RECOVERY_REASONS)[number];

export function AccessRecoveryPanel() {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const { customer, setCustomer, prefill } = useCustomer();
  const origin = useCaseOrigin(prefill);
  const account = customer?.customer.id;
  const [reason, setReason] = useCustomerState<Reason>(account, 'admin-left');
  const [role, setRole] = useCustomerState(account, '');
  const [previousHolder, setPreviousHolder] = useCustomerState(account, '');
  const [newHolder, setNewHolder] = useCustomerState(account, '');
  const [documents, setDocuments] = useCustomerState<File[]>(account, []);
  const [notes, setNotes] = useCustomerState(account, '');
  const [saved, setSaved] = useState<string | null>(null);
  const lookupRef = useInputRef();
  useF2(lookupRef);
  const cases = useCustomerCases('access-recovery', account);

  async function submit() {
    errors.clear();
    const input = { customerAccount: account ?? '', reason, role, previousHolder, newHolder, notes, ...origin.input };
    // Checked with a stand-in per file before any upload; the desk checks the real ids.
    const invalid = validateInput('accessRecovery.submit', { ...input, documents: documents.map(() => ({ uploadId: `U-${'0'.repeat(32)}` })) });
    if (invalid) return errors.set(invalid.field, invalid.message);
    try {
      const record = await call('accessRecovery.submit', { ...input, documents: await uploadFiles(documents, 'documents') });
      setSaved(t('accessRecovery.submitted', { id: record.id }));
      setRole('');
      setPreviousHolder('');
      setNewHolder('');
      setDocuments([]);
      setNotes('');
      cases.refresh();
    } catch (error) {
      const field = (error as { field?: string }).field;
      if (field?.startsWith('documents')) errors.set('documents', (error as Error).message);
      else errors.fromError(error);
    }
  }

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.1fr)', gap: 1.5, alignItems: 'start' }}>
      <Stack spacing={1.5}>
        <Paper
          variant="outlined"
          sx={{ p: 1.5 }}
          component="form"
          aria-label={t('accessRecovery.title')}
          onSubmit={(e) => (e.preventDefault(), void submit())}
          onKeyDown={submitOnCtrlEnter(() => void submit())}
        >
          <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
            {t('accessRecovery.title')}
          </Typography>
          <Stack spacing={1.5}>
            <CallerLookup value={customer} onChange={setCustomer} error={errors.errors.customerAccount} inputRef={lookupRef} />
            <ChannelField origin={origin} error={errors.errors.channel} />
            <TextField select size="small" name="reason" label={t('accessRecovery.reason')} value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
              {RECOVERY_REASONS.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`accessRecovery.reasons.${r}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" name="role" label={t('accessRecovery.role')} value={role} onChange={(e) => setRole(e.target.value)} {...errors.props('role')} />
            <Stack direction="row" spacing={1}>
              <TextField size="small" fullWidth name="previousHolder" label={t('accessRecovery.previousHolder')} value={previousHolder} onChange={(e) => setPreviousHolder(e.target.value)} {...errors.props('previousHolder')} />
              <TextField size="small" fullWidth name="newHolder" label={t('accessRecovery.newHolder')} value={newHolder} onChange={(e) => setNewHolder(e.target.value)} {...errors.props('newHolder')} />
            </Stack>
            <Box>
              <Typography variant="caption" color={errors.errors.documents ? 'error' : 'text.secondary'}>
                {t('accessRecovery.documents')}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Button size="small" variant="outlined" component="label">
                  {t('accessRecovery.chooseFiles')}
                  <input
                    hidden
                    type="file"
                    multiple
                    name="documents"
                    onChange={(e) => {
                      const files = [...(e.target.files ?? [])];
                      setDocuments((d) => [...d, ...files]);
                    }}
                  />
                </Button>
                {documents.length === 0 && <Typography variant="body2" color="text.secondary">{t('accessRecovery.noFiles')}</Typography>}
                {documents.map((d, i) => (
                  <Chip key={i} size="small" label={d.name} onDelete={() => setDocuments((list) => list.filter((_, j) => j !== i))} />
                ))}
              </Stack>
              {errors.errors.documents && <Typography variant="caption" color="error">{errors.errors.documents}</Typography>}
            </Box>
            <TextField size="small" name="notes" label={t('accessRecovery.notes')} multiline minRows={2} value={notes} onChange={(e) => setNotes(e.target.value)} {...errors.props('notes')} />
            <SubmitRow label={t('accessRecovery.submit')} error={errors.errors.form} />
          </Stack>
        </Paper>
        {customer && <ContactsEditor match={customer} onSaved={(c) => setCustomer({ ...customer, customer: c })} />}
      </Stack>
      <Stack spacing={1.5}>
        {!account && <Alert severity="info">{t('decision.pickCustomer')}</Alert>}
        {account && (
          <Typography variant="subtitle1" component="h3">
            {t('accessRecovery.list')}
          </Typography>
        )}
        {account && cases.cases.length === 0 && <Typography color="text.secondary">{t('decision.none')}</Typography>}
        {cases.cases.map((c) => (
          <RecoveryCard key={c.id} record={c} onChanged={cases.refresh} />
        ))}
      </Stack>
      <Snackbar open={saved !== null} autoHideDuration={5000} onClose={() => setSaved(null)} message={saved} />
    </Box>
  );
}

function ContactsEditor({ match, onSaved }: { match: CustomerMatch; onSaved(customer: CustomerMatch['customer']): void }) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const initial = () => match.customer.contacts.map((c) => ({ name: c.name, phone: c.phone ?? '', email: c.email ?? '' }));
  const [contacts, setContacts] = useState(initial);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setContacts(initial()), [match.customer.id]); // eslint-disable-line react-hooks/exhaustive-deps

  async function save() {
    errors.clear();
    const input = {
      account: match.customer.id,
      reason,
      contacts: contacts.map((c) => ({ name: c.name, ...(c.phone ? { phone: c.phone } : {}), ...(c.email ? { email: c.email } : {}) })),
    };
    const invalid = validateInput('customers.updateContacts', input);
    if (invalid) return errors.set(invalid.field, invalid.message);
    try {
      const customer = await call('customers.updateContacts', input);
      setSaved(t('accessRecovery.contactsSaved', { account: customer.id }));
      setReason('');
      setContacts(customer.contacts.map((c) => ({ name: c.name, phone: c.phone ?? '', email: c.email ?? '' })));
      onSaved(customer);
    } catch (error) {
      errors.fromError(error);
    }
  }

  const set = (i: number, patch: Partial<ReturnType<typeof initial>[number]>) => setContacts((list) => list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-label={t('accessRecovery.contacts')}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {t('accessRecovery.contacts')}
      </Typography>
      <Stack spacing={1}>
        {contacts.map((c, i) => (
          <Stack key={i} direction="row" spacing={1}>
            <TextField size="small" name={`contacts.${i}.name`} label={t('accessRecovery.contactName')} value={c.name} onChange={(e) => set(i, { name: e.target.value })} {...errors.props(`contacts.${i}.name`)} />
            <TextField size="small" name={`contacts.${i}.phone`} label={t('accessRecovery.contactPhone')} value={c.phone} onChange={(e) => set(i, { phone: e.target.value })} {...errors.props(`contacts.${i}.phone`)} />
            <TextField size="small" name={`contacts.${i}.email`} label={t('accessRecovery.contactEmail')} value={c.email} onChange={(e) => set(i, { email: e.target.value })} {...errors.props(`contacts.${i}.email`)} />
          </Stack>
        ))}
        <Box>
          <Button size="small" onClick={() => setContacts((list) => [...list, { name: '', phone: '', email: '' }])}>
            {t('accessRecovery.addContact')}
          </Button>
        </Box>
        <TextField size="small" name="contactsReason" label={t('accessRecovery.contactsReason')} value={reason} onChange={(e) => setReason(e.target.value)} {...errors.props('reason')} />
        {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
        {errors.errors.contacts && <Alert severity="error">{errors.errors.contacts}</Alert>}
        <Box>
          <Button size="small" variant="outlined" onClick={() => void save()}>
            {t('accessRecovery.saveContacts')}
          </Button>
        </Box>
        {saved && <Alert severity="success">{saved}</Alert>}
      </Stack>
    </Paper>
  );
}

function RecoveryCard({ record: c, onChanged }: { record: CaseOf<'access-recovery'>; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const role = useSession((s) => s.operator?.role ?? 'agent');
  const errors = useFieldErrors();
  const [rejectReason, setRejectReason] = useState('');
  const d = c.details;

  async function run(action: () => Promise<unknown>) {
    errors.clear();
    try {
      await action();
      onChanged();
    } catch (e) {
      errors.fromError(e);
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-case-id={c.id} data-status={c.status}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2">{c.id}</Typography>
        <Chip size="small" color={c.status === 'approved' ? 'success' : c.status === 'rejected' ? 'default' : 'warning'} label={statusLabel(c.status, i18n.language)} />
      </Stack>
      <Typography variant="body2">{t('accessRecovery.change', { role: d.role, from: d.previousHolder, to: d.newHolder })}</Typography>
      <Stack direction="row" spacing={0.5} sx={{ my: 1, flexWrap: 'wrap' }}>
        {(d.documents ?? []).map((doc) => (
          <Chip key={doc.name} size="small" variant="outlined" label={doc.name} />
        ))}
      </Stack>
      {c.status === 'approved' && <Alert severity="success">{t('accessRecovery.approvedBy', { by: d.review?.by })}</Alert>}
      {c.status === 'rejected' && <Alert severity="info">{t('accessRecovery.rejectedBy', { by: d.review?.by, reason: d.review?.reason })}</Alert>}
      {c.status === 'submitted' && role === 'agent' && <Typography variant="caption" color="text.secondary">{t('accessRecovery.waiting', { agent: c.agent })}</Typography>}
      {errors.errors.id && <Alert severity="error">{errors.errors.id}</Alert>}
      {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
      {c.status === 'submitted' && role !== 'agent' && (
        <Stack spacing={1}>
          <TextField size="small" name="rejectReason" label={t('accessRecovery.rejectReason')} value={rejectReason} onChange={(e) => setRejectReason(e.target.value)} {...errors.props('reason')} />
          <Stack direction="row" spacing={1}>
            <Button size="small" variant="contained" onClick={() => void run(() => call('accessRecovery.approve', { id: c.id }))}>
              {t('accessRecovery.approve')}
            </Button>
            <Button size="small" variant="outlined" onClick={() => void run(() => call('accessRecovery.reject', { id: c.id, reason: rejectReason }))}>
              {t('accessRecovery.reject')}
            </Button>
          </Stack>
        </Stack>
      )}
    </Paper>
  );
}
