import { describe, expect, it } from 'vitest';
import { debounce, MIN_WINDOW, restoreBounds, type Rect } from './restore-bounds';

// A laptop (primary, with a menu bar) and an external monitor to its right.
const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const MONITOR: Rect = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('restoreBounds', () => {
  it('keeps saved bounds that lie on a connected display', () => {
    expect(restoreBounds({ x: 1600, y: 100, width: 1360, height: 860, maximized: false }, [LAPTOP, MONITOR], LAPTOP))
      .toEqual({ x: 1600, y: 100, width: 1360, height: 860, maximized: false });
  });

  it('lets the OS centre a window saved on a monitor that is no longer connected, sized to the laptop', () => {
    expect(restoreBounds({ x: 1600, y: 100, width: 2000, height: 1200, maximized: false }, [LAPTOP], LAPTOP))
      .toEqual({ width: 1440, height: 875, maximized: false });
  });

  it('does not count a title-bar sliver as visible', () => {
    // 140 px of the window on the laptop: restored, moved fully inside.
    const restored = restoreBounds({ x: 1300, y: 100, width: 1360, height: 860, maximized: false }, [LAPTOP], LAPTOP);
    expect(restored).toEqual({ x: 80, y: 40, width: 1360, height: 860, maximized: false });
    const sliver = restoreBounds({ x: 1380, y: 100, width: 1360, height: 860, maximized: false }, [LAPTOP], LAPTOP);
    expect(sliver.x).toBeUndefined();
  });

  it('moves a window hanging over an edge back inside the work area (under the menu bar, not over it)', () => {
    expect(restoreBounds({ x: -200, y: 0, width: 1000, height: 700, maximized: false }, [LAPTOP], LAPTOP))
      .toEqual({ x: 0, y: 25, width: 1000, height: 700, maximized: false });
    expect(restoreBounds({ x: 3800, y: 1000, width: 1000, height: 700, maximized: false }, [LAPTOP, MONITOR], LAPTOP))
      .toEqual({ x: 3000, y: 740, width: 1000, height: 700, maximized: false });
  });

  it('picks the display holding most of a window that spans two', () => {
    const restored = restoreBounds({ x: 1200, y: 100, width: 1300, height: 800, maximized: false }, [LAPTOP, MONITOR], LAPTOP);
    expect(restored).toEqual({ x: 1440, y: 100, width: 1300, height: 800, maximized: false });
  });

  it('enforces the minimum size, unless the screen itself is smaller', () => {
    expect(restoreBounds({ x: 10, y: 40, width: 300, height: 200, maximized: false }, [LAPTOP], LAPTOP))
      .toMatchObject({ width: MIN_WINDOW.width, height: MIN_WINDOW.height });
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 600 };
    expect(restoreBounds({ x: 0, y: 0, width: 1360, height: 860, maximized: false }, [tiny], tiny)).toEqual({ x: 0, y: 0, width: 800, height: 600, maximized: false });
  });

  it('keeps the maximized flag, and sizes a never-placed window to the primary display', () => {
    expect(restoreBounds({ width: 1360, height: 860, maximized: true }, [LAPTOP, MONITOR], LAPTOP)).toEqual({ width: 1360, height: 860, maximized: true });
    expect(restoreBounds({ x: 1600, y: 100, width: 1360, height: 860, maximized: true }, [LAPTOP, MONITOR], LAPTOP).maximized).toBe(true);
  });
});

describe('debounce (window bounds are saved once the dragging stops)', () => {
  it('saves once after a burst, and flush saves at once', () => {
    let saves = 0;
    const pending = new Map<number, () => void>();
    let nextTimer = 1;
    const timers = {
      set: ((callback: () => void) => {
        const id = nextTimer++;
        pending.set(id, callback);
        return id;
      }) as unknown as typeof setTimeout,
      clear: ((id: number) => void pending.delete(id)) as unknown as typeof clearTimeout,
    };
    const saver = debounce(() => saves++, 500, timers);
    for (let i = 0; i < 20; i++) saver.schedule();
    expect(pending.size).toBe(1);
    for (const [id, callback] of [...pending]) {
      pending.delete(id);
      callback();
    }
    expect(saves).toBe(1);
    saver.schedule();
    saver.flush();
    expect(saves).toBe(2);
    expect(pending.size).toBe(0);
  });
});
