// A digest of every shared record of a store: two desks with equal digests hold the same state.
import { createHash } from 'node:crypto';
import type { CaseStore, StoredRecord } from '../../store/types.js';
import { ENTITIES } from '../../../shared/domain/entities.js';

/** JSON with sorted keys, so equal records hash equally whatever order their fields were set in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `within` limits it to the records desks share (a team desk's replica scope); absent: every record. */
export function digestRecords(store: CaseStore, within?: (entity: string, record: StoredRecord) => boolean): { digest: string; records: number } {
  const hash = createHash('sha256');
  let records = 0;
  for (const entity of ENTITIES) {
    const sorted = store
      .all(entity)
      .filter((record) => !within || within(entity, record))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const record of sorted) {
      hash.update(`${entity}\u001f${canonical(record)}\n`);
      records++;
    }
  }
  return { digest: hash.digest('hex'), records };
}
