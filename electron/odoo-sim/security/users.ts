/**
 * Simulated users and their credentials. Odoo 19 rules (odoo-api.md §5): JSON-2 takes API keys only;
 * JSON-RPC and XML-RPC take the password or an API key; the web session login takes the password only.
 * An expired key fails exactly like a wrong one.
 */
import { randomBytes } from 'node:crypto';

export interface SimApiKey {
  key: string;
  /** UTC 'YYYY-MM-DD HH:MM:SS'; null/absent = persistent key. */
  expiresAt?: string | null;
}

export interface SimUserSpec {
  id: number;
  login: string;
  name: string;
  password: string;
  apiKeys: SimApiKey[];
  /** Companies the user may access (res.users.company_ids). */
  companyIds: number[];
  /** Default company (res.users.company_id); first of companyIds when absent. */
  companyId?: number;
  /** Models this user has no ACL on (reads and writes raise the real AccessError). */
  deniedModels?: string[];
  /** Member of "Technical Documentation" (may read /doc-bearer). */
  technicalDocumentation?: boolean;
  tz?: string;
  lang?: string;
}

export interface SimUser {
  id: number;
  login: string;
  name: string;
  password: string;
  apiKeys: SimApiKey[];
  companyIds: number[];
  companyId: number;
  deniedModels: ReadonlySet<string>;
  technicalDocumentation: boolean;
  tz: string;
  lang: string;
}

/** A new 40-hex-character API key, the format Odoo issues. */
export function newApiKey(): string {
  return randomBytes(20).toString('hex');
}

export function toSimUser(spec: SimUserSpec): SimUser {
  return {
    id: spec.id,
    login: spec.login,
    name: spec.name,
    password: spec.password,
    apiKeys: spec.apiKeys,
    companyIds: spec.companyIds,
    companyId: spec.companyId ?? spec.companyIds[0] ?? 1,
    deniedModels: new Set(spec.deniedModels ?? []),
    technicalDocumentation: spec.technicalDocumentation ?? false,
    tz: spec.tz ?? 'Europe/Brussels',
    lang: spec.lang ?? 'en_US',
  };
}

/** Models a least-privilege internal user (no accounting rights) cannot read, as on the recorded server. */
export const RESTRICTED_DENIED_MODELS = [
  'account.move',
  'account.move.line',
  'account.payment',
  'account.partial.reconcile',
  'account.full.reconcile',
  'ir.model.data',
];

/**
 * The default pair: an admin in every company and a restricted user in the first company only.
 * Ids 2 and 7 match the recorded server (uid_admin, uid_limited).
 */
export function defaultUserSpecs(companyIds: number[]): SimUserSpec[] {
  const sorted = [...companyIds].sort((a, b) => a - b);
  return [
    {
      id: 2,
      login: 'admin',
      name: 'Mitchell Admin',
      password: 'admin',
      apiKeys: [{ key: newApiKey() }],
      companyIds: sorted,
      companyId: sorted[0],
      technicalDocumentation: true,
    },
    {
      id: 7,
      login: 'reader',
      name: 'Restricted Reader',
      password: 'reader',
      apiKeys: [{ key: newApiKey(), expiresAt: null }],
      companyIds: sorted.slice(0, 1),
      companyId: sorted[0],
      deniedModels: RESTRICTED_DENIED_MODELS,
    },
  ];
}

export type CredentialKind = 'password' | 'apikey';

/** True if `secret` is one of the user's non-expired API keys at `now`. */
export function isValidApiKey(user: SimUser, secret: string, now: Date): boolean {
  const stamp = now.toISOString().slice(0, 19).replace('T', ' ');
  return user.apiKeys.some((k) => k.key === secret && (k.expiresAt == null || k.expiresAt >= stamp));
}

/** Checks a secret against what the protocol accepts; returns the matching kind or null. */
export function checkSecret(user: SimUser, secret: unknown, accepted: CredentialKind[], now: Date): CredentialKind | null {
  if (typeof secret !== 'string' || secret === '') return null;
  if (accepted.includes('password') && secret === user.password) return 'password';
  if (accepted.includes('apikey') && isValidApiKey(user, secret, now)) return 'apikey';
  return null;
}

/** Finds the user owning a valid API key (bearer auth). */
export function userForApiKey(users: SimUser[], secret: string, now: Date): SimUser | undefined {
  return users.find((user) => isValidApiKey(user, secret, now));
}
