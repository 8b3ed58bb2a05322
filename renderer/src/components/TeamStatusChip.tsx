// The workspace header's sign of the team link: online, syncing, or offline with changes waiting.
import { Chip } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../state/navigation.js';
import { useTeam } from '../state/team.js';

const COLOR = { online: 'success', syncing: 'info', offline: 'warning' } as const;

export function TeamStatusChip() {
  const { t } = useTranslation();
  const { status, follow } = useTeam();
  const { open } = useNavigation();
  useEffect(() => follow(), [follow]);
  if (!status || status.mode === 'solo') return null;
  const label = t(`team.status.${status.state}`, { count: status.waiting });
  return (
    <>
      <Chip
        size="small"
        color={COLOR[status.state]}
        label={status.waiting > 0 ? `${label} · ${t('team.status.waiting', { count: status.waiting })}` : label}
        title={status.needsSignIn ? t('team.status.needsSignIn', { operator: status.needsSignIn }) : undefined}
        data-testid="team-status"
        data-state={status.state}
        data-waiting={status.waiting}
      />
      {status.conflicts > 0 && (
        <Chip
          size="small"
          color="error"
          label={t('team.status.conflicts', { count: status.conflicts })}
          onClick={() => open('team-conflicts')}
          data-testid="team-conflicts"
        />
      )}
    </>
  );
}
