import { checkCommand } from './check.js';
import { policyCommand } from './policy.js';
import { seedCommand } from './seed.js';
import { verifyCommand } from './verify.js';
import { backupCommand } from './backup.js';
import { restoreCommand } from './restore.js';
import { exportCommand } from './export.js';
import type { Command } from './command.js';

export type { Command };

// Every command of the command line, one module each. Add a command by adding it here.
export const commands: Command[] = [seedCommand, checkCommand, policyCommand, verifyCommand, backupCommand, restoreCommand, exportCommand];
