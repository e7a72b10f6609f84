/**
 * Single-file components (Vue's `.vue`, Svelte's `.svelte`) hold their code in `<script>` blocks (`<script setup
 * lang="ts">`, Svelte's `<script context="module">`) beside markup and styles. The scan reads such a file as its script
 * blocks alone: everything outside them is blanked to spaces, newlines kept, so every position the analyzers report is
 * the position in the component file. Expressions in the markup (`@click="send()"`) are not read.
 */
import { isComponentFile } from '../model/vocabulary';

const SCRIPT_BLOCK = /(<script\b[^>]*>)([\s\S]*?)(<\/script\s*>)/gi;

/** The text the analyzers read for a file: a component's script blocks in place, anything else as it is. */
export function scriptText(filePath: string, text: string): string {
  if (!isComponentFile(filePath)) return text;
  let kept = '';
  let last = 0;
  for (const match of text.matchAll(SCRIPT_BLOCK)) {
    const bodyStart = match.index! + match[1].length;
    kept += blank(text.slice(last, bodyStart)) + match[2];
    last = bodyStart + match[2].length;
  }
  return kept + blank(text.slice(last));
}

/** The same text with every character but line breaks turned into a space: positions and line numbers stay. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
