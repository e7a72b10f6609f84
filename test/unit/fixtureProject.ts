import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../src/scan/scan';
import type { AdviceInput } from '../../src/core/pricing/advisor';
import type { ModelRef, ScanResult } from '../../src/model/types';

/** A throwaway project on disk with these files (paths relative to its root); the caller removes it. */
export function writeProject(files: Record<string, string>, prefix = 'project-'): string {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** Scans a throwaway project with these files at a fixed date, then removes it. */
export async function scanProject(files: Record<string, string>, prefix = 'project-'): Promise<ScanResult> {
  const root = writeProject(files, prefix);
  try {
    return await scanWorkspace(root, { now: () => new Date(0) });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** What the advisor reads of a chat call at a stated volume (100,000 calls a month, 1,000 tokens in, 300 out); `overrides` replace whole fields. */
export function adviceInput(model: ModelRef, overrides: Partial<AdviceInput> = {}): AdviceInput {
  return {
    model,
    provider: 'openai',
    endpoint: 'chat',
    task: { type: 'chat', confidence: 0.8, reasons: [] },
    tokens: { inputPerCall: 1000, outputPerCall: 300, method: 'test' },
    volume: { callsPerMonth: 100_000, source: 'usage-file' },
    features: { streaming: false, tools: false, vision: false, structuredOutput: false },
    ...overrides,
  };
}

/**
 * An app's registry of AI SDK model objects keyed by name, with a default for a name it does not hold (file-organizer-2000's
 * `lib/models.ts` in small): the analyzer's and the scan's tests of how a model picked from it is read share it.
 */
export const MODEL_REGISTRY_MODULE = `import { createOpenAI } from '@ai-sdk/openai';
import { createAnthropic } from '@ai-sdk/anthropic';
const DEFAULT_MODEL = 'gpt-4o';
const models = {
  'gpt-4o-mini': createOpenAI({ apiKey: process.env.OPENAI_API_KEY })('gpt-4o-mini'),
  'gpt-4o': createOpenAI({ apiKey: process.env.OPENAI_API_KEY })('gpt-4o'),
  'claude-3-5-haiku-20241022': createAnthropic({})('claude-3-5-haiku-20241022'),
};
export const getModel = (name: string) => {
  if (!models[name]) return models[DEFAULT_MODEL];
  return models[name];
};
`;
