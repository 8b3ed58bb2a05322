// One row of the queue: plain elements, styled once by the list around them (QueueRows), and
// memoised so that a render of the panel redraws only the rows whose case or place changed. An
// MUI component per cell or chip, a translation hook per row and a styled root per row were most
// of the time between a search's answer and its rows on screen.
import { styled } from '@mui/material/styles';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import type { QueueRow, QueueView } from '../../../../shared/contract/work-orders.js';
import type { Severity } from '../../../../shared/domain/case.js';
import { formatDateTime } from '../../i18n/index.js';
import { ownershipLabel } from '../../components/ownership.js';
import { Countdown, SEVERITY_COLOR } from '../work-orders/format.js';
import { ClaimButton } from './ClaimButton.js';
import { statusLabel } from '../../i18n/labels.js';
import { summaryText } from '../../i18n/summaries.js';

export const ROW = 40;
export const COLUMNS = '110px 64px 120px 200px minmax(0, 1fr) 130px 150px 150px';

/** The rows' box (as tall as every row together): the styles of every row and chip in it. */
export const QueueRows = styled('div')(({ theme }) => {
  const chip = (color: 'error' | 'warning' | 'info' | 'secondary') => ({ backgroundColor: theme.palette[color].main, color: theme.palette[color].contrastText });
  return {
    position: 'relative',
    '& > .row': {
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
    },
    '& > .row[data-breached=true]': { backgroundColor: 'rgba(211,47,47,0.07)' },
    '& > .row[aria-selected=true]': { backgroundColor: theme.palette.action.selected },
    '& > .row:hover': { backgroundColor: theme.palette.action.hover },
    '& > .row > span': { overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 },
    '& .id': { fontFamily: 'monospace' },
    '& .small': theme.typography.caption,
    '& .muted': { color: theme.palette.text.secondary },
    '& .owner': { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) },
    // As MUI's small Chip looks, without a component per chip.
    '& .chip': {
      display: 'inline-flex',
      alignItems: 'center',
      height: 24,
      padding: '0 8px',
      borderRadius: 12,
      fontSize: theme.typography.pxToRem(13),
      lineHeight: 1,
      verticalAlign: 'middle',
      ...chip('info'),
    },
    '& .chip[data-color=error]': chip('error'),
    '& .chip[data-color=warning]': chip('warning'),
    '& .chip[data-color=secondary]': chip('secondary'),
    '& .tag': { marginRight: theme.spacing(0.5), height: 18 },
  };
});

/** The words a row is shown in, from the panel (one translation hook for every row). */
export interface RowWords {
  t: TFunction;
  language: string;
  timeZone: string;
}

interface Props {
  index: number;
  start: number;
  row: QueueRow | undefined;
  selected: boolean;
  view: QueueView;
  words: RowWords;
  onOpen(index: number, id: string | undefined): void;
}

export const QueueRowView = memo(function QueueRowView({ index, start, row, selected, view, words, onOpen }: Props) {
  const { t, language, timeZone } = words;
  const summary = row && summaryText(row, t, language, timeZone);
  return (
    <div
      className="row"
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
          <span>
            {row.severity && (
              <span className="chip" data-color={SEVERITY_COLOR[row.severity as Severity]}>
                {row.severity}
              </span>
            )}
          </span>
          <span>{statusLabel(row.status, language)}</span>
          <span>
            {row.vip && (
              <span className="chip tag" data-color="secondary">
                VIP
              </span>
            )}
            {row.customerName}
          </span>
          <span title={summary}>
            {row.breached && (
              <span className="chip tag" data-color="error">
                {t('queue.breached')}
              </span>
            )}
            {row.flagSupervisor && (
              <span className="chip tag" data-color="warning">
                {t('queue.flagged')}
              </span>
            )}
            {summary}
          </span>
          <span>
            {row.dueAt && !row.paused && <Countdown due={row.dueAt} variant="caption" />}
            {row.paused && <span className="small">{t('queue.paused')}</span>}
          </span>
          <span className="owner">
            <span data-testid="queue-owner">{ownershipLabel(t, row)}</span>
            {row.owner === null && view === 'level' && <ClaimButton id={row.id} />}
          </span>
          <span className="small">{formatDateTime(row.openedAt, language, timeZone)}</span>
        </>
      ) : (
        <span className="muted">…</span>
      )}
    </div>
  );
});
