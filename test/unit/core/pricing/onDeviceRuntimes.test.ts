/**
 * A model run on the end user's own device (Chrome's built-in Gemini Nano, a WebLLM model in the end user's browser)
 * costs the team neither a per-token price nor hardware: the call is reported and left unpriced with that reason,
 * sourced from the runtime's row in on-device-runtimes.json. The analyzer that reported the call decides (its `sdk`),
 * never the model id: the same model from an API or from the app's own process is priced as before.
 */
import * as assert from 'node:assert/strict';
import { adviseSite } from '../../../../src/core/pricing/modelSet';
import { buildCatalog, loadCatalog } from '../../../../src/core/catalog/catalog';
import { adviceInput } from '../../fixtureProject';
import { END_USER_DEVICE_SDKS, IN_PROCESS_PROVIDER, SOMETIMES_END_USER_DEVICE_SDKS } from '../../../../src/model/vocabulary';
import type { ModelRef } from '../../../../src/model/types';

const bundled = loadCatalog();
const geminiNano: ModelRef = { id: 'gemini-nano', raw: '', source: 'default-param' };
const webLlmModel: ModelRef = { id: 'Llama-3.2-3B-Instruct-q4f16_1-MLC', raw: 'MODEL_ID', source: 'constant' };
const call = (provider: string, sdk: string) => ({
  provider,
  sdk,
  endpoint: 'chat' as const,
  task: { type: 'chat' as const, confidence: 1, reasons: [] },
  tokens: { inputPerCall: 300, outputPerCall: 200, method: 'test' },
  volume: { callsPerMonth: 10_000, source: 'annotation' as const },
});

describe('models run on the end user device', () => {
  const cases = [
    { name: "Chrome's Gemini Nano", model: geminiNano, sdk: 'chrome-ai' },
    { name: 'a WebLLM model in the browser', model: webLlmModel, sdk: 'web-llm' },
  ];
  for (const { name, model, sdk } of cases) {
    it(`${name}: not priced, the reason says whose device and cites the runtime's source`, () => {
      const advice = adviseSite(adviceInput(model, call(IN_PROCESS_PROVIDER, sdk)), bundled);
      assert.equal(advice.monthlyUsdCurrent, null);
      assert.equal(advice.unpriced?.kind, 'end-user-device');
      const row = bundled.onDeviceRuntimes?.find((entry) => entry.sdk === sdk);
      assert.ok(row, 'the bundled catalog has the row');
      const reason = advice.unpriced?.reason ?? '';
      assert.ok(reason.includes("end user's device") && reason.includes(model.id!) && reason.includes(row.source) && reason.includes(row.asOf), reason);
      assert.doesNotMatch(reason, /team's own hardware/);
      assert.ok(bundled.sources.includes(row.source), "the row's source is one of the catalog's sources");
    });
  }

  it('a transformers.js model the code shows running in the browser (runsOn): not priced, through the browser row', () => {
    const browserEmbedder: ModelRef = { id: 'Xenova/all-MiniLM-L6-v2', raw: "'Xenova/all-MiniLM-L6-v2'", source: 'literal' };
    const advice = adviseSite(adviceInput(browserEmbedder, { ...call(IN_PROCESS_PROVIDER, IN_PROCESS_PROVIDER), endpoint: 'embedding', runsOn: 'end-user-device' }), bundled);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.equal(advice.unpriced?.kind, 'end-user-device');
    assert.match(advice.unpriced?.reason ?? '', /Xenova\/all-MiniLM-L6-v2 runs on the end user's device through Transformers\.js .*github\.com\/huggingface\/transformers\.js.*as of 2026-10-27/);
    // The same call in the app's own process (nothing says browser) is priced or asked about as before.
    const inProcess = adviseSite(adviceInput(browserEmbedder, { ...call(IN_PROCESS_PROVIDER, IN_PROCESS_PROVIDER), endpoint: 'embedding' }), bundled);
    assert.notEqual(inProcess.unpriced?.kind, 'end-user-device');
    // runsOn from an analyzer whose calls never run there is not read.
    const fromApi = adviseSite(adviceInput(browserEmbedder, { ...call('openai', 'openai'), endpoint: 'embedding', runsOn: 'end-user-device' }), bundled);
    assert.notEqual(fromApi.unpriced?.kind, 'end-user-device');
  });

  it('every runtime the vocabulary calls on-device has its sourced row, and no row names another analyzer', () => {
    assert.deepEqual((bundled.onDeviceRuntimes ?? []).map((row) => row.sdk).sort(), [...END_USER_DEVICE_SDKS, ...SOMETIMES_END_USER_DEVICE_SDKS].sort());
  });

  it('a catalog without the rows (a small test catalog) keeps the ordinary answer', () => {
    const withoutRows = buildCatalog({ ...bundled, onDeviceRuntimes: undefined });
    const advice = adviseSite(adviceInput(geminiNano, call(IN_PROCESS_PROVIDER, 'chrome-ai')), withoutRows);
    assert.notEqual(advice.unpriced?.kind, 'end-user-device');
  });

  it("the same model from an API, or from the app's own process, is not read as on-device", () => {
    const fromApi = adviseSite(adviceInput(geminiNano, call('google', 'google')), bundled);
    assert.doesNotMatch(fromApi.unpriced?.reason ?? '', /end user's device/);
    const inProcess = adviseSite(adviceInput(webLlmModel, call(IN_PROCESS_PROVIDER, 'local')), bundled);
    assert.doesNotMatch(inProcess.unpriced?.reason ?? '', /end user's device/);
  });
});
