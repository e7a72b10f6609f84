/**
 * Writes or updates the `// llm-advisor: task=… calls=… model=…` comment above a call (the syntax of
 * src/core/estimate/annotations.ts). Pure: works on the document's lines and returns the one-line edit, so
 * the extension applies it as a WorkspaceEdit (undoable) and unit tests check it as strings.
 */

/** What to set in the comment; `null` removes the key. */
export interface AnnotationChange {
  task?: string | null;
  /** A rate as the annotation syntax takes it: `20000/day`, `20k/day`, `150000` (per month). */
  calls?: string | null;
  /** A model id (`gpt-4o-mini`): the model the call sends. */
  model?: string | null;
}

/** A single-line edit: replace line `line` (0-based) or insert a new line before it. */
export type AnnotationEdit = { kind: 'replace'; line: number; text: string } | { kind: 'insert'; line: number; text: string } | { kind: 'delete'; line: number };

const MARKER = /^(\s*)\/\/\s*llm-advisor\s*:(.*)$/i;
const CALL_KEYS: Record<string, 'calls'> = { calls: 'calls', volume: 'calls', callspermonth: 'calls' };

/** Values written into the comment must be one token: no spaces, commas, `=` or comment enders (model ids may hold `:` and `@`). */
export function isAnnotationValue(value: string): boolean {
  return /^[A-Za-z0-9._/:@-]{1,128}$/.test(value) && !value.includes('*/');
}

/**
 * The edit that makes the comment directly above `callLine` (0-based) carry `change`. Looks up the
 * block of `//` comment lines right above the call for an existing `llm-advisor:` line and
 * updates it in place (other keys and their order kept); otherwise inserts a new comment with the
 * call line's indentation. Returns undefined when nothing would change.
 */
export function planAnnotationEdit(lines: readonly string[], callLine: number, change: AnnotationChange): AnnotationEdit | undefined {
  for (const value of [change.task, change.calls, change.model]) {
    if (typeof value === 'string' && !isAnnotationValue(value)) throw new Error(`not a valid annotation value: ${JSON.stringify(value)}`);
  }
  let existing: number | undefined;
  for (let i = callLine - 1; i >= 0 && /^\s*\/\//.test(lines[i] ?? ''); i--) {
    if (MARKER.test(lines[i])) {
      existing = i;
      break;
    }
  }
  if (existing === undefined) {
    const pairs: string[] = [];
    if (change.task) pairs.push(`task=${change.task}`);
    if (change.calls) pairs.push(`calls=${change.calls}`);
    if (change.model) pairs.push(`model=${change.model}`);
    if (pairs.length === 0) return undefined;
    const indent = /^\s*/.exec(lines[callLine] ?? '')?.[0] ?? '';
    return { kind: 'insert', line: callLine, text: `${indent}// llm-advisor: ${pairs.join(' ')}` };
  }
  const match = MARKER.exec(lines[existing])!;
  const indent = match[1];
  // Normalize `calls = 20k / day` the way the parser does, then split into pairs.
  const body = match[2]
    .trim()
    .replace(/\s*=\s*/g, '=')
    .replace(/(\S)\s*\/\s*([a-zA-Z])/g, '$1/$2')
    .replace(/\s+per\s+([a-zA-Z]+)/gi, '/$1');
  const pairs = body.split(/[\s,;]+/).filter(Boolean);
  const out: string[] = [];
  let taskDone = false;
  let callsDone = false;
  let modelDone = false;
  for (const pair of pairs) {
    const key = pair.slice(0, Math.max(0, pair.indexOf('='))).toLowerCase();
    if (key === 'task' && change.task !== undefined) {
      if (!taskDone && change.task !== null) out.push(`task=${change.task}`);
      taskDone = true;
    } else if (CALL_KEYS[key] && change.calls !== undefined) {
      if (!callsDone && change.calls !== null) out.push(`calls=${change.calls}`);
      callsDone = true;
    } else if (key === 'model' && change.model !== undefined) {
      if (!modelDone && change.model !== null) out.push(`model=${change.model}`);
      modelDone = true;
    } else out.push(pair);
  }
  if (!taskDone && change.task) out.push(`task=${change.task}`);
  if (!callsDone && change.calls) out.push(`calls=${change.calls}`);
  if (!modelDone && change.model) out.push(`model=${change.model}`);
  if (out.length === 0) return { kind: 'delete', line: existing };
  const text = `${indent}// llm-advisor: ${out.join(' ')}`;
  return text === lines[existing] ? undefined : { kind: 'replace', line: existing, text };
}
