/**
 * JSON-RPC routes (odoo-api.md §3): /jsonrpc, /web/webclient/version_info, /web/session/authenticate
 * (password only, sets the session cookie), /web/session/get_session_info, /web/dataset/call_kw.
 * Errors travel in the envelope with HTTP 200; code 0 on 19, 200 on 17/18, 100 for expired sessions.
 */
import { randomBytes } from 'node:crypto';
import type { SimBackend } from '../backend';
import { asOdooError, odooErrors, OdooError } from '../orm/errors';
import type { SimUser } from '../security/users';
import { header, htmlResponse, jsonResponse, type SimRequest, type SimResponse } from './respond';
import { callService, executeKw } from './rpc-services';

/** Web sessions of this simulator instance: session id → uid. */
export class SessionStore {
  private readonly sessions = new Map<string, number>();

  /** A new session id; anonymous sessions (uid 0, e.g. version probes) are not kept. */
  open(uid: number): string {
    const sid = randomBytes(20).toString('hex');
    if (uid > 0) this.sessions.set(sid, uid);
    return sid;
  }

  uidFor(request: SimRequest): number | undefined {
    const cookie = header(request, 'cookie') ?? '';
    const sid = /(?:^|;\s*)session_id=([^;]+)/.exec(cookie)?.[1];
    return sid ? this.sessions.get(sid) : undefined;
  }

  /** Set-Cookie value for a session, with Odoo's one-week lifetime. */
  cookie(sid: string): string {
    const expires = new Date(Date.now() + 604800 * 1000).toUTCString();
    return `session_id=${sid}; Expires=${expires}; Max-Age=604800; HttpOnly; Path=/`;
  }

  close(request: SimRequest): void {
    const cookie = header(request, 'cookie') ?? '';
    const sid = /(?:^|;\s*)session_id=([^;]+)/.exec(cookie)?.[1];
    if (sid) this.sessions.delete(sid);
  }
}

function envelopeError(backend: SimBackend, error: OdooError): Record<string, unknown> {
  const data = { name: error.pythonName, message: error.message, arguments: error.args, context: {}, debug: error.debug };
  if (error.pythonName === 'odoo.http.SessionExpiredException') return { code: 100, message: 'Odoo Session Expired', data };
  if (error.pythonName === 'werkzeug.exceptions.NotFound') return { code: 404, message: '404: Not Found', data };
  return { code: backend.version >= 19 ? 0 : 200, message: 'Odoo Server Error', data };
}

function sessionInfo(backend: SimBackend, user: SimUser): Record<string, unknown> {
  const companies = Object.fromEntries(
    user.companyIds.map((id) => {
      const company = backend.options.dataset.get('res.company', id);
      return [String(id), { id, name: typeof company?.name === 'string' ? company.name : `Company ${id}`, sequence: company?.sequence ?? 10, child_ids: [], parent_id: company?.parent_id ?? false }];
    }),
  );
  const version = backend.versionInfo();
  return {
    uid: user.id,
    is_system: user.technicalDocumentation,
    is_admin: user.technicalDocumentation,
    user_context: { lang: user.lang, tz: user.tz, uid: user.id },
    db: backend.db,
    server_version: version.server_version,
    server_version_info: version.server_version_info,
    name: user.name,
    username: user.login,
    partner_display_name: user.name,
    company_id: user.companyId,
    user_companies: { current_company: user.companyId, allowed_companies: companies },
  };
}

export function handleJsonRpc(request: SimRequest, backend: SimBackend, sessions: SessionStore): SimResponse {
  if (request.method !== 'POST') return htmlResponse(405, '<!doctype html>\n<title>405 Method Not Allowed</title>\n');
  let payload: unknown;
  try {
    payload = JSON.parse(request.body.toString('utf8'));
  } catch {
    return htmlResponse(400, 'Invalid JSON data');
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return htmlResponse(400, 'Invalid JSON-RPC data');
  const envelope = payload as { id?: unknown; params?: unknown };
  const id = envelope.id ?? null;
  const params = envelope.params && typeof envelope.params === 'object' && !Array.isArray(envelope.params) ? (envelope.params as Record<string, unknown>) : {};
  const headers: Record<string, string> = {};
  try {
    const result = route(request, backend, sessions, params, headers);
    const body: Record<string, unknown> = { jsonrpc: '2.0', id };
    if (result !== null && result !== undefined) body.result = result;
    return jsonResponse(200, body, headers);
  } catch (error) {
    const odooError = error instanceof OdooError ? error : asOdooError(error);
    return jsonResponse(200, { jsonrpc: '2.0', id, error: envelopeError(backend, odooError) }, headers);
  }
}

function route(request: SimRequest, backend: SimBackend, sessions: SessionStore, params: Record<string, unknown>, headers: Record<string, string>): unknown {
  const path = request.path;
  if (path === '/jsonrpc') {
    const args = Array.isArray(params.args) ? params.args : [];
    return callService(backend, params.service, params.method, args, request.note);
  }
  if (path === '/web/webclient/version_info') {
    headers['Set-Cookie'] = sessions.cookie(sessions.open(0));
    return backend.versionInfo();
  }
  if (path === '/web/session/authenticate') {
    request.note(undefined, 'session.authenticate');
    if (params.db !== undefined && params.db !== backend.db) throw odooErrors.accessDenied();
    // Interactive login: the password only, never an API key (odoo-api.md §3.3).
    const user = backend.authenticate(params.login, params.password, ['password']);
    if (!user) throw odooErrors.accessDenied();
    headers['Set-Cookie'] = sessions.cookie(sessions.open(user.id));
    return sessionInfo(backend, user);
  }
  const uid = sessions.uidFor(request);
  const user = uid ? backend.userById(uid) : undefined;
  if (path === '/web/session/destroy') {
    sessions.close(request);
    return null;
  }
  if (path === '/web/session/get_session_info') {
    if (!user) throw odooErrors.sessionExpired();
    return sessionInfo(backend, user);
  }
  if (path === '/web/dataset/call_kw' || path.startsWith('/web/dataset/call_kw/')) {
    request.note(typeof params.model === 'string' ? params.model : undefined, typeof params.method === 'string' ? params.method : undefined);
    if (!user) throw odooErrors.sessionExpired();
    return executeKw(backend, user, params.model, params.method, params.args, params.kwargs);
  }
  throw odooErrors.notFound('The requested URL was not found on the server.');
}
