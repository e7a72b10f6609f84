/**
 * The workspace usage file `llm-usage.yml` (the idea of Infracost's usage file): real call volumes,
 * task types and hole sizes per call site, function or file glob. Parsing keeps every valid entry
 * and reports each bad one with its line; volume resolution says where each number came from.
 * Schema and examples: docs/usage-file.md.
 */
import { LineCounter, isAlias, isMap, isScalar, parseDocument, type Document, type Node as YamlNode, type Pair, type Scalar } from 'yaml';
import { parseModelId, parseRate, parseTaskType } from '../estimate/annotations';
import type { CallAnnotation, TaskType, VolumeEstimate } from '../../model/types';
import { BUILTIN_CALLS_PER_MONTH, USAGE_FILE_NAME } from '../../model/vocabulary';
import { formatCount } from '../../model/format';
import { matchesGlob } from './glob';

export { globToRegExp, matchesGlob } from './glob';

/** Settings for one call site, function or file glob. */
export interface UsageEntry {
  callsPerMonth?: number;
  task?: TaskType;
  /** The model the call sends, for calls whose model the code does not state (`model: gpt-4o-mini`). */
  model?: string;
  /** Tokens per hole, keyed by hole kind (`rag-context`) or hole expression (`history`). */
  holeTokens?: Record<string, number>;
  /** 1-based line of the entry in the usage file, for messages. */
  line?: number;
}

export interface UsageFile {
  version: 1;
  defaults?: UsageEntry;
  /** Keyed by call site id as shown in the JSON result (`src/a.ts#summarize:chat.completions.create`). */
  callSites?: Record<string, UsageEntry>;
  /** Keyed by glob over scan-root-relative POSIX paths (`src/support/**`, `*.worker.ts`). */
  files?: Record<string, UsageEntry>;
  /** Keyed by enclosing function name (`summarizeArticle` or `TicketService.classify`). */
  functions?: Record<string, UsageEntry>;
}

export interface UsageError {
  line: number;
  message: string;
}

/** The built-in volume when nothing else says: an assumption, labeled as such wherever it shows. */

/** Aliases beyond this are refused: "billion laughs" documents expand exponentially through them. */
export const MAX_ALIAS_COUNT = 50;

const ENTRY_KEYS = ['callsPerMonth', 'calls', 'task', 'model', 'holeTokens'] as const;
const SECTION_KEYS = ['callSites', 'files', 'functions'] as const;

/** Parses `llm-usage.yml`; a bad entry is an error with its line, and the rest still applies. */
export function parseUsageFile(text: string): { usage: UsageFile; errors: UsageError[] } {
  const usage: UsageFile = { version: 1, callSites: {}, files: {}, functions: {} };
  const errors: UsageError[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };

  for (const error of doc.errors) {
    errors.push({ line: error.linePos?.[0].line ?? 1, message: `YAML syntax: ${error.message.split('\n')[0]}` });
  }
  if (doc.errors.length > 0) return { usage, errors };

  // Expanding aliases is where a YAML bomb hurts; count them before touching the values.
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    errors.push({ line: 1, message: `refused: ${(error as Error).message} (limit ${MAX_ALIAS_COUNT} aliases; a YAML bomb?)` });
    return { usage, errors };
  }

  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc as Document) : node);
  const root = resolve(doc.contents);
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) return { usage, errors };
  if (!isMap(root)) {
    errors.push({ line: lineOf(root), message: 'the usage file must be a mapping with version, defaults, callSites, files, functions' });
    return { usage, errors };
  }

  const parseEntry = (node: unknown, where: string, keyNode: unknown): UsageEntry | undefined => {
    const value = resolve(node);
    if (!isMap(value)) {
      errors.push({ line: lineOf(value ?? keyNode), message: `${where}: expected a mapping with ${ENTRY_KEYS.join(', ')}` });
      return undefined;
    }
    const entry: UsageEntry = { line: lineOf(keyNode) };
    for (const pair of value.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const item = resolve(pair.value);
      const line = lineOf(item ?? pair.key);
      const scalar = isScalar(item) ? item.value : undefined;
      if (key === 'callsPerMonth' || key === 'calls') {
        const volume = readVolume(scalar, isScalar(item));
        if ('error' in volume) errors.push({ line, message: `${where}.${key}: ${volume.error}` });
        else entry.callsPerMonth = volume.callsPerMonth;
      } else if (key === 'task') {
        const parsed = typeof scalar === 'string' ? parseTaskType(scalar) : { error: 'task must be a task type name' };
        if ('error' in parsed) errors.push({ line, message: `${where}.task: ${parsed.error}` });
        else entry.task = parsed.task;
      } else if (key === 'model') {
        const parsed = typeof scalar === 'string' ? parseModelId(scalar) : { error: 'model must be a model id such as gpt-4o-mini' };
        if ('error' in parsed) errors.push({ line, message: `${where}.model: ${parsed.error}` });
        else entry.model = parsed.model;
      } else if (key === 'holeTokens') {
        if (!isMap(item)) {
          errors.push({ line, message: `${where}.holeTokens: expected a mapping of hole kind or expression to tokens` });
          continue;
        }
        for (const holePair of item.items as Pair[]) {
          const holeKey = isScalar(holePair.key) ? String(holePair.key.value) : String(holePair.key);
          const holeValue = resolve(holePair.value);
          const tokens = isScalar(holeValue) ? holeValue.value : undefined;
          if (typeof tokens !== 'number' || !Number.isFinite(tokens) || tokens < 0) {
            errors.push({ line: lineOf(holeValue ?? holePair.key), message: `${where}.holeTokens.${holeKey}: expected a non-negative number of tokens` });
          } else {
            entry.holeTokens = { ...(entry.holeTokens ?? {}), [holeKey]: Math.round(tokens) };
          }
        }
      } else {
        errors.push({ line: lineOf(pair.key), message: `${where}: unknown key "${key}" (allowed: ${ENTRY_KEYS.join(', ')})` });
      }
    }
    return entry;
  };

  for (const pair of root.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = resolve(pair.value);
    if (key === 'version') {
      if (!isScalar(value) || value.value !== 1) errors.push({ line: lineOf(value ?? pair.key), message: 'version: only version 1 is supported' });
    } else if (key === 'defaults') {
      const entry = parseEntry(value, 'defaults', pair.key);
      if (entry) usage.defaults = entry;
    } else if ((SECTION_KEYS as readonly string[]).includes(key)) {
      const section = key as (typeof SECTION_KEYS)[number];
      if (value === null || (isScalar(value) && value.value === null)) continue;
      if (!isMap(value)) {
        errors.push({ line: lineOf(value ?? pair.key), message: `${section}: expected a mapping of name to settings` });
        continue;
      }
      for (const item of value.items as Pair[]) {
        const name = isScalar(item.key) ? String(item.key.value) : String(item.key);
        const entry = parseEntry(item.value, `${section}["${name}"]`, item.key);
        if (entry) usage[section]![name] = entry;
      }
    } else {
      errors.push({ line: lineOf(pair.key), message: `unknown top-level key "${key}" (allowed: version, defaults, ${SECTION_KEYS.join(', ')})` });
    }
  }
  return { usage, errors };
}

/** A volume value: a non-negative number (per month) or a rate string like "20k/day". */
function readVolume(value: unknown, isScalarValue: boolean): { callsPerMonth: number } | { error: string } {
  if (!isScalarValue) return { error: 'expected a number of calls per month or a rate like "20000/day"' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return { error: `calls must be a non-negative number, got ${value}` };
    return { callsPerMonth: Math.round(value) };
  }
  if (typeof value === 'string') {
    const parsed = parseRate(value);
    return 'error' in parsed ? parsed : { callsPerMonth: parsed.callsPerMonth };
  }
  return { error: 'expected a number of calls per month or a rate like "20000/day"' };
}

// ---------------------------------------------------------------------------------------------
// Matching a call to usage entries
// ---------------------------------------------------------------------------------------------

/** More literal characters = more specific; `src/support/triage.ts` beats `src/**`. */
function specificity(glob: string): number {
  return glob.replace(/[*?{},]/g, '').length;
}

export interface CallKey {
  id: string;
  file: string;
  enclosingFunction: string | null;
  annotation?: CallAnnotation;
}

export interface UsageMatch {
  entry: UsageEntry;
  /** Where it came from, for display: `callSites["…"]`, `functions["…"]`, `files["…"]`, `defaults`. */
  label: string;
}

/** Usage entries that apply to a call, most specific first: call id, function, file glob, defaults. */
export function usageMatches(call: CallKey, usage: UsageFile | undefined): UsageMatch[] {
  if (!usage) return [];
  const matches: UsageMatch[] = [];
  const site = usage.callSites?.[call.id];
  if (site) matches.push({ entry: site, label: `callSites["${call.id}"]` });
  if (call.enclosingFunction && usage.functions) {
    // `TicketService.classify` matches a `TicketService.classify` or a bare `classify` entry.
    const short = call.enclosingFunction.split('.').pop()!;
    for (const name of [call.enclosingFunction, short]) {
      const entry = usage.functions[name];
      if (entry) {
        matches.push({ entry, label: `functions["${name}"]` });
        break;
      }
    }
  }
  if (usage.files) {
    const globs = Object.keys(usage.files)
      .filter((glob) => matchesGlob(call.file, glob))
      .sort((a, b) => specificity(b) - specificity(a));
    for (const glob of globs) matches.push({ entry: usage.files[glob], label: `files["${glob}"]` });
  }
  if (usage.defaults) matches.push({ entry: usage.defaults, label: 'defaults' });
  return matches;
}

/** The task, model and hole sizes the usage file sets for a call (most specific entry wins, per field). */
export function resolveUsageSettings(call: CallKey, usage: UsageFile | undefined): { task?: { type: TaskType; label: string }; model?: { id: string; label: string; line?: number }; holeTokens: Record<string, number> } {
  const matches = usageMatches(call, usage);
  const taskMatch = matches.find((m) => m.entry.task);
  const modelMatch = matches.find((m) => m.entry.model);
  const holeTokens: Record<string, number> = {};
  // Apply least specific first so more specific entries overwrite per key.
  for (const match of [...matches].reverse()) Object.assign(holeTokens, match.entry.holeTokens ?? {});
  return {
    task: taskMatch ? { type: taskMatch.entry.task!, label: taskMatch.label } : undefined,
    ...(modelMatch ? { model: { id: modelMatch.entry.model!, label: modelMatch.label, ...(modelMatch.entry.line ? { line: modelMatch.entry.line } : {}) } } : {}),
    holeTokens,
  };
}

/** A model the user states for a call, and where: the `llm-advisor:` comment, else the usage file's most specific entry. */
export interface StatedModel {
  id: string;
  source: 'annotation' | 'usage-file';
  /** For display: `llm-advisor comment on line 12` or `llm-usage.yml callSites["…"] (line 4)`. */
  where: string;
}

/**
 * The model the user states for a call. Precedence as for volumes: annotation > usage file call id >
 * function > file glob > usage-file defaults. Undefined when nobody states one (the code's model stands).
 */
export function resolveStatedModel(call: CallKey, usage: UsageFile | undefined): StatedModel | undefined {
  const fromAnnotation = call.annotation?.model;
  if (fromAnnotation) return { id: fromAnnotation, source: 'annotation', where: `llm-advisor comment on line ${call.annotation!.line}` };
  const match = usageMatches(call, usage).find((m) => m.entry.model);
  if (!match) return undefined;
  return { id: match.entry.model!, source: 'usage-file', where: `llm-usage.yml ${match.label}${match.entry.line ? ` (line ${match.entry.line})` : ''}` };
}

/**
 * A volume as written in a basis: `toLocaleString('en-US')`, which keeps fractions (`1.5`). A whole
 * number takes formatCount, the same text without ICU's number formatter (one number per call; in
 * CPU profiles of cold midday scans this line took 50 ms over 3 runs, on a loaded machine).
 */
const fmt = (n: number): string => (Number.isSafeInteger(n) && n >= 0 ? formatCount(n) : n.toLocaleString('en-US'));

/**
 * Calls per month for one call site. Precedence: annotation > usage file call id > function >
 * file glob > usage-file defaults > `llmHostingAdvisor.defaultCallsPerMonth` setting > built-in
 * default (10,000/month, labeled as an assumption).
 */
export function resolveVolume(call: CallKey, usage: UsageFile | undefined, settings: { defaultCallsPerMonth?: number } = {}): VolumeEstimate {
  const fromAnnotation = call.annotation?.callsPerMonth;
  if (fromAnnotation !== undefined && fromAnnotation >= 0) {
    return { callsPerMonth: fromAnnotation, source: 'annotation', basis: `annotation on line ${call.annotation!.line}: ${fmt(fromAnnotation)} calls/month` };
  }
  const match = usageMatches(call, usage).find((m) => m.entry.callsPerMonth !== undefined);
  if (match) {
    const n = match.entry.callsPerMonth!;
    return { callsPerMonth: n, source: 'usage-file', basis: `${USAGE_FILE_NAME} ${match.label}${match.entry.line ? ` (line ${match.entry.line})` : ''}: ${fmt(n)} calls/month` };
  }
  const setting = settings.defaultCallsPerMonth;
  if (setting !== undefined && Number.isFinite(setting) && setting >= 0) {
    return { callsPerMonth: setting, source: 'setting', basis: `setting llmHostingAdvisor.defaultCallsPerMonth: ${fmt(setting)} calls/month` };
  }
  return {
    callsPerMonth: BUILTIN_CALLS_PER_MONTH,
    source: 'default',
    basis: `built-in default: ${fmt(BUILTIN_CALLS_PER_MONTH)} calls/month (assumption; set the real volume in ${USAGE_FILE_NAME} or with an llm-advisor comment)`,
  };
}

// ---------------------------------------------------------------------------------------------
// Write-back
// ---------------------------------------------------------------------------------------------

/** A change to one call site's entry; `null` removes a field. */
export interface UsagePatch {
  callsPerMonth?: number | null;
  task?: TaskType | null;
  model?: string | null;
  holeTokens?: Record<string, number | null>;
}

export class UsageFileError extends Error {}

function hasChanges(patch: UsagePatch): boolean {
  return (patch.callsPerMonth !== undefined && patch.callsPerMonth !== null) || (patch.task !== undefined && patch.task !== null) || (patch.model !== undefined && patch.model !== null) || Object.values(patch.holeTokens ?? {}).some((v) => v !== null && v !== undefined);
}

/**
 * Sets fields of `callSites[callId]` in the usage file text and returns the new text. Comments,
 * key order and formatting elsewhere are preserved (yaml Document API). Throws UsageFileError on a
 * file that does not parse, rather than overwrite what the user wrote.
 */
export function updateUsageFile(text: string, callId: string, patch: UsagePatch): string {
  const doc = parseDocument(text.trim() === '' ? 'version: 1\n' : text);
  if (doc.errors.length > 0) throw new UsageFileError(`cannot update ${USAGE_FILE_NAME}: ${doc.errors[0].message.split('\n')[0]}`);
  if (!isMap(doc.contents)) throw new UsageFileError(`cannot update ${USAGE_FILE_NAME}: the top level is not a mapping`);
  if (!doc.has('version')) doc.set('version', 1);
  const base = ['callSites', callId];
  // An empty `callSites:` parses as null; replace it with a block mapping before setting into it.
  if (!isMap(doc.get('callSites', true) as YamlNode | undefined)) doc.set('callSites', doc.createNode({}));
  const sitesMap = doc.get('callSites', true);
  if (isMap(sitesMap) && !sitesMap.has(callId) && hasChanges(patch)) {
    // Ids hold `#` and `:`; quote new keys so the file reads unambiguously.
    const key = doc.createNode(callId) as Scalar;
    key.type = 'QUOTE_DOUBLE';
    sitesMap.add(doc.createPair(key, doc.createNode({})));
  }
  const setOrDelete = (path: string[], value: unknown): void => {
    if (value === null) {
      if (doc.hasIn(path)) doc.deleteIn(path);
    } else if (value !== undefined) doc.setIn(path, value);
  };
  setOrDelete([...base, 'callsPerMonth'], patch.callsPerMonth);
  setOrDelete([...base, 'task'], patch.task);
  setOrDelete([...base, 'model'], patch.model);
  for (const [key, value] of Object.entries(patch.holeTokens ?? {})) setOrDelete([...base, 'holeTokens', key], value);
  // Leave no empty shells behind after deletions.
  const holes = doc.getIn([...base, 'holeTokens'], true);
  if (isMap(holes) && holes.items.length === 0) doc.deleteIn([...base, 'holeTokens']);
  const entry = doc.getIn(base, true);
  if (isMap(entry) && entry.items.length === 0) doc.deleteIn(base);
  const sites = doc.get('callSites', true);
  if (isMap(sites)) sites.flow = sites.items.length === 0;
  return doc.toString();
}
