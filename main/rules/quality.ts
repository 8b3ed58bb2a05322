// Section 4: work-order quality. Advises with a 0–100 score and names each missing
// element; it never blocks saving.
import type { Severity } from '../../shared/domain/case.js';
import type { RuleResult } from '../../shared/rules/decision.js';
import type { Policy, QualityElement } from '../../shared/rules/policy.js';
import { DEFAULT_POLICY } from './policy.js';
import { because, type ReasonCode, type ReasonParams } from './reasons.js';

export interface WorkOrderUpdate {
  done: string; // what was done
  observed: string; // what was observed
}

export interface IncidentTemplate {
  startTime?: string;
  region?: string;
  affectedServices?: string[];
  symptoms?: string;
  errorCodes?: string[];
  mitigationAttempted?: string;
}

export interface WorkOrderDraft {
  summary: string;
  severity?: Severity;
  businessImpact?: string;
  evidence?: string[]; // logs, screenshots, traces, configuration changes
  errorCodes?: string[];
  stepsTried?: string[];
  updates?: WorkOrderUpdate[];
  /** Present on incident work orders. */
  incident?: IncidentTemplate;
}

export interface QualityReport {
  score: number; // 0–100
  /** Each missing element, in the agent's words, e.g. "summary: start time". */
  missing: string[];
  policyVersion: string;
  rules: RuleResult[];
}

const START_TIME = [/\d{4}-\d{1,2}-\d{1,2}/, /\b\d{1,2}:\d{2}\b/, /\d{1,2}月\d{1,2}[日号]/, /\b(since|from|started|starting|at)\b.*\d/i, /(自|从).*\d.*(起|开始)/];

export function assessWorkOrderQuality(draft: WorkOrderDraft, policy: Policy = DEFAULT_POLICY): QualityReport {
  const q = policy.quality;
  const rules: RuleResult[] = [];
  const missing: string[] = [];
  let earned = 0;
  let total = 0;

  const judge = (element: QualityElement, fraction: number, gaps: string[], code: ReasonCode, params: ReasonParams = {}) => {
    total += element.weight;
    const points = Math.round(element.weight * fraction);
    earned += points;
    missing.push(...gaps);
    rules.push({
      id: `QUALITY-${element.id.toUpperCase()}`,
      result: gaps.length === 0 ? 'passed' : 'failed',
      ...because(code, { label: element.label, points, weight: element.weight, ...params }),
    });
  };

  for (const element of q.elements) {
    switch (element.id) {
      case 'summary': {
        const text = draft.summary.toLowerCase();
        const gaps: string[] = [];
        if (!q.services.some((s) => mentions(text, s))) gaps.push('affected service');
        if (!q.symptoms.some((s) => mentions(text, s))) gaps.push('symptom');
        if (!START_TIME.some((re) => re.test(draft.summary))) gaps.push('start time');
        judge(
          element,
          (3 - gaps.length) / 3,
          gaps.map((g) => `summary: ${g}`),
          ...((gaps.length ? ['QUALITY.summary-gaps', { gaps: gaps.join(', ') }] : ['QUALITY.summary-complete', {}]) as [ReasonCode, ReasonParams]),
        );
        break;
      }
      case 'impact': {
        const gaps = [...(draft.severity ? [] : ['severity']), ...(filled(draft.businessImpact) ? [] : ['business impact'])];
        if (gaps.length) judge(element, (2 - gaps.length) / 2, gaps, 'QUALITY.impact-gaps', { gaps: gaps.join(', ') });
        else judge(element, 1, gaps, 'QUALITY.impact-complete', { severity: draft.severity ?? '' });
        break;
      }
      case 'evidence': {
        const count = (draft.evidence ?? []).filter(filled).length + (draft.errorCodes ?? []).filter(filled).length;
        judge(element, count > 0 ? 1 : 0, count > 0 ? [] : [element.label], 'QUALITY.evidence', { count });
        break;
      }
      case 'steps': {
        const count = (draft.stepsTried ?? []).filter(filled).length;
        judge(element, count > 0 ? 1 : 0, count > 0 ? [] : [element.label], 'QUALITY.steps', { count });
        break;
      }
      case 'updates': {
        const updates = draft.updates ?? [];
        if (updates.length === 0) {
          rules.push({ id: 'QUALITY-UPDATES', result: 'not-applicable', ...because('QUALITY.no-updates') });
          break;
        }
        const bad = updates.map((u, i) => ({ u, i })).filter(({ u }) => !filled(u.done) || !filled(u.observed));
        const gaps = bad.map(({ u, i }) => `update ${i + 1} lacks ${!filled(u.done) ? 'what was done' : 'what was observed'}`);
        judge(element, (updates.length - bad.length) / updates.length, gaps, 'QUALITY.updates', { complete: updates.length - bad.length, count: updates.length });
        break;
      }
      default:
        break;
    }
  }

  if (draft.incident) {
    for (const field of q.incidentTemplate) {
      const value = draft.incident[field.id as keyof IncidentTemplate];
      const present = Array.isArray(value) ? value.some(filled) : filled(value);
      judge(field, present ? 1 : 0, present ? [] : [`incident template: ${field.label}`], present ? 'QUALITY.present' : 'QUALITY.missing');
    }
  }

  return {
    score: total === 0 ? 100 : Math.floor((earned * 100) / total + 0.5),
    missing,
    policyVersion: policy.id,
    rules,
  };
}

/**
 * Phrases that fill a field without saying anything, in both languages, compared without case,
 * spaces or punctuation ("See above." and "同上。" alike).
 */
const EMPTY_PHRASES = new Set(
  [
    'bad', 'see above', 'as above', 'same as above', 'same', 'see below', 'nothing', 'none', 'no', 'nil', 'null',
    'na', 'n/a', 'tbd', 'todo', 'unknown', 'idk', 'ok', 'fine', 'test', 'asdf', 'xxx', 'etc', 'not working', 'broken', 'error',
    '无', '没有', '暂无', '没', '同上', '见上', '如上', '见上文', '同前', '参见上文', '略', '不知道', '不清楚', '坏了', '有问题', '报错', '测试', '等等',
  ].map((phrase) => normalise(phrase)),
);

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Says something: not blank, not only punctuation, and not one of the empty phrases. */
function filled(value: string | undefined): value is string {
  if (value === undefined) return false;
  const plain = normalise(value);
  return plain !== '' && !EMPTY_PHRASES.has(plain);
}

/** A term as a word for Latin text; as a substring for CJK, which has no spaces. */
function mentions(text: string, term: string): boolean {
  if (/[^\x00-\x7f]/.test(term)) return text.includes(term);
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`, 'i').test(text);
}
