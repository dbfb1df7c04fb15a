import { toErrorPayload, AppError } from '../../shared/rpc/errors';
import type { CliIO } from './command';
import { UsageError } from './command';
import { commands } from './commands/index';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Usage: boardpack <command> [flags]   (--json for machine output, --verbose for stack traces)', '', 'Commands:', ...lines].join('\n');
}

/**
 * Runs one CLI invocation and returns its exit code: 0 ok, 1 failure (one clear line), 2 bad usage.
 * Kept free of process.exit so tests can call it in-process.
 */
export async function runCli(rawArgv: string[], io: CliIO): Promise<number> {
  const verbose = rawArgv.includes('--verbose');
  const argv = rawArgv.filter((a) => a !== '--verbose');
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name === undefined ? 2 : 0;
  }
  const cmdName = name === '--version' || name === '-v' ? 'version' : name;
  const entry = commands.find((c) => c.name === cmdName);
  if (!entry) {
    io.err(`error: unknown command "${name}"`);
    io.err(helpText());
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}`);
      io.err(`usage: ${command.usage}`);
      return 2;
    }
    const payload = toErrorPayload(error);
    const message = error instanceof AppError ? payload.message : error instanceof Error ? error.message : String(error);
    io.err(`error: ${message}`);
    if (payload.hint) io.err(`hint: ${payload.hint}`);
    if (verbose && error instanceof Error && error.stack) io.err(error.stack);
    else if (!(error instanceof AppError)) io.err('(run again with --verbose for the stack trace)');
    return 1;
  }
}

/** Entry point used by bin.mjs. */
export async function main(): Promise<void> {
  const controller = new AbortController();
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const code = await runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  });
  process.exitCode = code;
}
