import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache, type CacheDb } from '../db/open';
import { silentLogger } from '../logging/logger';
import type { IntercompanyPair, ReportResult } from '../../../shared/reports/types';
import { loadCompany } from './context';
import { companyDataQuality, intercompanyMismatchMessage } from './data-quality';
import { buildReport } from './index';
import { seedTwoCompanyGroup } from './test-fixture';

let dir: string;
let cache: CacheDb;
let report: ReportResult;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-dq-messages-'));
  const file = join(dir, 'cache.sqlite');
  const writable = openCache(file, { logger: silentLogger });
  seedTwoCompanyGroup(writable.db);
  writable.close();
  cache = openCache(file, { logger: silentLogger, readonly: true });
  report = buildReport(cache.db, { month: '2025-03', companies: 'all', currency: 'EUR' }, { companyTimezones: { 1: 'Europe/Berlin', 2: 'Europe/London' } });
});

afterAll(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('intercompany mismatch message (two-company group)', () => {
  it('names both companies and states the differences as EUR amounts, not minor units', () => {
    const finding = report.dataQuality.find((f) => f.code === 'intercompany_mismatch');
    const pair = report.consolidated!.intercompany.pairs.find((p) => p.status === 'mismatch')!;
    expect(finding).toBeDefined();
    expect(finding!.message).toMatch(/^Intercompany EU GmbH → UK Ltd: /);
    expect(finding!.message).not.toMatch(/minor units/);
    // The figure in the text is the pair's own difference, in major units with the currency's 2 decimals.
    const shown = (Math.abs(pair.revenueDifference!) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(finding!.message).toContain(`revenue differs from the buyer's cost by ${shown} EUR`);
  });
});

describe('intercompanyMismatchMessage', () => {
  const pair: IntercompanyPair = {
    sellerCompanyId: 1, buyerCompanyId: 2, sellerRevenue: 1_000_000, buyerCost: 884_802, sellerReceivable: 500_000, buyerPayable: 500_000,
    revenueDifference: -115_198, balanceDifference: 0, status: 'mismatch', sampleMoveIds: [7],
  };
  const names = (id: number): string => (id === 1 ? 'EU GmbH' : 'UK Ltd');

  it('formats the magnitude with thousands separators and leaves out a side that ties out', () => {
    expect(intercompanyMismatchMessage(pair, names, 'EUR', 2)).toBe(
      "Intercompany EU GmbH → UK Ltd: revenue differs from the buyer's cost by 1,151.98 EUR before elimination; check that both sides booked the same invoice.",
    );
  });

  it('uses the currency decimals and says when a difference is unknown', () => {
    const message = intercompanyMismatchMessage({ ...pair, revenueDifference: null, balanceDifference: 1_234_567 }, names, 'JPY', 0);
    expect(message).toContain('revenue differs from the buyer\'s cost by an unknown amount (no FX rate)');
    expect(message).toContain("the receivable differs from the buyer's payable by 1,234,567 JPY");
  });
});

describe('unmapped-account message', () => {
  it('points to the screen and the CLI command, not the table name', () => {
    const company = loadCompany(cache.db, 1, 'Europe/Berlin');
    // Mark every account as ambiguous: the check then lists those with posted lines this year.
    const accounts = new Map([...company.accounts].map(([id, a]) => [id, { ...a, needsMapping: true }]));
    const findings = companyDataQuality(cache.db, { ...company, accounts }, '2025-03', 30, new Map());
    const unmapped = findings.find((f) => f.code === 'unmapped_account');
    expect(unmapped?.count).toBeGreaterThan(0);
    expect(unmapped!.message).toBe(
      'EU GmbH: accounts used this fiscal year whose type does not say whether they are FX, interest, tax or fees; map them in Settings → Account mapping (or `boardpack mapping set`) so EBITDA is right.',
    );
  });
});
