import type { DetectedCall } from '../../model/types';
import { lineAtOffset } from './settings';
import type { WorkspaceFile } from './wrapperCallers';

/** `case "groq": return process.env.GROQ_MODEL_PREF ?? "llama3-70b-8192";`: one entry of a per-provider default model switch. */
const DEFAULT_CASE = /case\s*(["'`])([\w.-]+)\1\s*:\s*return\s+([^;]+?);/g;

/** `case "groq": return new Providers.GroqProvider({ model: config.model });`: a factory handing the class the model it was given. */
const FACTORY_CASE = /case\s*(["'`])([\w.-]+)\1\s*:\s*return\s+new\s+(?:[\w$]+\.)?([A-Z][\w$]*)\(\s*\{[^}]*?\bmodel\s*:\s*[\w$.]+\.model\b/g;

/** Entries a switch needs before it is read as the app's table of default models. */
const MIN_TABLE_ENTRIES = 5;

interface KeyedDefault {
  model: string;
  env?: string;
  where: string;
}

/**
 * Multi-provider apps keep a default model per provider key in one switch (anything-llm's `providerDefault(provider)`:
 * `case "groq": return process.env.GROQ_MODEL_PREF ?? "llama3-70b-8192"`) and make each provider's class in a factory
 * switching on the same keys, handing it the model of the config (`case "groq": return new GroqProvider({ model:
 * config.model })`). The class's own default (`const { model = "llama3-8b-8192" } = config`) then applies only when no
 * model is passed; the table's is the one the app sends. A request on `this.model` in such a class takes the table's
 * default for its key, as an assumption the evidence states (the value is not traced from the table to the config).
 * Read from text: the table and the factory sit in different modules of the app.
 */
export async function modelsFromKeyedDefaults(calls: DetectedCall[], files: readonly WorkspaceFile[], readText: (absolutePath: string) => Promise<string | null>, signal?: AbortSignal): Promise<void> {
  const candidates = calls.filter((call) => call.model.raw === 'this.model' && call.enclosingFunction?.includes('.'));
  if (candidates.length === 0) return;
  const defaults = new Map<string, KeyedDefault | null>();
  const classKeys = new Map<string, { key: string; where: string } | null>();
  for (const file of files) {
    signal?.throwIfAborted();
    const text = await readText(file.absolutePath);
    if (text === null || !text.includes('case')) continue;
    const entries = [...text.matchAll(DEFAULT_CASE)].flatMap((match) => {
      const entry = defaultOf(match[3]);
      return entry ? [{ key: match[2], ...entry, where: `${file.relativePath}:${lineAtOffset(text, match.index)}` }] : [];
    });
    // A table names model settings (`*_MODEL_PREF`) in most of its entries; a switch of URLs or labels does not.
    if (entries.filter((entry) => entry.env && /MODEL/i.test(entry.env)).length >= MIN_TABLE_ENTRIES) {
      for (const entry of entries) defaults.set(entry.key, defaults.has(entry.key) && defaults.get(entry.key)?.model !== entry.model ? null : entry);
    }
    for (const match of text.matchAll(FACTORY_CASE)) {
      const known = classKeys.get(match[3]);
      classKeys.set(match[3], known === undefined ? { key: match[2], where: `${file.relativePath}:${lineAtOffset(text, match.index)}` } : known?.key === match[2] ? known : null);
    }
  }
  if (defaults.size === 0 || classKeys.size === 0) return;
  // New objects, not edits: a file's analysis may be cached and reused by a later scan.
  calls.forEach((call, index) => {
    if (call.model.raw !== 'this.model' || !call.enclosingFunction?.includes('.')) return;
    const className = call.enclosingFunction.slice(0, call.enclosingFunction.indexOf('.'));
    const made = classKeys.get(className);
    const fallback = made ? defaults.get(made.key) : undefined;
    if (!made || !fallback || fallback.model === call.model.id) return;
    const setting = fallback.env ? `${fallback.env}, else "${fallback.model}"` : `"${fallback.model}"`;
    const own = call.model.id ? ` (the class's own default "${call.model.id}" applies only when no model is passed)` : '';
    calls[index] = {
      ...call,
      model: { id: fallback.model, raw: call.model.raw, source: fallback.env ? 'env-default' : 'literal', ...(fallback.env ? { env: fallback.env } : {}) },
      evidence: [...call.evidence, `model: ${className} is made for "${made.key}" with the config's model (${made.where}); assumed to be the app's default for "${made.key}": ${setting} (${fallback.where})${own}`],
    };
  });
}

/** The model a table entry returns by default: `process.env.X ?? "model"`, `"model"`; none for `process.env.X ?? null`. */
function defaultOf(expression: string): { model: string; env?: string } | undefined {
  const env = /process\.env\.([A-Z_][A-Z0-9_]*)/.exec(expression)?.[1];
  const literal = /["'`]([\w./:@-]+)["'`]\s*\)?\s*$/.exec(expression.trim())?.[1];
  if (!literal) return undefined;
  return env ? { model: literal, env } : { model: literal };
}
