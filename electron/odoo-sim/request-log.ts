/**
 * Log of every request the simulator served, so tests can prove the client's politeness
 * (max calls in flight, smallest gap between successive calls).
 */
export interface RequestLogEntry {
  /** ms since epoch (performance-based, monotonic within a run). */
  start: number;
  end?: number;
  path: string;
  model?: string;
  method?: string;
  status?: number;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  begin(path: string, start: number): RequestLogEntry {
    const entry: RequestLogEntry = { start, path };
    this.entries.push(entry);
    return entry;
  }

  all(): readonly RequestLogEntry[] {
    return this.entries;
  }

  count(): number {
    return this.entries.length;
  }

  reset(): void {
    this.entries = [];
  }

  /** Largest number of requests in flight at the same time. */
  maxConcurrency(): number {
    const events: Array<[number, number]> = [];
    for (const entry of this.entries) {
      events.push([entry.start, 1]);
      events.push([entry.end ?? Number.POSITIVE_INFINITY, -1]);
    }
    // Ends sort before starts at the same instant: back-to-back calls are not concurrent.
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let current = 0;
    let max = 0;
    for (const [, delta] of events) {
      current += delta;
      max = Math.max(max, current);
    }
    return max;
  }

  /** Smallest start-to-start gap between successive requests (Infinity with fewer than two). */
  minGapMs(): number {
    const starts = this.entries.map((e) => e.start).sort((a, b) => a - b);
    let min = Number.POSITIVE_INFINITY;
    for (let i = 1; i < starts.length; i++) min = Math.min(min, starts[i] - starts[i - 1]);
    return min;
  }
}
