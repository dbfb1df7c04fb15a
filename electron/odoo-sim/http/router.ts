/** Maps a request path to the transport that serves it. */
import type { SimBackend } from '../backend';
import { handleDoc } from './doc';
import { handleJson2 } from './json2';
import { handleJsonRpc, type SessionStore } from './jsonrpc';
import { htmlResponse, jsonResponse, NOT_FOUND_HTML, type SimRequest, type SimResponse } from './respond';
import { handleXmlRpc } from './xmlrpc';

const WEB_JSONRPC = new Set(['/jsonrpc', '/web/webclient/version_info', '/web/session/authenticate', '/web/session/get_session_info', '/web/session/destroy']);

export function route(request: SimRequest, backend: SimBackend, sessions: SessionStore): SimResponse {
  const path = request.path;
  if (path === '/web/version' || path === '/json/version') {
    // GET-only version probe added in 19 (odoo-api.md §5.5); 17/18 do not have it.
    if (backend.version < 19 || request.method !== 'GET') return htmlResponse(404, NOT_FOUND_HTML);
    const info = backend.versionInfo();
    return jsonResponse(200, { version_info: info.server_version_info, version: info.server_version }, { 'Set-Cookie': sessions.cookie(sessions.open(0)) });
  }
  if (path === '/json/2' || path.startsWith('/json/2/')) {
    const [model, method, extra] = path.slice('/json/2/'.length).split('/');
    const valid = path.startsWith('/json/2/') && extra === undefined && model && method;
    return handleJson2(request, backend, valid ? decodeURIComponent(model) : undefined, valid ? decodeURIComponent(method) : undefined);
  }
  if (WEB_JSONRPC.has(path) || path === '/web/dataset/call_kw' || path.startsWith('/web/dataset/call_kw/')) {
    return handleJsonRpc(request, backend, sessions);
  }
  const xmlrpc = /^\/xmlrpc\/(2\/)?(\w+)$/.exec(path);
  if (xmlrpc) return handleXmlRpc(request, backend, xmlrpc[2], xmlrpc[1] === undefined);
  const doc = /^\/(doc-bearer|doc)\/(.+)\.json$/.exec(path);
  if (doc && request.method === 'GET') {
    const response = handleDoc(request, backend, sessions, doc[1] === 'doc-bearer', doc[2]);
    if (response) return response;
  }
  return htmlResponse(404, NOT_FOUND_HTML);
}
