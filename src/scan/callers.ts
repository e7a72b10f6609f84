import { createTextReader, type DiscoveredFile } from './files';
import { specifierListEntries } from './importGraph';
import { looksMinified } from './prefilter';
import { escapeRegExp, TYPE_ARGUMENTS } from '../model/regExp';

export interface CallerLocation {
  file: string;
  line: number;
}

/** Callers listed per wrapper; a helper called from everywhere is summarized by its count. */
const MAX_CALLERS = 25;
/** Short names (`run`, `ask`) match too much unrelated code to attribute anything. */
const MIN_NAME_LENGTH = 4;

/**
 * When the app wraps the SDK in its own helper (`summarizeArticle(...)` calls
 * `openai.chat.completions.create`), the SDK call is the call site and the helper's callers are
 * where the volume comes from. Finds calls of the given function names across the workspace with
 * one pass of plain text matching (no parsing: these files need not import any SDK). `readText`
 * gives the texts (the scan's serves the texts its first pass kept); it returns null for a file
 * that cannot be read or is binary, which is skipped.
 */
export async function findCallers(files: readonly DiscoveredFile[], functionNames: readonly string[], signal?: AbortSignal, readText = createTextReader(undefined, undefined, { skipBinary: true })): Promise<Map<string, CallerLocation[]>> {
  const names = [...new Set(functionNames.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name.length >= MIN_NAME_LENGTH))];
  const callers = new Map<string, CallerLocation[]>(names.map((name) => [name, []]));
  if (names.length === 0) return callers;
  const pattern = callPattern(names);
  for (const file of files) {
    signal?.throwIfAborted();
    const text = await readText(file.absolutePath);
    if (text === null) continue;
    // `import { summarize as s }` and `import * as llm` call a helper by another name: `s(...)`, `llm.summarize(...)`.
    const localNames = localNamesOf(text, names);
    const filePattern = localNames.size > 0 ? callPattern([...names, ...localNames.keys()]) : pattern;
    // Most files call none of the helpers: one test over the whole text before going line by line.
    filePattern.lastIndex = 0;
    if (!filePattern.test(text) || looksMinified(text)) continue;
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      filePattern.lastIndex = 0;
      for (let match = filePattern.exec(line); match; match = filePattern.exec(line)) {
        const before = line.slice(0, match.index + match[1].length);
        const after = line.slice(match.index + match[0].length);
        if (isDefinition(before, after)) continue;
        const list = callers.get(localNames.get(match[2]) ?? match[2]);
        if (list && list.length < MAX_CALLERS) list.push({ file: file.relativePath, line: index + 1 });
      }
    });
  }
  return callers;
}

/** `name(` or `name<T>(`, not a method of something else (`x.name(`). */
function callPattern(names: readonly string[]): RegExp {
  return new RegExp(`(^|[^\\w$.])(${names.map(escapeRegExp).join('|')})\\s*(?:${TYPE_ARGUMENTS})?\\s*\\(`, 'g');
}

const ALIASED_IMPORT = /\bimport\s*(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*['"]\.[^'"]*['"]/g;
const NAMESPACE_IMPORT = /\bimport\s*\*\s*as\s+([\w$]+)\s+from\s*['"]\.[^'"]*['"]/g;

/**
 * Other spellings of the helpers in this file, each mapped to the helper's name: aliases from
 * relative imports (`s` for `summarize as s`) and `llm.summarize` for a namespace import `llm`.
 * A namespace import is not checked to export the helper; the name after the dot must still match.
 */
function localNamesOf(text: string, names: readonly string[]): Map<string, string> {
  const local = new Map<string, string>();
  if (!text.includes(' as ')) return local;
  const wanted = new Set(names);
  for (const match of text.matchAll(ALIASED_IMPORT)) {
    for (const [imported, alias] of specifierListEntries(match[1])) {
      if (alias && wanted.has(imported) && alias !== imported) local.set(alias, imported);
    }
  }
  for (const match of text.matchAll(NAMESPACE_IMPORT)) {
    for (const name of names) local.set(`${match[1]}.${name}`, name);
  }
  return local;
}

/** `function name(`, `async name(...) {` and method signatures declare the name; they do not call it. */
function isDefinition(before: string, after: string): boolean {
  if (/\bfunction\s*\*?\s*$/.test(before)) return true;
  if (/^\s*(?:(?:public|private|protected|static|async|override|readonly)\s+)*$/.test(before) && /\)\s*(?::[^={]+)?\{\s*$/.test(after)) return true;
  return false;
}

