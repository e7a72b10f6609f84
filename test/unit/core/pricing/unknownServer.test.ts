import assert from 'node:assert/strict';
import { adviseCall } from '../../../../src/core/pricing/advisor';
import { findModel } from '../../../../src/core/catalog/catalog';
import { adviceInput as input, catalog } from './helpers';

/** The cheapest per-call open-API row of a model for a 1,000 in / 200 out call, from the catalog itself. */
function cheapestChatRow(modelId: string) {
  const model = findModel(catalog, modelId);
  assert.ok(model && model.kind === 'open', `${modelId} is an open model of the catalog`);
  const rows = model.openPrices.filter((r) => (r.endpoint ?? 'chat') === 'chat' && !r.deprecationDate);
  return rows.sort((a, b) => 1000 * a.inputPerMTok + 200 * a.outputPerMTok - (1000 * b.inputPerMTok + 200 * b.outputPerMTok))[0];
}

describe('advisor: an open model on an unknown OpenAI-compatible server', () => {
  for (const provider of ['openai', 'openai-compatible']) {
    it(`${provider}: priced at the model's own cheapest API provider and labeled an assumption, not left unpriced as OpenAI`, () => {
      const row = cheapestChatRow('llama-3.3-70b');
      const advice = adviseCall(input('meta-llama/Llama-3.3-70B-Instruct', { provider }), catalog);
      const expected = (100_000 * (1000 * row.inputPerMTok + 200 * row.outputPerMTok)) / 1e6;
      assert.ok(advice.monthlyUsdCurrent !== null && Math.abs(advice.monthlyUsdCurrent - expected) < 1e-9, `${advice.monthlyUsdCurrent} = ${expected}`);
      const current = advice.options.find((o) => o.current);
      assert.equal(current?.provider, row.provider);
      assert.match(current?.derivation ?? '', /not known.*an assumption/);
      assert.ok(advice.diagnostics.some((d) => /OpenAI does not serve llama-3\.3-70b: priced at/.test(d)), advice.diagnostics.join('\n'));
    });
  }

  it('a named provider without a row for the model stays unpriced with the reason (no borrowed price)', () => {
    const advice = adviseCall(input('meta-llama/Llama-3.3-70B-Instruct', { provider: 'apipie' }), catalog);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.ok(advice.diagnostics.some((d) => /no per-token price for provider apipie/.test(d)));
  });

  it("a router that bills its partners' rates (Hugging Face) prices a model it has no row for at its cheapest partner, saying so; a partner not in its list is not borrowed", () => {
    const router = catalog.routers?.find((r) => r.providers.includes('huggingface'));
    assert.ok(router?.billsPartnerRates, 'the catalog lists the Hugging Face router as billing its partners\' rates');
    const model = findModel(catalog, 'llama-3.1-8b');
    assert.ok(model && model.kind === 'open' && !model.openPrices.some((r) => r.provider === 'huggingface'), 'llama-3.1-8b has no Hugging Face row of its own');
    const partners = model.openPrices.filter((r) => (r.endpoint ?? 'chat') === 'chat' && !r.deprecationDate && router.servesOpenProviders.includes(r.provider));
    const cheapest = partners.sort((a, b) => 1000 * a.inputPerMTok + 200 * a.outputPerMTok - (1000 * b.inputPerMTok + 200 * b.outputPerMTok))[0];
    const anyProvider = cheapestChatRow('llama-3.1-8b');
    assert.notEqual(cheapest.provider, anyProvider.provider, 'the cheapest host overall is not a partner (the case this checks)');
    const advice = adviseCall(input('meta-llama/Llama-3.1-8B-Instruct', { provider: 'huggingface' }), catalog);
    const current = advice.options.find((o) => o.current);
    assert.equal(current?.provider, cheapest.provider);
    assert.equal(advice.monthlyUsdCurrent, (100_000 * (1000 * cheapest.inputPerMTok + 200 * cheapest.outputPerMTok)) / 1e6);
    assert.match(current?.label ?? '', /via Hugging Face Inference Providers; priced as /);
    assert.match(current?.derivation ?? '', /bills that partner's rate unchanged.*an assumption/);
  });

  it('a model the router has its own row for is priced at that row', () => {
    const advice = adviseCall(input('zai-org/GLM-4.6', { provider: 'huggingface' }), catalog);
    assert.equal(advice.options.find((o) => o.current)?.provider, 'huggingface');
  });

  it('an OpenAI model on an unknown server is still priced at OpenAI', () => {
    const advice = adviseCall(input('gpt-4o-mini', { provider: 'openai-compatible' }), catalog);
    assert.equal(advice.options.find((o) => o.current)?.provider, 'openai');
  });

  it('an open embedding model is priced per input token at its provider; with 0 input tokens counted it is not priced', () => {
    const embed = (over: Parameters<typeof input>[1]) => adviseCall(input('baai/bge-m3', { endpoint: 'embedding', taskType: 'embedding', provider: 'novita', ...over }), catalog);
    const row = findModel(catalog, 'bge-m3')?.openPrices.find((r) => r.provider === 'novita' && r.endpoint === 'embedding');
    assert.ok(row);
    assert.equal(embed({}).monthlyUsdCurrent, (100_000 * 1000 * row.inputPerMTok) / 1e6);
    const empty = embed({ tokens: { inputPerCall: 0, outputPerCall: 0, method: 'test' } });
    assert.equal(empty.monthlyUsdCurrent, null);
    assert.ok(empty.diagnostics.some((d) => /input size is not known/.test(d)));
  });

  it('a rerank API billed per search is priced per call at one search, saying so', () => {
    const advice = adviseCall(input('rerank-english-v3.0', { provider: 'cohere', endpoint: 'other', taskType: 'reranking', volume: { callsPerMonth: 10_000, source: 'annotation' } }), catalog);
    assert.equal(advice.monthlyUsdCurrent, 20);
    assert.match(advice.options[0]?.derivation ?? '', /1 search per call \(assumption.*\$0\.002\/search/);
  });
});
