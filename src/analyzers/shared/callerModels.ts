import type { DetectedCall, ModelCandidate } from '../../model/types';
import { MAX_MODEL_CANDIDATES } from './resolve';

/** How a helper's evidence says its model is the one its callers pass (read by the relay folding: such a caller has said something). */
export const MODEL_FROM_CALLERS = 'model taken from what its';

/** Helper levels a model is carried up through (feature → helper → helper → request). */
const MAX_LEVELS = 4;

/**
 * An app helper whose request takes its model from a parameter (`generateCommitMessage(apiKey, model, ...)`)
 * has no model of its own, but its callers (found by the wrapper-caller search, each a call site with the
 * model it passes) say which ones it runs: the helper's request is given those, the first caller's first,
 * marked as what the callers pass. Helpers with a model of their own keep it. Replaces the changed calls in the array
 * with new objects (never edits a call).
 */
export function modelsFromCallers(calls: DetectedCall[]): void {
  for (let level = 0; level < MAX_LEVELS; level++) {
    let changed = false;
    for (const [index, helper] of calls.entries()) {
      if (helper.model.id !== null || helper.model.source === 'deployment-choice' || helper.model.source === 'user-choice') continue;
      // A caller priced as another kind of request (a chat model on a caller of an embeddings helper, reached through a
      // feature that also asks a chat model) names no model of this one.
      const callers = callersOf(helper, calls).filter((caller) => caller.model.id !== null && caller.endpoint === helper.endpoint);
      if (callers.length === 0) continue;
      const candidates = candidatesOfCalls(callers, (caller) => `${caller.file}:${caller.line}`);
      const first = candidates[0];
      // A new object in the helper's place, not an edit: the helper's call may belong to a cached file analysis
      // that the next scan reuses with other callers (the editor's ScanCache).
      calls[index] = {
        ...helper,
        model: { ...helper.model, id: first.id, source: first.source, ...(candidates.length > 1 ? { candidates } : {}) },
        evidence: [...helper.evidence, `${MODEL_FROM_CALLERS} ${callers.length} caller(s) pass: ${candidates.map((candidate) => `${candidate.id} (${candidate.where})`).join(', ')}`],
      };
      changed = true;
    }
    if (!changed) return;
  }
}

/**
 * The calls made through a helper's request: those whose `via` names it, else those reaching it through a hop of the
 * helper's own module left out of the sites (`via.through`: aicommits' commands call `generateCommitMessage`, a hop to
 * its module's private `createChatCompletion`, whose request is the site). A hop in another module may lead to
 * several implementations (`through` names them all), so what its callers pass is not taken as any one's.
 */
function callersOf(helper: DetectedCall, calls: readonly DetectedCall[]): DetectedCall[] {
  const direct = calls.filter((caller) => caller.via?.file === helper.file && caller.via.line === helper.line);
  if (direct.length > 0) return direct;
  return calls.filter((caller) => caller.via?.file === helper.file && caller.via.through?.some((step) => step.file === helper.file && step.line === helper.line));
}

/**
 * A helper that makes its request on a client it is handed (`clientParameter`) is served by whoever its callers'
 * clients point at (each caller reads that off the client it passes): when every caller says the same provider, the
 * helper's own site says it too (anthropic-tooled helpers handed only Bedrock clients are Bedrock's requests). Callers
 * that disagree, or a helper without callers, leave the helper's provider as its request states it. New objects in
 * the helpers' places, as `modelsFromCallers` makes.
 */
export function providersFromCallers(calls: DetectedCall[]): void {
  for (const [index, helper] of calls.entries()) {
    if (!helper.clientParameter) continue;
    const callers = callersOf(helper, calls);
    const providers = new Set(callers.map((caller) => caller.provider));
    if (providers.size !== 1) continue;
    const [provider] = providers;
    if (provider === helper.provider) continue;
    calls[index] = { ...helper, provider, evidence: [...helper.evidence, `provider: every one of its ${callers.length} caller(s) hands it a client served by ${provider}`] };
  }
}

/**
 * The models several calls with a stated model send, in order and each id once (at most MAX_MODEL_CANDIDATES):
 * a call's candidates, or its one model placed at `where` (the caller's own line, or the adapter's request).
 */
export function candidatesOfCalls(calls: readonly DetectedCall[], where: (call: DetectedCall) => string): ModelCandidate[] {
  const candidates: ModelCandidate[] = [];
  for (const call of calls) {
    for (const candidate of call.model.candidates ?? [{ id: call.model.id!, source: call.model.source, where: where(call) }]) {
      if (candidates.length < MAX_MODEL_CANDIDATES && !candidates.some((known) => known.id === candidate.id)) candidates.push(candidate);
    }
  }
  return candidates;
}
