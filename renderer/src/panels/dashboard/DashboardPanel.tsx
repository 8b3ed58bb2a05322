// The manager's dashboard (issue 6): figures for a date range and filters (DashboardFigures:
// charts that export as PNG), and report exports (CSV/XLSX/PDF) streamed by the main process
// with a progress bar and a cancel.
import { Alert, Box, Button, LinearProgress, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, SEVERITIES } from '../../../../shared/domain/case.js';
import { REPORT_FORMATS, REPORT_NAMES } from '../../../../shared/contract/dashboard.js';
import { call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { submitOnCtrlEnter } from '../../components/workspace.js';
import { useSession } from '../../state/session.js';
import { addDays, instantInZone } from '../../../../shared/rules/zone.js';
import { CenterReport } from '../team/CenterReport.js';
import { downloadBase64, downloadLink } from '../../components/download.js';
import { DashboardCharts } from './DashboardCharts.js';
import { DashboardFigures } from './DashboardFigures.js';

/** Dims figures still loading by a rule that never changes (a new style rule restyles the whole page). */
const DIMMED = { '&[aria-busy=true]': { opacity: 0.5 } };

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** YYYY-MM-DD in the zone (one formatter per zone: making one costs more than a render of the form). */
const dateIn = (ms: number, timeZone: string) => {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(new Date(ms));
};

/** An id for one export, so its progress events and its cancel are told apart from another window's. */
const newExportId = () => `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const ExportSection = memo(function ExportSection({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const [report, setReport] = useState<(typeof REPORT_NAMES)[number]>('cases');
  const [format, setFormat] = useState<(typeof REPORT_FORMATS)[number]>('csv');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ severity: 'success' | 'info'; text: string } | null>(null);
  const running = useRef<{ id: string; cancelled: boolean } | null>(null);

  useEffect(() => window.api.on('export.progress', (p) => p.exportId === running.current?.id && setProgress({ done: p.done, total: p.total })), []);

  async function run() {
    errors.clear();
    setDone(null);
    setProgress(null);
    setBusy(true);
    const exportId = newExportId();
    running.current = { id: exportId, cancelled: false };
    try {
      const file = await call('reports.export', { report, format, from, to, exportId });
      downloadLink(file.url, file.fileName);
      setDone({ severity: 'success', text: t('dashboard.exported', { rows: file.rows, file: file.fileName }) });
    } catch (error) {
      if (running.current?.cancelled) {
        setProgress(null);
        setDone({ severity: 'info', text: t('dashboard.cancelled') });
      } else errors.fromError(error);
    } finally {
      running.current = null;
      setBusy(false);
    }
  }

  async function cancel() {
    const current = running.current;
    if (!current) return;
    current.cancelled = true;
    try {
      await call('reports.cancelExport', { exportId: current.id });
    } catch (error) {
      errors.fromError(error);
    }
  }

  const percent = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : busy ? 0 : 100;
  return (
    <Paper variant="outlined" sx={{ p: 1 }} component="form" aria-label={t('dashboard.exportTitle')} onSubmit={(e) => (e.preventDefault(), void run())}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {t('dashboard.exportTitle')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}>
        <TextField select size="small" name="report" label={t('dashboard.report')} value={report} onChange={(e) => setReport(e.target.value as typeof report)} sx={{ width: 150 }} {...errors.props('report')}>
          {REPORT_NAMES.map((r) => (
            <MenuItem key={r} value={r}>
              {t(`dashboard.reports.${r}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" name="format" label={t('dashboard.format')} value={format} onChange={(e) => setFormat(e.target.value as typeof format)} sx={{ width: 100 }}>
          {REPORT_FORMATS.map((f) => (
            <MenuItem key={f} value={f}>
              {f.toUpperCase()}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" sx={{ alignSelf: 'center' }}>
          {t('dashboard.range', { from, to })}
        </Typography>
        <Button type="submit" variant="contained" disabled={busy}>
          {t('dashboard.export')}
        </Button>
        {busy && (
          <Button variant="outlined" color="warning" onClick={() => void cancel()}>
            {t('dashboard.cancelExport')}
          </Button>
        )}
      </Stack>
      {(busy || progress) && (
        <Box sx={{ mt: 1 }}>
          <LinearProgress variant="determinate" value={percent} aria-label={t('dashboard.progress')} />
          <Typography variant="caption">{progress ? t('dashboard.rowsDone', progress) : t('dashboard.preparing')}</Typography>
        </Box>
      )}
      {done && (
        <Alert severity={done.severity} sx={{ mt: 1 }}>
          {done.text}
        </Alert>
      )}
      {(errors.errors.form || errors.errors.to || errors.errors.from) && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {errors.errors.form ?? errors.errors.to ?? errors.errors.from}
        </Alert>
      )}
    </Paper>
  );
});

export function DashboardPanel() {
  const { t } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const errors = useFieldErrors();
  const [from, setFrom] = useState(() => dateIn(Date.now() - 29 * 86_400_000, timeZone));
  const [to, setTo] = useState(() => dateIn(Date.now(), timeZone));
  const [bucket, setBucket] = useState<'day' | 'week'>('day');
  const [channel, setChannel] = useState('');
  const [severity, setSeverity] = useState('');
  const [agent, setAgent] = useState('');

  const query = () => ({
    from,
    to,
    bucket,
    ...(channel ? { channel: channel as (typeof CHANNELS)[number] } : {}),
    ...(severity ? { severity: severity as (typeof SEVERITIES)[number] } : {}),
    ...(agent.trim() ? { agent: agent.trim() } : {}),
  });
  // The figures follow the filters last applied, and every case change after that.
  const [applied, setApplied] = useState(query);
  // The last figures stay on screen (dimmed) while new ones load: the charts update in place
  // instead of being built again, which costs more than the figures themselves.
  const figures = useDeskQuery('dashboard.summary', applied, { refreshOn: ['cases'], keepPrevious: true });
  const summary = figures.data ?? null;
  const stale = figures.stale;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void (figures.error && errors.fromError(figures.error)), [figures.error]);
  function load() {
    errors.clear();
    const next = query();
    if (JSON.stringify(next) === JSON.stringify(applied)) figures.refresh();
    else setApplied(next);
  }
  async function pdf() {
    errors.clear();
    try {
      const file = await call('reports.dashboardPdf', query());
      downloadBase64(file.base64, file.mimeType, file.fileName);
    } catch (error) {
      errors.fromError(error);
    }
  }
  // The filters are drawn again only when one of them (or an error under them) changes: asking
  // for the figures, and their answer, redraw the figures alone.
  const fields = useMemo(
    () => (
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'flex-start' }}>
        <TextField size="small" type="date" name="from" label={t('dashboard.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 160 }} {...errors.props('from')} />
        <TextField size="small" type="date" name="to" label={t('dashboard.to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 160 }} {...errors.props('to')} />
        <TextField select size="small" name="bucket" label={t('dashboard.bucket')} value={bucket} onChange={(e) => setBucket(e.target.value as 'day' | 'week')} sx={{ width: 100 }}>
          <MenuItem value="day">{t('dashboard.day')}</MenuItem>
          <MenuItem value="week">{t('dashboard.week')}</MenuItem>
        </TextField>
        <TextField select size="small" name="channel" label={t('dashboard.channel')} value={channel} onChange={(e) => setChannel(e.target.value)} sx={{ width: 120 }}>
          <MenuItem value="">{t('dashboard.all')}</MenuItem>
          {CHANNELS.map((c) => (
            <MenuItem key={c} value={c}>
              {t(`dashboard.channels.${c}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" name="severity" label={t('dashboard.severity')} value={severity} onChange={(e) => setSeverity(e.target.value)} sx={{ width: 110 }}>
          <MenuItem value="">{t('dashboard.all')}</MenuItem>
          {SEVERITIES.map((v) => (
            <MenuItem key={v} value={v}>
              {v}
            </MenuItem>
          ))}
        </TextField>
        <TextField size="small" name="agent" label={t('dashboard.agent')} value={agent} onChange={(e) => setAgent(e.target.value)} sx={{ width: 140 }} />
        <Button type="submit" variant="contained">
          {t('dashboard.show')}
        </Button>
        <Button variant="outlined" onClick={() => void pdf()}>
          {t('dashboard.pdf')}
        </Button>
      </Stack>
    ),
    // the fields and pdf() read only these
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [from, to, bucket, channel, severity, agent, errors.errors, t],
  );
  // The charts are given the new figures after the figures themselves are on screen (a deferred,
  // interruptible render): drawing a year of days is the costly part of a dashboard.
  const charts = useDeferredValue(summary);
  const centerFrom = new Date(instantInZone(applied.from, 0, timeZone)).toISOString();
  const centerTo = new Date(instantInZone(addDays(applied.to, 1), 0, timeZone)).toISOString();
  const center = useMemo(() => <CenterReport from={centerFrom} to={centerTo} />, [centerFrom, centerTo]);
  return (
    <Stack spacing={1.5}>
      <Paper
        variant="outlined"
        sx={{ p: 1 }}
        component="form"
        aria-label={t('dashboard.filters')}
        onSubmit={(e) => (e.preventDefault(), void load())}
        onKeyDown={submitOnCtrlEnter(() => void load())}
      >
        {fields}
        {errors.errors.form && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {errors.errors.form}
          </Alert>
        )}
        <Box sx={{ height: 4, mt: 1 }}>{figures.loading && <LinearProgress aria-label={t('dashboard.loading')} />}</Box>
      </Paper>

      {summary && (
        <Stack spacing={1.5} sx={DIMMED} aria-busy={stale}>
          <DashboardFigures summary={summary} />
          {charts && (
            <Stack spacing={1.5} sx={DIMMED} aria-busy={!stale && charts !== summary}>
              <DashboardCharts summary={charts} />
            </Stack>
          )}
        </Stack>
      )}
      {center}
      <ExportSection from={from} to={to} />
    </Stack>
  );
}
