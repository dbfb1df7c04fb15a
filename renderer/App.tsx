import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ColorSchemeToggle } from './shell/ColorSchemeToggle';
import { StatusBar } from './shell/StatusBar';
import { HomePage } from './features/home/HomePage';

const SCREENS = ['Home'] as const;
type Screen = (typeof SCREENS)[number];

export function App() {
  const [screen, setScreen] = useState<Screen>('Home');
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 'sm' }} footer={{ height: 32 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h4">Boardpack</Title>
          <ColorSchemeToggle />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {SCREENS.map((name) => (
          <NavLink key={name} label={name} active={screen === name} onClick={() => setScreen(name)} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{screen === 'Home' && <HomePage />}</AppShell.Main>
      <AppShell.Footer px="md">
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}

export function Placeholder({ text }: { text: string }) {
  return <Text c="dimmed">{text}</Text>;
}
