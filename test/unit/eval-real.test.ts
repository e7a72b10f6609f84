import * as assert from 'node:assert/strict';
import {
  addCounts,
  ArgumentError,
  bestPosition,
  emptyCounts,
  evaluateRepo,
  failedRepo,
  normaliseModelId,
  parseEvalArguments,
  positionsOf,
  pricedAdvice,
  ratio,
  sameProvider,
  taskFigures,
  zeroWithoutWhy,
  type LabeledRequest,
  type LabelFile,
  type ToolSite,
} from '../../scripts/eval-real';

function request(overrides: Partial<LabeledRequest> & Pick<LabeledRequest, 'id' | 'file' | 'line'>): LabeledRequest {
  return { kind: 'sdk', models: [{ id: 'gpt-4o-mini' }], modelStated: true, task: 'summarization', production: true, features: { tools: false, images: false, structuredOutput: false, streaming: false, multiStep: false }, ...overrides };
}

function site(overrides: Partial<ToolSite> & Pick<ToolSite, 'file' | 'line'>): ToolSite {
  return {
    endLine: overrides.line,
    method: 'chat.completions.create',
    model: { id: 'gpt-4o-mini', raw: "'gpt-4o-mini'", source: 'literal' },
    task: { type: 'summarization' },
    features: { streaming: false, tools: false, vision: false, structuredOutput: false },
    monthlyUsdCurrent: 12.5,
    recommendation: { tier: 'closed-api', label: 'keep', monthlyUsd: 12.5, savingsUsd: 0, why: 'cheapest' },
    ...overrides,
  };
}

describe('eval:real matcher and figures', () => {
  describe('matching a labeled line to a reported position', () => {
    const positions = [
      ...positionsOf(site({ file: 'src/a.ts', line: 10, endLine: 20 }), 0),
      ...positionsOf(site({ file: 'src/helper.ts', line: 5, callers: [{ file: 'src/feature.ts', line: 40 }] }), 1),
      ...positionsOf(site({ file: 'src/b.ts', line: 7, via: { file: 'src/lib.ts', line: 3 } }), 2),
    ];

    it('matches inside the call span and within ±2 lines of its start, not beyond', () => {
      assert.equal(bestPosition(positions, 'src/a.ts', 15)?.siteIndex, 0);
      assert.equal(bestPosition(positions, 'src/a.ts', 8)?.siteIndex, 0);
      assert.equal(bestPosition(positions, 'src/a.ts', 7), null);
      assert.equal(bestPosition(positions, 'src/a.ts', 21), null, 'one past the end of the span and 11 past the start');
      assert.equal(bestPosition(positions, './src/a.ts', 10)?.siteIndex, 0, 'a leading ./ is the same file');
      assert.equal(bestPosition(positions, 'src/other.ts', 10), null);
    });

    it('finds a wrapper caller through callers[] and any nested {file, line}', () => {
      const caller = bestPosition(positions, 'src/feature.ts', 41);
      assert.equal(caller?.siteIndex, 1);
      assert.equal(caller?.role, 'caller');
      assert.equal(caller?.path, 'callers[0]');
      const nested = bestPosition(positions, 'src/lib.ts', 3);
      assert.equal(nested?.siteIndex, 2);
      assert.equal(nested?.role, 'nested');
    });

    it('prefers a call site to a caller entry at the same place, then the nearest start', () => {
      const both = [...positionsOf(site({ file: 'x.ts', line: 10, callers: [{ file: 'y.ts', line: 5 }] }), 0), ...positionsOf(site({ file: 'y.ts', line: 6 }), 1), ...positionsOf(site({ file: 'y.ts', line: 4 }), 2)];
      assert.equal(bestPosition(both, 'y.ts', 5)?.siteIndex, 1);
      const nearest = [...positionsOf(site({ file: 'z.ts', line: 3 }), 0), ...positionsOf(site({ file: 'z.ts', line: 6 }), 1)];
      assert.equal(bestPosition(nearest, 'z.ts', 5)?.siteIndex, 1);
    });
  });

  describe('model ids', () => {
    it('drops provider prefixes, date suffixes and -latest; keeps tags and versions', () => {
      assert.equal(normaliseModelId('openai/gpt-4o-2024-08-06'), 'gpt-4o');
      assert.equal(normaliseModelId('anthropic:claude-3-5-sonnet-20241022'), 'claude-3-5-sonnet');
      assert.equal(normaliseModelId('claude-3-5-sonnet-latest'), 'claude-3-5-sonnet');
      assert.equal(normaliseModelId('meta-llama/Llama-3.3-70B-Instruct-Turbo'), 'llama-3.3-70b-instruct-turbo');
      assert.equal(normaliseModelId('models/gemini-1.5-flash'), 'gemini-1.5-flash');
      assert.equal(normaliseModelId('anthropic.claude-3-haiku-20240307-v1:0'), 'claude-3-haiku');
      assert.equal(normaliseModelId('llama3:8b'), 'llama3:8b');
      assert.equal(normaliseModelId('ollama:llama3:8b'), 'llama3:8b');
    });
  });

  describe('one repository', () => {
    const labels: LabelFile = {
      repo: 'o/app',
      commit: '0'.repeat(40),
      requests: [
        request({ id: 'summary', file: 'src/a.ts', line: 11, models: [{ id: 'gpt-4o-mini' }, { id: 'gpt-4o' }], features: { streaming: true, tools: false } }),
        request({ id: 'title', file: 'src/b.ts', line: 30, task: 'title-generation', acceptableTasks: ['summarization'], models: [{ id: 'gpt-4o' }, { id: 'gpt-4o-mini' }] }),
        request({ id: 'feature', file: 'src/feature.ts', line: 40, kind: 'wrapper-caller', via: { file: 'src/helper.ts', line: 5 }, task: 'classification', models: [], modelStated: false, features: {} }),
        request({ id: 'missed', file: 'src/c.ts', line: 3, production: false }),
      ],
      nearMisses: [
        { file: 'src/d.ts', line: 9, why: 'models.list()' },
        { file: 'src/e.ts', line: 1, why: 'client constructor' },
      ],
    };
    const result = {
      callSites: [
        site({ file: 'src/a.ts', line: 10, endLine: 14, features: { streaming: false, tools: false, vision: false, structuredOutput: false } }),
        site({ file: 'src/b.ts', line: 31, model: { id: 'gpt-4o-mini-2024-07-18', raw: 'model', source: 'constant', candidates: [{ id: 'gpt-4o-mini' }] }, monthlyUsdCurrent: 0 }),
        site({ file: 'src/helper.ts', line: 5, task: { type: 'chat' }, model: { id: null, raw: 'model', source: 'dynamic' }, monthlyUsdCurrent: null, recommendation: null, callers: [{ file: 'src/feature.ts', line: 40 }] }),
        site({ file: 'src/c.ts', line: 30 }),
        site({ file: 'src/d.ts', line: 9 }),
        site({ file: 'src/f.ts', line: 2, model: { id: null, raw: 'pick', source: 'user-choice' }, monthlyUsdCurrent: null }),
      ],
      diagnostics: [],
    };
    const evaluation = evaluateRepo(labels, result);
    const counts = evaluation.counts;

    it('counts recall overall, for production, direct requests and wrapper callers', () => {
      assert.equal(counts.requests, 4);
      assert.equal(counts.matched, 3);
      assert.equal(counts.productionRequests, 3);
      assert.equal(counts.productionMatched, 3);
      assert.equal(counts.directRequests, 3);
      assert.equal(counts.directMatched, 2);
      assert.equal(counts.wrapperRequests, 1);
      assert.equal(counts.wrapperMatched, 1);
      const missed = evaluation.requests.find((outcome) => outcome.id === 'missed');
      assert.equal(missed?.matched, false);
      assert.deepEqual(missed?.nearby?.map((text) => text.split(' ')[0]), ['src/c.ts:30']);
    });

    it('separates near-misses reported from unlabeled reports', () => {
      assert.equal(counts.nearMisses, 2);
      assert.equal(counts.nearMissesReported, 1);
      assert.deepEqual(evaluation.nearMissesReported.map((entry) => entry.file), ['src/d.ts']);
      assert.equal(counts.callSites, 6);
      assert.deepEqual(evaluation.unlabeledReports.map((text) => text.split(' ')[0]), ['src/c.ts:30', 'src/f.ts:2']);
      assert.equal(counts.unlabeledReports, 2);
    });

    it('scores the model against the first labeled id and against any, only where the code states it', () => {
      assert.equal(counts.modelStatedMatched, 2);
      // summary: gpt-4o-mini = first label. title: primary gpt-4o-mini-2024-07-18 ≈ gpt-4o-mini, the label's second.
      assert.equal(counts.modelFirstRight, 1);
      assert.equal(counts.modelAnyRight, 2);
    });

    it('counts priced advice at the place only with a model, a positive figure and a recommendation', () => {
      assert.equal(counts.pricedAtPlace, 1);
      assert.equal(counts.pricedAtPlaceProduction, 1);
      assert.equal(pricedAdvice(site({ file: 'a', line: 1, monthlyUsdCurrent: { low: 0, high: 3 } })), true, 'a range counts');
      assert.equal(pricedAdvice(site({ file: 'a', line: 1, recommendation: null })), false);
      assert.equal(pricedAdvice(site({ file: 'a', line: 1, model: { id: null, raw: 'm', source: 'dynamic', candidates: ['gpt-4o'] } })), true, 'candidates stand in for an id');
      const assumed = { file: 'a', line: 1, model: { id: null, raw: 'this.model', source: 'deployment-choice', env: 'LLM_MODEL' } };
      assert.equal(pricedAdvice(site({ ...assumed, modelPricing: { model: 'gpt-4.1-mini', assumed: true, models: [], basis: 'x' } })), true, 'the model an assumed set is priced for counts');
      assert.equal(pricedAdvice(site(assumed)), false, 'no model named anywhere: not priced advice');
    });

    it('accepts the labeled task or an acceptable one, and compares only the features the product reports', () => {
      assert.equal(counts.taskCompared, 3);
      assert.equal(counts.taskRight, 2, 'summary right, title right through acceptableTasks, feature wrong (chat)');
      assert.equal(counts.featureCompared.streaming, 2, 'the wrapper caller has no streaming label');
      assert.equal(counts.featureRight.streaming, 1);
      assert.equal(counts.featureCompared.multiStep, 0, 'the product does not report multiStep');
    });

    it('flags $0 or unpriced sites that nothing explains', () => {
      assert.equal(counts.zeroOrNullSites, 3);
      assert.equal(counts.zeroWithoutWhy, 2, 'b.ts ($0, constant) and helper.ts (dynamic); f.ts says user-choice');
      assert.equal(zeroWithoutWhy(site({ file: 'g.ts', line: 4, endLine: 8, monthlyUsdCurrent: 0 }), [{ file: 'g.ts', line: 8, message: 'model unknown' }]), false);
      assert.equal(zeroWithoutWhy(site({ file: 'g.ts', line: 4, monthlyUsdCurrent: 0 }), [{ file: 'g.ts', line: 20, message: 'elsewhere' }]), true);
    });
  });

  it('sums counts across repositories and counts a failed scan as all missed', () => {
    const labels: LabelFile = { repo: 'o/x', commit: '1'.repeat(40), requests: [request({ id: 'a', file: 'a.ts', line: 1 }), request({ id: 'b', file: 'b.ts', line: 2, kind: 'wrapper-caller' })], nearMisses: [{ file: 'c.ts', line: 1, why: 'x' }] };
    const failed = failedRepo(labels, 'timed out after 300 s');
    assert.equal(failed.status, 'failed');
    assert.equal(failed.counts.requests, 2);
    assert.equal(failed.counts.matched, 0);
    const scanned = evaluateRepo(labels, { callSites: [site({ file: 'a.ts', line: 1 })] });
    const total = addCounts(addCounts(emptyCounts(), failed.counts), scanned.counts);
    assert.equal(total.requests, 4);
    assert.equal(total.matched, 1);
    assert.equal(total.directRequests, 2);
    assert.equal(total.wrapperRequests, 2);
    assert.equal(total.nearMisses, 2);
    assert.equal(total.featureCompared.tools, 1);
    assert.equal(ratio(total.matched, total.requests), '1/4 25%');
    assert.equal(ratio(0, 0), '-');
  });

  it("scores the provider of matched requests whose label names one: the same company, or any own server for a label's self-hosted", () => {
    const labels: LabelFile = {
      repo: 'o/x', commit: '1'.repeat(40),
      requests: [
        request({ id: 'groq', file: 'a.ts', line: 1, provider: 'groq' }),
        request({ id: 'own', file: 'b.ts', line: 1, provider: 'self-hosted' }),
        request({ id: 'bedrock', file: 'c.ts', line: 1, provider: 'bedrock' }),
        request({ id: 'none', file: 'd.ts', line: 1 }),
      ],
    };
    const result = evaluateRepo(labels, { callSites: [site({ file: 'a.ts', line: 1, provider: 'openai' }), site({ file: 'b.ts', line: 1, provider: 'lmstudio' }), site({ file: 'c.ts', line: 1, provider: 'aws-bedrock' }), site({ file: 'd.ts', line: 1, provider: 'openai' })] });
    assert.equal(result.counts.providerCompared, 3, 'a label without a provider is not compared');
    assert.equal(result.counts.providerRight, 2);
    assert.deepEqual(result.requests.find((outcome) => outcome.id === 'groq')?.provider, { labeled: 'groq', reported: 'openai', right: false });
    assert.equal(sameProvider('self-hosted', 'vllm'), true);
    assert.equal(sameProvider('ollama', 'self-hosted'), false, 'a label naming the server wants that server');
    assert.equal(sameProvider('openai', 'azure-openai'), false);
    assert.equal(sameProvider('google', 'google-vertex'), true, 'Gemini on Vertex is billed by Google too');
    assert.equal(sameProvider('vercel-ai-gateway', 'vercel-gateway'), true, 'the Vercel AI Gateway by either spelling');
  });

  it('gives task accuracy, the confusion list and strict per-type precision and recall', () => {
    const figures = taskFigures([
      { labeled: 'summarization', acceptable: [], reported: 'summarization' },
      { labeled: 'summarization', acceptable: [], reported: 'chat' },
      { labeled: 'title-generation', acceptable: ['summarization'], reported: 'summarization' },
      { labeled: 'chat', acceptable: [], reported: null },
    ]);
    assert.deepEqual(figures.accuracy, { right: 2, compared: 4 });
    assert.deepEqual(figures.confusion, [{ labeled: 'chat', reported: '(none)', count: 1 }, { labeled: 'summarization', reported: 'chat', count: 1 }]);
    const summarization = figures.perType.find((entry) => entry.type === 'summarization');
    assert.deepEqual(summarization, { type: 'summarization', support: 2, predicted: 2, correct: 1, precision: 0.5, recall: 0.5 });
    const chat = figures.perType.find((entry) => entry.type === 'chat');
    assert.deepEqual(chat, { type: 'chat', support: 1, predicted: 1, correct: 0, precision: 0, recall: 0 });
  });

  it('rejects bad arguments', () => {
    assert.throws(() => parseEvalArguments([]), ArgumentError);
    assert.throws(() => parseEvalArguments(['out', '--repo', 'nope']), ArgumentError);
    assert.throws(() => parseEvalArguments(['out', '--frobnicate']), ArgumentError);
    assert.throws(() => parseEvalArguments(['out', 'other']), ArgumentError);
    const args = parseEvalArguments(['out', '--repo', 'a/b', '--repo', 'c/d', '--verbose', '--timeout', '10']);
    assert.deepEqual(args.repos, ['a/b', 'c/d']);
    assert.equal(args.timeoutMs, 10_000);
    assert.equal(args.verbose, true);
  });
});
