import {
  Alert,
  Box,
  Button,
  Chip,
  MenuItem,
  Paper,
  Snackbar,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../../shared/contract/index.js';
import { ROLES, type Role } from '../../../../shared/domain/case.js';
import { LEVELS, type Level } from '../../../../shared/domain/ownership.js';
import { levelLabel } from '../../components/ownership.js';
import { call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { submitOnCtrlEnter } from '../../components/workspace.js';
import { useSession } from '../../state/session.js';
import { isLocked, LockChip } from './LockChip.js';
import { ReasonDialog } from './ReasonDialog.js';
import { LevelSelect } from './LevelSelect.js';

const EMPTY = { username: '', displayName: '', password: '', role: 'agent' as Role, level: 'L1' as Level };

/** Managers add agents and supervisors and deactivate leavers; supervisors and managers set agents' levels; every change is an audit event. */
export function OperatorsPanel() {
  const { t } = useTranslation();
  const me = useSession((s) => s.operator);
  const errors = useFieldErrors();
  const list = useDeskQuery('operators.list', {}, { refreshOn: ['operators'] });
  const operators = list.data ?? [];
  const [form, setForm] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const [toggling, setToggling] = useState<OperatorView | null>(null);
  const [unlocking, setUnlocking] = useState<OperatorView | null>(null);


  async function create() {
    errors.clear();
    try {
      const { level: _level, ...rest } = form; // supervisors and managers are the supervisor level by role
      const operator = await call('operators.create', form.role === 'agent' ? form : rest);
      setCreated(operator.username);
      setForm(EMPTY);
    } catch (error) {
      errors.fromError(error);
    }
  }

  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    ...errors.props(name),
  });

  const manager = me?.role === 'manager';
  return (
    <Stack spacing={2}>
      {manager && <Paper
        variant="outlined"
        sx={{ p: 2 }}
        component="form"
        aria-label={t('operators.add')}
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
        onKeyDown={submitOnCtrlEnter(() => void create())}
      >
        <Typography variant="h6" component="h2">
          {t('operators.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('operators.intro')}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr 140px 160px auto', gap: 2, alignItems: 'start' }}>
          <TextField label={t('operators.username')} autoComplete="off" {...field('username')} />
          <TextField label={t('operators.displayName')} {...field('displayName')} />
          <TextField label={t('operators.password')} type="password" autoComplete="new-password" {...field('password')} />
          <TextField select label={t('operators.role')} {...field('role')}>
            {ROLES.map((role) => (
              <MenuItem key={role} value={role}>
                {t(`app.role.${role}`)}
              </MenuItem>
            ))}
          </TextField>
          {form.role === 'agent' ? (
            <TextField select label={t('operators.columns.level')} {...field('level')}>
              {LEVELS.filter((l) => l !== 'supervisor').map((l) => (
                <MenuItem key={l} value={l}>
                  {levelLabel(t, l)}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <TextField label={t('operators.columns.level')} value={levelLabel(t, 'supervisor')} disabled />
          )}
          <Button type="submit" variant="contained">
            {t('operators.create')}
          </Button>
        </Box>
        {errors.errors.form && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {errors.errors.form}
          </Alert>
        )}
      </Paper>}
      <Paper variant="outlined">
        <Table size="small" aria-label={t('operators.title')}>
          <TableHead>
            <TableRow>
              {(['username', 'displayName', 'role', 'level', 'state', 'action'] as const).map((column) => (
                <TableCell key={column}>{t(`operators.columns.${column}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {operators.map((operator) => (
              <TableRow key={operator.username} data-operator={operator.username}>
                <TableCell>{operator.username}</TableCell>
                <TableCell>{operator.displayName}</TableCell>
                <TableCell>{t(`app.role.${operator.role}`)}</TableCell>
                <TableCell>
                  <LevelSelect operator={operator} />
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={operator.active ? 'success' : 'default'}
                    label={t(operator.active ? 'operators.active' : 'operators.inactive')}
                  />
                  <LockChip operator={operator} />
                </TableCell>
                <TableCell align="right">
                  {manager && isLocked(operator) && (
                    <Button size="small" onClick={() => setUnlocking(operator)}>
                      {t('operators.unlock')}
                    </Button>
                  )}
                  {manager && operator.username !== me?.username && (
                    <Button size="small" onClick={() => setToggling(operator)}>
                      {t(operator.active ? 'operators.deactivate' : 'operators.activate')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {toggling && (
        <ReasonDialog
          title={`${t(toggling.active ? 'operators.deactivate' : 'operators.activate')} · ${toggling.displayName}`}
          onConfirm={(reason) => call('operators.setActive', { username: toggling.username, active: !toggling.active, reason })}
          onClose={() => setToggling(null)}
        />
      )}
      {unlocking && (
        <ReasonDialog
          title={`${t('operators.unlock')} · ${unlocking.displayName}`}
          onConfirm={(reason) => call('operators.unlock', { username: unlocking.username, reason })}
          onClose={() => setUnlocking(null)}
        />
      )}
      <Snackbar open={created !== null} autoHideDuration={4000} onClose={() => setCreated(null)} message={t('operators.created', { username: created })} />
    </Stack>
  );
}
