import { Alert, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.js';
import { CenteredCard } from '../components/CenteredCard.js';
import { useFieldErrors } from '../components/useFieldErrors.js';
import { useSession } from '../state/session.js';

export function SignInScreen() {
  const { t } = useTranslation();
  const { signedIn, settings } = useSession();
  const errors = useFieldErrors();
  const [username, setUsername] = useState(settings?.lastOperator ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit() {
    errors.clear();
    setBusy(true);
    try {
      signedIn(await call('session.signIn', { username, password }));
    } catch (error) {
      errors.fromError(error);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <CenteredCard title={t('signIn.title')} onSubmit={submit}>
      <TextField
        label={t('signIn.username')}
        name="username"
        autoComplete="username"
        autoFocus={!username}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        {...errors.props('username')}
      />
      <TextField
        label={t('signIn.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        autoFocus={!!username}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        {...errors.props('password')}
      />
      {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
      <Button type="submit" variant="contained" disabled={busy}>
        {t('signIn.submit')}
      </Button>
    </CenteredCard>
  );
}
