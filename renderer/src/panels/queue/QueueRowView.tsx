// One row of the queue: plain elements styled by one class (an MUI component per cell was most
// of a keystroke's render with thirty rows on screen), memoised so that a render of the panel
// redraws only the rows whose case or place changed.
import { Chip } from '@mui/material';
import { styled } from '@mui/material/styles';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow, QueueView } from '../../../../shared/contract/work-orders.js';
import type { Severity } from '../../../../shared/domain/case.js';
import { formatDateTime } from '../../i18n/index.js';
import { ownershipLabel } from '../../components/ownership.js';
import { Countdown, SEVERITY_COLOR } from '../work-orders/format.js';
import { ClaimButton } from './ClaimButton.js';
import { statusLabel } from '../../i18n/labels.js';
import { useSummaryText } from '../../i18n/summaries.js';

export const ROW = 40;
export const COLUMNS = '110px 64px 120px 200px minmax(0, 1fr) 130px 150px 150px';

const Row = styled('div')(({ theme }) => ({
  position: 'absolute',
  top: 0,
  left: 0,
  right: 0,
  height: ROW,
  display: 'grid',
  gridTemplateColumns: COLUMNS,
  gap: theme.spacing(1),
  padding: theme.spacing(0, 1),
  alignItems: 'center',
  cursor: 'pointer',
  borderBottom: `1px solid ${theme.palette.divider}`,
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  ...theme.typography.body2,
  '&[data-breached=true]': { backgroundColor: 'rgba(211,47,47,0.07)' },
  '&[aria-selected=true]': { backgroundColor: theme.palette.action.selected },
  '&:hover': { backgroundColor: theme.palette.action.hover },
  '& > span': { overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 },
  '& .id': { fontFamily: 'monospace' },
  '& .small': theme.typography.caption,
  '& .muted': { color: theme.palette.text.secondary },
  '& .tag': { marginRight: theme.spacing(0.5), height: 18 },
  '& .owner': { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) },
}));

interface Props {
  index: number;
  start: number;
  row: QueueRow | undefined;
  selected: boolean;
  view: QueueView;
  timeZone: string;
  onOpen(index: number, id: string | undefined): void;
}

export const QueueRowView = memo(function QueueRowView({ index, start, row, selected, view, timeZone, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const summaryOf = useSummaryText();
  return (
    <Row
      role="option"
      aria-selected={selected}
      data-case-id={row?.id}
      data-breached={row?.breached === true}
      onClick={() => onOpen(index, row?.id)}
      style={{ transform: `translateY(${start}px)` }}
    >
      {row ? (
        <>
          <span className="id">{row.id}</span>
          <span>{row.severity && <Chip size="small" label={row.severity} color={SEVERITY_COLOR[row.severity as Severity]} />}</span>
          <span>{statusLabel(row.status, i18n.language)}</span>
          <span>
            {row.vip && <Chip size="small" label="VIP" color="secondary" className="tag" />}
            {row.customerName}
          </span>
          <span title={summaryOf(row)}>
            {row.breached && <Chip size="small" label={t('queue.breached')} color="error" className="tag" />}
            {row.flagSupervisor && <Chip size="small" label={t('queue.flagged')} color="warning" className="tag" />}
            {summaryOf(row)}
          </span>
          <span>
            {row.dueAt && !row.paused && <Countdown due={row.dueAt} variant="caption" />}
            {row.paused && <span className="small">{t('queue.paused')}</span>}
          </span>
          <span className="owner">
            <span data-testid="queue-owner">{ownershipLabel(t, row)}</span>
            {row.owner === null && view === 'level' && <ClaimButton id={row.id} />}
          </span>
          <span className="small">{formatDateTime(row.openedAt, i18n.language, timeZone)}</span>
        </>
      ) : (
        <span className="muted">…</span>
      )}
    </Row>
  );
});
