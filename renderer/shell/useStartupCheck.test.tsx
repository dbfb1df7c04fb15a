// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../api/ApiContext';
import { createApiClient } from '../api/client';
import type { Transport } from '../api/transports/transport';
import { ONLINE_RECHECK_MS, useStartupCheck } from './useStartupCheck';

/** The real client over a transport that records which methods were called. */
function recordingClient() {
  const methods: string[] = [];
  const transport: Transport = {
    send: async (request) => {
      methods.push(request.method);
      return { id: request.id, ok: true, value: { activeProfileId: 'demo' } };
    },
    cancel: () => undefined,
    onEvent: () => () => undefined,
  };
  return { client: createApiClient(transport), checks: () => methods.filter((m) => m === 'workspace.checkOnline').length };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useStartupCheck: the online state stays current', () => {
  it('checks at launch, when the network comes or goes, and every five minutes; stops when unmounted', async () => {
    vi.useFakeTimers();
    const api = recordingClient();
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}><ApiProvider client={api.client}>{children}</ApiProvider></QueryClientProvider>
    );
    const { unmount } = renderHook(() => useStartupCheck('demo'), { wrapper });
    expect(api.checks()).toBe(1);
    act(() => void window.dispatchEvent(new Event('offline')));
    act(() => void window.dispatchEvent(new Event('online')));
    expect(api.checks()).toBe(3);
    await act(async () => void vi.advanceTimersByTime(ONLINE_RECHECK_MS - 1));
    expect(api.checks()).toBe(3);
    await act(async () => void vi.advanceTimersByTime(1));
    expect(api.checks()).toBe(4);
    unmount();
    window.dispatchEvent(new Event('online'));
    vi.advanceTimersByTime(ONLINE_RECHECK_MS * 2);
    expect(api.checks()).toBe(4);
  });

  it('does nothing without an active profile', () => {
    const api = recordingClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={new QueryClient()}><ApiProvider client={api.client}>{children}</ApiProvider></QueryClientProvider>
    );
    renderHook(() => useStartupCheck(null), { wrapper });
    window.dispatchEvent(new Event('online'));
    expect(api.checks()).toBe(0);
  });
});
