// What a durable event changed, per entity: what the desk forwards to open screens.
import type { StoreChange } from '../../shared/domain/entities.js';
import type { StoredEvent } from './types.js';

/** One StoreChange per entity the event touched, ids in first-touched order, each once. */
export function storeChanges(event: StoredEvent): StoreChange[] {
  const byEntity = new Map<string, Set<string>>();
  for (const c of event.changes) {
    const ids = byEntity.get(c.entity);
    if (ids) ids.add(c.id);
    else byEntity.set(c.entity, new Set([c.id]));
  }
  return [...byEntity].map(([entity, ids]) => ({ entity, ids: [...ids], action: event.action, seq: event.seq }));
}
