#!/usr/bin/env node
// The desk's command line: `npm run --silent cli -- <command>` or the `assurance-desk` bin.
import { commands } from './commands.js';
import { UsageError } from './options.js';

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`assurance-desk: unknown command '${name}' (try --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

function usage(): string {
  const lines = commands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`);
  return [
    'Usage: assurance-desk <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --data DIR (default: the desk\'s own data directory).',
    'Run `assurance-desk <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`assurance-desk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
