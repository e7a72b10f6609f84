/**
 * Text from user code made safe to show, and the labels people read: shared by the panel, the
 * CodeLens, the hover and the plan, with the HTML escaping of the panel's markup (browser script)
 * and shell (extension host). Numbers are written by format.ts. Pure functions (no DOM, no `vscode`).
 */
import type { Tier } from './types';

/**
 * Bidirectional-override and invisible formatting characters (the "Trojan Source" set) plus C0/C1
 * controls other than tab and newline: the one set of characters from user code that no output shows
 * as they are. The panel and the hover make them visible, the Markdown plan drops them, so a
 * prompt or file name cannot reorder what people read.
 */
const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Replaces bidi/invisible/control characters with a visible `<U+202E>` marker. */
export function neutralizeUnsafeChars(text: string): string {
  return text.replace(UNSAFE_CHARS, (ch) => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Removes bidi/invisible/control characters (where a marker would be noise, e.g. the Markdown plan). */
export function stripUnsafeChars(text: string): string {
  return text.replace(UNSAFE_CHARS, '');
}

/** Shortens to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** `src/a.ts:12`. */
export function formatLocation(file: string, line: number): string {
  return `${file}:${line}`;
}

/** The model as shown to people: canonical id when known, else what was written. */
export function modelLabel(model: { id: string | null; raw: string } | undefined | null): string {
  if (!model) return 'unknown model';
  return model.id ?? (model.raw ? model.raw : 'unknown model');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for an HTML text node; bidi and control characters are made visible first. */
export function esc(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return neutralizeUnsafeChars(text).replace(/[&<>"'`]/g, (ch) => HTML_ESCAPES[ch]);
}

/** Escapes text for a double-quoted attribute value (also encodes whitespace that could split it). */
export function escAttr(value: unknown): string {
  return esc(value).replace(/[\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export const TIER_LABELS: Record<Tier, string> = {
  'closed-api': 'Closed API',
  'open-api': 'Open-model API',
  'self-hosted': 'Self-hosted',
};

export function tierLabel(tier: string): string {
  return (TIER_LABELS as Record<string, string>)[tier] ?? tier;
}
