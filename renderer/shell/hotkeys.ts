import type { HotkeyItem } from '@mantine/hooks';
import { NAV_ITEMS } from './Navigation';
import type { ScreenId } from './view-state';

export interface ShellActions {
  go(screen: ScreenId): void;
  syncNow(): void;
  help(): void;
}

/**
 * Alt+digit and Alt+S match the PHYSICAL key (event.code): on macOS Option+1 types '¡' and Option+S
 * types 'ß', so matching on event.key would never fire there. Shift+? stays on the typed character,
 * because '?' sits on different physical keys across layouts.
 */
export function shellHotkeys(actions: ShellActions): HotkeyItem[] {
  const physical = { usePhysicalKeys: true };
  return [
    ...NAV_ITEMS.map((item, index): HotkeyItem => [`alt+digit${index + 1}`, () => actions.go(item.screen), physical]),
    ['alt+S', () => actions.syncNow(), physical],
    ['shift+?', () => actions.help()],
  ];
}
