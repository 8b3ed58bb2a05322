// The one way a panel reads from the desk: call once, then again only when a stored change
// touches what the query shows (`refreshOn`), so an open panel never goes stale and an
// unrelated change costs it nothing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallResult, StoreChange } from '../../../shared/contract/index.js';
import type { Entity } from '../../../shared/domain/entities.js';
import { ApiError, call } from './client.js';

/** The entities whose changes refresh the query, or a test of each change. */
export type RefreshOn = readonly Entity[] | ((change: StoreChange) => boolean);

export interface DeskQuery<R> {
  /** The answer for the current input; kept while a refresh runs so the screen does not flicker. */
  data: R | undefined;
  /** `data` answers an earlier input (only with `keepPrevious`, until the new answer comes). */
  stale: boolean;
  error: ApiError | null;
  loading: boolean;
  refresh(): void;
}

export const touches = (refreshOn: RefreshOn, change: StoreChange) =>
  typeof refreshOn === 'function' ? refreshOn(change) : (refreshOn as readonly string[]).includes(change.entity);

/** Calls `onChange` for each stored change that `refreshOn` selects (for lists that page themselves). */
export function useStoreChange(refreshOn: RefreshOn | undefined, onChange: (change: StoreChange) => void) {
  const latest = useRef({ refreshOn, onChange });
  latest.current = { refreshOn, onChange };
  useEffect(
    () =>
      window.api.on('store.changed', (change) => {
        const { refreshOn, onChange } = latest.current;
        if (refreshOn && touches(refreshOn, change)) onChange(change);
      }),
    [],
  );
}

interface State<R> {
  key: string | null;
  data: R | undefined;
  /** The input `data` answers. */
  dataKey: string | null;
  error: ApiError | null;
  loading: boolean;
}

/**
 * `input` null: nothing to ask yet (no customer picked). A new input never shows the old input's
 * answer, unless `keepPrevious` (a dashboard whose charts would be built again): then it is
 * marked `stale` until the new one comes.
 */
export function useDeskQuery<N extends CallName>(name: N, input: CallInput<N> | null, options: { refreshOn?: RefreshOn; keepPrevious?: boolean } = {}): DeskQuery<CallResult<N>> {
  const key = input === null ? null : JSON.stringify(input);
  const keepPrevious = options.keepPrevious === true;
  const [state, setState] = useState<State<CallResult<N>>>({ key: null, data: undefined, dataKey: null, error: null, loading: false });
  const latest = useRef({ input, key });
  latest.current = { input, key };
  // Answers arrive out of order; only the newest request may set the state.
  const generation = useRef(0);

  const load = useCallback(() => {
    const { input, key } = latest.current;
    const mine = ++generation.current;
    if (input === null) return setState({ key, data: undefined, dataKey: null, error: null, loading: false });
    setState((s) => (s.key === key ? { ...s, loading: true } : { key, data: s.data, dataKey: s.dataKey, error: null, loading: true }));
    call(name, input).then(
      (data) => mine === generation.current && setState({ key, data, dataKey: key, error: null, loading: false }),
      (error: unknown) => {
        if (mine !== generation.current) return;
        const failure = error instanceof ApiError ? error : new ApiError({ code: 'internal', message: String(error) });
        setState((s) => ({ ...s, key, error: failure, loading: false }));
      },
    );
  }, [name]);

  useEffect(load, [load, key]);
  useStoreChange(options.refreshOn, load);

  const current = state.key === key;
  const answered = state.dataKey === key;
  const data = answered || keepPrevious ? state.data : undefined;
  return { data, stale: data !== undefined && !answered, error: current ? state.error : null, loading: current ? state.loading : input !== null, refresh: load };
}
