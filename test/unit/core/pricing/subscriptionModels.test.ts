/**
 * A model the end user's own subscription serves (GitHub Copilot's, reached through VS Code's Language Model API)
 * has no per-token API price the app pays: the call is reported and left unpriced with that reason, even when the
 * code names a model family whose API price the catalog has.
 */
import * as assert from 'node:assert/strict';
import { adviseSite } from '../../../../src/core/pricing/modelSet';
import { loadCatalog } from '../../../../src/core/catalog/catalog';
import { adviceInput } from '../../fixtureProject';

const bundled = loadCatalog();

describe('models served by the end user subscription', () => {
  for (const [name, model] of [
    ['a family the code names (gpt-4o)', { id: 'gpt-4o', raw: "'gpt-4o'", source: 'literal' as const }],
    ['the model the user picks', { id: null, raw: 'this.selector', source: 'user-choice' as const }],
  ] as const) {
    it(`github-copilot, ${name}: not priced, and says why`, () => {
      const advice = adviseSite(adviceInput(model, {
        provider: 'github-copilot',
        endpoint: 'chat',
        task: { type: 'chat', confidence: 1, reasons: [] },
        tokens: { inputPerCall: 1000, outputPerCall: 200, method: 'test' },
        volume: { callsPerMonth: 10_000, source: 'annotation' },
      }), bundled);
      assert.equal(advice.monthlyUsdCurrent, null, 'a subscription-served model has no API price');
      assert.equal(advice.unpriced?.kind, 'end-user-subscription', 'the end user pays for it: not an unknown model');
      assert.match(advice.unpriced?.reason ?? '', /own subscription/, 'the reason names the subscription');
    });
  }
  it("a consumer chat web app driven with the end user's session (ChatGPT's backend-api), its model named: not priced either", () => {
    const advice = adviseSite(adviceInput({ id: 'gpt-4o', raw: "'gpt-4o'", source: 'literal' }, {
      provider: 'chatgpt-web',
      endpoint: 'chat',
      task: { type: 'translation', confidence: 1, reasons: [] },
      tokens: { inputPerCall: 1000, outputPerCall: 200, method: 'test' },
      volume: { callsPerMonth: 10_000, source: 'annotation' },
    }), bundled);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.equal(advice.unpriced?.kind, 'end-user-subscription');
  });
  it('the same family at its API is priced', () => {
    const advice = adviseSite(adviceInput({ id: 'gpt-4o', raw: "'gpt-4o'", source: 'literal' }, {
      provider: 'openai',
      endpoint: 'chat',
      task: { type: 'chat', confidence: 1, reasons: [] },
      tokens: { inputPerCall: 1000, outputPerCall: 200, method: 'test' },
      volume: { callsPerMonth: 10_000, source: 'annotation' },
    }), bundled);
    assert.ok((advice.monthlyUsdCurrent ?? 0) > 0, 'gpt-4o at OpenAI has a price');
  });
});
