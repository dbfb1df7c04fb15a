import { Kbd, NavLink, Stack } from '@mantine/core';
import type { ComponentType, SVGProps } from 'react';
import { DashboardIcon, PackIcon, ReconcileIcon, SettingsIcon, SyncIcon } from '../ui/Icons/Icons';
import { useView, type ScreenId } from './view-state';

/** The main screens in navigation order; the number is the Alt+N shortcut. */
export const NAV_ITEMS: Array<{ screen: ScreenId; label: string; icon: ComponentType<SVGProps<SVGSVGElement>> }> = [
  { screen: 'dashboard', label: 'Dashboard', icon: DashboardIcon },
  { screen: 'reconcile', label: 'Reconcile', icon: ReconcileIcon },
  { screen: 'boardpack', label: 'Board pack', icon: PackIcon },
  { screen: 'sync', label: 'Sync', icon: SyncIcon },
  { screen: 'settings', label: 'Settings', icon: SettingsIcon },
];

export function Navigation() {
  const view = useView();
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {NAV_ITEMS.map(({ screen, label, icon: Icon }, index) => (
        <li key={screen}>
          <NavLink
            component="button"
            type="button"
            label={label}
            leftSection={<Icon />}
            rightSection={<Kbd size="xs" aria-hidden>Alt {index + 1}</Kbd>}
            active={view.screen === screen}
            aria-current={view.screen === screen ? 'page' : undefined}
            onClick={() => view.go(screen)}
          />
        </li>
      ))}
    </Stack>
  );
}
