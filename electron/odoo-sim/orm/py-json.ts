/**
 * Python-faithful JSON output. Odoo serializes with Python's json module: ", " and ": " separators,
 * ASCII-only (\uXXXX escapes) and floats always written with a fraction ("1.0", not "1"). JavaScript
 * numbers cannot tell 1.0 from 1, so float and monetary values are boxed as PyFloat when read.
 */
export class PyFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

/** Python's repr of a float: "1.0", "0.917431", "1e-05", "1e+16". */
export function pyFloatText(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e16 || magnitude < 1e-4) {
    // Python switches to exponent notation here and pads the exponent to two digits (1e-05, 1e+16).
    return value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

const NON_ASCII = /[\u007f-\uffff]/;

function pyString(value: string): string {
  const json = JSON.stringify(value);
  return NON_ASCII.test(json) ? json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** Serializes like Python's json.dumps(value) with default options. Hot path: plain loops, no temporaries. */
export function toPythonJson(value: unknown): string {
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloatText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || value === undefined) return 'null';
  if (value instanceof PyFloat) return pyFloatText(value.value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ', ' : '') + toPythonJson(value[i]);
    return `${out}]`;
  }
  if (typeof value === 'object') {
    let out = '{';
    let first = true;
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      out += (first ? '' : ', ') + pyString(key) + ': ' + toPythonJson(item);
      first = false;
    }
    return `${out}}`;
  }
  return 'null';
}

/** Unboxes PyFloat values (for callers that need plain JSON values). */
export function plain(value: unknown): unknown {
  if (value instanceof PyFloat) return value.value;
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}
