/**
 * The Odoo simulator's public surface: start a server, build or inspect datasets, read the schema.
 * See server.ts for the options (version, latency, faults, Odoo Online limits, users, installed models).
 */
export { startOdooSimulator, RequestLog, type RunningSimulator, type SimCredentials, type SimOptions, type SimUserSpec } from './server';
export { SimDataset, toOdooDatetime, type RawValue, type SimRecord } from './dataset';
export { schemaFor, knownModels, type ModelSchema, type FieldSpec, type FieldType, type SimVersion } from './schema/index';
export { buildSmallDataset } from './seed-small';
export { loadSimDataset, type DatasetScale } from './dataset-source';
export { newApiKey, type SimApiKey } from './security/users';
