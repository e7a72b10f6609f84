import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson } from '../../../src/model/canonicalJson';

/** The first version: JSON.stringify handing each object over as a copy with sorted keys. */
function reference(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    nested && typeof nested === 'object' && !Array.isArray(nested) ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : nested,
  );
}

describe('canonicalJson', () => {
  it('writes the same text as JSON.stringify over sorted copies, for any JSON-like value', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: false, withMap: true, withSet: true, withDate: true, withNullPrototype: true, withSparseArray: true }), (value) => {
        assert.equal(canonicalJson(value), reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys, lists array-index keys first in numeric order, and leaves out what JSON leaves out', () => {
    const value = { b: 1, a: [undefined, () => 1, NaN, -0], 10: 'ten', 9: 'nine', '09': 'zero-nine', c: undefined, d: { z: new Date(0), y: null } };
    assert.equal(canonicalJson(value), reference(value));
    assert.equal(canonicalJson(value), '{"9":"nine","10":"ten","09":"zero-nine","a":[null,null,null,0],"b":1,"d":{"y":null,"z":"1970-01-01T00:00:00.000Z"}}');
    assert.equal(canonicalJson({ b: 1, a: 2 }), canonicalJson({ a: 2, b: 1 }));
  });
});
