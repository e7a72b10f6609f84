import assert from 'node:assert/strict';
import { kvBytesPerToken, planDeployment, sizeModel, weightsTerm } from '../../../../src/core/pricing/sizing';
import { PRECISIONS, type Precision } from '../../../../src/model/vocabulary';

const GIB = 1024 ** 3;
import { arch, catalog, gpu } from './helpers';
const size = (model: string, precision: Precision, gpuId: string, gpuCount: number, contextTokens: number, concurrency = 1) =>
  sizeModel({ arch: arch(model), precision, gpu: gpu(gpuId), gpuCount, contextTokens, concurrency }, catalog);

describe('sizing: memory', () => {
  it('Llama 3.3 70B at INT4 does not fit one 24 GB card (the seed article says it does)', () => {
    for (const card of ['rtx-4090-24gb', 'rtx-3090-24gb', 'l4-24gb', 'a10g-24gb']) {
      const r = size('llama-3.3-70b', 'int4', card, 1, 4096);
      assert.equal(r.fits, false, card);
      assert.match(r.reason ?? '', /weights alone/);
    }
    // ~35-40 GiB of INT4 weights alone (facts NOTES), embeddings and lm_head kept in bf16.
    const w = weightsTerm(arch('llama-3.3-70b'), 'int4').bytes / GIB;
    assert.ok(w > 35 && w < 40, `int4 weights ${w.toFixed(1)} GiB`);
  });

  it('Llama 3.3 70B at INT4 fits one H100 80GB with a 32K context (and ~90K KV tokens of room)', () => {
    const r = size('llama-3.3-70b', 'int4', 'h100-80gb', 1, 32_768);
    assert.equal(r.fits, true);
    assert.ok(r.maxKvTokens > 80_000 && r.maxKvTokens < 120_000, `maxKvTokens ${r.maxKvTokens}`);
    assert.ok(r.maxConcurrency >= 2);
  });

  it('Llama 3.3 70B at BF16 needs at least 2× H100 80GB', () => {
    assert.equal(size('llama-3.3-70b', 'bf16', 'h100-80gb', 1, 4096).fits, false);
    assert.equal(size('llama-3.3-70b', 'bf16', 'h100-80gb', 2, 4096).fits, true);
    const w = weightsTerm(arch('llama-3.3-70b'), 'bf16').bytes / GIB;
    assert.ok(Math.abs(w - 131.4) < 0.5, `bf16 weights ${w}`);
  });

  it('FP8 saves about 43% on Llama 3.1 8B, not 50%, because embeddings and lm_head stay in bf16', () => {
    const a = arch('llama-3.1-8b');
    const saving = 1 - weightsTerm(a, 'fp8').bytes / weightsTerm(a, 'bf16').bytes;
    assert.ok(saving > 0.41 && saving < 0.45, `saving ${(saving * 100).toFixed(1)}%`);
  });

  it('parameter accounting reproduces Meta\'s Llama 3.1 405B FP8 checkpoint (~462 GiB, facts NOTES) within 3%', () => {
    // Meta's recipe quantizes only the MLPs of layers 2..125 to FP8; attention, edge layers and embeddings stay BF16.
    const a = arch('llama-3.1-405b');
    const mlpPerLayer = 3 * a.hiddenSize * a.intermediateSize;
    const fp8Params = mlpPerLayer * (a.layers - 2);
    const bytes = fp8Params * 1 + (a.totalParamsB * 1e9 - fp8Params) * 2;
    assert.ok(Math.abs(bytes / GIB - 462) / 462 < 0.03, `${(bytes / GIB).toFixed(1)} GiB`);
    // Our fp8 (all linear layers) is smaller, and says so.
    const ours = size('llama-3.1-405b', 'fp8', 'h100-80gb', 8, 4096);
    assert.ok(ours.weightsBytes < bytes);
    assert.ok(ours.notes.some((n) => /462 GiB/.test(n)));
  });

  it('DeepSeek V3 KV per token uses MLA: 61 × 576 × 2 B, about 57× less than the naive formula', () => {
    const a = arch('deepseek-v3');
    const kv = kvBytesPerToken(a).bytes;
    assert.equal(kv, 70_272);
    const naive = 2 * a.layers * a.kvHeads * a.headDim * 2;
    const ratio = naive / kv;
    assert.ok(ratio > 56 && ratio < 58, `ratio ${ratio}`);
  });

  it('GQA KV per token matches the configs (Llama 3.1 8B 128 KiB, 70B 320 KiB, Qwen 2.5 7B 56 KiB)', () => {
    assert.equal(kvBytesPerToken(arch('llama-3.1-8b')).bytes, 131_072);
    assert.equal(kvBytesPerToken(arch('llama-3.3-70b')).bytes, 327_680);
    assert.equal(kvBytesPerToken(arch('qwen-2.5-7b')).bytes, 57_344);
  });

  it('Gemma 2 uses head_dim 256 from its config (not hidden/heads = 224) and caps sliding-window layers', () => {
    const a = arch('gemma-2-9b');
    assert.equal(kvBytesPerToken(a).bytes, 344_064);
    const short = size('gemma-2-9b', 'bf16', 'h100-80gb', 1, 8192, 1);
    // 8K tokens: global layers hold 8,192, local layers 4,096 → 0.75 × full.
    assert.ok(Math.abs(short.kvCacheBytes - 0.75 * 344_064 * 8192) < 1);
  });

  it('matches a published vLLM start-up log within stated tolerance (A10G, Llama-3.1-8B shapes, bf16)', () => {
    // awslabs/data-on-eks: "total GPU memory (22.30 GiB) x utilization (0.90) = 20.07 GiB;
    // Model weights: 14.99 GiB | Activation memory: 0.85 GiB | KV Cache: 4.17 GiB".
    const r = size('llama-3.1-8b', 'bf16', 'a10g-24gb', 1, 4096);
    const usable = r.usableBytes / GIB;
    assert.ok(Math.abs(usable - 20.07) < 0.01, `usable ${usable}`);
    assert.ok(Math.abs(r.weightsBytes / GIB - 14.99) / 14.99 < 0.01, 'weights within 1%');
    const act = r.memory.find((m) => m.name === 'activations')!.gib;
    assert.ok(Math.abs(act - 0.85) < 0.15, `activations ${act} within 0.15 GiB`);
    const kvRoom = (r.maxKvTokens * r.kvBytesPerToken) / GIB;
    assert.ok(Math.abs(kvRoom - 4.17) / 4.17 < 0.15, `KV room ${kvRoom.toFixed(2)} GiB within 15% of 4.17 (we keep 0.5 GiB runtime headroom)`);
  });

  it('every memory term explains itself', () => {
    const r = size('llama-3.1-8b', 'fp8', 'l4-24gb', 1, 8192, 2);
    for (const t of r.memory) assert.ok(t.derivation.length > 20, t.name);
  });
});

describe('sizing: properties', () => {
  // Ordered by stored bits per weight: INT4 (4.25 with scales) < FP8 (8.06) < INT8 weight-only (8.125) < BF16.
  // MXFP4 keeps attention, router and embeddings at 16 bits where INT4 keeps only embeddings there.
  const order: Precision[] = ['int4', 'mxfp4', 'fp8', 'int8', 'bf16'];
  it('more precision never uses less weight memory', () => {
    for (const a of catalog.architectures) {
      const bytes = order.map((p) => weightsTerm(a, p).bytes);
      for (let i = 1; i < bytes.length; i++) assert.ok(bytes[i] >= bytes[i - 1], `${a.id} ${order[i]}`);
    }
    assert.deepEqual([...PRECISIONS].sort(), ['bf16', 'fp16', 'fp8', 'int4', 'int8', 'mxfp4']);
  });

  it('plans a model released in MXFP4 at MXFP4: gpt-oss-120b on one 80 GB GPU, its experts at 4.25 bits and the rest at 16', () => {
    const oss = arch('gpt-oss-120b');
    const weights = weightsTerm(oss, 'mxfp4');
    // 36 layers × 128 experts × 3 × 2,880 × 2,880 = 114.66B expert params; the model card's checkpoint is ~60.8 GiB.
    assert.ok(Math.abs(weights.gib - 60.8) < 0.5, `${weights.gib.toFixed(1)} GiB`);
    assert.match(weights.derivation, /114\.66B expert params × 4\.25 bits \(MXFP4/);
    const plan = planDeployment(oss, { callsPerMonth: 100_000, inputTokens: 1000, outputTokens: 300 }, catalog, { providerClass: 'specialist' });
    assert.ok(plan, 'a plan fits');
    assert.equal(plan.result.precision, 'mxfp4');
    assert.equal(plan.result.gpuCount, 1, `${plan.result.gpuCount} × ${plan.result.gpu}`);
    assert.ok(plan.result.notes.some((note) => /released in \(no quality given up\)/.test(note)), plan.result.notes.join(' | '));
    // A dense model has no experts: MXFP4 is then its whole body at 4.25 bits, like INT4.
    const llama = arch('llama-3.1-8b');
    assert.equal(weightsTerm(llama, 'mxfp4').bytes, weightsTerm(llama, 'int4').bytes);
  });

  it('more context never fits more concurrency', () => {
    for (const id of ['llama-3.1-8b', 'llama-3.3-70b', 'gemma-2-9b', 'deepseek-v3', 'mistral-7b-v0.1']) {
      const a = arch(id);
      const g = gpu(id === 'deepseek-v3' ? 'h200-141gb' : 'h100-80gb');
      const n = id === 'deepseek-v3' ? 8 : id === 'llama-3.3-70b' ? 2 : 1;
      let prev = Infinity;
      for (const ctx of [1024, 4096, 8192, 16_384, 32_768, 65_536]) {
        const r = sizeModel({ arch: a, precision: a.releasedPrecision === 'fp8' ? 'fp8' : 'bf16', gpu: g, gpuCount: n, contextTokens: ctx, concurrency: 1 }, catalog);
        assert.ok(r.maxConcurrency <= prev, `${id} at ${ctx}`);
        prev = r.maxConcurrency;
      }
    }
  });

  it('refuses tensor-parallel degrees the heads do not allow', () => {
    // Qwen 2.5 7B has 28 attention heads and 4 KV heads: TP 8 does not divide 28.
    const r = size('qwen-2.5-7b', 'bf16', 'l4-24gb', 8, 4096);
    assert.equal(r.fits, false);
    assert.match(r.reason ?? '', /heads/);
  });
});

describe('sizing: throughput and cost', () => {
  it('single-stream decode is bandwidth bound (~72% of the ceiling)', () => {
    const r = size('llama-3.1-8b', 'bf16', 'h100-80gb', 1, 4096);
    const ceiling = (3.35e12 / r.weightsBytes);
    assert.ok(Math.abs(r.decodeTokensPerSecond / ceiling - 0.72) < 0.01);
  });

  it('plans the cheapest priced deployment for a workload, with replicas and monthly cost', () => {
    const plan = planDeployment(arch('llama-3.3-70b'), { callsPerMonth: 3_000_000, inputTokens: 1500, outputTokens: 300 }, catalog);
    assert.ok(plan);
    assert.ok(plan.sizing.fits);
    assert.ok(plan.sizing.replicas >= 1);
    assert.ok(plan.sizing.monthlyGpuUsdOnDemand > 0);
    assert.ok((plan.sizing.monthlyGpuUsdReserved ?? Infinity) < plan.sizing.monthlyGpuUsdOnDemand);
    assert.match(plan.derivation, /replicas = /);
  });

  it('gives streaming callers at least the per-stream speed they need', () => {
    const w = { callsPerMonth: 2_000_000, inputTokens: 800, outputTokens: 400 };
    const plain = planDeployment(arch('llama-3.1-8b'), w, catalog);
    const streaming = planDeployment(arch('llama-3.1-8b'), w, catalog, { minStreamTokensPerSecond: 20 });
    assert.ok(plain && streaming);
    assert.ok(streaming.perStreamTokensPerSecond >= 20, `${streaming.perStreamTokensPerSecond} tok/s per stream`);
    assert.ok(streaming.sizing.monthlyGpuUsdOnDemand >= plain.sizing.monthlyGpuUsdOnDemand, 'a latency floor never makes it cheaper');
  });

  it('needs more replicas for more volume', () => {
    const a = arch('llama-3.1-8b');
    const small = planDeployment(a, { callsPerMonth: 100_000, inputTokens: 1000, outputTokens: 200 }, catalog, { gpuIds: ['h100-80gb'] });
    const big = planDeployment(a, { callsPerMonth: 300_000_000, inputTokens: 1000, outputTokens: 200 }, catalog, { gpuIds: ['h100-80gb'] });
    assert.ok(small && big);
    assert.ok(big.sizing.replicas > small.sizing.replicas);
  });
});
