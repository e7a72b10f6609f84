/**
 * A model a browser runs on the end user's own device through a built-in API (Chrome's Gemini Nano) costs the team
 * neither a per-token price nor hardware: the call is reported and left unpriced with that reason, sourced from
 * on-device-models.json. The same id from any other provider is not read that way.
 */
import * as assert from 'node:assert/strict';
import { adviseSite } from '../../../../src/core/pricing/modelSet';
import { buildCatalog, loadCatalog } from '../../../../src/core/catalog/catalog';
import { adviceInput } from '../../fixtureProject';
import { IN_PROCESS_PROVIDER } from '../../../../src/model/vocabulary';

const bundled = loadCatalog();
const geminiNano = { id: 'gemini-nano', raw: '', source: 'default-param' as const };
const call = (provider: string) => ({
  provider,
  endpoint: 'chat' as const,
  task: { type: 'chat' as const, confidence: 1, reasons: [] },
  tokens: { inputPerCall: 300, outputPerCall: 200, method: 'test' },
  volume: { callsPerMonth: 10_000, source: 'annotation' as const },
});

describe('models run on the end user device', () => {
  it("Chrome's Gemini Nano with no API behind it: not priced, the reason says whose device and cites its source", () => {
    const advice = adviseSite(adviceInput(geminiNano, call(IN_PROCESS_PROVIDER)), bundled);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.equal(advice.unpriced?.kind, 'not-priced');
    const row = bundled.onDeviceModels?.find((entry) => entry.id === 'gemini-nano');
    assert.ok(row, 'the bundled catalog has the row');
    assert.ok(advice.unpriced?.reason.includes("end user's device") && advice.unpriced.reason.includes(row.source) && advice.unpriced.reason.includes(row.asOf), advice.unpriced?.reason);
    assert.ok(bundled.sources.includes(row.source), "the row's source is one of the catalog's sources");
  });

  it('a catalog without the row (a small test catalog) keeps the ordinary answer', () => {
    const withoutRows = buildCatalog({ ...bundled, onDeviceModels: undefined });
    const advice = adviseSite(adviceInput(geminiNano, call(IN_PROCESS_PROVIDER)), withoutRows);
    assert.notEqual(advice.unpriced?.kind, 'not-priced');
  });

  it('the same id at an API provider is not read as on-device', () => {
    const advice = adviseSite(adviceInput(geminiNano, call('google')), bundled);
    assert.doesNotMatch(advice.unpriced?.reason ?? '', /end user's device/);
  });
});
