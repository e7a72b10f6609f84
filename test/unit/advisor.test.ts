import assert from 'node:assert/strict';
import { adviseCall, type AdviceInput } from '../../src/core/advisor';
import { loadCatalog } from '../../src/core/catalog';

function input(model: string, over: Partial<AdviceInput> = {}): AdviceInput {
  return {
    model: { id: model, raw: model, source: 'literal' },
    provider: 'openai',
    endpoint: 'chat',
    task: { type: 'classification', confidence: 0.9, reasons: [] },
    tokens: { inputPerCall: 1000, outputPerCall: 200, method: 'test' },
    volume: { callsPerMonth: 100_000, source: 'annotation' },
    features: { streaming: false, tools: false, vision: false, structuredOutput: false },
    ...over,
  };
}

describe('advisor', () => {
  const catalog = loadCatalog();

  it('prices the current model: calls × (in × inPrice + out × outPrice) / 1e6', () => {
    const advice = adviseCall(input('gpt-4o'), catalog);
    // 100k × (1000 × 2.5 + 200 × 10) / 1e6 = 450
    assert.equal(advice.monthlyUsdCurrent, 450);
    const current = advice.options.find((o) => o.current);
    assert.ok(current?.derivation?.includes('100,000 calls/month'));
  });

  it('reports an unknown model instead of guessing', () => {
    const advice = adviseCall(input('gpt-7-ultra'), catalog);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.match(advice.diagnostics[0], /not in the catalog/);
  });
});
