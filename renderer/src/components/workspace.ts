// Hooks the refund, compensation, ICP-reward and complaint panels share: the customer (from a
// lookup or a converted call), live decisions from the main process, and the keyboard.
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { contract, type CallInput, type CallName, type CallResult, type CustomerMatch } from '../../../shared/contract/index.js';
import { isCaseOf, type CaseOf, type CaseRecord, type CaseType } from '../../../shared/domain/case.js';
import { ApiError, call } from '../api/client.js';
import { useDeskQuery, useStoreChange, type RefreshOn } from '../api/useDeskQuery.js';
import { useNavigation, type Prefill } from '../state/navigation.js';

let currency: Promise<string> | null = null;

/** The account currency of the policy in force (display only). */
export function useCurrency(): string {
  const [value, setValue] = useState('CNY');
  useEffect(() => {
    currency ??= call('policy.current', {}).then(
      (policy) => policy.currency,
      () => ((currency = null), 'CNY'),
    );
    let live = true;
    void currency.then((c) => live && setValue(c));
    return () => {
      live = false;
    };
  }, []);
  return value;
}

/** The customer the panel works for; a converted call hands its account over (no retyping). */
export function useCustomer() {
  const [customer, setCustomer] = useState<CustomerMatch | null>(null);
  // Read without side effects (StrictMode runs initialisers twice), then take it once mounted.
  const [prefill] = useState<Prefill | null>(() => useNavigation.getState().prefill);
  useEffect(() => {
    useNavigation.getState().takePrefill();
  }, []);
  useEffect(() => {
    const account = prefill?.customerAccount;
    if (!account) return;
    call('customers.get', { account }).then(
      (found) => setCustomer((current) => current ?? { customer: found, matchedOn: 'account', contacts: [] }),
      () => undefined,
    );
  }, [prefill]);
  return { customer, setCustomer, prefill };
}

/** Validates an input against the contract's own schema: the first problem, by field, or null. */
export function validateInput<N extends CallName>(name: N, input: CallInput<N>): { field: string; message: string } | null {
  const parsed = contract[name].input.safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return { field: issue.path.map(String).join('.') || 'form', message: issue.message };
}

export interface Preview<R> {
  result: R | null;
  error: { field: string; message: string } | null;
  pending: boolean;
}

/**
 * Asks the main process for a decision as the agent types (debounced); null input clears it.
 * `refreshOn`: stored changes that can change the decision (a reward recorded meanwhile) ask again.
 */
export function useLivePreview<N extends CallName>(name: N, input: CallInput<N> | null, refreshOn?: RefreshOn): Preview<CallResult<N>> {
  const [state, setState] = useState<Preview<CallResult<N>>>({ result: null, error: null, pending: false });
  const [revision, setRevision] = useState(0);
  useStoreChange(refreshOn, () => setRevision((r) => r + 1));
  const key = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (key === null || input === null) return setState({ result: null, error: null, pending: false });
    const invalid = validateInput(name, input);
    if (invalid) return setState({ result: null, error: invalid, pending: false });
    let live = true;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      call(name, input).then(
        (result) => live && setState({ result, error: null, pending: false }),
        (error: unknown) =>
          live &&
          setState({
            result: null,
            error: error instanceof ApiError ? { field: error.field ?? 'form', message: error.message } : { field: 'form', message: String(error) },
            pending: false,
          }),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the input
  }, [name, key, revision]);
  return state;
}

/** Ctrl+Enter (⌘+Enter) anywhere in the form submits it. */
export const submitOnCtrlEnter = (submit: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    submit();
  }
};

/** F2 jumps to the customer lookup, as in the call log. */
export function useF2(ref: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'F2') {
        event.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ref]);
}

export const useInputRef = () => useRef<HTMLInputElement>(null);

/** The customer's cases of one type, refreshed when a case changes. */
export function useCustomerCases<T extends CaseType>(type: T, account: string | undefined) {
  const query = useDeskQuery('cases.search', account ? { type: [type], customerAccount: account, limit: 20 } : null, { refreshOn: ['cases'] });
  const cases = (query.data?.cases ?? []).filter((c): c is CaseOf<T> & CaseRecord => isCaseOf(c, type));
  return { cases, refresh: query.refresh };
}
