import { z } from 'zod';
import type { ConnectionFormSchema } from '../../../shared/rpc/contracts/connection';
import { AppError } from '../../../shared/rpc/errors';
import { diagnoseConnection } from '../odoo/diagnose';
import type { OdooConnectionConfig } from '../odoo/types';
import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import { keyAgeOf } from '../workspace/key-age';
import { listDatabases } from '../workspace/list-databases';
import { apiKeyName, type Workspace } from '../workspace/workspace';

type Form = z.output<typeof ConnectionFormSchema>;

/** Handlers of `connection.*`: diagnose, save (key to the secret store), list databases. */
export function createConnectionHandlers(services: CoreServices, workspace: Workspace): HandlersFor<'connection.test' | 'connection.save' | 'connection.listDatabases'> {
  async function keyFor(form: Form): Promise<string> {
    if (form.apiKey) return form.apiKey;
    const stored = form.profileId ? await services.secrets.get(apiKeyName(form.profileId)) : undefined;
    if (stored) return stored;
    throw new AppError('validation', 'Enter the API key.', { hint: 'Create one in Odoo: your avatar > Preferences > Account Security > New API Key.' });
  }

  return {
    'connection.test': async (form, ctx) => {
      const config: OdooConnectionConfig = { url: form.url, db: form.db, login: form.login || undefined, apiKey: await keyFor(form), protocol: form.protocol, timeoutMs: 15_000, maxRetries: 1 };
      return diagnoseConnection(config, { logger: services.logger, clock: services.clock, signal: ctx.signal });
    },
    'connection.save': async (form) => {
      const now = services.clock.now();
      const existing = form.profileId ? workspace.profiles.require(form.profileId) : undefined;
      if (existing?.kind === 'demo') throw new AppError('validation', 'The demo profile cannot be edited.', { hint: 'Create a new connection instead.' });
      if (!form.apiKey && !existing) await keyFor(form);
      const profile = workspace.profiles.upsert({
        id: existing?.id,
        name: form.name || existing?.name || `${form.db} at ${new URL(form.url).host}`,
        kind: 'odoo', url: form.url.replace(/\/+$/, ''), db: form.db, login: form.login || null, protocol: form.protocol,
        companies: form.companies === undefined ? existing?.companies ?? null : form.companies,
        keySavedAt: form.apiKey ? now.toISOString() : existing?.keySavedAt ?? null,
      }, now);
      if (form.apiKey) await services.secrets.set(apiKeyName(profile.id), form.apiKey);
      workspace.profiles.setActive(profile.id);
      workspace.changed('connection.saved');
      const persistence = services.secrets.persistence();
      const hasKey = (await services.secrets.get(apiKeyName(profile.id))) !== undefined;
      return { profile, keyAge: keyAgeOf(profile, hasKey, now), keyPersistent: persistence.persistent, ...(persistence.note ? { keyNote: persistence.note } : {}) };
    },
    'connection.listDatabases': ({ url }, ctx) => listDatabases(url, { logger: services.logger, signal: ctx.signal }),
  };
}
