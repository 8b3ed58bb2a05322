// Validates a decision request of a given kind; the error is one line naming the field.
import { describeError } from './issues.js';
import { DECISION_KINDS, requestSchemas, type CompensationClaim, type DecisionKind, type IcpRewardRequest, type RefundRequest, type SlaRequest } from './requests.js';

export type DecisionRequest =
  | { kind: 'refund'; request: RefundRequest }
  | { kind: 'compensation'; request: CompensationClaim }
  | { kind: 'icp-reward'; request: IcpRewardRequest }
  | { kind: 'sla'; request: SlaRequest };

export type Validated = ({ ok: true } & DecisionRequest) | { ok: false; error: string };

export function isDecisionKind(kind: string): kind is DecisionKind {
  return (DECISION_KINDS as readonly string[]).includes(kind);
}

export function validateRequest(kind: string, input: unknown): Validated {
  if (!isDecisionKind(kind)) return { ok: false, error: `kind: must be one of ${DECISION_KINDS.join(', ')}` };
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, error: 'request: must be a JSON object' };
  switch (kind) {
    case 'refund': {
      const r = requestSchemas.refund.safeParse(input);
      return r.success ? { ok: true, kind, request: r.data } : { ok: false, error: describeError(r.error, input) };
    }
    case 'compensation': {
      const r = requestSchemas.compensation.safeParse(input);
      return r.success ? { ok: true, kind, request: r.data } : { ok: false, error: describeError(r.error, input) };
    }
    case 'icp-reward': {
      const r = requestSchemas['icp-reward'].safeParse(input);
      return r.success ? { ok: true, kind, request: r.data } : { ok: false, error: describeError(r.error, input) };
    }
    case 'sla': {
      const r = requestSchemas.sla.safeParse(input);
      return r.success ? { ok: true, kind, request: r.data } : { ok: false, error: describeError(r.error, input) };
    }
  }
}
