/**
 * Issue 13: calls priced at the host that serves them. A media id sold at several hosts is priced at the
 * caller's host only; a retired media model is priced at its last list price and migrates to the same
 * host's current model for the endpoint; a retired embedding endpoint is never where a call stays.
 * The rules run on small catalogs built here (so they do not depend on which rows the data files hold),
 * and the bundled rows added for them are checked against their sources.
 */
import * as assert from 'node:assert/strict';
import { adviseCall } from '../../../../src/core/pricing/advisor';
import { buildCatalog, closedRowFromData, findModel, findModelAt, loadCatalog, openRowFromData, type Catalog, type ClosedModelData, type OpenPriceData } from '../../../../src/core/catalog/catalog';
import type { AdviceInput } from '../../../../src/core/pricing/advisor';
import { adviceInput } from '../../fixtureProject';

const bundled = loadCatalog();
const TODAY = '2026-12-01';
const speech = { type: 'speech' as const, confidence: 1, reasons: [] };

const transcriptionRow = (id: string, provider: string, perMinuteUsd: number, over: Partial<ClosedModelData> = {}): ClosedModelData => ({
  id,
  vendor: 'openai',
  provider,
  endpoint: 'audio-transcription',
  class: 'transcription',
  perMinuteUsd,
  source: `test table for ${provider}`,
  asOf: '2026-07-24',
  supportsTools: null,
  supportsVision: null,
  supportsJsonSchema: null,
  contextWindow: null,
  maxOutputTokens: null,
  ...over,
});

/** A catalog with only these closed and open rows, and the bundled assumptions (clip length, thresholds). */
function smallCatalog(closed: ClosedModelData[], open: OpenPriceData[] = []): Catalog {
  return buildCatalog({
    closed: closed.map(closedRowFromData),
    open: open.map(openRowFromData),
    architectures: [],
    gpus: [],
    quality: bundled.quality,
    selfHostCosts: [],
    assumptions: bundled.assumptions,
    referenceModels: bundled.referenceModels,
  });
}

const transcribe = (model: string, provider: string, over: Partial<AdviceInput> = {}): AdviceInput =>
  adviceInput({ id: model, raw: `'${model}'`, source: 'literal' }, { provider, endpoint: 'audio-transcription', task: speech, volume: { callsPerMonth: 10_000, source: 'annotation' }, ...over });

const minutes = bundled.assumptions.find((a) => a.id === 'audioMinutesPerTranscriptionCall')!.value;

describe('pricing: a media id sold at several hosts is priced at the caller host', () => {
  const catalog = smallCatalog([transcriptionRow('whisper-large-v3', 'groq', 0.002), transcriptionRow('whisper-large-v3', 'together', 0.003)]);

  it('findModelAt picks the row of the host; findModel alone gives the first', () => {
    assert.equal(findModel(catalog, 'whisper-large-v3')?.closed?.provider, 'groq');
    assert.equal(findModelAt(catalog, 'openai/whisper-large-v3', 'together')?.closed?.provider, 'together');
    assert.equal(findModelAt(catalog, 'openai/whisper-large-v3', 'Groq')?.closed?.provider, 'groq');
    assert.equal(findModelAt(catalog, 'whisper-large-v3', 'fireworks')?.closed?.provider, 'groq', 'no row at the host: the model as found (pricing then says the host has no price)');
  });

  for (const [provider, perMinute] of [['groq', 0.002], ['together', 0.003]] as const) {
    it(`a call at ${provider} is priced at ${provider}'s $${perMinute}/min, from ${provider}'s row`, () => {
      const advice = adviseCall(transcribe('openai/whisper-large-v3', provider), catalog, { today: TODAY });
      assert.ok(Math.abs(advice.monthlyUsdCurrent! - 10_000 * minutes * perMinute) < 1e-9);
      assert.equal(advice.options[0].price?.source, `test table for ${provider}`);
      assert.equal(advice.recommendation?.action, 'keep');
    });
  }

  it('a host with no row is still not priced (another host is not borrowed)', () => {
    const advice = adviseCall(transcribe('whisper-large-v3', 'fireworks'), catalog, { today: TODAY });
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.match(advice.diagnostics.join(' '), /per-minute price only at groq \(\$0\.002\/min\), together \(\$0\.003\/min\); the catalog has no dated price for it at fireworks.*another host's price is not borrowed/);
  });
});

describe('pricing: a retired media model', () => {
  const retired = transcriptionRow('distil-whisper-large-v3-en', 'groq', 0.0003336, { retired: true, deprecationDate: '2025-08-23' });
  const catalog = smallCatalog([
    retired,
    transcriptionRow('whisper-large-v3-turbo', 'groq', 0.0006666),
    transcriptionRow('whisper-large-v3', 'groq', 0.0018498),
    transcriptionRow('whisper-1', 'openai', 0.006),
    transcriptionRow('whisper-large-v2', 'groq', 0.0001, { retired: true }),
  ]);

  it('is priced at its last list price, not viable, and migrates to the same host cheapest current model for the endpoint', () => {
    const advice = adviseCall(transcribe('distil-whisper-large-v3-en', 'groq'), catalog, { today: TODAY });
    assert.ok(Math.abs(advice.monthlyUsdCurrent! - 10_000 * minutes * 0.0003336) < 1e-9, 'last list price');
    const current = advice.options.find((o) => o.current)!;
    assert.equal(current.viable, false);
    assert.match(current.why, /retired/);
    assert.deepEqual(advice.options.filter((o) => !o.current).map((o) => o.model).sort(), ['whisper-large-v3', 'whisper-large-v3-turbo'], 'only the same host, never another retired row or another host');
    assert.equal(advice.recommendation?.action, 'migrate');
    assert.match(advice.recommendation!.label, /whisper-large-v3-turbo/);
    assert.equal(advice.recommendation?.deadline, '2025-08-23');
  });

  it('with no current model at its host, it still says to migrate off and keeps its last price', () => {
    const alone = smallCatalog([retired]);
    const advice = adviseCall(transcribe('distil-whisper-large-v3-en', 'groq'), alone, { today: TODAY });
    assert.ok(advice.monthlyUsdCurrent! > 0);
    assert.equal(advice.recommendation?.action, 'migrate');
    assert.match(advice.recommendation!.label, /Migrate off distil-whisper-large-v3-en/);
  });

  it('an active media model keeps the plain stay advice with no alternatives', () => {
    const advice = adviseCall(transcribe('whisper-large-v3-turbo', 'groq'), catalog, { today: TODAY });
    assert.deepEqual(advice.options.map((o) => o.model), ['whisper-large-v3-turbo']);
    assert.equal(advice.recommendation?.action, 'keep');
  });
});

describe('pricing: a retired embedding endpoint', () => {
  const row = (provider: string, inputPerMTok: number, deprecationDate?: string): OpenPriceData => ({
    model: 'm2-bert-80m-8k-retrieval',
    provider,
    providerModelId: 'togethercomputer/m2-bert-80M-8k-retrieval',
    endpoint: 'embedding',
    inputPerMTok,
    outputPerMTok: 0,
    source: `test table for ${provider}`,
    asOf: '2026-07-24',
    supportsTools: null,
    supportsVision: null,
    supportsJsonSchema: null,
    contextWindow: null,
    maxOutputTokens: null,
    ...(deprecationDate ? { deprecationDate } : {}),
  });
  const embed = (provider: string): AdviceInput =>
    adviceInput({ id: 'togethercomputer/m2-bert-80M-8k-retrieval', raw: 'm2', source: 'literal' }, { provider, endpoint: 'embedding', task: { type: 'embedding', confidence: 1, reasons: [] }, tokens: { inputPerCall: 500, outputPerCall: 0, method: 'test' } });

  it('is priced at its last price but is not where the call stays: migrate off, never "migrate to" itself', () => {
    const advice = adviseCall(embed('together'), smallCatalog([], [row('together', 0.008, '2025-06-21')]), { today: TODAY });
    assert.ok(Math.abs(advice.monthlyUsdCurrent! - (100_000 * 500 * 0.008) / 1e6) < 1e-9);
    assert.equal(advice.options[0].viable, false);
    assert.equal(advice.recommendation?.action, 'migrate');
    assert.match(advice.recommendation!.label, /^Migrate off m2-bert-80m-8k-retrieval/);
  });

  it('the same model still served at another host is the replacement (same vectors)', () => {
    const advice = adviseCall(embed('together'), smallCatalog([], [row('together', 0.008, '2025-06-21'), row('elsewhere', 0.01)]), { today: TODAY });
    assert.equal(advice.recommendation?.action, 'migrate');
    assert.match(advice.recommendation!.label, /elsewhere/);
  });

  it('an active endpoint stays', () => {
    const advice = adviseCall(embed('together'), smallCatalog([], [row('together', 0.008)]), { today: TODAY });
    assert.equal(advice.options[0].viable, true);
    assert.equal(advice.recommendation?.action, 'keep');
  });
});

describe('catalog: rows that price labeled calls at their own host, each from a dated source naming that host', () => {
  const cases: Array<[written: string, provider: string, model: string, input: number, output: number, source: RegExp, asOf: string]> = [
    ['deepseek-ai/DeepSeek-V4-Flash-0731', 'together', 'deepseek-v4-flash', 0.14, 0.28, /durable-llm-registry@5bab0001 .*truefoundry\/together-ai\/models\.jsonl.*; id deepseek-ai\/DeepSeek-V4-Flash-0731/, '2026-08-21'],
    ['zai-org/GLM-5.2', 'together', 'glm-5.2', 1.4, 4.4, /models\.dev@f3fc6922 .*providers\/togetherai\/models\/zai-org\/GLM-5\.2\.toml/, '2026-07-02'],
    ['intfloat/multilingual-e5-large-instruct', 'together', 'multilingual-e5-large-instruct', 0.02, 0, /truefoundry\/together-ai\/models\.jsonl.*; id intfloat\/multilingual-e5-large-instruct/, '2026-08-21'],
    ['togethercomputer/m2-bert-80M-8k-retrieval', 'together', 'm2-bert-80m-8k-retrieval', 0.008, 0, /key together-ai-embedding-up-to-150m/, '2026-07-24'],
    ['Meta-Llama-3.1-8B-Instruct', 'sambanova', 'llama-3.1-8b', 0.1, 0.2, /key sambanova\/Meta-Llama-3\.1-8B-Instruct .*deprecation_date 2026-04-14/, '2026-07-24'],
    ['llama3-8b-8192', 'groq', 'llama-3-8b', 0.05, 0.08, /RoCry\/llm-api-price@15ae8d76 .*key groq\/llama3-8b-8192/, '2025-09-01'],
    ['openrouter/llama-3.1-8b-instruct', 'apipie', 'llama-3.1-8b', 0.02002447, 0.02999917, /charmbracelet\/catwalk@8d061f78 .*apipie\.json.*Llama 3\.1 8B Instruct \(OpenRouter\)/, '2025-10-27'],
    ['baai/bge-m3', 'openrouter', 'bge-m3', 0.01, 0, /openrouter\.ai\/baai\/bge-m3\/api .*\$0\.01\/M input tokens/, '2026-12-01'],
    ['deepseek/deepseek-v3/community', 'ppio', 'deepseek-v3', 0.278, 1.111, /models\.dev@15dee0020 .*providers\/ppio\/models\/deepseek\/deepseek-v3\/community\.toml/, '2026-01-29'],
    ['openrouter/mistral-7b-instruct', 'apipie', 'mistral-7b-v0.3', 0.02804116, 0.05400316, /charmbracelet\/catwalk@8d061f78 .*apipie\.json.*Mistral 7B Instruct \(OpenRouter\)/, '2025-10-27'],
  ];
  for (const [written, provider, model, input, output, source, asOf] of cases) {
    it(`${written} at ${provider} → ${model} at $${input}/$${output} per M (${asOf})`, () => {
      const found = findModel(bundled, written);
      assert.equal(found?.id, model);
      const row = found?.openPrices.find((r) => r.provider === provider);
      assert.deepEqual([row?.inputPerMTok, row?.outputPerMTok, row?.asOf], [input, output, asOf]);
      assert.match(row?.source ?? '', source);
    });
  }

  it('the Together embedding tier row cites where the 80M parameter count comes from, and the endpoint is dated as gone', () => {
    const row = findModel(bundled, 'togethercomputer/m2-bert-80M-8k-retrieval')?.openPrices.find((r) => r.provider === 'together');
    assert.match(row?.notes ?? '', /80M parameters/);
    assert.equal(row?.deprecationDate, '2025-06-21');
  });

  it('retired rows carry their date and are past it today', () => {
    for (const [written, provider, date] of [['llama3-8b-8192', 'groq', '2025-08-30'], ['Meta-Llama-3.1-8B-Instruct', 'sambanova', '2026-04-14'], ['deepseek/deepseek-v3/community', 'ppio', '2026-01-30']] as const) {
      const row = findModel(bundled, written)?.openPrices.find((r) => r.provider === provider);
      assert.equal(row?.deprecationDate, date);
      assert.ok(date <= TODAY);
    }
  });

  it('FLUX.1 schnell at Together is priced per image; distil-whisper at Groq per minute and retired', () => {
    const flux = findModelAt(bundled, 'black-forest-labs/FLUX.1-schnell', 'together')?.closed;
    assert.deepEqual([flux?.provider, flux?.endpoint, flux?.perImageUsd, flux?.asOf], ['together', 'image-generation', 0.0027, '2026-05-25']);
    const distil = findModelAt(bundled, 'distil-whisper-large-v3-en', 'groq')?.closed;
    assert.deepEqual([distil?.provider, distil?.perMinuteUsd, distil?.retired, distil?.deprecationDate], ['groq', 0.0003336, true, '2025-08-23']);
    assert.match(distil?.source ?? '', /RoCry\/llm-api-price@fc601cc8 .*key groq\/distil-whisper-large-v3-en \(input_cost_per_second 5\.56e-06\)/);
  });

  it('whisper-large-v3 is priced at Together from Together\'s row and at Groq from Groq\'s', () => {
    const together = findModelAt(bundled, 'openai/whisper-large-v3', 'together')?.closed;
    assert.deepEqual([together?.provider, together?.perMinuteUsd], ['together', 0.0015]);
    assert.match(together?.source ?? '', /truefoundry\/models@03feefbe .*together-ai\/openai\/whisper-large-v3\.yaml: costs input_cost_per_second 0\.000025/);
    const groq = findModelAt(bundled, 'whisper-large-v3', 'groq')?.closed;
    assert.equal(groq?.provider, 'groq');
    assert.notEqual(groq?.perMinuteUsd, together?.perMinuteUsd);
    const at = (provider: string) => adviseCall(transcribe('openai/whisper-large-v3', provider), bundled, { today: TODAY }).monthlyUsdCurrent;
    assert.ok(Math.abs(at('together')! - 10_000 * minutes * 0.0015) < 1e-9);
    assert.ok(Math.abs(at('groq')! - 10_000 * minutes * groq!.perMinuteUsd!) < 1e-9);
  });

  it('the Together FLUX row prices one image per call (10,000 calls × $0.0027)', () => {
    const image = (provider: string) => adviseCall(adviceInput({ id: 'black-forest-labs/FLUX.1-schnell', raw: 'flux', source: 'literal' }, { provider, endpoint: 'image-generation', task: { type: 'image-generation', confidence: 1, reasons: [] }, volume: { callsPerMonth: 10_000, source: 'annotation' } }), bundled, { today: TODAY });
    assert.ok(Math.abs(image('together').monthlyUsdCurrent! - 27) < 1e-9);
    const elsewhere = adviseCall(adviceInput({ id: 'black-forest-labs/FLUX.1-schnell', raw: 'flux', source: 'literal' }, { provider: 'fal', endpoint: 'image-generation', task: { type: 'image-generation', confidence: 1, reasons: [] } }), bundled, { today: TODAY });
    assert.equal(elsewhere.monthlyUsdCurrent, null, 'Together\'s price is not borrowed for another host');
    assert.match(elsewhere.diagnostics.join(' '), /flux\.1-schnell has a per-image price only at together \(\$0\.0027\/image\); the catalog has no dated price for it at fal/);
  });

  it('a vendor\'s own image model keeps its price when called through a compatible client (the rule is for third-party hosts only)', () => {
    const advice = adviseCall(adviceInput({ id: 'gpt-image-1', raw: 'gpt-image-1', source: 'literal' }, { provider: 'openai', endpoint: 'image-generation', task: { type: 'image-generation', confidence: 1, reasons: [] } }), bundled, { today: TODAY });
    assert.ok(advice.monthlyUsdCurrent! > 0);
  });
});
