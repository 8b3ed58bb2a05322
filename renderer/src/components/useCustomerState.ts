// A case form's state belongs to its customer: picking another customer starts the form afresh,
// so nothing typed for one caller (a tick, notes, amounts) carries over to the next. What was
// typed before any customer was picked (or prefilled from a converted call) stays with the first
// customer picked; clearing the customer keeps it until another one is picked.
import { useState, type Dispatch, type SetStateAction } from 'react';

/** useState for one field of a case form, reset to `initial` when the form's customer changes. */
export function useCustomerState<T>(account: string | undefined, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const fresh = () => (typeof initial === 'function' ? (initial as () => T)() : initial);
  const [owner, setOwner] = useState(account);
  const [value, setValue] = useState<T>(fresh);
  // Adjusting state while rendering when a prop changed (react.dev "storing information from previous renders").
  if (account !== undefined && account !== owner) {
    setOwner(account);
    if (owner !== undefined) {
      const next = fresh();
      setValue(() => next);
      return [next, setValue];
    }
  }
  return [value, setValue];
}
