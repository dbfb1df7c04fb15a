/**
 * Odoo 19's API documentation routes (odoo-api.md §2.9): /doc-bearer/index.json and
 * /doc-bearer/<model>.json with a bearer key, /doc/... with a session; the "Technical Documentation"
 * group check (403), ETag + If-None-Match (304).
 */
import { createHash } from 'node:crypto';
import type { SimBackend } from '../backend';
import { odooErrors, OdooError, asOdooError } from '../orm/errors';
import { fieldsGet } from '../orm/fields-get';
import { METHODS } from '../orm/methods';
import type { SimUser } from '../security/users';
import { bearerUser, checkDatabase } from './json2';
import type { SessionStore } from './jsonrpc';
import { errorResponse, header, jsonResponse, type SimRequest, type SimResponse } from './respond';

const MODULES = ['base', 'rpc', 'uom', 'web', 'api_doc', 'product', 'sales_team', 'account', 'crm', 'stock', 'stock_account', 'sale', 'sale_management', 'sale_stock'];

function methodsFor(backend: SimBackend, model: string): string[] {
  return Object.entries(METHODS)
    .filter(([, spec]) => (!spec.versions || spec.versions.includes(backend.version)) && (!spec.models || spec.models.includes(model)))
    .map(([name]) => name)
    .sort();
}

function signature(name: string): string {
  const spec = METHODS[name];
  const params = spec.params.map((p) => (p.required ? p.name : `${p.name}=None`));
  if (spec.varKw) params.push('**read_kwargs');
  return `(${params.join(', ')})`;
}

function indexBody(backend: SimBackend): unknown {
  const models = [...backend.options.installedModels].sort().flatMap((model) => {
    const schema = backend.schemas.get(model);
    if (!schema) return [];
    const fields = Object.fromEntries([...schema.fields.values()].map((f) => [f.name, { string: f.string }]));
    return [{ model, name: schema.description, fields, methods: methodsFor(backend, model) }];
  });
  return { modules: MODULES, models };
}

function modelBody(backend: SimBackend, user: SimUser, model: string): unknown {
  const schema = backend.schemas.get(model);
  if (!schema || !backend.hasModel(model)) throw odooErrors.notFound(`the model '${model}' does not exist`);
  const described = fieldsGet(backend.env(user, {}), model, null, null);
  const fields = Object.fromEntries(Object.entries(described).map(([name, f]) => [name, { ...f, module: name === 'id' || name === 'display_name' ? null : 'base' }]));
  const methods = Object.fromEntries(
    methodsFor(backend, model).map((name) => {
      const spec = METHODS[name];
      const api = [spec.kind === 'model' ? 'model' : undefined, spec.readonly ? 'readonly' : undefined].filter((a): a is string => a !== undefined);
      const entry: Record<string, unknown> = {
        signature: signature(name),
        parameters: Object.fromEntries(spec.params.map((p) => [p.name, p.required ? {} : { default: null }])),
        model: 'core',
        module: 'core',
      };
      if (api.length) entry.api = api;
      return [name, entry];
    }),
  );
  return { model, name: schema.description, doc: null, fields, methods };
}

export function handleDoc(request: SimRequest, backend: SimBackend, sessions: SessionStore, bearer: boolean, target: string): SimResponse | undefined {
  if (backend.version < 19) return undefined;
  try {
    const noDb = checkDatabase(request, backend);
    if (noDb) return noDb;
    let user: SimUser | undefined;
    if (bearer) user = bearerUser(request, backend);
    else {
      const uid = sessions.uidFor(request);
      user = uid ? backend.userById(uid) : undefined;
      if (!user) throw odooErrors.sessionExpired();
    }
    if (!user.technicalDocumentation) throw odooErrors.access('This page is only accessible to Technical Documentation users.');
    const body = target === 'index' ? indexBody(backend) : modelBody(backend, user, target);
    const response = jsonResponse(200, body, { 'Cache-Control': 'no-cache, private', 'Content-Language': 'en-US' });
    const etag = `"${createHash('sha256').update(response.body).digest('hex')}"`;
    if (header(request, 'if-none-match') === etag) return { status: 304, headers: {}, body: '' };
    response.headers.ETag = etag;
    return response;
  } catch (error) {
    return errorResponse(error instanceof OdooError ? error : asOdooError(error));
  }
}
