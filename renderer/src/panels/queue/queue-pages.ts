// The queue's pages as the panel asks for them. Its first page is asked when the agent opens the
// queue (askFirstPage, from the navigation), not once the panel is drawn: drawing it took ~300 ms
// of a 100k cold open under load, all of it before the request, which now runs meanwhile.
import type { CallInput, CallResult } from '../../../../shared/contract/index.js';
import type { QueueView } from '../../../../shared/contract/work-orders.js';
import type { CaseType, Channel, Severity } from '../../../../shared/domain/case.js';
import { call } from '../../api/client.js';

export const PAGE = 100;

/** An answer asked ahead is taken only this soon after (the panel draws within a moment of the click). */
const FRESH_MS = 3_000;

export interface Filters {
  text: string;
  status: string[];
  severity: Severity[];
  channel: Channel[];
  type: CaseType[];
  view: QueueView;
}

export const NO_FILTERS: Filters = { text: '', status: [], severity: [], channel: [], type: [], view: 'all' };

/** The request for one page of the queue under these filters. */
export function pageQuery(filters: Filters, page: number): CallInput<'queue.list'> {
  return {
    ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
    ...(filters.status.length ? { status: filters.status } : {}),
    ...(filters.severity.length ? { severity: filters.severity } : {}),
    ...(filters.channel.length ? { channel: filters.channel } : {}),
    ...(filters.type.length ? { type: filters.type } : {}),
    view: filters.view,
    limit: PAGE,
    offset: page * PAGE,
  };
}

let asked: { key: string; at: number; answer: Promise<CallResult<'queue.list'>> } | undefined;

/** Asks for the first page the queue opens on, before the panel is drawn. */
export function askFirstPage(): void {
  const input = pageQuery(NO_FILTERS, 0);
  const answer = call('queue.list', input);
  answer.catch(() => undefined); // the panel that takes it handles a failure as its own request's
  asked = { key: JSON.stringify(input), at: performance.now(), answer };
}

/** A page of the queue: the one asked ahead if it is this one and fresh (taken once), else asked now. */
export function queuePage(input: CallInput<'queue.list'>): Promise<CallResult<'queue.list'>> {
  const ahead = asked;
  asked = undefined;
  if (ahead && ahead.key === JSON.stringify(input) && performance.now() - ahead.at < FRESH_MS) return ahead.answer;
  return call('queue.list', input);
}
