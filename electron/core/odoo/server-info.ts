import type { DetectedServer } from './detect';
import { OdooError } from './errors';
import { isRecord } from './http';
import { m2oId, m2oName, odooString, type OdooCompanyInfo, type OdooProtocol, type OdooServerInfo } from './types';

export interface ServerInfoInput {
  server: DetectedServer;
  protocol: OdooProtocol;
  /** The uid from JSON-RPC authentication; JSON-2 learns it from `res.users/context_get`. */
  knownUid?: number;
  call: (model: string, method: string, kwargs: Record<string, unknown>) => Promise<unknown>;
}

/**
 * Who we are and what we can see: the user (name, timezone, default and allowed companies) and
 * those companies with their currency. Three cheap calls; `context_get` doubles as the key check on JSON-2.
 */
export async function readServerInfo(input: ServerInfoInput): Promise<OdooServerInfo> {
  let uid = input.knownUid;
  let contextTz: string | null = null;
  if (uid === undefined) {
    const context = await input.call('res.users', 'context_get', {});
    if (!isRecord(context) || typeof context.uid !== 'number') throw malformed('res.users.context_get');
    uid = context.uid;
    contextTz = odooString(context.tz);
  }

  const users = await input.call('res.users', 'read', { ids: [uid], fields: ['name', 'login', 'tz', 'company_id', 'company_ids'] });
  const user = Array.isArray(users) ? users[0] : undefined;
  if (!isRecord(user)) throw malformed('res.users.read');
  const allowedCompanyIds = Array.isArray(user.company_ids) ? user.company_ids.filter((id): id is number => typeof id === 'number') : [];

  const rows = allowedCompanyIds.length === 0 ? [] : await input.call('res.company', 'search_read', {
    domain: [['id', 'in', allowedCompanyIds]],
    fields: ['name', 'currency_id', 'parent_id'],
    order: 'id asc',
  });
  if (!Array.isArray(rows)) throw malformed('res.company.search_read');
  const companies: OdooCompanyInfo[] = rows.filter(isRecord).map((row) => ({
    id: typeof row.id === 'number' ? row.id : 0,
    name: odooString(row.name) ?? '',
    currencyId: m2oId(row.currency_id),
    currencyName: m2oName(row.currency_id),
    parentId: m2oId(row.parent_id),
  }));

  return {
    serverVersion: input.server.serverVersion,
    major: input.server.major,
    protocol: input.protocol,
    uid,
    userName: odooString(user.name) ?? '',
    userLogin: odooString(user.login),
    userTz: odooString(user.tz) ?? contextTz,
    companies,
    allowedCompanyIds,
    defaultCompanyId: m2oId(user.company_id),
  };
}

function malformed(what: string): OdooError {
  return new OdooError('odoo.server', `Unexpected answer from ${what} while reading the user profile.`);
}
