import { describe, expect, it } from 'vitest';
import { PyFloat, pyFloatText, toPythonJson } from './py-json';

describe("Python's json.dumps output", () => {
  it('writes floats like Python repr (values checked against CPython 3.11)', () => {
    const cases: Array<[number, string]> = [
      [1, '1.0'], [0.917431, '0.917431'], [1e-5, '1e-05'], [1e16, '1e+16'], [1.5e20, '1.5e+20'], [-0, '-0.0'],
      [31750, '31750.0'], [2615.93, '2615.93'], [-2.5e-7, '-2.5e-07'], [123456789012345680000, '1.2345678901234568e+20'], [0.0001, '0.0001'],
    ];
    for (const [value, text] of cases) expect(pyFloatText(value)).toBe(text);
  });

  it('uses ", " / ": " separators, ASCII escapes and keeps ints as ints', () => {
    expect(toPythonJson({ a: new PyFloat(1), b: 'é€', c: [1, 2.5, false, null], d: undefined })).toBe('{"a": 1.0, "b": "\\u00e9\\u20ac", "c": [1, 2.5, false, null]}');
    expect(JSON.parse(toPythonJson([new PyFloat(3)]))).toEqual([3]);
  });
});
