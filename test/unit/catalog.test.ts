import assert from 'node:assert/strict';
import { canonicalKey, findModel, loadCatalog } from '../../src/core/catalog';

describe('catalog', () => {
  const catalog = loadCatalog();

  it('prices gpt-4o at $2.50 in / $10 out per million tokens (LiteLLM row)', () => {
    const m = findModel(catalog, 'gpt-4o');
    assert.equal(m?.closed?.inputPerMTok, 2.5);
    assert.equal(m?.closed?.outputPerMTok, 10);
  });

  it('normalizes dated snapshots and provider prefixes', () => {
    assert.equal(findModel(catalog, 'gpt-4o-2024-08-06')?.id, 'gpt-4o');
    assert.equal(findModel(catalog, 'openai/gpt-4o-mini')?.id, 'gpt-4o-mini');
    assert.equal(canonicalKey('models/gemini-1.5-pro-002'), 'gemini-1.5-pro');
  });

  it('returns undefined for an unknown model', () => {
    assert.equal(findModel(catalog, 'gpt-7-ultra'), undefined);
  });
});
