// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { RpcEvent } from '../../shared/rpc/envelope';
import { ApiProvider } from '../api/ApiContext';
import { createApiClient } from '../api/client';
import type { Transport } from '../api/transports/transport';
import { useJobProgress } from './useJobProgress';

/** The real client over a transport whose push events the test emits. */
function pushTransport() {
  const listeners = new Set<(event: RpcEvent) => void>();
  const transport: Transport = {
    send: async (request) => ({ id: request.id, ok: true, value: null }),
    cancel: () => undefined,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (jobId: string, label: string, done: number, total: number | null) =>
    act(() => listeners.forEach((listener) => listener({ event: 'job.progressed', payload: { jobId, label, done, total } })));
  return { client: createApiClient(transport), emit, listenerCount: () => listeners.size };
}

describe('useJobProgress', () => {
  it('follows only its job id while active, then forgets the last report and unsubscribes', () => {
    const push = pushTransport();
    const wrapper = ({ children }: { children: ReactNode }) => <ApiProvider client={push.client}>{children}</ApiProvider>;
    const { result, rerender } = renderHook(({ active }) => useJobProgress('boardpack.export', active), { wrapper, initialProps: { active: true } });
    expect(result.current).toBeNull();
    push.emit('demo', 'Generating the demo company', 0, null);
    expect(result.current).toBeNull();
    push.emit('boardpack.export', 'Rendering XLSX AND PDF', 0, 2);
    expect(result.current).toEqual({ label: 'Rendering XLSX AND PDF', done: 0, total: 2 });
    push.emit('boardpack.export', 'Done', 2, 2);
    expect(result.current).toEqual({ label: 'Done', done: 2, total: 2 });

    rerender({ active: false });
    expect(result.current).toBeNull();
    expect(push.listenerCount()).toBe(0);
    push.emit('boardpack.export', 'Late report', 1, 2);
    rerender({ active: true });
    expect(result.current).toBeNull();
  });
});
