import { z } from 'zod';
import { defineContract } from '../define';
import { KeyAgeSchema, ProfileSchema, ProtocolChoiceSchema } from './workspace';

const UrlSchema = z.string().trim().url('Enter the full address, e.g. https://mycompany.odoo.com');

/** The connection form. `apiKey` may be omitted to reuse the key already stored for `profileId`. */
export const ConnectionFormSchema = z.object({
  profileId: z.string().optional(),
  name: z.string().trim().max(80).optional(),
  url: UrlSchema,
  db: z.string().trim().min(1, 'Enter the database name').max(120),
  login: z.string().trim().max(200).optional(),
  apiKey: z.string().min(1).max(500).optional(),
  protocol: ProtocolChoiceSchema.default('auto'),
});

const ModelAvailabilitySchema = z.object({
  name: z.string(),
  available: z.boolean(),
  readable: z.boolean(),
  required: z.boolean(),
  note: z.string().optional(),
});

/** What "Test connection" shows; the same object `boardpack connect --json` prints. Never holds the key. */
export const ConnectionReportSchema = z.object({
  ok: z.boolean(),
  url: z.string(),
  db: z.string(),
  online: z.boolean(),
  version: z.string().nullable(),
  major: z.number().nullable(),
  protocol: z.enum(['json2', 'jsonrpc']).nullable(),
  user: z.object({ uid: z.number(), name: z.string(), login: z.string().nullable(), tz: z.string().nullable() }).nullable(),
  companies: z.array(z.object({ id: z.number(), name: z.string(), currencyId: z.number().nullable(), currency: z.string().nullable(), parentId: z.number().nullable() })),
  defaultCompanyId: z.number().nullable(),
  models: z.array(ModelAvailabilitySchema),
  stats: z.object({ calls: z.number(), retries: z.number() }),
  problem: z.object({ code: z.string(), message: z.string(), hint: z.string().optional() }).optional(),
});
/** See {@link ConnectionReportSchema}. */
export type ConnectionReportView = z.infer<typeof ConnectionReportSchema>;

/** Odoo connection settings and their test. */
export const connectionContract = defineContract({
  /** Diagnoses a connection (version, protocol, user, companies, models) without saving anything. */
  'connection.test': { input: ConnectionFormSchema.strict(), output: ConnectionReportSchema },
  /** Saves a profile (the key goes to the secret store, never back to the UI) and makes it active. */
  'connection.save': {
    input: ConnectionFormSchema.extend({ companies: z.array(z.number().int()).nullable().optional() }).strict(),
    output: z.object({ profile: ProfileSchema, keyAge: KeyAgeSchema, keyPersistent: z.boolean(), keyNote: z.string().optional() }),
  },
  /** Databases on a server, when it allows listing them (`list_db`); an empty list otherwise. */
  'connection.listDatabases': {
    input: z.object({ url: UrlSchema }).strict(),
    output: z.object({ databases: z.array(z.string()), listed: z.boolean(), note: z.string().optional() }),
  },
});
