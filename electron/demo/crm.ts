/**
 * CRM opportunities of the direct sales team: open ones by stage, won and lost (archived),
 * with expected revenue and deadlines. The weighted open pipeline is the answer-key figure.
 */
import type { SalesContext } from './sales';
import type { CompanyInfo } from './master-data';
import { STAGES, SALESPEOPLE, TEAM_IDS } from './master-data';
import type { Catalog } from './catalog';
import type { Rng } from './prng';
import type { MonthInfo } from './calendar';
import { dateString, localToUtcMs, odooDatetime } from './calendar';

const TOPICS = ['Framework agreement', 'Plant maintenance kit', 'Safety equipment rollout', 'Hydraulics retrofit', 'Tooling refresh', 'Annual consumables'];

/** Generates the month's opportunities; returns the weighted value (cents) of those still open at the end. */
export function runCrmMonth(ctx: SalesContext, rng: Rng, company: CompanyInfo, catalog: Catalog, month: MonthInfo, count: number): number {
  let openWeighted = 0;
  for (let i = 0; i < count; i++) {
    const day = Math.min(month.firstDay + rng.int(0, month.days - 1), ctx.endDay);
    const customer = rng.pick(catalog.customers[company.index]!);
    const expected = rng.int(1, 60) * 50_000;
    const age = ctx.endDay - day;
    const closed = age > 30 && rng.chance(Math.min(0.95, age / 120));
    const won = closed && rng.chance(0.35);
    const closeDay = Math.min(day + rng.int(10, Math.max(11, Math.min(age, 90))), ctx.endDay);
    const stage = won ? STAGES[3] : STAGES[rng.int(0, 2)]!;
    const probability = won ? 100 : closed ? 0 : stage.probability + rng.pick([0, 0, 5, -5]);
    const created = odooDatetime(localToUtcMs(company.tz, day, rng.int(8 * 3600, 17 * 3600)));
    const closedAt = closed ? odooDatetime(localToUtcMs(company.tz, closeDay, 15 * 3600)) : false;
    const prorated = Math.round((expected * probability) / 100);
    if (!closed) openWeighted += prorated;
    ctx.out.emit('crm.lead', {
      id: ctx.ids.take('crm.lead'), name: `${rng.pick(TOPICS)} – ${customer.name}`, type: 'opportunity', active: !closed || won,
      stage_id: stage.id, partner_id: customer.id, contact_name: false, email_from: customer.email, user_id: SALESPEOPLE[i % SALESPEOPLE.length]!.id,
      team_id: TEAM_IDS.direct, company_id: company.id, expected_revenue: expected / 100, prorated_revenue: prorated / 100, probability,
      date_deadline: dateString(day + rng.int(20, 120)), date_closed: closedAt, won_status: won ? 'won' : closed ? 'lost' : 'pending',
      create_date: created, write_date: closedAt || created,
    });
  }
  return openWeighted;
}
