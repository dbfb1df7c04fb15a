import { Group, MultiSelect, Select } from '@mantine/core';
import { useWorkspace } from '../features/workspace/queries';
import { resolveScope } from '../features/workspace/scope';
import { useView } from './view-state';

/** Header controls: companies (one, several, or all = consolidated), presentation currency, month. */
export function ScopeControls() {
  const view = useView();
  const workspace = useWorkspace();
  const active = workspace.data?.active ?? null;
  if (!active?.hasData) return null;
  const scope = resolveScope(view, active);
  const closed = new Set(active.closedMonths);
  return (
    <Group gap="xs" wrap="nowrap">
      <MultiSelect
        size="xs"
        w={280}
        label="Companies"
        aria-label="Companies"
        placeholder={view.companies.length === 0 ? 'All companies (consolidated)' : undefined}
        data={active.companies.map((c) => ({ value: String(c.id), label: `${c.name} (${c.currency})` }))}
        value={view.companies.map(String)}
        onChange={(values) => view.setScope({ companies: values.map(Number) })}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        size="xs"
        w={110}
        label="Currency"
        data={active.currencies}
        value={scope.currency}
        placeholder="Default"
        onChange={(value) => view.setScope({ currency: value })}
        clearable
        allowDeselect
      />
      <Select
        size="xs"
        w={150}
        label="Month"
        data={scope.months.map((m) => ({ value: m, label: closed.has(m) ? `${m} (closed)` : m }))}
        value={scope.month}
        onChange={(value) => view.setScope({ month: value })}
        allowDeselect={false}
        searchable
      />
    </Group>
  );
}
