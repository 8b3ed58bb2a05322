// `check <refund|compensation|icp-reward|sla> [FILE]`: one policy decision as JSON on stdout.
// Exit 0 for a decision (eligible or not), 2 for an invalid request (one line on stderr,
// nothing on stdout). Writes nothing anywhere; `--data DIR` is accepted and ignored.
import { readFile } from 'node:fs/promises';
import { DECISION_KINDS } from '../../shared/rules/requests.js';
import { validateRequest } from '../../shared/rules/validate.js';
import { decide, NoPolicyInForce } from '../rules/index.js';
import { publicRule } from '../rules/rule-list.js';
import type { Command } from './command.js';

const USAGE = `Usage: assurance-desk check <${DECISION_KINDS.join('|')}> [FILE]

Asks the rules engine for a decision. FILE is a JSON request (default: standard input).
Prints one JSON object; exit 0 for a decision, 2 for an invalid request.
Writes nothing; --data DIR is accepted and ignored.`;

export interface CheckIo {
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}

const processIo: CheckIo = {
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  readFile: (path) => readFile(path, 'utf8'),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function runCheck(args: string[], io: CheckIo = processIo): Promise<number> {
  const invalid = (message: string) => {
    io.err(`invalid request: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  };
  const positional = withoutDataOption(args);
  if (!positional.ok) return invalid(positional.error);
  const [kind, file, ...extra] = positional.args;
  if (kind === undefined) return invalid(`kind: required, one of ${DECISION_KINDS.join(', ')}`);
  if (extra.length > 0) return invalid(`${extra[0]}: unexpected argument (one FILE at most)`);

  let text: string;
  try {
    text = file === undefined || file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    return invalid(`FILE: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return invalid(`request: malformed JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const validated = validateRequest(kind, json);
  if (!validated.ok) return invalid(validated.error);
  try {
    const decision = decide(validated);
    // The documented shape: rule entries are {id, result, reason, subject?}; code/params are for the desk's UI.
    io.out(`${JSON.stringify({ ...decision, rules: decision.rules.map(publicRule) }, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof NoPolicyInForce) return invalid(`${error.field}: ${error.message}`);
    throw error;
  }
}

function withoutDataOption(args: string[]): { ok: true; args: string[] } | { ok: false; error: string } {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--data') {
      if (args[i + 1] === undefined) return { ok: false, error: '--data: needs a directory' };
      i += 1;
    } else if (arg.startsWith('--data=')) {
      continue;
    } else if (arg.startsWith('--')) {
      return { ok: false, error: `${arg}: unknown option` };
    } else rest.push(arg);
  }
  return { ok: true, args: rest };
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'Ask the rules engine for a refund, compensation, ICP reward or SLA decision',
  usage: USAGE,
  run: (args) => runCheck(args),
};
