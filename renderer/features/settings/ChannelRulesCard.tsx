import { Badge, Button, Card, Group, MultiSelect, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SHIPPING_IN_ODOO_LABEL, type ChannelRule, type ChannelRuleInput, type ChannelRulesView } from '../../../shared/rpc/contracts/reconcile';
import { useApi } from '../../api/ApiContext';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { invalidateReconciliation, reconcileKeys } from '../reconcile/queries';
import { useWorkspace } from '../workspace/queries';

/**
 * Per-channel reconciliation rules of the active company file: whether Odoo books shipping as
 * revenue, optional tolerance and date-window overrides (empty = the defaults above), and which
 * payment providers feed the channel. Each row saves on its own.
 */
export function ChannelRulesCard() {
  const api = useApi();
  const workspace = useWorkspace();
  const profileId = workspace.data?.active?.profile.id ?? null;
  const rules = useQuery({
    queryKey: reconcileKeys.channelRules(profileId ?? 'none'),
    queryFn: () => api.call('reconcile.listChannelRules', {}),
    enabled: profileId !== null,
  });
  const [added, setAdded] = useState<string[]>([]);

  return (
    <Card withBorder data-testid="channel-rules">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5">Channel rules</Title>
          <Text size="xs" c="dimmed">Stored with this company&apos;s data. The next reconciliation uses a saved rule; empty overrides use the defaults above.</Text>
        </div>
        {profileId === null && <Text size="sm" c="dimmed">Connect to Odoo or open the demo company to set channel rules.</Text>}
        {rules.error && <ErrorAlert error={rules.error} title="Channel rules could not be read" />}
        {rules.data && (
          <>
            {[...rules.data.rules, ...added.filter((channel) => !rules.data.rules.some((r) => r.channel === channel)).map((channel) => newRule(channel))].map((rule) => (
              <ChannelRuleRow key={rule.channel} rule={rule} view={rules.data} />
            ))}
            <ChannelAdder known={rules.data.rules.map((r) => r.channel)} onAdd={(channel) => setAdded((list) => [...list, channel])} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function newRule(channel: string): ChannelRule {
  return { channel, shippingInOdoo: true, roundingToleranceMinor: null, dateWindowDays: null, settlementSources: [], saved: false, seenInImports: false, conventionalSources: [] };
}

/** Mantine's NumberInput reports '' when cleared: that is "no override". */
function optionalNumber(value: string | number): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function ChannelRuleRow({ rule, view }: { rule: ChannelRule; view: ChannelRulesView }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ChannelRuleInput>({
    channel: rule.channel, shippingInOdoo: rule.shippingInOdoo, roundingToleranceMinor: rule.roundingToleranceMinor, dateWindowDays: rule.dateWindowDays, settlementSources: rule.settlementSources,
  });
  const save = useMutation({
    mutationFn: (input: ChannelRuleInput) => api.call('reconcile.saveChannelRule', input),
    onSuccess: () => invalidateReconciliation(queryClient),
  });
  const patch = (p: Partial<ChannelRuleInput>) => {
    save.reset();
    setDraft({ ...draft, ...p });
  };
  const dirty = !rule.saved || draft.shippingInOdoo !== rule.shippingInOdoo || draft.roundingToleranceMinor !== rule.roundingToleranceMinor
    || draft.dateWindowDays !== rule.dateWindowDays || draft.settlementSources.join() !== rule.settlementSources.join();
  const name = rule.channel;
  const sources = [...new Set([...view.settlementSources, ...draft.settlementSources])].filter((source) => !rule.conventionalSources.includes(source));

  return (
    <Paper withBorder p="sm" data-testid={`channel-rule-${name}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={600} size="sm">{name}</Text>
          {rule.seenInImports ? <Badge size="xs" variant="light">in imports</Badge> : <Badge size="xs" variant="default">not imported yet</Badge>}
          {!rule.saved && <Badge size="xs" variant="default">defaults</Badge>}
        </Group>
        <Switch label={SHIPPING_IN_ODOO_LABEL} aria-label={`${SHIPPING_IN_ODOO_LABEL} (${name})`} checked={draft.shippingInOdoo}
          description={draft.shippingInOdoo ? 'Shipping missing from the Odoo order is flagged.' : 'Shipping missing from the Odoo order is expected, not flagged.'}
          onChange={(e) => patch({ shippingInOdoo: e.currentTarget.checked })} />
        <Group align="flex-start" grow>
          <NumberInput label="Tolerance (cents)" aria-label={`Tolerance in cents for ${name}`} min={0} max={100000} allowDecimal={false}
            placeholder={`Default: ${view.defaults.amountToleranceMinor}`} value={draft.roundingToleranceMinor ?? ''}
            onChange={(v) => patch({ roundingToleranceMinor: optionalNumber(v) })} />
          <NumberInput label="Date window (days)" aria-label={`Date window in days for ${name}`} min={0} max={60} allowDecimal={false}
            placeholder={`Default: ${view.defaults.dateWindowDays}`} value={draft.dateWindowDays ?? ''}
            onChange={(v) => patch({ dateWindowDays: optionalNumber(v) })} />
          <MultiSelect label="Also settled through" aria-label={`Settlement sources for ${name}`} data={sources} value={draft.settlementSources}
            description={rule.conventionalSources.length > 0 ? `Always: ${rule.conventionalSources.join(', ')}` : undefined}
            placeholder={draft.settlementSources.length === 0 ? 'No other provider' : undefined} onChange={(v) => patch({ settlementSources: v })} clearable />
        </Group>
        <Group gap="sm">
          <Button size="xs" onClick={() => save.mutate(draft)} loading={save.isPending} disabled={!dirty && !save.isError} aria-label={`Save rule for ${name}`}>Save rule</Button>
          {save.isSuccess && <Text size="sm" c="teal.9" role="status">Saved: the next reconciliation uses it.</Text>}
        </Group>
        {save.error && <ErrorAlert error={save.error} title={`The ${name} rule was not saved`} />}
      </Stack>
    </Paper>
  );
}

function ChannelAdder({ known, onAdd }: { known: string[]; onAdd(channel: string): void }) {
  const [name, setName] = useState('');
  const channel = name.trim();
  return (
    <Group align="flex-end">
      <TextInput label="Add a channel" description="As your imports name it, e.g. the channel of a saved column mapping" placeholder="e.g. adler-market"
        value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <Button variant="default" disabled={!channel || known.includes(channel)} onClick={() => { onAdd(channel); setName(''); }}>Add</Button>
    </Group>
  );
}
