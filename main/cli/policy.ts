// `policy publish --file FILE`: records a new policy version (entity 'policyVersions').
// A broken policy is refused with one line naming the field, exit 2; the store is unchanged.
import { readFileSync } from 'node:fs';
import { policySchema } from '../../shared/rules/policy-schema.js';
import { openCaseStore, type StoredRecord } from '../store/index.js';
import { policyVersions } from '../server/policy/rules-context.js';
import type { Command } from './command.js';
import { parseOptions, UsageError } from './options.js';
import { POLICY_VERSIONS } from '../../shared/domain/entities.js';

export { policySchema };

export const policyCommand: Command = {
  name: 'policy',
  summary: 'publish a new policy version from a JSON file',
  usage: 'Usage: assurance-desk policy publish --file FILE [--data DIR]',
  async run(args) {
    const { values, positionals, dataDir, keys } = parseOptions(args, { file: { type: 'string' } });
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
    const store = await openCaseStore(dataDir, { autoBackup: false, keys });
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
