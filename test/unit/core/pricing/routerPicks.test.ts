/**
 * Issue 13: a call whose "model" id names its router or server rather than a model (OpenRouter's
 * `openrouter/auto`, a local server's `text-generation-webui`) is priced over a stated set as a guess,
 * with the recommendation made by task; and media models priced from dated rows (gpt-image-1 per
 * image, Deepgram Nova-3 per audio minute).
 */
import * as assert from 'node:assert/strict';
import { adviseSite } from '../../../../src/core/pricing/modelSet';
import { adviseCall } from '../../../../src/core/pricing/advisor';
import { assumedModelsFor, findModel, loadCatalog, placeholderModelsFor } from '../../../../src/core/catalog/catalog';
import type { ModelRef } from '../../../../src/model/types';
import type { AdviceInput } from '../../../../src/core/pricing/advisor';
import { adviceInput } from '../../fixtureProject';

const catalog = loadCatalog();

/** An OpenRouter chat call at a stated volume. */
const input = (model: ModelRef, overrides: Partial<AdviceInput> = {}): AdviceInput => adviceInput(model, { provider: 'openrouter', ...overrides });

const constant = (id: string): ModelRef => ({ id, raw: 'this.model', source: 'constant' });

describe('pricing: an id that names the router or server, not a model', () => {
  it('openrouter/auto is priced over the Auto Router set, first model as the number, labeled a guess, with a recommendation', () => {
    const row = placeholderModelsFor(catalog, 'openrouter', 'openrouter/auto')!;
    assert.ok(row.source && row.asOf, 'the row is sourced and dated');
    const advice = adviseSite(input(constant('openrouter/auto')), catalog);
    assert.deepEqual(advice.modelPricing?.models.map((m) => m.id), row.models);
    assert.equal(advice.modelPricing?.model, row.models[0]);
    assert.equal(advice.modelPricing?.assumed, true);
    assert.ok(advice.monthlyUsdCurrent! > 0);
    assert.ok(advice.monthlyUsdCurrentRange && advice.monthlyUsdCurrentRange.high > advice.monthlyUsdCurrentRange.low, 'the range spans the set');
    assert.match(advice.modelPricing!.basis, /`openrouter\/auto`, which names the router or server, not a model: it picks the model per request/);
    assert.match(advice.modelPricing!.basis, /a guess, not what the code states/);
    assert.ok(advice.recommendation, 'advice by task is kept');
    assert.equal(advice.unpriced, undefined);
  });

  it('the router row prices only calls that send its id: an OpenRouter call with no model keeps the ordinary set', () => {
    assert.equal(assumedModelsFor(catalog, 'openrouter')?.provider, '*');
    assert.equal(placeholderModelsFor(catalog, 'openrouter', 'anthropic/claude-sonnet-4.5'), undefined, 'an ordinary model id is not a placeholder');
    assert.equal(placeholderModelsFor(catalog, 'openai', 'openrouter/auto'), undefined, 'the id names the router only at the router');
  });

  it('a local server sent its own name (text-generation-webui) is priced as self-hosting over the local-server set, labeled a guess', () => {
    const local = assumedModelsFor(catalog, 'self-hosted')!;
    assert.equal(local.provider, 'local-server');
    const advice = adviseSite(input(constant('text-generation-webui'), { provider: 'self-hosted' }), catalog);
    assert.deepEqual(advice.modelPricing?.models.map((m) => m.id), local.models);
    assert.equal(advice.options.find((o) => o.current)?.tier, 'self-hosted');
    assert.match(advice.modelPricing!.basis, /`text-generation-webui`, which names the router or server/);
    assert.match(advice.modelPricing!.basis, /assumed-models\.json, local-server/);
  });

  it('a server name on a hosted API is not a placeholder: it stays unpriced with its reason', () => {
    const advice = adviseSite(input(constant('text-generation-webui'), { provider: 'openai' }), catalog);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.equal(advice.unpriced?.kind, 'model-not-in-catalog');
  });
});

describe('pricing: dated media rows', () => {
  it('gpt-image-1 is priced per image at the quality its row states', () => {
    const row = findModel(catalog, 'gpt-image-1')?.closed;
    assert.ok(row?.perImageUsd && row.imageQuality && row.source && row.asOf);
    const advice = adviseCall(input(constant('gpt-image-1'), { provider: 'openai', endpoint: 'image-generation', task: { type: 'image-generation', confidence: 1, reasons: [] }, volume: { callsPerMonth: 10_000, source: 'annotation' } }), catalog);
    assert.equal(advice.monthlyUsdCurrent, 10_000 * row.perImageUsd);
    assert.match(advice.options[0].derivation ?? '', new RegExp(`n=1, ${row.imageQuality ?? ''}`));
  });

  it('Deepgram nova-3 is priced per audio minute at the assumed clip length; the same id at another provider is not', () => {
    const row = findModel(catalog, 'nova-3')?.closed;
    assert.ok(row?.perMinuteUsd && row.provider === 'deepgram');
    const minutes = catalog.assumptions.find((a) => a.id === 'audioMinutesPerTranscriptionCall')!.value;
    const call = (provider: string) => adviseCall(input(constant('nova-3'), { provider, endpoint: 'audio-transcription', task: { type: 'speech', confidence: 1, reasons: [] }, volume: { callsPerMonth: 10_000, source: 'annotation' } }), catalog);
    assert.ok(Math.abs(call('deepgram').monthlyUsdCurrent! - 10_000 * minutes * row.perMinuteUsd) < 1e-9);
    assert.equal(call('together').monthlyUsdCurrent, null);
  });
});

describe('pricing: why a per-minute model stays unpriced at another host', () => {
  it('names the missing host price, not the audio length (which has an assumption)', () => {
    const advice = adviseSite(input(constant('openai/whisper-large-v3'), { provider: 'fireworks', endpoint: 'audio-transcription', task: { type: 'speech', confidence: 1, reasons: [] } }), catalog);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.match(advice.unpriced!.reason, /whisper-large-v3 has a per-minute price only at groq .*no dated price for it at fireworks, so this call is not priced \(another host's price is not borrowed\)/);
    assert.doesNotMatch(advice.unpriced!.reason, /audio length/);
  });
});

describe('pricing: a rerank API billed per token at its own host', () => {
  it('jina-reranker-v2-base-multilingual is priced per input token at jina, from a dated row', () => {
    const row = findModel(catalog, 'jina-reranker-v2-base-multilingual')?.openPrices.find((r) => r.provider === 'jina' && r.endpoint === 'rerank');
    assert.ok(row && row.source && row.asOf);
    const advice = adviseCall(input(constant('jina-reranker-v2-base-multilingual'), { provider: 'jina', endpoint: 'rerank', task: { type: 'reranking', confidence: 1, reasons: [] } }), catalog);
    assert.ok(Math.abs(advice.monthlyUsdCurrent! - (100_000 * 1000 * row.inputPerMTok) / 1e6) < 1e-9);
    assert.equal(adviseCall(input(constant('jina-reranker-v2-base-multilingual'), { provider: 'together', endpoint: 'rerank', task: { type: 'reranking', confidence: 1, reasons: [] } }), catalog).monthlyUsdCurrent, null, 'not borrowed for another host');
  });
});

describe('pricing: why an in-process model set stays unpriced', () => {
  it('a set of models the catalog lacks, run in process, says there is no per-token bill and why it cannot be sized', () => {
    const model: ModelRef = { id: null, raw: 'this.config.model', source: 'user-choice', candidates: [{ id: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2', source: 'app-list', where: 'src/models.ts:3' }, { id: 'Xenova/multilingual-e5-small', source: 'app-list', where: 'src/models.ts:3' }] };
    const advice = adviseSite(input(model, { provider: 'local', endpoint: 'embedding', task: { type: 'embedding', confidence: 1, reasons: [] } }), catalog);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.match(advice.unpriced!.reason, /none of the models this call can send is in the catalog .*Xenova\/paraphrase-multilingual-MiniLM-L12-v2, Xenova\/multilingual-e5-small; it runs on the team's own hardware \(local\), so there is no per-token bill/);
  });
});
