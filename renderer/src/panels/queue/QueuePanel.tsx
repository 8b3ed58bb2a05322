// The queue: one virtualized list over every matching case (100k rows scroll smoothly: only
// the visible pages are fetched). The order — breached, VIP, due time, newest — and every SLA
// figure come from the main process; the renderer only counts down to the due instants.
import { Box, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow, QueueView } from '../../../../shared/contract/work-orders.js';
import { OTHER_STATUSES, WORK_ORDER_STATUSES } from '../../../../shared/contract/work-orders.js';
import { CASE_TYPES, CHANNELS, SEVERITIES } from '../../../../shared/domain/case.js';
import { useStoreChange } from '../../api/useDeskQuery.js';
import { useSession } from '../../state/session.js';
import { CenterSearchHits } from '../team/CenterSearchHits.js';
import { CaseDialog } from './CaseDialog.js';
import { COLUMNS, QueueRows, QueueRowView, ROW, type RowWords } from './QueueRowView.js';
import { QueueViews } from './QueueViews.js';
import { NO_FILTERS, PAGE, pageQuery, queuePage, type Filters } from './queue-pages.js';
import { statusLabel } from '../../i18n/labels.js';

/** While the desk still builds its search index, a typed search is asked again this often. */
const INDEX_RETRY_MS = 500;

export function QueuePanel() {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [total, setTotal] = useState(0);
  const [searching, setSearching] = useState(false);
  // The pages shown, of one query (its generation): kept until the next query's first page arrives, so the list never blanks.
  const [shown, setShown] = useState<{ gen: number; pages: Map<number, QueueRow[]> }>({ gen: 0, pages: new Map() });
  const pages = shown.pages;
  const [selected, setSelected] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const generation = useRef(0);
  const loading = useRef(new Set<number>());
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const query = useCallback((page: number) => pageQuery(filters, page), [filters]);

  const fetchPage = useCallback(
    (page: number, gen: number) => {
      const key = gen * 1e6 + page;
      if (loading.current.has(key)) return Promise.resolve();
      loading.current.add(key);
      return queuePage(query(page))
        .then((result) => {
          if (gen !== generation.current) return;
          setSearching(result.searching === true);
          clearTimeout(retry.current);
          if (result.searching) retry.current = setTimeout(() => setReload((n) => n + 1), INDEX_RETRY_MS);
          setTotal(result.total);
          setShown((s) => (s.gen === gen ? { gen, pages: new Map(s.pages).set(page, result.rows) } : { gen, pages: new Map([[page, result.rows]]) }));
        })
        .finally(() => loading.current.delete(key));
    },
    [query],
  );

  // New filters or a changed case: the first page is asked at once; keys typed while it is on
  // its way are coalesced into one more request when it returns (at most one in flight, no
  // wait before the first).
  const [reload, setReload] = useState(0);
  const retry = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latestFetch = useRef(fetchPage);
  latestFetch.current = fetchPage;
  const inFlight = useRef(false);
  const again = useRef(false);
  const sendFirst = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    void latestFetch.current(0, ++generation.current).finally(() => {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        sendFirst();
      }
    });
  }, []);
  useEffect(sendFirst, [fetchPage, reload, sendFirst]);
  // Changes come in bursts (an import, the SLA monitor): reload once they settle.
  const settle = useRef<ReturnType<typeof setTimeout>>(undefined);
  useStoreChange(['cases'], () => {
    clearTimeout(settle.current);
    settle.current = setTimeout(() => setReload((n) => n + 1), 300);
  });
  useEffect(
    () => () => {
      clearTimeout(settle.current);
      clearTimeout(retry.current);
    },
    [],
  );

  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 15 });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    const first = items[0]?.index;
    const last = items.at(-1)?.index;
    if (first === undefined || last === undefined) return;
    // Only for the query on screen: a newer one in flight brings its own first page.
    if (shown.gen !== generation.current) return;
    for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) if (!pages.has(page)) fetchPage(page, shown.gen);
  }, [items, pages, shown.gen, fetchPage]);

  const rowAt = (index: number) => pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  const openRow = useCallback((index: number, id: string | undefined) => {
    setSelected(index);
    if (id) setOpen(id);
  }, []);
  const closeCase = useCallback(() => setOpen(null), []);
  const words = useMemo<RowWords>(() => ({ t, language: i18n.language, timeZone }), [t, i18n.language, timeZone]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && document.activeElement?.tagName !== 'INPUT' && document.activeElement?.tagName !== 'TEXTAREA') {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const multi = <K extends 'status' | 'severity' | 'channel' | 'type'>(key: K, options: readonly string[], label: (v: string) => string) => (
    <TextField
      select
      size="small"
      label={t(`queue.${key}`)}
      value={filters[key]}
      onChange={(e) => setFilters((f) => ({ ...f, [key]: e.target.value as unknown as Filters[K] }))}
      slotProps={{ select: { multiple: true, renderValue: (v) => (v as string[]).map(label).join(', ') }, htmlInput: { 'data-testid': `filter-${key}` } }}
      sx={{ width: 130 }}
    >
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {label(o)}
        </MenuItem>
      ))}
    </TextField>
  );

  // Drawn again only when a filter other than the text changes: typing re-renders the list alone.
  const selects = useMemo(
    () => (
      <>
        {multi('status', [...WORK_ORDER_STATUSES, ...OTHER_STATUSES], (s) => statusLabel(s, i18n.language))}
        {multi('severity', SEVERITIES, (s) => s)}
        {multi('channel', CHANNELS, (c) => t(`channel.${c}`))}
        {multi('type', CASE_TYPES, (c) => t(`workOrders.type.${c}`))}
        <QueueViews value={filters.view} onChange={(view) => setFilters((f) => ({ ...f, view }))} />
      </>
    ),
    // multi reads only these filters
    [filters.status, filters.severity, filters.channel, filters.type, filters.view, t, i18n.language],
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 80px)', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', pt: 0.5 }}>
        <TextField
          size="small"
          label={t('queue.search')}
          name="queue-search"
          inputRef={searchRef}
          value={filters.text}
          onChange={(e) => setFilters((f) => ({ ...f, text: e.target.value }))}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              scrollRef.current?.focus();
            }
          }}
          sx={{ flex: 1, minWidth: 220 }}
        />
        {selects}
      </Box>
      <Paper variant="outlined" sx={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <Box sx={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 1, px: 1, py: 0.5, borderBottom: 1, borderColor: 'divider', fontWeight: 600 }}>
          {(['id', 'severity', 'status', 'customer', 'summary', 'due', 'owner', 'opened'] as const).map((c) => (
            <Typography key={c} variant="caption" sx={{ fontWeight: 600 }}>
              {t(`queue.columns.${c}`)}
            </Typography>
          ))}
        </Box>
        <Box
          ref={scrollRef}
          role="listbox"
          aria-label={t('queue.title')}
          data-testid="queue"
          tabIndex={0}
          sx={{ flex: 1, overflow: 'auto', outline: 'none' }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const next = Math.max(0, Math.min(total - 1, selected + (e.key === 'ArrowDown' ? 1 : -1)));
              setSelected(next);
              virtualizer.scrollToIndex(next);
            } else if (e.key === 'Enter') {
              const row = rowAt(selected);
              if (row) setOpen(row.id);
            }
          }}
        >
          {total === 0 && (
            <Typography sx={{ p: 2 }} data-testid={searching ? 'queue-indexing' : undefined}>
              {t(searching ? 'queue.indexing' : 'queue.empty')}
            </Typography>
          )}
          <QueueRows style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => (
              <QueueRowView
                key={item.key}
                index={item.index}
                start={item.start}
                row={rowAt(item.index)}
                selected={item.index === selected}
                view={filters.view}
                words={words}
                onOpen={openRow}
              />
            ))}
          </QueueRows>
        </Box>
        <Box sx={{ display: 'flex', px: 1, py: 0.5, borderTop: 1, borderColor: 'divider' }}>
          <Typography variant="caption" sx={{ flex: 1 }} data-testid="queue-total">
            {t('queue.total', { count: total })}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {t('queue.hint')}
          </Typography>
        </Box>
      </Paper>
      <CenterSearchHits text={filters.text} />
      <CaseDialog id={open} onClose={closeCase} />
    </Box>
  );
}
