/**
 * Builds a dataset resembling the fixtures' demo19 database by harvesting every record the recorded
 * responses show (search_read, read, web_read, get_metadata...), so replayed requests meet the same
 * records. Many2one values [id, name] become ids plus a target record carrying that display name.
 * The demo19big fixtures come from another database with clashing ids: they get their own dataset.
 */
import { SimDataset, type RawValue, type SimRecord } from '../dataset';
import { schemaFor } from '../schema/index';
import type { Fixture } from './fixtures';

type Rows = Map<string, Map<number, Record<string, RawValue>>>;

function modelAndMethod(fixture: Fixture): { model: string; method: string } | undefined {
  const json2 = /\/json\/2\/([^/]+)\/([^/]+)$/.exec(new URL(fixture.request.url).pathname);
  if (json2) return { model: json2[1], method: json2[2] };
  const body = fixture.request.body as { params?: { service?: string; args?: unknown[] } } | null;
  const args = body?.params?.args;
  if (body?.params?.service === 'object' && Array.isArray(args) && typeof args[3] === 'string' && typeof args[4] === 'string') {
    return { model: args[3], method: args[4] };
  }
  return undefined;
}

function put(rows: Rows, model: string, id: number, values: Record<string, RawValue>, weak = false): void {
  let table = rows.get(model);
  if (!table) rows.set(model, (table = new Map()));
  const existing = table.get(id) ?? {};
  for (const [key, value] of Object.entries(values)) {
    if (weak && key in existing) continue;
    existing[key] = value;
  }
  table.set(id, existing);
}

function harvestRecord(rows: Rows, model: string, record: Record<string, unknown>): void {
  const id = record.id;
  if (typeof id !== 'number') return;
  const schema = schemaFor(19, model);
  const values: Record<string, RawValue> = {};
  for (const [name, value] of Object.entries(record)) {
    if (name === 'id') continue;
    const field = schema?.fields.get(name);
    const relation = field?.relation;
    if (field?.type === 'many2one' && relation) {
      if (Array.isArray(value) && typeof value[0] === 'number') {
        values[name] = value[0];
        put(rows, relation, value[0], { display_name: String(value[1]) }, true);
      } else if (value && typeof value === 'object' && !Array.isArray(value)) {
        const nested = value as Record<string, unknown>;
        values[name] = typeof nested.id === 'number' ? nested.id : false;
        harvestRecord(rows, relation, nested);
      } else if (typeof value === 'number' || value === false) {
        values[name] = value;
      }
    } else if ((field?.type === 'one2many' || field?.type === 'many2many') && relation && Array.isArray(value)) {
      values[name] = value.map((item) => {
        if (item && typeof item === 'object') {
          harvestRecord(rows, relation, item as Record<string, unknown>);
          return Number((item as { id: unknown }).id);
        }
        return Number(item);
      });
    } else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      values[name] = value as RawValue;
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
      values[name] = value as number[];
    }
  }
  put(rows, model, id, values);
}

/**
 * Facts a response implies about its records: they satisfy the request's top-level '=' leaves, and
 * with a single allowed company they belong to it (or are shared).
 */
function impliedValues(fixture: Fixture, model: string): { own: Record<string, RawValue>; related: Array<[string, string, RawValue]> } {
  const body = fixture.request.body as Record<string, unknown> | null;
  const params = (body?.params as { args?: unknown[] } | undefined)?.args;
  const domain = Array.isArray(body?.domain) ? body.domain : Array.isArray(params?.[5]) ? (params[5] as unknown[])[0] : undefined;
  const context = (body?.context ?? (params?.[6] as { context?: unknown } | undefined)?.context) as { allowed_company_ids?: unknown } | undefined;
  const schema = schemaFor(19, model);
  const facts: Record<string, RawValue> = {};
  const related: Array<[string, string, RawValue]> = [];
  if (Array.isArray(domain) && !domain.some((item) => item === '|' || item === '!')) {
    for (const leaf of domain) {
      if (!Array.isArray(leaf) || leaf[1] !== '=' || typeof leaf[0] !== 'string' || !['string', 'number', 'boolean'].includes(typeof leaf[2])) continue;
      const path = leaf[0].split('.');
      if (path.length === 1 && schema?.fields.has(path[0])) facts[path[0]] = leaf[2] as RawValue;
      if (path.length === 2 && schema?.fields.get(path[0])?.type === 'many2one') related.push([path[0], path[1], leaf[2] as RawValue]);
    }
  }
  const allowed = context?.allowed_company_ids;
  if (Array.isArray(allowed) && allowed.length === 1 && typeof allowed[0] === 'number' && schema?.fields.get('company_id')?.store) {
    facts.company_id ??= allowed[0];
  }
  return { own: facts, related };
}

function recordsIn(fixture: Fixture): unknown[] {
  const body = fixture.response.body as { result?: unknown; records?: unknown } | unknown[] | null;
  const result = Array.isArray(body) ? body : body && typeof body === 'object' && 'result' in body ? body.result : body;
  if (Array.isArray(result)) return result;
  if (result && typeof result === 'object' && 'records' in result && Array.isArray(result.records)) return result.records;
  if (result && typeof result === 'object' && 'first_rows' in result && Array.isArray(result.first_rows)) return result.first_rows;
  return [];
}

/**
 * Real rows always carry their required fields; a record harvested from a response that did not ask
 * for them gets plausible ones (company 1, the display name as name...).
 */
function completeRequired(rows: Rows): void {
  for (const [model, table] of rows) {
    const schema = schemaFor(19, model);
    if (!schema) continue;
    // Required fields, plus the identity fields every business record has (name, company, date).
    const required = [...schema.fields.values()].filter((f) => f.store && f.name !== 'id' && (f.required || ['name', 'company_id', 'date'].includes(f.name)));
    for (const [id, values] of table) {
      for (const field of required) {
        if (field.name in values) continue;
        if (field.type === 'char' || field.type === 'text') values[field.name] = typeof values.display_name === 'string' ? values.display_name : `${model} ${id}`;
        else if (field.type === 'date') values[field.name] = '2026-11-28';
        else if (field.type === 'datetime') values[field.name] = '2026-11-28 03:12:44';
        else if (field.type === 'selection' && field.selection?.length) values[field.name] = field.selection[0][0];
        else if (field.type === 'many2one' && field.relation) {
          const first = field.relation === 'res.company' ? 1 : [...(rows.get(field.relation)?.keys() ?? [])][0];
          if (first !== undefined) values[field.name] = first;
        }
      }
    }
  }
}

/** Harvests the demo19 fixtures, or with `bigDatabase` only the demo19big ones. */
export function harvestFixtureRecords(fixtures: Fixture[], bigDatabase = false): SimDataset {
  const rows: Rows = new Map();
  for (const fixture of fixtures) {
    if (fixture.file.startsWith('json2_big_') !== bigDatabase || fixture.response.status !== 200) continue;
    const target = modelAndMethod(fixture);
    if (!target || !['search_read', 'read', 'web_search_read', 'web_read', 'get_metadata'].includes(target.method)) continue;
    for (const record of recordsIn(fixture)) {
      if (!record || typeof record !== 'object') continue;
      const row = record as Record<string, unknown>;
      if (target.method === 'get_metadata') {
        harvestRecord(rows, target.model, { id: row.id, create_uid: row.create_uid, write_uid: row.write_uid, create_date: row.create_date, write_date: row.write_date });
        const xmlids = Array.isArray(row.xmlids) ? (row.xmlids as Array<{ xmlid: string; noupdate: boolean }>) : [];
        xmlids.forEach((x, i) => {
          const [module, name] = x.xmlid.split('.');
          put(rows, 'ir.model.data', 900000 + Number(row.id) * 10 + i, { module, name, model: target.model, res_id: Number(row.id), noupdate: x.noupdate });
        });
      } else {
        harvestRecord(rows, target.model, row);
        if (typeof row.id !== 'number') continue;
        const implied = impliedValues(fixture, target.model);
        put(rows, target.model, row.id, implied.own, true);
        for (const [field, subfield, value] of implied.related) {
          const relation = schemaFor(19, target.model)?.fields.get(field)?.relation;
          const targetId = rows.get(target.model)?.get(row.id)?.[field];
          if (relation && typeof targetId === 'number') put(rows, relation, targetId, { [subfield]: value }, true);
        }
      }
    }
  }
  completeRequired(rows);
  const dataset = new SimDataset();
  for (const [model, table] of rows) {
    const records: SimRecord[] = [...table.entries()].map(([id, values]) => ({ create_date: '2026-11-28 03:12:44', write_date: '2026-11-28 03:12:58', ...values, id }));
    dataset.addRecords(model, records);
  }
  return dataset;
}
