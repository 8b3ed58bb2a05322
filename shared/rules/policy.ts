// The policy as versioned data (shared/spec/policy.md). A manager publishes new versions;
// every decision records the id of the version it was made under.
import type { Category, Severity } from '../domain/case.js';
import type { BillingMode } from './fields.js';
import type { FaultCause, FaultScenario } from './requests.js';

export const ESCALATION_LEVELS = ['L1', 'L2', 'L3', 'supervisor'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** An SLA span: wall-clock minutes, or working days in the desk's calendar. */
export type SlaSpan = { minutes: number } | { workingDays: number };

/** '24/7' counts every minute; 'business-hours' only the desk's opening hours on working days of the desk calendar. */
export type SupportCalendar = '24/7' | 'business-hours';

export interface SupportHours {
  /** Opening hours in the desk's zone, 'HH:MM'. */
  businessHours: { start: string; end: string };
  bySeverity?: Partial<Record<Severity, SupportCalendar>>;
  byCategory?: Partial<Record<Category, SupportCalendar>>;
}

export interface ScopeEntry {
  inScope: boolean;
  label: string;
  /** What the agent reads to the caller. */
  explanation: string;
}

export interface QualityElement {
  id: string;
  label: string;
  weight: number; // points out of the total of all applicable weights
}

export interface Policy {
  id: string; // e.g. '2026.1'
  effectiveFrom: string; // ISO instant the version takes effect
  currency: string;
  refund: {
    refundableBillingModes: BillingMode[];
    windowHours: number; // inclusive
    maxEarlierRefunds: number; // the customer must have fewer than this many
    countedRefundStatuses: Array<'completed' | 'in-progress' | 'rejected'>;
    minOrders: number;
    maxOrders: number;
  };
  compensation: {
    multipliers: Record<FaultScenario, string>; // decimal strings
    compensableCauses: FaultCause[]; // every other cause is excluded (C4)
    causeLabels: Record<FaultCause, string>;
    /** C5: working days after the latest end among the compensable occurrences. */
    claimWorkingDays: number;
  };
  icpReward: {
    hostBillingModes: BillingMode[];
    minRechargeExclusive: string;
    amounts: { common: string; vip: string };
    abandonedAfterDelayDays: number; // delay >= this is abandoned
    creditWithinDays: number; // calendar days after approval
    validYears: number;
  };
  scope: Record<Category, ScopeEntry>;
  sla: {
    firstResponse: Record<Severity, { common: SlaSpan; vip: SlaSpan }>;
    updateInterval: Record<Severity, SlaSpan>;
    escalationLevels: readonly EscalationLevel[];
    /** The support calendar SLA timers count on: 24/7 unless a category or severity says otherwise (category wins). */
    supportHours?: SupportHours;
  };
  quality: {
    elements: QualityElement[]; // the five elements of every work order
    incidentTemplate: QualityElement[]; // extra fields of incident work orders
    /** Service names the summary check recognises (lower case; matched as words). */
    services: string[];
    /** Symptom words the summary check recognises (lower case). */
    symptoms: string[];
  };
  complaint: { acknowledgeHours: number };
}
