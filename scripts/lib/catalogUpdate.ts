/**
 * Regenerates the catalog's API price rows from a copy of LiteLLM's
 * `model_prices_and_context_window.json` (and optionally OpenRouter's `/api/v1/models` listing),
 * following the key map in data/catalog/price-sources.json. Pure: the CLI (scripts/catalog-update.ts)
 * reads and writes the files; this module only computes the new rows and what changed, so a price
 * refresh is a reviewed diff instead of hand edits.
 */
import type { ClosedModelData, ModelClass, OpenPriceData } from '../../src/core/catalog/catalog';

/** One entry of LiteLLM's price file (only the fields this script reads). Costs are USD per token. */
export interface LiteLlmEntry {
  litellm_provider?: string;
  mode?: string;
  input_cost_per_token?: number;
  output_cost_per_token?: number;
  cache_read_input_token_cost?: number;
  input_cost_per_token_batches?: number;
  output_cost_per_token_batches?: number;
  max_input_tokens?: number;
  max_output_tokens?: number;
  max_tokens?: number;
  supports_function_calling?: boolean;
  supports_vision?: boolean;
  supports_response_schema?: boolean;
  deprecation_date?: string;
  /** Non-token units: audio transcription per second, image generation per image, speech per character. */
  input_cost_per_second?: number;
  output_cost_per_image?: number;
  input_cost_per_image?: number;
  input_cost_per_character?: number;
  input_cost_per_query?: number;
}

/** One model of OpenRouter's `/api/v1/models` answer (`{ data: [...] }`). Prices are USD per token, as strings. */
export interface OpenRouterModel {
  id: string;
  context_length?: number;
  pricing?: { prompt?: string; completion?: string; input_cache_read?: string };
  supported_parameters?: string[];
  architecture?: { input_modalities?: string[] };
  top_provider?: { max_completion_tokens?: number | null; context_length?: number | null };
}

/** A value of the price file known to be wrong (facts NOTES.md): the whole entry, or only some fields, is ignored. */
export interface Exclusion {
  /** Regular expression over the LiteLLM key. */
  pattern: string;
  reason: string;
  /** Only these LiteLLM fields are dropped; without it the whole entry is. */
  fields?: string[];
  /** The entry may not price these catalog models (deepseek-chat is V3.2, not V3). */
  forbidModels?: string[];
}

export interface ClosedKey {
  key: string;
  id: string;
  vendor: string;
  provider: string;
  class: ModelClass;
  endpoint?: ClosedModelData['endpoint'];
  /** `secondary`: the entry is read from the second price file (a filtered LiteLLM-format copy with entries of its own), not the LiteLLM file. */
  from?: 'secondary';
  /** Curated fields (aliases, unverified, billsReasoningTokens...) set only when the row is first created. */
  extra?: Partial<ClosedModelData>;
}

export interface OpenKey {
  key: string;
  model: string;
  provider: string;
  providerModelId: string;
  endpoint?: 'chat' | 'embedding' | 'rerank';
  extra?: Partial<OpenPriceData>;
}

export interface PriceSources {
  exclusions: Exclusion[];
  closed: ClosedKey[];
  open: OpenKey[];
}

export interface UpdateInput {
  litellm: Record<string, unknown>;
  openRouter?: { data: OpenRouterModel[] };
  sources: PriceSources;
  closed: ClosedModelData[];
  open: OpenPriceData[];
  /** Date the price file was taken (YYYY-MM-DD): every regenerated row's asOf. */
  asOf: string;
  /** How the price file is cited in each row's source, e.g. "BerriAI/litellm @abc123 (2026-11-28)". */
  sourceLabel: string;
  openRouterAsOf?: string;
  openRouterLabel?: string;
  /** Run date (YYYY-MM-DD): rows whose deprecation date is on or before it are flagged. */
  today: string;
  /** A second LiteLLM-format price file for the map entries marked `from: "secondary"`, with how rows cite it and its date. */
  secondary?: { prices: Record<string, unknown>; sourceLabel: string; asOf: string };
}

export interface RowChange {
  kind: 'closed' | 'open';
  label: string;
  /** field: [old, new] for changed rows. */
  fields?: Record<string, [unknown, unknown]>;
  reason?: string;
}

export interface UpdateResult {
  closed: ClosedModelData[];
  open: OpenPriceData[];
  added: RowChange[];
  removed: RowChange[];
  changed: RowChange[];
  /** Entries of the map skipped: excluded as known-wrong, absent from the file, or without a price. */
  skipped: RowChange[];
}

const PER_MTOK = 1e6;
/** Fields this script owns on a row; everything else (class, aliases, notes...) is curated by hand and kept. */
const PRICE_FIELDS = ['perMinuteUsd', 'perImageUsd', 'perMillionCharsUsd', 'perSearchUsd', 'inputPerMTok', 'outputPerMTok', 'cachedInputPerMTok', 'batchInputPerMTok', 'batchOutputPerMTok', 'longContextThreshold', 'inputPerMTokLong', 'outputPerMTokLong', 'contextWindow', 'maxOutputTokens', 'supportsTools', 'supportsVision', 'supportsJsonSchema', 'deprecationDate', 'deprecationSource', 'retired'] as const;
const CAPABILITY_FIELDS = new Set<string>(['supportsTools', 'supportsVision', 'supportsJsonSchema', 'contextWindow', 'maxOutputTokens']);
/** A vendor date curated by hand (with its source) is kept while the price file says nothing about it. */
const DATE_FIELDS = new Set<string>(['deprecationDate', 'deprecationSource']);
/** A per-token price above this is a unit error in the file (wandb's are ~1e4 $/Mtok), not a price. */
const IMPLAUSIBLE_USD_PER_MTOK = 1000;

/** USD per token → USD per million tokens, rounded to hide float noise (2.5e-06 × 1e6 = 2.4999999999999996). */
export function perMTok(perToken: number | string | undefined): number | undefined {
  const n = typeof perToken === 'string' ? Number(perToken) : perToken;
  if (n === undefined || !Number.isFinite(n)) return undefined;
  return Math.round(n * PER_MTOK * 1e6) / 1e6;
}

/** An optional price (cache, batch, long context): 0 in a price file means "not given", never free. */
function optionalPrice(perToken: number | string | undefined): number | undefined {
  const v = perMTok(perToken);
  return v !== undefined && v > 0 ? v : undefined;
}

/** A per-unit price scaled to the catalog's unit (per second → per minute, per character → per million); 0 or absent is unknown. */
function unitPrice(perUnit: number | undefined, scale: number): number | undefined {
  if (perUnit === undefined || !Number.isFinite(perUnit) || perUnit <= 0) return undefined;
  return Math.round(perUnit * scale * 1e9) / 1e9;
}

/** The unit a media endpoint is billed in, for the "no price" reason. */
const MEDIA_UNIT: Partial<Record<string, { field: 'perMinuteUsd' | 'perImageUsd' | 'perMillionCharsUsd' | 'perSearchUsd'; what: string }>> = {
  rerank: { field: 'perSearchUsd', what: 'no per-search (per-query) price' },
  'audio-transcription': { field: 'perMinuteUsd', what: 'no per-second audio price' },
  'image-generation': { field: 'perImageUsd', what: 'no per-image price' },
  'audio-speech': { field: 'perMillionCharsUsd', what: 'no per-character price' },
};

/** Key of the LiteLLM entry a row was built from: `priceKey`, or the `; key X` suffix older rows carry in `source`. */
export function priceKeyOf(row: { priceKey?: string; source: string }): string | undefined {
  return row.priceKey ?? /; key (\S+)\s*$/.exec(row.source)?.[1];
}

function compiled(sources: PriceSources): Array<Exclusion & { re: RegExp }> {
  return sources.exclusions.map((e) => ({ ...e, re: new RegExp(e.pattern) }));
}

/** The entry with known-wrong fields removed, or the reason it is excluded whole. */
function cleanEntry(key: string, raw: unknown, model: string, exclusions: Array<Exclusion & { re: RegExp }>): { entry: LiteLlmEntry } | { reason: string } {
  if (raw === null || typeof raw !== 'object') return { reason: `${key}: not an object in the price file` };
  const entry = { ...(raw as LiteLlmEntry) } as Record<string, unknown>;
  for (const ex of exclusions) {
    if (!ex.re.test(key)) continue;
    if (ex.forbidModels) {
      if (ex.forbidModels.includes(model)) return { reason: `${key}: ${ex.reason}` };
      continue;
    }
    if (!ex.fields) return { reason: `${key}: ${ex.reason}` };
    for (const f of ex.fields) delete entry[f];
  }
  return { entry: entry as LiteLlmEntry };
}

/** Why an entry's own numbers cannot be used as a price (missing, zero or a unit error), or undefined. */
function priceProblem(input: number | undefined, output: number | undefined, endpoint: string): string | undefined {
  if (input === undefined || input <= 0) return 'no input price (absent or 0: unknown, never $0)';
  if (endpoint === 'chat' && (output === undefined || output <= 0)) return 'no output price (absent or 0)';
  if (input > IMPLAUSIBLE_USD_PER_MTOK || (output ?? 0) > IMPLAUSIBLE_USD_PER_MTOK) return `implausible price ${input}/${output} USD per Mtok (unit error)`;
  return undefined;
}

/** Fields read from a LiteLLM entry; a flag the file does not state stays undefined (the curated value is kept). */
function fromLiteLlm(e: LiteLlmEntry): Partial<ClosedModelData> {
  const out: Partial<ClosedModelData> = {
    inputPerMTok: perMTok(e.input_cost_per_token),
    outputPerMTok: perMTok(e.output_cost_per_token),
    cachedInputPerMTok: optionalPrice(e.cache_read_input_token_cost),
    batchInputPerMTok: optionalPrice(e.input_cost_per_token_batches),
    batchOutputPerMTok: optionalPrice(e.output_cost_per_token_batches),
    contextWindow: e.max_input_tokens ?? e.max_tokens,
    maxOutputTokens: e.max_output_tokens,
    supportsTools: e.supports_function_calling,
    supportsVision: e.supports_vision,
    supportsJsonSchema: e.supports_response_schema,
    deprecationDate: e.deprecation_date,
    perMinuteUsd: unitPrice(e.input_cost_per_second, 60),
    perImageUsd: unitPrice(e.output_cost_per_image ?? e.input_cost_per_image, 1),
    perMillionCharsUsd: unitPrice(e.input_cost_per_character, PER_MTOK),
    perSearchUsd: unitPrice(e.input_cost_per_query, 1),
  };
  // Tiered long-context prices: `input_cost_per_token_above_200k_tokens`, `..._above_272k_tokens`.
  const raw = e as Record<string, unknown>;
  const tier = Object.keys(raw)
    .map((k) => /^input_cost_per_token_above_(\d+)k_tokens$/.exec(k))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((x, y) => Number(x[1]) - Number(y[1]))[0];
  if (tier) {
    out.longContextThreshold = Number(tier[1]) * 1000;
    out.inputPerMTokLong = optionalPrice(raw[tier[0]] as number);
    out.outputPerMTokLong = optionalPrice(raw[`output_cost_per_token_above_${tier[1]}k_tokens`] as number | undefined);
  }
  return out;
}

function fromOpenRouter(m: OpenRouterModel): Partial<OpenPriceData> {
  const params = m.supported_parameters;
  return {
    inputPerMTok: perMTok(m.pricing?.prompt),
    outputPerMTok: perMTok(m.pricing?.completion),
    cachedInputPerMTok: optionalPrice(m.pricing?.input_cache_read),
    contextWindow: m.top_provider?.context_length ?? m.context_length,
    maxOutputTokens: m.top_provider?.max_completion_tokens ?? undefined,
    supportsTools: params ? params.includes('tools') : undefined,
    supportsJsonSchema: params ? params.includes('structured_outputs') : undefined,
    supportsVision: m.architecture?.input_modalities ? m.architecture.input_modalities.includes('image') : undefined,
  };
}

/**
 * Merges regenerated fields into a row: every owned field is replaced (a price the file no longer
 * gives disappears), except capability flags and context sizes the file does not state, which keep
 * their curated value (or null: unknown).
 */
function merge<T extends object>(base: T | undefined, identity: Partial<T>, fresh: Record<string, unknown>, today: string): T {
  const before = (base ?? {}) as Record<string, unknown>;
  const row: Record<string, unknown> = { ...before, ...identity };
  for (const f of PRICE_FIELDS) {
    if (f === 'retired') continue;
    const v = fresh[f];
    if (v !== undefined) row[f] = v;
    else if (CAPABILITY_FIELDS.has(f)) row[f] = row[f] ?? null;
    else if (!DATE_FIELDS.has(f) || fresh.deprecationDate !== undefined) delete row[f];
  }
  // Past its deprecation date (from the file), or flagged retired by hand (no date to go by).
  const dep = row.deprecationDate as string | undefined;
  const handRetired = before.retired === true && !before.deprecationDate;
  if ((dep && dep <= today) || handRetired) row.retired = true;
  else delete row.retired;
  for (const [k, v] of Object.entries(row)) if (v === undefined) delete row[k];
  return row as T;
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of PRICE_FIELDS) if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) out[f] = [before[f], after[f]];
  return out;
}

/** A new row's price as the change list shows it, in the unit it is billed in. */
function priceSummary(row: ClosedModelData): string {
  if (row.perMinuteUsd !== undefined) return `${row.perMinuteUsd} USD per audio minute`;
  if (row.perImageUsd !== undefined) return `${row.perImageUsd} USD per image`;
  if (row.perMillionCharsUsd !== undefined) return `${row.perMillionCharsUsd} USD per million characters`;
  if (row.perSearchUsd !== undefined) return `${row.perSearchUsd} USD per search`;
  return `${row.inputPerMTok}/${row.outputPerMTok} USD per Mtok`;
}

const closedLabel = (r: { id: string; provider: string }) => `${r.id} (${r.provider})`;
const openLabel = (r: { model: string; provider: string; providerModelId: string }) => `${r.model} via ${r.provider} ${r.providerModelId}`;

/** Computes the regenerated closed and open rows and the change list. */
export function updatePriceRows(input: UpdateInput): UpdateResult {
  const exclusions = compiled(input.sources);
  const result: UpdateResult = { closed: [], open: [], added: [], removed: [], changed: [], skipped: [] };
  const orById = new Map((input.openRouter?.data ?? []).map((m) => [m.id, m]));
  const source = (key: string) => `LiteLLM model_prices_and_context_window.json, ${input.sourceLabel}; key ${key}`;

  // Closed rows: one per mapped key; hand rows (no key in the map) are kept as they are.
  // A row belongs to a map entry by its key, or (when the map moved to another key of the same model) by its id.
  const closedOwner = new Map<ClosedModelData, ClosedKey>();
  for (const r of input.closed) {
    const k = priceKeyOf(r);
    const m = input.sources.closed.find((c) => c.key === k && c.id === r.id) ?? (k ? input.sources.closed.find((c) => c.id === r.id && c.provider === r.provider) : undefined);
    if (m) closedOwner.set(r, m);
    else result.closed.push(r);
  }
  for (const m of input.sources.closed) {
    const old = [...closedOwner].find(([, o]) => o === m)?.[0];
    const label = closedLabel(m);
    const fromSecondary = m.from === 'secondary';
    const prices = fromSecondary ? input.secondary?.prices : input.litellm;
    const cleaned = !prices ? { reason: `${m.key}: read from the second price file, which was not given` } : m.key in prices ? cleanEntry(m.key, prices[m.key], m.id, exclusions) : { reason: `${m.key}: not in the price file` };
    const endpoint = m.endpoint ?? old?.endpoint ?? 'chat';
    let fresh: Partial<ClosedModelData> | undefined;
    let why = 'reason' in cleaned ? cleaned.reason : undefined;
    if ('entry' in cleaned) {
      fresh = fromLiteLlm(cleaned.entry);
      if (fresh.deprecationDate) fresh.deprecationSource = `LiteLLM deprecation_date, ${input.sourceLabel}`;
      if (endpoint === 'chat' || endpoint === 'embedding') why = priceProblem(fresh.inputPerMTok, fresh.outputPerMTok, endpoint);
      const media = MEDIA_UNIT[endpoint];
      // Only the unit this endpoint is billed in (an embedding entry may also list a per-image price for image input).
      for (const unit of Object.values(MEDIA_UNIT)) if (unit && unit !== media) delete fresh[unit.field];
      if (media && fresh[media.field] === undefined) why = `${m.key}: ${media.what} (absent or 0: unknown, never $0)`;
      // A per-unit endpoint's token prices of 0 mean "not billed per token", not a free token price.
      if (media && !fresh.inputPerMTok) delete fresh.inputPerMTok;
      if (media && !fresh.outputPerMTok) delete fresh.outputPerMTok;
    }
    if (!fresh || why) {
      // A run without the second file leaves its rows as they are.
      if (fromSecondary && !input.secondary && old) {
        result.closed.push(old);
        result.skipped.push({ kind: 'closed', label, reason: `${why}; kept as it is` });
      } else if (old?.retired) {
        // A retired model keeps its last list price so code that still calls it can be priced.
        result.closed.push(old);
        result.skipped.push({ kind: 'closed', label, reason: `${why}; kept (retired, last list price)` });
      } else if (old) result.removed.push({ kind: 'closed', label, reason: why });
      else result.skipped.push({ kind: 'closed', label, reason: why });
      continue;
    }
    if (endpoint === 'embedding') fresh.outputPerMTok = fresh.outputPerMTok ?? 0;
    const identity: Partial<ClosedModelData> = { ...(old ? {} : m.extra), id: m.id, vendor: m.vendor, provider: m.provider, endpoint, class: m.class, priceKey: m.key, source: fromSecondary && input.secondary ? `${input.secondary.sourceLabel}; key ${m.key}` : source(m.key), asOf: fromSecondary && input.secondary ? input.secondary.asOf : input.asOf };
    const row = merge<ClosedModelData>(old, identity, fresh as Record<string, unknown>, input.today);
    result.closed.push(row);
    if (!old) result.added.push({ kind: 'closed', label, reason: priceSummary(row) });
    else {
      const fields = diff(old as unknown as Record<string, unknown>, row as unknown as Record<string, unknown>);
      if (Object.keys(fields).length) result.changed.push({ kind: 'closed', label, fields });
    }
  }

  // Open rows: same, keyed by the LiteLLM key; OpenRouter's own listing wins for openrouter rows.
  const openOwner = new Map<OpenPriceData, OpenKey>();
  for (const r of input.open) {
    const k = priceKeyOf(r);
    // One key may price several models (deepseek-chat: V3.2, forbidden for V3): the model decides which entry owns the row.
    const m = input.sources.open.find((o) => o.key === k && o.model === r.model) ?? (k ? input.sources.open.find((o) => o.provider === r.provider && o.providerModelId === r.providerModelId && o.model === r.model) : undefined);
    if (m) openOwner.set(r, m);
    else result.open.push(r);
  }
  for (const m of input.sources.open) {
    const old = [...openOwner].find(([, o]) => o === m)?.[0];
    const label = openLabel(m);
    const endpoint = m.endpoint ?? 'chat';
    const orModel = m.provider === 'openrouter' ? orById.get(m.providerModelId) : undefined;
    let fresh: Partial<OpenPriceData> | undefined;
    let why: string | undefined;
    let rowSource = source(m.key);
    let rowAsOf = input.asOf;
    // An exclusion applies whichever file the price comes from.
    const cleaned = m.key in input.litellm ? cleanEntry(m.key, input.litellm[m.key], m.model, exclusions) : undefined;
    if (cleaned && 'reason' in cleaned) why = cleaned.reason;
    else if (orModel && input.openRouter) {
      fresh = fromOpenRouter(orModel);
      rowSource = `OpenRouter /api/v1/models, ${input.openRouterLabel ?? 'copy given to catalog:update'}; id ${m.providerModelId}`;
      rowAsOf = input.openRouterAsOf ?? input.asOf;
    } else if (cleaned && 'entry' in cleaned) {
      // Open rows are priced per token only.
      const all = fromLiteLlm(cleaned.entry);
      for (const unit of Object.values(MEDIA_UNIT)) if (unit) delete all[unit.field];
      fresh = all as Partial<OpenPriceData>;
    }
    else why = `${m.key}: not in the price file`;
    if (fresh && !why) why = priceProblem(fresh.inputPerMTok, endpoint === 'chat' ? fresh.outputPerMTok : 1, endpoint);
    if (fresh && !why && fresh.deprecationDate && fresh.deprecationDate <= input.today) why = `${m.key}: past its deprecation date ${fresh.deprecationDate}`;
    if (!fresh || why) {
      if (old) result.removed.push({ kind: 'open', label, reason: why });
      else result.skipped.push({ kind: 'open', label, reason: why });
      continue;
    }
    if (endpoint !== 'chat') fresh.outputPerMTok = fresh.outputPerMTok ?? 0;
    const identity: Partial<OpenPriceData> = { ...(old ? {} : m.extra), model: m.model, provider: m.provider, providerModelId: m.providerModelId, ...(endpoint === 'chat' ? {} : { endpoint }), priceKey: m.key, source: rowSource, asOf: rowAsOf };
    const row = merge<OpenPriceData>(old, identity, fresh as Record<string, unknown>, input.today);
    delete (row as { retired?: boolean }).retired;
    result.open.push(row);
    if (!old) result.added.push({ kind: 'open', label, reason: `${row.inputPerMTok}/${row.outputPerMTok} USD per Mtok` });
    else {
      const fields = diff(old as unknown as Record<string, unknown>, row as unknown as Record<string, unknown>);
      if (Object.keys(fields).length) result.changed.push({ kind: 'open', label, fields });
    }
  }
  return result;
}

/** The change list as the CLI prints it: one line per row, grouped. */
export function formatChanges(r: UpdateResult): string {
  const lines: string[] = [];
  const fmt = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));
  const section = (title: string, rows: RowChange[], render: (c: RowChange) => string) => {
    lines.push(`${title} (${rows.length})`);
    for (const c of rows) lines.push(`  ${render(c)}`);
  };
  section('added', r.added, (c) => `+ [${c.kind}] ${c.label}: ${c.reason ?? ''}`);
  section('removed', r.removed, (c) => `- [${c.kind}] ${c.label}: ${c.reason ?? ''}`);
  section('changed', r.changed, (c) => `~ [${c.kind}] ${c.label}: ${Object.entries(c.fields ?? {}).map(([f, [a, b]]) => `${f} ${fmt(a)} → ${fmt(b)}`).join(', ')}`);
  section('skipped', r.skipped, (c) => `. [${c.kind}] ${c.label}: ${c.reason ?? ''}`);
  return lines.join('\n');
}
