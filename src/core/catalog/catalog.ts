/**
 * The bundled price and hardware catalog. The JSON files under data/catalog are imported (not read
 * from disk) so esbuild inlines them into dist and the product works offline; every row carries
 * the `source` it was copied from and an `asOf` date that the UI shows.
 */
import { editDistance } from '../../model/display';
import { isLocalServer, isOllamaServer, type Precision } from '../../model/vocabulary';
import closedJson from '../../../data/catalog/closed-api-prices.json';
import openJson from '../../../data/catalog/open-api-prices.json';
import archJson from '../../../data/catalog/model-architectures.json';
import gpuJson from '../../../data/catalog/gpus.json';
import qualityJson from '../../../data/catalog/quality.json';
import selfHostJson from '../../../data/catalog/self-host-costs.json';
import ownCloudJson from '../../../data/catalog/own-cloud.json';
import routersJson from '../../../data/catalog/routers.json';
import agentHarnessesJson from '../../../data/catalog/agent-harnesses.json';
import ollamaLibraryJson from '../../../data/catalog/ollama-library.json';
import assumedModelsJson from '../../../data/catalog/assumed-models.json';
import onDeviceRuntimesJson from '../../../data/catalog/on-device-runtimes.json';

/** Rough capability class of a closed model, used to find a cheaper sibling that still does the task. */
export type ModelClass = 'tiny' | 'small' | 'large' | 'reasoning' | 'embedding' | 'rerank' | 'image' | 'speech' | 'transcription';

export interface Sourced {
  source: string;
  asOf: string;
}

/** A value the sources may not state: `null` means unknown (not "no", not 0). */
export type Known<T> = T | null;

/**
 * What a model (or a provider's endpoint for it) accepts and returns, three-valued. The data files
 * carry these as columns on every model row (`supportsVision`, `supportsTools`, `supportsJsonSchema`,
 * `contextWindow`, `maxOutputTokens`), `null` where no source says. A screen that must not move a call
 * to a row lacking a feature should treat `null` as "not shown to support it" and say it is unknown.
 */
export interface ModelCapabilities {
  /** Accepts image input. */
  vision: Known<boolean>;
  /** Function / tool calling. */
  tools: Known<boolean>;
  /** Structured output constrained by a JSON schema (not just "JSON mode"). */
  jsonSchema: Known<boolean>;
  /** Input context the endpoint accepts, tokens. */
  contextTokens: Known<number>;
  /** Longest answer the endpoint returns, tokens. */
  maxOutputTokens: Known<number>;
}

/** Capability columns as written in the data files (null = unknown). */
export interface CapabilityColumns {
  supportsVision: Known<boolean>;
  supportsTools: Known<boolean>;
  supportsJsonSchema: Known<boolean>;
  contextWindow: Known<number>;
  maxOutputTokens: Known<number>;
}

/** One closed model as its vendor sells it. Token prices are USD per million tokens. */
export interface ClosedModelRow extends Sourced {
  id: string;
  vendor: string;
  provider: string;
  /** realtime: a speech-to-speech session model (OpenAI Realtime) billed per text and audio token. */
  endpoint: 'chat' | 'embedding' | 'rerank' | 'image-generation' | 'audio-transcription' | 'audio-speech' | 'realtime';
  class: ModelClass;
  inputPerMTok?: number;
  outputPerMTok?: number;
  cachedInputPerMTok?: number;
  batchInputPerMTok?: number;
  batchOutputPerMTok?: number;
  /** Price above a long-context threshold (Gemini 2.5 Pro, Claude 1M context), when it differs. */
  longContextThreshold?: number;
  inputPerMTokLong?: number;
  outputPerMTokLong?: number;
  /** Non-token units: image generation and speech. */
  perImageUsd?: number;
  /** The quality and size `perImageUsd` is for (`standard quality, 1024×1024`): a call is priced as one such image. */
  imageQuality?: string;
  perMinuteUsd?: number;
  perMillionCharsUsd?: number;
  /** Rerank APIs billed per search (Cohere: one query over up to 100 documents). */
  perSearchUsd?: number;
  /** A fee per chat request on top of the tokens (Perplexity's online models: the web search each request runs). */
  perRequestUsd?: number;
  /** Audio tokens of a realtime (speech-to-speech) model, USD per million; its text tokens use inputPerMTok/outputPerMTok. */
  audioInputPerMTok?: number;
  audioOutputPerMTok?: number;
  contextWindow?: number;
  maxOutputTokens?: number;
  /** True only when a source says so; `capabilities` keeps the three-valued answer. */
  supportsTools: boolean;
  supportsVision: boolean;
  supportsJsonSchema: boolean;
  /** Three-valued capabilities (null = unknown), filled by the loader from the row's columns. */
  capabilities: ModelCapabilities;
  aliases?: string[];
  /** Hidden reasoning/thinking tokens are billed as output, on top of the visible answer. */
  billsReasoningTokens?: boolean;
  /** Price not checked against the vendor (2026 entries of the public price file): priced when called, never proposed. */
  unverified?: boolean;
  /** No longer served by the vendor (or past its deprecation date): priced at its last list price, never suggested as a target. */
  retired?: boolean;
  /** Vendor's deprecation / shutdown date (YYYY-MM-DD) when one is announced. */
  deprecationDate?: string;
  /** Where the deprecation date comes from (vendor page or the price file's deprecation_date). */
  deprecationSource?: string;
  /**
   * The generally available model the vendor released to replace this preview one (gpt-realtime for
   * gpt-4o-realtime-preview), named by `successorSource`: proposed in this row's place, and to a call on
   * this row whatever it costs; this row is not proposed while the catalog has the successor.
   */
  successor?: string;
  successorSource?: string;
  /** LiteLLM price-file key the row is regenerated from by `npm run catalog:update`; absent on hand rows. */
  priceKey?: string;
  notes?: string;
}

/** An open-weights model served per token by a third party. */
export interface OpenPriceRow extends Sourced {
  /** Canonical id of the model in model-architectures.json. */
  model: string;
  provider: string;
  providerModelId: string;
  /** What the endpoint does; chat when absent. Embedding and rerank rows have output price 0. */
  endpoint?: 'chat' | 'embedding' | 'rerank';
  inputPerMTok: number;
  outputPerMTok: number;
  cachedInputPerMTok?: number;
  batchInputPerMTok?: number;
  batchOutputPerMTok?: number;
  contextWindow?: number;
  maxOutputTokens?: number;
  /** True only when a source says so; `capabilities` keeps the three-valued answer. */
  supportsTools: boolean;
  supportsJsonSchema: boolean;
  supportsVision: boolean;
  /** Three-valued capabilities of this provider's endpoint (null = unknown), filled by the loader. */
  capabilities: ModelCapabilities;
  /** Vendor's deprecation date for this endpoint, when announced. */
  deprecationDate?: string;
  /** Where the deprecation date comes from (the host's notice as quoted, or the price file's deprecation_date). */
  deprecationSource?: string;
  /** LiteLLM price-file key the row is regenerated from by `npm run catalog:update`. */
  priceKey?: string;
  /** Numeric format the provider serves, when it says (fp8 or a lower-precision "turbo"). */
  quantization?: string;
  notes?: string;
}

type CapabilityFields = 'supportsTools' | 'supportsVision' | 'supportsJsonSchema' | 'contextWindow' | 'maxOutputTokens' | 'capabilities';
/** A closed row as written in closed-api-prices.json (capability columns three-valued). */
export type ClosedModelData = Omit<ClosedModelRow, CapabilityFields> & CapabilityColumns;
/** An open price row as written in open-api-prices.json (capability columns three-valued). */
export type OpenPriceData = Omit<OpenPriceRow, CapabilityFields> & CapabilityColumns;

export type AttentionKind = 'gqa' | 'mha' | 'mla' | 'sliding-window' | 'alternating-sliding-window';

/** Shapes from the model's own config.json, enough to size weights and KV cache. */
export interface ModelArchitecture extends Sourced {
  id: string;
  hfRepo: string;
  aliases?: string[];
  family: string;
  totalParamsB: number;
  /** Parameters touched per token (MoE); equals totalParamsB for dense models. */
  activeParamsB: number;
  hiddenSize: number;
  intermediateSize: number;
  layers: number;
  attentionHeads: number;
  kvHeads: number;
  headDim: number;
  vocabSize: number;
  tieWordEmbeddings: boolean;
  attention: AttentionKind;
  slidingWindow?: number;
  /** Share of layers that use the sliding window (Gemma 2 alternates local/global: 0.5). */
  slidingWindowLayerFraction?: number;
  kvLoraRank?: number;
  qkRopeHeadDim?: number;
  contextWindow: number;
  /** Native dtype of the released weights (DeepSeek V3 ships FP8, gpt-oss MXFP4 experts). */
  releasedPrecision?: string;
  /** What the model is for; chat when absent. Embedding and rerank models are encoders or last-token poolers. */
  kind?: 'chat' | 'embedding' | 'rerank';
  /** Mixture of experts: routed experts per MoE layer, experts each token is routed to, always-on shared experts. */
  experts?: number;
  expertsPerToken?: number;
  sharedExperts?: number;
  moeIntermediateSize?: number;
  supportsTools: boolean;
  supportsVision: boolean;
  /** The model emits schema-constrained JSON reliably when served with guided decoding; null/absent = unknown. */
  supportsJsonSchema?: Known<boolean>;
  maxOutputTokens?: Known<number>;
  /**
   * Thinks before it answers unless told not to (gpt-oss, DeepSeek-R1, Qwen3's hybrid models, GLM-4.5/4.6,
   * Magistral): the hidden reasoning tokens are billed as output by API hosts and generated on your GPUs
   * when self-hosted. Absent = unknown (the model's name decides, see billsReasoningTokens).
   */
  billsReasoningTokens?: boolean;
  notes?: string;
}

export type ProviderClass = 'hyperscaler' | 'specialist' | 'managed' | 'marketplace';

export interface GpuPrice extends Sourced {
  providerClass: ProviderClass;
  provider: string;
  usdPerGpuHour: number;
  /** 1-year commitment or capacity-block rate, when the source gives one. */
  reservedUsdPerGpuHour?: number;
  notes?: string;
}

export interface GpuRow extends Sourced {
  id: string;
  name: string;
  aliases?: string[];
  memoryGB: number;
  /** Memory the driver exposes (GiB), the base vLLM applies gpu_memory_utilization to. */
  visibleGiB: number;
  visibleGiBSource: string;
  bandwidthTBs: number;
  bf16DenseTflops: number;
  fp8DenseTflops: number | null;
  int8DenseTops: number | null;
  fp8Native: boolean;
  /** GPUs per node; tensor parallelism stays within a node, pipeline parallelism spans nodes. */
  maxPerNode: number;
  /** NVLink (or Infinity Fabric) between the node's GPUs; without it tensor parallel runs over PCIe. */
  nvlink: boolean;
  /** On-demand (or serverless per-second) prices only: what sizing and costs use. */
  prices: GpuPrice[];
  /** Rates that are not on-demand (capacity blocks, expired promotions), kept for reference, never used as a price. */
  nonOnDemandPrices?: Array<GpuPrice & { kind: 'capacity-block' | 'spot' | 'promotion'; validUntil?: string }>;
  notes?: string;
}

/** Which models are good enough for a task type: the seed article's table, editable as data. */
export interface QualityRow extends Sourced {
  task: string;
  /** Open models (architecture ids) adequate for this task; empty when closed models lead. */
  openModels: string[];
  /** Weakest closed class that still does the task. */
  closedMinClass: 'tiny' | 'small' | 'large' | 'reasoning';
  closedLeads: boolean;
  why: string;
  /** Per group of open models, what their adequacy rests on: a cited public result or an estimate. */
  openModelBasis?: Array<{ models: string[]; basis: 'cited' | 'estimate'; source: string }>;
}

/** A fixed monthly cost of running inference yourself (a labeled assumption with defaults). */
export interface SelfHostCostRow extends Sourced {
  id: string;
  label: string;
  usdPerMonth: number;
  /** The seed's range around the default, for a break-even band. */
  usdPerMonthLow?: number;
  usdPerMonthHigh?: number;
  /** Which deployment styles carry this cost: managed hosting removes some of them. */
  appliesTo: Array<'managed' | 'self-managed'>;
  assumption: boolean;
  derivation: string;
}

/**
 * A place a compliance team can run models inside its own cloud account (Azure OpenAI, Bedrock,
 * Vertex): which closed vendors and open-model providers it serves, its price basis and the terms
 * a regulated workload needs there.
 */
export interface OwnCloudRow extends Sourced {
  id: string;
  label: string;
  /** The provider id the analyzers give a call already made through this cloud. */
  provider: string;
  servesVendors: string[];
  /** Open-model price rows (by provider) that are this cloud's own serving. */
  servesOpenProviders: string[];
  regionalPriceMultiplier: number;
  priceBasis: string;
  terms: string[];
  residency: string;
  retention: string;
  /** 'estimate' when recalled from documentation rather than taken from a fetched copy. */
  basis: 'cited' | 'estimate';
}

/** What a bare Ollama library name pulls (ollama-library.json): its default tag's weights, and their catalog id when the catalog has them. */
export interface OllamaLibraryRow extends Sourced {
  /** The library name as code writes it, without a tag (`llama3.1`, `deepseek-r1`). */
  name: string;
  parameters: string;
  /** The weights the default tag pulls, in words. */
  weights: string;
  /** Their catalog id; null when the catalog has no architecture for them. */
  model: string | null;
  notes?: string;
}

/** The weights' precision Ollama's library tags carry when the tag names none, and what says so. */
export interface OllamaDefaultPrecision extends Sourced {
  precision: Precision;
  why: string;
}

/** How many requests an Ollama server processes at once per model when OLLAMA_NUM_PARALLEL is not set, and what says so. */
export interface OllamaDefaultParallelRequests extends Sourced {
  value: number;
  why: string;
}

/** A runtime that runs the model on the end user's own device (on-device-runtimes.json): its calls are reported, never priced. */
export interface OnDeviceRuntimeRow extends Sourced {
  /** The analyzer that reports its calls (the call's `sdk`; one of vocabulary's END_USER_DEVICE_SDKS). */
  sdk: string;
  /** What runs the model (Chrome's built-in AI, WebLLM). */
  runtime: string;
  /** The devices it runs on, as the source states them. */
  runsOn: string;
}

/** A router or gateway the code may already call through (routers.json): what a model-id change reaches there. */
export interface RouterRow extends Sourced {
  id: string;
  label: string;
  /** Provider ids the analyzers give calls through it. */
  providers: string[];
  servesVendors: string[];
  servesOpenProviders: string[];
  /** The team configures its provider keys in it: other models of the vendor it routes to are a config change. */
  sameVendorThroughConfig: boolean;
  /**
   * It hands a call to one of its partners (`servesOpenProviders`) and bills that partner's rate unchanged: a model
   * it has no price row of its own for is priced at its partners' rows (an assumption: the partner is its choice).
   */
  billsPartnerRates?: boolean;
  basis: 'cited' | 'estimate';
}

/** An agent harness an SDK runs (agent-harnesses.json): the model vendors it can run, so the only alternatives it has. */
export interface AgentHarnessRow extends Sourced {
  id: string;
  label: string;
  /** The analyzers' `sdk` ids of calls that run it. */
  sdks: string[];
  servesVendors: string[];
  why: string;
  basis: 'cited' | 'estimate';
}

/** A numeric sizing or cost assumption (reserved discount, MFU, peak factor...), editable as data. */
export interface AssumptionRow extends Sourced {
  id: string;
  value: number;
  unit: string;
  derivation: string;
}

/** A model the advice is measured against (the break-even's reference deployment), editable as data. */
export interface ReferenceModelRow extends Sourced {
  id: string;
  model: string;
  derivation: string;
}

/**
 * The models a call is priced against when the end user picks its model at run time and the code
 * offers no list (data/catalog/assumed-models.json): an assumption, labeled as one.
 */
export interface AssumedModelsRow extends Sourced {
  /** A provider id, or `*` for every provider without a row. */
  provider: string;
  /** Likely first. */
  models: string[];
  derivation: string;
  /** The endpoint the row is for (`embedding`); chat and completion calls when absent. */
  endpoint?: string;
  /**
   * Ids that name a router or a server rather than a model (`openrouter/auto`, `text-generation-webui`):
   * the router or server picks the model itself. When set, the row prices only calls that send one of
   * these ids (never calls with no model); without `models` of its own it prices them over the provider's
   * ordinary set.
   */
  forModelIds?: string[];
}

export interface Catalog {
  /** The as-of date of the price snapshot most rows come from: the date the UI shows. */
  asOf: string;
  /** The oldest as-of date of any price row (retired models priced at their last list price). */
  oldestAsOf: string;
  sources: string[];
  closed: ClosedModelRow[];
  open: OpenPriceRow[];
  architectures: ModelArchitecture[];
  gpus: GpuRow[];
  quality: QualityRow[];
  selfHostCosts: SelfHostCostRow[];
  assumptions: AssumptionRow[];
  /** Own-cloud-account hosting for regulated data (own-cloud.json); absent in small test catalogs. */
  ownCloud?: OwnCloudRow[];
  /** Routers and gateways (routers.json); absent in small test catalogs. */
  routers?: RouterRow[];
  /** Agent harnesses SDKs run (agent-harnesses.json); absent in small test catalogs. */
  agentHarnesses?: AgentHarnessRow[];
  /** Runtimes that run the model on the end user's device (on-device-runtimes.json); absent in small test catalogs. */
  onDeviceRuntimes?: OnDeviceRuntimeRow[];
  /** What bare Ollama library names pull (ollama-library.json); absent in small test catalogs. */
  ollamaLibrary?: OllamaLibraryRow[];
  /** The precision of Ollama's library tags when a tag names none (ollama-library.json); absent in small test catalogs. */
  ollamaDefaultPrecision?: OllamaDefaultPrecision;
  /** Requests an Ollama server processes at once per model by default (ollama-library.json); absent in small test catalogs. */
  ollamaDefaultParallelRequests?: OllamaDefaultParallelRequests;
  /** What Ollama's `-cloud` tags are (ollama-library.json); absent in small test catalogs. */
  ollamaCloudModels?: { why: string } & Sourced;
  referenceModels: ReferenceModelRow[];
  /** Reference sets for user-chosen models; absent in small test catalogs (then no assumed pricing). */
  assumedModels?: AssumedModelsRow[];
  /** canonical key -> model id, built once by loadCatalog. */
  index: Map<string, string>;
  /** Exact names (lower-cased ids, aliases, repo ids, provider ids) -> model id, tried before canonical keys. */
  exact: Map<string, string>;
}

/** A resolved model: a closed row, or an open-weights model with its architecture and API prices. */
export interface CatalogModel {
  id: string;
  kind: 'closed' | 'open';
  closed?: ClosedModelRow;
  arch?: ModelArchitecture;
  openPrices: OpenPriceRow[];
}

interface RowsFile<T> {
  rows: T[];
}

let cached: Catalog | undefined;

/** The three-valued capabilities a row's columns state; a column absent or null is unknown. */
export function capabilitiesFromColumns(c: Partial<CapabilityColumns>): ModelCapabilities {
  return { vision: c.supportsVision ?? null, tools: c.supportsTools ?? null, jsonSchema: c.supportsJsonSchema ?? null, contextTokens: c.contextWindow ?? null, maxOutputTokens: c.maxOutputTokens ?? null };
}

/** Legacy two-valued fields (true only when known) plus the three-valued `capabilities`. */
function withCapabilities<T extends Partial<CapabilityColumns>>(d: T) {
  const { supportsTools, supportsVision, supportsJsonSchema, contextWindow, maxOutputTokens, ...rest } = d;
  return {
    ...rest,
    supportsTools: supportsTools === true,
    supportsVision: supportsVision === true,
    supportsJsonSchema: supportsJsonSchema === true,
    ...(contextWindow != null ? { contextWindow } : {}),
    ...(maxOutputTokens != null ? { maxOutputTokens } : {}),
    capabilities: capabilitiesFromColumns({ supportsTools, supportsVision, supportsJsonSchema, contextWindow, maxOutputTokens }),
  };
}

/** A closed row from its data-file form. */
export function closedRowFromData(d: ClosedModelData): ClosedModelRow {
  return withCapabilities(d) as ClosedModelRow;
}

/** An open price row from its data-file form. */
export function openRowFromData(d: OpenPriceData): OpenPriceRow {
  return withCapabilities(d) as OpenPriceRow;
}

/** Loads (once) the bundled catalog and builds the id index. Synchronous: the JSON is inlined. */
export function loadCatalog(): Catalog {
  if (cached) return cached;
  const closed = (closedJson as unknown as RowsFile<ClosedModelData>).rows.map(closedRowFromData);
  const open = (openJson as unknown as RowsFile<OpenPriceData>).rows.map(openRowFromData);
  const architectures = (archJson as unknown as RowsFile<ModelArchitecture>).rows;
  const gpus = (gpuJson as unknown as RowsFile<GpuRow>).rows;
  const quality = (qualityJson as unknown as RowsFile<QualityRow>).rows;
  const selfHostCosts = (selfHostJson as unknown as RowsFile<SelfHostCostRow>).rows;
  const { assumptions, referenceModels } = selfHostJson as unknown as { assumptions: AssumptionRow[]; referenceModels: ReferenceModelRow[] };
  const ownCloud = (ownCloudJson as unknown as RowsFile<OwnCloudRow>).rows;
  const routers = (routersJson as unknown as RowsFile<RouterRow>).rows;
  const agentHarnesses = (agentHarnessesJson as unknown as RowsFile<AgentHarnessRow>).rows;
  const assumedModels = (assumedModelsJson as unknown as RowsFile<AssumedModelsRow>).rows;
  const ollamaLibrary = (ollamaLibraryJson as unknown as RowsFile<OllamaLibraryRow>).rows;
  const onDeviceRuntimes = (onDeviceRuntimesJson as unknown as RowsFile<OnDeviceRuntimeRow>).rows;
  const ollamaMeta = (ollamaLibraryJson as unknown as { _meta: { defaultPrecision: OllamaDefaultPrecision; defaultParallelRequests: OllamaDefaultParallelRequests; cloudModels: { why: string } & Sourced } })._meta;
  cached = buildCatalog({ closed, open, architectures, gpus, quality, selfHostCosts, assumptions, referenceModels, ownCloud, routers, agentHarnesses, assumedModels, onDeviceRuntimes, ollamaLibrary, ollamaDefaultPrecision: ollamaMeta.defaultPrecision, ollamaDefaultParallelRequests: ollamaMeta.defaultParallelRequests, ollamaCloudModels: ollamaMeta.cloudModels });
  return cached;
}

/** Assembles a catalog from rows (also used by tests to build small catalogs). */
export function buildCatalog(parts: Omit<Catalog, 'asOf' | 'oldestAsOf' | 'sources' | 'index' | 'exact'>): Catalog {
  const priced: Sourced[] = [...parts.closed, ...parts.open];
  const dates = priced.map((r) => r.asOf).filter(Boolean).sort();
  // The date most price rows were taken: the snapshot the UI shows. A few rows (retired models,
  // older GPU quotes) are older; `oldestAsOf` says how old the oldest one is.
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d, (counts.get(d) ?? 0) + 1);
  const snapshot = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0];
  const sources = new Set<string>();
  // One entry per document: rows of the same file differ only by their `; key ...` suffix.
  for (const r of [...priced, ...parts.architectures, ...parts.gpus, ...parts.gpus.flatMap((g) => g.prices), ...parts.quality, ...parts.selfHostCosts, ...(parts.ownCloud ?? []), ...(parts.routers ?? []), ...(parts.agentHarnesses ?? []), ...(parts.onDeviceRuntimes ?? []), ...(parts.ollamaLibrary ?? [])]) sources.add(r.source.split('; key')[0].trim());
  const index = new Map<string, string>();
  const exact = new Map<string, string>();
  const add = (name: string, id: string) => {
    const lower = name.trim().toLowerCase();
    if (!exact.has(lower)) exact.set(lower, id);
    const key = canonicalKey(name);
    if (!index.has(key)) index.set(key, id);
  };
  for (const row of parts.closed) {
    add(row.id, row.id);
    for (const a of row.aliases ?? []) add(a, row.id);
  }
  for (const arch of parts.architectures) {
    add(arch.id, arch.id);
    add(arch.hfRepo, arch.id);
    for (const a of arch.aliases ?? []) add(a, arch.id);
  }
  for (const row of parts.open) add(row.providerModelId, row.model);
  return { ...parts, asOf: snapshot ?? 'unknown', oldestAsOf: dates[0] ?? 'unknown', sources: [...sources], index, exact };
}

const OPEN_FAMILIES = /^(llama|qwen|mistral|mixtral|gemma|deepseek|phi|codestral|ministral|glm)/;
/** Words providers append to an open model's name that do not change which weights run (`-GGUF`: the llama.cpp file of the same weights, as local servers name it). */
const OPEN_QUALIFIERS = new Set(['instruct', 'turbo', 'versatile', 'instant', 'chat', 'it', 'hf', 'fast', 'fp8', 'fp16', 'bf16', 'awq', 'int4', 'int8', '3bit', '4bit', '6bit', '8bit', 'free', 'lite', 'reference', 'specdec', 'open', 'gguf']);

/**
 * Reduces a model id as written in code (dated snapshot, provider prefix, Bedrock or Vertex
 * decoration, Hugging Face repo, Fireworks path) to the key the catalog is indexed by.
 */
export function canonicalKey(raw: string): string {
  let s = raw.trim().toLowerCase();
  s = s.replace(/^['"`]|['"`]$/g, '');
  // Provider and org prefixes: keep only the last path segment (models/x, openai/x, accounts/fireworks/models/x).
  s = s.split('/').pop() ?? s;
  // Vertex `@20241022` version tags.
  s = s.replace(/@.*$/, '');
  // Bedrock: `us.anthropic.claude-...-v2:0`, `meta.llama3-1-70b-instruct-v1:0`.
  s = s.replace(/^(us|eu|apac|global|jp|au)\./, '').replace(/^(anthropic|meta|mistral|amazon|cohere|ai21|deepseek|qwen)\./, '');
  s = s.replace(/-v\d+:\d+$/, '');
  // Ollama size tags (`llama3.1:8b`, `qwen2.5:7b-instruct-q4_K_M`) carry the size, whatever variant follows it;
  // other `:tag`s (`:free`, `:beta`) do not.
  s = s.replace(/:(\d+(\.\d+)?b)(?:-[\w.]+)*$/, '-$1').replace(/:.*$/, '');
  // Dated snapshots and moving aliases.
  s = s.replace(/-(latest|preview|exp)$/, '');
  s = s.replace(/-\d{4}-\d{2}-\d{2}$/, '').replace(/-\d{8}$/, '').replace(/-(0\d{3}|1\d{3})$/, '').replace(/-00\d$/, '');
  s = s.replace(/-(latest|preview|exp)$/, '');
  // Claude: `claude-3.5-sonnet` (OpenRouter) and `claude-3-5-sonnet` (Anthropic) are the same model.
  if (s.startsWith('claude')) s = s.replace(/\./g, '-');
  if (OPEN_FAMILIES.test(s) || s.startsWith('meta-llama')) s = canonicalOpenName(s);
  return s;
}

function canonicalOpenName(name: string): string {
  let s = name.replace(/^meta-llama-/, 'llama-').replace(/^meta-/, '');
  s = s.replace(/^llama-?v(\d)p(\d)/, 'llama-$1.$2'); // Fireworks: llama-v3p3-70b
  s = s.replace(/^llama(\d)/, 'llama-$1').replace(/^llama-(\d)-(\d)-/, 'llama-$1.$2-'); // llama3.1 / llama3-1 (Bedrock)
  s = s.replace(/^qwen-?(\d(\.\d)?)/, 'qwen-$1').replace(/^gemma-?(\d)/, 'gemma-$1').replace(/^deepseek-v(\d)/, 'deepseek-v$1');
  const kept = s.split('-').filter((t) => !OPEN_QUALIFIERS.has(t));
  return kept.join('-');
}

/** Finds a model by any id a caller might write; undefined when it is not in the catalog. */
export function findModel(catalog: Catalog, modelId: string): CatalogModel | undefined {
  if (!modelId) return undefined;
  // Exact names first: some snapshots are different models from what their stem suggests
  // (gpt-4-1106-preview is GPT-4 Turbo, not GPT-4).
  const lower = modelId.trim().toLowerCase();
  const id = catalog.exact.get(lower) ?? catalog.exact.get(lower.split('/').pop() ?? lower) ?? catalog.index.get(canonicalKey(modelId));
  if (!id) return undefined;
  const closed = catalog.closed.find((r) => r.id === id);
  if (closed) return { id, kind: 'closed', closed, openPrices: [] };
  const arch = catalog.architectures.find((a) => a.id === id);
  const openPrices = catalog.open.filter((r) => r.model === id);
  if (!arch && openPrices.length === 0) return undefined;
  return { id, kind: 'open', arch, openPrices };
}

/**
 * findModel for a call at a known host: when the catalog sells the same closed-row id at several hosts
 * (open-weights Whisper at Groq and at Together), the row of that host, so one host's price is never
 * read as another's. Other models are found as findModel finds them.
 */
export function findModelAt(catalog: Catalog, modelId: string, provider: string): CatalogModel | undefined {
  // An Ollama cloud tag runs on Ollama's service, not on the team's server: no hardware to size, no price in the catalog.
  if (isOllamaCloudTag(catalog, modelId, provider)) return undefined;
  // On an Ollama server a bare library name is that name's default tag: `deepseek-r1` there is a 7B distill, not the 671B model.
  const library = ollamaLibraryRow(catalog, modelId, provider);
  if (library) return library.model === null ? undefined : findModel(catalog, library.model);
  const found = findModel(catalog, modelId);
  if (!found?.closed) return found;
  const host = provider.toLowerCase();
  const atHost = catalog.closed.find((r) => r.id === found.id && r.provider === host);
  return atHost && atHost !== found.closed ? { ...found, closed: atHost } : found;
}

/** A model an Ollama server names with a `-cloud` tag (`gpt-oss:120b-cloud`): one Ollama runs on its own cloud service. */
export function isOllamaCloudTag(catalog: Catalog, modelId: string, provider: string): boolean {
  return isOllamaServer(provider) && catalog.ollamaCloudModels !== undefined && /:(?:[\w.]+-)?cloud$/i.test(modelId.trim());
}

/** The library row of a bare Ollama model name (`llama3.1`, `gemma3:latest`) a call to an Ollama server names; undefined otherwise. */
export function ollamaLibraryRow(catalog: Catalog, modelId: string, provider: string): OllamaLibraryRow | undefined {
  if (!isOllamaServer(provider)) return undefined;
  const name = modelId.trim().toLowerCase().replace(/^ollama\//, '').replace(/:latest$/, '');
  return catalog.ollamaLibrary?.find((row) => row.name === name);
}

/** A tag naming its weights' precision (`llama3.1:8b-instruct-q8_0`, `gemma3:27b-it-fp16`): what the sizer plans it at, or null for one it has no precision for (q5, q6). */
const OLLAMA_TAG_PRECISIONS: ReadonlyArray<[RegExp, Precision | null]> = [
  [/(?:^|[-_])bf16(?:$|[-_])/, 'bf16'],
  [/(?:^|[-_])f(?:p)?16(?:$|[-_])/, 'fp16'],
  [/(?:^|[-_])q8(?:_\w+)?(?:$|-)/, 'int8'],
  [/(?:^|[-_])q4(?:_\w+)?(?:$|-)/, 'int4'],
  [/(?:^|[-_])(?:q[2356](?:_\w+)?|fp32|f32|iq\d\w*)(?:$|-)/, null],
];

/**
 * The precision a team's Ollama server runs a model at: the one its tag names (`-q8_0` is int8), else the
 * library's default for generative models (4-bit: ollama-library.json's defaultPrecision, with what says so;
 * `fromTag` false). Undefined for other servers, and for a tag naming a precision the sizer does not plan with.
 */
export function ollamaTagPrecision(catalog: Catalog, modelId: string, provider: string): { precision: Precision; why: string; fromTag: boolean } | undefined {
  if (!isOllamaServer(provider) || !catalog.ollamaDefaultPrecision) return undefined;
  const tag = modelId.trim().toLowerCase().split(':')[1] ?? '';
  for (const [pattern, precision] of OLLAMA_TAG_PRECISIONS) {
    if (pattern.test(tag)) return precision ? { precision, why: `the tag \`${tag}\` names ${precision} weights`, fromTag: true } : undefined;
  }
  const library = catalog.ollamaDefaultPrecision;
  return { precision: library.precision, why: `${library.why} (${library.source})`, fromTag: false };
}

/** The architecture row for an open model id or alias. */
export function findArchitecture(catalog: Catalog, modelId: string): ModelArchitecture | undefined {
  return findModel(catalog, modelId)?.arch;
}

/**
 * What a model accepts, three-valued (null = unknown, never read as "no"). For a closed model, its
 * row (with `provider`, that host's row, as findModelAt finds it for pricing). For an open model without `provider`, the model itself (architecture row); with `provider`,
 * that provider's endpoint: the row whose provider id matches `modelId`, else the provider's first
 * row, with what the model itself cannot do (no vision in the weights) overriding the provider's
 * unknowns. Undefined when the model, or the provider for it, is not in the catalog.
 */
export function capabilitiesOf(catalog: Catalog, modelId: string, provider?: string): ModelCapabilities | undefined {
  // Asked for every open row of every priced call: looked up once per catalog, model and provider (callers copy, never change, the answer).
  let known = capabilitiesByModel.get(catalog);
  if (!known) capabilitiesByModel.set(catalog, (known = new Map()));
  const key = `${modelId}\u0000${provider ?? ''}`;
  if (known.has(key)) return known.get(key);
  const answer = capabilitiesOfUncached(catalog, modelId, provider);
  known.set(key, answer);
  return answer;
}

const capabilitiesByModel = new WeakMap<Catalog, Map<string, ModelCapabilities | undefined>>();

function capabilitiesOfUncached(catalog: Catalog, modelId: string, provider?: string): ModelCapabilities | undefined {
  // The same lookup the advisor prices with: at a known host, that host's row of a model several hosts sell.
  const m = provider ? findModelAt(catalog, modelId, provider) : findModel(catalog, modelId);
  if (!m) return undefined;
  if (m.closed) return provider && provider.toLowerCase() !== m.closed.provider && provider.toLowerCase() !== m.closed.vendor ? undefined : m.closed.capabilities;
  const arch = m.arch;
  const model: ModelCapabilities | undefined = arch
    ? { vision: arch.supportsVision, tools: arch.supportsTools, jsonSchema: arch.supportsJsonSchema ?? null, contextTokens: arch.contextWindow, maxOutputTokens: arch.maxOutputTokens ?? null }
    : undefined;
  if (!provider) return model;
  const p = provider.toLowerCase();
  const rows = m.openPrices.filter((r) => r.provider.toLowerCase() === p);
  const row = rows.find((r) => r.providerModelId.toLowerCase() === modelId.trim().toLowerCase()) ?? rows[0];
  if (!row) return undefined;
  const c = row.capabilities;
  const flag = (own: Known<boolean>, weights: Known<boolean> | undefined) => (weights === false ? false : own);
  return {
    vision: flag(c.vision, model?.vision),
    tools: flag(c.tools, model?.tools),
    jsonSchema: c.jsonSchema,
    contextTokens: c.contextTokens !== null && model?.contextTokens ? Math.min(c.contextTokens, model.contextTokens) : c.contextTokens,
    maxOutputTokens: c.maxOutputTokens,
  };
}

/**
 * Whether a model writes hidden reasoning tokens before its answer by default: what its catalog row says (a
 * closed row, or an open model's architecture row), else what its name says. One answer for the estimate of
 * today's call and for every alternative the advisor prices, so a reasoning model is never priced as one
 * when the code calls it and as a plain chat model when it is proposed.
 */
export function billsReasoningTokens(catalog: Catalog, modelId: string | null, provider?: string): boolean {
  if (!modelId) return false;
  // Asked for today's model of every open and self-hosted option priced: looked up once per catalog, model and provider, as capabilitiesOf is.
  let known = reasoningByModel.get(catalog);
  if (!known) reasoningByModel.set(catalog, (known = new Map()));
  const key = `${modelId}\u0000${provider ?? ''}`;
  let answer = known.get(key);
  if (answer === undefined) {
    const model = provider ? findModelAt(catalog, modelId, provider) : findModel(catalog, modelId);
    known.set(key, (answer = rowBillsReasoningTokens(model?.closed?.billsReasoningTokens ?? model?.arch?.billsReasoningTokens, modelId)));
  }
  return answer;
}

const reasoningByModel = new WeakMap<Catalog, Map<string, boolean>>();

/** A row's own flag (true or false), else its name: rows whose flag the price file leaves unknown (null) are read by their id. */
export function rowBillsReasoningTokens(flag: boolean | null | undefined, modelId: string): boolean {
  return flag ?? nameSaysReasoning(modelId);
}

/**
 * Names of models that reason by default: OpenAI's o-series and gpt-5 (not gpt-5-chat), DeepSeek's R1 and
 * `deepseek-reasoner`, QwQ, and the `-thinking` variants (OpenAI reasoning guide; the vendors' model cards).
 */
function nameSaysReasoning(modelId: string): boolean {
  const id = modelId.toLowerCase().replace(/^[\w-]+\//, '');
  return /^(o1|o3|o4)(-|$)/.test(id) || /^gpt-5(?!-chat)/.test(id) || /deepseek-r1|reasoner|qwq|thinking/.test(id);
}

/** Today as YYYY-MM-DD (UTC). */
export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * True when a closed or open row is retired, or its vendor's deprecation date is on or before `today`
 * (YYYY-MM-DD): such a row must not be recommended, and code calling it needs a migration.
 */
export function isPastDeprecation(row: { retired?: boolean; deprecationDate?: string }, today: string = isoToday()): boolean {
  return row.retired === true || (row.deprecationDate !== undefined && row.deprecationDate <= today);
}

/** The value of a named assumption from self-host-costs.json. A missing row is a broken data file, not a reason to guess. */
export function assumption(catalog: Catalog, id: string): number {
  const row = catalog.assumptions.find((a) => a.id === id);
  if (!row) throw new Error(`data/catalog/self-host-costs.json has no assumption "${id}"`);
  return row.value;
}

/** The model id of a named reference model from self-host-costs.json (e.g. the break-even's 70B deployment). */
export function referenceModel(catalog: Catalog, id: string): string {
  const row = catalog.referenceModels.find((r) => r.id === id);
  if (!row) throw new Error(`data/catalog/self-host-costs.json has no reference model "${id}"`);
  return row.model;
}


/** The provider name of the assumed-models row for every local server (see isLocalServer). */
export const LOCAL_SERVER_ROW = 'local-server';

/** Re-exported: core's callers ask the catalog which providers are the team's own servers. */
export { isLocalServer };

/** Endpoints a chat model's price fits: the rows without an endpoint serve only these. */
const CHAT_LIKE_ENDPOINTS = new Set(['chat', 'completion', 'batch']);

/**
 * The assumed reference set for a provider and endpoint (its own row, else the local-server row for a
 * server the team runs, else the `*` row), or undefined when the catalog has none. Rows without an
 * endpoint serve chat, completion and batch calls; any other endpoint takes a row for that endpoint
 * only (a chat model cannot price an embedding, an image or a transcription).
 */
export function assumedModelsFor(catalog: Catalog, provider: string, endpoint?: string): AssumedModelsRow | undefined {
  return rowForProvider(rowsForEndpoint(catalog, endpoint).filter((row) => !row.forModelIds), provider);
}

/**
 * The row for a call that sends an id naming its router or server rather than a model
 * (`openrouter/auto` at OpenRouter, `text-generation-webui` at a local server), or undefined when the
 * id is an ordinary model id. Same provider fallback as assumedModelsFor.
 */
export function placeholderModelsFor(catalog: Catalog, provider: string, modelId: string, endpoint?: string): AssumedModelsRow | undefined {
  const key = modelId.trim().toLowerCase();
  return rowForProvider(rowsForEndpoint(catalog, endpoint).filter((row) => row.forModelIds?.some((id) => id.toLowerCase() === key)), provider);
}

function rowsForEndpoint(catalog: Catalog, endpoint: string | undefined): AssumedModelsRow[] {
  const chatLike = endpoint === undefined || CHAT_LIKE_ENDPOINTS.has(endpoint);
  return (catalog.assumedModels ?? []).filter((row) => (chatLike ? row.endpoint === undefined : row.endpoint === endpoint));
}

/** The provider's own row, else the local-server row for a server the team runs, else the `*` row. */
function rowForProvider(rows: AssumedModelsRow[], provider: string): AssumedModelsRow | undefined {
  return rows.find((row) => row.provider === provider) ?? (isLocalServer(provider) ? rows.find((row) => row.provider === LOCAL_SERVER_ROW) : undefined) ?? rows.find((row) => row.provider === '*');
}

/** A GPU by short id (`h100-80gb`) or alias. */
export function findGpu(catalog: Catalog, gpuId: string): GpuRow | undefined {
  const key = gpuId.trim().toLowerCase();
  return catalog.gpus.find((g) => g.id === key || (g.aliases ?? []).some((a) => a.toLowerCase() === key));
}

/**
 * Whether a catalog model id is sold for this kind of call (an embedding model for an embedding call,
 * a chat model for chat, completion and batch calls), so "did you mean" never offers a chat model for
 * an embedding. Ids with no price row (architectures only) count as chat models.
 */
export function servesEndpoint(catalog: Catalog, id: string, endpoint: string | undefined): boolean {
  const wanted = endpoint === undefined || CHAT_LIKE_ENDPOINTS.has(endpoint) ? 'chat' : endpoint;
  const closed = catalog.closed.filter((row) => row.id === id);
  const open = catalog.open.filter((row) => row.model === id);
  if (closed.length === 0 && open.length === 0) return wanted === 'chat';
  return closed.some((row) => row.endpoint === wanted) || open.some((row) => (row.endpoint ?? 'chat') === wanted);
}

/** Up to `limit` catalog ids closest to an unknown id, for "did you mean" diagnostics. */
export function nearestModels(catalog: Catalog, modelId: string, limit = 3, keep: (id: string) => boolean = () => true): string[] {
  const nearest: string[] = [];
  for (const id of idsByDistance(catalog, canonicalKey(modelId))) {
    if (nearest.length >= limit) break;
    if (keep(id)) nearest.push(id);
  }
  return nearest;
}

/**
 * Every catalog id, closest to `key` first (edit distance of canonical keys, then id): asked for each
 * unpriced call, often for the same unknown id, so worked out once per catalog and key (with each
 * id's canonical key once per catalog).
 */
function idsByDistance(catalog: Catalog, key: string): readonly string[] {
  let known = nearestIndex.get(catalog);
  if (!known) nearestIndex.set(catalog, (known = { keys: [...new Set(catalog.index.values())].map((id) => ({ id, key: canonicalKey(id) })), ranked: new Map() }));
  let ranked = known.ranked.get(key);
  if (!ranked) {
    ranked = known.keys
      .map(({ id, key: idKey }) => ({ id, d: editDistance(key, idKey) }))
      .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
      .map((x) => x.id);
    known.ranked.set(key, ranked);
  }
  return ranked;
}

const nearestIndex = new WeakMap<Catalog, { keys: Array<{ id: string; key: string }>; ranked: Map<string, string[]> }>();

