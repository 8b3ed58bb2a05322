// The case page: everything about one case (full history, SLA countdowns with the rules
// engine's reasons) and the work-order actions: move status, add an update, escalate.
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogContent,
  DialogTitle,
  Divider,
  IconButton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaTimerView, WorkOrderDetails } from '../../../../shared/contract/work-orders.js';
import { isWorkOrder } from '../../../../shared/domain/work-order.js';
import { call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { CaseHistory } from '../../components/CaseHistory.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { FileLinks } from '../../components/FileLinks.js';
import { filesKept } from '../../../../shared/domain/case-files.js';
import { formatDateTime } from '../../i18n/index.js';
import { ruleReason } from '../../i18n/rule-reasons.js';
import { actionLabel } from '../../i18n/actions.js';
import { IncidentSection } from './IncidentSection.js';
import { CaseAssignment } from './CaseAssignment.js';
import { CenterCaseNote } from '../team/CenterCaseNote.js';
import { OperatorPicker } from './OperatorPicker.js';
import { useSession } from '../../state/session.js';
import { Countdown, formatSpan, SEVERITY_COLOR } from '../work-orders/format.js';
import { statusLabel } from '../../i18n/labels.js';
import { useSummaryText } from '../../i18n/summaries.js';
import { ruleValue } from '../../i18n/rule-reasons.js';
import { levelLabel } from '../../components/ownership.js';

/** `stoppedAt`: the case is closed, so the timer shows how it stood then instead of counting on. */
function Timer({ label, timer, paused, stoppedAt }: { label: string; timer: SlaTimerView; paused: boolean; stoppedAt?: string }) {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const at = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  const stoppedText =
    timer.state === 'breached'
      ? t('workOrders.page.overdue', { time: formatSpan((timer.breachedByMinutes ?? 0) * 60_000, i18n.language) })
      : t('workOrders.page.stopped', { time: stoppedAt ? at(stoppedAt) : '' });
  return (
    <Box sx={{ p: 1, border: 1, borderColor: timer.state === 'breached' ? 'error.main' : 'divider', borderRadius: 1, minWidth: 200 }}>
      <Typography variant="caption" color="text.secondary">
        {label} · {ruleValue(timer.target, i18n.language)}
      </Typography>
      <Box data-testid="sla-timer-state" data-state={timer.state}>
        {timer.state === 'met' ? (
          <Typography variant="body2">✓</Typography>
        ) : stoppedAt ? (
          <Typography variant="body2" data-testid="sla-stopped" sx={{ fontWeight: 600, color: timer.state === 'breached' ? 'error.main' : 'text.secondary' }}>
            {stoppedText}
          </Typography>
        ) : (
          <Countdown due={timer.due} paused={paused} />
        )}
      </Box>
      <Typography variant="caption">{timer.state === 'met' ? t('workOrders.page.met', { time: at(timer.startedAt) }) : t('workOrders.page.due', { time: at(timer.due) })}</Typography>
    </Box>
  );
}

/** `fromCenter`: a search hit this desk's replica lacks, read from the team server and shown read-only. */
/** Memoised: the queue around it renders at every keystroke while it is closed. */
export const CaseDialog = memo(function CaseDialog({ id, onClose, fromCenter = false }: { id: string | null; onClose(): void; fromCenter?: boolean }) {
  const { t, i18n } = useTranslation();
  const summaryOf = useSummaryText();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [reason, setReason] = useState('');
  const [escalateTo, setEscalateTo] = useState('');
  const [update, setUpdate] = useState({ done: '', observed: '' });
  const errors = useFieldErrors();
  const at = (iso: string) => formatDateTime(iso, i18n.language, timeZone);

  const query = useDeskQuery('workOrders.get', id && !fromCenter ? { id } : null, { refreshOn: (change) => change.entity === 'cases' && id !== null && change.ids.includes(id) });
  const center = useDeskQuery('team.case', id && fromCenter ? { id } : null);
  const view = (fromCenter ? center.data?.view : query.data) ?? null;
  const writable = !fromCenter;

  async function act(run: () => Promise<unknown>, after?: () => void) {
    errors.clear();
    try {
      await run();
      after?.();
    } catch (error) {
      errors.fromError(error);
    }
  }

  const c = view?.case;
  const d = isWorkOrder(c) ? c.details : undefined;
  const isWo = d !== undefined;
  const sla = view?.sla;

  return (
    <Dialog open={id !== null} onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="case-title">
      <DialogTitle id="case-title" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 1 }}>
        <Box component="span" sx={{ flex: 1 }}>
          {t('workOrders.page.title', { id })} {c && `— ${summaryOf(c)}`}
        </Box>
        <IconButton aria-label={t('workOrders.page.close')} onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent dividers>
        {fromCenter && <CenterCaseNote read={center.data} />}
        {!c && !(fromCenter && center.data?.source === 'offline') && <Typography>{t('workOrders.page.loading')}</Typography>}
        {c && (
          <Stack spacing={1.5}>
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
              <Chip label={statusLabel(c.status, i18n.language)} color="primary" data-testid="case-status" />
              {c.severity && <Chip label={c.severity} color={SEVERITY_COLOR[c.severity]} />}
              <Chip label={t(`workOrders.type.${c.type}`)} variant="outlined" />
              <Chip size="small" variant="outlined" data-testid="case-channel" label={t(`channel.${c.channel}`)} />
              <Chip size="small" variant="outlined" data-testid="case-category" label={t(`category.${c.category}`)} />
              {c.fromCase && <Chip size="small" variant="outlined" data-testid="case-from-call" label={t('workOrders.fromCall', { id: c.fromCase })} />}
              <Typography variant="body2">
                {t('workOrders.page.customer')}: <strong>{c.customerName}</strong> ({c.customerAccount})
              </Typography>
              {c.vip && <Chip size="small" label={t('workOrders.page.vip')} color="secondary" />}
              {isWo && <Chip size="small" label={t('workOrders.page.level', { level: levelLabel(t, d.escalationLevel) })} />}
              {isWo && d.flagSupervisor && <Chip size="small" color="warning" label={t('workOrders.page.flagged')} />}
              {(sla?.breached || d?.breached) && <Chip size="small" color="error" label={t('workOrders.page.breached')} data-testid="breached" />}
            </Stack>
            {writable && <CaseAssignment record={c} />}
            {c.inScope === false && (
              <Alert severity="warning" data-testid="case-out-of-scope">
                <strong>{t('calls.savedOutOfScope')}</strong> {t('calls.scopeExplanation', { category: t(`category.${c.category}`) })}
              </Alert>
            )}
            {isWo && d.severityRule.result === 'passed' && <Alert severity="warning">{ruleReason(d.severityRule, i18n.language)}</Alert>}
            {sla && (
              <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
                <Timer label={t('workOrders.page.firstResponse')} timer={sla.firstResponse} paused={false} stoppedAt={sla.stoppedAt} />
                {sla.nextUpdate && <Timer label={t('workOrders.page.nextUpdate')} timer={sla.nextUpdate} paused={sla.nextUpdate.state === 'paused'} stoppedAt={sla.stoppedAt} />}
                {sla.paused && <Chip label={t('workOrders.page.paused')} />}
                {!!sla.pausedMinutes && <Chip size="small" variant="outlined" data-testid="paused-minutes" label={t('workOrders.page.pausedMinutes', { minutes: sla.pausedMinutes })} />}
                <Box sx={{ flex: 1 }}>
                  <Typography variant="caption" color="text.secondary">
                    {t('workOrders.page.rules')} · {sla.policyVersion}
                  </Typography>
                  {sla.rules.map((r) => (
                    <Typography key={r.id} variant="caption" component="div" color={r.result === 'failed' ? 'error' : 'text.primary'}>
                      <strong>{r.id}</strong> {ruleReason(r, i18n.language)}
                    </Typography>
                  ))}
                </Box>
              </Stack>
            )}
            {writable && isWo && view.nextStatuses.length + 1 > 0 && c.status !== 'closed' && (
              <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
                <Stack spacing={1}>
                  <TextField size="small" label={t('workOrders.page.escalateReason')} value={reason} onChange={(e) => setReason(e.target.value)} name="reason" {...errors.props('reason')} />
                  <OperatorPicker label={t('queue.assignment.escalateTo')} name="escalate-to" value={escalateTo} onChange={setEscalateTo} empty={t('queue.assignment.nextLevel')} {...errors.props('operator')} />
                  <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
                    {view.nextStatuses.map((s) => (
                      <Button key={s} size="small" variant="outlined" onClick={() => void act(() => call('workOrders.transition', { id: c.id, status: s as never, ...(reason.trim() ? { reason } : {}) }), () => setReason(''))}>
                        {t('workOrders.page.moveTo')} {statusLabel(s, i18n.language)}
                      </Button>
                    ))}
                    {c.status !== 'resolved' && (
                      <Button size="small" color="error" variant="contained" onClick={() => void act(() => call('workOrders.escalate', { id: c.id, reason, ...(escalateTo ? { operator: escalateTo } : {}) }), () => {
                        setReason('');
                        setEscalateTo('');
                      })}>
                        {t('workOrders.page.escalate')}
                      </Button>
                    )}
                  </Stack>
                  {errors.errors.status && <Alert severity="error">{errors.errors.status}</Alert>}
                  {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
                  {errors.errors.id && <Alert severity="error">{errors.errors.id}</Alert>}
                </Stack>
                <Stack spacing={1} component="form" onSubmit={(e) => {
                  e.preventDefault();
                  void act(() => call('workOrders.update', { id: c.id, ...update }), () => setUpdate({ done: '', observed: '' }));
                }}>
                  <TextField size="small" name="done" label={t('workOrders.page.done')} value={update.done} onChange={(e) => setUpdate({ ...update, done: e.target.value })} {...errors.props('done')} />
                  <TextField size="small" name="observed" label={t('workOrders.page.observed')} value={update.observed} onChange={(e) => setUpdate({ ...update, observed: e.target.value })} {...errors.props('observed')} />
                  <Box>
                    <Button type="submit" size="small" variant="contained">
                      {t('workOrders.page.update')}
                    </Button>
                  </Box>
                </Stack>
              </Box>
            )}
            <Divider />
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
              <Box>
                {isWo && (
                  <>
                    <Typography variant="subtitle2">{t('workOrders.page.impact')}</Typography>
                    <Typography variant="body2">{d.businessImpact}</Typography>
                    {d.incident && <IncidentSection incident={d.incident} />}
                    <Typography variant="subtitle2" sx={{ mt: 1 }}>{t('workOrders.page.evidence')}</Typography>
                    {[...c.errorCodes, ...d.evidence].map((e, i) => (
                      <Typography key={i} variant="body2" sx={{ fontFamily: 'monospace' }}>{e}</Typography>
                    ))}
                    <Typography variant="subtitle2" sx={{ mt: 1 }}>{t('workOrders.page.steps')}</Typography>
                    {d.stepsTried.map((s, i) => (
                      <Typography key={i} variant="body2">• {s}</Typography>
                    ))}
                    <Typography variant="subtitle2" sx={{ mt: 1 }}>{t('workOrders.page.updates')}</Typography>
                    {d.updates.map((u, i) => (
                      <Typography key={i} variant="body2">
                        {at(u.at)} {u.by}: {u.done} → {u.observed}
                      </Typography>
                    ))}
                  </>
                )}
                {c.notes && (
                  <Box data-testid="case-notes">
                    <Typography variant="subtitle2" sx={{ mt: 1 }}>{t('workOrders.page.notes')}</Typography>
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{c.notes}</Typography>
                  </Box>
                )}
                {writable && filesKept(c.details).length > 0 && (
                  <>
                    <Typography variant="subtitle2" sx={{ mt: 1 }}>{t('files.title')}</Typography>
                    <FileLinks caseId={c.id} files={filesKept(c.details)} />
                  </>
                )}
              </Box>
              <Box>
                <CaseHistory history={view.history} />
              </Box>
            </Box>
          </Stack>
        )}
      </DialogContent>
    </Dialog>
  );
});
