/**
 * POST /json/2/<model>/<method> (Odoo 19): bearer API key, X-Odoo-Database, named arguments, and the
 * status codes / error bodies of odoo-api.md §2.6 in the order Odoo checks them: route and verb,
 * database, Content-Type (415 HTML), authentication (401), body (400), model, method, binding (422).
 */
import type { SimBackend } from '../backend';
import { asOdooError, odooErrors, OdooError } from '../orm/errors';
import { errorResponse, header, htmlResponse, jsonResponse, NO_DATABASE_HTML, type SimRequest, type SimResponse } from './respond';

const UNSUPPORTED_MEDIA_HTML =
  '<!doctype html>\n<html lang=en>\n<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n<p>Request inferred type is compatible with [&#39;http&#39;] but &#39;/json/2/&lt;__model__&gt;/&lt;__method__&gt;&#39; is type=&#39;json2&#39;.<br><br>Please verify the Content-Type request header and try again.</p>\n';

/** Database selection shared by the bearer routes: unknown name → Werkzeug's 404 HTML page. */
export function checkDatabase(request: SimRequest, backend: SimBackend): SimResponse | undefined {
  const db = header(request, 'x-odoo-database');
  if (db !== undefined && db !== backend.db) return htmlResponse(404, NO_DATABASE_HTML);
  return undefined;
}

/** Bearer authentication; throws the 401 errors of ir_http._auth_method_bearer. */
export function bearerUser(request: SimRequest, backend: SimBackend) {
  const authorization = header(request, 'authorization');
  if (!authorization) throw odooErrors.unauthorized('User not authenticated, use an API Key with a Bearer Authorization header.');
  const match = /^bearer\s+(.+)$/i.exec(authorization);
  const user = match ? backend.userForBearer(match[1].trim()) : undefined;
  if (!user) throw odooErrors.unauthorized('Invalid apikey');
  return user;
}

function parseBody(request: SimRequest): Record<string, unknown> {
  if (request.body.length === 0) return {};
  const text = request.body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw odooErrors.badRequest(`could not parse the body as json: ${pythonJsonError(text, error)}`);
  }
  // 19.0 silently ignores a body that is valid JSON but not an object.
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** Python's json error text for the common cases (the client only shows it). */
function pythonJsonError(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  const index = position === undefined ? 0 : Number(position);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  const what = text[index - 1] === '{' || text.trimStart().startsWith('{') ? 'Expecting property name enclosed in double quotes' : 'Expecting value';
  return `${what}: line ${line} column ${column} (char ${index})`;
}

export function handleJson2(request: SimRequest, backend: SimBackend, model: string | undefined, method: string | undefined): SimResponse {
  try {
    if (request.method !== 'POST' || !model || !method) throw odooErrors.notFound('Did you mean POST /json/2/<model>/<method>?');
    if (backend.version < 19) return htmlResponse(404, '<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n');
    const noDb = checkDatabase(request, backend);
    if (noDb) return noDb;
    const contentType = header(request, 'content-type') ?? '';
    if (request.body.length > 0 && !/^application\/json\b/i.test(contentType.trim())) {
      return htmlResponse(415, UNSUPPORTED_MEDIA_HTML, { Accept: 'application/json' });
    }
    request.note(model, method);
    const user = bearerUser(request, backend);
    const body = parseBody(request);
    if (!backend.hasModel(model)) throw odooErrors.notFound(`the model '${model}' does not exist`);
    const { ids: rawIds, context, ...kwargs } = body;
    const spec = backend.method(model, method);
    const ids = Array.isArray(rawIds) ? rawIds.filter((id): id is number => typeof id === 'number') : [];
    if (spec.kind === 'model' && ids.length > 0) throw odooErrors.unprocessable(`cannot call ${model}.${method} with ids`);
    for (const key of Object.keys(kwargs)) {
      if (!spec.varKw && !spec.params.some((p) => p.name === key)) throw odooErrors.unprocessable(`got an unexpected keyword argument '${key}'`);
    }
    const missing = spec.params.find((p) => p.required && !(p.name in kwargs));
    if (missing) throw odooErrors.unprocessable(`missing a required argument: '${missing.name}'`);
    const result = backend.run(spec, backend.env(user, context), model, ids, kwargs);
    return jsonResponse(200, result ?? null);
  } catch (error) {
    return errorResponse(error instanceof OdooError ? error : asOdooError(error));
  }
}
