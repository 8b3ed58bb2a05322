// Above a case read from the team server: where it comes from and that it cannot be changed
// here, or, offline, that it cannot be read until the desk is online again.
import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CenterCaseView } from '../../../../shared/contract/team.js';

export function CenterCaseNote({ read }: { read: CenterCaseView | undefined }) {
  const { t } = useTranslation();
  if (!read) return null;
  if (read.source !== 'server') {
    return (
      <Alert severity="warning" data-testid="center-case-note" data-source={read.source} sx={{ mb: 1.5 }}>
        {t('team.center.caseOffline')}
      </Alert>
    );
  }
  return (
    <Alert severity="info" data-testid="center-case-note" data-source="server" sx={{ mb: 1.5 }}>
      {t('team.center.caseFromServer', { days: read.replicaDays })}
    </Alert>
  );
}
