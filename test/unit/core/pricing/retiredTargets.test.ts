/**
 * A retired row (retired: true, or past its deprecationDate) is priced at its last list price for code
 * that still calls it, but is never where a call is told to move: every call the bundled catalog can
 * price, on every row's own provider, is advised, and no option other than the current one, nor the
 * recommendation, may point at a retired model+provider row.
 */
import assert from 'node:assert/strict';
import { isPastDeprecation } from '../../../../src/core/catalog/catalog';
import { adviseCall } from '../../../../src/core/pricing/advisor';
import type { TaskType } from '../../../../src/model/types';
import { adviceInput, catalog } from './helpers';

const TODAY = '2026-12-01';
const TASKS: TaskType[] = ['classification', 'chat', 'code-generation'];

/** The closed or open row an option's model+provider names, when the option is an API tier. */
function rowOf(tier: string, model: string, provider: string): { retired?: boolean; deprecationDate?: string } | undefined {
  if (tier === 'closed-api') return catalog.closed.find((r) => r.id === model && r.provider === provider);
  if (tier === 'open-api') return catalog.open.find((r) => r.model === model && r.provider === provider && (r.endpoint ?? 'chat') === 'chat');
  return undefined;
}

describe('catalog: no recommendation or option target is a retired row', () => {
  const calls = [
    ...catalog.closed.filter((r) => r.endpoint === 'chat').map((r) => ({ model: r.id, provider: r.provider })),
    ...catalog.open.filter((r) => (r.endpoint ?? 'chat') === 'chat').map((r) => ({ model: r.model, provider: r.provider })),
  ];

  it('the catalog has retired chat rows on both sides (closed and open), so the check below can fail', () => {
    assert.ok(catalog.closed.some((r) => r.endpoint === 'chat' && isPastDeprecation(r, TODAY)));
    assert.ok(catalog.open.some((r) => (r.endpoint ?? 'chat') === 'chat' && isPastDeprecation(r, TODAY)));
    // Groq's 2026 shutdowns (llama-4-maverick 03-09; llama-4-scout, qwen3-32b 07-17; llama-3.1-8b-instant, llama-3.3-70b-versatile 08-16).
    for (const id of ['meta-llama/llama-4-maverick-17b-128e-instruct', 'meta-llama/llama-4-scout-17b-16e-instruct', 'qwen/qwen3-32b', 'llama-3.1-8b-instant', 'llama-3.3-70b-versatile']) {
      const row = catalog.open.find((r) => r.provider === 'groq' && r.providerModelId === id);
      assert.ok(row && isPastDeprecation(row, TODAY), `groq ${id} is retired`);
      assert.ok((row.deprecationSource ?? '').length > 20, `groq ${id} says where its date comes from`);
    }
  });

  it(`advises every chat row on its own provider (${TASKS.join(', ')}) without proposing a retired row`, () => {
    const offenders: string[] = [];
    let options = 0;
    for (const call of calls) {
      for (const taskType of TASKS) {
        const advice = adviseCall(adviceInput(call.model, { provider: call.provider, taskType }), catalog, { today: TODAY });
        for (const option of advice.options) {
          if (option.current || !option.model || !option.provider) continue;
          const row = rowOf(option.tier, option.model, option.provider);
          options++;
          if (row && isPastDeprecation(row, TODAY)) offenders.push(`${call.model}@${call.provider} (${taskType}) → ${option.model} via ${option.provider}${advice.recommendation?.label === option.label ? ' [recommended]' : ''}`);
        }
      }
    }
    assert.ok(options > 1000, `options checked: ${options}`);
    assert.deepEqual(offenders, []);
  });
});

describe('catalog: a call through the Hugging Face router is priced at the huggingface row', () => {
  it('zai-org/GLM-4.6 at provider huggingface (router.huggingface.co) is priced at models.dev\'s huggingface price, not another host\'s', () => {
    const advice = adviseCall(adviceInput('zai-org/GLM-4.6', { provider: 'huggingface', taskType: 'chat' }), catalog, { today: TODAY });
    const current = advice.options.find((o) => o.current);
    assert.equal(current?.provider, 'huggingface');
    // 100,000 calls × (1,000 in × $0.55/M + 200 out × $2.20/M) = $99/month.
    assert.ok(Math.abs((advice.monthlyUsdCurrent ?? 0) - 99) < 0.01, `monthly ${advice.monthlyUsdCurrent}`);
    assert.match(current?.price?.source ?? '', /providers\/huggingface\/models\/zai-org\/GLM-4\.6\.toml/);
  });
});

describe('a forced migration off a retired model', () => {
  it('names the smallest change, at the host the call already uses, beside the cheapest replacement elsewhere', () => {
    const advice = adviseCall(adviceInput('claude-3-5-sonnet-20240620', { provider: 'anthropic', taskType: 'code-generation' }), catalog, { today: '2026-12-03' });
    const rec = advice.recommendation;
    assert.equal(rec?.action, 'migrate', rec?.label);
    const target = advice.options.find((o) => o.label === rec?.optionLabel);
    assert.ok(target && target.provider !== 'anthropic', `the cheapest replacement is elsewhere here: ${rec?.label}`);
    const sameHost = advice.options.filter((o) => o.viable && !o.current && o.provider === 'anthropic').sort((a, b) => a.monthlyUsd - b.monthlyUsd)[0];
    assert.ok(sameHost, 'Anthropic has a viable successor');
    assert.ok(rec?.why.includes(`The smallest change before the deadline: ${sameHost.label} at anthropic, where the call goes already`), rec?.why);
  });

  it('says nothing more when the cheapest replacement is at the same host already', () => {
    const advice = adviseCall(adviceInput('claude-3-5-sonnet-20240620', { provider: 'anthropic', taskType: 'code-generation' }), { ...catalog, open: [] }, { today: '2026-12-03' });
    assert.equal(advice.options.find((o) => o.label === advice.recommendation?.optionLabel)?.provider, 'anthropic', advice.recommendation?.label);
    assert.doesNotMatch(advice.recommendation?.why ?? '', /smallest change/);
  });
});
