// What the phone system reported, kept per call: ringing → answered → ended, or missed when it
// hung up unanswered. Each change reaches the desks of the agents the phone rings.
import { createHash } from 'node:crypto';
import type { PhoneCall } from '../../../shared/contract/channels.js';
import type { CaseStore, Change, StoredRecord } from '../../store/types.js';
import type { Services } from '../context.js';
import { customerDirectory } from '../customers/directory.js';
import { looksLikePhone } from '../customers/phone.js';
import type { CtiEvent } from './cti-event.js';
import { CASES, OPERATORS, PHONE_CALLS } from '../../../shared/domain/entities.js';

export const PHONE_ACTOR = 'phone';

export const phoneCallId = (callId: string) => `P-${createHash('sha256').update(callId).digest('hex').slice(0, 20)}`;

/** The customer whose contact has this number, in whatever format the phone system sends it. */
export function identifyCaller(store: CaseStore, number: string): PhoneCall['caller'] {
  if (!looksLikePhone(number)) return null;
  return customerDirectory(store).lookup(number, 5).find((match) => match.matchedOn === 'phone') ?? null;
}

/** `user[]` carries people's names as the phone system knows them: matched to operators by name or username. */
function operatorsNamed(store: CaseStore, names: string[]): string[] {
  const wanted = new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean));
  if (wanted.size === 0) return [];
  return store
    .all<{ id: string; username: string; displayName: string; active: boolean }>(OPERATORS)
    .filter((o) => o.active && (wanted.has(o.username.toLowerCase()) || wanted.has(o.displayName.toLowerCase())))
    .map((o) => o.username);
}

export function recordCtiEvent(services: Services, event: CtiEvent): PhoneCall {
  const { store } = services;
  const id = phoneCallId(event.callId);
  const at = services.now().toISOString();
  const known = store.get<PhoneCall & StoredRecord>(PHONE_CALLS, id);
  const call: PhoneCall = known ?? {
    id,
    callId: event.callId,
    from: event.from,
    to: event.to,
    direction: event.direction,
    state: 'ringing',
    agents: event.event === 'newCall' ? operatorsNamed(store, event.user) : [],
    caller: identifyCaller(store, event.direction === 'out' ? event.to : event.from),
    startedAt: at,
  };
  if (known && event.event === 'newCall') return known; // a phone system's retry
  if (known && (known.state === 'ended' || known.state === 'missed')) return known; // the call is over
  const next = { ...call };
  const extra: Change[] = [];
  if (event.event === 'answer') {
    next.state = 'answered';
    next.answeredAt = at;
    const [by] = operatorsNamed(store, event.user);
    if (by) next.answeredBy = by;
  }
  if (event.event === 'hangup') {
    next.endedAt = at;
    if (event.cause) next.cause = event.cause;
    if (next.answeredAt) {
      next.state = 'ended';
      next.durationSeconds = Math.round((Date.parse(at) - Date.parse(next.answeredAt)) / 1000);
      if (next.caseId) extra.push({ entity: CASES, id: next.caseId, op: 'patch', patch: { updatedAt: at, ...callDetails(store, next) } });
    } else {
      next.state = 'missed';
    }
  }
  store.append({
    actor: PHONE_ACTOR,
    action: `phone.${event.event === 'newCall' ? 'ringing' : event.event === 'answer' ? 'answered' : next.state}`,
    changes: [{ entity: PHONE_CALLS, id, op: 'put', record: { ...next } as StoredRecord }, ...extra],
  });
  services.emit('phone.call', next);
  return next;
}

/** The case's details with the call's real figures. */
export function callDetails(store: CaseStore, call: PhoneCall) {
  const record = call.caseId ? store.get<StoredRecord & { details?: Record<string, unknown> }>(CASES, call.caseId) : undefined;
  return {
    details: {
      ...(record?.details ?? {}),
      phoneCall: definedOnly({ id: call.id, from: call.from, answeredAt: call.answeredAt, endedAt: call.endedAt, durationSeconds: call.durationSeconds }),
    },
  };
}

/** A call logged from the call log: the case gets the call's figures, the call its case (for the duration at hang-up). */
export function linkPhoneCall(store: CaseStore, id: string, caseId: string): { details: Record<string, unknown>; changes: Change[] } {
  const call = store.get<PhoneCall & StoredRecord>(PHONE_CALLS, id);
  if (!call) return { details: {}, changes: [] };
  const linked = { ...call, caseId };
  return { details: callDetails(store, { ...linked, caseId: undefined }).details, changes: [{ entity: PHONE_CALLS, id, op: 'put', record: linked }] };
}

/** The store keeps no undefined values. */
const definedOnly = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
