// On a joined desk's dashboard: case counts over the whole center from the team server's SQL
// (not this desk's replica), or a note that offline only the replica's figures are shown.
// Nothing on a desk without a team.
import { Box, Paper, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CenterReportView, TeamReport } from '../../../../shared/contract/team.js';
import { call } from '../../api/client.js';
import { statusLabel } from '../../i18n/labels.js';

function Counts({ title, rows }: { title: string; rows: Array<{ key: string; count: number }> }) {
  return (
    <Box sx={{ minWidth: 160 }}>
      <Typography variant="caption" color="text.secondary">
        {title}
      </Typography>
      <Table size="small">
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableCell sx={{ py: 0.25 }}>{row.key}</TableCell>
              <TableCell sx={{ py: 0.25 }} align="right">
                {row.count}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

export function CenterReport({ from, to }: { from?: string; to?: string }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<CenterReportView | null>(null);
  useEffect(() => {
    let current = true;
    call('team.report', { ...(from ? { from } : {}), ...(to ? { to } : {}) }).then(
      (answer) => current && setView(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [from, to]);

  if (!view || view.source === 'solo') return null;
  const report: TeamReport | undefined = view.report;
  return (
    <Paper variant="outlined" sx={{ p: 1 }} role="region" aria-label={t('team.center.report')} data-testid="center-report" data-source={view.source}>
      <Typography variant="subtitle2" component="h3">
        {t('team.center.report')}
      </Typography>
      {!report ? (
        <Typography variant="caption" color="warning.main">
          {t('team.center.offlineReport')}
        </Typography>
      ) : (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <Box>
            <Typography variant="caption" color="text.secondary">
              {t('team.center.total')}
            </Typography>
            <Typography variant="h6" data-testid="center-total">
              {report.total}
            </Typography>
          </Box>
          <Counts title={t('team.center.byType')} rows={report.byType.map((r) => ({ key: t(`workOrders.type.${r.type}`, { defaultValue: r.type }), count: r.count }))} />
          <Counts title={t('team.center.byStatus')} rows={report.byStatus.map((r) => ({ key: statusLabel(r.status, i18n.language), count: r.count }))} />
          <Counts title={t('team.center.byDesk')} rows={report.byDesk.map((r) => ({ key: r.deskCode ?? t('team.center.center'), count: r.count }))} />
          <Counts title={t('team.center.byAgent')} rows={report.byAgent.map((r) => ({ key: r.agent ?? t('team.center.none'), count: r.count }))} />
        </Box>
      )}
    </Paper>
  );
}
