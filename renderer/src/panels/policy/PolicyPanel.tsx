// The manager's policy editor (issue 6): versions, one version's figures, a draft with the
// usual edits, a preview against recent decisions, and publishing with an effective date.
import { Alert, Box, Button, Chip, List, ListItemButton, ListItemText, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewRow } from '../../../../shared/contract/policy-editor.js';
import { SEVERITIES } from '../../../../shared/domain/case.js';
import type { Policy } from '../../../../shared/rules/policy.js';
import { FAULT_SCENARIOS } from '../../../../shared/rules/requests.js';
import { call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { submitOnCtrlEnter } from '../../components/workspace.js';
import { nextDeskMidnight, useDeskTimeZone } from '../../components/desk-time.js';
import { formatDateTime } from '../../i18n/index.js';

type Draft = Policy & Record<string, unknown>;

/** Sets a value at a dotted path of a copy. */
function setPath<T>(value: T, path: string[], next: unknown): T {
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[head!] = rest.length ? setPath(copy[head!], rest, next) : next;
  return copy as T;
}
const num = (raw: string): number | string => (raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw);
const list = (raw: string) => raw.split(/[\s,，]+/).filter(Boolean);
const spanText = (span: unknown) => {
  const s = span as { minutes?: number; workingDays?: number };
  return s.minutes !== undefined ? String(s.minutes) : `${s.workingDays ?? ''}wd`;
};
const spanOf = (raw: string) => (/^\s*\d+\s*wd\s*$/i.test(raw) ? { workingDays: Number(raw.replace(/\D/g, '')) } : { minutes: num(raw) });

export function PolicyPanel() {
  const { t, i18n } = useTranslation();
  const timeZone = useDeskTimeZone();
  const errors = useFieldErrors();
  const publishedVersions = useDeskQuery('policyEditor.versions', {}, { refreshOn: ['policyVersions', 'calendar'] }).data;
  const versions = publishedVersions?.versions ?? [];
  const calendar = publishedVersions?.calendar ?? null;
  const [viewedId, setViewedId] = useState<string | null>(null);
  const viewed = useDeskQuery('policyEditor.get', viewedId ? { id: viewedId } : null).data ?? null;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [calendarText, setCalendarText] = useState({ addHolidays: '', removeHolidays: '', addWorking: '', years: '' });
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  const [published, setPublished] = useState<string | null>(null);

  // The calendar edits as published fill the form; a new publication refills it.
  useEffect(() => {
    if (!calendar) return;
    setCalendarText({
      addHolidays: calendar.added.holidays.join(', '),
      removeHolidays: calendar.removed.holidays.join(', '),
      addWorking: calendar.added.workingWeekends.join(', '),
      years: calendar.years.join(', '),
    });
  }, [calendar]);
  const inForce = (versions.find((x) => x.inForce) ?? versions.at(-1))?.id;
  useEffect(() => setViewedId((id) => id ?? inForce ?? null), [inForce]);
  const view = (id: string) => setViewedId(id);

  const startDraft = (base: Policy) => {
    setDraft({ ...structuredClone(base), id: `${base.id}-next`, effectiveFrom: nextDeskMidnight(Date.now(), timeZone) } as Draft);
    setPreview(null);
    setPublished(null);
    errors.clear();
  };
  const edit = (path: string, value: unknown) => setDraft((d) => (d ? setPath(d, path.split('.'), value) : d));

  const calendarInput = () =>
    calendar && {
      added: { holidays: list(calendarText.addHolidays), workingWeekends: list(calendarText.addWorking) },
      removed: { holidays: list(calendarText.removeHolidays), workingWeekends: calendar.removed.workingWeekends },
      years: list(calendarText.years).map(Number),
    };

  async function runPreview() {
    if (!draft) return;
    errors.clear();
    try {
      const cal = calendarInput();
      setPreview((await call('policyEditor.preview', { policy: draft as never, ...(cal ? { calendar: cal } : {}), limit: 50 })).rows);
    } catch (error) {
      errors.fromError(error);
    }
  }
  async function publish() {
    if (!draft) return;
    errors.clear();
    try {
      const cal = calendarInput();
      const version = await call('policyEditor.publish', { policy: draft as never, ...(cal ? { calendar: cal } : {}), reason });
      setPublished(t('policy.published', { id: version.id, from: version.effectiveFrom }));
      setDraft(null);
      setReason('');
      view(version.id);
    } catch (error) {
      errors.fromError(error);
    }
  }

  const field = (path: string, label: string, value: unknown, parse: (raw: string) => unknown = num, width = 130) => (
    <TextField key={path} size="small" name={path} label={label} value={String(value ?? '')} onChange={(e) => edit(path, parse(e.target.value))} sx={{ width }} {...errors.props(`policy.${path}`)} />
  );

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '260px minmax(0, 1fr)', gap: 1.5, alignItems: 'start' }}>
      <Paper variant="outlined" sx={{ p: 1 }}>
        <Typography variant="subtitle2" component="h2">
          {t('policy.versions')}
        </Typography>
        <List dense aria-label={t('policy.versions')}>
          {versions.map((v) => (
            <ListItemButton key={v.id} selected={viewed?.id === v.id} onClick={() => view(v.id)}>
              <ListItemText primary={v.id} secondary={`${formatDateTime(v.effectiveFrom, i18n.language, timeZone)} · ${t(`policy.source.${v.source}`)}`} />
              {v.inForce && <Chip size="small" color="success" label={t('policy.inForce')} />}
            </ListItemButton>
          ))}
        </List>
        {viewed && (
          <Button variant="outlined" fullWidth onClick={() => startDraft(viewed)}>
            {t('policy.newFrom', { id: viewed.id })}
          </Button>
        )}
      </Paper>

      <Stack spacing={1.5} sx={{ minWidth: 0 }}>
        {published && <Alert severity="success">{published}</Alert>}
        {!draft && viewed && (
          <Paper variant="outlined" sx={{ p: 1 }} aria-label={t('policy.viewing', { id: viewed.id })}>
            <Typography variant="subtitle2" component="h2">
              {t('policy.viewing', { id: viewed.id })}
            </Typography>
            <Typography variant="body2">
              {t('policy.summary', {
                window: viewed.refund.windowHours,
                max: viewed.refund.maxEarlierRefunds,
                common: viewed.icpReward.amounts.common,
                vip: viewed.icpReward.amounts.vip,
              })}
            </Typography>
            <Box component="pre" translate="no" sx={{ fontSize: 12, maxHeight: 380, overflow: 'auto', bgcolor: 'action.hover', p: 1 }}>
              {JSON.stringify(viewed, null, 2)}
            </Box>
          </Paper>
        )}
        {draft && (
          <Paper variant="outlined" sx={{ p: 1 }} component="form" aria-label={t('policy.draft')} onSubmit={(e) => (e.preventDefault(), void runPreview())} onKeyDown={submitOnCtrlEnter(() => void runPreview())}>
            <Typography variant="subtitle2" component="h2" sx={{ mb: 1 }}>
              {t('policy.draft')}
            </Typography>
            <Stack spacing={1.5}>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                {field('id', t('policy.id'), draft.id, (r) => r, 160)}
                {field('effectiveFrom', t('policy.effectiveFrom'), draft.effectiveFrom, (r) => r, 240)}
              </Stack>
              <Typography variant="caption">{t('policy.refundSection')}</Typography>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                {field('refund.windowHours', t('policy.windowHours'), draft.refund.windowHours)}
                {field('refund.maxEarlierRefunds', t('policy.maxEarlierRefunds'), draft.refund.maxEarlierRefunds)}
                {field('refund.minOrders', t('policy.minOrders'), draft.refund.minOrders)}
                {field('refund.maxOrders', t('policy.maxOrders'), draft.refund.maxOrders)}
              </Stack>
              <Typography variant="caption">{t('policy.multipliers')}</Typography>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                {FAULT_SCENARIOS.map((s) => field(`compensation.multipliers.${s}`, t(`policy.scenarios.${s}`), draft.compensation.multipliers[s], (r) => r, 180))}
              </Stack>
              <Typography variant="caption">{t('policy.rewards')}</Typography>
              <Stack direction="row" spacing={1}>
                {field('icpReward.amounts.common', t('policy.rewardCommon'), draft.icpReward.amounts.common, (r) => r)}
                {field('icpReward.amounts.vip', t('policy.rewardVip'), draft.icpReward.amounts.vip, (r) => r)}
              </Stack>
              <Typography variant="caption">{t('policy.responseTargets')}</Typography>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                {SEVERITIES.flatMap((sev) =>
                  (['common', 'vip'] as const).map((who) =>
                    field(`sla.firstResponse.${sev}.${who}`, `${sev} ${t(`policy.${who}`)}`, spanText(draft.sla.firstResponse[sev][who]), spanOf, 120),
                  ),
                )}
              </Stack>
              <Typography variant="caption">{t('policy.calendar')}</Typography>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                {(['addHolidays', 'removeHolidays', 'addWorking', 'years'] as const).map((k) => (
                  <TextField key={k} size="small" name={k} label={t(`policy.${k}`)} value={calendarText[k]} onChange={(e) => setCalendarText({ ...calendarText, [k]: e.target.value })} sx={{ width: 195 }} {...errors.props(k === 'years' ? 'calendar.years' : `calendar`)} />
                ))}
              </Stack>
              <TextField size="small" name="reason" label={t('policy.reason')} value={reason} onChange={(e) => setReason(e.target.value)} {...errors.props('reason')} />
              {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
              {Object.keys(errors.errors).some((k) => k.startsWith('policy.') || k.startsWith('calendar')) && (
                <Alert severity="error">{Object.entries(errors.errors).map(([k, m]) => `${k}: ${m}`).join('; ')}</Alert>
              )}
              <Stack direction="row" spacing={1}>
                <Button type="submit" variant="outlined">
                  {t('policy.preview')}
                </Button>
                <Button variant="contained" onClick={() => void publish()}>
                  {t('policy.publish')}
                </Button>
                <Button onClick={() => setDraft(null)}>{t('policy.cancel')}</Button>
              </Stack>
            </Stack>
          </Paper>
        )}
        {draft && preview && (
          <Paper variant="outlined" sx={{ p: 1 }}>
            <Typography variant="subtitle2" component="h2">
              {t('policy.previewTitle', { count: preview.length, changed: preview.filter((r) => r.changed).length })}
            </Typography>
            <Table size="small" aria-label={t('policy.previewTable')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('policy.case')}</TableCell>
                  <TableCell>{t('policy.kind')}</TableCell>
                  <TableCell>{t('policy.old')}</TableCell>
                  <TableCell>{t('policy.new')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.map((r) => (
                  <TableRow key={r.caseId} selected={r.changed}>
                    <TableCell>{r.caseId}</TableCell>
                    <TableCell>{t(`policy.kinds.${r.kind}`)}</TableCell>
                    <TableCell>
                      {t(`policy.outcomes.${r.oldOutcome}`, { defaultValue: r.oldOutcome })} {r.oldAmount} ({r.oldPolicyVersion})
                    </TableCell>
                    <TableCell>
                      {t(`policy.outcomes.${r.newOutcome}`, { defaultValue: r.newOutcome })} {r.newAmount}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
        )}
      </Stack>
    </Box>
  );
}
