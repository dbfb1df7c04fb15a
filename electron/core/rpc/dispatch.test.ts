import { describe, expect, it } from 'vitest';
import { createCore } from '../index';
import { fixedClock } from '../clock';
import { silentLogger } from '../logging/logger';
import { createMemorySecretStore } from '../secrets';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function core() {
  return createCore({ dataDir: mkdtempSync(join(tmpdir(), 'bp-core-')), secrets: createMemorySecretStore(), logger: silentLogger, clock: fixedClock('2026-01-31T22:30:00Z') });
}

describe('dispatcher', () => {
  it('runs a valid call and returns its value', async () => {
    const response = await core().dispatch({ id: 7, method: 'app.ping', params: { message: 'hi' } });
    expect(response).toEqual({ id: 7, ok: true, value: { message: 'hi', receivedAt: '2026-01-31T22:30:00.000Z' } });
  });

  it.each([
    ['a wrong type', { message: 42 }, 'message'],
    ['a missing field', {}, 'message'],
    ['an unknown field', { message: 'x', extra: true }, 'extra'],
    ['a string too long', { message: 'x'.repeat(201) }, 'message'],
    ['not an object', 'hello', 'input'],
  ])('answers %s with a typed validation error, never a crash', async (_label, params, path) => {
    const response = await core().dispatch({ id: 1, method: 'app.ping', params });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('validation');
    expect(response.error.message).toContain(path);
  });

  it('answers an unknown method with unknown_method', async () => {
    const response = await core().dispatch({ id: 2, method: 'app.format', params: {} });
    expect(response).toMatchObject({ id: 2, ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses inherited property names as methods', async () => {
    const response = await core().dispatch({ id: 3, method: 'constructor', params: {} });
    expect(response).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
});
