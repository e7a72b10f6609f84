/**
 * Self-host sizing: how much GPU memory a model needs at a precision, context and concurrency,
 * whether it fits a GPU configuration, how fast it decodes and prefills, and how many replicas a
 * call's volume needs. Every memory term carries the arithmetic behind it. Pure functions over
 * catalog rows; assumptions (MFU, bandwidth efficiency, overheads) come from the catalog.
 */
import type { MemoryTerm, SelfHostSizing } from '../../model/types';
import { PRECISIONS, type Precision } from '../../model/vocabulary';
import { formatCount, formatUsd } from '../../model/format';
import { assumption, findArchitecture, findGpu, findModel, nearestModels, ollamaLibraryRow, type Catalog, type GpuPrice, type GpuRow, type ModelArchitecture, type ProviderClass } from '../catalog/catalog';

/** Weight precisions the sizer understands (fp16 sizes like bf16). */

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/**
 * MXFP4 (OCP microscaling): 4-bit values with one shared 8-bit scale per block of 32, 4 + 8/32 = 4.25 bits. In the
 * checkpoints released that way (gpt-oss) only the MoE experts are MXFP4; attention, router and embeddings stay BF16.
 */
const MXFP4_BITS = 4.25;

/**
 * Effective bits per weight of the transformer body (attention + MLP matrices). Quantized formats
 * carry scales: INT8 weight-only with per-group (128) fp16 scales ≈ 8.125 bits; AWQ/GPTQ INT4 with
 * group size 128 stores an fp16 scale plus a zero point per group and leaves norms and biases in
 * fp16, ≈ 4.25 bits in practice (4 + 16/128 + 4/128 = 4.16 before the unquantized small tensors).
 * FP8 (per-channel or 128×128 block scales) ≈ 8.06 bits.
 */
const BODY_BITS: Record<Precision, number> = { bf16: 16, fp16: 16, fp8: 8.06, int8: 8.125, mxfp4: MXFP4_BITS, int4: 4.25 };

/** Embeddings and lm_head stay in 16-bit in FP8/INT8/INT4 checkpoints (vLLM, AWQ, GPTQ, llm-compressor). */
const HEAD_BITS = 16;

export interface SizingRequest {
  arch: ModelArchitecture;
  precision: Precision;
  gpu: GpuRow;
  gpuCount: number;
  /** Tokens per sequence (prompt + output) the deployment must hold. */
  contextTokens: number;
  /** Sequences resident at once. */
  concurrency: number;
  gpuMemoryUtilization?: number;
  /** KV cache dtype: 'auto' follows the activation dtype (16-bit); fp8 halves it. */
  kvCacheDtype?: 'auto' | 'fp8';
}

export interface SizingResult {
  model: string;
  precision: Precision;
  gpu: string;
  gpuCount: number;
  tensorParallel: number;
  pipelineParallel: number;
  weightsBytes: number;
  /** KV bytes per token across the whole model (all layers, all KV heads), before TP sharding. */
  kvBytesPerToken: number;
  kvCacheBytes: number;
  overheadBytes: number;
  totalBytes: number;
  usableBytes: number;
  fits: boolean;
  /** Tokens of KV cache that fit in what is left after weights and overhead (across the replica). */
  maxKvTokens: number;
  /** Sequences of `contextTokens` that fit at once. */
  maxConcurrency: number;
  /** Longest single sequence that fits (capped at the model's context window). */
  maxContextTokens: number;
  /** Single-stream decode rate, bandwidth bound. */
  decodeTokensPerSecond: number;
  /** Prefill rate, compute bound. */
  prefillTokensPerSecond: number;
  memory: MemoryTerm[];
  notes: string[];
  reason?: string;
}

/** Parameters held in embeddings and the output layer (shared when tied). */
export function headParams(arch: ModelArchitecture): number {
  const embed = arch.vocabSize * arch.hiddenSize;
  return arch.tieWordEmbeddings ? embed : 2 * embed;
}

/** Weight bytes at a precision, with the embeddings/output layer kept in 16-bit. */
export function weightsTerm(arch: ModelArchitecture, precision: Precision): MemoryTerm & { bytes: number } {
  const total = arch.totalParamsB * 1e9;
  const head = headParams(arch);
  const bodyBits = BODY_BITS[precision];
  if (bodyBits === 16) {
    const bytes = weightsBytes(arch, precision);
    return { name: 'weights', bytes, gib: bytes / GIB, derivation: `${fmtB(total)} params × 2 bytes (${precision}) = ${fmtGiB(bytes)}` };
  }
  const bytes = weightsBytes(arch, precision);
  const experts = precision === 'mxfp4' ? expertParams(arch) : undefined;
  if (experts !== undefined) {
    const derivation =
      `${fmtB(experts)} expert params × ${MXFP4_BITS} bits (MXFP4: 4-bit values + an 8-bit scale per 32) + ${fmtB(total - experts)} attention, router and embedding params × 16 bits = ` +
      `${fmtGiB(bytes)} (bf16 would be ${fmtGiB(total * 2)}; saves ${Math.round((1 - bytes / (total * 2)) * 100)}%)`;
    return { name: 'weights', bytes, gib: bytes / GIB, derivation };
  }
  const body = total - head;
  const derivation =
    `${fmtB(body)} body params × ${bodyBits} bits (${precision} incl. scales) + ${fmtB(head)} embedding/lm_head params × 16 bits = ` +
    `${fmtGiB(bytes)} (bf16 would be ${fmtGiB(total * 2)}; saves ${Math.round((1 - bytes / (total * 2)) * 100)}%)`;
  return { name: 'weights', bytes, gib: bytes / GIB, derivation };
}

/**
 * KV cache bytes per token over all layers. GQA/MHA: 2 (K,V) × layers × KV heads × head_dim × bytes.
 * MLA (DeepSeek V3): layers × (kv_lora_rank + rope dims) × bytes, one latent vector per layer.
 */
export function kvBytesPerToken(arch: ModelArchitecture, kvBytes = 2): { bytes: number; derivation: string } {
  if (arch.attention === 'mla') {
    const per = (arch.kvLoraRank ?? 512) + (arch.qkRopeHeadDim ?? 64);
    const bytes = arch.layers * per * kvBytes;
    const naive = 2 * arch.layers * arch.kvHeads * arch.headDim * kvBytes;
    return {
      bytes,
      derivation: `MLA: ${arch.layers} layers × (${arch.kvLoraRank} latent + ${arch.qkRopeHeadDim} rope) × ${kvBytes} B = ${formatCount(bytes)} B/token (naive 2×heads×head_dim would be ${formatCount(naive)} B, ${(naive / bytes).toFixed(0)}× more)`,
    };
  }
  const bytes = 2 * arch.layers * arch.kvHeads * arch.headDim * kvBytes;
  return { bytes, derivation: `2 × ${arch.layers} layers × ${arch.kvHeads} KV heads × ${arch.headDim} head_dim × ${kvBytes} B = ${formatCount(bytes)} B/token` };
}

/**
 * KV bytes one sequence of `tokens` holds. Sliding-window layers keep at most `slidingWindow`
 * tokens (Mistral 7B v0.1: all layers; Gemma 2: every other layer), when the engine honors it.
 */
export function kvBytesForSequence(arch: ModelArchitecture, tokens: number, kvBytes = 2): number {
  const perToken = kvBytesPerToken(arch, kvBytes).bytes;
  if ((arch.attention === 'sliding-window' || arch.attention === 'alternating-sliding-window') && arch.slidingWindow) {
    const frac = arch.slidingWindowLayerFraction ?? 1;
    return perToken * ((1 - frac) * tokens + frac * Math.min(tokens, arch.slidingWindow));
  }
  return perToken * tokens;
}

/** Tensor/pipeline split for a GPU count, or a reason it is not allowed for this model and GPU. */
export function parallelism(arch: ModelArchitecture, gpu: GpuRow, gpuCount: number): { tp: number; pp: number } | { error: string } {
  const tp = Math.min(gpuCount, gpu.maxPerNode);
  const pp = gpuCount / tp;
  if (![1, 2, 4, 8].includes(tp) || !Number.isInteger(pp)) return { error: `${gpuCount} GPUs is not a supported split (tensor parallel 1/2/4/8 within a node, whole nodes beyond)` };
  if (arch.attentionHeads % tp !== 0) return { error: `${arch.attentionHeads} attention heads do not divide by tensor parallel ${tp}` };
  if (arch.attention !== 'mla' && arch.kvHeads % tp !== 0 && tp % arch.kvHeads !== 0) return { error: `${arch.kvHeads} KV heads do not split over tensor parallel ${tp}` };
  if (pp > 1 && arch.layers < pp) return { error: `${arch.layers} layers cannot be split over ${pp} pipeline stages` };
  return { tp, pp };
}

/** KV bytes per token that one GPU holds under tensor parallelism (MLA's latent is replicated on every rank). */
function kvPerTokenPerGpu(arch: ModelArchitecture, perToken: number, tp: number, pp: number): number {
  if (arch.attention === 'mla') return perToken / pp;
  const replicated = tp > arch.kvHeads ? tp / arch.kvHeads : 1;
  return (perToken * replicated) / (tp * pp);
}

/**
 * Activation peak per GPU during vLLM's profiling pass: a chunked-prefill batch of 8,192 tokens
 * through one layer (hidden states, QKV, MLP up/gate) plus fp32 logits for 256 sequences.
 */
function activationBytesPerGpu(arch: ModelArchitecture, tp: number): { bytes: number; derivation: string } {
  const batched = 8192;
  const perToken = (4 * arch.hiddenSize + (2 * arch.intermediateSize) / tp) * 2;
  const logits = (256 * arch.vocabSize * 4) / tp;
  const bytes = batched * perToken + logits;
  return { bytes, derivation: `${formatCount(batched)} batched tokens × (4×${arch.hiddenSize} + 2×${arch.intermediateSize}/${tp}) × 2 B + logits 256×${formatCount(arch.vocabSize)}×4 B/${tp} = ${fmtGiB(bytes)}/GPU` };
}

/** Dense tensor TFLOPS one GPU delivers for this precision (weight-only INT4/INT8 compute in 16-bit). */
export function computeTflops(gpu: GpuRow, precision: Precision): number {
  if (precision === 'fp8' && gpu.fp8Native && gpu.fp8DenseTflops) return gpu.fp8DenseTflops;
  return gpu.bf16DenseTflops;
}

/** Memory, fit and speed of one model on one GPU configuration. */
export function sizeModel(req: SizingRequest, catalog: Catalog): SizingResult {
  const { arch, precision, gpu, gpuCount } = req;
  const util = req.gpuMemoryUtilization ?? assumption(catalog, 'gpuMemoryUtilization');
  const kvBytes = req.kvCacheDtype === 'fp8' ? 1 : 2;
  const notes: string[] = [];
  const split = parallelism(arch, gpu, gpuCount);
  const tp = 'error' in split ? Math.min(gpuCount, gpu.maxPerNode) : split.tp;
  const pp = 'error' in split ? 1 : split.pp;

  const w = weightsTerm(arch, precision);
  const kv = kvBytesPerToken(arch, kvBytes);
  const perGpuKv = kvPerTokenPerGpu(arch, kv.bytes, tp, pp);
  const act = activationBytesPerGpu(arch, tp);
  const runtime = assumption(catalog, 'runtimeOverheadGiB') * GIB;
  const overheadPerGpu = act.bytes + runtime;
  const usablePerGpu = gpu.visibleGiB * GIB * util;
  const weightsPerGpu = w.bytes / gpuCount;
  const kvBudgetPerGpu = usablePerGpu - weightsPerGpu - overheadPerGpu;
  const maxKvTokens = Math.max(0, Math.floor(kvBudgetPerGpu / perGpuKv));
  const seqTokens = Math.min(req.contextTokens, arch.contextWindow);
  const seqKvPerGpu = (kvBytesForSequence(arch, seqTokens, kvBytes) / kv.bytes) * perGpuKv;
  const maxConcurrency = seqKvPerGpu > 0 ? Math.max(0, Math.floor(kvBudgetPerGpu / seqKvPerGpu)) : 0;
  const maxContextTokens = Math.min(arch.contextWindow, maxSequenceTokens(arch, kvBudgetPerGpu, perGpuKv / kv.bytes, kvBytes));
  const kvCacheBytes = kvBytesForSequence(arch, seqTokens, kvBytes) * req.concurrency * (arch.attention === 'mla' ? tp : tp > arch.kvHeads ? tp / arch.kvHeads : 1);
  const overheadBytes = overheadPerGpu * gpuCount;
  const totalBytes = w.bytes + kvCacheBytes + overheadBytes;
  const usableBytes = usablePerGpu * gpuCount;

  let reason: string | undefined;
  if ('error' in split) reason = split.error;
  else if (kvBudgetPerGpu <= 0)
    reason = `weights alone need ${fmtGiB(weightsPerGpu)} per GPU + ${fmtGiB(overheadPerGpu)} overhead, more than the ${fmtGiB(usablePerGpu)} usable on ${gpu.name} (${gpu.visibleGiB} GiB × ${util})`;
  else if (req.contextTokens > arch.contextWindow) reason = `context ${formatCount(req.contextTokens)} exceeds the model's ${formatCount(arch.contextWindow)}-token window`;
  else if (maxConcurrency < req.concurrency)
    reason = `KV cache room for ${maxConcurrency} sequence(s) of ${formatCount(seqTokens)} tokens, ${req.concurrency} requested`;
  const fits = reason === undefined;
  if (precision === 'fp8' && !gpu.fp8Native) notes.push(`${gpu.name} has no FP8 tensor cores: FP8 weights run weight-only (W8A16), memory saved but not compute.`);
  if (precision === 'fp8') notes.push('FP8 here means every linear layer of the body in FP8 (vLLM dynamic FP8 / llm-compressor), embeddings and lm_head in BF16; checkpoints that keep attention or edge layers in BF16 (Meta\'s Llama 3.1 405B FP8: ~462 GiB) are larger.');
  if (precision === 'int4') notes.push('INT4 (AWQ/GPTQ) quality drop is noticeable on complex tasks; evaluate on your own data.');
  if (precision === 'mxfp4') notes.push(`MXFP4${arch.releasedPrecision === 'mxfp4' ? ', the precision the weights were released in (no quality given up)' : ' (a quantization of 16-bit weights: evaluate the quality on your own data)'}; GPUs without FP4 tensor cores run it weight-only (dequantized for each matmul): memory and bandwidth saved, compute at 16-bit rates.`);
  if (arch.attention === 'alternating-sliding-window') notes.push('Sliding-window layers are capped at the window; engines without a hybrid KV allocator (vLLM before its hybrid allocator) reserve full context on every layer, roughly doubling KV use.');
  if (arch.attention === 'mla' && tp > 1) notes.push(`MLA's latent KV is replicated on each of the ${tp} tensor-parallel ranks.`);
  if (arch.activeParamsB < arch.totalParamsB) notes.push(`MoE: each decode step reads the ${arch.activeParamsB}B active parameters plus ${(moeStepSeconds(arch, tp, catalog) * 1000).toFixed(1)} ms of expert routing and dispatch (${arch.layers} layers × per-layer step time calibrated on published single-stream measurements, assumptions moeLayerStepMs / moeLayerStepMsPerTpDoubling); no speculative decoding assumed.`);
  if (tp > 1) notes.push(`Decode bandwidth of ${tp} tensor-parallel GPUs counted as ${tp}^${assumption(catalog, 'tensorParallelExponent')} = ${tpScale(tp, catalog).toFixed(2)}× one GPU (all-reduce overhead, assumption).`);
  if (!gpu.nvlink && tp > 1) notes.push(`${gpu.name} has no NVLink: tensor parallel all-reduces go over PCIe, so multi-GPU decode is well below the bandwidth sum.`);
  if (pp > 1) notes.push(`${pp} pipeline stages across nodes: adds a hop per token; throughput needs micro-batching.`);

  const speed = throughput(arch, precision, gpu, gpuCount, w.bytes, catalog);
  const memory: MemoryTerm[] = [
    { name: w.name, gib: w.bytes / GIB, derivation: w.derivation + (gpuCount > 1 ? `, ${fmtGiB(weightsPerGpu)} per GPU over ${gpuCount} GPUs` : '') },
    {
      name: 'kv-cache',
      gib: kvCacheBytes / GIB,
      derivation: `${kv.derivation}; × ${formatCount(seqTokens)} tokens × ${req.concurrency} sequences${arch.slidingWindow ? ` (sliding window ${arch.slidingWindow} on ${Math.round((arch.slidingWindowLayerFraction ?? 1) * 100)}% of layers)` : ''} = ${fmtGiB(kvCacheBytes)}`,
    },
    { name: 'activations', gib: (act.bytes * gpuCount) / GIB, derivation: act.derivation },
    { name: 'runtime', gib: (runtime * gpuCount) / GIB, derivation: `non-torch allocations, NCCL/cuBLAS workspaces ≈ ${fmtGiB(runtime)}/GPU (assumption)` },
    {
      name: 'usable',
      gib: usableBytes / GIB,
      derivation: `${gpuCount} × ${gpu.visibleGiB} GiB visible × gpu_memory_utilization ${util} = ${fmtGiB(usableBytes)}; KV room ${fmtGiB(Math.max(0, kvBudgetPerGpu) * gpuCount)} = ${formatCount(maxKvTokens)} tokens`,
    },
  ];
  return {
    model: arch.id,
    precision,
    gpu: gpu.id,
    gpuCount,
    tensorParallel: tp,
    pipelineParallel: pp,
    weightsBytes: w.bytes,
    kvBytesPerToken: kv.bytes,
    kvCacheBytes,
    overheadBytes,
    totalBytes,
    usableBytes,
    fits,
    maxKvTokens,
    maxConcurrency,
    maxContextTokens: Math.max(0, maxContextTokens),
    decodeTokensPerSecond: speed.decodeSingle,
    prefillTokensPerSecond: speed.prefill,
    memory,
    notes,
    reason,
  };
}

/** Longest single sequence whose KV fits in `budget` bytes per GPU (sliding windows make it longer). */
function maxSequenceTokens(arch: ModelArchitecture, budget: number, perGpuFactor: number, kvBytes: number): number {
  if (budget <= 0) return 0;
  const perTokenFull = kvBytesPerToken(arch, kvBytes).bytes * perGpuFactor;
  if ((arch.attention === 'sliding-window' || arch.attention === 'alternating-sliding-window') && arch.slidingWindow) {
    const frac = arch.slidingWindowLayerFraction ?? 1;
    const atWindow = perTokenFull * arch.slidingWindow;
    if (budget <= atWindow) return Math.floor(budget / perTokenFull);
    if (frac >= 1) return arch.contextWindow;
    return Math.floor(arch.slidingWindow + (budget - atWindow) / (perTokenFull * (1 - frac)));
  }
  return Math.floor(budget / perTokenFull);
}

/** Effective bandwidth multiple of a tensor-parallel group: tp^exponent (all-reduce and launch overheads). */
function tpScale(tp: number, catalog: Catalog): number {
  return Math.pow(tp, assumption(catalog, 'tensorParallelExponent'));
}

interface Speed {
  decodeSingle: number;
  prefill: number;
}

/**
 * Single-stream decode is bandwidth bound: each token reads every active weight once, at ~72% of
 * the aggregate bandwidth ceiling. Prefill is compute bound: 2 × active params FLOPs per token at
 * the catalog's MFU.
 */
function throughput(arch: ModelArchitecture, precision: Precision, gpu: GpuRow, gpuCount: number, weightsBytes: number, catalog: Catalog): Speed {
  const eff = assumption(catalog, 'decodeBandwidthEfficiency');
  const mfu = assumption(catalog, 'prefillMfu');
  const bw = gpu.bandwidthTBs * 1e12 * eff * tpScale(Math.min(gpuCount, gpu.maxPerNode), catalog);
  const activeBytes = weightsBytes * (arch.activeParamsB / arch.totalParamsB);
  const decodeSingle = 1 / (activeBytes / bw + moeStepSeconds(arch, Math.min(gpuCount, gpu.maxPerNode), catalog));
  const flops = computeTflops(gpu, precision) * 1e12 * mfu * gpuCount;
  const prefill = flops / (2 * arch.activeParamsB * 1e9);
  return { decodeSingle, prefill };
}

/**
 * Fixed time MoE layers add to each decode step (routing, dispatch, small expert GEMMs, the
 * all-reduce after them), growing with the tensor-parallel span: calibrated in the assumptions data
 * against published single-stream measurements (gpt-oss-120b on one A100, DeepSeek-V3 on 8×H200).
 * Zero for dense models.
 */
export function moeStepSeconds(arch: ModelArchitecture, tp: number, catalog: Catalog): number {
  if (arch.activeParamsB >= arch.totalParamsB) return 0;
  const perLayerMs = assumption(catalog, 'moeLayerStepMs') + assumption(catalog, 'moeLayerStepMsPerTpDoubling') * Math.log2(Math.max(1, tp));
  return (arch.layers * perLayerMs) / 1000;
}

/**
 * Aggregate decode tokens/s at batch B: one step reads the weights touched by the batch once plus
 * each sequence's KV, bounded also by compute (2 × active params FLOPs per token).
 */
export function batchedDecodeTokensPerSecond(r: SizingResult, arch: ModelArchitecture, gpu: GpuRow, batch: number, avgSeqTokens: number, catalog: Catalog): number {
  const eff = assumption(catalog, 'decodeBandwidthEfficiency');
  const mfu = assumption(catalog, 'prefillMfu');
  const bw = gpu.bandwidthTBs * 1e12 * eff * tpScale(r.tensorParallel, catalog);
  // MoE: a batch touches more experts than one token does; fraction of expert weights read ≈ 1 − (1 − active/total)^B.
  const activeFrac = arch.activeParamsB / arch.totalParamsB;
  const touched = activeFrac >= 1 ? 1 : Math.min(1, activeFrac + (1 - activeFrac) * (1 - Math.pow(1 - activeFrac, batch)));
  const weightBytes = r.weightsBytes * touched;
  const kvBytes = batch * kvBytesForSequence(arch, avgSeqTokens) * (arch.attention === 'mla' ? r.tensorParallel : 1);
  const memTime = (weightBytes + kvBytes) / bw + moeStepSeconds(arch, r.tensorParallel, catalog);
  const computeTime = (2 * arch.activeParamsB * 1e9 * batch) / (computeTflops(gpu, r.precision) * 1e12 * mfu * r.gpuCount);
  return batch / Math.max(memTime, computeTime);
}

export interface Workload {
  callsPerMonth: number;
  /** Mean tokens per call (throughput and cost use the mean). */
  inputTokens: number;
  outputTokens: number;
  /** 95th-percentile context (prompt + answer) per call, which the KV cache is sized for; default mean × contextP95OverMean. */
  p95ContextTokens?: number;
}

/** The context a replica must hold at its concurrency: the p95, not the mean. */
export function p95Context(w: Workload, catalog: Catalog): { tokens: number; basis: string } {
  const mean = w.inputTokens + w.outputTokens;
  if (w.p95ContextTokens !== undefined) return { tokens: Math.max(mean, w.p95ContextTokens), basis: 'given p95' };
  const factor = assumption(catalog, 'contextP95OverMean');
  return { tokens: Math.round(mean * factor), basis: `mean ${formatCount(mean)} × ${factor} (assumption contextP95OverMean)` };
}

export interface DeploymentPlan {
  sizing: SelfHostSizing;
  result: SizingResult;
  price: GpuPrice | null;
  /** Calls per second one replica sustains. */
  replicaCallsPerSecond: number;
  batch: number;
  /** Decode tokens/s each of the `batch` streams sees. */
  perStreamTokensPerSecond: number;
  derivation: string;
}

export interface PlanOptions {
  precisions?: Precision[];
  gpuIds?: string[];
  gpuCounts?: number[];
  providerClass?: ProviderClass;
  /** Per-stream decode speed a streaming caller needs; configurations below it do not qualify. */
  minStreamTokensPerSecond?: number;
  /** Sequences batched per replica, capped by KV room (default 64; vLLM allows up to 256, latency per stream falls as it grows). */
  concurrency?: number;
}

/** Cheapest on-demand price of a GPU in a provider class (falls back to any class). */
export function gpuPrice(gpu: GpuRow, providerClass?: ProviderClass): GpuPrice | null {
  const pool = providerClass ? gpu.prices.filter((p) => p.providerClass === providerClass) : gpu.prices;
  const list = pool.length ? pool : providerClass ? [] : gpu.prices;
  return [...list].sort((a, b) => a.usdPerGpuHour - b.usdPerGpuHour)[0] ?? null;
}

/**
 * Sizes a deployment for a workload: every GPU type × count × precision that fits, replicas for
 * the volume at the target utilization and peak factor, and the cheapest priced plan.
 */
export function planDeployment(arch: ModelArchitecture, workload: Workload, catalog: Catalog, opts: PlanOptions = {}): DeploymentPlan | null {
  // Branch and bound: visit priced configurations from the cheapest hourly rate up, skip those whose
  // weights cannot fit, and stop once one replica of the next candidate already costs more than the best plan.
  // Candidates are compared by their numbers; only the plan chosen is written out (derivation, notes).
  let best: PlanDraft | null = null;
  for (const c of planCandidates(arch, catalog, opts)) {
    if (best && c.floor >= best.monthlyGpuUsdOnDemand) break;
    const plan = planOne(arch, c.precision, c.gpu, c.count, workload, catalog, opts);
    if (plan.price && plan.fits && (!best || plan.monthlyGpuUsdOnDemand < best.monthlyGpuUsdOnDemand)) best = plan;
  }
  return best ? best.plan() : null;
}

/** One configuration's plan as numbers, and the plan itself with its derivation, written on request. */
interface PlanDraft {
  monthlyGpuUsdOnDemand: number;
  fits: boolean;
  price: GpuPrice | null;
  plan(): DeploymentPlan;
}

interface PlanCandidate {
  gpu: GpuRow;
  precision: Precision;
  count: number;
  /** One replica's monthly price: no plan on this configuration costs less. */
  floor: number;
}

/**
 * The priced configurations whose weights fit, cheapest replica first. They depend on the model, the
 * catalog and the GPU, precision, count and provider-class limits, never on the workload, so they are
 * listed once per catalog, model and limits (the break-even search alone plans dozens of volumes).
 */
function planCandidates(arch: ModelArchitecture, catalog: Catalog, opts: PlanOptions): readonly PlanCandidate[] {
  let byArch = candidatesByCatalog.get(catalog);
  if (!byArch) candidatesByCatalog.set(catalog, (byArch = new Map()));
  let byLimits = byArch.get(arch);
  if (!byLimits) byArch.set(arch, (byLimits = new Map()));
  const key = JSON.stringify([opts.gpuIds ?? null, opts.providerClass ?? null, opts.precisions ?? null, opts.gpuCounts ?? null]);
  const known = byLimits.get(key);
  if (known) return known;
  const hours = assumption(catalog, 'hoursPerMonth');
  const util = assumption(catalog, 'gpuMemoryUtilization');
  const candidates: PlanCandidate[] = [];
  for (const gpu of catalog.gpus) {
    if (opts.gpuIds && !opts.gpuIds.includes(gpu.id)) continue;
    const price = gpuPrice(gpu, opts.providerClass);
    if (!price) continue;
    for (const precision of opts.precisions ?? defaultPrecisions(arch)) {
      const weights = weightsBytes(arch, precision);
      for (const count of opts.gpuCounts ?? [1, 2, 4, 8, 16]) {
        if (count > maxGpusPerReplica(gpu, catalog)) continue;
        if (weights / count >= gpu.visibleGiB * GIB * util) continue;
        if ('error' in parallelism(arch, gpu, count)) continue;
        candidates.push({ gpu, precision, count, floor: price.usdPerGpuHour * count * hours });
      }
    }
  }
  candidates.sort((a, b) => a.floor - b.floor);
  byLimits.set(key, candidates);
  return candidates;
}

/** By catalog and model object (a model sized from a config file is not the catalog's row of the same id). */
const candidatesByCatalog = new WeakMap<Catalog, Map<ModelArchitecture, Map<string, readonly PlanCandidate[]>>>();

/**
 * Policy (assumptions data): GPUs one replica may span. Consumer GeForce cards serve single-GPU
 * replicas; datacenter cards without NVLink run tensor parallel over PCIe up to a small count; with
 * NVLink, up to a node.
 */
export function maxGpusPerReplica(gpu: GpuRow, catalog: Catalog): number {
  if (/geforce/i.test(gpu.name)) return assumption(catalog, 'maxGpusPerReplicaConsumer');
  if (!gpu.nvlink) return assumption(catalog, 'maxGpusPerReplicaWithoutNvlink');
  return Infinity;
}

/** Weight bytes only (no derivation), for quick screening. */
function weightsBytes(arch: ModelArchitecture, precision: Precision): number {
  const total = arch.totalParamsB * 1e9;
  const bits = BODY_BITS[precision];
  if (bits === 16) return total * 2;
  const head = headParams(arch);
  const experts = precision === 'mxfp4' ? expertParams(arch) : undefined;
  if (experts !== undefined) return (experts * MXFP4_BITS) / 8 + ((total - experts) * 16) / 8;
  return ((total - head) * bits) / 8 + (head * HEAD_BITS) / 8;
}

/**
 * Parameters in a MoE model's expert MLPs (routed and shared): layers × experts × 3 matrices (gate, up, down)
 * × hidden × expert width, at most the body. Undefined for a dense model or one whose expert shapes the row lacks.
 */
function expertParams(arch: ModelArchitecture): number | undefined {
  if (!arch.experts || !arch.moeIntermediateSize) return undefined;
  const perLayer = (arch.experts + (arch.sharedExperts ?? 0)) * 3 * arch.hiddenSize * arch.moeIntermediateSize;
  return Math.min(arch.layers * perLayer, arch.totalParamsB * 1e9 - headParams(arch));
}

/**
 * bf16 and fp8 keep quality; INT4/INT8 are used only when asked for. A model released below 16 bits is planned at
 * its released precision only (DeepSeek V3 in FP8, gpt-oss in MXFP4): that is the model as trained and published,
 * and widening it gains nothing but memory.
 */
function defaultPrecisions(arch: ModelArchitecture): Precision[] {
  return arch.releasedPrecision === 'fp8' ? ['fp8'] : arch.releasedPrecision === 'mxfp4' ? ['mxfp4'] : ['bf16', 'fp8'];
}

// Sizing does not depend on the volume, and planning (the break-even search above all) asks for the
// same configurations again and again at different volumes. Results are never mutated.
const sizingsByCatalog = new WeakMap<Catalog, Map<string, SizingResult>>();

function sizeForPlanning(arch: ModelArchitecture, precision: Precision, gpu: GpuRow, gpuCount: number, contextTokens: number, concurrency: number, catalog: Catalog): SizingResult {
  let sizings = sizingsByCatalog.get(catalog);
  if (!sizings) sizingsByCatalog.set(catalog, (sizings = new Map()));
  const key = `${arch.id}|${precision}|${gpu.id}|${gpuCount}|${contextTokens}|${concurrency}`;
  let result = sizings.get(key);
  if (!result) sizings.set(key, (result = sizeModel({ arch, precision, gpu, gpuCount, contextTokens, concurrency }, catalog)));
  return result;
}

function planOne(arch: ModelArchitecture, precision: Precision, gpu: GpuRow, gpuCount: number, w: Workload, catalog: Catalog, opts: PlanOptions): PlanDraft {
  const hours = assumption(catalog, 'hoursPerMonth');
  const target = assumption(catalog, 'targetUtilization');
  const peak = assumption(catalog, 'peakFactor');
  const discount = assumption(catalog, 'reservedDiscount');
  // KV is sized for the p95 context at the needed concurrency; the mean only drives throughput.
  const p95 = p95Context(w, catalog);
  const seq = Math.min(arch.contextWindow, Math.max(1, p95.tokens));
  const wantConc = opts.concurrency ?? 64;
  const minConc = assumption(catalog, 'minServiceConcurrency');
  const probe = sizeForPlanning(arch, precision, gpu, gpuCount, seq, minConc, catalog);
  // A server that takes fewer requests at once than the service minimum (Ollama's one) batches no more than it takes.
  const fewest = Math.min(minConc, wantConc);
  let batch = Math.max(fewest, Math.min(wantConc, probe.maxConcurrency));
  // Resident length during decode averages the prompt plus half the output.
  const avgSeq = w.inputTokens + w.outputTokens / 2;
  let decodeAgg = probe.fits ? batchedDecodeTokensPerSecond(probe, arch, gpu, batch, avgSeq, catalog) : 0;
  // Streaming callers need a readable per-stream speed: shrink the batch until each stream gets it.
  const minStream = opts.minStreamTokensPerSecond ?? 0;
  while (probe.fits && batch > fewest && decodeAgg / batch < minStream) {
    batch = Math.max(fewest, Math.floor(batch / 2));
    decodeAgg = batchedDecodeTokensPerSecond(probe, arch, gpu, batch, avgSeq, catalog);
  }
  let result = probe.fits ? sizeForPlanning(arch, precision, gpu, gpuCount, seq, batch, catalog) : probe;
  if (result.fits && decodeAgg / batch < minStream) {
    result = { ...result, fits: false, reason: `${(decodeAgg / batch).toFixed(1)} tokens/s per stream at batch ${batch}, below the ${minStream} tokens/s a streaming call needs` };
  }
  // Seconds of replica time per call: its prompt at the prefill rate plus its share of batched decode.
  const secPerCall = w.inputTokens / Math.max(1, result.prefillTokensPerSecond) + w.outputTokens / Math.max(1e-9, decodeAgg);
  const capacity = result.fits && secPerCall > 0 ? 1 / secPerCall : 0;
  const avgLoad = w.callsPerMonth / (hours * 3600);
  const replicas = capacity > 0 ? Math.max(1, Math.ceil((avgLoad * peak) / capacity), Math.ceil(avgLoad / (capacity * target))) : 0;
  const price = gpuPrice(gpu, opts.providerClass);
  const gpuHours = replicas * gpuCount * hours;
  const onDemand = price ? gpuHours * price.usdPerGpuHour : 0;
  const reservedRate = price ? price.reservedUsdPerGpuHour ?? price.usdPerGpuHour * (1 - discount) : 0;
  const reserved = gpuHours * reservedRate;
  const utilization = capacity > 0 ? avgLoad / (capacity * Math.max(1, replicas)) : 0;
  const plan = (): DeploymentPlan => {
    const derivation = result.fits
      ? `KV sized for the p95 context ${formatCount(seq)} tokens (${p95.basis}) × batch ${batch}; load ${avgLoad.toFixed(3)} calls/s (${formatCount(w.callsPerMonth)}/month ÷ ${hours} h); one replica (${gpuCount}× ${gpu.id}, ${precision}, batch ${batch}) sustains ${capacity.toFixed(2)} calls/s ` +
        `(${formatCount(w.inputTokens)} in at ${formatCount(result.prefillTokensPerSecond)} tok/s prefill + ${formatCount(w.outputTokens)} out at ${formatCount(decodeAgg)} tok/s batched decode, ${(decodeAgg / batch).toFixed(1)} tok/s per stream); ` +
        `replicas = max(1, ⌈load × peak ${peak} ÷ capacity⌉, ⌈load ÷ (capacity × ${target})⌉) = ${replicas} (avg utilization ${(utilization * 100).toFixed(1)}%); ` +
        (price
          ? `${replicas} × ${gpuCount} GPUs × ${hours} h × $${price.usdPerGpuHour}/GPU-h (${price.provider}, ${price.providerClass}, ${price.source}, as of ${price.asOf}) = ${formatUsd(onDemand, 'whole')}/month on demand; reserved ≈ ${formatUsd(reserved, 'whole')}/month (${price.reservedUsdPerGpuHour ? 'quoted rate' : `${Math.round(discount * 100)}% commitment discount, assumption`})`
          : `no hourly price for ${gpu.id} in the catalog`)
      : `does not fit: ${result.reason}`;
    const sizing: SelfHostSizing = {
      model: arch.id,
      precision,
      gpu: gpu.id,
      gpusPerReplica: gpuCount,
      replicas,
      fits: result.fits,
      memory: result.memory,
      usableGibPerReplica: result.usableBytes / GIB,
      maxContextTokens: result.maxContextTokens,
      maxConcurrency: result.maxConcurrency,
      decodeTokensPerSecond: result.decodeTokensPerSecond,
      monthlyGpuUsdOnDemand: onDemand,
      monthlyGpuUsdReserved: reserved,
      engine: 'vLLM (continuous batching, paged attention)',
      notes: [...result.notes, derivation],
    };
    return { sizing, result, price, replicaCallsPerSecond: capacity, batch, perStreamTokensPerSecond: batch > 0 ? decodeAgg / batch : 0, derivation };
  };
  return { monthlyGpuUsdOnDemand: onDemand, fits: result.fits, price, plan };
}

export interface SizeQuery {
  /** Hugging Face repo id (`meta-llama/Llama-3.1-8B-Instruct`) or short alias (`llama-3.1-8b`). */
  model: string;
  precision: Precision;
  /** Short GPU id (`h100-80gb`); omitted → the cheapest priced configuration that fits. */
  gpu?: string;
  gpus?: number;
  /** Tokens per sequence (default 8,192 or the model's window if smaller). */
  context?: number;
  concurrency?: number;
  gpuMemoryUtilization?: number;
}

/** What `llm-hosting-advisor size` prints: the sizing result's fields of the issue plus the price and derivations. */
export interface SizeAnswer
  extends Pick<
    SizingResult,
    | 'model' | 'precision' | 'weightsBytes' | 'kvBytesPerToken' | 'kvCacheBytes' | 'overheadBytes' | 'totalBytes' | 'usableBytes'
    | 'gpu' | 'gpuCount' | 'tensorParallel' | 'fits' | 'maxKvTokens' | 'maxConcurrency' | 'maxContextTokens'
    | 'decodeTokensPerSecond' | 'prefillTokensPerSecond' | 'reason' | 'memory' | 'notes'
  > {
  hfRepo: string;
  /** Cheapest on-demand price for the whole configuration, null when the catalog has none. */
  usdPerHour: number | null;
  priceSource?: string;
}

/** Answers a sizing question for the CLI; returns an error message for an unknown model or GPU. */
export function sizeQuery(q: SizeQuery, catalog: Catalog): { answer: SizeAnswer } | { error: string } {
  // A name only Ollama uses (`llama3.2`) is the weights its default tag pulls.
  const named = findArchitecture(catalog, q.model);
  const library = named ? undefined : ollamaLibraryRow(catalog, q.model, 'ollama');
  if (library && library.model === null) return { error: `${q.model} is Ollama's name for ${library.weights} (${library.parameters} parameters; ${library.source}), which the catalog has no architecture for` };
  const arch = named ?? (library?.model ? findArchitecture(catalog, library.model) : undefined);
  const ollamaPrecision = catalog.ollamaDefaultPrecision?.precision;
  const libraryNote = library ? [`${q.model} is Ollama's name: its default tag pulls ${library.weights} (${library.source})${ollamaPrecision ? `; Ollama runs library tags as ${ollamaPrecision} weights, so --precision ${ollamaPrecision} sizes it as Ollama runs it` : ''}`] : [];
  if (!arch) {
    const closed = findModel(catalog, q.model)?.closed;
    if (closed) return { error: `${closed.id} is a closed model (${closed.vendor}): its weights cannot be self-hosted; size an open model instead` };
    const isArch = (id: string) => catalog.architectures.some((a) => a.id === id);
    return { error: `model ${q.model} has no architecture in the catalog; nearest: ${nearestModels(catalog, q.model, 3, isArch).join(', ')}` };
  }
  if (!(PRECISIONS as readonly string[]).includes(q.precision)) return { error: `precision must be one of ${PRECISIONS.join(', ')}` };
  let gpus = catalog.gpus;
  if (q.gpu) {
    const g = findGpu(catalog, q.gpu);
    if (!g) return { error: `GPU ${q.gpu} is not in the catalog; known: ${catalog.gpus.map((x) => x.id).join(', ')}` };
    gpus = [g];
  }
  const context = q.context ?? Math.min(8192, arch.contextWindow);
  const concurrency = q.concurrency ?? 1;
  const counts = q.gpus ? [q.gpus] : [1, 2, 4, 8, 16];
  const tried: Array<{ r: SizingResult; price: GpuPrice | null; gpu: GpuRow }> = [];
  for (const gpu of gpus) {
    for (const n of counts) {
      if (!q.gpus && 'error' in parallelism(arch, gpu, n)) continue;
      const r = sizeModel({ arch, precision: q.precision, gpu, gpuCount: n, contextTokens: context, concurrency, gpuMemoryUtilization: q.gpuMemoryUtilization }, catalog);
      tried.push({ r, price: gpuPrice(gpu), gpu });
    }
  }
  if (tried.length === 0) return { error: `no tensor-parallel split of ${arch.id} fits the requested GPU count` };
  const hourly = (t: (typeof tried)[number]) => (t.price ? t.price.usdPerGpuHour * t.r.gpuCount : Infinity);
  const fitting = tried.filter((t) => t.r.fits).sort((a, b) => hourly(a) - hourly(b) || a.r.gpuCount - b.r.gpuCount);
  // Nothing fits: report the configuration with the most usable memory, with its reason.
  const pick = fitting[0] ?? [...tried].sort((a, b) => b.r.usableBytes - a.r.usableBytes)[0];
  const r = pick.r;
  return {
    answer: {
      model: arch.id,
      hfRepo: arch.hfRepo,
      precision: q.precision,
      weightsBytes: Math.round(r.weightsBytes),
      kvBytesPerToken: r.kvBytesPerToken,
      kvCacheBytes: Math.round(r.kvCacheBytes),
      overheadBytes: Math.round(r.overheadBytes),
      totalBytes: Math.round(r.totalBytes),
      usableBytes: Math.round(r.usableBytes),
      gpu: r.gpu,
      gpuCount: r.gpuCount,
      tensorParallel: r.tensorParallel,
      fits: r.fits,
      maxKvTokens: r.maxKvTokens,
      maxConcurrency: r.maxConcurrency,
      maxContextTokens: r.maxContextTokens,
      // A configuration that does not fit has no speed.
      decodeTokensPerSecond: r.fits ? Math.round(r.decodeTokensPerSecond * 10) / 10 : 0,
      prefillTokensPerSecond: r.fits ? Math.round(r.prefillTokensPerSecond) : 0,
      usdPerHour: pick.price ? Math.round(pick.price.usdPerGpuHour * r.gpuCount * 100) / 100 : null,
      priceSource: pick.price ? `${pick.price.provider} (${pick.price.providerClass}): ${pick.price.source}, as of ${pick.price.asOf}` : undefined,
      reason: r.reason,
      memory: r.memory,
      notes: [...libraryNote, ...r.notes],
    },
  };
}


/** A parameter count in billions, or in millions below 0.1B (an embedding model's 22.7M would read 0.02B). */
function fmtB(n: number): string {
  return n > 0 && n < 1e8 ? `${(n / 1e6).toFixed(1)}M` : `${(n / 1e9).toFixed(2)}B`;
}

/** Formats bytes as GiB with one decimal (MiB below 0.05 GiB). */
export function fmtGiB(bytes: number): string {
  // Below 0.05 GiB one decimal reads 0.0 GiB: a small model's weights and KV cache are shown in MiB instead.
  return bytes > 0 && bytes < GIB / 20 ? `${(bytes / MIB).toFixed(1)} MiB` : `${(bytes / GIB).toFixed(1)} GiB`;
}
