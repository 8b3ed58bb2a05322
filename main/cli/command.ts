// What one command of the command line is; commands.ts lists them all.
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit status. */
  run(args: string[]): Promise<number>;
}
