// An agent's level (L1, L2, L3), changed in place; supervisors and managers are the supervisor level by role.
import { MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../../shared/contract/index.js';
import { LEVELS, type Level } from '../../../../shared/domain/ownership.js';
import { ApiError, call } from '../../api/client.js';
import { levelLabel } from '../../components/ownership.js';
import { localiseServerMessage } from '../../i18n/server-errors.js';

export function LevelSelect({ operator }: { operator: OperatorView }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | undefined>();
  if (operator.role !== 'agent') return <Typography variant="body2">{levelLabel(t, operator.level)}</Typography>;
  async function change(level: Level) {
    setError(undefined);
    try {
      await call('operators.setLevel', { username: operator.username, level });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(localiseServerMessage(e.message, i18n.language));
    }
  }
  return (
    <TextField
      select
      size="small"
      variant="standard"
      value={operator.level}
      onChange={(e) => void change(e.target.value as Level)}
      error={error !== undefined}
      helperText={error}
      slotProps={{ htmlInput: { 'aria-label': `${t('operators.columns.level')} ${operator.username}`, 'data-testid': `level-${operator.username}` } }}
    >
      {LEVELS.filter((l) => l !== 'supervisor').map((l) => (
        <MenuItem key={l} value={l}>
          {levelLabel(t, l)}
        </MenuItem>
      ))}
    </TextField>
  );
}
