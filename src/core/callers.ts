import { readFiles, type DiscoveredFile } from './files';
import { looksBinary, looksMinified } from './prefilter';

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
 * one pass of plain text matching (no parsing: these files need not import any SDK).
 */
export async function findCallers(files: readonly DiscoveredFile[], functionNames: readonly string[], signal?: AbortSignal): Promise<Map<string, CallerLocation[]>> {
  const names = [...new Set(functionNames.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name.length >= MIN_NAME_LENGTH))];
  const callers = new Map<string, CallerLocation[]>(names.map((name) => [name, []]));
  if (names.length === 0) return callers;
  const pattern = new RegExp(`(^|[^\\w$.])(${names.map(escapeRegExp).join('|')})\\s*(?:<[^>()]*>)?\\s*\\(`, 'g');
  for await (const { file, bytes } of readFiles(files)) {
    signal?.throwIfAborted();
    if (!bytes || looksBinary(bytes)) continue;
    const text = bytes.toString('utf8');
    // Most files call none of the helpers: one test over the whole text before going line by line.
    pattern.lastIndex = 0;
    if (!pattern.test(text) || looksMinified(text)) continue;
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
        const before = line.slice(0, match.index + match[1].length);
        const after = line.slice(match.index + match[0].length);
        if (isDefinition(before, after)) continue;
        const list = callers.get(match[2])!;
        if (list.length < MAX_CALLERS) list.push({ file: file.relativePath, line: index + 1 });
      }
    });
  }
  return callers;
}

/** `function name(`, `async name(...) {` and method signatures declare the name; they do not call it. */
function isDefinition(before: string, after: string): boolean {
  if (/\bfunction\s*\*?\s*$/.test(before)) return true;
  if (/^\s*(?:(?:public|private|protected|static|async|override|readonly)\s+)*$/.test(before) && /\)\s*(?::[^={]+)?\{\s*$/.test(after)) return true;
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
