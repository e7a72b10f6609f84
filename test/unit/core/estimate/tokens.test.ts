import assert from 'node:assert/strict';
import { counterFor, countTokens, estimateTokens, packedRankTable, tokenizerFor, imageTokens, looksLikeCode, characterCap, rescaleTokens, DEFAULT_HOLE_TOKENS, NAMED_HOLE_TOKENS } from '../../../../src/core/estimate/tokens';
import { readFileSync } from 'node:fs';
import type { RankFile } from '../../../../src/core/estimate/bpeCounter';
import { detectedCall, message } from '../../detectedCall';
import type { PromptHole } from '../../../../src/model/types';

const call = detectedCall;

const msg = message;

describe('tokens', () => {
  it('counts a known string exactly', () => {
    assert.equal(countTokens('hello world', 'o200k_base'), 2);
    assert.equal(countTokens('hello world', 'cl100k_base'), 2);
    assert.equal(countTokens('', 'o200k_base'), 0);
  });

  it('maps models to encodings per the tiktoken model map', () => {
    assert.equal(tokenizerFor('gpt-4o-mini').encoding, 'o200k_base');
    assert.equal(tokenizerFor('o3-mini').encoding, 'o200k_base');
    assert.equal(tokenizerFor('gpt-4.1').encoding, 'o200k_base');
    assert.equal(tokenizerFor('gpt-5-nano').encoding, 'o200k_base');
    assert.equal(tokenizerFor('gpt-4-turbo').encoding, 'cl100k_base');
    assert.equal(tokenizerFor('gpt-3.5-turbo').encoding, 'cl100k_base');
    assert.equal(tokenizerFor('text-embedding-3-small').encoding, 'cl100k_base');
    assert.equal(tokenizerFor('gpt-4o').exact, true);
  });

  it('applies the documented Claude factor and flags other families as proxies', () => {
    const claude = tokenizerFor('claude-3-5-sonnet-20241022');
    assert.equal(claude.factor, 1.16);
    assert.equal(claude.exact, false);
    assert.match(claude.label, /1\.16/);
    assert.equal(tokenizerFor('gemini-1.5-pro').factor, 1.06);
    assert.equal(tokenizerFor('meta-llama/Llama-3.3-70B-Instruct').encoding, 'cl100k_base');
    assert.equal(tokenizerFor('llama-3.1-8b').encoding, 'cl100k_base');
    assert.equal(tokenizerFor('Qwen/Qwen2.5-72B-Instruct').factor, 1.02);
    assert.equal(tokenizerFor('mistral-large-latest').factor, 1.2);
    const unmeasured = tokenizerFor('phi-3-mini');
    assert.equal(unmeasured.factor, 1);
    assert.match(unmeasured.label, /unverified/);
    assert.equal(tokenizerFor(null).exact, false);
  });

  it('counts static messages with the chat-format overhead', () => {
    const c = call({ messages: [msg('system', 'You are a helpful assistant.'), msg('user', 'hello world')] });
    const est = estimateTokens(c, 'chat');
    const textTokens = countTokens('You are a helpful assistant.') + 2;
    assert.equal(est.countedInput, textTokens + 2 * 3 + 3);
    assert.equal(est.estimatedInput, 0);
    assert.equal(est.inputPerCall, est.countedInput);
    assert.match(est.method, /counted exactly with o200k_base/);
  });

  it('estimates holes with visible defaults and honours overrides', () => {
    const c = call({
      messages: [
        msg('system', 'Answer from the context.\n{{chunks}}', [{ kind: 'rag-context', expression: 'chunks' }]),
        msg('user', '{{question}}', [{ kind: 'interpolation', expression: 'question' }]),
      ],
    });
    const est = estimateTokens(c, 'rag-qa');
    assert.deepEqual(
      est.holes?.map((h) => [h.expression, h.tokens, h.source]),
      [
        ['chunks', DEFAULT_HOLE_TOKENS['rag-context'].tokens, 'default'],
        ['question', NAMED_HOLE_TOKENS.short.tokens, 'default'],
      ],
    );
    // The {{...}} markers are not sent, so they are not counted.
    assert.equal(est.countedInput, countTokens('Answer from the context.\n') + 2 * 3 + 3);

    const fromUsage = estimateTokens(c, 'rag-qa', { holeTokens: { 'rag-context': 3000 } });
    assert.equal(fromUsage.holes?.[0].tokens, 3000);
    assert.equal(fromUsage.holes?.[0].source, 'usage-file');

    const annotated = call({ ...c, annotation: { raw: '// llm-advisor: tokens.chunks=4000', line: 9, holeTokens: { chunks: 4000 } } });
    const fromAnnotation = estimateTokens(annotated, 'rag-qa', { holeTokens: { 'rag-context': 3000 } });
    assert.equal(fromAnnotation.holes?.[0].tokens, 4000);
    assert.equal(fromAnnotation.holes?.[0].source, 'annotation');
  });

  it('sizes holes by their leaf name and says so', () => {
    const c = call({
      messages: [
        msg('user', 'Subject: {{ticket.subject}}\n{{ticket.body}}\n{{userInput}}', [
          { kind: 'interpolation', expression: 'ticket.subject' },
          { kind: 'file-content', expression: 'ticket.body' },
          { kind: 'interpolation', expression: 'userInput' },
        ]),
      ],
    });
    const holes = estimateTokens(c, 'classification').holes ?? [];
    assert.deepEqual(holes.map((h) => h.tokens), [NAMED_HOLE_TOKENS.short.tokens, NAMED_HOLE_TOKENS.message.tokens, NAMED_HOLE_TOKENS.message.tokens]);
    assert.match(holes[0].basis ?? '', /`subject` reads as a short field/);
    // A name that says nothing keeps the per-kind default.
    const plain = estimateTokens(call({ messages: [msg('user', '{{x}}', [{ kind: 'interpolation', expression: 'x' }])] }), 'chat');
    assert.equal(plain.holes?.[0].tokens, DEFAULT_HOLE_TOKENS.interpolation.tokens);
  });

  describe('sizes a hole by its leaf name and a literal cut, with the basis saying so', () => {
    const { short, message, file } = NAMED_HOLE_TOKENS;
    const cases: Array<{ kind: PromptHole['kind']; expression: string; tokens: number; basis: RegExp }> = [
      { kind: 'file-content', expression: 'ctx.countryCode', tokens: short.tokens, basis: /^`countryCode` reads as a short field/ },
      { kind: 'interpolation', expression: 'res.statusCode', tokens: short.tokens, basis: /^`statusCode` reads as a short field/ },
      { kind: 'interpolation', expression: 'documentType', tokens: short.tokens, basis: /^`documentType` reads as a short field/ },
      { kind: 'file-content', expression: 'content.type', tokens: short.tokens, basis: /^`type` reads as a short field/ },
      { kind: 'file-content', expression: 'sourceCode', tokens: file.tokens, basis: /^`sourceCode` reads as one ~8 KB/ },
      // A literal cut caps the size at its characters / 4 and says so.
      { kind: 'file-content', expression: 'content.code?.slice(0, 500)', tokens: 125, basis: /^`code` reads as one ~8 KB text or source file \(2000 tokens\), capped: `\.slice\(0, 500\)` keeps at most 500 characters, ~125 tokens at ~4 chars\/token$/ },
      { kind: 'interpolation', expression: 'review.body.substring(0, 400).trim()', tokens: 100, basis: /capped: `\.substring\(0, 400\)\.trim\(\)` keeps at most 400 characters/ },
      { kind: 'rag-context', expression: 'context.slice(-4000)', tokens: 1000, basis: /^retrieved chunks.*capped: `\.slice\(-4000\)` keeps at most 4,000 characters/ },
      { kind: 'unknown', expression: 'log.substr(0, 120)', tokens: 30, basis: /keeps at most 120 characters/ },
      // A cut larger than the estimate, a cut to a run-time length, or a few list items leaves the estimate alone.
      { kind: 'interpolation', expression: 'ticket.body.slice(0, 4000)', tokens: message.tokens, basis: /^`body` reads as a message(?!.*capped)/ },
      { kind: 'file-content', expression: 'text.slice(0, maxChars)', tokens: DEFAULT_HOLE_TOKENS['file-content'].tokens, basis: /^one ~8 KB(?!.*capped)/ },
      { kind: 'rag-context', expression: 'docs.slice(0, 3)', tokens: DEFAULT_HOLE_TOKENS['rag-context'].tokens, basis: /^retrieved chunks(?!.*capped)/ },
      { kind: 'history', expression: 'messages.slice(-100)', tokens: DEFAULT_HOLE_TOKENS.history.tokens, basis: /^about 5 earlier turns(?!.*capped)/ },
    ];
    for (const { kind, expression, tokens, basis } of cases) {
      it(`${kind} \`${expression}\` → ${tokens}`, () => {
        const hole = estimateTokens(call({ messages: [msg('user', `{{${expression}}}`, [{ kind, expression }])] }), 'chat').holes?.[0];
        assert.equal(hole?.tokens, tokens);
        assert.equal(hole?.source, 'default');
        assert.match(hole?.basis ?? '', basis);
      });
    }

    it('reads only literal cuts that end the expression', () => {
      assert.deepEqual(characterCap('content.code?.slice(0, 500)'), { characters: 500, cut: '.slice(0, 500)' });
      assert.deepEqual(characterCap('text.substring(100, 1_100)'), { characters: 1000, cut: '.substring(100, 1_100)' });
      assert.equal(characterCap('text.slice(0, 500).split(" ")'), undefined);
      assert.equal(characterCap('formatDocs(docs.slice(0, 3))'), undefined);
      assert.equal(characterCap('text.slice(start, end)'), undefined);
      assert.equal(characterCap('items.slice(0, 10)'), undefined);
    });
  });

  it('prices image parts with each model family\'s own formula', () => {
    assert.equal(imageTokens('gpt-4o', "{ type: 'image_url', image_url: { url } }").tokens, 765);
    assert.equal(imageTokens('gpt-4o', "{ type: 'image_url', image_url: { url, detail: 'low' } }").tokens, 85);
    assert.equal(imageTokens('gpt-4o-mini', '{ image_url }').tokens, 2833 + 4 * 5667);
    assert.equal(imageTokens('gpt-4.1-mini', '{ image_url }').tokens, Math.round(1024 * 1.62));
    assert.equal(imageTokens('claude-3-5-sonnet', '{}').tokens, Math.round((1024 * 1024) / 750));
    assert.equal(imageTokens('llama-3.2-90b-vision', '{}').tokens, DEFAULT_HOLE_TOKENS.image.tokens);
  });

  it('a document file part is one page read as one image, and its basis says so', () => {
    const pdf = imageTokens('gemini-2.5-flash', "{ type: 'file', data, mediaType: 'application/pdf' }");
    assert.equal(pdf.tokens, imageTokens('gemini-2.5-flash', '{ image }').tokens);
    assert.match(pdf.basis, /^a document file, assumed one page read as one image: Gemini/);
    assert.doesNotMatch(imageTokens('gemini-2.5-flash', "{ type: 'image', image }").basis, /document/);
  });

  it('uses max tokens as a cap on the task default, never as the forecast', () => {
    const tight = estimateTokens(call({ maxOutputTokens: 10, messages: [msg('user', 'x')] }), 'chat');
    assert.equal(tight.outputPerCall, 10);
    assert.match(tight.outputBasis ?? '', /caps the chat default/);
    const loose = estimateTokens(call({ maxOutputTokens: 4096, messages: [msg('user', 'x')] }), 'summarization');
    assert.equal(loose.outputPerCall, 250);
    assert.match(loose.outputBasis ?? '', /ceiling/);
    assert.equal(estimateTokens(call({ messages: [msg('user', 'x')] }), 'classification').outputPerCall, 10);
  });

  it('adds hidden reasoning tokens for reasoning models', () => {
    const o3 = estimateTokens(call({ model: { id: 'o3-mini', raw: 'o3-mini', source: 'literal' }, messages: [msg('user', 'x')] }), 'extraction');
    assert.equal(o3.outputPerCall, 150 + 500);
  });

  it('reads whether a model reasons from its catalog row before its name', () => {
    const model = (id: string) => ({ id, raw: id, source: 'literal' as const });
    const extraction = (id: string, provider = 'openai') => estimateTokens(call({ model: model(id), provider, messages: [msg('user', 'x')] }), 'extraction');
    // Open models that think by default (architecture rows), at a host or on the team's server.
    assert.equal(extraction('openai/gpt-oss-120b', 'novita').reasoningTokens, 500);
    assert.equal(extraction('qwen3:8b', 'ollama').reasoningTokens, 500);
    assert.equal(extraction('zai-org/GLM-4.5', 'together').reasoningTokens, 500);
    // Closed rows flagged by the price file though their names say nothing: Gemini 2.5 Pro, Grok 4.
    assert.equal(extraction('gemini-2.5-pro', 'google').reasoningTokens, 500);
    // Rows that say no: a hybrid model whose thinking is off by default, a non-thinking update of a hybrid one.
    assert.equal(extraction('deepseek-ai/DeepSeek-V3.1', 'together').reasoningTokens, undefined);
    assert.equal(extraction('Qwen/Qwen3-235B-A22B-Instruct-2507', 'together').reasoningTokens, undefined);
    assert.equal(extraction('gpt-4o-mini').reasoningTokens, undefined);
    // A model the catalog does not know is read by its name.
    assert.equal(extraction('acme-thinking-v2', 'acme').reasoningTokens, 500);
  });

  it('gives embeddings no output and no chat overhead', () => {
    const c = call({ endpoint: 'embedding', model: { id: 'text-embedding-3-small', raw: '', source: 'literal' }, messages: [msg('user', 'hello world')] });
    const est = estimateTokens(c, 'embedding');
    assert.equal(est.inputPerCall, 2);
    assert.equal(est.outputPerCall, 0);
  });

  it('scales Claude counts by the factor', () => {
    const text = 'The quick brown fox jumps over the lazy dog near the riverbank. '.repeat(10);
    const gpt = estimateTokens(call({ messages: [msg('user', text)] }), 'chat');
    const claude = estimateTokens(call({ model: { id: 'claude-sonnet-4', raw: '', source: 'literal' }, messages: [msg('user', text)] }), 'chat');
    assert.equal(claude.countedInput, Math.round((gpt.countedInput ?? 0) * 1.16));
  });

  it('uses the family code factor for code parts (Claude +30% on Python)', () => {
    const code = 'def add(a, b):\n    return {"sum": a + b}\n\nprint(add(1, 2)); x = [i for i in range(10)]\n';
    assert.ok(looksLikeCode(code));
    assert.ok(!looksLikeCode('Summarize the article below in three sentences for a busy reader.'));
    const claude = { id: 'claude-sonnet-4', raw: '', source: 'literal' as const };
    const proseCall = call({ model: claude, messages: [msg('user', 'Summarize the article below in three sentences for a busy reader.')] });
    const codeCall = call({ model: claude, messages: [msg('user', code)] });
    assert.equal(estimateTokens(codeCall, 'chat').countedInput, Math.round(countTokens(code) * 1.3) + Math.round(6 * 1.16));
    assert.equal(estimateTokens(proseCall, 'chat').countedInput, Math.round((countTokens('Summarize the article below in three sentences for a busy reader.')) * 1.16) + Math.round(6 * 1.16));
    assert.match(estimateTokens(codeCall, 'chat').method, /code part\(s\) scaled × 1\.3/);
  });

  it('rescales an estimate to another model family for option pricing', () => {
    assert.equal(rescaleTokens(1000, 'gpt-4o', 'claude-3-5-sonnet'), 1160);
    assert.equal(rescaleTokens(1160, 'claude-3-5-sonnet', 'gpt-4o-mini'), 1000);
    assert.equal(rescaleTokens(1000, 'gpt-4o', 'llama-3.1-8b'), 1010);
    assert.equal(rescaleTokens(1000, 'gpt-4o', 'gpt-4.1'), 1000);
  });

  it('counts tool definitions as an estimated part', () => {
    const est = estimateTokens(call({ toolNames: ['a', 'b'], features: { streaming: false, tools: true, vision: false, structuredOutput: false }, messages: [msg('user', 'x')] }), 'tool-use');
    assert.equal(est.holes?.length, 1);
    assert.equal(est.estimatedInput, 180);
  });

  it('follows the task for output size: a title is a few tokens, a report thousands', () => {
    const title = estimateTokens(call({ messages: [msg('user', 'x')] }), 'title-generation');
    const report = estimateTokens(call({ messages: [msg('user', 'x')] }), 'long-form-writing');
    assert.ok(title.outputPerCall <= 20, String(title.outputPerCall));
    assert.ok(report.outputPerCall >= 1500, String(report.outputPerCall));
    assert.match(title.outputBasis ?? '', /title-generation default/);
  });

  it('counts every step of a multi-step call with its growing context', () => {
    const base = call({ toolNames: ['search'], features: { streaming: false, tools: true, vision: false, structuredOutput: false }, messages: [msg('user', 'x')] });
    const single = estimateTokens(base, 'tool-use');
    const looped = estimateTokens({ ...base, features: { ...base.features, multiStep: true }, steps: { max: 4, basis: '`stopWhen: stepCountIs(4)`' } }, 'tool-use');
    const steps = looped.steps!;
    assert.equal(steps.max, 4);
    assert.ok(steps.expected >= 2 && steps.expected <= 4);
    assert.equal(looped.outputPerCall, steps.expected * single.outputPerCall);
    // Later steps resend the earlier ones: more than steps × one request's input.
    assert.ok(looped.inputPerCall > steps.expected * single.inputPerCall);
    assert.match(looped.method, /multi-step: \d+ requests per call/);
    // A cap is not a forecast: a cap of 50 still expects the typical count.
    const capped = estimateTokens({ ...base, features: { ...base.features, multiStep: true }, steps: { max: 50, basis: '`maxSteps: 50`' } }, 'tool-use');
    assert.ok(capped.steps!.expected < 50);
    assert.match(capped.steps!.basis, /not a forecast/);
  });
});

describe('packed rank tables (written beside the bundled rank files at build time)', () => {
  const rankFile = JSON.parse(readFileSync(require.resolve('tiktoken/encoders/cl100k_base.json'), 'utf8')) as RankFile;
  const packed = packedRankTable(rankFile);

  it('are read for the rank file they were packed for, and count as the rank text does', () => {
    const counter = counterFor(rankFile, packed);
    assert.equal(counter.ranksFrom, 'packed table');
    const text = 'Summarize the support ticket below in two sentences for the on-call engineer.';
    assert.equal(counter.count(text), counterFor(rankFile, undefined).count(text));
  });

  it('are not read for another rank text of the same length (a table from another tiktoken release)', () => {
    // The first two tokens trade places, and so their ranks.
    const [ignored, firstRank, first, second, ...rest] = rankFile.bpe_ranks.split(' ');
    const swapped: RankFile = { ...rankFile, bpe_ranks: [ignored, firstRank, second, first, ...rest].join(' ') };
    assert.equal(swapped.bpe_ranks.length, rankFile.bpe_ranks.length);
    assert.equal(counterFor(swapped, packed).ranksFrom, 'rank text');
  });
});
