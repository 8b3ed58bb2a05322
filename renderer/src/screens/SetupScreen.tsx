import { Alert, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.js';
import { CenteredCard } from '../components/CenteredCard.js';
import { useFieldErrors } from '../components/useFieldErrors.js';
import { useSession } from '../state/session.js';

export function SetupScreen() {
  const { t } = useTranslation();
  const signedIn = useSession((s) => s.signedIn);
  const errors = useFieldErrors();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', confirm: '' });
  const [busy, setBusy] = useState(false);
  const bind = (field: keyof typeof form) => ({
    name: field,
    value: form[field],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value }),
    ...errors.props(field),
  });

  async function submit() {
    errors.clear();
    if (form.password !== form.confirm) return errors.set('confirm', t('setup.mismatch'));
    setBusy(true);
    try {
      const { confirm: _, ...input } = form;
      signedIn(await call('setup.createManager', input));
    } catch (error) {
      errors.fromError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <CenteredCard title={t('setup.title')} intro={t('setup.intro')} onSubmit={submit}>
      <TextField label={t('setup.username')} autoFocus autoComplete="username" {...bind('username')} />
      <TextField label={t('setup.displayName')} {...bind('displayName')} />
      <TextField label={t('setup.password')} type="password" autoComplete="new-password" {...bind('password')} />
      <TextField label={t('setup.confirm')} type="password" autoComplete="new-password" {...bind('confirm')} />
      {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
      <Button type="submit" variant="contained" disabled={busy}>
        {t('setup.submit')}
      </Button>
    </CenteredCard>
  );
}
