// The dashboard's charts (they export as PNG), reason lists and per-agent table for one summary.
// Memoised, and given the summary after the figures above them are on screen (DashboardPanel):
// a year of days is the costly part of the dashboard to draw.
import { Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { memo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counted, DashboardSummary } from '../../../../shared/contract/dashboard.js';
import { downloadSvgAsPng } from './download.js';
import { levelLabel } from '../../components/ownership.js';

/** A year of days has 366 points: a tick (and label) on every k-th keeps about 31, and spares the chart measuring every label. */
function sparseTicks(points: number) {
  const step = Math.ceil(points / 31);
  return step <= 1 ? {} : { tickInterval: (_: unknown, index: number) => index % step === 0, tickLabelInterval: () => true };
}

function ChartCard({ title, name, children }: { title: string; name: string; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const exportPng = () => {
    const svg = ref.current?.querySelector<SVGSVGElement>('svg.MuiChartsSurface-root') ?? ref.current?.querySelector('svg');
    if (svg) void downloadSvgAsPng(svg, `${name}.png`);
  };
  return (
    <Paper variant="outlined" sx={{ p: 1, minWidth: 0 }} role="region" aria-label={title}>
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <Typography variant="subtitle2" component="h3" sx={{ flex: 1 }}>
          {title}
        </Typography>
        <Button size="small" onClick={exportPng}>
          {t('dashboard.png')}
        </Button>
      </Box>
      <Box ref={ref}>{children}</Box>
    </Paper>
  );
}

function CountList({ title, items, label }: { title: string; items: Counted[]; label?: (key: string) => string }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 1, minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('dashboard.none')}
        </Typography>
      ) : (
        items.slice(0, 8).map((i) => (
          <Typography key={i.key} variant="body2">
            {(label ? label(i.key) : i.key) || t('dashboard.noReason')}: {i.count}
          </Typography>
        ))
      )}
    </Paper>
  );
}

export const DashboardCharts = memo(function DashboardCharts({ summary: s }: { summary: DashboardSummary }) {
  const { t } = useTranslation();
  const bars = (items: Counted[], label: (k: string) => string) => ({
    xAxis: [{ scaleType: 'band' as const, data: items.map((i) => label(i.key)), tickLabelInterval: () => true, height: 28 }],
    series: [{ data: items.map((i) => i.count), label: t('dashboard.cases') }],
  });
  // Long labels (categories) lie along the bars instead of overlapping under them.
  const horizontalBars = (items: Counted[], label: (k: string) => string) => ({
    layout: 'horizontal' as const,
    yAxis: [{ scaleType: 'band' as const, data: items.map((i) => label(i.key)), width: 130 }],
    series: [{ data: items.map((i) => i.count), label: t('dashboard.cases') }],
  });
  return (
    <>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))', gap: 1 }}>
        <ChartCard title={t('dashboard.overTime')} name={`cases-over-time-${s.from}-${s.to}`}>
          <LineChart
            skipAnimation
            height={220}
            xAxis={[{ scaleType: 'point', data: s.series.map((p) => p.period.slice(5)), height: 28, ...sparseTicks(s.series.length) }]}
            series={[{ data: s.series.map((p) => p.count), label: t('dashboard.cases'), showMark: s.series.length <= 31, area: true }]}
            hideLegend
          />
        </ChartCard>
        <ChartCard title={t('dashboard.byChannel')} name={`cases-by-channel-${s.from}-${s.to}`}>
          <BarChart skipAnimation height={220} {...bars(s.byChannel, (k) => t(`dashboard.channels.${k}`))} hideLegend />
        </ChartCard>
        <ChartCard title={t('dashboard.byCategory')} name={`cases-by-category-${s.from}-${s.to}`}>
          <BarChart skipAnimation height={Math.max(220, 28 * s.byCategory.length + 40)} {...horizontalBars(s.byCategory, (k) => t(`dashboard.categories.${k}`, { defaultValue: k }))} hideLegend />
        </ChartCard>
        <ChartCard title={t('dashboard.bySeverity')} name={`cases-by-severity-${s.from}-${s.to}`}>
          <BarChart skipAnimation height={220} {...bars(s.bySeverity, (k) => k)} hideLegend />
        </ChartCard>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: 1 }}>
        <CountList title={t('dashboard.rejectionReasons')} items={s.refunds.rejectionReasons} />
        <CountList title={t('dashboard.exclusionReasons')} items={s.compensation.exclusionReasons} />
        <CountList title={t('dashboard.escalationLevels')} items={s.escalations.byLevel} label={(k) => levelLabel(t, k)} />
      </Box>
      <Paper variant="outlined" sx={{ p: 1 }}>
        <Typography variant="subtitle2" component="h3">
          {t('dashboard.perAgent')}
        </Typography>
        <Table size="small" aria-label={t('dashboard.perAgent')}>
          <TableHead>
            <TableRow>
              {(['agent', 'cases', 'refunds', 'compensation', 'complaints', 'firstResponseMet', 'firstResponseBreached'] as const).map((k) => (
                <TableCell key={k}>{t(`dashboard.columns.${k}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {s.agents.map((a) => (
              <TableRow key={a.agent}>
                <TableCell>{a.agent}</TableCell>
                <TableCell>{a.cases}</TableCell>
                <TableCell>{a.refunds}</TableCell>
                <TableCell>{a.compensation}</TableCell>
                <TableCell>{a.complaints}</TableCell>
                <TableCell>{a.firstResponseMet}</TableCell>
                <TableCell>{a.firstResponseBreached}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </>
  );
});
