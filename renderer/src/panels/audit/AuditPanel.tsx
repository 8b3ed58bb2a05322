// The supervisor's audit: the hash-chain check, one case's full history, and every event of the
// desk filtered by operator, action and dates, newest first, 200 to a page.
import { Alert, Box, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { actionLabel } from '../../i18n/actions.js';
import { actorLabel, targetLabel } from '../../i18n/labels.js';
import { ChangesInBrief } from './ChangesInBrief.js';
import { localiseServerMessage } from '../../i18n/server-errors.js';
import type { AuditPage, AuditVerdict } from '../../../../shared/contract/approvals.js';
import type { HistoryEntry } from '../../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { useDeskTimeZone } from '../../components/desk-time.js';
import { addDays, instantInZone } from '../../../../shared/rules/zone.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';

const PAGE = 200;

function EventTable({ label, rows, last = 'targets' }: { label: string; last?: 'targets' | 'changes'; rows: { key: string; seq: number; at: string; actor: string; action: string; reason?: string | undefined; targets?: ReactNode }[] }) {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  return (
    <TableContainer sx={{ maxHeight: 300 }}>
      <Table size="small" stickyHeader aria-label={label} sx={{ '& td, & th': { px: 1 } }}>
        <TableHead>
          <TableRow>
            {(['seq', 'at', 'actor', 'action', 'reason', last] as const).map((c) => (
              <TableCell key={c}>{t(`audit.columns.${c}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={6}>{t('audit.none')}</TableCell>
            </TableRow>
          )}
          {rows.map((r) => (
            <TableRow key={r.key} data-seq={r.seq} data-action={r.action}>
              <TableCell>{r.seq}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at, i18n.language, timeZone)}</TableCell>
              <TableCell>{actorLabel(r.actor, i18n.language)}</TableCell>
              <TableCell>{actionLabel(r.action, i18n.language)}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{r.reason ? localiseServerMessage(r.reason, i18n.language) : ''}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{r.targets}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** A day typed in the filter is a day in the desk's zone: from its local midnight to the next. */
const dayStart = (date: string, timeZone: string) => (date ? new Date(instantInZone(date, 0, timeZone)).toISOString() : undefined);
const dayEnd = (date: string, timeZone: string) => (date ? new Date(instantInZone(addDays(date, 1), 0, timeZone)).toISOString() : undefined);

export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [caseId, setCaseId] = useState('');
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const caseErrors = useFieldErrors();
  const filterErrors = useFieldErrors();
  const [filter, setFilter] = useState({ actor: '', action: '', from: '', to: '' });
  const [page, setPage] = useState(0);
  const [events, setEvents] = useState<AuditPage | null>(null);
  const timeZone = useDeskTimeZone();

  const verify = useCallback(() => {
    setVerdict(null);
    setVerifyError(null);
    call('audit.verify', {}).then(setVerdict, (e: unknown) => setVerifyError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(verify, [verify]);

  const load = useCallback(
    (p: number) => {
      filterErrors.clear();
      const from = dayStart(filter.from, timeZone);
      const to = dayEnd(filter.to, timeZone);
      call('audit.events', {
        page: p,
        ...(filter.actor.trim() ? { actor: filter.actor.trim() } : {}),
        ...(filter.action.trim() ? { action: filter.action.trim() } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      }).then((result) => (setEvents(result), setPage(p)), filterErrors.fromError);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filter, timeZone],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => load(0), []);

  async function showCase() {
    caseErrors.clear();
    try {
      const result = await call('cases.get', { id: caseId.trim().toUpperCase() });
      setHistory(result.history);
    } catch (e) {
      setHistory(null);
      caseErrors.fromError(e);
    }
  }

  const pages = events ? Math.max(1, Math.ceil(events.total / PAGE)) : 1;

  return (
    <Stack spacing={1.5} aria-label={t('audit.title')}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {t('audit.title')}
        </Typography>
        {verdict === null && !verifyError && <Chip size="small" label={t('audit.checking')} data-testid="chain-badge" data-state="checking" />}
        {verdict?.ok && <Chip color="success" label={t('audit.verified', { events: verdict.events })} data-testid="chain-badge" data-state="verified" />}
        {verdict && !verdict.ok && (
          <Chip
            color="error"
            label={`${t('audit.broken', { seq: verdict.firstBrokenSeq ?? '?' })}${verdict.finding ? ` — ${verdict.finding}` : ''}`}
            data-testid="chain-badge"
            data-state="broken"
          />
        )}
        {verifyError && <Alert severity="error">{verifyError}</Alert>}
        <Button size="small" onClick={verify}>
          {t('audit.checkAgain')}
        </Button>
      </Box>

      <Paper variant="outlined" sx={{ p: 1.5 }}>
        <Stack direction="row" spacing={1} component="form" onSubmit={(e) => (e.preventDefault(), void showCase())} sx={{ alignItems: 'flex-start', mb: 1 }}>
          <Typography variant="subtitle2" sx={{ pt: 1, minWidth: 120 }}>
            {t('audit.caseTitle')}
          </Typography>
          <TextField size="small" sx={{ width: 220 }} label={t('audit.caseId')} value={caseId} onChange={(e) => setCaseId(e.target.value)} {...caseErrors.props('id')} slotProps={{ htmlInput: { name: 'caseId' } }} />
          <Button type="submit" variant="outlined">
            {t('audit.show')}
          </Button>
        </Stack>
        {caseErrors.errors.form && <Alert severity="error">{caseErrors.errors.form}</Alert>}
        {history && (
          <EventTable
            label={t('audit.caseTitle')}
            last="changes"
            rows={history.map((h) => ({ key: String(h.seq), seq: h.seq, at: h.at, actor: h.actor, action: h.action, reason: h.reason, targets: <ChangesInBrief changes={h.changes} /> }))}
          />
        )}
      </Paper>

      <Paper variant="outlined" sx={{ p: 1.5 }}>
        <Stack direction="row" spacing={1} component="form" onSubmit={(e) => (e.preventDefault(), load(0))} sx={{ alignItems: 'flex-start', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
          <Typography variant="subtitle2" sx={{ pt: 1, minWidth: 120 }}>
            {t('audit.globalTitle')}
          </Typography>
          {(['actor', 'action'] as const).map((f) => (
            <TextField key={f} size="small" label={t(`audit.${f}`)} value={filter[f]} onChange={(e) => setFilter({ ...filter, [f]: e.target.value })} {...filterErrors.props(f)} slotProps={{ htmlInput: { name: f } }} sx={{ width: 150 }} />
          ))}
          {(['from', 'to'] as const).map((f) => (
            <TextField
              key={f}
              size="small"
              type="date"
              label={t(`audit.${f}`)}
              value={filter[f]}
              onChange={(e) => setFilter({ ...filter, [f]: e.target.value })}
              {...filterErrors.props(f)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: f } }}
              sx={{ width: 160 }}
            />
          ))}
          <Button type="submit" variant="outlined">
            {t('audit.apply')}
          </Button>
        </Stack>
        {filterErrors.errors.form && <Alert severity="error">{filterErrors.errors.form}</Alert>}
        {events && (
          <>
            <EventTable
              label={t('audit.globalTitle')}
              rows={events.events.map((e) => ({ key: String(e.seq), seq: e.seq, at: e.at, actor: e.actor, action: e.action, reason: e.reason, targets: e.targets.map((target) => targetLabel(target, i18n.language)).join(', ') }))}
            />
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1 }}>
              <Typography variant="caption">{t('audit.total', { count: events.total })}</Typography>
              <Box sx={{ flex: 1 }} />
              <Button size="small" disabled={page === 0} onClick={() => load(page - 1)}>
                {t('audit.newer')}
              </Button>
              <Typography variant="caption">{t('audit.page', { page: page + 1, pages })}</Typography>
              <Button size="small" disabled={page + 1 >= pages} onClick={() => load(page + 1)}>
                {t('audit.older')}
              </Button>
            </Box>
          </>
        )}
      </Paper>
    </Stack>
  );
}
