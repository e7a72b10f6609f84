import * as path from 'node:path';
import type { DetectedCall, Diagnostic } from '../model/types';
import { escapeRegExp } from '../model/regExp';
import { isComponentFile } from '../model/vocabulary';

/**
 * Requests, and calls of the app's helpers, in an exported function that no file of the workspace names: the module
 * exports it and its own text names it only where it declares it (`exportedFunction`, see exportNamedNowhereElse),
 * and none of the files that could import it (those importing the module, directly or through barrels, by a path
 * alias or as a workspace package) names it either, but in an import statement. Nothing can call it: a feature left
 * over from a refactor (`export async function suggestImprovement` calling `generateWithRetry`, or making the request
 * itself, next to the functions the app does import). Its cost would never be paid: each dropped request gets a
 * warning naming the function, so the code stays in view.
 *
 * Only for a module some other file imports: a module nothing imports may be an entry point a framework or a runner
 * loads by its path (a route, a script, a serverless function), whose exports are called from outside the code. Not
 * in a package published for others (its package.json names an entry point and is not private): its exported
 * functions are its API. A file that cannot be read keeps every request of the module it may name.
 */
export async function dropUnnamedExports(
  calls: DetectedCall[],
  root: string,
  candidatesFor: (helperFiles: ReadonlySet<string>) => ReadonlyArray<{ absolutePath: string }>,
  readText: (absolutePath: string) => Promise<string | null>,
  diagnostics: Diagnostic[],
  inPublishedPackage: (absolutePath: string) => boolean,
  signal?: AbortSignal,
): Promise<void> {
  const namesByFile = new Map<string, Set<string>>();
  for (const call of calls) {
    if (call.exportedFunction === undefined) continue;
    // A library's exported functions are its API, called from outside the workspace.
    if (inPublishedPackage(path.join(root, call.file))) continue;
    let names = namesByFile.get(call.file);
    if (!names) namesByFile.set(call.file, (names = new Set()));
    names.add(call.exportedFunction);
  }
  if (namesByFile.size === 0) return;
  // Every file that may import any of the modules, read once for all their names (one look per file, not one per module:
  // a generated 30,000-file tree has 750 such modules). A name some other file of that set mentions is kept, even when
  // that file imports another module's function of the same name: never a call left out that may run.
  const modulePaths = new Set([...namesByFile.keys()].map((file) => path.join(root, file)));
  const allNames = new Set([...namesByFile.values()].flatMap((names) => [...names]));
  const mention = new RegExp(`(?<![\\w$])(?:${[...allNames].map(escapeRegExp).join('|')})(?![\\w$])`, 'g');
  const usedNames = new Set<string>();
  const unreadable = new Set<string>();
  // The last segment of every module specifier those files import from (`../lib/gemini` -> `gemini`): a module whose
  // name no import ends with is imported by none of them.
  const importedNames = new Set<string>();
  for (const candidate of candidatesFor(modulePaths)) {
    signal?.throwIfAborted();
    const text = await readText(candidate.absolutePath);
    if (text === null) {
      unreadable.add(candidate.absolutePath);
      continue;
    }
    for (const specifier of text.matchAll(MODULE_SPECIFIER)) importedNames.add(lastSegment(specifier[1]));
    // A module of the set mentions its own names once, where it declares them (exportNamedNowhereElse): not a use.
    const declared = namesByFile.get(path.relative(root, candidate.absolutePath).split(path.sep).join('/'));
    for (const name of namesUsedIn(text, candidate.absolutePath, mention)) if (!declared?.has(name)) usedNames.add(name);
  }
  const unnamed = new Map<string, Set<string>>();
  for (const [file, names] of namesByFile) {
    signal?.throwIfAborted();
    const absolutePath = path.join(root, file);
    const left = new Set([...names].filter((name) => !usedNames.has(name)));
    if (left.size === 0) continue;
    // Only now this module's own candidates: none but itself, and nothing imports it (it may be an entry point); one
    // unreadable, and it may name them. No import ending in its name (its folder's, for an index): none imports it.
    const ownName = path.basename(absolutePath).replace(SCRIPT_EXTENSION, '');
    if (!importedNames.has(ownName === 'index' ? path.basename(path.dirname(absolutePath)) : ownName) && unreadable.size === 0) continue;
    const others = candidatesFor(new Set([absolutePath])).filter((candidate) => candidate.absolutePath !== absolutePath);
    if (others.length === 0 || others.some((other) => unreadable.has(other.absolutePath))) continue;
    unnamed.set(file, left);
  }
  if (unnamed.size === 0) return;
  for (let index = calls.length - 1; index >= 0; index--) {
    const call = calls[index];
    const name = call.exportedFunction;
    if (name === undefined || !unnamed.get(call.file)?.has(name)) continue;
    diagnostics.push({ file: call.file, line: call.line, message: `not reported: the ${call.method} request here is in \`${name}\`, which its module exports but no file of the workspace names (dead code)`, severity: 'warning' });
    calls.splice(index, 1);
  }
}

/**
 * The names a file's text uses: every mention but one inside an import statement that does not rename it. A name a file
 * only imports (`import { batchEvaluate } from './gemini'`, never used there) does not call it; one it imports under
 * another name (`import { translate as translateAi }`) it uses by that name. A component's markup, which the scan reads
 * blanked, may use what its script imports: there an import counts.
 */
function namesUsedIn(text: string, absolutePath: string, mention: RegExp): Set<string> {
  const imports = isComponentFile(absolutePath) ? [] : [...text.matchAll(IMPORT_STATEMENT), ...text.matchAll(RE_EXPORT_STATEMENT)].map((statement) => [statement.index, statement.index + statement[0].length]);
  const used = new Set<string>();
  for (const match of text.matchAll(mention)) {
    const onlyImported = imports.some(([start, end]) => match.index >= start && match.index < end) && !RENAMED.test(text.slice(match.index + match[0].length, match.index + match[0].length + 8));
    if (!onlyImported && !onCommentLine(text, match.index)) used.add(match[0]);
  }
  return used;
}

/**
 * Whether a mention sits on a line that is a comment (`// this.llm = new ChatGPTApi();`, a JSDoc line): code switched
 * off calls nothing. Told by how the line starts, so a string holding `//` (a URL) never hides a use.
 */
function onCommentLine(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return COMMENT_LINE_START.test(text.slice(lineStart, index));
}

/** A line's start up to a mention when the line is a comment: `//`, or a block comment's `/*` or `*` continuation. */
const COMMENT_LINE_START = /^\s*(?:\/\/|\/\*|\*(?!\/))/;

/** A module specifier a file imports or re-exports from (`from '../lib/gemini'`, `import('./x')`, `require('./y')`). */
const MODULE_SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"]([^'"\n]+)['"]/g;

/** A specifier's last path segment without its extension (`../lib/gemini.js` -> `gemini`, `@acme/ai` -> `ai`). */
function lastSegment(specifier: string): string {
  return specifier.replace(/\/+$/, '').split('/').pop()!.replace(SCRIPT_EXTENSION, '');
}

/** A script module's extension, a component's included. */
const SCRIPT_EXTENSION = /\.[cm]?[jt]sx?$|\.(?:vue|svelte)$/;

/** What follows a name its import renames (`translate as translateAi`). */
const RENAMED = /^\s+as\s/;
/**
 * A barrel's `export { BabyAGI } from './agent'`: it hands the name on to the barrel's importers (among the files read,
 * see candidatesFor) and calls nothing itself, as an import does not.
 */
const RE_EXPORT_STATEMENT = /\bexport\s+(?:type\s+)?\{[^{}]*\}\s*from\s*['"][^'"]+['"]/g;
/** An ES import statement of named, default or namespace bindings (`import { a, type B } from './x'`). */
const IMPORT_STATEMENT = /\bimport\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?(?:\{[^{}]*\}|\*\s*as\s+[\w$]+|[\w$]+)\s*from\s*['"][^'"]+['"]/g;
