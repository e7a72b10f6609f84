import assert from 'node:assert/strict';
import { adviseCall, savingsThreshold, type AdviceInput } from '../../../../src/core/pricing/advisor';
import { buildCatalog, type Catalog } from '../../../../src/core/catalog/catalog';
import { renderMarkdownPlan } from '../../../../src/core/report/plan';
import { SCHEMA_VERSION, type CallSite, type ScanResult } from '../../../../src/model/types';

import { adviceInput as input, catalog, noFeatures } from './helpers';
const TODAY = '2026-11-30';


/** The bundled catalog with some rows replaced (a deprecation date, an unknown capability). */
function withRows(edit: (c: Catalog) => Pick<Catalog, 'closed' | 'open'>): Catalog {
  const parts = edit(catalog);
  return buildCatalog({ closed: parts.closed, open: parts.open, architectures: catalog.architectures, gpus: catalog.gpus, quality: catalog.quality, selfHostCosts: catalog.selfHostCosts, assumptions: catalog.assumptions, referenceModels: catalog.referenceModels, ownCloud: catalog.ownCloud, routers: catalog.routers });
}

describe('advice rules: retired and deprecated models', () => {
  it('never tells a retired model to stay: gemini-1.5-flash gets a migrate recommendation with replacement, cost and date', () => {
    const advice = adviseCall(input('gemini-1.5-flash', { provider: 'google', volume: { callsPerMonth: 1000, source: 'annotation' } }), catalog, { today: TODAY });
    const rec = advice.recommendation;
    assert.ok(rec);
    assert.equal(rec.action, 'migrate');
    assert.equal(rec.deadline, '2025-09-29');
    assert.doesNotMatch(rec.label, /^Stay/);
    assert.match(rec.label, /^Migrate to /);
    assert.match(rec.why, /retired by google \(deprecation date 2025-09-29/);
    assert.match(rec.why, /\$[\d.,]+\/month vs \$[\d.,]+ at the last list price/);
    // The target is an option that is itself current: not retired, and viable.
    const target = advice.options.find((o) => o.label === rec.optionLabel);
    assert.ok(target?.viable, `replacement ${rec.optionLabel} is a viable option`);
    assert.doesNotMatch(target.model ?? '', /gemini-(1\.5|2\.0|2\.5)/, 'no retired sibling is proposed');
    const stay = advice.options.find((o) => o.current);
    assert.equal(stay?.viable, false);
  });

  it('migrates a retired model even below the savings threshold and even when the successor costs more', () => {
    const advice = adviseCall(input('claude-3-5-sonnet-20241022', { provider: 'anthropic', taskType: 'chat', volume: { callsPerMonth: 100, source: 'annotation' } }), catalog, { today: TODAY });
    assert.equal(advice.recommendation?.action, 'migrate');
    assert.match(advice.recommendation?.label ?? '', /^Migrate to /);
  });

  it('judges deprecation against the given date: a model deprecated in 46 days gets a dated warning, one past its date a migration', () => {
    const dated = withRows((c) => ({ closed: c.closed.map((r) => (r.id === 'gpt-4o' ? { ...r, deprecationDate: '2027-01-15' } : r)), open: c.open }));
    const soon = adviseCall(input('gpt-4o', { volume: { callsPerMonth: 100, source: 'annotation' } }), dated, { today: TODAY });
    assert.ok(soon.diagnostics.some((d) => /deprecated by openai on 2027-01-15 \(in 46 days\)/.test(d)));
    assert.equal(soon.recommendation?.deadline, '2027-01-15');
    assert.match(soon.recommendation?.why ?? '', /2027-01-15/);
    const past = adviseCall(input('gpt-4o', { volume: { callsPerMonth: 100, source: 'annotation' } }), dated, { today: '2027-02-01' });
    assert.equal(past.recommendation?.action, 'migrate');
    const far = adviseCall(input('gpt-4o', { volume: { callsPerMonth: 100, source: 'annotation' } }), dated, { today: '2025-01-01' });
    assert.equal(far.recommendation?.deadline, undefined, 'two years ahead: no warning');
  });
});

describe('advice rules: savings threshold', () => {
  it('takes the threshold defaults from the assumptions data', () => {
    assert.deepEqual(savingsThreshold(catalog), { usd: 50, fraction: 0.2 });
    assert.deepEqual(savingsThreshold(catalog, { minSavingsUsdPerMonth: 10 }), { usd: 10, fraction: 0.2 });
  });

  it('does not recommend a change that saves less than $50/month: the option stays listed and the advice says why', () => {
    // 1,000 calls × (1,000 × $2.50 + 200 × $10) / 1e6 = $4.50/month on gpt-4o: any saving is below $50.
    const advice = adviseCall(input('gpt-4o', { volume: { callsPerMonth: 1000, source: 'annotation' } }), catalog, { today: TODAY });
    const rec = advice.recommendation;
    assert.equal(rec?.action, 'keep');
    assert.equal(rec?.label, 'Stay on gpt-4o');
    assert.equal(rec?.savingsUsd, 0);
    assert.match(rec?.why ?? '', /^not worth a change: .+ saves \$\d+\.\d\d\/month \(\d+%\), below the threshold \(\$50\/month and 20%\)/);
    assert.ok(advice.options.some((o) => !o.current && o.viable), 'the cheaper option is still shown');
  });

  it('requires the relative threshold too: a 10% saving on a large call is not a change', () => {
    const advice = adviseCall(input('gpt-4o', { taskType: 'complex-reasoning' }), catalog, { today: TODAY, minSavingsUsdPerMonth: 0, minSavingsFraction: 0.99 });
    assert.equal(advice.recommendation?.action, 'keep');
  });

  it('recommends the change once it clears both thresholds (options override the data)', () => {
    const small = input('gpt-4o', { volume: { callsPerMonth: 1000, source: 'annotation' } });
    const advice = adviseCall(small, catalog, { today: TODAY, minSavingsUsdPerMonth: 1, minSavingsFraction: 0.2 });
    assert.equal(advice.recommendation?.action, 'change');
    assert.ok((advice.recommendation?.savingsUsd ?? 0) >= 1);
    const big = adviseCall(input('gpt-4o'), catalog, { today: TODAY });
    assert.equal(big.recommendation?.action, 'change', '$450/month on gpt-4o for classification: the saving clears $50 and 20%');
  });
});

describe('advice rules: screening options by what the call needs', () => {
  it('never offers an option lacking image input, tools or JSON schema as viable', () => {
    for (const features of [{ ...noFeatures, vision: true }, { ...noFeatures, tools: true }, { ...noFeatures, structuredOutput: true }]) {
      const advice = adviseCall(input('gpt-4o', { taskType: 'extraction', features }), catalog, { today: TODAY });
      for (const o of advice.options.filter((x) => x.viable && !x.current && x.tier === 'open-api')) {
        const row = catalog.open.find((r) => r.model === o.model && r.provider === o.provider);
        assert.ok(row, `${o.label} has a price row`);
        if (features.vision) assert.equal(row.capabilities.vision, true, `${o.label} takes images`);
        if (features.tools) assert.equal(row.capabilities.tools, true, `${o.label} calls tools`);
        if (features.structuredOutput) assert.equal(row.capabilities.jsonSchema, true, `${o.label} supports JSON schema`);
      }
    }
  });

  it('says "no image input" for a text-only model and flags an unstated capability as unverified, not viable', () => {
    // Every open provider row with JSON schema unknown (null), and one 8B row known text-only.
    const probe = withRows((c) => ({ closed: c.closed, open: c.open.filter((r) => r.model === 'llama-3.1-8b').map((r) => ({ ...r, capabilities: { ...r.capabilities, jsonSchema: null, vision: false } })) }));
    const json = adviseCall(input('gpt-4o', { features: { ...noFeatures, structuredOutput: true } }), probe, { today: TODAY });
    const llama = json.options.find((o) => o.model === 'llama-3.1-8b');
    assert.ok(llama);
    assert.equal(llama.viable, false);
    assert.match(llama.why, /^unverified, not offered until checked: .*JSON-schema output not stated/);

    const vision = adviseCall(input('gpt-4o', { features: { ...noFeatures, vision: true } }), probe, { today: TODAY });
    const textOnly = vision.options.find((o) => o.model === 'llama-3.1-8b');
    assert.equal(textOnly?.viable, false);
    assert.match(textOnly?.why ?? '', /no image input/);
  });

  it('flags an unstated context window as unverified once the call needs more than every provider serves', () => {
    const probe = withRows((c) => ({ closed: c.closed, open: c.open.map((r) => ({ ...r, capabilities: { ...r.capabilities, contextTokens: null } })) }));
    const advice = adviseCall(input('gpt-4.1', { taskType: 'summarization', tokens: { inputPerCall: 20_000, outputPerCall: 500, method: 't' } }), probe, { today: TODAY });
    const open = advice.options.filter((o) => o.tier === 'open-api');
    assert.ok(open.length > 0);
    for (const o of open) assert.match(o.why, /unverified.*context window not stated \(the call needs ~20,500 tokens\)/);
  });

  it('rejects a target whose context is smaller than the call', () => {
    const probe = withRows((c) => ({ closed: c.closed, open: c.open.filter((r) => r.model === 'qwen-2.5-72b' || r.model === 'mixtral-8x7b') }));
    const advice = adviseCall(input('gpt-4.1', { taskType: 'summarization', tokens: { inputPerCall: 900_000, outputPerCall: 500, method: 't' } }), probe, { today: TODAY });
    const qwen = advice.options.find((o) => o.model === 'qwen-2.5-72b');
    assert.match(qwen?.why ?? '', /^not viable: context 32,768 tokens is smaller than the call's ~900,500/);
    assert.equal(qwen?.viable, false);
    // A provider silent on its context is still bounded by the weights' window: a gap, not "unverified".
    const mixtral = advice.options.find((o) => o.model === 'mixtral-8x7b');
    if (mixtral) assert.match(mixtral.why, /^not viable: context 32,768 tokens/);
  });
});

/** A one-call scan result, for rendering the plan of a call priced by adviseCall. */
function oneCallResult(a: AdviceInput): ScanResult {
  const advice = adviseCall(a, catalog, { today: TODAY });
  const site: CallSite = {
    id: 'c1', file: 'src/x.ts', line: 3, column: 1, endLine: 3, endColumn: 1, provider: a.provider, sdk: 'test', method: 'generateContent', endpoint: a.endpoint,
    model: a.model, task: a.task, tokens: a.tokens, features: a.features, volume: a.volume, options: advice.options, recommendation: advice.recommendation,
    monthlyUsdCurrent: advice.monthlyUsdCurrent, enclosingFunction: null, evidence: [],
  };
  const now = advice.monthlyUsdCurrent ?? 0;
  return { schemaVersion: SCHEMA_VERSION, root: '/tmp/ws', generatedAt: `${TODAY}T00:00:00Z`, catalog: { asOf: catalog.asOf }, callSites: [site], summary: { callSites: 1, monthlyUsdCurrent: now, monthlyUsdRecommended: advice.recommendation?.monthlyUsd ?? now }, diagnostics: [] };
}

describe('advice rules: the plan shows migrations', () => {
  it('puts a retired model under migrations with its replacement and deadline, never under "keep"', () => {
    const plan = renderMarkdownPlan(oneCallResult(input('gemini-1.5-flash', { provider: 'google', volume: { callsPerMonth: 1000, source: 'annotation' } })));
    assert.match(plan, /### Migrate off a retired or deprecated model \(1\)/);
    assert.match(plan, /Deadline:\*\* 2025-09-29/);
    assert.doesNotMatch(plan, /Stay on gemini-1\.5-flash \|/);
  });
});

describe('advice rules: regulated data', () => {
  const extraction = (provider: string) => input('gpt-4o', { provider, taskType: 'extraction', tokens: { inputPerCall: 353, outputPerCall: 150, method: 't' }, volume: { callsPerMonth: 10_000, source: 'annotation' } });

  it('moves a $23/month call into the team\'s own cloud at a sane price, with the terms it needs, instead of GPUs', () => {
    const advice = adviseCall(extraction('openai'), catalog, { today: TODAY, dataSensitivity: 'regulated' });
    const rec = advice.recommendation;
    assert.ok(rec && advice.monthlyUsdCurrent);
    assert.equal(rec.label, 'gpt-4o via Azure OpenAI in your own Azure subscription', 'the same model: no quality change');
    assert.notEqual(rec.action, 'keep');
    assert.ok(rec.monthlyUsd < 1.5 * advice.monthlyUsdCurrent, `$${rec.monthlyUsd} for a $${advice.monthlyUsdCurrent} call`);
    assert.match(rec.why, /not compliant/);
    assert.match(rec.why, /BAA/);
    assert.match(rec.why, /zero data retention/);
    assert.match(rec.why, /region/);
    assert.ok(advice.options.some((o) => o.tier === 'self-hosted'), 'self-hosting is still shown next to it');
  });

  it('never keeps a non-compliant embedding call, and states what a cheaper compliant move saves', () => {
    const embed = adviseCall(input('text-embedding-3-small', { endpoint: 'embedding', taskType: 'embedding', volume: { callsPerMonth: 3000, source: 'annotation' } }), catalog, { today: TODAY, dataSensitivity: 'regulated' });
    assert.notEqual(embed.recommendation?.action, 'keep');
    assert.match(embed.recommendation?.label ?? '', /in your own/);
    const moved = adviseCall(input('gpt-4o', { taskType: 'classification' }), catalog, { today: TODAY, dataSensitivity: 'regulated' });
    assert.ok((moved.recommendation?.savingsUsd ?? 0) > 0, 'a cheaper compliant sibling shows its saving');
  });

  it('keeps a call already inside the team\'s own cloud account, naming the terms to confirm', () => {
    const advice = adviseCall(extraction('azure-openai'), catalog, { today: TODAY, dataSensitivity: 'regulated' });
    const current = advice.options.find((o) => o.current);
    assert.equal(current?.viable, true);
    assert.match(current?.why ?? '', /already inside your own cloud account .* BAA/);
  });

  it('offers Claude on Bedrock and Vertex in the team\'s own account, and third-party APIs as not compliant', () => {
    const advice = adviseCall(input('claude-sonnet-4-5', { provider: 'anthropic', taskType: 'complex-reasoning' }), catalog, { today: TODAY, dataSensitivity: 'regulated' });
    const labels = advice.options.filter((o) => o.viable).map((o) => o.label);
    assert.ok(labels.includes('claude-sonnet-4-5 via Amazon Bedrock in your own AWS account'), labels.join(' | '));
    assert.ok(labels.includes('claude-sonnet-4-5 via Google Vertex AI in your own Google Cloud project'));
    assert.equal(advice.options.find((o) => o.current)?.viable, false);
    assert.ok(!advice.options.some((o) => o.viable && o.tier === 'open-api' && !/in your own/.test(o.label)));
  });
});

describe('advice rules: routers and gateways', () => {
  const summarize = (provider: string) => input('gpt-4o', { provider, taskType: 'summarization' });

  it('advises a call on OpenRouter within OpenRouter first: a model-id change beats a new vendor saving less than the threshold more', () => {
    // Without OpenRouter's own open-model rows, the best it reaches is a sibling of the current model.
    const noOpenOnRouter = withRows((c) => ({ closed: c.closed, open: c.open.filter((r) => r.provider !== 'openrouter') }));
    const direct = adviseCall(summarize('openai'), noOpenOnRouter, { today: TODAY });
    const routed = adviseCall(summarize('openrouter'), noOpenOnRouter, { today: TODAY });
    assert.equal(direct.recommendation?.tier, 'open-api', 'without a router the cheapest vendor wins');
    assert.match(routed.recommendation?.why ?? '', /a model-id change on OpenRouter, which the code already calls/);
    assert.equal(routed.recommendation?.label, 'Switch to gpt-4o-mini');
    // With OpenRouter's own rows, an open model on it is a model-id change too.
    const onRouter = adviseCall(summarize('openrouter'), catalog, { today: TODAY });
    assert.match(onRouter.recommendation?.why ?? '', /a model-id change on OpenRouter/);
    assert.match(routed.recommendation?.why ?? '', /Staying on OpenRouter: .* would save \$\d+\.\d\d\/month more, below the threshold for a new vendor/);
  });

  it('lets a new vendor win when it saves the threshold beyond the best in-router option', () => {
    const routed = adviseCall(input('claude-sonnet-4-5', { provider: 'aws-bedrock', taskType: 'chat' }), catalog, { today: TODAY });
    assert.equal(routed.recommendation?.tier, 'open-api');
    assert.match(routed.recommendation?.why ?? '', /A new vendor beyond Amazon Bedrock: saves \$\d+\/month more than the best model on it \(Switch to claude-haiku-4-5\)/);
  });

  it('treats a gateway the team configures (LiteLLM, Portkey, Cloudflare) as reaching the vendor it already routes to', () => {
    for (const provider of ['litellm', 'portkey', 'cloudflare-ai-gateway']) {
      const routed = adviseCall(summarize(provider), catalog, { today: TODAY });
      assert.equal(routed.recommendation?.label, 'Switch to gpt-4o-mini', provider);
      assert.match(routed.recommendation?.why ?? '', /a model change in the .* config/);
    }
  });
});

describe('advice rules: quality rows for the current open generation', () => {
  const generation = ['gpt-oss-120b', 'qwen3-235b-a22b-instruct-2507', 'llama-4-maverick', 'deepseek-v3.1', 'kimi-k2', 'glm-4.5', 'gemma-3-27b', 'mistral-small-3.2'];

  it('lists the current open generation for general tasks, each open model with an architecture and a stated basis (cited or estimate)', () => {
    const chat = catalog.quality.find((q) => q.task === 'classification');
    assert.ok(chat);
    for (const m of generation) assert.ok(chat.openModels.includes(m), `${m} listed for classification`);
    for (const row of catalog.quality) {
      for (const m of row.openModels) {
        assert.ok(catalog.architectures.some((a) => a.id === m), `${row.task}: ${m} has an architecture`);
        const basis = row.openModelBasis?.find((b) => b.models.includes(m));
        if (generation.includes(m) || row.task === 'embedding') {
          assert.ok(basis, `${row.task}: ${m} has a basis`);
          assert.ok(basis.basis === 'cited' || basis.basis === 'estimate');
          assert.ok(basis.source.length > 20);
        }
      }
    }
  });

  it('names its public source where it cites one (gpt-oss model card) and says "estimate" where it does not', () => {
    const reasoning = catalog.quality.find((q) => q.task === 'complex-reasoning');
    const cited = reasoning?.openModelBasis?.find((b) => b.models.includes('gpt-oss-120b'));
    assert.equal(cited?.basis, 'cited');
    assert.match(cited?.source ?? '', /arXiv 2508\.10925.*GPQA Diamond 80\.1/);
    const r1 = reasoning?.openModelBasis?.find((b) => b.models.includes('deepseek-r1'));
    assert.equal(r1?.basis, 'estimate');
  });

  it('prices open embedding options instead of saying none is priced', () => {
    const advice = adviseCall(input('text-embedding-3-large', { endpoint: 'embedding', taskType: 'embedding', volume: { callsPerMonth: 1_000_000, source: 'annotation' } }), catalog, { today: TODAY });
    assert.ok(advice.options.some((o) => o.tier === 'open-api' && o.model === 'qwen3-embedding-8b' || o.tier === 'open-api'));
    assert.ok(!advice.diagnostics.some((d) => /no open embedding model is priced/.test(d)));
  });
});
