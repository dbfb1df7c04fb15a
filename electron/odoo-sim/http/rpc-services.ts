/**
 * The RPC services shared by /jsonrpc and /xmlrpc/2/* (odoo-api.md §3.2): common (version, login,
 * authenticate), object (execute, execute_kw) and db (list). Positional arguments are bound to the
 * method signature the way odoo/service/model.py does: for record methods the first one is the ids.
 */
import type { SimBackend } from '../backend';
import { odooErrors } from '../orm/errors';
import type { MethodSpec } from '../orm/methods';
import type { SimUser } from '../security/users';

function idsOf(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
}

/** Binds positional + keyword arguments to a method signature (TypeError texts like Python's). */
export function bindPositional(spec: MethodSpec, method: string, positional: unknown[], keywords: Record<string, unknown>): { ids: number[]; args: Record<string, unknown> } {
  const rest = [...positional];
  const ids = spec.kind === 'records' ? idsOf(rest.shift()) : [];
  const args: Record<string, unknown> = {};
  if (rest.length > spec.params.length) {
    throw odooErrors.type(`BaseModel.${method}() takes ${spec.params.length + 1} positional arguments but ${rest.length + 1} were given`);
  }
  rest.forEach((value, i) => (args[spec.params[i].name] = value));
  for (const [key, value] of Object.entries(keywords)) {
    if (key === 'context') continue;
    if (!spec.varKw && !spec.params.some((p) => p.name === key)) throw odooErrors.type(`BaseModel.${method}() got an unexpected keyword argument '${key}'`);
    if (key in args) throw odooErrors.type(`BaseModel.${method}() got multiple values for argument '${key}'`);
    args[key] = value;
  }
  const missing = spec.params.find((p) => p.required && !(p.name in args));
  if (missing) throw odooErrors.type(`BaseModel.${method}() missing 1 required positional argument: '${missing.name}'`);
  return { ids, args };
}

/** Executes a model method for an authenticated user (object service and web call_kw). */
export function executeKw(backend: SimBackend, user: SimUser, model: unknown, method: unknown, positional: unknown, keywords: unknown): unknown {
  if (typeof model !== 'string' || !backend.hasModel(model)) throw odooErrors.user(`Object ${String(model)} doesn't exist`);
  if (typeof method !== 'string') throw odooErrors.type('method name must be a string');
  let spec: MethodSpec;
  try {
    spec = backend.method(model, method);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('The method')) throw odooErrors.attribute(error.message);
    throw error;
  }
  const kw = keywords && typeof keywords === 'object' && !Array.isArray(keywords) ? (keywords as Record<string, unknown>) : {};
  const { ids, args } = bindPositional(spec, method, Array.isArray(positional) ? positional : [], kw);
  const result = backend.run(spec, backend.env(user, kw.context), model, ids, args);
  // /jsonrpc create() returns a single id when given a single dict.
  if (method === 'create' && Array.isArray(result) && !Array.isArray(args.vals_list)) return result[0];
  return result;
}

/** Dispatches one service call; returns the result value or throws an OdooError. */
export function callService(backend: SimBackend, service: unknown, method: unknown, args: unknown[], note: (model?: string, method?: string) => void): unknown {
  if (service === 'common') {
    note(undefined, `common.${String(method)}`);
    if (method === 'version') return backend.versionInfo();
    if (method === 'login' || method === 'authenticate') {
      const [db, login, secret] = args;
      if (db !== backend.db) return false;
      return backend.authenticate(login, secret, ['password', 'apikey'])?.id ?? false;
    }
    if (method === 'about') return `See http://openerp.com`;
    throw odooErrors.notFound(`The method 'common.${String(method)}' does not exist`);
  }
  if (service === 'db') {
    note(undefined, `db.${String(method)}`);
    if (method === 'list') return [backend.db];
    if (method === 'server_version') return backend.versionInfo().server_version;
    throw odooErrors.accessDenied();
  }
  if (service === 'object') {
    if (method !== 'execute' && method !== 'execute_kw') throw odooErrors.notFound(`The method 'object.${String(method)}' does not exist`);
    const [db, uid, secret, model, modelMethod, ...rest] = args;
    note(typeof model === 'string' ? model : undefined, typeof modelMethod === 'string' ? modelMethod : undefined);
    if (db !== backend.db) throw odooErrors.accessDenied();
    const user = backend.checkUid(uid, secret);
    if (method === 'execute') return executeKw(backend, user, model, modelMethod, rest, {});
    return executeKw(backend, user, model, modelMethod, rest[0], rest[1]);
  }
  throw odooErrors.notFound(`The service '${String(service)}' does not exist`);
}
