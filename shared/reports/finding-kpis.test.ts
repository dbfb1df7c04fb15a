import { describe, expect, it } from 'vitest';
import { findingKpis, findingsForKpi, findingsLabel } from './finding-kpis';
import { DATA_QUALITY_CODES, KPI_IDS, type AvailabilityNote, type DataQualityFinding } from './types';

function finding(code: DataQualityFinding['code'], model = 'account.move'): DataQualityFinding {
  return { code, model, severity: 'warning', companyId: 1, message: code, count: 1, sampleIds: [] };
}

describe('findingKpis', () => {
  it('maps every code the engine emits (except an unsynced model without a note) to at least one known KPI', () => {
    for (const code of DATA_QUALITY_CODES.filter((c) => c !== 'model_not_synced')) {
      const kpis = findingKpis(finding(code));
      expect(kpis.length, code).toBeGreaterThan(0);
      for (const id of kpis) expect(KPI_IDS).toContain(id);
    }
  });

  it('puts the ledger figures in doubt for draft and unbalanced entries, not the CRM or helpdesk ones', () => {
    for (const code of ['unposted_entries', 'unbalanced_entry'] as const) {
      const kpis = findingKpis(finding(code));
      expect(kpis).toEqual(expect.arrayContaining(['net_revenue', 'gross_margin_pct', 'dso_days', 'inventory_days_of_supply', 'cash']));
      expect(kpis).not.toContain('pipeline_coverage');
      expect(kpis).not.toContain('csat');
    }
  });

  it('ties each narrow check to the figures it changes', () => {
    expect(findingKpis(finding('negative_stock', 'stock.quant'))).toEqual(['inventory_value', 'inventory_days_of_supply']);
    expect(findingKpis(finding('unmapped_account', 'account.account'))).toContain('ebitda');
    expect(findingKpis(finding('unmapped_account', 'account.account'))).not.toContain('net_revenue');
    expect(findingKpis(finding('stale_draft_invoice'))).toEqual(expect.arrayContaining(['net_revenue', 'dso_days', 'dpo_days']));
    expect(findingKpis(finding('intercompany_mismatch'))).toEqual(expect.arrayContaining(['net_revenue', 'gross_margin_pct']));
  });

  it('a missing FX rate affects every amount-based KPI but not counts', () => {
    const kpis = findingKpis(finding('missing_fx_rate', 'res.currency.rate'));
    expect(kpis).toContain('net_revenue');
    expect(kpis).toContain('pipeline_coverage');
    expect(kpis).not.toContain('orders_count');
    expect(kpis).not.toContain('csat');
  });

  it('an unsynced model affects exactly the KPIs its availability note lists', () => {
    const availability: AvailabilityNote[] = [
      { model: 'crm.lead', reason: 'company 1: no access', kpis: ['pipeline_weighted', 'pipeline_coverage', 'win_rate'] },
      { model: 'crm.lead', reason: 'company 2: no access', kpis: ['pipeline_weighted', 'pipeline_coverage', 'win_rate'] },
      { model: 'sale.order', reason: 'company 1: no access', kpis: ['orders_count'] },
    ];
    expect(findingKpis(finding('model_not_synced', 'crm.lead'), availability)).toEqual(['pipeline_weighted', 'pipeline_coverage', 'win_rate']);
    expect(findingKpis(finding('model_not_synced', 'helpdesk.ticket'), availability)).toEqual([]);
  });
});

describe('findingsForKpi', () => {
  it('keeps only the findings that affect the KPI', () => {
    const findings = [finding('negative_stock', 'stock.quant'), finding('unposted_entries'), finding('unmapped_account', 'account.account')];
    expect(findingsForKpi(findings, 'inventory_days_of_supply').map((f) => f.code)).toEqual(['negative_stock', 'unposted_entries']);
    expect(findingsForKpi(findings, 'net_revenue').map((f) => f.code)).toEqual(['unposted_entries']);
    expect(findingsForKpi(findings, 'csat')).toEqual([]);
  });
});

describe('findingsLabel', () => {
  it('agrees in number', () => {
    expect(findingsLabel(1)).toBe('1 data-quality finding affects this figure');
    expect(findingsLabel(2)).toBe('2 data-quality findings affect this figure');
  });
});
