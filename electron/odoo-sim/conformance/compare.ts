/**
 * Structural comparison of a recorded response with the simulator's: same JSON types and the same object
 * keys at every level (values may differ: the data is not the same database). Lists of records are
 * compared element by element over the common length, and must both be empty or both non-empty.
 */
export type Mismatch = string;

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export interface CompareOptions {
  /** Object paths (e.g. "$.models[].fields") whose keys may differ (different installed modules). */
  looseKeys?: string[];
  /** Stop descending below this depth. */
  maxDepth?: number;
}

export function compareShapes(expected: unknown, actual: unknown, options: CompareOptions = {}, path = '$', depth = 0): Mismatch[] {
  const expectedKind = kind(expected);
  const actualKind = kind(actual);
  if (expectedKind !== actualKind) return [`${path}: expected ${expectedKind} ${short(expected)}, got ${actualKind} ${short(actual)}`];
  if (options.maxDepth !== undefined && depth >= options.maxDepth) return [];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if ((expected.length === 0) !== (actual.length === 0)) return [`${path}: expected ${expected.length} items, got ${actual.length}`];
    const out: Mismatch[] = [];
    // Records are paired by id when the same ids came back, so the same record's types are compared.
    const byId = new Map(actual.filter(isRecord).map((row) => [row.id, row]));
    const pairs: Array<[unknown, unknown]> = expected.every(isRecord) && expected.some((row) => byId.has(row.id))
      ? expected.filter((row) => byId.has(row.id)).map((row) => [row, byId.get(row.id)])
      : expected.slice(0, actual.length).map((row, i) => [row, actual[i]]);
    for (const [e, a] of pairs) out.push(...compareShapes(e, a, options, `${path}[]`, depth + 1));
    return [...new Set(out)];
  }
  if (expectedKind === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const out: Mismatch[] = [];
    const loose = options.looseKeys?.includes(path) ?? false;
    if (!loose) {
      // Keys like "_truncated" were added when the fixture body was trimmed; they are not Odoo's.
      const missing = Object.keys(e).filter((k) => !(k in a) && !k.startsWith('_truncated'));
      const extra = Object.keys(a).filter((k) => !(k in e));
      if (missing.length) out.push(`${path}: missing keys ${missing.join(', ')}`);
      if (extra.length) out.push(`${path}: unexpected keys ${extra.join(', ')}`);
    }
    for (const key of Object.keys(e)) {
      if (key in a) out.push(...compareShapes(e[key], a[key], options, loose ? `${path}.*` : `${path}.${key}`, depth + 1));
    }
    return out;
  }
  return [];
}

function isRecord(value: unknown): value is { id: number } {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number';
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The sequence of XML-RPC type tags of a response (<int>, <double>, <struct>...), for shape checks. */
export function xmlTypeTags(xml: string): string[] {
  return [...xml.matchAll(/<(int|i4|double|string|boolean|array|struct|nil|name)>/g)].map((m) => m[1]);
}
