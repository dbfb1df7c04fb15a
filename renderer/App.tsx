import './theme.css';
import { AppShell, Burger, Group, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { BoardPackPage } from './features/boardpack/BoardPackPage';
import { ConnectionPage } from './features/connection/ConnectionPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { WelcomePage } from './features/onboarding/WelcomePage';
import { ReconcilePage } from './features/reconcile/ReconcilePage';
import { SettingsPage } from './features/settings/SettingsPage';
import { SyncPage } from './features/sync/SyncPage';
import { useSettings, useWorkspace } from './features/workspace/queries';
import { LocaleProvider } from './locale/LocaleProvider';
import { ColorSchemeToggle } from './shell/ColorSchemeToggle';
import { Navigation } from './shell/Navigation';
import { ScopeControls } from './shell/ScopeControls';
import { ShortcutsHelp } from './shell/ShortcutsHelp';
import { StatusBar } from './shell/StatusBar';
import { useCoreEvents } from './shell/useCoreEvents';
import { useShellHotkeys } from './shell/useShellHotkeys';
import { useStartupCheck } from './shell/useStartupCheck';
import { useView, ViewProvider, type ScreenId } from './shell/view-state';

/** Screens that work without synced data; the others show the welcome screen until the first sync. */
const WITHOUT_DATA: ScreenId[] = ['connection', 'sync', 'settings'];

function Screen({ screen }: { screen: ScreenId }) {
  switch (screen) {
    case 'dashboard':
      return <DashboardPage />;
    case 'reconcile':
      return <ReconcilePage />;
    case 'boardpack':
      return <BoardPackPage />;
    case 'sync':
      return <SyncPage />;
    case 'settings':
      return <SettingsPage />;
    case 'connection':
      return <ConnectionPage />;
    case 'welcome':
      return <WelcomePage />;
  }
}

function Shell() {
  const view = useView();
  const workspace = useWorkspace();
  const settings = useSettings();
  const { setColorScheme } = useMantineColorScheme();
  const { navOpened, toggleNav } = view;
  const [helpOpened, setHelpOpened] = useState(false);
  useCoreEvents();
  useStartupCheck(workspace.data?.activeProfileId);

  // Applies the stored theme when it loads or changes, not on every colour-scheme change.
  const savedTheme = settings.data?.theme;
  const appliedTheme = useRef<string | null>(null);
  useEffect(() => {
    if (!savedTheme || appliedTheme.current === savedTheme) return;
    appliedTheme.current = savedTheme;
    setColorScheme(savedTheme as MantineColorScheme);
  }, [savedTheme, setColorScheme]);

  useShellHotkeys(() => setHelpOpened(true));

  const active = workspace.data?.active ?? null;
  const hasData = active?.hasData === true;
  const screen: ScreenId = workspace.isSuccess && !hasData && !WITHOUT_DATA.includes(view.screen) ? 'welcome' : view.screen;

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 210, breakpoint: 'sm', collapsed: { desktop: !navOpened, mobile: !navOpened } }} footer={{ height: 32 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={toggleNav} size="sm" aria-label={navOpened ? 'Hide navigation' : 'Show navigation'} />
            <Title order={1} size="h4">Boardpack</Title>
          </Group>
          <Group gap="md" wrap="nowrap">
            <ScopeControls />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <Navigation />
      </AppShell.Navbar>
      <AppShell.Main>
        {workspace.isSuccess && <Screen screen={screen} />}
      </AppShell.Main>
      <AppShell.Footer px="md">
        <StatusBar />
      </AppShell.Footer>
      <ShortcutsHelp opened={helpOpened} onClose={() => setHelpOpened(false)} />
    </AppShell>
  );
}

export function App() {
  return (
    <ViewProvider>
      <LocaleProvider><Shell /></LocaleProvider>
    </ViewProvider>
  );
}
