// The incident template a work order was opened with, on the case page: start in the desk's zone.
import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { IncidentFields } from '../../../../shared/domain/work-order.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';

export function IncidentSection({ incident }: { incident: IncidentFields }) {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const rows: [string, string | undefined][] = [
    ['startTime', incident.startTime && formatDateTime(incident.startTime, i18n.language, timeZone)],
    ['region', incident.region],
    ['affectedServices', incident.affectedServices?.join(', ')],
    ['symptoms', incident.symptoms],
    ['errorCodes', incident.errorCodes?.join(', ')],
    ['mitigationAttempted', incident.mitigationAttempted],
  ];
  return (
    <Box data-testid="incident-template" sx={{ mt: 1 }}>
      <Typography variant="subtitle2">{t('workOrders.page.incident')}</Typography>
      {rows
        .filter(([, value]) => value)
        .map(([field, value]) => (
          <Typography key={field} variant="body2" data-field={field}>
            {t(field === 'affectedServices' ? 'workOrders.page.affectedServices' : `workOrders.incidentFields.${field}`)}: {value}
          </Typography>
        ))}
    </Box>
  );
}
