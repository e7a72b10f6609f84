/**
 * Escaping for text from user code placed into Markdown (GFM). Prompt text, file names and model
 * strings may hold pipes, backticks, HTML and link syntax; after escaping they render as plain text.
 */
import { stripUnsafeChars } from '../../model/display';

// Brackets are escaped, so `(`, `)` and `!` can no longer form links or images and stay readable.
const MARKDOWN_SPECIAL = /[\\`*_\[\]#|<>~]/g;

/** Escapes text for a Markdown paragraph or table cell (newlines become spaces). */
export function mdText(text: string): string {
  return stripUnsafeChars(text)
    .replace(/\r?\n/g, ' ')
    // `&` only matters where it would start an entity such as `&lt;`; elsewhere it stays readable.
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(MARKDOWN_SPECIAL, (character) => (character === '<' ? '&lt;' : character === '>' ? '&gt;' : `\\${character}`));
}

/** Inline code that survives backticks inside it: the fence is longer than any run inside. */
export function mdCode(text: string): string {
  const clean = stripUnsafeChars(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return `${fence}${padding}${clean}${padding}${fence}`;
}

/** A relative link to a file and line, with the path percent-encoded so it cannot break out of the link. */
export function mdFileLink(file: string, line: number): string {
  const target = file.split('/').map(encodeURIComponent).join('/');
  return `[${mdText(`${file}:${line}`)}](${target}#L${line})`;
}

/** A GFM table from a header and rows of already-escaped cells. */
export function mdTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
