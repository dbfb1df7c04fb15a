import { Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Switch, Text, TextInput, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Settings } from '../../../shared/rpc/contracts/settings';
import { useApi } from '../../api/ApiContext';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { useSettings, useWorkspace, workspaceKeys } from '../workspace/queries';
import { BudgetCsatCard } from '../plan/BudgetCsatCard';
import { AccountMappingCard } from './AccountMappingCard';
import { ChannelRulesCard } from './ChannelRulesCard';
import { ProfilesCard } from './ProfilesCard';

const LOCALES = ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'nl-BE', 'es-ES', 'it-IT'];
// Every IANA zone the runtime knows (Chromium and Electron both have the full list), UTC first.
const TIMEZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Theme, locale, fiscal year, timezone, currency, reconciliation defaults and channel rules, schedule, data folder, profiles. */
export function SettingsPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const settings = useSettings();
  const workspace = useWorkspace();
  const { setColorScheme } = useMantineColorScheme();
  const [edited, setDraft] = useState<Settings | null>(null);
  // Unsaved edits win; until the first edit the stored settings are shown.
  const stored: Settings | null = settings.data ? (({ dataDir: _dataDir, ...rest }) => rest)(settings.data) : null;
  const draft = edited ?? stored;
  const save = useMutation({
    mutationFn: (next: Settings) => api.call('settings.set', next),
    onSuccess: (saved) => {
      setColorScheme(saved.theme as MantineColorScheme);
      void queryClient.invalidateQueries();
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.settings() });
    },
  });
  if (settings.error) return <ErrorAlert error={settings.error} />;
  if (!draft || !settings.data) return null;
  const patch = (p: Partial<Settings>) => setDraft({ ...draft, ...p });
  const currencies = workspace.data?.active?.currencies ?? [];

  return (
    <Stack maw={820}>
      <Group justify="space-between">
        <Title order={2}>Settings</Title>
        <Button onClick={() => save.mutate(draft)} loading={save.isPending}>Save settings</Button>
      </Group>
      {save.error && <ErrorAlert error={save.error} />}
      {save.isSuccess && <Text size="sm" c="teal" role="status">Settings saved.</Text>}
      <Card withBorder>
        <Stack gap="sm">
          <Title order={3} size="h5">Display</Title>
          <div>
            <Text size="sm" fw={500} id="theme-label">Theme</Text>
            <SegmentedControl aria-labelledby="theme-label" value={draft.theme} onChange={(v) => patch({ theme: v as Settings['theme'] })}
              data={[{ value: 'light', label: 'Light' }, { value: 'dark', label: 'Dark' }, { value: 'auto', label: 'System' }]} />
          </div>
          <Select label="Locale for numbers and dates" data={LOCALES} value={draft.locale} onChange={(v) => v && patch({ locale: v })} allowDeselect={false} />
          <Select label="Presentation currency" description="Default currency of consolidated views" data={currencies} value={draft.presentationCurrency}
            onChange={(v) => patch({ presentationCurrency: v })} clearable placeholder="First company's currency" />
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={3} size="h5">Periods</Title>
          <Select label="Timezone for cutting months" description="Odoo stores times in UTC; months are cut in this zone" data={TIMEZONES} value={draft.timezone}
            onChange={(v) => patch({ timezone: v })} clearable placeholder="The Odoo user's timezone" searchable />
          <Select label="Fiscal year starts in" data={MONTHS.map((m, i) => ({ value: String(i + 1), label: m }))} value={draft.fiscalYearStartMonth ? String(draft.fiscalYearStartMonth) : null}
            onChange={(v) => patch({ fiscalYearStartMonth: v ? Number(v) : null })} clearable placeholder="As set in Odoo (per company)" />
          <NumberInput label="Flag draft invoices older than (days)" min={1} max={365} value={draft.staleDraftDays} onChange={(v) => patch({ staleDraftDays: Number(v) || 30 })} />
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <div>
            <Title order={3} size="h5">Reconciliation defaults</Title>
            <Text size="xs" c="dimmed">Used for every channel without its own value in the channel rules below. Saved with the other settings.</Text>
          </div>
          <NumberInput label="Default amount tolerance (cents)" description="A difference up to this is rounding, not an exception" min={0} max={100000} allowDecimal={false}
            value={draft.reconciliation.amountToleranceMinor}
            onChange={(v) => patch({ reconciliation: { ...draft.reconciliation, amountToleranceMinor: Number(v) || 0 } })} />
          <NumberInput label="Default date window (days)" description="How far apart a shop order and an Odoo order may be and still be suggested as a match" min={0} max={60} allowDecimal={false}
            value={draft.reconciliation.dateWindowDays}
            onChange={(v) => patch({ reconciliation: { ...draft.reconciliation, dateWindowDays: Number(v) || 0 } })} />
        </Stack>
      </Card>
      <ChannelRulesCard />
      <AccountMappingCard />
      <BudgetCsatCard />
      <Card withBorder>
        <Stack gap="sm">
          <Title order={3} size="h5">Automatic sync</Title>
          <Switch label="Sync automatically during business hours (when online and idle)" checked={draft.schedule.enabled}
            onChange={(e) => patch({ schedule: { ...draft.schedule, enabled: e.currentTarget.checked } })} />
          <Group>
            <NumberInput label="Every (minutes)" min={5} max={1440} value={draft.schedule.everyMinutes} onChange={(v) => patch({ schedule: { ...draft.schedule, everyMinutes: Number(v) || 15 } })} w={140} />
            <TextInput label="From" value={draft.schedule.from} onChange={(e) => patch({ schedule: { ...draft.schedule, from: e.currentTarget.value } })} w={100} />
            <TextInput label="To" value={draft.schedule.to} onChange={(e) => patch({ schedule: { ...draft.schedule, to: e.currentTarget.value } })} w={100} />
          </Group>
          <Checkbox.Group label="Days" value={draft.schedule.weekdays.map(String)} onChange={(v) => patch({ schedule: { ...draft.schedule, weekdays: v.map(Number).sort() } })}>
            <Group mt={4}>{WEEKDAYS.map((d, i) => <Checkbox key={d} value={String(i + 1)} label={d} />)}</Group>
          </Checkbox.Group>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={3} size="h5">Data folder</Title>
        <Text size="sm" ff="monospace" data-testid="data-dir">{settings.data.dataDir}</Text>
        <Text size="xs" c="dimmed">Caches, snapshots, imports and exports live here. Back it up like any other finance file.</Text>
      </Card>
      <ProfilesCard />
    </Stack>
  );
}
