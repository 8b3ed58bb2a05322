// The team desk's own settings, for managers: which team server it joined, and how many days of
// settled cases its replica keeps (older ones stay on the server, found by search).
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { useSession } from '../../state/session.js';
import { useTeam } from '../../state/team.js';

const DEFAULT_DAYS = 90;

export function TeamSettings() {
  const { t } = useTranslation();
  const manager = useSession((s) => s.operator?.role === 'manager');
  const settings = useSession((s) => s.settings);
  const serverUrl = useTeam((s) => s.status?.serverUrl);
  const [days, setDays] = useState(String(settings?.replicaDays ?? DEFAULT_DAYS));
  const [saved, setSaved] = useState(false);
  const errors = useFieldErrors();
  if (!manager) return null;

  async function save() {
    errors.clear();
    setSaved(false);
    try {
      // Sent as typed: the contract names what is wrong ("whole days", "at least 7 days") beside the field.
      const updated = await call('settings.updateDesk', { replicaDays: days.trim() === '' ? Number.NaN : Number(days) });
      useSession.setState({ settings: updated });
      setDays(String(updated.replicaDays ?? DEFAULT_DAYS));
      setSaved(true);
    } catch (error) {
      errors.fromError(error);
    }
  }

  return (
    <Box component="section" data-testid="team-settings" sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h3">
        {t('team.settings.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('team.settings.server')}: <code data-testid="team-url">{serverUrl ?? settings?.teamUrl ?? ''}</code>
      </Typography>
      <Stack
        direction="row"
        spacing={1}
        component="form"
        noValidate
        sx={{ alignItems: 'flex-start' }}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField
          size="small"
          name="replicaDays"
          type="number"
          label={t('team.settings.replicaDays')}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          slotProps={{ htmlInput: { min: 7, max: 3650, step: 1 } }}
          {...errors.props('replicaDays', t('team.settings.replicaHint'))}
        />
        <Button type="submit" variant="contained" size="small" sx={{ mt: 0.5 }}>
          {t('team.settings.save')}
        </Button>
      </Stack>
      {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
      {saved && (
        <Alert severity="success" sx={{ mt: 1 }}>
          {t('team.settings.saved')}
        </Alert>
      )}
    </Box>
  );
}
