import { AppError } from '../../../shared/rpc/errors';
import type { Logger } from '../logging/logger';
import { jsonRpc } from '../odoo/transport-jsonrpc';

/**
 * Asks the server for its databases (`db.list`). Odoo Online and most hardened servers refuse
 * (list_db = False); that is normal, and the user then types the name.
 */
export async function listDatabases(url: string, deps: { logger: Logger; signal?: AbortSignal }): Promise<{ databases: string[]; listed: boolean; note?: string }> {
  try {
    const { value } = await jsonRpc({ baseUrl: url.replace(/\/+$/, ''), service: 'db', method: 'list', args: [], id: 1, timeoutMs: 10_000, signal: deps.signal, logger: deps.logger });
    if (Array.isArray(value) && value.every((name) => typeof name === 'string')) return { databases: value, listed: true };
    return { databases: [], listed: false, note: 'The server answered without a database list; type the database name.' };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'odoo.network' || error.code === 'odoo.timeout')) throw error;
    return { databases: [], listed: false, note: 'This server does not list its databases (normal for Odoo Online); type the database name.' };
  }
}
