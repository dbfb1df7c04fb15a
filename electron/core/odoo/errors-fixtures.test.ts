// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/rpc/errors';
import { createLogger, type LogRecord } from '../logging/logger';
import { createOdooClient } from './client';
import { OdooError } from './errors';
import {
  fixturesAvailable, json, loadFixtureResponse, rpcParams, startReplayServer, VERSION_17, type ReplayServer,
} from './test-support/fixture-server';

// Every recorded Odoo 19 error answer, replayed over real HTTP, must land in the right typed error.
const JSON2_CASES: Array<[fixture: string, model: string, method: string, code: ErrorCode, mentions?: RegExp]> = [
  ['json2_err_bad_api_key', 'res.partner', 'search_read', 'odoo.auth', /three months/],
  ['json2_err_expired_api_key', 'res.partner', 'search_count', 'odoo.auth', /expire/],
  ['json2_err_missing_auth_header', 'res.partner', 'search_read', 'odoo.auth'],
  ['json2_err_company_not_allowed', 'res.partner', 'search_count', 'odoo.company', /5/],
  ['json2_err_access_denied', 'account.move', 'search_read', 'odoo.access', /read 'account\.move' \(search_read\)/],
  ['json2_err_ir_model_data_read_limited', 'ir.model.data', 'search_read', 'odoo.access', /ir\.model\.data/],
  ['json2_err_private_method', 'res.partner', '_compute_display_name', 'odoo.access'],
  ['json2_err_nonexistent_model', 'x_no.such.model', 'search_read', 'odoo.missing_model', /x_no\.such\.model/],
  ['json2_err_nonexistent_method', 'res.partner', 'no_such_method', 'odoo.missing_model', /no_such_method/],
  ['json2_err_bad_field_in_domain', 'res.partner', 'search_read', 'odoo.invalid', /no_such_field/],
  ['json2_err_bad_field_in_fields', 'res.partner', 'search_read', 'odoo.invalid', /no_such_field/],
  ['json2_err_bad_argument', 'res.partner', 'search_read', 'odoo.invalid', /bogus_kwarg/],
  ['json2_err_ids_on_model_method', 'res.partner', 'search_read', 'odoo.invalid', /with ids/],
  ['json2_err_missing_required_arg', 'res.partner', 'read', 'odoo.invalid', /fieldz/],
  ['json2_err_invalid_json', 'res.partner', 'search_count', 'odoo.invalid'],
  ['json2_err_wrong_content_type', 'res.partner', 'search_count', 'odoo.invalid', /Content-Type/],
  ['json2_err_unknown_database', 'res.partner', 'search_count', 'odoo.invalid', /no database named 'demo19'/],
];

const JSONRPC_CASES: Array<[fixture: string, model: string, method: string, code: ErrorCode, mentions?: RegExp]> = [
  ['jsonrpc_err_bad_api_key', 'res.partner', 'search_read', 'odoo.auth', /three months/],
  ['jsonrpc_err_expired_api_key', 'res.partner', 'search_count', 'odoo.auth'],
  ['jsonrpc_err_company_not_allowed', 'res.partner', 'search_count', 'odoo.company'],
  ['jsonrpc_err_access_denied', 'account.move', 'search_read', 'odoo.access', /account\.move/],
  ['jsonrpc_err_nonexistent_model', 'x_no.such.model', 'search_read', 'odoo.missing_model', /x_no\.such\.model/],
  ['jsonrpc_err_code_user_error', 'x_no.such.model', 'search', 'odoo.missing_model'],
  ['jsonrpc_err_bad_field_in_domain', 'res.partner', 'search_read', 'odoo.invalid', /no_such_field/],
];

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function memoryLogger() {
  const records: LogRecord[] = [];
  return { records, logger: createLogger({ level: 'debug', write: (r) => records.push(r) }) };
}

async function failureOf(promise: Promise<unknown>): Promise<OdooError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OdooError);
  if (!(error instanceof OdooError)) throw new Error('expected an OdooError');
  return error;
}

describe.skipIf(!fixturesAvailable)('error mapping from recorded Odoo 19 answers (real HTTP)', () => {
  it.each(JSON2_CASES)('JSON-2 %s -> %s.%s gives %s', async (fixture, model, method, code, mentions) => {
    const version = loadFixtureResponse('common_web_version');
    const answer = loadFixtureResponse(fixture);
    server = await startReplayServer((req) => (req.url === '/web/version' ? version : answer));
    const { logger, records } = memoryLogger();
    const client = createOdooClient({ url: server.url, db: 'demo19', apiKey: 'k'.repeat(40), maxRetries: 0 }, { logger });
    const error = await failureOf(client.call(model, method, { domain: [] }, { context: code === 'odoo.company' ? { allowed_company_ids: [5] } : undefined }));
    expect(error.code).toBe(code);
    if (mentions) expect(`${error.message} ${error.hint ?? ''}`).toMatch(mentions);
    // The traceback goes to the debug log only, never into what people see.
    expect(error.message).not.toMatch(/Traceback|File "\//);
    const body = answer.body;
    if (typeof body === 'object' && body !== null && 'debug' in body && typeof body.debug === 'string' && body.debug.length > 0) {
      expect(records.some((r) => r.level === 'debug' && JSON.stringify(r.fields).includes('odoo/'))).toBe(true);
    }
    // JSON-2 sends the key as a bearer token and the database in its header.
    const call = server.requests.find((r) => r.url.startsWith('/json/2/'));
    expect(call?.headers.authorization).toBe(`bearer ${'k'.repeat(40)}`);
    expect(call?.headers['x-odoo-database']).toBe('demo19');
  });

  it.each(JSONRPC_CASES)('JSON-RPC %s -> %s.%s gives %s', async (fixture, model, method, code, mentions) => {
    const answer = loadFixtureResponse(fixture);
    server = await startReplayServer((req) => {
      if (req.url === '/web/version') return json(404, 'not found');
      const { service, method: rpcMethod, id } = rpcParams(req);
      if (service === 'common' && rpcMethod === 'version') return json(200, { jsonrpc: '2.0', id, result: VERSION_17 });
      if (service === 'common' && rpcMethod === 'authenticate') return json(200, { jsonrpc: '2.0', id, result: 2 });
      return answer;
    });
    const client = createOdooClient({ url: server.url, db: 'demo19', login: 'admin', apiKey: 'k'.repeat(40), maxRetries: 0 }, { logger: createLogger({ level: 'error', write: () => undefined }) });
    const error = await failureOf(client.call(model, method, { domain: [] }, { context: code === 'odoo.company' ? { allowed_company_ids: [5] } : undefined }));
    expect(error.code).toBe(code);
    if (mentions) expect(`${error.message} ${error.hint ?? ''}`).toMatch(mentions);
    expect(error.message).not.toMatch(/Traceback|File "\//);
  });

  it('JSON-RPC authenticate answering false (bad or expired key) is an auth error', async () => {
    const answer = loadFixtureResponse('jsonrpc_common_authenticate_bad_key');
    server = await startReplayServer((req) => {
      if (req.url === '/web/version') return json(404, 'not found');
      const { method, id } = rpcParams(req);
      return method === 'version' ? json(200, { jsonrpc: '2.0', id, result: VERSION_17 }) : answer;
    });
    const client = createOdooClient({ url: server.url, db: 'demo19', login: 'admin', apiKey: 'bad', maxRetries: 0 }, { logger: createLogger({ write: () => undefined }) });
    const error = await failureOf(client.connect());
    expect(error.code).toBe('odoo.auth');
    expect(error.hint).toMatch(/expire/);
  });
});

// Odoo Online plans without external API access: no recording exists, so the documented wording
// ("external API ... only available on Custom plans") is served by a tiny real HTTP server.
describe('external API not available (Odoo Online plan)', () => {
  const NOTICE = 'Access to the external API is only available on Custom Odoo pricing plans.';

  it.each([
    ['JSON-2 403 error object', json(403, { name: 'odoo.exceptions.AccessDenied', message: NOTICE, arguments: [NOTICE], context: {}, debug: '' })],
    ['JSON-2 bare string body', json(403, NOTICE)],
    ['HTTP 402 page', { status: 402, headers: { 'Content-Type': 'text/html' }, body: '<p>Payment required</p>' }],
  ])('%s -> odoo.api_unavailable with the plan hint', async (_label, answer) => {
    const version = json(200, { version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' });
    server = await startReplayServer((req) => (req.url === '/web/version' ? version : answer));
    const client = createOdooClient({ url: server.url, db: 'acme', apiKey: 'k', maxRetries: 0 }, { logger: createLogger({ write: () => undefined }) });
    const error = await failureOf(client.connect());
    expect(error.code).toBe('odoo.api_unavailable');
    expect(error.hint).toMatch(/Custom plan/);
  });

  it('JSON-RPC error envelope -> odoo.api_unavailable', async () => {
    server = await startReplayServer((req) => {
      if (req.url === '/web/version') return json(404, 'not found');
      const { method, id } = rpcParams(req);
      if (method === 'version') return json(200, { jsonrpc: '2.0', id, result: VERSION_17 });
      return json(200, { jsonrpc: '2.0', id, error: { code: 0, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.AccessDenied', message: NOTICE, arguments: [NOTICE], context: {}, debug: '' } } });
    });
    const client = createOdooClient({ url: server.url, db: 'acme', login: 'bot', apiKey: 'k', maxRetries: 0 }, { logger: createLogger({ write: () => undefined }) });
    const error = await failureOf(client.connect());
    expect(error.code).toBe('odoo.api_unavailable');
  });
});
