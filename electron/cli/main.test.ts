import { describe, expect, it } from 'vitest';
import { commands } from './commands/index';
import { runCli } from './main';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: process.cwd(), signal: new AbortController().signal });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('boardpack CLI', () => {
  it('prints the version', async () => {
    const result = await run('--version');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints JSON with --json', async () => {
    const result = await run('version', '--json');
    expect(JSON.parse(result.out)).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  it('exits 2 on an unknown command', async () => {
    const result = await run('frobnicate');
    expect(result.code).toBe(2);
    expect(result.err).toContain('unknown command "frobnicate"');
  });

  it('exits 2 with the usage on an unknown flag, without a stack trace', async () => {
    const result = await run('version', '--bogus');
    expect(result.code).toBe(2);
    expect(result.err).toContain('usage: boardpack version');
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it('lists every command in help, and each entry loads the command it names', async () => {
    const help = await run('help');
    for (const entry of commands) {
      expect(help.out).toContain(entry.name);
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.usage).toContain(`boardpack ${entry.name}`);
    }
  });
});
