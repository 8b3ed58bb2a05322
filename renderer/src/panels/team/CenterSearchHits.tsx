// Under the queue on a joined desk: what the team server finds for the same words over the whole
// center (older cases the replica does not hold, Chinese too), or a note that offline the
// search covered the replica only. Nothing on a desk without a team.
import { Box, ButtonBase, Chip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CenterSearchView } from '../../../../shared/contract/team.js';
import { call } from '../../api/client.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';
import { useTeam } from '../../state/team.js';
import { statusLabel } from '../../i18n/labels.js';
import { useSummaryText } from '../../i18n/summaries.js';
import { CaseDialog } from '../queue/CaseDialog.js';

const WAIT_MS = 300; // one server search per pause in typing, not per key
const LIMIT = 20;

export function CenterSearchHits({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const summaryOf = useSummaryText();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [found, setFound] = useState<{ text: string; view: CenterSearchView } | null>(null);
  const [open, setOpen] = useState<{ id: string; fromCenter: boolean } | null>(null);
  const joined = useTeam((s) => s.status?.mode === 'team');
  const words = joined ? text.trim() : '';

  useEffect(() => {
    if (!words) return;
    let current = true;
    const timer = setTimeout(() => {
      call('team.search', { text: words, limit: LIMIT }).then(
        (view) => current && setFound({ text: words, view }),
        () => undefined,
      );
    }, WAIT_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [words]);

  if (!words || found?.view.source === 'solo') return null;
  if (!found || found.text !== words) {
    return (
      <Typography variant="caption" color="text.secondary" data-testid="center-hits">
        {t('team.center.searching')}
      </Typography>
    );
  }
  if (found.view.source === 'offline') {
    return (
      <Typography variant="caption" color="warning.main" data-testid="center-hits" data-source="offline">
        {t('team.center.offlineSearch')}
      </Typography>
    );
  }
  return (
    <Box data-testid="center-hits" data-source="server" data-total={found.view.total} sx={{ maxHeight: 180, overflow: 'auto' }}>
      <Typography variant="caption" sx={{ fontWeight: 600 }}>
        {t('team.center.hits', { count: found.view.total })}
      </Typography>
      {found.view.cases.map((hit) => (
        <ButtonBase
          key={hit.id}
          data-center-case={hit.id}
          aria-label={t('team.center.open', { id: hit.id })}
          onClick={() => setOpen({ id: hit.id, fromCenter: !hit.inReplica })}
          sx={{ display: 'flex', width: '100%', justifyContent: 'flex-start', textAlign: 'left', gap: 1, alignItems: 'center', whiteSpace: 'nowrap', overflow: 'hidden', '&:hover': { bgcolor: 'action.hover' } }}
        >
          <Typography variant="body2" sx={{ fontFamily: 'monospace', width: 130 }}>
            {hit.id}
          </Typography>
          <Typography variant="body2" sx={{ width: 110 }} noWrap>
            {statusLabel(hit.status, i18n.language)}
          </Typography>
          <Typography variant="body2" sx={{ width: 180 }} noWrap>
            {hit.customerName}
          </Typography>
          <Typography variant="body2" noWrap sx={{ flex: 1 }} title={summaryOf(hit)}>
            {summaryOf(hit)}
          </Typography>
          {!hit.inReplica && <Chip size="small" label={t('team.center.notHere')} sx={{ height: 18 }} />}
          <Typography variant="caption">{hit.openedAt ? formatDateTime(hit.openedAt, i18n.language, timeZone) : ''}</Typography>
        </ButtonBase>
      ))}
      <CaseDialog id={open?.id ?? null} fromCenter={open?.fromCenter} onClose={() => setOpen(null)} />
    </Box>
  );
}
