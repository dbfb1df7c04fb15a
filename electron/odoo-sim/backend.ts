/**
 * The protocol-independent core of the simulator: users and credentials, the environment of a call
 * (companies, context, transaction time) and method execution. Transports (JSON-2, JSON-RPC, XML-RPC,
 * web session) only translate their envelopes to `call` and errors back.
 */
import type { Clock } from '../core/clock';
import type { SimDataset } from './dataset';
import type { SimEnv } from './orm/env';
import { odooErrors } from './orm/errors';
import { lookupMethod, runMethod, type MethodSpec } from './orm/methods';
import { SchemaRegistry, type SimVersion } from './schema/index';
import { resolveCompanies } from './security/access';
import { checkSecret, userForApiKey, type CredentialKind, type SimUser } from './security/users';

export interface BackendOptions {
  dataset: SimDataset;
  version: SimVersion;
  db: string;
  users: SimUser[];
  installedModels: ReadonlySet<string>;
  clock: Clock;
}

export class SimBackend {
  readonly schemas: SchemaRegistry;

  constructor(readonly options: BackendOptions) {
    this.schemas = new SchemaRegistry(options.version);
  }

  get version(): SimVersion {
    return this.options.version;
  }

  get db(): string {
    return this.options.db;
  }

  versionInfo(): { server_version: string; server_version_info: [number, number, number, string, number, string]; server_serie: string; protocol_version: number } {
    const serie = `${this.version}.0`;
    return { server_version: serie, server_version_info: [this.version, 0, 0, 'final', 0, ''], server_serie: serie, protocol_version: 1 };
  }

  userById(uid: unknown): SimUser | undefined {
    return this.options.users.find((u) => u.id === uid);
  }

  userByLogin(login: unknown): SimUser | undefined {
    return this.options.users.find((u) => u.login === login);
  }

  /** login + password/key check (common.login/authenticate, web session): the user or undefined. */
  authenticate(login: unknown, secret: unknown, accepted: CredentialKind[]): SimUser | undefined {
    const user = this.userByLogin(login);
    return user && checkSecret(user, secret, accepted, this.options.clock.now()) ? user : undefined;
  }

  /** uid + password/key check of object.execute(_kw); AccessDenied like Odoo otherwise. */
  checkUid(uid: unknown, secret: unknown): SimUser {
    const user = this.userById(uid);
    if (!user || !checkSecret(user, secret, ['password', 'apikey'], this.options.clock.now())) throw odooErrors.accessDenied();
    return user;
  }

  userForBearer(key: string): SimUser | undefined {
    return userForApiKey(this.options.users, key, this.options.clock.now());
  }

  hasModel(model: string): boolean {
    return this.options.installedModels.has(model) && this.schemas.get(model) !== undefined;
  }

  /** Builds the environment of one call; raises the company AccessError for unauthorized companies. */
  env(user: SimUser, context: unknown): SimEnv {
    const ctx = context && typeof context === 'object' && !Array.isArray(context) ? (context as Record<string, unknown>) : {};
    const { companyIds, companyId } = resolveCompanies(user, ctx.allowed_company_ids);
    const now = this.options.clock.now();
    return {
      dataset: this.options.dataset,
      schemas: this.schemas,
      version: this.version,
      user,
      companyIds,
      companyId,
      context: ctx,
      now,
      installedModels: this.options.installedModels,
    };
  }

  /** Looks a method up; the model must exist (callers map the missing-model error per protocol). */
  method(model: string, method: string): MethodSpec {
    return lookupMethod(this.version, model, method);
  }

  /** Runs one call as one transaction: write_date/create_date use the call's start time. */
  run(spec: MethodSpec, env: SimEnv, model: string, ids: number[], args: Record<string, unknown>): unknown {
    this.options.dataset.setClock(() => env.now);
    return runMethod(spec, env, model, ids, args);
  }
}
