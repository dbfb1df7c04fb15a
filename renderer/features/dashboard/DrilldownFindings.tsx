import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { findingsForKpi } from '../../../shared/reports/finding-kpis';
import type { AvailabilityNote, DataQualityFinding, KpiId } from '../../../shared/reports/types';

const SEVERITY_WORD: Record<DataQualityFinding['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** One finding with its sample records behind a "Show records" toggle. */
function FindingRow({ finding }: { finding: DataQualityFinding }) {
  const [shown, setShown] = useState(false);
  const more = finding.count - finding.sampleIds.length;
  return (
    <Stack gap={2} data-testid="drilldown-finding" data-code={finding.code} data-severity={finding.severity}>
      <Text size="sm"><Text span fw={700} size="sm">{SEVERITY_WORD[finding.severity]}:</Text> {finding.message}</Text>
      {finding.sampleIds.length > 0 && (
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <Button size="compact-xs" variant="subtle" aria-expanded={shown} onClick={() => setShown(!shown)}>
            {shown ? 'Hide records' : 'Show records'}
          </Button>
          {shown && (
            <Text size="xs" data-testid="finding-records">
              {finding.model} ids {finding.sampleIds.join(', ')}{more > 0 ? ` (and ${more} more)` : ''}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

/**
 * The data-quality findings that affect one KPI, for its drill-down: why the figure may be off and
 * which Odoo records to look at. Renders nothing when no finding touches the KPI.
 * `findings` should already be limited to the companies in view.
 */
export function DrilldownFindings({ findings, kpiId, availability = [] }: { findings: DataQualityFinding[]; kpiId: KpiId; availability?: AvailabilityNote[] }) {
  const relevant = findingsForKpi(findings, kpiId, availability);
  if (relevant.length === 0) return null;
  return (
    <Card withBorder p="sm" data-testid="drilldown-findings" aria-label="Data-quality findings for this figure" component="section">
      <Text size="sm" fw={600} mb={4}>Data-quality findings for this figure ({relevant.length})</Text>
      <Stack gap="xs">
        {relevant.map((f) => <FindingRow key={`${f.code}-${f.companyId}-${f.model}-${f.message}`} finding={f} />)}
      </Stack>
    </Card>
  );
}
