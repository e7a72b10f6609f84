import * as path from 'node:path';
import picomatch from 'picomatch';
import { NON_PRODUCTION_GLOBS, SETUP_CHECK_FUNCTION } from '../model/vocabulary';
import type { DetectedCall } from '../model/types';

/**
 * Marks calls that are not production traffic: files under tests, evals, mocks, stories, fixtures,
 * scripts and examples (the vocabulary's globs plus the user's). They stay listed, with the glob
 * that matched as the reason, and the pricing pipeline leaves them out of the totals.
 */
export function markNonProduction(calls: DetectedCall[], extraGlobs: readonly string[] = []): DetectedCall[] {
  const globOf = nonProductionGlob(extraGlobs);
  const verdicts = new Map<string, string | undefined>();
  return calls.map((call) => {
    if (!verdicts.has(call.file)) verdicts.set(call.file, globOf(call.file));
    const glob = verdicts.get(call.file);
    return glob === undefined ? call : { ...call, production: false, nonProductionReason: `file matches the non-production glob ${glob}` };
  });
}

/** Whether a file is test, example or other non-production code (the same globs markNonProduction reads). */
export function nonProductionFile(extraGlobs: readonly string[] = []): (file: string) => boolean {
  const globOf = nonProductionGlob(extraGlobs);
  return (file) => globOf(file) !== undefined;
}

/** The first non-production glob (the vocabulary's, then the user's) a file matches, if any. */
function nonProductionGlob(extraGlobs: readonly string[]): (file: string) => string | undefined {
  const matchers = nonProductionMatchers(extraGlobs.filter((glob) => glob.trim() !== ''));
  return (file) => matchers.find((matcher) => matcher.test(file))?.glob;
}

type GlobMatcher = { glob: string; test: (path: string) => boolean };

/** The matchers of the last set of user globs: compiling the globs took 0.4 ms of each of the editor's re-scans, and the setting rarely changes. */
let lastMatchers: { key: string; matchers: GlobMatcher[] } | undefined;

function nonProductionMatchers(extraGlobs: readonly string[]): GlobMatcher[] {
  const key = JSON.stringify(extraGlobs);
  if (lastMatchers?.key !== key) lastMatchers = { key, matchers: [...NON_PRODUCTION_GLOBS, ...extraGlobs].map((glob) => ({ glob, test: picomatch(glob, { dot: true, nocase: true }) })) };
  return lastMatchers.matchers;
}

/**
 * Groups provider adapters that are alternatives: one file per provider behind one interface, so
 * files in one folder (or in sibling folders, `providers/<name>/index.ts`) with calls in a function
 * or method of the same name, made through different providers. Only one of them serves a given
 * deployment, so the pipeline counts one per group. Returns new calls; others unchanged (also those an analyzer grouped).
 */
export function markAlternatives(calls: DetectedCall[]): DetectedCall[] {
  const groupOf = new Map<DetectedCall, string>();
  for (const level of [1, 2]) {
    const candidates = new Map<string, DetectedCall[]>();
    for (const call of calls) {
      if (groupOf.has(call) || call.alternativeGroup !== undefined || call.kind === 'wrapper-caller' || !call.enclosingFunction || call.production === false) continue;
      const folder = ancestorFolder(call.file, level);
      // At the second level, each adapter has a folder of its own: `providers/openai/index.ts`.
      if (folder === undefined || (level === 2 && path.posix.basename(path.posix.dirname(call.file)) === '')) continue;
      const member = call.enclosingFunction.split('.').pop()!;
      const key = `${folder}/*#${member}`;
      const list = candidates.get(key) ?? [];
      list.push(call);
      candidates.set(key, list);
    }
    for (const [key, members] of candidates) {
      const units = new Set(members.map((member) => (level === 1 ? member.file : path.posix.dirname(member.file))));
      const providers = new Set(members.map((member) => `${member.provider}/${member.sdk}`));
      if (units.size < 2 || providers.size < 2) continue;
      for (const member of members) groupOf.set(member, key);
    }
  }
  return calls.map((call) => (groupOf.has(call) ? { ...call, alternativeGroup: groupOf.get(call) } : call));
}

function ancestorFolder(file: string, level: number): string | undefined {
  let folder = file;
  for (let index = 0; index < level; index++) {
    folder = path.posix.dirname(folder);
    if (folder === '.' && index < level - 1) return undefined;
  }
  return folder;
}

/**
 * Drops the requests made in a settings check (`validateConfiguration()` embedding "test"): see SETUP_CHECK_FUNCTION; and
 * a probe whatever its function's name: a greeting or a "test" written out as the whole prompt with an output limit of a
 * few tokens (`content: 'hi'`, `max_tokens: 1`), or a question whether the model is there with any limit (`'Hello, are you
 * available?'`), which asks only whether the key, host or model answers.
 */
export function dropSetupChecks(calls: DetectedCall[]): void {
  for (let index = calls.length - 1; index >= 0; index--) {
    const name = calls[index].enclosingFunction?.split('.').pop();
    if (isSetupCheck(name) || isProbe(calls[index]) || (name !== undefined && ROUTE_HANDLER.test(name) && SETUP_CHECK_FUNCTION.test(routeName(calls[index].file)))) calls.splice(index, 1);
  }
}

/** Whether a function, by its name (`testConnection`, or a method's `Embedder.validateConfiguration`), checks settings. */
function isSetupCheck(name: string | undefined): boolean {
  return name !== undefined && SETUP_CHECK_FUNCTION.test(name.split('.').pop()!);
}

/**
 * Drops the callers of the app's helpers that are settings checks (see dropSetupChecks), and the callers reaching a
 * helper only through one (`start()` calling `testEmbeddingService()` calling `generateEmbedding('test')`).
 */
export function dropSetupCheckCallers(callers: DetectedCall[]): void {
  for (let index = callers.length - 1; index >= 0; index--) {
    const via = callers[index].via;
    if (via && [via, ...(via.through ?? [])].some((step) => isSetupCheck(step.function))) callers.splice(index, 1);
  }
  dropSetupChecks(callers);
}

/** The names a route module gives its handlers: an HTTP verb (Next.js's app router, SvelteKit) or the default `handler`. */
const ROUTE_HANDLER = /^(?:GET|POST|PUT|PATCH|handler)$/;

/**
 * A route's name as a function's would read (`app/api/validate-key/route.ts` and `pages/api/validate-key.ts` ->
 * `validateKey`), so a route that only checks a key (`POST` of validate-key sending "hello") reads as the check it is.
 */
function routeName(file: string): string {
  const base = path.posix.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  const name = /^(?:route|\+server|index)$/.test(base) ? path.posix.basename(path.posix.dirname(file)) : base;
  return name.replace(/[-_](\w)/g, (_, letter: string) => letter.toUpperCase());
}

/** At most this many output tokens: an answer that says the model is there, nothing more. */
const PROBE_MAX_OUTPUT_TOKENS = 16;
/** A prompt that only greets or tests (`hi`, `Hello world`, `test`, `ping`): a probe when the answer may be a few tokens. */
const PROBE_PROMPT = /^(?:say\s+)?(?:hi|hello|hey|test|testing|ping)\b[\w\s,.!?'-]{0,50}$/i;

/** A prompt that can only ask whether the model answers, whatever room it is given (`Hello, are you available?`, `Say hello in one word.`). */
const AVAILABILITY_PROMPT = /^(?:hi|hello|hey)?[\s,!.]*(?:are you (?:there|available|working|online)\b[\w\s,.!?'-]{0,50}|say (?:hi|hello)(?: in one word)?[.!]?|(?:reply|respond) with (?:ok|pong|yes)[.!]?)$/i;

function isProbe(call: DetectedCall): boolean {
  const turns = call.messages.filter((message) => message.role !== 'system');
  if (turns.length !== 1 || turns[0].holes.length > 0) return false;
  const text = turns[0].text.trim();
  if (AVAILABILITY_PROMPT.test(text)) return true;
  if (call.maxOutputTokens === null || call.maxOutputTokens === undefined || call.maxOutputTokens > PROBE_MAX_OUTPUT_TOKENS) return false;
  return PROBE_PROMPT.test(text);
}

