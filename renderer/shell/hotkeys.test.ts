import { getHotkeyHandler } from '@mantine/hooks';
import { describe, expect, it } from 'vitest';
import { shellHotkeys } from './hotkeys';
import type { ScreenId } from './view-state';

/** A keydown as the browser reports it: `key` is the typed character, `code` the physical key. */
function press(key: string, code: string, modifiers: { alt?: boolean; shift?: boolean; ctrl?: boolean } = {}) {
  return { key, code, altKey: modifiers.alt ?? false, shiftKey: modifiers.shift ?? false, ctrlKey: modifiers.ctrl ?? false, metaKey: false, preventDefault: () => undefined } as unknown as KeyboardEvent;
}

function recorder() {
  const log: string[] = [];
  const handle = getHotkeyHandler(shellHotkeys({ go: (screen: ScreenId) => log.push(`go:${screen}`), syncNow: () => log.push('sync'), help: () => log.push('help') }));
  return { log, handle };
}

describe('shell shortcuts', () => {
  it('Alt+1…5 open the screens on Windows and Linux, where Alt+digit types the digit', () => {
    const { log, handle } = recorder();
    for (const digit of [1, 2, 3, 4, 5]) handle(press(String(digit), `Digit${digit}`, { alt: true }));
    expect(log).toEqual(['go:dashboard', 'go:reconcile', 'go:boardpack', 'go:sync', 'go:settings']);
  });

  it('Option+digit and Option+S work on macOS, where they type ¡ ™ £ ¢ ∞ and ß', () => {
    const { log, handle } = recorder();
    for (const [key, digit] of [['¡', 1], ['™', 2], ['£', 3], ['¢', 4], ['∞', 5]] as const) handle(press(key, `Digit${digit}`, { alt: true }));
    handle(press('ß', 'KeyS', { alt: true }));
    expect(log).toEqual(['go:dashboard', 'go:reconcile', 'go:boardpack', 'go:sync', 'go:settings', 'sync']);
  });

  it('ignores the same keys without Alt, or with Ctrl added, so typing in a field never jumps screens', () => {
    const { log, handle } = recorder();
    handle(press('1', 'Digit1'));
    handle(press('s', 'KeyS'));
    handle(press('1', 'Digit1', { alt: true, ctrl: true }));
    handle(press('6', 'Digit6', { alt: true }));
    expect(log).toEqual([]);
  });

  it('Shift+? opens the list by the typed character, whatever key carries it', () => {
    const { log, handle } = recorder();
    handle(press('?', 'Slash', { shift: true }));
    handle(press('?', 'Minus', { shift: true }));
    expect(log).toEqual(['help', 'help']);
  });
});
