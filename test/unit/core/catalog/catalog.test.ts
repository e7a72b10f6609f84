import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalKey, capabilitiesOf, findArchitecture, findGpu, findModel, findModelAt, isPastDeprecation, loadCatalog, nearestModels, ollamaLibraryRow, servesEndpoint } from '../../../../src/core/catalog/catalog';
import { editDistance } from '../../../../src/model/display';
import closedJson from '../../../../data/catalog/closed-api-prices.json';
import openJson from '../../../../data/catalog/open-api-prices.json';
import archJson from '../../../../data/catalog/model-architectures.json';
import gpuJson from '../../../../data/catalog/gpus.json';
import qualityJson from '../../../../data/catalog/quality.json';
import selfHostJson from '../../../../data/catalog/self-host-costs.json';
import routersJson from '../../../../data/catalog/routers.json';
import ownCloudJson from '../../../../data/catalog/own-cloud.json';
import assumedModelsJson from '../../../../data/catalog/assumed-models.json';
import ollamaLibraryJson from '../../../../data/catalog/ollama-library.json';
import taskOutputJson from '../../../../data/catalog/task-output-tokens.json';

describe('catalog', () => {
  const catalog = loadCatalog();

  describe('every row is sourced', () => {
    const files: Record<string, Array<Record<string, unknown>>> = {
      'closed-api-prices.json': closedJson.rows,
      'open-api-prices.json': openJson.rows,
      'model-architectures.json': archJson.rows,
      'gpus.json': gpuJson.rows,
      'gpus.json prices': gpuJson.rows.flatMap((g) => g.prices as Array<Record<string, unknown>>),
      'quality.json': qualityJson.rows,
      'self-host-costs.json': selfHostJson.rows,
      'self-host-costs.json assumptions': selfHostJson.assumptions,
      'routers.json': routersJson.rows,
      'own-cloud.json': ownCloudJson.rows,
      'assumed-models.json': assumedModelsJson.rows,
      'ollama-library.json': ollamaLibraryJson.rows,
      'task-output-tokens.json': taskOutputJson.rows,
    };
    for (const [name, rows] of Object.entries(files)) {
      it(`${name}: every row has a non-empty source and an asOf date`, () => {
        assert.ok(rows.length > 0, `${name} is empty`);
        for (const [i, row] of rows.entries()) {
          const id = String(row.id ?? row.model ?? row.task ?? row.provider ?? i);
          assert.equal(typeof row.source, 'string', `${name} row ${id} has no source`);
          assert.ok((row.source as string).length > 5, `${name} row ${id} source too short`);
          assert.match(String(row.asOf), /^\d{4}(-\d{2}){0,2}$/, `${name} row ${id} asOf`);
        }
      });
    }
  });

  it('never depends on ../shared at run time (rows are copied, sources only cite it)', () => {
    const src = JSON.stringify([closedJson, openJson, archJson, gpuJson, qualityJson, selfHostJson]);
    assert.ok(!src.includes('"../shared'), 'no relative path into ../shared');
  });

  it('excludes the known-bad records from the facts notes', () => {
    assert.ok(!catalog.open.some((r) => r.provider === 'wandb'), 'wandb prices are ~1e4 too high');
    assert.ok(!catalog.open.some((r) => r.providerModelId.includes('405b-instruct-long')), 'fireworks 405B-long at $0.10 is implausible');
    // deepseek-chat is V3.2 now: it may price deepseek-v3.2, never V3.
    assert.ok(!catalog.open.some((r) => r.model === 'deepseek-v3' && /deepseek-chat$/.test(r.providerModelId)), 'deepseek-chat is not V3');
    assert.equal(findModel(catalog, 'deepseek-chat')?.id, 'deepseek-v3.2');
    assert.ok(!catalog.open.some((r) => r.model === 'deepseek-v3' && r.provider === 'openrouter' && r.inputPerMTok === 0.14), 'stale OpenRouter V3 row at $0.14/$0.28');
    assert.equal(findModel(catalog, 'claude-3-5-sonnet')?.closed?.contextWindow, 200_000, 'Bedrock 1M context is wrong');
    const flash = findModel(catalog, 'gemini-1.5-flash')?.closed;
    assert.ok(flash && (flash.outputPerMTok ?? 0) > 0, 'LiteLLM gemini-1.5-flash output 0 is wrong');
  });

  it('prices known rows (USD per million tokens)', () => {
    const gpt4o = findModel(catalog, 'gpt-4o')?.closed;
    assert.deepEqual([gpt4o?.inputPerMTok, gpt4o?.outputPerMTok, gpt4o?.cachedInputPerMTok, gpt4o?.batchInputPerMTok, gpt4o?.batchOutputPerMTok], [2.5, 10, 1.25, 1.25, 5]);
    assert.deepEqual([findModel(catalog, 'gpt-4o-mini')?.closed?.inputPerMTok, findModel(catalog, 'gpt-4o-mini')?.closed?.outputPerMTok], [0.15, 0.6]);
    assert.equal(findModel(catalog, 'claude-sonnet-4-5')?.closed?.outputPerMTok, 15);
    assert.equal(findModel(catalog, 'gpt-4o-2024-05-13')?.closed?.inputPerMTok, 5, 'the first gpt-4o snapshot costs twice as much');
    const groq = catalog.open.find((r) => r.provider === 'groq' && r.model === 'llama-3.3-70b');
    assert.deepEqual([groq?.inputPerMTok, groq?.outputPerMTok], [0.59, 0.79]);
  });

  it('covers the vendors and open-model providers the product compares', () => {
    for (const vendor of ['openai', 'anthropic', 'google']) assert.ok(catalog.closed.some((r) => r.vendor === vendor), vendor);
    for (const p of ['together', 'fireworks', 'groq', 'deepinfra', 'openrouter']) assert.ok(catalog.open.some((r) => r.provider === p), p);
    for (const id of ['gpt-3.5-turbo', 'gpt-4-turbo', 'gpt-4.1-mini', 'gpt-5', 'o1', 'o3-mini', 'o4-mini', 'text-embedding-3-small', 'claude-3-7-sonnet', 'claude-haiku-4-5', 'claude-opus-4-1', 'gemini-1.5-pro', 'gemini-2.0-flash', 'gemini-2.5-pro']) {
      assert.ok(findModel(catalog, id)?.closed, id);
    }
  });

  describe('findModel normalizes ids', () => {
    const cases: Array<[string, string]> = [
      ['gpt-4o-2024-08-06', 'gpt-4o'],
      ['gpt-4o-2024-05-13', 'gpt-4o-2024-05-13'],
      ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
      ['openai/gpt-4o-mini', 'gpt-4o-mini'],
      ['gpt-3.5-turbo-0125', 'gpt-3.5-turbo'],
      ['gpt-4-turbo-2024-04-09', 'gpt-4-turbo'],
      ['gpt-4-1106-preview', 'gpt-4-turbo'],
      ['gpt-4-0125-preview', 'gpt-4-turbo'],
      ['gpt-4-0613', 'gpt-4'],
      ['openai/gpt-4-1106-preview', 'gpt-4-turbo'],
      ['claude-3-5-sonnet-latest', 'claude-3-5-sonnet'],
      ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet'],
      ['anthropic/claude-3.5-sonnet', 'claude-3-5-sonnet'],
      ['us.anthropic.claude-3-5-haiku-20241022-v1:0', 'claude-3-5-haiku'],
      ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
      ['claude-3-7-sonnet@20250219', 'claude-3-7-sonnet'],
      ['models/gemini-1.5-pro', 'gemini-1.5-pro'],
      ['models/gemini-1.5-pro-002', 'gemini-1.5-pro'],
      ['gemini-2.0-flash-001', 'gemini-2.0-flash'],
      ['meta-llama/Llama-3.3-70B-Instruct', 'llama-3.3-70b'],
      ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'llama-3.3-70b'],
      ['llama-3.3-70b-versatile', 'llama-3.3-70b'],
      ['accounts/fireworks/models/llama-v3p1-8b-instruct', 'llama-3.1-8b'],
      ['meta-llama/Meta-Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
      ['llama3.1:8b', 'llama-3.1-8b'],
      // A local server (Lemonade, LM Studio) names the llama.cpp file of the same weights.
      ['Llama-3.2-1B-Instruct-GGUF', 'llama-3.2-1b'],
      // A size tag with a variant after it is still that size.
      ['llama3.1:8b-instruct-q8_0', 'llama-3.1-8b'],
      ['qwen2.5:7b-instruct-q4_K_M', 'qwen-2.5-7b'],
      // Llama 3 (8K context), not 3.1: Ollama's bare `llama3` is its 8B, Groq's retired llama3-*-8192 rows too.
      ['llama3:latest', 'llama-3-8b'],
      ['llama3', 'llama-3-8b'],
      ['llama3:70b', 'llama-3-70b'],
      ['llama3-70b-8192', 'llama-3-70b'],
      ['meta-llama/Meta-Llama-3-8B-Instruct', 'llama-3-8b'],
      ['Qwen/Qwen2.5-72B-Instruct', 'qwen-2.5-72b'],
      ['qwen/qwen-2.5-72b-instruct', 'qwen-2.5-72b'],
      ['deepseek-ai/DeepSeek-V3', 'deepseek-v3'],
      ['mistralai/Mixtral-8x7B-Instruct-v0.1', 'mixtral-8x7b'],
      ['google/gemma-2-9b-it', 'gemma-2-9b'],
      // An FP8 export of a GLM release is that release (chat-ui's deployment lists zai-org/GLM-4.7-FP8).
      ['zai-org/GLM-4.7-FP8', 'glm-4.7'],
      ['zai-org/GLM-4.5-Air-FP8', 'glm-4.5-air'],
    ];
    for (const [raw, id] of cases) {
      it(`${raw} → ${id}`, () => assert.equal(findModel(catalog, raw)?.id, id));
    }
  });

  it("reads a bare Ollama library name on an Ollama server as its default tag, and only there", () => {
    assert.equal(findModelAt(catalog, 'llama3.1', 'ollama')?.id, 'llama-3.1-8b');
    assert.equal(findModelAt(catalog, 'llama3.2:latest', 'ollama')?.id, 'llama-3.2-3b');
    assert.equal(findModelAt(catalog, 'gemma3', 'ollama')?.id, 'gemma-3-4b');
    // Ollama's deepseek-r1 is a small distill: never the 671B model the same name means elsewhere.
    assert.equal(findModelAt(catalog, 'deepseek-r1', 'ollama'), undefined);
    assert.match(ollamaLibraryRow(catalog, 'deepseek-r1', 'ollama')?.weights ?? '', /not the 671B/);
    assert.equal(findModelAt(catalog, 'deepseek/deepseek-r1', 'openrouter')?.id, 'deepseek-r1');
    assert.equal(findModelAt(catalog, 'deepseek-r1:671b', 'ollama')?.id, 'deepseek-r1', 'the 671B tag is the full model');
    assert.equal(ollamaLibraryRow(catalog, 'llama3.1', 'together'), undefined);
    // Sized tags keep the ordinary lookup; names the library table does not list stay unknown.
    assert.equal(findModelAt(catalog, 'llama3.1:70b', 'ollama')?.id, 'llama-3.1-70b');
    assert.equal(findModelAt(catalog, 'qwen3', 'ollama'), undefined);
    for (const row of catalog.ollamaLibrary ?? []) {
      if (row.model !== null) assert.ok(findArchitecture(catalog, row.model), `${row.name} -> ${row.model} has an architecture row`);
    }
  });

  it('Llama 3.2 1B and 3B: tied embeddings, parameters as the shapes give them', () => {
    for (const [id, params] of [['llama-3.2-1b', 1.236], ['llama-3.2-3b', 3.213]] as const) {
      const row = findArchitecture(catalog, id)!;
      const kv = row.kvHeads * row.headDim;
      const perLayer = row.hiddenSize * (2 * row.hiddenSize + 2 * kv) + 3 * row.hiddenSize * row.intermediateSize + 2 * row.hiddenSize;
      const derived = (perLayer * row.layers + row.vocabSize * row.hiddenSize * (row.tieWordEmbeddings ? 1 : 2) + row.hiddenSize) / 1e9;
      assert.ok(Math.abs(derived - params) < 0.001 && Math.abs(row.totalParamsB - params) < 0.001, `${id}: ${derived} vs ${row.totalParamsB}`);
    }
  });

  it('returns undefined for unknown models and suggests near ones', () => {
    assert.equal(findModel(catalog, 'gpt-7-ultra'), undefined);
    assert.equal(findModel(catalog, ''), undefined);
    assert.equal(findModel(catalog, 'llama-3.3-8b'), undefined, 'no such model: do not guess');
    assert.ok(nearestModels(catalog, 'gpt-4o-minii').includes('gpt-4o-mini'));
  });

  it('suggests, for any id, limit and filter, the ids closest by edit distance (kept per catalog and id)', () => {
    // The ranking is worked out once per catalog and id; asked again with other limits and filters it must
    // give what ranking the filtered ids afresh gives.
    const ids = [...new Set(catalog.index.values())];
    const fresh = (modelId: string, limit: number, keep: (id: string) => boolean) =>
      ids
        .filter(keep)
        .map((id) => ({ id, d: editDistance(canonicalKey(modelId), canonicalKey(id)) }))
        .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
        .slice(0, limit)
        .map((x) => x.id);
    const unknown = fc.oneof(fc.constantFrom('gpt-4o-minii', 'claude-sonet-4', 'llama3.3:70b', 'text-embedding-4', 'mistral-larg', ''), fc.string({ maxLength: 12 }));
    const filters: Array<(id: string) => boolean> = [() => true, (id) => servesEndpoint(catalog, id, 'embedding'), (id) => id.length % 2 === 0, () => false];
    fc.assert(
      fc.property(unknown, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: filters.length - 1 }), (modelId, limit, filter) => {
        assert.deepEqual(nearestModels(catalog, modelId, limit, filters[filter]), fresh(modelId, limit, filters[filter]));
      }),
      { seed: 20261201, numRuns: 200 },
    );
  });

  it('keeps architectures from the configs (head_dim given, not hidden/heads)', () => {
    assert.equal(findArchitecture(catalog, 'gemma-2-9b')?.headDim, 256);
    assert.equal(findArchitecture(catalog, 'gemma-2-27b')?.headDim, 128);
    assert.equal(findArchitecture(catalog, 'deepseek-v3')?.attention, 'mla');
    assert.equal(findArchitecture(catalog, 'llama-3.3-70b')?.kvHeads, 8);
    assert.equal(findArchitecture(catalog, 'llama3:latest')?.contextWindow, 8192, 'Llama 3 keeps its 8K context (3.1 has 128K)');
  });

  it('uses dense (not 2:4 sparse) GPU throughput and knows the short GPU ids', () => {
    for (const id of ['h100-80gb', 'h100-pcie-80gb', 'h200-141gb', 'a100-80gb', 'a100-40gb', 'l40s-48gb', 'a10g-24gb', 'l4-24gb', 'rtx-4090-24gb', 'rtx-3090-24gb', 'mi300x-192gb']) assert.ok(findGpu(catalog, id), id);
    assert.equal(findGpu(catalog, 'h200-141gb')?.bf16DenseTflops, 989);
    assert.equal(findGpu(catalog, 'h100-80gb')?.fp8DenseTflops, 1979);
    assert.equal(findGpu(catalog, 'mi300x-192gb')?.bf16DenseTflops, 1307);
  });

  it('shows the price snapshot date and how old the oldest row is', () => {
    assert.equal(catalog.asOf, '2026-07-24');
    assert.ok(catalog.oldestAsOf <= catalog.asOf);
    assert.ok(catalog.sources.length > 5);
  });

  it('canonicalKey leaves closed-model names intact', () => {
    assert.equal(canonicalKey('gpt-4-turbo'), 'gpt-4-turbo');
    assert.equal(canonicalKey('gpt-3.5-turbo'), 'gpt-3.5-turbo');
  });

  it('a quantized MLX export names the model it quantizes (`-4bit`, `-8bit`), as `-awq` and `-int4` do', () => {
    assert.equal(findModel(catalog, 'mlx-community/Qwen3-8B-4bit')?.id, 'qwen3-8b');
    assert.equal(findModel(catalog, 'mlx-community/Qwen3-8B-8bit')?.id, 'qwen3-8b');
    assert.equal(findModel(catalog, 'mlx-community/Qwen3-8B-4bit-DWQ'), undefined, 'only a trailing qualifier is dropped');
  });

  describe('the current open generation', () => {
    // Models the price file sells through at least three providers: every one of them priced by three or more.
    const broadlySold = ['gpt-oss-120b', 'gpt-oss-20b', 'qwen3-14b', 'qwen3-32b', 'qwen3-30b-a3b', 'qwen3-235b-a22b', 'qwen3-235b-a22b-instruct-2507', 'qwen3-coder-480b-a35b', 'llama-4-scout', 'llama-4-maverick', 'deepseek-v3.1', 'deepseek-v3.2', 'deepseek-r1', 'kimi-k2', 'glm-4.5', 'glm-4.6', 'glm-4.5-air', 'gemma-3-27b', 'mistral-small-3.2', 'qwen3-embedding-8b'];
    for (const id of broadlySold) {
      it(`${id}: architecture and prices from at least 3 providers`, () => {
        const m = findModel(catalog, id);
        assert.equal(m?.kind, 'open');
        assert.ok(m?.arch, `${id} has no architecture`);
        const providers = new Set(m.openPrices.map((r) => r.provider));
        assert.ok(providers.size >= 3, `${id}: ${[...providers].join(', ')}`);
      });
    }

    it('MoE rows give total and active parameters, experts and experts per token', () => {
      const moe = catalog.architectures.filter((a) => a.activeParamsB < a.totalParamsB);
      for (const id of ['gpt-oss-120b', 'qwen3-30b-a3b', 'qwen3-235b-a22b', 'llama-4-maverick', 'deepseek-v3.2', 'kimi-k2', 'glm-4.5']) assert.ok(moe.some((a) => a.id === id), id);
      for (const a of moe.filter((x) => x.asOf === '2026-11-30')) {
        assert.ok((a.experts ?? 0) > 1 && (a.expertsPerToken ?? 0) >= 1 && (a.expertsPerToken ?? 0) < (a.experts ?? 0), `${a.id} experts ${a.experts}/${a.expertsPerToken}`);
      }
      const kimi = findArchitecture(catalog, 'moonshotai/Kimi-K2-Instruct');
      assert.deepEqual([kimi?.attention, kimi?.kvLoraRank, kimi?.qkRopeHeadDim, kimi?.experts, kimi?.expertsPerToken], ['mla', 512, 64, 384, 8]);
      assert.equal(findArchitecture(catalog, 'deepseek-ai/DeepSeek-V3.2')?.attention, 'mla');
    });

    it('finds new models by the ids providers and Hugging Face use', () => {
      for (const [raw, id] of [
        ['openai/gpt-oss-120b', 'gpt-oss-120b'],
        ['accounts/fireworks/models/qwen3-235b-a22b', 'qwen3-235b-a22b'],
        ['Qwen/Qwen3-235B-A22B-Instruct-2507', 'qwen3-235b-a22b-instruct-2507'],
        ['meta-llama/llama-4-scout-17b-16e-instruct', 'llama-4-scout'],
        ['deepseek-reasoner', 'deepseek-v3.2'],
        ['zai-org/GLM-4.6', 'glm-4.6'],
        ['google/gemma-3-27b-it', 'gemma-3-27b'],
        ['BAAI/bge-m3', 'bge-m3'],
      ] as const) assert.equal(findModel(catalog, raw)?.id, id, raw);
      assert.ok(catalog.open.some((r) => r.endpoint === 'embedding' && r.model === 'bge-m3'), 'open embedding models are priced');
      assert.ok(catalog.open.some((r) => r.endpoint === 'rerank'), 'open rerank models are priced');
    });

    it('drops stale open rows (issue 16)', () => {
      assert.ok(!catalog.open.some((r) => r.model === 'llama-3.1-8b' && r.provider === 'fireworks' && r.inputPerMTok === 0.1), 'Fireworks 8B below its tier price');
      assert.ok(!catalog.open.some((r) => r.provider === 'deepseek' && r.model === 'deepseek-v3'), 'DeepSeek API no longer sells V3');
    });
  });

  describe('capability columns', () => {
    const columns = ['supportsVision', 'supportsTools', 'supportsJsonSchema', 'contextWindow', 'maxOutputTokens'];
    it('every closed and open price row states each column (null = unknown)', () => {
      for (const row of [...closedJson.rows, ...openJson.rows] as Array<Record<string, unknown>>) {
        for (const c of columns) {
          assert.ok(c in row, `${String(row.id ?? row.model)} ${String(row.provider)} lacks ${c}`);
          const v = row[c];
          assert.ok(v === null || typeof v === (c.startsWith('supports') ? 'boolean' : 'number'), `${String(row.id ?? row.model)} ${c} = ${String(v)}`);
        }
      }
    });

    it('every architecture row states the model-level columns', () => {
      for (const row of archJson.rows as Array<Record<string, unknown>>) for (const c of columns) assert.ok(c in row, `${String(row.id)} lacks ${c}`);
    });

    it('capabilitiesOf gives three-valued answers: known true/false, unknown null', () => {
      assert.deepEqual(capabilitiesOf(catalog, 'gpt-4o'), { vision: true, tools: true, jsonSchema: true, contextTokens: 128000, maxOutputTokens: 16384 });
      // Groq serves Llama 3.3 70B with tools but without JSON-schema output; the weights take no images.
      assert.deepEqual(capabilitiesOf(catalog, 'llama-3.3-70b', 'groq'), { vision: false, tools: true, jsonSchema: false, contextTokens: 128000, maxOutputTokens: 32768 });
      // Together's row states no context: unknown, not the model's 131,072.
      assert.equal(capabilitiesOf(catalog, 'llama-3.3-70b', 'together')?.contextTokens, null);
      assert.equal(capabilitiesOf(catalog, 'llama-3.3-70b')?.contextTokens, 131072, 'without a provider: the model itself');
      assert.equal(capabilitiesOf(catalog, 'llama-4-maverick', 'groq')?.vision, true);
      assert.equal(capabilitiesOf(catalog, 'llama-3.3-70b', 'no-such-provider'), undefined);
      assert.equal(capabilitiesOf(catalog, 'no-such-model'), undefined);
      // A closed model two hosts sell (Whisper at Groq and at Together): each host's own row, the row the advisor prices
      // with (findModelAt), not undefined because the first row found is the other host's.
      for (const host of ['groq', 'together']) {
        const row = catalog.closed.find((r) => r.id === 'whisper-large-v3' && r.provider === host);
        assert.ok(row, host);
        assert.equal(capabilitiesOf(catalog, 'whisper-large-v3', host), row.capabilities, host);
      }
      assert.equal(findModel(catalog, 'gpt-4o')?.closed?.supportsVision, true, 'the two-valued fields stay for existing callers');
    });
  });

  it('flags closed rows past their deprecation date', () => {
    for (const id of ['gemini-3-pro-preview', 'claude-sonnet-4', 'claude-opus-4', 'gemini-2.0-flash', 'gemini-2.5-pro', 'gemini-2.5-flash']) {
      const row = findModel(catalog, id)?.closed;
      assert.ok(row?.deprecationDate && row.deprecationDate <= '2026-11-30', `${id} deprecation ${row?.deprecationDate}`);
      assert.equal(row?.retired, true, id);
      assert.ok(isPastDeprecation(row, '2026-11-30'), id);
      assert.ok((row.deprecationSource ?? '').length > 10, `${id} says where its date comes from`);
    }
    assert.equal(isPastDeprecation({ deprecationDate: '2026-12-31' }, '2026-11-30'), false);
    assert.equal(isPastDeprecation({ deprecationDate: '2026-11-30' }, '2026-11-30'), true);
    for (const id of ['gemini-3.1-pro-preview', 'gemini-3-flash-preview', 'gpt-5', 'gpt-4.1', 'o3', 'claude-sonnet-4-5']) assert.ok(!isPastDeprecation(findModel(catalog, id)!.closed!, '2026-11-30'), id);
  });

  it('prices L40S, A10G, RTX 4090/3090 and H100 PCIe/SXM on demand, and never uses a capacity block as on-demand', () => {
    for (const id of ['l40s-48gb', 'a10g-24gb', 'rtx-4090-24gb', 'rtx-3090-24gb', 'h100-pcie-80gb', 'h100-80gb']) {
      const gpu = findGpu(catalog, id);
      assert.ok(gpu && gpu.prices.length > 0, `${id} has no on-demand price`);
      for (const p of gpu.prices) assert.ok(p.source.length > 5 && /^\d{4}/.test(p.asOf), `${id} ${p.provider}`);
    }
    assert.equal(findGpu(catalog, 'h100-pcie')?.bandwidthTBs, 2.0);
    for (const gpu of catalog.gpus) assert.ok(!gpu.prices.some((p) => /capacity-block/.test(p.provider)), `${gpu.id} uses a capacity block as on-demand`);
    assert.equal(findGpu(catalog, 'h200-141gb')?.nonOnDemandPrices?.[0]?.kind, 'capacity-block');
  });
});

describe('catalog: model ids as apps write them resolve to the rows derived from the price snapshot', () => {
  const catalog = loadCatalog();
  const cases: Array<[written: string, id: string, endpoint: string]> = [
    ['text-embedding-ada-002', 'text-embedding-ada-002', 'embedding'],
    ['gemini-embedding-001', 'gemini-embedding-001', 'embedding'],
    ['models/gemini-embedding-001', 'gemini-embedding-001', 'embedding'],
    ['voyage-3-lite', 'voyage-3-lite', 'embedding'],
    ['embed-english-v3.0', 'embed-english-v3.0', 'embedding'],
    ['mistral-embed', 'mistral-embed', 'embedding'],
    // Mistral's API ids as apps write them: the -latest aliases have rows of their own (priced as the file lists the alias).
    ['mistral-small-latest', 'mistral-small-latest', 'chat'],
    ['mistral-large-latest', 'mistral-large-latest', 'chat'],
    ['mistral/mistral-medium-latest', 'mistral-medium-latest', 'chat'],
    ['mistral-medium-2508', 'mistral-medium-2508', 'chat'],
    ['codestral-2508', 'codestral-2508', 'chat'],
    ['command-r', 'command-r', 'chat'],
    ['gpt-5-pro', 'gpt-5-pro', 'chat'],
    // Legacy or unchecked ids real repositories send (priced when called, never proposed): a16z companion-app, e2b fragments.
    ['gpt-3.5-turbo-16k', 'gpt-3.5-turbo-16k', 'chat'],
    ['morph-v3-large', 'morph-v3-large', 'chat'],
    // Retired (the file's deprecation date is past): priced at its last list price when called, never proposed.
    ['claude-3-opus-20240229', 'claude-3-opus', 'chat'],
    ['command-r-08-2024', 'command-r-08-2024', 'chat'],
    ['moonshot-v1-32k', 'moonshot-v1-32k', 'chat'],
    ['grok-4.3', 'grok-4.3', 'chat'],
    // xAI's alias for grok-4-fast-reasoning (supermemory sends it).
    ['grok-4-fast', 'grok-4-fast-reasoning', 'chat'],
    ['whisper-large-v3-turbo', 'whisper-large-v3-turbo', 'audio-transcription'],
    ['rerank-english-v3.0', 'rerank-english-v3.0', 'rerank'],
    ['eleven_multilingual_v2', 'eleven_multilingual_v2', 'audio-speech'],
    // Gemini's image model (asked for IMAGE through generateContent): priced per image, not per token.
    ['gemini-3-pro-image-preview', 'gemini-3-pro-image-preview', 'image-generation'],
  ];
  for (const [written, id, endpoint] of cases) {
    it(`${written} → ${id} (${endpoint}), sourced and dated`, () => {
      const row = findModel(catalog, written)?.closed;
      assert.equal(row?.id, id);
      assert.equal(row?.endpoint, endpoint);
      assert.match(row?.source ?? '', /LiteLLM model_prices_and_context_window\.json.*; key /);
      assert.match(row?.asOf ?? '', /^\d{4}-\d{2}-\d{2}$/);
    });
  }
  it('MiniMax-M2.7 as apps write it resolves to the MiniMax API row from the filtered copy, cited as such and never proposed', () => {
    const row = findModel(catalog, 'MiniMax-M2.7')?.closed;
    assert.deepEqual([row?.provider, row?.inputPerMTok, row?.outputPerMTok, row?.unverified], ['minimax', 0.3, 1.2, true]);
    assert.match(row?.source ?? '', /Wei-Shaw\/model-price-repo@\w+.*; key minimax-m2\.7/);
  });
  it("Mistral's -latest aliases are priced as the file lists them, with a note that the alias moves, and never proposed", () => {
    const small = findModel(catalog, 'mistral-small-latest')?.closed;
    assert.deepEqual([small?.inputPerMTok, small?.outputPerMTok, small?.supportsVision, small?.unverified], [0.06, 0.18, true, true]);
    assert.match(small?.notes ?? '', /moves it without notice/);
    // The dated id a -latest alias stood for on the file's date is proposable.
    assert.equal(findModel(catalog, 'mistral-medium-2508')?.closed?.unverified, undefined);
  });
  it('a speech row derived from a per-character price carries it per million characters', () => {
    assert.equal(findModel(catalog, 'eleven_multilingual_v2')?.closed?.perMillionCharsUsd, 180);
  });
  // Hand rows (no priceKey): open models at a host the LiteLLM file does not price, each from a dated table that names the host.
  const handRows: Array<[written: string, provider: string, model: string, input: number, output: number, source: RegExp]> = [
    ['Qwen/Qwen2.5-7B-Instruct-Turbo', 'together', 'qwen-2.5-7b', 0.3, 0.3, /models\.dev, anomalyco\/models\.dev@f3fc6922 .*togetherai\/models\/Qwen\/Qwen2\.5-7B-Instruct-Turbo\.toml/],
    ['Qwen/Qwen3-235B-A22B-Instruct-2507-FP8', 'together', 'qwen3-235b-a22b-instruct-2507', 0.2, 0.6, /togetherai\/models\/Qwen\/Qwen3-235B-A22B-Instruct-2507-tput\.toml/],
    ['Qwen/Qwen3.5-9B', 'together', 'qwen3.5-9b', 0.17, 0.25, /togetherai\/models\/Qwen\/Qwen3\.5-9B\.toml/],
    ['google/gemma-4-31B-it', 'together', 'gemma-4-31b', 0.39, 0.97, /togetherai\/models\/google\/gemma-4-31B-it\.toml/],
    ['mistralai/Mistral-7B-Instruct-v0.1', 'together', 'mistral-7b-v0.1', 0.2, 0.2, /@pydantic\/genai-prices 0\.1\.8 .*provider together/],
    ['accounts/fireworks/models/llama-v3p1-8b-instruct', 'fireworks', 'llama-3.1-8b', 0.2, 0.2, /@pydantic\/genai-prices 0\.1\.8 .*provider fireworks/],
    // The Hugging Face router's own listed prices for models huggingface/chat-ui routes to, and their other hosts.
    ['moonshotai/Kimi-K2.6', 'huggingface', 'kimi-k2.6', 0.95, 4.0, /models\.dev, anomalyco\/models\.dev@f3fc6922 .*providers\/huggingface\/models\/moonshotai\/Kimi-K2\.6\.toml/],
    ['kimi-k2.6', 'moonshot', 'kimi-k2.6', 0.95, 4.0, /providers\/moonshotai\/models\/kimi-k2\.6\.toml/],
    ['zai-org/GLM-4.7', 'huggingface', 'glm-4.7', 0.6, 2.2, /providers\/huggingface\/models\/zai-org\/GLM-4\.7\.toml/],
    ['zai-org/GLM-5.2', 'huggingface', 'glm-5.2', 1.4, 4.4, /providers\/huggingface\/models\/zai-org\/GLM-5\.2\.toml/],
    ['stepfun-ai/Step-3.7-Flash', 'huggingface', 'step-3.7-flash', 0.2, 1.15, /providers\/huggingface\/models\/stepfun-ai\/Step-3\.7-Flash\.toml/],
  ];
  for (const [written, provider, model, input, output, source] of handRows) {
    it(`${written} at ${provider} → ${model} at $${input}/$${output} per M, from a dated table that names ${provider}`, () => {
      const found = findModel(catalog, written);
      assert.equal(found?.id, model);
      const row = found?.openPrices.find((r) => r.provider === provider);
      assert.deepEqual([row?.inputPerMTok, row?.outputPerMTok, row?.priceKey], [input, output, undefined]);
      assert.match(row?.source ?? '', source);
      assert.match(row?.asOf ?? '', /^2026-\d{2}-\d{2}$/);
    });
  }
  // Open rows regenerated from the price snapshot for ids real repositories send (Nutlope/napkins: Kimi K2.5 at Together and Fireworks).
  const keyedOpenRows: Array<[written: string, provider: string, model: string, input: number, output: number, key: string]> = [
    ['moonshotai/Kimi-K2.5', 'together', 'kimi-k2.5', 0.5, 2.8, 'together_ai/moonshotai/Kimi-K2.5'],
    ['accounts/fireworks/models/kimi-k2p5', 'fireworks', 'kimi-k2.5', 0.6, 3, 'fireworks_ai/accounts/fireworks/models/kimi-k2p5'],
    ['kimi-k2p5', 'fireworks', 'kimi-k2.5', 0.6, 3, 'fireworks_ai/accounts/fireworks/models/kimi-k2p5'],
    ['kimi-k2.5', 'moonshot', 'kimi-k2.5', 0.6, 3, 'moonshot/kimi-k2.5'],
  ];
  for (const [written, provider, model, input, output, key] of keyedOpenRows) {
    it(`${written} at ${provider} → ${model} at $${input}/$${output} per M, from the price snapshot (key ${key})`, () => {
      const found = findModel(catalog, written);
      assert.equal(found?.id, model);
      const row = found?.openPrices.find((r) => r.provider === provider);
      assert.deepEqual([row?.inputPerMTok, row?.outputPerMTok, row?.priceKey], [input, output, key]);
      assert.match(row?.source ?? '', /^LiteLLM model_prices_and_context_window\.json, .*RoCry\/llm-api-price@8442b939/);
      assert.ok(row?.source.endsWith(`; key ${key}`), row?.source);
      assert.match(row?.asOf ?? '', /^\d{4}-\d{2}-\d{2}$/);
    });
  }
  it('Kimi K2.5 has an architecture (Kimi K2 backbone, vision, thinks by default) and is listed where Kimi K2 is', () => {
    const arch = findArchitecture(catalog, 'moonshotai/Kimi-K2.5');
    assert.deepEqual([arch?.id, arch?.attention, arch?.activeParamsB, arch?.contextWindow, arch?.supportsVision, arch?.billsReasoningTokens], ['kimi-k2.5', 'mla', 32, 262144, true, true]);
    for (const row of catalog.quality) if (row.openModels.includes('kimi-k2')) assert.ok(row.openModels.includes('kimi-k2.5'), row.task);
    assert.ok(catalog.quality.find((r) => r.task === 'vision')?.openModels.includes('kimi-k2.5'));
  });
  it('an open model without an architecture row is priced at its API row but offers no self-hosting sizing', () => {
    const found = findModel(catalog, 'Qwen/Qwen3.5-9B');
    assert.equal(found?.kind, 'open');
    assert.equal(found?.arch, undefined);
    assert.equal(capabilitiesOf(catalog, 'Qwen/Qwen3.5-9B', 'together')?.vision, true);
  });
  it('a transcription row derived from a per-second price carries it per minute', () => {
    assert.equal(findModel(catalog, 'whisper-large-v3-turbo')?.closed?.perMinuteUsd, 0.0006666);
  });
});
