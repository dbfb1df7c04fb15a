import type { CDPSession } from '@playwright/test';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[] }

/** Starts the renderer's V8 sampling profiler; the returned function stops it and names the hottest functions. */
export async function startCpuProfile(cdp: CDPSession): Promise<() => Promise<string>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const samples = profile.samples?.length ?? 0;
    const msPerSample = samples > 0 ? (profile.endTime - profile.startTime) / 1000 / samples : 0;
    const self = new Map<string, number>();
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame;
      const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
      self.set(name, (self.get(name) ?? 0) + (node.hitCount ?? 0) * msPerSample);
    }
    return [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, ms]) => `${ms.toFixed(0)} ms ${name}`).join('; ');
  };
}
