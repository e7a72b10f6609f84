import * as path from 'node:path';
import type { DetectedCall, Diagnostic } from '../model/types';
import { escapeRegExp } from '../model/regExp';

/**
 * Calls of the app's helpers in an exported function that no file of the workspace names: the module exports it and
 * its own text names it only where it declares it (`exportedFunction`, see exportNamedNowhereElse), and none of the
 * files that could import it (those importing the module, directly or through barrels, by a path alias or as a
 * workspace package) names it either. Nothing can call it: a feature left over from a refactor (`export async function
 * suggestImprovement` calling `generateWithRetry`, next to the functions the app does import). Each dropped call gets a
 * warning naming the function.
 *
 * A helper's own request stays where it is, called or not: an exported function making the request is the app's way
 * of asking a model (a library's, or one the next feature calls), and its cost is read at its place.
 *
 * Only for a module some other file imports: a module nothing imports may be an entry point a framework or a runner
 * loads by its path (a route, a script, a serverless function), whose exports are called from outside the code. A file
 * that cannot be read keeps every request of the module it may name.
 */
export async function dropUnnamedExports(
  calls: DetectedCall[],
  root: string,
  candidatesFor: (helperFiles: ReadonlySet<string>) => ReadonlyArray<{ absolutePath: string }>,
  readText: (absolutePath: string) => Promise<string | null>,
  diagnostics: Diagnostic[],
  signal?: AbortSignal,
): Promise<void> {
  const namesByFile = new Map<string, Set<string>>();
  for (const call of calls) {
    if (call.exportedFunction === undefined) continue;
    let names = namesByFile.get(call.file);
    if (!names) namesByFile.set(call.file, (names = new Set()));
    names.add(call.exportedFunction);
  }
  const unnamed = new Map<string, Set<string>>();
  for (const [file, names] of namesByFile) {
    signal?.throwIfAborted();
    const absolutePath = path.join(root, file);
    const others = candidatesFor(new Set([absolutePath])).filter((candidate) => candidate.absolutePath !== absolutePath);
    if (others.length === 0) continue;
    const left = new Set(names);
    const mention = new RegExp(`(?<![\\w$])(?:${[...names].map(escapeRegExp).join('|')})(?![\\w$])`, 'g');
    for (const other of others) {
      const text = await readText(other.absolutePath);
      if (text === null) {
        left.clear();
        break;
      }
      for (const match of text.matchAll(mention)) left.delete(match[0]);
      if (left.size === 0) break;
    }
    if (left.size > 0) unnamed.set(file, left);
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
