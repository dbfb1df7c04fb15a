import { monthEnd, type MonthKey } from '../../../shared/period/period';
import { localMonthOf } from '../../../shared/period/timezone';
import type { CompanyInfo, ReadonlyDb } from './context';
import type { PipelineInputs } from './inputs';

interface LeadRow {
  id: number;
  prorated: number | null;
  deadline: string | null;
  dateClosed: string | null;
  isWon: number | null;
  wonStatus: string | null;
  probability: number | null;
  active: number | null;
}

/** The opportunities of a company, for pipeline and win rate. */
export interface LeadSet {
  pipeline(reportMonth: MonthKey, fiscalYearEnd: MonthKey, targetRemaining: number | null, targetSource: PipelineInputs['targetSource']): PipelineInputs;
  winLoss(months: readonly MonthKey[]): { won: number; lost: number };
  /** Σ crm.team invoiced_target (monthly, company currency major units → minor) of the company's teams. */
  monthlyTeamTarget: number | null;
}

function isWon(row: LeadRow): boolean {
  return row.wonStatus === 'won' || row.isWon === 1 || (row.probability ?? 0) >= 100;
}

function isLost(row: LeadRow): boolean {
  return row.wonStatus === 'lost' || (row.active === 0 && (row.probability ?? 0) === 0);
}

/** Loads the company's opportunities (active and archived: lost leads are archived). */
export function loadLeads(db: ReadonlyDb, company: CompanyInfo): LeadSet {
  const rows = db
    .prepare<[number, number], LeadRow>(
      `SELECT l.id, l.prorated_revenue AS prorated, l.date_deadline AS deadline, l.date_closed AS dateClosed,
              s.is_won AS isWon, l.won_status AS wonStatus, l.probability, l.active
         FROM odoo_lead l
         LEFT JOIN odoo_stage s ON s.sync_company_id = l.sync_company_id AND s.id = l.stage_id
        WHERE l.sync_company_id = ? AND l.company_id = ? AND l.type = 'opportunity'`,
    )
    .all(company.id, company.id);
  const teamTarget = db
    .prepare<[number, number], { t: number | null }>('SELECT SUM(invoiced_target) AS t FROM odoo_team WHERE sync_company_id = ? AND company_id = ? AND active = 1')
    .get(company.id, company.id);
  const open = rows.filter((r) => r.active !== 0 && !isWon(r) && !isLost(r));
  // Each closed opportunity's company-local month, computed once (windows ask for many month sets).
  const closed = new Map<MonthKey, { won: number; lost: number }>();
  for (const row of rows) {
    if (row.dateClosed === null) continue;
    const won = isWon(row);
    if (!won && !isLost(row)) continue;
    const month = localMonthOf(row.dateClosed, company.timezone);
    const entry = closed.get(month) ?? { won: 0, lost: 0 };
    if (won) entry.won += 1;
    else entry.lost += 1;
    closed.set(month, entry);
  }
  return {
    monthlyTeamTarget: teamTarget?.t ? Math.round(teamTarget.t * 10 ** company.decimals) : null,
    pipeline(reportMonth, fiscalYearEnd, targetRemaining, targetSource) {
      const after = monthEnd(reportMonth);
      const until = monthEnd(fiscalYearEnd);
      let weighted = 0;
      let weightedRemaining = 0;
      for (const lead of open) {
        weighted += lead.prorated ?? 0;
        if (lead.deadline !== null && lead.deadline > after && lead.deadline <= until) weightedRemaining += lead.prorated ?? 0;
      }
      return { weighted, weightedRemaining, targetRemaining, targetSource, openIds: open.map((r) => r.id) };
    },
    winLoss(months) {
      let won = 0;
      let lost = 0;
      for (const month of new Set(months)) {
        won += closed.get(month)?.won ?? 0;
        lost += closed.get(month)?.lost ?? 0;
      }
      return { won, lost };
    },
  };
}
