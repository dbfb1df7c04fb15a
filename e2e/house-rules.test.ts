import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The dependency rules are only worth something if lint really fails on a violation.
const eslint = new ESLint();
async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint enforces the dependency rules', () => {
  it('fails on an electron import inside electron/core', async () => {
    expect(await messages('electron/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([expect.stringContaining('Only electron/main and electron/preload may import electron')]);
  });

  it('fails on a Node import inside shared/', async () => {
    expect(await messages('shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toEqual([expect.stringContaining('no Node modules')]);
    expect(await messages('shared/probe.ts', "import { join } from 'path';\nexport const j = join;\n")).toEqual([expect.stringContaining('no Node modules')]);
  });

  it('fails on Node or core imports inside the renderer', async () => {
    expect(await messages('renderer/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toHaveLength(1);
    expect(await messages('renderer/probe.ts', "import { createCore } from '../electron/core/index';\nexport const c = createCore;\n")).toHaveLength(1);
  });

  it('accepts electron imports in electron/main and local files named like Node modules', async () => {
    expect(await messages('electron/main/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    expect(await messages('shared/rpc/probe.ts', "import { events } from './events';\nexport const e = events;\n")).toEqual([]);
  });
});
