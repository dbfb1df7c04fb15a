import { Alert, Autocomplete, Button, Card, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { useView } from '../../shell/view-state';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { useWorkspace } from '../workspace/queries';
import { ConnectionReportView } from './ConnectionReportView';

type Protocol = 'auto' | 'json2' | 'jsonrpc';

/** Odoo connection: URL, database (listed when allowed), login, API key (never shown back), protocol. */
export function ConnectionPage() {
  const api = useApi();
  const view = useView();
  const workspace = useWorkspace();
  const current = workspace.data?.active?.profile.kind === 'odoo' ? workspace.data.active : null;
  const [url, setUrl] = useState(current?.profile.url ?? '');
  const [db, setDb] = useState(current?.profile.db ?? '');
  const [login, setLogin] = useState(current?.profile.login ?? '');
  const [apiKey, setApiKey] = useState('');
  const [protocol, setProtocol] = useState<Protocol>(current?.profile.protocol ?? 'auto');
  const hasStoredKey = current !== null && current.keyAge.status !== 'missing';

  const form = () => ({ profileId: current?.profile.id, url, db, login: login || undefined, apiKey: apiKey || undefined, protocol });
  const databases = useMutation({ mutationFn: () => api.call('connection.listDatabases', { url }) });
  const test = useMutation({ mutationFn: () => api.call('connection.test', form()) });
  const save = useMutation({
    mutationFn: () => api.call('connection.save', form()),
    onSuccess: () => setApiKey(''),
  });
  const startSync = useMutation({
    mutationFn: () => api.call('sync.start', {}),
    onSuccess: () => view.go('sync'),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    test.mutate();
  };

  return (
    <Stack maw={900}>
      <Title order={2}>Connect to Odoo</Title>
      {current && current.keyAge.status !== 'ok' && current.keyAge.status !== 'not_needed' && (
        <Alert color={current.keyAge.status === 'expired' || current.keyAge.status === 'missing' ? 'red' : 'yellow'} title="API key" role="status" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
          {current.keyAge.message}
        </Alert>
      )}
      <Card withBorder>
        <form onSubmit={onSubmit} aria-label="Odoo connection">
          <Stack gap="sm">
            <TextInput label="Odoo address" description="e.g. https://mycompany.odoo.com" required value={url} onChange={(e) => setUrl(e.currentTarget.value)}
              onBlur={() => url && databases.mutate()} autoComplete="url" />
            <Autocomplete label="Database" required value={db} onChange={setDb} data={databases.data?.databases ?? []}
              description={databases.data?.note ?? (databases.data?.listed ? `${databases.data.databases.length} databases on this server` : 'Usually the first part of the address for Odoo Online')} />
            <TextInput label="Login (email)" description="Needed for Odoo 17 and 18 (JSON-RPC); Odoo 19 only needs the key" value={login} onChange={(e) => setLogin(e.currentTarget.value)} autoComplete="username" />
            <PasswordInput label="API key" value={apiKey} onChange={(e) => setApiKey(e.currentTarget.value)} autoComplete="off"
              placeholder={hasStoredKey ? 'A key is stored (leave empty to keep it)' : 'Paste the key from Odoo > Preferences > Account Security'}
              description="Stored encrypted on this computer; never shown again." />
            <div>
              <Text size="sm" fw={500} id="protocol-label">Protocol</Text>
              <SegmentedControl aria-labelledby="protocol-label" value={protocol} onChange={(value) => setProtocol(value as Protocol)}
                data={[{ value: 'auto', label: 'Automatic' }, { value: 'json2', label: 'JSON-2 (Odoo 19+)' }, { value: 'jsonrpc', label: 'JSON-RPC (17/18)' }]} />
            </div>
            <Group>
              <Button type="submit" loading={test.isPending}>Test connection</Button>
              <Button variant="default" onClick={() => save.mutate()} loading={save.isPending} disabled={!url || !db}>Save</Button>
              {save.isSuccess && (
                <Button variant="light" onClick={() => startSync.mutate()} loading={startSync.isPending}>Sync now</Button>
              )}
            </Group>
          </Stack>
        </form>
      </Card>
      {test.error && <ErrorAlert error={test.error} />}
      {save.error && <ErrorAlert error={save.error} />}
      {startSync.error && <ErrorAlert error={startSync.error} />}
      {save.data && (
        <Alert color="teal" title="Saved" role="status" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
          {save.data.profile.name} is the active connection. {save.data.keyPersistent ? 'The key is stored encrypted.' : save.data.keyNote}
        </Alert>
      )}
      {test.data && <ConnectionReportView report={test.data} />}
    </Stack>
  );
}
