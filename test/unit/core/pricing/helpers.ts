/** Shared setup of the pricing tests: the bundled catalog, its rows by id (failing loudly when one is missing), and an advice input. */
import assert from 'node:assert/strict';
import { findArchitecture, findGpu, loadCatalog } from '../../../../src/core/catalog/catalog';
import type { AdviceInput } from '../../../../src/core/pricing/advisor';
import type { TaskType } from '../../../../src/model/types';

export const catalog = loadCatalog();

export const noFeatures = { streaming: false, tools: false, vision: false, structuredOutput: false };

export function arch(id: string) {
  const found = findArchitecture(catalog, id);
  assert.ok(found, `architecture ${id} missing`);
  return found;
}

export function gpu(id: string) {
  const found = findGpu(catalog, id);
  assert.ok(found, `gpu ${id} missing`);
  return found;
}

/** A classification call of 1,000 in / 200 out tokens at 100,000 calls/month on OpenAI; `null` is a model the code does not state. */
export function adviceInput(model: string | null, over: Partial<AdviceInput> & { taskType?: TaskType } = {}): AdviceInput {
  const { taskType, ...rest } = over;
  return {
    model: { id: model, raw: model ?? 'process.env.MODEL', source: model ? 'literal' : 'dynamic' },
    provider: 'openai',
    endpoint: 'chat',
    task: { type: taskType ?? 'classification', confidence: 0.9, reasons: [] },
    tokens: { inputPerCall: 1000, outputPerCall: 200, method: 'counted (test)' },
    volume: { callsPerMonth: 100_000, source: 'annotation' },
    features: noFeatures,
    ...rest,
  };
}
