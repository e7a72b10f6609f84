/**
 * The enrichment advises each distinct advice input once (AdviceMemo): whatever inputs come, in any
 * order and repeated, each must get exactly the advice adviseSite gives it on its own.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AdviceMemo } from '../../../../src/core/pricing/pipeline';
import { adviseSite } from '../../../../src/core/pricing/modelSet';
import type { AdviceInput, AdvisorOptions } from '../../../../src/core/pricing/advisor';
import { TASK_TYPES, type Endpoint } from '../../../../src/model/types';
import { adviceInput, catalog } from './helpers';

const options: AdvisorOptions = { today: '2026-06-01' };

/** Closed, open, embedding, unknown and unstated models, on the providers that price them differently. */
const MODELS = ['gpt-4o-mini', 'gpt-4.1', 'claude-3-5-haiku-20241022', 'llama-3.3-70b', 'qwen-2.5-7b', 'text-embedding-3-small', 'gpt-9-ultra', null];
const PROVIDERS = ['openai', 'anthropic', 'groq', 'together', 'ollama', 'openrouter'];
const ENDPOINTS: Endpoint[] = ['chat', 'embedding', 'batch'];

const inputs: fc.Arbitrary<AdviceInput> = fc
  .record({
    model: fc.constantFrom(...MODELS),
    provider: fc.constantFrom(...PROVIDERS),
    endpoint: fc.constantFrom(...ENDPOINTS),
    taskType: fc.constantFrom(...TASK_TYPES),
    inputPerCall: fc.constantFrom(0, 900, 40_000, 150_000),
    outputPerCall: fc.constantFrom(0, 200, 6_000),
    callsPerMonth: fc.constantFrom(0, 1_000, 100_000, 20_000_000),
    tools: fc.boolean(),
    structuredOutput: fc.boolean(),
    streaming: fc.boolean(),
  })
  .map(({ model, provider, endpoint, taskType, inputPerCall, outputPerCall, callsPerMonth, tools, structuredOutput, streaming }) =>
    adviceInput(model, {
      provider,
      endpoint,
      taskType,
      tokens: { inputPerCall, outputPerCall, method: 'counted (test)' },
      volume: { callsPerMonth, source: 'annotation' },
      features: { streaming, tools, vision: false, structuredOutput },
    }),
  );

describe('advice memo: one advice per distinct input', function () {
  this.timeout(120_000);

  it('gives every input of any sequence, repeated, the advice adviseSite gives it alone', () => {
    fc.assert(
      fc.property(fc.array(inputs, { minLength: 1, maxLength: 6 }), (sequence) => {
        const memo = new AdviceMemo(catalog, options);
        for (const input of [...sequence, ...sequence.slice().reverse()]) assert.deepEqual(memo.advise(input), adviseSite(input, catalog, options));
      }),
      { seed: 20261201, numRuns: 30 },
    );
  });

  it('hands out one advice for equal inputs, whatever order their members were written in', () => {
    const memo = new AdviceMemo(catalog, options);
    const input = adviceInput('gpt-4o-mini');
    const reordered: AdviceInput = { features: { ...input.features }, volume: { source: input.volume.source, callsPerMonth: input.volume.callsPerMonth }, tokens: { ...input.tokens }, task: { ...input.task }, endpoint: input.endpoint, provider: input.provider, model: { ...input.model } };
    assert.equal(memo.advise(reordered), memo.advise(input));
    assert.notEqual(memo.advise(adviceInput('gpt-4o-mini', { volume: { callsPerMonth: 100_001, source: 'annotation' } })), memo.advise(input));
  });

  it('keys on every member: an input that differs in any one member is advised on its own', () => {
    const base = adviceInput('gpt-4o-mini', { taskType: 'summarization' });
    const variants: AdviceInput[] = [
      { ...base, model: { ...base.model, id: 'gpt-4.1', raw: 'gpt-4.1' } },
      { ...base, model: { ...base.model, candidates: [{ id: 'gpt-4o-mini', source: 'literal', where: 'line 3' }, { id: 'gpt-4.1', source: 'literal', where: 'line 4' }] } },
      { ...base, provider: 'openrouter' },
      { ...base, endpoint: 'batch' },
      { ...base, task: { ...base.task, type: 'complex-reasoning' } },
      { ...base, tokens: { ...base.tokens, inputPerCall: 90_000 } },
      { ...base, tokens: { ...base.tokens, method: 'another method' } },
      { ...base, tokens: { ...base.tokens, reasoningTokens: 500 } },
      { ...base, volume: { ...base.volume, basis: 'another basis' } },
      { ...base, features: { ...base.features, tools: true } },
    ];
    const memo = new AdviceMemo(catalog, options);
    memo.advise(base);
    for (const variant of variants) {
      const expected = adviseSite(variant, catalog, options);
      assert.notDeepEqual(expected, adviseSite(base, catalog, options), `the variant ${JSON.stringify(variant)} should change the advice`);
      assert.deepEqual(memo.advise(variant), expected);
    }
  });

  it('advises inputs JSON cannot tell apart (NaN, Infinity, -0) each on its own', () => {
    const memo = new AdviceMemo(catalog, options);
    for (const callsPerMonth of [Number.NaN, Number.POSITIVE_INFINITY, -0, 0]) {
      const input = adviceInput('gpt-4o-mini', { volume: { callsPerMonth, source: 'annotation' } });
      assert.deepEqual(memo.advise(input), adviseSite(input, catalog, options), String(callsPerMonth));
    }
  });
});
