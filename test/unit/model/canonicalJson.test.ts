/**
 * canonicalJson writes plain data itself (the cache and store keys of every scan) and hands anything
 * else to JSON.stringify with a sorting replacer: whatever the value, the text must be the replacer's.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson } from '../../../src/model/canonicalJson';

/** The definition: JSON.stringify with every object's entries sorted by key. */
function bySortingReplacer(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    nested && typeof nested === 'object' && !Array.isArray(nested) ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : nested,
  );
}

describe('canonicalJson', () => {
  it('writes what JSON.stringify with a key-sorting replacer writes, for any value', () => {
    const settings = { withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withDate: true, withTypedArray: true };
    fc.assert(
      fc.property(fc.anything(settings), (value) => {
        let expected: string | undefined;
        try {
          expected = bySortingReplacer(value);
        } catch {
          assert.throws(() => canonicalJson(value));
          return;
        }
        assert.equal(canonicalJson(value), expected);
      }),
      { seed: 20261201, numRuns: 3000 },
    );
  });

  it('sorts keys at every depth, whatever order they were written in', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: null, y: 'x' }], c: true } }), '{"a":{"c":true,"d":[1,{"y":"x","z":null}]},"b":1}');
    assert.equal(canonicalJson({ b: 1, a: 2 }), canonicalJson({ a: 2, b: 1 }));
  });

  it('writes numbers, holes and left-out members as JSON does', () => {
    const cases: unknown[] = [
      { n: Number.NaN, i: Number.POSITIVE_INFINITY, z: -0, e: 1e21, small: 5e-7 },
      [undefined, () => 1, Symbol('s'), , 2],
      { u: undefined, f: () => 1, s: Symbol('s'), kept: 'x\u2028\ud800"' },
      { 10: 'a', 2: 'b', x: 'c', '01': 'd' },
      { toJSON: () => ({ b: 1, a: 2 }) },
      new Date(0),
      { d: new Date(0), m: new Map([[1, 2]]) },
    ];
    for (const value of cases) assert.equal(canonicalJson(value), bySortingReplacer(value), String(bySortingReplacer(value)));
    assert.equal(canonicalJson(undefined), undefined);
  });

  it('fails on a cycle as the replacer does', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    // The replacer's sorted copies are new objects each time, so the cycle shows as endless depth.
    assert.throws(() => bySortingReplacer(cyclic), RangeError);
    assert.throws(() => canonicalJson(cyclic), RangeError);
  });
});
