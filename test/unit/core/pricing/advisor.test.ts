import assert from 'node:assert/strict';
import { adviseCall, adviseWorkspace, fixedCosts, type AdviceInput } from '../../../../src/core/pricing/advisor';
import { assumption, findArchitecture } from '../../../../src/core/catalog/catalog';
import { sizeQuery } from '../../../../src/core/pricing/sizing';
import type { CallSite } from '../../../../src/model/types';

import { adviceInput as input, catalog, noFeatures } from './helpers';


function site(id: string, a: AdviceInput): CallSite {
  const advice = adviseCall(a, catalog);
  return {
    id, file: 'src/x.ts', line: 1, column: 1, endLine: 1, endColumn: 1, provider: a.provider, sdk: 'openai', method: 'chat.completions.create', endpoint: a.endpoint,
    model: a.model, task: a.task, tokens: a.tokens, features: a.features, volume: a.volume, options: advice.options, recommendation: advice.recommendation,
    monthlyUsdCurrent: advice.monthlyUsdCurrent, enclosingFunction: null, evidence: [],
  };
}

describe('advisor: pricing the current call', () => {
  it('prices the current model: calls × (in × inPrice + out × outPrice) / 1e6', () => {
    const advice = adviseCall(input('gpt-4o'), catalog);
    // 100,000 × (1,000 × $2.50 + 200 × $10) / 1e6 = $450
    assert.equal(advice.monthlyUsdCurrent, 450);
    const current = advice.options.find((o) => o.current);
    assert.ok(current);
    assert.match(current.derivation ?? '', /100,000 calls\/month × \(1,000 in × \$2\.5\/M \+ 200 out × \$10\/M\)/);
    assert.match(current.derivation ?? '', /llm-advisor comment/, 'names the volume source');
    assert.match(current.derivation ?? '', /as of 2026-07-24/, 'names the price as-of date');
    assert.equal(current.price?.asOf, '2026-07-24');
  });

  it('resolves dated snapshots to the catalog row', () => {
    assert.equal(adviseCall(input('gpt-4o-2024-08-06'), catalog).monthlyUsdCurrent, 450);
  });

  it('uses the Batch API rate on batch endpoints', () => {
    assert.equal(adviseCall(input('gpt-4o', { endpoint: 'batch' }), catalog).monthlyUsdCurrent, 225);
  });

  it('uses the long-context rate above 200K input tokens (Gemini 2.5 Pro)', () => {
    const long = adviseCall(input('gemini-2.5-pro', { provider: 'google', tokens: { inputPerCall: 300_000, outputPerCall: 1000, method: 't' }, volume: { callsPerMonth: 1000, source: 'annotation' }, taskType: 'long-context' }), catalog);
    // 1,000 × (300,000 × 2.5 + 1,000 × 15) / 1e6 = 765
    assert.equal(long.monthlyUsdCurrent, 765);
  });

  it('reports an unknown model with the nearest matches instead of guessing', () => {
    const advice = adviseCall(input('gpt-4o-minii'), catalog);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.equal(advice.options.length, 0);
    assert.equal(advice.recommendation, null);
    assert.match(advice.diagnostics[0], /model gpt-4o-minii is not in the catalog/);
    assert.match(advice.diagnostics[0], /gpt-4o-mini/);
  });

  it('does not price a model id that is only known at run time', () => {
    const advice = adviseCall(input(null), catalog);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.match(advice.diagnostics[0], /could not be resolved statically/);
  });

  it('prices embeddings per input token only and offers the cheaper sibling with a re-embedding caveat', () => {
    const advice = adviseCall(input('text-embedding-3-large', { endpoint: 'embedding', taskType: 'embedding', volume: { callsPerMonth: 1_000_000, source: 'annotation' } }), catalog);
    // 1,000,000 × 1,000 × $0.13 / 1e6 = $130; output tokens are not billed.
    assert.equal(advice.monthlyUsdCurrent, 130);
    // Open embedding models are priced now (quality.json's embedding row): the cheapest adequate one wins.
    assert.ok(advice.options.some((o) => o.label === 'Switch to text-embedding-3-small'));
    const open = advice.options.filter((o) => o.tier === 'open-api');
    assert.ok(open.length > 0, 'open embedding options priced');
    for (const o of advice.options.filter((x) => !x.current && x.viable)) assert.match(o.why, /re-embedded/);
    // A model taking shorter inputs than today's 8,191 tokens (bge-base-en-v1.5: 512) would cut longer chunks.
    const short = advice.options.find((o) => o.model === 'bge-base-en-v1.5');
    assert.ok(short && !short.viable, `bge-base-en-v1.5 is listed, not viable: ${short?.why}`);
    assert.match(short.why, /at most 512 tokens, text-embedding-3-large takes 8,191/);
    assert.ok(!advice.diagnostics.some((d) => /no open embedding model/.test(d)));
    assert.equal(advice.recommendation?.tier, 'open-api');
  });

  it('moves a retired open embedding model to another embedding model, at the host the call goes to when it sells one that fits', () => {
    // Together retired m2-bert-80m-8k-retrieval (8,192-token inputs); before, "no viable replacement in the catalog".
    const advice = adviseCall(input('togethercomputer/m2-bert-80M-8k-retrieval', { provider: 'together', endpoint: 'embedding', taskType: 'embedding' }), catalog);
    assert.equal(advice.recommendation?.action, 'migrate', advice.recommendation?.label);
    const target = advice.options.find((o) => o.label === (advice.recommendation?.optionLabel ?? advice.recommendation?.label.replace(/^Migrate to /, '')));
    assert.ok(target?.viable && target.tier === 'open-api', `the recommendation names a viable open embedding option: ${advice.recommendation?.label}; ${advice.options.map((o) => o.label).join('; ')}`);
    assert.match(target.why, /re-embedded/);
    const others = advice.options.filter((o) => !o.current && o.model !== 'm2-bert-80m-8k-retrieval');
    assert.ok(others.length >= 3, `other embedding models are offered: ${others.map((o) => o.label).join('; ')}`);
    // Together's own bge-base-en-v1.5 is the same host but takes 512-token inputs: shown, not viable.
    const sameHost = advice.options.find((o) => o.label === 'bge-base-en-v1.5 via together');
    assert.ok(sameHost && !sameHost.viable, `bge-base-en-v1.5 via together is listed, not viable: ${sameHost?.why}`);
  });

  it('prices image generation per image', () => {
    const img = adviseCall(input('dall-e-3', { endpoint: 'image-generation', taskType: 'image-generation', volume: { callsPerMonth: 10_000, source: 'annotation' } }), catalog);
    assert.equal(img.monthlyUsdCurrent, 400);
    assert.match(img.options[0].derivation ?? '', /1 image per call .*\$0\.04\/image/);
  });

  it('prices transcription per audio minute at the assumed clip length, and says it is an assumption', () => {
    const minutes = assumption(catalog, 'audioMinutesPerTranscriptionCall');
    const stt = adviseCall(input('whisper-1', { endpoint: 'audio-transcription', taskType: 'speech', volume: { callsPerMonth: 10_000, source: 'annotation' } }), catalog);
    // 10,000 calls × the assumed minutes × $0.006/min (whisper-1: $0.0001 per second).
    assert.equal(stt.monthlyUsdCurrent, 10_000 * minutes * 0.006);
    assert.match(stt.options[0].derivation ?? '', /min of audio per call \(assumption: the audio length is not in the code/);
    assert.ok(stt.recommendation, 'a priced call gets advice');
    const groq = adviseCall(input('whisper-large-v3-turbo', { provider: 'groq', endpoint: 'audio-transcription', taskType: 'speech', volume: { callsPerMonth: 10_000, source: 'annotation' } }), catalog);
    assert.equal(groq.monthlyUsdCurrent, 10_000 * minutes * 0.0006666);
  });

  it('prices speech per character from the counted text, and leaves a call with no counted text unpriced (never $0)', () => {
    const volume = { callsPerMonth: 1_000, source: 'annotation' as const };
    const spoken = adviseCall(input('eleven_multilingual_v2', { provider: 'elevenlabs', endpoint: 'audio-speech', taskType: 'speech', volume }), catalog);
    // 1,000 calls × 1,000 tokens × 4 chars/token × $180 / 1e6 characters = $720.
    assert.equal(spoken.monthlyUsdCurrent, 720);
    assert.match(spoken.options[0].derivation ?? '', /\$180\/M characters/);
    const silent = adviseCall(input('eleven_multilingual_v2', { provider: 'elevenlabs', endpoint: 'audio-speech', taskType: 'speech', volume, tokens: { inputPerCall: 0, outputPerCall: 0, method: 'counted (test)' } }), catalog);
    assert.equal(silent.monthlyUsdCurrent, null);
    assert.match(silent.diagnostics.join(' '), /per character .*not known statically/);
  });

  it('prices a realtime session at the assumed session shape (minutes × audio tokens/min × $/token, turns re-billing the conversation) and says it is an assumption', () => {
    const userMin = assumption(catalog, 'realtimeUserAudioMinutesPerSession');
    const modelMin = assumption(catalog, 'realtimeModelAudioMinutesPerSession');
    const turns = assumption(catalog, 'realtimeTurnsPerSession');
    const userTok = userMin * assumption(catalog, 'realtimeUserAudioTokensPerMinute');
    const modelTok = modelMin * assumption(catalog, 'realtimeModelAudioTokensPerMinute');
    // Turn k re-sends the k-1 earlier turns (user + model audio split evenly over the turns) as input.
    const audioIn = userTok + ((turns * (turns - 1)) / 2) * ((userTok + modelTok) / turns);
    const perSession = (audioIn * 40 + modelTok * 80) / 1e6;
    for (const written of ['gpt-4o-realtime-preview-2025-06-03', 'gpt-4o-realtime-preview-2024-12-17']) {
      const advice = adviseCall(input(written, { taskType: 'speech', volume: { callsPerMonth: 10_000, source: 'annotation' } }), catalog);
      assert.ok(Math.abs((advice.monthlyUsdCurrent ?? 0) - 10_000 * perSession) < 1e-6, `${written}: ${advice.monthlyUsdCurrent}`);
      assert.ok(advice.recommendation, 'a priced session gets advice');
      const derivation = advice.options[0].derivation ?? '';
      assert.match(derivation, /assumed shape, not in the code/);
      assert.match(derivation, /min × 600 tokens\/min/);
      assert.match(derivation, /min × 1,200 tokens\/min/);
      assert.match(derivation, /re-bill/);
      assert.match(derivation, /\$40\/M audio in, \$80\/M audio out; text \$5\/\$20\/M/);
      assert.match(advice.diagnostics.join(' '), /assumed session shape .*guess/);
    }
    // The shape's numbers live in the data file: a dearer model costs more for the same session.
    const mini = adviseCall(input('gpt-4o-mini-realtime-preview', { taskType: 'speech', volume: { callsPerMonth: 10_000, source: 'annotation' } }), catalog);
    assert.ok((mini.monthlyUsdCurrent ?? 0) > 0 && (mini.monthlyUsdCurrent ?? 0) < 10_000 * perSession);
  });

  it('adds a per-request fee to the token cost (Perplexity online models), prices a retired model at its last list price and asks to migrate', () => {
    const volume = { callsPerMonth: 10_000, source: 'annotation' as const };
    const advice = adviseCall(input('llama-3-sonar-large-32k-online', { provider: 'perplexity', volume }), catalog);
    // 10,000 × (1,000 in × $1 + 200 out × $1) / 1e6 = $12 of tokens + 10,000 × $0.005 = $50 of requests.
    assert.ok(Math.abs((advice.monthlyUsdCurrent ?? 0) - 62) < 1e-9, String(advice.monthlyUsdCurrent));
    const current = advice.options.find((o) => o.current);
    assert.match(current?.derivation ?? '', /per-request fee: 10,000 requests × \$0\.005\/request = \$50\.00\/month; total \$62\.00\/month/);
    assert.equal(current?.viable, false, 'a retired model is not a viable place to stay');
    assert.equal(advice.recommendation?.action, 'migrate');
    assert.match(advice.diagnostics.join(' '), /web search each request runs/);
    // Input tokens were free on the first online models: 0 is the list price, and the fee still bills.
    const small = adviseCall(input('sonar-small-online', { provider: 'perplexity', volume }), catalog);
    assert.ok(Math.abs((small.monthlyUsdCurrent ?? 0) - (10_000 * 200 * 0.28 / 1e6 + 50)) < 1e-9, String(small.monthlyUsdCurrent));
    // A retired row is never proposed as a target.
    const other = adviseCall(input('gpt-4o', { volume }), catalog);
    assert.ok(!other.options.some((o) => /sonar/.test(o.model ?? '')));
  });

  it('prices a bare Ollama name as the model its default tag pulls, and says so; a name whose weights the catalog lacks is not priced as another model', () => {
    const onOllama = { provider: 'ollama', taskType: 'chat' as const, volume: { callsPerMonth: 10_000, source: 'annotation' as const } };
    const llama = adviseCall(input('llama3.1', onOllama), catalog);
    const current = llama.options.find((o) => o.current);
    assert.equal(current?.model, 'llama-3.1-8b');
    assert.match(current?.derivation ?? '', /on Ollama `llama3\.1` is its default tag, Llama 3\.1 8B \(ollama\/ollama README\.md @379fd64f/);
    const r1 = adviseCall(input('deepseek-r1', onOllama), catalog);
    assert.equal(r1.monthlyUsdCurrent, null);
    assert.match(r1.diagnostics.join(' '), /`deepseek-r1` pulls a model distilled from DeepSeek-R1 into a smaller base, not the 671B DeepSeek-R1 \(7B parameters; /);
    // The same name at an API host is the 671B model.
    assert.ok((adviseCall(input('deepseek-r1', { ...onOllama, provider: 'together' }), catalog).monthlyUsdCurrent ?? 0) > 0);
    // A `-cloud` tag runs on Ollama's service, not on the team's hardware: never sized as their server.
    const cloud = adviseCall(input('gpt-oss:120b-cloud', onOllama), catalog);
    assert.equal(cloud.monthlyUsdCurrent, null);
    assert.match(cloud.diagnostics.join(' '), /one of Ollama's cloud models: .*docs\/cloud\.mdx/);
    assert.ok((adviseCall(input('gpt-oss:120b', onOllama), catalog).monthlyUsdCurrent ?? 0) > 0, 'the local tag is the team\'s server');
  });

  it("sizes the team's Ollama server as Ollama runs it: 4-bit weights unless the tag names others, one request at a time", () => {
    const onServer = (model: string, provider = 'ollama') => adviseCall(input(model, { provider, taskType: 'chat', volume: { callsPerMonth: 10_000, source: 'annotation' } }), catalog).options.find((o) => o.current)!;
    const ollama = onServer('llama3.1:8b');
    assert.match(ollama.derivation ?? '', /1× [\w.-]+, int4, batch 1\)/);
    assert.match(ollama.why, /the weights at int4: Ollama's library tags of generative models are 4-bit/);
    assert.match(ollama.why, /one request at a time: .*OLLAMA_NUM_PARALLEL/);
    assert.match(onServer('llama3.1:8b-instruct-q8_0').derivation ?? '', /, int8, batch 1\)/, 'a tag naming 8-bit weights is sized at int8');
    // Another server the team runs (vLLM) batches requests and picks its precision as before.
    const vllm = onServer('llama-3.1-8b', 'vllm');
    assert.doesNotMatch(vllm.derivation ?? '', /batch 1\)/);
    assert.doesNotMatch(vllm.why, /OLLAMA_NUM_PARALLEL/);
    assert.ok(ollama.monthlyUsd > vllm.monthlyUsd, 'one stream at a time costs a larger share of the replica');
    // The 4-bit default rests on the library's generative models: an embedding model is not sized as 4-bit.
    const embedder = adviseCall(input('nomic-embed-text', { provider: 'ollama', endpoint: 'embedding', taskType: 'embedding', tokens: { inputPerCall: 300, outputPerCall: 0, method: 'counted (test)' }, volume: { callsPerMonth: 10_000, source: 'annotation' } }), catalog).options.find((o) => o.current)!;
    assert.doesNotMatch(embedder.why, /4-bit/);
    assert.doesNotMatch(embedder.derivation ?? '', /, int4, /);
  });

  it('moves a retired model that neither its host nor any open-model host can replace to the closed models that pass, as a new vendor', () => {
    const volume = { callsPerMonth: 10_000, source: 'annotation' as const };
    // An agent step on Perplexity's retired sonar-small-online sending tools and images: with Kimi K2.5 left out, no open
    // tool-use model in the catalog takes images, and the catalog does not say whether sonar-small-online did (a model
    // known to take none, Groq's Llama 3 70B, would not require them of alternatives: the test above).
    const agentStep = { provider: 'perplexity', taskType: 'tool-use' as const, volume, features: { ...noFeatures, tools: true, vision: true } };
    // With it, Kimi K2.5 (open, tools and image input) is the open replacement.
    assert.match(adviseCall(input('sonar-small-online', agentStep), catalog).recommendation?.optionLabel ?? '', /^kimi-k2\.5 via /);
    const withoutKimiK25 = { ...catalog, quality: catalog.quality.map((q) => ({ ...q, openModels: q.openModels.filter((m) => m !== 'kimi-k2.5') })) };
    const advice = adviseCall(input('sonar-small-online', agentStep), withoutKimiK25);
    assert.equal(advice.recommendation?.action, 'migrate');
    assert.equal(advice.recommendation?.tier, 'closed-api');
    const target = advice.options.find((o) => o.label === advice.recommendation?.optionLabel);
    assert.ok(target?.viable && target.tier === 'closed-api', advice.recommendation?.label);
    assert.match(target.why, /a new vendor/);
    const closed = advice.options.filter((o) => o.tier === 'closed-api' && !o.current);
    assert.ok(closed.length > 0 && closed.every((o) => o.viable), 'only closed models that pass the screen are listed');
    assert.ok(closed.every((o, i) => i === 0 || closed[i - 1].monthlyUsd <= o.monthlyUsd), 'cheapest first');
    // Without the images an open model does the job: no closed model of another vendor is proposed.
    const textOnly = adviseCall(input('sonar-small-online', { ...agentStep, features: { ...noFeatures, tools: true } }), withoutKimiK25);
    assert.equal(textOnly.recommendation?.action, 'migrate');
    assert.notEqual(textOnly.recommendation?.tier, 'closed-api');
    assert.ok(!textOnly.options.some((o) => /a new vendor/.test(o.why)), 'no other vendor proposed');
  });

  it("prices Jina's embedding and rerank APIs per input token, the price's source saying it is inferred from Jina's one token balance", () => {
    const volume = { callsPerMonth: 10_000, source: 'annotation' as const };
    for (const [model, endpoint] of [['jina-embeddings-v3', 'embedding'], ['jina-clip-v2', 'embedding'], ['jina-reranker-v2-base-multilingual', 'rerank']] as const) {
      const advice = adviseCall(input(model, { provider: 'jina', endpoint, taskType: endpoint === 'rerank' ? 'reranking' : 'embedding', volume }), catalog);
      // 10,000 × 1,000 input tokens × $0.018/M; output is not billed.
      assert.ok(Math.abs((advice.monthlyUsdCurrent ?? 0) - 0.18) < 1e-12, `${model}: ${advice.monthlyUsdCurrent}`);
      assert.ok(advice.recommendation, model);
      if (model !== 'jina-reranker-v2-base-multilingual') assert.match(advice.options[0].derivation ?? '', /one token balance .*an inference, not a per-model list price/, model);
    }
  });

  it('never proposes a realtime model for a text call', () => {
    const advice = adviseCall(input('gpt-4o', { taskType: 'chat' }), catalog);
    assert.ok(advice.options.length > 0);
    assert.ok(!advice.options.some((o) => /realtime/.test(o.model ?? '')), advice.options.map((o) => o.model).join(', '));
  });

  it('says whose per-minute price it quotes when the call goes to another provider', () => {
    // Together and Groq each have their own whisper-large-v3 row (hostRows.test.ts); Fireworks has none.
    const stt = adviseCall(input('openai/whisper-large-v3', { provider: 'fireworks', endpoint: 'audio-transcription', taskType: 'speech' }), catalog);
    assert.equal(stt.monthlyUsdCurrent, null);
    assert.match(stt.diagnostics.join(' '), /price only at groq \(.*\); the catalog has no dated price for it at fireworks/);
  });

  it('prices an unverified 2026 model when the code calls it, but never proposes one', () => {
    const called = adviseCall(input('claude-sonnet-5', { provider: 'anthropic', taskType: 'chat' }), catalog);
    assert.ok(called.monthlyUsdCurrent !== null);
    assert.ok(called.diagnostics.some((d) => /not yet checked/.test(d)));
    const other = adviseCall(input('claude-sonnet-4-5', { provider: 'anthropic', taskType: 'complex-reasoning' }), catalog);
    assert.ok(!other.options.some((o) => o.model === 'claude-sonnet-5'), 'cheaper on paper, but unverified');
  });

  it("prices Mistral's mistral-small-latest as itself, not as another candidate, and moves a legacy id to a dated successor, never to an alias", () => {
    const small = adviseCall(input('mistral-small-latest', { provider: 'mistral', taskType: 'extraction' }), catalog);
    assert.equal(small.options.find((o) => o.current)?.model, 'mistral-small-latest');
    const legacy = adviseCall(input('mistral-medium', { provider: 'mistral', taskType: 'chat' }), catalog);
    const proposed = legacy.options.filter((o) => !o.current && o.tier === 'closed-api').map((o) => o.model ?? '');
    assert.ok(proposed.length > 0 && proposed.every((m) => !m.endsWith('-latest')), proposed.join(', '));
  });

  it('does not require of alternatives a feature the model the code runs today lacks', () => {
    // An agent step on SambaNova's text-only Llama 3.1 8B whose messages may carry a user's attachment.
    const agentStep = input('Meta-Llama-3.1-8B-Instruct', { provider: 'sambanova', taskType: 'tool-use', features: { ...noFeatures, tools: true, vision: true } });
    const advice = adviseCall(agentStep, catalog);
    assert.match(advice.diagnostics.join(' '), /can send images, but llama-3\.1-8b takes none/);
    assert.ok(!advice.options.some((o) => /no image input/.test(o.why)), advice.options.filter((o) => /no image input/.test(o.why)).map((o) => o.label).join(', '));
    // A model that takes images keeps the requirement.
    const vision = adviseCall(input('gpt-4o', { taskType: 'tool-use', features: { ...noFeatures, tools: true, vision: true } }), catalog);
    assert.ok(!vision.diagnostics.some((d) => /takes none/.test(d)));
    assert.ok(vision.options.some((o) => /no image input/.test(o.why)));
  });

  it('notes a retired model priced at its last list price', () => {
    const advice = adviseCall(input('claude-3-5-sonnet-20241022', { provider: 'anthropic' }), catalog);
    assert.ok(advice.monthlyUsdCurrent !== null);
    assert.ok(advice.diagnostics.some((d) => /retired/.test(d)));
  });
});

describe('advisor: options and recommendation', () => {
  it('moves simple classification off gpt-4o to the cheapest adequate option, with savings and why', () => {
    const advice = adviseCall(input('gpt-4o'), catalog);
    const rec = advice.recommendation;
    assert.ok(rec);
    assert.equal(rec.tier, 'open-api');
    assert.ok(rec.monthlyUsd < 10, `recommended $${rec.monthlyUsd}`);
    assert.ok(Math.abs(rec.savingsUsd - (450 - rec.monthlyUsd)) < 1e-9);
    assert.match(rec.why, /saves/);
    assert.ok(advice.options.some((o) => o.tier === 'closed-api' && !o.current && o.viable), 'cheaper closed sibling offered');
  });

  it('keeps complex reasoning on a large closed model: cheap siblings and open models are marked not viable with the reason', () => {
    const advice = adviseCall(input('claude-sonnet-4-5', { provider: 'anthropic', taskType: 'complex-reasoning' }), catalog);
    const haiku = advice.options.find((o) => o.model === 'claude-haiku-4-5');
    assert.ok(haiku && !haiku.viable);
    assert.match(haiku.why, /quality for complex-reasoning/);
    // Only the reasoning-grade open models of quality.json (gpt-oss-120b, DeepSeek-R1, with their basis) are offered.
    const reasoningGrade = catalog.quality.find((q) => q.task === 'complex-reasoning')?.openModels ?? [];
    assert.deepEqual([...reasoningGrade].sort(), ['deepseek-r1', 'gpt-oss-120b']);
    for (const o of advice.options.filter((x) => x.tier === 'open-api' && x.viable)) assert.ok(reasoningGrade.includes(o.model ?? ''), o.label);
    const rec = advice.recommendation;
    assert.ok(rec?.label === 'Stay on claude-sonnet-4-5' || reasoningGrade.some((m) => rec?.label.startsWith(m)), rec?.label);
  });

  it('marks options without the features the call uses as not viable (vision, context)', () => {
    const vision = adviseCall(input('gpt-4o', { features: { ...noFeatures, vision: true }, taskType: 'vision' }), catalog);
    for (const o of vision.options.filter((x) => x.tier === 'open-api' && x.viable)) assert.equal(catalog.open.find((r) => r.model === o.model && r.provider === o.provider)?.capabilities.vision, true, o.label);
    const sib = vision.options.find((o) => o.model === 'gpt-4o-mini');
    assert.ok(sib?.viable, 'gpt-4o-mini takes images');

    const big = adviseCall(input('gpt-4.1', { taskType: 'summarization', tokens: { inputPerCall: 150_000, outputPerCall: 500, method: 't' } }), catalog);
    const small = big.options.filter((o) => o.tier === 'open-api' && o.why.includes('context'));
    for (const o of small) assert.equal(o.viable, false);
    // Every open option still offered serves the call's ~150,500 tokens.
    for (const o of big.options.filter((x) => x.tier === 'open-api' && x.viable)) {
      const row = catalog.open.find((r) => r.model === o.model && r.provider === o.provider);
      assert.ok((row?.capabilities.contextTokens ?? 0) >= 150_500 || (row?.capabilities.contextTokens === null && (findArchitecture(catalog, o.model ?? '')?.contextWindow ?? 0) >= 150_500), o.label);
    }
  });

  it('adds assumed hidden reasoning tokens to a reasoning alternative of a non-reasoning model', () => {
    const advice = adviseCall(input('gpt-4o', { taskType: 'tool-use', features: { ...noFeatures, tools: true } }), catalog);
    const nano = advice.options.find((o) => o.model === 'gpt-5-nano');
    assert.ok(nano);
    // 100,000 × (1,000 × 0.05 + (200 + 500) × 0.4) / 1e6 = 33
    assert.ok(Math.abs(nano.monthlyUsd - 33) < 1e-9);
    assert.match(nano.derivation ?? '', /500 hidden reasoning tokens/);
  });

  it('drops the hidden reasoning tokens of a reasoning model when pricing a non-reasoning alternative', () => {
    const tokens = { inputPerCall: 1000, outputPerCall: 700, reasoningTokens: 500, method: 'test' };
    const advice = adviseCall(input('o4-mini', { taskType: 'classification', tokens }), catalog);
    const mini = advice.options.find((o) => o.model === 'gpt-4o-mini');
    assert.ok(mini);
    // 100,000 × (1,000 × 0.15 + 200 × 0.6) / 1e6 = 27
    assert.ok(Math.abs(mini.monthlyUsd - 27) < 1e-9);
  });

  it('prices the open models that think by default with their hidden reasoning tokens, the same as a closed one', () => {
    // gpt-4o does not reason: gpt-oss-120b (always reasons, architecture row) adds the assumed 500; llama-3.3-70b adds none.
    const advice = adviseCall(input('gpt-4o', { taskType: 'rag-qa' }), catalog);
    const overhead = assumption(catalog, 'reasoningOverheadTokens');
    const oss = advice.options.find((o) => o.tier === 'open-api' && o.model === 'gpt-oss-120b');
    assert.ok(oss, `gpt-oss-120b is offered for rag-qa: ${advice.options.map((o) => o.label).join('; ')}`);
    assert.match(oss.derivation ?? '', new RegExp(`${200 + overhead} out .*output \\+ ${overhead} hidden reasoning tokens`), oss.derivation);
    assert.match(oss.why, /thinks before it answers by default/, oss.why);
    const llama = advice.options.find((o) => o.tier === 'open-api' && o.model === 'llama-3.3-70b');
    if (llama) assert.doesNotMatch(llama.derivation ?? '', /hidden reasoning/, llama.derivation);
    // Today's reasoning model to an open reasoning model: its hidden tokens stay (not dropped as for a plain chat model).
    const tokens = { inputPerCall: 1000, outputPerCall: 700, reasoningTokens: overhead, method: 'test' };
    const fromO4 = adviseCall(input('o4-mini', { taskType: 'rag-qa', tokens }), catalog);
    const ossFromO4 = fromO4.options.find((o) => o.tier === 'open-api' && o.model === 'gpt-oss-120b');
    assert.ok(ossFromO4, 'gpt-oss-120b is offered in place of o4-mini');
    assert.match(ossFromO4.derivation ?? '', /1,000 in × \$[\d.]+\/M \+ 700 out/, ossFromO4.derivation);
    const llamaFromO4 = fromO4.options.find((o) => o.tier === 'open-api' && o.model === 'llama-3.3-70b');
    if (llamaFromO4) assert.match(llamaFromO4.derivation ?? '', /\+ 20\d out .*without the 500 hidden reasoning tokens/, llamaFromO4.derivation);
  });

  it('screens an uncertain task by its runner-up too: a tool loop read as boilerplate generation does not move to a model too weak for tools', () => {
    const uncertain = { type: 'boilerplate-generation' as const, confidence: 0.25, reasons: [], source: 'inferred' as const, runnerUp: 'tool-use' as const };
    const toolUse = catalog.quality.find((q) => q.task === 'tool-use')!;
    const advice = adviseCall(input('gpt-4.1', { task: uncertain }), catalog);
    const open = advice.options.filter((o) => o.tier === 'open-api' && o.viable);
    assert.ok(open.length > 0, `open options remain: ${advice.options.map((o) => o.label).join('; ')}`);
    for (const o of open) assert.ok(toolUse.openModels.includes(o.model ?? ''), `${o.label} passes tool-use's bar too`);
    assert.match(open[0].why, /The task is uncertain \(boilerplate-generation at confidence 0\.25, runner-up tool-use\), so options must pass tool-use's bar too/, open[0].why);
    // Sure of the task, or told it by the user: its own bar only (llama-3.1-8b does boilerplate).
    for (const task of [{ ...uncertain, confidence: 0.9 }, { ...uncertain, source: 'annotation' as const }]) {
      const models = adviseCall(input('gpt-4.1', { task }), catalog).options.filter((o) => o.tier === 'open-api' && o.viable).map((o) => o.model);
      assert.ok(models.some((model) => !toolUse.openModels.includes(model ?? '')), `${task.confidence} ${task.source}: ${models.join(', ')}`);
    }
  });

  it('offers managed and self-managed GPU options with sizing but does not recommend them per call', () => {
    const advice = adviseCall(input('gpt-4o', { taskType: 'chat', volume: { callsPerMonth: 5_000_000, source: 'usage-file' } }), catalog);
    const self = advice.options.filter((o) => o.tier === 'self-hosted');
    assert.equal(self.length, 2);
    for (const o of self) {
      assert.ok(o.sizing?.fits);
      assert.ok(o.sizing.memory.length >= 4);
      assert.match(o.derivation ?? '', /Fixed costs/);
    }
    assert.notEqual(advice.recommendation?.tier, 'self-hosted');
  });

  it('regulated data rules out third-party APIs under standard terms and offers the team\'s own cloud account', () => {
    const advice = adviseCall(input('gpt-4o', { taskType: 'extraction' }), catalog, { dataSensitivity: 'regulated' });
    assert.notEqual(advice.recommendation?.tier, 'self-hosted', 'own-cloud APIs are compliant and cheaper than GPUs for one call');
    assert.match(advice.recommendation?.label ?? '', /via Azure OpenAI in your own Azure subscription$/);
    for (const o of advice.options.filter((x) => x.tier !== 'self-hosted' && x.viable)) assert.ok(['azure-openai', 'google-vertex', 'aws-bedrock'].includes(o.provider ?? ''), o.label);
  });

  it('rescales token counts to the alternative model\'s tokenizer (Claude counts ~16% more than Llama 3)', () => {
    const advice = adviseCall(input('claude-sonnet-4-5', { provider: 'anthropic', taskType: 'classification' }), catalog);
    const llama = advice.options.find((o) => o.tier === 'open-api' && o.model === 'llama-3.1-8b');
    assert.ok(llama);
    // 1,000 Claude tokens are ~871 Llama 3 tokens (÷ 1.16 × 1.01).
    assert.match(llama.derivation ?? '', /871 in/);
    assert.match(llama.derivation ?? '', /counts ×0\.87 for llama-3\.1-8b/);
  });

  it('prices a call that already uses an open model through its provider', () => {
    const advice = adviseCall(input('llama-3.3-70b-versatile', { provider: 'groq', taskType: 'chat' }), catalog);
    // 100,000 × (1,000 × 0.59 + 200 × 0.79) / 1e6 = 74.8
    assert.ok(Math.abs((advice.monthlyUsdCurrent ?? 0) - 74.8) < 1e-9);
    assert.equal(advice.options[0].tier, 'open-api');
  });
});

describe('advisor: realtime sessions', () => {
  /** A voice agent's session with tools, as the analyzers report one: 10,000 sessions a month, a few hundred text tokens read from the request. */
  const session = (model: string, over: Partial<AdviceInput> = {}) =>
    input(model, { taskType: 'speech', volume: { callsPerMonth: 10_000, source: 'annotation' }, features: { ...noFeatures, streaming: true, tools: true }, tokens: { inputPerCall: 296, outputPerCall: 0, method: 'counted (test)' }, ...over });
  /** One session at the catalog's assumed shape, at these audio prices ($/M tokens). */
  const perSession = (audioIn: number, audioOut: number) => {
    const turns = assumption(catalog, 'realtimeTurnsPerSession');
    const userTok = assumption(catalog, 'realtimeUserAudioMinutesPerSession') * assumption(catalog, 'realtimeUserAudioTokensPerMinute');
    const modelTok = assumption(catalog, 'realtimeModelAudioMinutesPerSession') * assumption(catalog, 'realtimeModelAudioTokensPerMinute');
    return ((userTok + ((turns * (turns - 1)) / 2) * ((userTok + modelTok) / turns)) * audioIn + modelTok * audioOut) / 1e6;
  };
  const rowOf = (id: string | undefined) => catalog.closed.find((row) => row.id === id);

  it("offers the vendor's other realtime models at the same session shape, never a text model, and recommends the mini saying what to evaluate", () => {
    const advice = adviseCall(session('gpt-4o-realtime-preview-2025-06-03'), catalog);
    const models = advice.options.map((o) => o.model);
    for (const option of advice.options) assert.equal(rowOf(option.model)?.endpoint, 'realtime', `${option.label}: only realtime models replace a session (${models.join(', ')})`);
    const mini = advice.options.find((o) => o.model === 'gpt-realtime-mini');
    assert.ok(mini, `gpt-realtime-mini offered: ${models.join(', ')}`);
    assert.equal(mini.viable, true, mini.why);
    assert.ok(Math.abs(mini.monthlyUsd - 10_000 * perSession(10, 20)) < 1e-6, `mini at $${mini.monthlyUsd}`);
    assert.match(mini.derivation ?? '', /\$0\.066 per session/);
    assert.match(mini.derivation ?? '', /75% less whatever the session length/);
    const ga = advice.options.find((o) => o.model === 'gpt-realtime');
    assert.ok(ga?.viable, `gpt-realtime offered and viable: ${ga?.why}`);
    assert.match(ga.why, /generally available successor of gpt-4o-realtime-preview/);
    assert.ok(!models.includes('gpt-4o-mini-realtime-preview'), 'a preview its vendor replaced is not proposed: its successor is');
    const rec = advice.recommendation;
    assert.equal(rec?.label, 'Switch to gpt-realtime-mini');
    assert.equal(rec?.action, 'change');
    assert.ok(Math.abs((rec?.savingsUsd ?? 0) - 0.75 * (advice.monthlyUsdCurrent ?? 0)) < 1e-6, `saves $${rec?.savingsUsd}`);
    assert.match(rec?.why ?? '', /smaller than gpt-4o-realtime-preview .*recorded sessions .*tool calls/);
  });

  it("lists a realtime model below the task's quality floor as not viable, with the quality row's reason", () => {
    const strict = { ...catalog, quality: catalog.quality.map((row) => (row.task === 'speech' ? { ...row, closedMinClass: 'large' as const } : row)) };
    const advice = adviseCall(session('gpt-4o-realtime-preview'), strict);
    const mini = advice.options.find((o) => o.model === 'gpt-realtime-mini');
    assert.equal(mini?.viable, false, mini?.why);
    assert.match(mini?.why ?? '', /quality for speech: small-class realtime model, task needs large/);
    assert.equal(advice.options.find((o) => o.model === 'gpt-realtime')?.viable, true);
    assert.notEqual(advice.recommendation?.label, 'Switch to gpt-realtime-mini');
  });

  it('on the cheapest realtime model there is no alternative, and the current option says so', () => {
    const advice = adviseCall(session('gpt-realtime-mini'), catalog);
    assert.deepEqual(advice.options.map((o) => o.model), ['gpt-realtime-mini']);
    assert.match(advice.options[0].why, /no other realtime model of openai in the catalog is cheaper/);
    assert.equal(advice.recommendation?.action, 'keep');
  });

  it("offers a replaced preview's generally available successor even at the same price", () => {
    const advice = adviseCall(session('gpt-4o-mini-realtime-preview'), catalog);
    const successor = advice.options.find((o) => o.model === 'gpt-realtime-mini');
    assert.ok(successor?.viable, advice.options.map((o) => o.label).join(', '));
    assert.equal(successor.monthlyUsd, advice.monthlyUsdCurrent);
    assert.match(successor.why, /successor of gpt-4o-mini-realtime-preview/);
    assert.match(successor.derivation ?? '', /the same whatever the session length/);
    assert.equal(advice.recommendation?.action, 'keep');
  });

  it("says the site's text-token count is not what the session is priced at", () => {
    const advice = adviseCall(session('gpt-realtime'), catalog);
    assert.match(advice.options[0].derivation ?? '', /The site's token count \(296 text tokens read from the request.*\) is not what a session bills/);
  });
});

describe('advisor: models on a server the team runs (Ollama, LM Studio, vLLM, ...)', () => {
  it('prices a local model as its share of the rented GPUs that would serve it, says it is an assumption, and compares with the APIs', () => {
    const advice = adviseCall(input('llama3.1:8b', { provider: 'ollama', taskType: 'chat' }), catalog);
    const current = advice.options.find((o) => o.current)!;
    assert.equal(current.tier, 'self-hosted');
    assert.equal(current.label, 'Stay on llama-3.1-8b on your ollama server');
    assert.equal(advice.monthlyUsdCurrent, current.monthlyUsd);
    assert.ok(current.monthlyUsd > 0, 'never $0');
    assert.match(current.derivation!, /calls\/s of the [\d.]+ calls\/s one replica sustains \([\d.]+%\) × \$[\d,]+\/month = \$[\d,.]+\/month/);
    assert.match(current.why, /an assumption: ollama runs on hardware you operate, priced as rented GPUs/);
    // The replica's price in the derivation bounds the share: a call that uses part of a server pays part of it.
    const replica = Number(/× \$([\d,]+)\/month =/.exec(current.derivation!)![1].replace(/,/g, ''));
    assert.ok(current.monthlyUsd < replica, `${current.monthlyUsd} < ${replica}`);
    // The same model at the API providers is on the table, and the advice picks among them by the usual rule.
    assert.ok(advice.options.some((o) => o.tier === 'open-api' && o.model === 'llama-3.1-8b' && !o.current));
    assert.ok(advice.recommendation);
    // Twice the volume costs more (a share of throughput, not a fixed server per call).
    const doubled = adviseCall(input('llama3.1:8b', { provider: 'ollama', taskType: 'chat', volume: { callsPerMonth: 200_000, source: 'annotation' } }), catalog);
    assert.ok(doubled.monthlyUsdCurrent! > current.monthlyUsd);
  });

  it('staying on the own server needs no self-hosting approval: a "keep" is the server, not an API', () => {
    const tiny = adviseCall(input('llama3.1:8b', { provider: 'lmstudio', taskType: 'chat', volume: { callsPerMonth: 100, source: 'annotation' } }), catalog);
    assert.equal(tiny.recommendation?.action, 'keep');
    assert.equal(tiny.recommendation?.tier, 'self-hosted');
  });

  it('a local embedding model is priced on the server too, with the same model at the API providers as the alternative', () => {
    const advice = adviseCall(input('nomic-embed-text-v1.5', { provider: 'ollama', endpoint: 'embedding', taskType: 'embedding' }), catalog);
    const current = advice.options.find((o) => o.current)!;
    assert.equal(current.tier, 'self-hosted');
    assert.ok(advice.monthlyUsdCurrent! > 0);
    assert.ok(advice.options.some((o) => o.tier === 'open-api' && o.model === 'nomic-embed-text-v1.5'));
  });

  it("a model run in the app's own process with no API price anywhere is priced by its hardware, and says it runs in process", () => {
    // transformers.js's default embedder: no provider sells all-MiniLM-L6-v2 per token, so only its architecture prices it.
    const advice = adviseCall(input('Xenova/all-MiniLM-L6-v2', { provider: 'local', endpoint: 'embedding', taskType: 'embedding' }), catalog);
    const current = advice.options.find((o) => o.current)!;
    assert.equal(current.tier, 'self-hosted');
    assert.equal(current.label, 'Stay on all-minilm-l6-v2 in process');
    assert.ok(advice.monthlyUsdCurrent! > 0, 'never $0');
    assert.match(current.why, /an assumption: the model runs in the app's own process on hardware you operate/);
    // On a hosted API the same model with no price row stays unpriced and says why.
    const hosted = adviseCall(input('Xenova/all-MiniLM-L6-v2', { provider: 'huggingface', endpoint: 'embedding', taskType: 'embedding' }), catalog);
    assert.equal(hosted.monthlyUsdCurrent, null);
    assert.match(hosted.diagnostics.join('\n'), /no per-token embedding price in the catalog/);
  });

  it('a local model the catalog cannot size (no GPU prices) stays unpriced and points at sizing', () => {
    const noGpus = { ...catalog, gpus: [] };
    const advice = adviseCall(input('llama3.1:8b', { provider: 'ollama', taskType: 'chat' }), noGpus);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.match(advice.diagnostics[0], /hardware you operate.*size --model meta-llama\/Llama-3.1-8B-Instruct/);
  });
});

describe('advisor: workspace', () => {
  it('pools self-hosting across call sites, carries fixed costs and computes the break-even from the catalog', () => {
    const sites = [
      site('a', input('gpt-4o', { taskType: 'summarization', volume: { callsPerMonth: 2_000_000, source: 'annotation' } })),
      site('b', input('gpt-4o', { taskType: 'rag-qa', volume: { callsPerMonth: 1_000_000, source: 'annotation' } })),
      site('c', input('o1', { taskType: 'long-context', volume: { callsPerMonth: 10_000, source: 'annotation' } })),
    ];
    const ws = adviseWorkspace(sites, catalog);
    assert.ok(ws.monthlyUsdCurrent > 0);
    assert.ok(ws.monthlyUsdRecommended < ws.monthlyUsdCurrent);
    assert.ok(ws.selfHost);
    assert.ok(!ws.selfHost.callSiteIds.includes('c'), 'long-context work stays on the closed model');
    assert.equal(ws.selfHost.fixedMonthlyUsd, fixedCosts(catalog, ws.selfHost.style).usd, 'fixed costs of its style (engineers + infra)');
    assert.ok(ws.selfHost.fixedMonthlyUsd > 10_000);
    assert.ok(Math.abs(ws.selfHost.totalMonthlyUsd - ws.selfHost.gpuMonthlyUsd - ws.selfHost.fixedMonthlyUsd) < 1e-6);
    // Break-even S* = fixed / (1 − r) with r = GPU $ per closed-API $ at scale.
    const be = ws.breakEven;
    assert.ok(be.monthlyApiSpendUsd && be.gpuUsdPerApiUsd !== null);
    assert.ok(Math.abs((be.atScaleMonthlyApiSpendUsd ?? 0) - 34_250 / (1 - be.gpuUsdPerApiUsd)) < 1);
    assert.ok(be.monthlyApiSpendUsd >= (be.atScaleMonthlyApiSpendUsd ?? 0) - 1, 'whole replicas never make it cheaper');
    assert.ok(be.monthlyApiSpendUsd > 20_000 && be.monthlyApiSpendUsd < 150_000, `break-even ${be.monthlyApiSpendUsd}`);
    assert.match(be.derivation, /seed claims \$50K-\$150K/);
    assert.match(ws.stage.derivation, /break-even/);
  });

  it('recommends a regulated pool only when it beats the compliant own-cloud APIs, and then splits its cost over the members', () => {
    const regulatedSite = (id: string, a: AdviceInput): CallSite => {
      const advice = adviseCall(a, catalog, { dataSensitivity: 'regulated' });
      return { ...site(id, a), options: advice.options, recommendation: advice.recommendation, monthlyUsdCurrent: advice.monthlyUsdCurrent };
    };
    const small = adviseWorkspace([regulatedSite('a', input('gpt-4o', { taskType: 'extraction', volume: { callsPerMonth: 10_000, source: 'annotation' } }))], catalog, { dataSensitivity: 'regulated' });
    assert.equal(small.selfHost?.recommended ?? false, false, 'a $23/month call is not moved to GPUs with fixed costs');
    assert.doesNotMatch(small.selfHost?.derivation ?? '', /regardless of cost/);
    const sites = [
      regulatedSite('a', input('gpt-4o', { taskType: 'summarization', volume: { callsPerMonth: 60_000_000, source: 'annotation' } })),
      regulatedSite('b', input('gpt-4o', { taskType: 'extraction', volume: { callsPerMonth: 30_000_000, source: 'annotation' } })),
    ];
    const ws = adviseWorkspace(sites, catalog, { dataSensitivity: 'regulated' });
    assert.ok(ws.selfHost?.recommended, `pool ${ws.selfHost?.totalMonthlyUsd} vs own-cloud APIs ${ws.selfHost?.apiSpendBestApi}`);
    assert.ok(ws.selfHost.netSavingsVsBestApi > 0);
    const recs = Object.values(ws.recommendations);
    assert.equal(recs.length, ws.selfHost.callSiteIds.length);
    assert.ok(Math.abs(recs.reduce((t, r) => t + r.monthlyUsd, 0) - ws.selfHost.totalMonthlyUsd) < 1e-6);
    for (const r of recs) assert.equal(r.tier, 'self-hosted');
  });

  it('takes fixed-cost settings over the defaults', () => {
    const sites = [site('a', input('gpt-4o', { taskType: 'chat', volume: { callsPerMonth: 1_000_000, source: 'annotation' } }))];
    const ws = adviseWorkspace(sites, catalog, { fixedCostOverrides: { 'ml-engineering-self-managed': 0, 'infra-self-managed': 1000 } });
    // $1,000 of fixed costs: break-even at scale just above $1,000; with one whole replica, above its GPU cost too.
    assert.ok((ws.breakEven.atScaleMonthlyApiSpendUsd ?? Infinity) < 1100);
    assert.ok(ws.breakEven.monthlyApiSpendUsd !== null && ws.breakEven.monthlyApiSpendUsd < 5000);
    assert.match(ws.breakEven.derivation, /fixed \$1,000/);
  });

  it('does not recommend self-hosting a small workspace', () => {
    const ws = adviseWorkspace([site('a', input('gpt-4o'))], catalog);
    assert.equal(ws.selfHost?.recommended ?? false, false);
    // One rule: the stage says what the pool says (the seed's "under $20K" band is context in the derivation).
    assert.equal(ws.stage.decision, 'open-model-apis');
    assert.match(ws.stage.label, /self-hosting does not pay/);
    assert.match(ws.stage.derivation, /seed's under \$20K\/month band/);
  });

  it('lets one rule decide stage and pool at every volume, and shows the break-even against both closed and open-model API spend', () => {
    for (const calls of [10_000, 1_000_000, 20_000_000, 200_000_000]) {
      const sites = [
        site('a', input('gpt-4o', { taskType: 'summarization', volume: { callsPerMonth: calls, source: 'annotation' } })),
        site('b', input('gpt-4o', { taskType: 'rag-qa', volume: { callsPerMonth: calls / 2, source: 'annotation' } })),
      ];
      const ws = adviseWorkspace(sites, catalog);
      const pays = ws.selfHost?.recommended ?? false;
      assert.equal(ws.stage.decision === 'self-host', pays, `${calls} calls: stage "${ws.stage.label}" vs pool recommended=${pays}`);
      if (!pays) assert.doesNotMatch(ws.stage.label, /self-host wherever|evaluate self-hosting/i);
      assert.ok(ws.breakEven.openApiMonthlySpendUsd !== undefined, 'open-model API break-even computed');
      if (ws.breakEven.openApiMonthlySpendUsd !== null && ws.breakEven.openApiMonthlySpendUsd !== undefined) {
        assert.ok(Math.abs(ws.breakEven.openApiMonthlySpendUsd - 34_250 / (1 - (ws.breakEven.gpuUsdPerOpenApiUsd ?? 0))) < 1);
      }
      assert.match(ws.stage.derivation, /of today's \(closed\) API spend, .* of open-model API spend/);
    }
  });
});

describe('sizeQuery (CLI size)', () => {
  it('prints the fields the CLI promises and says plainly when it does not fit', () => {
    const r = sizeQuery({ model: 'meta-llama/Llama-3.3-70B-Instruct', precision: 'int4', gpu: 'rtx-4090-24gb', gpus: 1 }, catalog);
    assert.ok('answer' in r);
    const a = r.answer;
    for (const k of ['weightsBytes', 'kvBytesPerToken', 'kvCacheBytes', 'overheadBytes', 'totalBytes', 'gpu', 'gpuCount', 'fits', 'maxKvTokens', 'decodeTokensPerSecond']) assert.ok(k in a, k);
    assert.equal(a.fits, false);
    assert.match(a.reason ?? '', /weights alone/);
  });

  it('picks the cheapest priced configuration that fits when no GPU is given', () => {
    const r = sizeQuery({ model: 'llama-3.1-8b', precision: 'bf16' }, catalog);
    assert.ok('answer' in r && r.answer.fits && r.answer.usdPerHour !== null);
  });

  it('rejects unknown models and GPUs with a message', () => {
    const closed = sizeQuery({ model: 'gpt-4o', precision: 'bf16' }, catalog);
    assert.ok('error' in closed && /closed model/.test(closed.error));
    const typo = sizeQuery({ model: 'llama-3.3-7b', precision: 'bf16' }, catalog);
    assert.ok('error' in typo && /nearest: llama/.test(typo.error), 'error' in typo ? typo.error : '');
    assert.ok('error' in sizeQuery({ model: 'llama-3.1-8b', precision: 'bf16', gpu: 'tpu-v5' }, catalog));
  });

  it("sizes a name only Ollama uses as the weights its default tag pulls, and says so", () => {
    const r = sizeQuery({ model: 'llama3.2', precision: 'int4' }, catalog);
    assert.ok('answer' in r && r.answer.model === 'llama-3.2-3b', JSON.stringify(r).slice(0, 200));
    assert.match(r.answer.notes[0], /llama3\.2 is Ollama's name: its default tag pulls Llama 3\.2 3B/);
    const phi = sizeQuery({ model: 'phi4', precision: 'int4' }, catalog);
    assert.ok('error' in phi && /phi4 is Ollama's name for Phi 4 \(14B parameters; .*no architecture/.test(phi.error));
  });
});
