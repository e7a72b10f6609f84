import assert from 'node:assert/strict';
import { assumption } from '../../../../src/core/catalog/catalog';
import { maxGpusPerReplica, moeStepSeconds, p95Context, planDeployment, sizeModel } from '../../../../src/core/pricing/sizing';
import type { Precision } from '../../../../src/model/vocabulary';

import { arch, catalog, gpu } from './helpers';
const decode = (model: string, precision: Precision, gpuId: string, count: number) => sizeModel({ arch: arch(model), precision, gpu: gpu(gpuId), gpuCount: count, contextTokens: 2048, concurrency: 1 }, catalog).decodeTokensPerSecond;

describe('sizing realism: MoE single-stream decode against published measurements', () => {
  it('DeepSeek-V3 FP8 on 8× H200 decodes tens of tokens/s per stream (SGLang measured 30.3 at batch 1), not hundreds', () => {
    const tps = decode('deepseek-v3', 'fp8', 'h200-141gb', 8);
    assert.ok(tps >= 20 && tps <= 45, `${tps.toFixed(1)} tokens/s`);
  });

  it('gpt-oss-120b on one A100 80GB lands near the ~90 tokens/s measured in vLLM', () => {
    const tps = decode('gpt-oss-120b', 'mxfp4', 'a100-80gb', 1);
    assert.ok(tps >= 65 && tps <= 120, `${tps.toFixed(1)} tokens/s`);
  });

  it('adds no MoE step time to dense models, so dense decode stays bandwidth bound', () => {
    assert.equal(moeStepSeconds(arch('llama-3.3-70b'), 4, catalog), 0);
    const g = gpu('h100-80gb');
    const a = arch('llama-3.1-8b');
    const r = sizeModel({ arch: a, precision: 'bf16', gpu: g, gpuCount: 1, contextTokens: 2048, concurrency: 1 }, catalog);
    const ceiling = (g.bandwidthTBs * 1e12 * assumption(catalog, 'decodeBandwidthEfficiency')) / r.weightsBytes;
    assert.ok(Math.abs(r.decodeTokensPerSecond - ceiling) < 1e-6);
  });

  it('says in the notes where the MoE step time comes from', () => {
    const r = sizeModel({ arch: arch('deepseek-v3'), precision: 'fp8', gpu: gpu('h200-141gb'), gpuCount: 8, contextTokens: 2048, concurrency: 1 }, catalog);
    assert.ok(r.notes.some((n) => /expert routing and dispatch .* calibrated on published single-stream measurements/.test(n)));
  });
});

describe('sizing realism: KV for the p95 context, GPU policy', () => {
  it('sizes the KV cache for the p95 context (mean × factor from data), not the mean', () => {
    const w = { callsPerMonth: 100_000, inputTokens: 3000, outputTokens: 400 };
    const p95 = p95Context(w, catalog);
    assert.equal(p95.tokens, Math.round(3400 * assumption(catalog, 'contextP95OverMean')));
    const plan = planDeployment(arch('llama-3.1-8b'), w, catalog);
    assert.ok(plan);
    assert.match(plan.derivation, new RegExp(`KV sized for the p95 context ${p95.tokens.toLocaleString('en-US')} tokens`));
    const kv = plan.sizing.memory.find((m) => m.name === 'kv-cache');
    assert.match(kv?.derivation ?? '', new RegExp(`× ${p95.tokens.toLocaleString('en-US')} tokens`));
    // A given p95 wins over the factor.
    assert.equal(p95Context({ ...w, p95ContextTokens: 20_000 }, catalog).tokens, 20_000);
  });

  it('never puts a multi-GPU replica on consumer cards, and keeps PCIe-only datacenter cards to 2 per replica', () => {
    assert.equal(maxGpusPerReplica(gpu('rtx-3090-24gb'), catalog), 1);
    assert.equal(maxGpusPerReplica(gpu('l40s-48gb'), catalog), 2);
    assert.equal(maxGpusPerReplica(gpu('h100-80gb'), catalog), Infinity);
    for (const calls of [100_000, 3_000_000, 30_000_000]) {
      for (const providerClass of ['managed', 'specialist', 'marketplace'] as const) {
        const plan = planDeployment(arch('llama-3.3-70b'), { callsPerMonth: calls, inputTokens: 800, outputTokens: 150 }, catalog, { providerClass });
        if (!plan) continue;
        const g = gpu(plan.sizing.gpu);
        assert.ok(plan.sizing.gpusPerReplica <= maxGpusPerReplica(g, catalog), `${calls} calls ${providerClass}: ${plan.sizing.gpusPerReplica}× ${g.id}`);
      }
    }
  });
});
