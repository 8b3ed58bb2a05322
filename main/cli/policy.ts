// `policy publish --file FILE`: records a new policy version (entity 'policyVersions').
// A broken policy is refused with one line naming the field, exit 2; the store is unchanged.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../../shared/domain/case.js';
import { ESCALATION_LEVELS } from '../../shared/rules/policy.js';
import { openCaseStore, type StoredRecord } from '../store/index.js';
import { POLICY_VERSIONS, policyVersions } from '../server/policy/rules-context.js';
import type { Command } from './commands.js';
import { parseOptions, UsageError } from './options.js';

const span = z.union([
  z.object({ minutes: z.number().positive('must be a positive number of minutes') }).strict(),
  z.object({ workingDays: z.number().int().positive('must be a positive whole number of working days') }).strict(),
], 'expected {"minutes": N} or {"workingDays": N}');
const perSeverity = <T extends z.ZodType>(schema: T) => z.object(Object.fromEntries(SEVERITIES.map((s) => [s, schema])) as Record<(typeof SEVERITIES)[number], T>);
const element = z.object({ id: z.string().min(1), label: z.string().min(1), weight: z.number().nonnegative() });

/** Enough of the policy's shape that the engine cannot trip over a published version. */
export const policySchema = z.looseObject({
  id: z.string().trim().min(1, 'required'),
  effectiveFrom: z.iso.datetime({ offset: true, message: 'an ISO instant with offset' }),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a currency code such as CNY'),
  refund: z.looseObject({ windowHours: z.number().positive(), refundableBillingModes: z.array(z.string()) }),
  compensation: z.looseObject({ multipliers: z.record(z.string(), z.string().regex(/^\d+(\.\d+)?$/, 'a decimal string')) }),
  icpReward: z.looseObject({ amounts: z.object({ common: z.string(), vip: z.string() }) }),
  scope: z.object(Object.fromEntries(CATEGORIES.map((c) => [c, z.looseObject({ inScope: z.boolean(), label: z.string(), explanation: z.string() })]))),
  sla: z.object({
    firstResponse: perSeverity(z.object({ common: span, vip: span })),
    updateInterval: perSeverity(span),
    escalationLevels: z.array(z.enum(ESCALATION_LEVELS)).min(1, 'at least one level'),
  }),
  quality: z.object({
    elements: z.array(element),
    incidentTemplate: z.array(element),
    services: z.array(z.string()),
    symptoms: z.array(z.string()),
  }),
  complaint: z.object({ acknowledgeHours: z.number().positive() }),
});

export const policyCommand: Command = {
  name: 'policy',
  summary: 'publish a new policy version from a JSON file',
  usage: 'Usage: assurance-desk policy publish --file FILE [--data DIR]',
  async run(args) {
    const { values, positionals, dataDir } = parseOptions(args, { file: { type: 'string' } });
    if (positionals[0] !== 'publish') throw new UsageError(`policy: expected 'publish', got ${JSON.stringify(positionals[0] ?? '')}`);
    if (typeof values.file !== 'string') throw new UsageError('--file: required');
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(values.file, 'utf8'));
    } catch (error) {
      throw new UsageError(`--file: cannot read ${values.file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = policySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`policy ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
    }
    const store = await openCaseStore(dataDir, { autoBackup: false });
    try {
      if (policyVersions({ store }).some((p) => p.id === parsed.data.id)) {
        throw new UsageError(`policy id: version ${parsed.data.id} is already published; give the new version its own id`);
      }
      store.append({
        actor: 'cli',
        action: 'policy.published',
        reason: `published from ${values.file}`,
        changes: [{ entity: POLICY_VERSIONS, id: parsed.data.id, op: 'put', record: parsed.data as unknown as StoredRecord }],
      });
      process.stdout.write(`published policy ${parsed.data.id}, in force from ${parsed.data.effectiveFrom}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
