/** A rectangle in screen coordinates (Electron's Rectangle, without importing electron: this module stays pure). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window as saved in the preferences file. */
export interface SavedWindow {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

/** What to open the window with: no x/y means "let the OS centre it". */
export interface RestoredWindow {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

/** The smallest size the layout works at (the navigation plus a report table). */
export const MIN_WINDOW = { width: 960, height: 640 } as const;
/** Less than this much of the window on a display (e.g. a title-bar sliver) does not count as "on" it. */
const MIN_VISIBLE_PX = 100;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/**
 * Where to reopen the window. The saved bounds may belong to a monitor that is no longer connected
 * (a laptop off its dock) or be larger than the screen now; then the window would open off-screen or
 * be impossible to resize. Rules: pick the work area the saved window overlapped most (at least
 * MIN_VISIBLE_PX in each direction), else the primary one and let the OS centre it; keep the size
 * between MIN_WINDOW and that work area; move the window fully inside it. The maximized flag is kept.
 */
export function restoreBounds(saved: SavedWindow, workAreas: Rect[], primary: Rect): RestoredWindow {
  const fit = (area: Rect) => ({
    width: Math.round(clamp(saved.width, Math.min(MIN_WINDOW.width, area.width), area.width)),
    height: Math.round(clamp(saved.height, Math.min(MIN_WINDOW.height, area.height), area.height)),
  });
  if (saved.x === undefined || saved.y === undefined) return { ...fit(primary), maximized: saved.maximized };
  const rect: Rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  const visible = (area: Rect) =>
    Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x) >= MIN_VISIBLE_PX &&
    Math.min(rect.y + rect.height, area.y + area.height) - Math.max(rect.y, area.y) >= MIN_VISIBLE_PX;
  const candidates = workAreas.filter(visible).sort((a, b) => overlap(rect, b) - overlap(rect, a));
  const area = candidates[0];
  if (!area) return { ...fit(primary), maximized: saved.maximized };
  const size = fit(area);
  return {
    ...size,
    x: Math.round(clamp(rect.x, area.x, area.x + area.width - size.width)),
    y: Math.round(clamp(rect.y, area.y, area.y + area.height - size.height)),
    maximized: saved.maximized,
  };
}

/**
 * Calls `save` once the calls stop for `waitMs` (resize and move fire many events per second while
 * dragging); `flush` saves a pending value at once (on close).
 */
export function debounce(save: () => void, waitMs: number, timers: { set: typeof setTimeout; clear: typeof clearTimeout } = { set: setTimeout, clear: clearTimeout }) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule(): void {
      if (timer) timers.clear(timer);
      timer = timers.set(() => {
        timer = null;
        save();
      }, waitMs);
    },
    flush(): void {
      if (timer) timers.clear(timer);
      timer = null;
      save();
    },
  };
}
