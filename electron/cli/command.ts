/** What every CLI command receives: where to write, the environment, and a cancellation signal (Ctrl-C). */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  signal: AbortSignal;
}

/** One `boardpack <name>` command. `run` returns the exit code: 0 ok, 1 failure, 2 bad usage. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Bad flags or arguments: the CLI prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
