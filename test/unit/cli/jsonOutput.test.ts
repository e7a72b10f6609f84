import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { prettyJsonChunks } from '../../../src/cli/jsonOutput';
import { scanWorkspace } from '../../../src/scan/scan';

const expected = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
const joined = (value: Record<string, unknown>) => [...prettyJsonChunks(value)].join('');

/** `scan --format json` writes its result in pieces; joined they must be JSON.stringify's text, byte for byte. */
describe('JSON output in pieces', () => {
  it('equals JSON.stringify on a real scan result', async () => {
    const result = await scanWorkspace(path.resolve(__dirname, '..', '..', '..', 'examples', 'support-desk'), { now: () => new Date('2026-01-01T00:00:00Z') });
    assert.ok(result.callSites.length > 0);
    assert.equal(joined(result as unknown as Record<string, unknown>), expected(result));
  });

  it('equals JSON.stringify on the shapes JSON.stringify treats specially', () => {
    const cases: Array<Record<string, unknown>> = [
      {},
      { only: undefined },
      { a: [], b: {}, c: null, d: 0, e: '', f: false },
      { list: [1, 'two', null, undefined, () => 3, { x: [[], [{}], { y: 'line\nbreak "quoted" \u2028 é' }] }], after: 1 },
      { skipped: undefined, fn: () => 1, kept: [{ nested: { deeper: [1, [2, [3]]] } }], last: 'end' },
      { date: new Date('2026-01-01T00:00:00Z'), list: [new Date(0)] },
    ];
    for (const value of cases) assert.equal(joined(value), expected(value), JSON.stringify(value));
  });

  it('hands a large result out in several pieces', () => {
    const value = { callSites: Array.from({ length: 20_000 }, (_, index) => ({ id: `site-${index}`, evidence: ['a reason', 'another reason'] })), summary: { callSites: 20_000 } };
    const chunks = [...prettyJsonChunks(value)];
    assert.ok(chunks.length > 1, `${chunks.length} piece(s)`);
    assert.equal(chunks.join(''), expected(value));
  });
});
