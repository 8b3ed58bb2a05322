import type { CaseStore } from '../../store/types.js';

export const CASES = 'cases';

/** Case ids are sequential (C-000001, …) so an agent can read one out over the phone. */
export const nextCaseId = (store: CaseStore) => `C-${String(store.count(CASES) + 1).padStart(6, '0')}`;
