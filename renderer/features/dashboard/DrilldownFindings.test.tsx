import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DataQualityFinding } from '../../../shared/reports/types';
import { KpiTile } from '../../ui/KpiTile/KpiTile';
import { DataQualitySummary } from '../boardpack/DataQualitySummary';
import { DrilldownFindings } from './DrilldownFindings';

const findings: DataQualityFinding[] = [
  { code: 'unposted_entries', severity: 'error', companyId: 1, model: 'account.move', message: 'EU GmbH: draft journal entries dated in 2025-03 are not in the figures; post or delete them.', count: 1, sampleIds: [9] },
  { code: 'negative_stock', severity: 'warning', companyId: 1, model: 'stock.quant', message: 'EU GmbH: negative on-hand quantities in internal locations.', count: 3, sampleIds: [4, 5, 6] },
  { code: 'model_not_synced', severity: 'warning', companyId: 1, model: 'crm.lead', message: 'EU GmbH: crm.lead was not synced (no access).', count: 1, sampleIds: [] },
];

const render = (node: React.ReactNode): string => renderToStaticMarkup(<MantineProvider>{node}</MantineProvider>);

describe('DrilldownFindings', () => {
  it('lists only the findings that affect the KPI, each with a Show records button when it has records', () => {
    const html = render(<DrilldownFindings findings={findings} kpiId="inventory_days_of_supply" />);
    expect(html.match(/data-testid="drilldown-finding"/g)).toHaveLength(2);
    expect(html).toContain('Data-quality findings for this figure (2)');
    expect(html).toContain('negative on-hand quantities');
    expect(html.match(/Show records/g)).toHaveLength(2);
    expect(html).not.toContain('crm.lead was not synced');
  });

  it('renders nothing for a KPI no finding touches', () => {
    expect(renderToStaticMarkup(<DrilldownFindings findings={findings} kpiId="csat" />)).toBe('');
  });

  it('takes an unsynced model\'s KPIs from the availability notes', () => {
    const html = render(<DrilldownFindings findings={findings} kpiId="pipeline_coverage" availability={[{ model: 'crm.lead', reason: 'company 1: no access', kpis: ['pipeline_coverage'] }]} />);
    expect(html).toContain('crm.lead was not synced');
    expect(html).not.toContain('Show records');
  });
});

describe('KpiTile marker', () => {
  const tile = (tileFindings: DataQualityFinding[]) =>
    render(<KpiTile id="net_revenue" label="Net revenue" value="1" rawValue={1} changes={[]} sparkline={[]} findings={tileFindings} onOpen={() => undefined} />);

  it('labels the marker with the number of findings and takes the worst severity', () => {
    const html = tile(findings.slice(0, 2));
    expect(html).toMatch(/role="img" aria-label="2 data-quality findings affect this figure"[^>]*data-severity="error"/);
  });

  it('shows no marker without findings', () => {
    expect(tile([])).not.toContain('kpi-dq-marker');
  });
});

describe('DataQualitySummary', () => {
  it('counts errors and warnings on the button beside Mark final', () => {
    const html = render(<DataQualitySummary findings={findings} />);
    expect(html).toContain('Data quality: 1 error, 2 warnings');
    expect(html).toMatch(/data-errors="1" data-warnings="2"/);
  });
});
