// The customer's cases of one type (billing, access recovery), refreshed when any case changes.
import { useEffect, useState } from 'react';
import type { CallResult } from '../../../../shared/contract/index.js';
import type { CaseType } from '../../../../shared/domain/case.js';
import { call } from '../../api/client.js';

export function useCasesOf(type: CaseType, account: string | undefined) {
  const [cases, setCases] = useState<CallResult<'cases.search'>['cases']>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => window.api.on('case.changed', () => setTick((n) => n + 1)), []);
  useEffect(() => {
    if (!account) return setCases([]);
    let live = true;
    call('cases.search', { type: [type], customerAccount: account, limit: 20 }).then(
      (page) => live && setCases(page.cases),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [type, account, tick]);
  return { cases, refresh: () => setTick((n) => n + 1) };
}
