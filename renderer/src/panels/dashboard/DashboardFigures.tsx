// The dashboard's figures for one summary: the numbers a manager reads first. The charts, lists
// and per-agent table below them (DashboardCharts) are drawn after these are on screen.
import { Paper, Stack, Typography } from '@mui/material';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../../shared/contract/dashboard.js';

function Figure({ label, value, sub }: { label: string; value: string | number; sub?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 1, minWidth: 130, flex: 1 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h6" data-figure={label}>
        {value}
      </Typography>
      {sub && (
        <Typography variant="caption" color="text.secondary">
          {sub}
        </Typography>
      )}
    </Paper>
  );
}

export const DashboardFigures = memo(function DashboardFigures({ summary: s }: { summary: DashboardSummary }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} aria-label={t('dashboard.figures')}>
      <Figure label={t('dashboard.totalCases')} value={s.totalCases} />
      <Figure label={t('dashboard.slaCompliance')} value={s.sla.compliancePercent === '—' ? '—' : `${s.sla.compliancePercent}%`} sub={t('dashboard.slaSub', s.sla)} />
      <Figure label={t('dashboard.escalations')} value={s.escalations.count} />
      <Figure label={t('dashboard.refunds')} value={s.refunds.completedAmount} sub={t('dashboard.refundSub', s.refunds)} />
      <Figure label={t('dashboard.compensation')} value={s.compensation.amount} sub={t('dashboard.compensationSub', s.compensation)} />
      <Figure label={t('dashboard.complaints')} value={s.complaints.count} />
    </Stack>
  );
});
