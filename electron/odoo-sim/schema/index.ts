/**
 * Typed field metadata of every simulated model, per Odoo version. The 19 schema is recorded from a
 * live server (models-19/, generated); 17 and 18 apply the documented differences (version-patches.ts).
 * Other engineers use `schemaFor` to check the records they generate.
 */
import { fieldFromRow, type FieldRow, type FieldSpec } from './field-spec';
import { modelMeta } from './model-meta';
import { extraFields19 } from './models-extra';
import { recordedFields19 } from './models-19/index';
import { versionPatches, type SimVersion } from './version-patches';

export type { FieldSpec, FieldType } from './field-spec';
export type { SimVersion } from './version-patches';

export interface ModelSchema {
  model: string;
  version: SimVersion;
  /** The model's `_description`, as named in access errors. */
  description: string;
  /** Default `_order`. */
  order: string;
  /** Field used by `child_of` (parent_id, or location_id for stock.location). */
  parentField?: string;
  fields: ReadonlyMap<string, FieldSpec>;
}

/** Every model the simulator knows, whatever the version. */
export function knownModels(): string[] {
  return [...new Set([...Object.keys(recordedFields19), ...Object.keys(extraFields19)])].sort();
}

/** Field metadata of `model` as an Odoo server of `version` would describe it, or undefined if unknown. */
export function schemaFor(version: SimVersion, model: string): ModelSchema | undefined {
  const rows19 = recordedFields19[model] ?? extraFields19[model];
  if (!rows19) return undefined;
  let rows: FieldRow[] = rows19;
  const patch = version === 19 ? undefined : versionPatches[version][model];
  if (patch) {
    const removed = new Set([...(patch.remove ?? []), ...(patch.add ?? []).map((row) => row[0])]);
    rows = [...rows.filter((row) => !removed.has(row[0])), ...(patch.add ?? [])];
  }
  const fields = new Map<string, FieldSpec>();
  for (const row of rows) {
    const spec = fieldFromRow(row);
    const older = patch?.selections?.[spec.name];
    if (older) spec.selection = older;
    fields.set(spec.name, spec);
  }
  const meta = modelMeta[model];
  return {
    model,
    version,
    description: meta?.description ?? model,
    order: meta?.order ?? 'id',
    parentField: meta?.parentField,
    fields,
  };
}

/** Caches schemas for one simulator instance (the schema is immutable once built). */
export class SchemaRegistry {
  private readonly cache = new Map<string, ModelSchema | null>();
  constructor(readonly version: SimVersion) {}

  get(model: string): ModelSchema | undefined {
    if (!this.cache.has(model)) this.cache.set(model, schemaFor(this.version, model) ?? null);
    return this.cache.get(model) ?? undefined;
  }
}
