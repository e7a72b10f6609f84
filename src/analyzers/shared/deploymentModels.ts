import type { DetectedCall, Endpoint, ModelCandidate } from '../../model/types';
import { MAX_MODEL_CANDIDATES } from './resolve';
import type { ModelListSetting, WorkspaceSettings } from './settings';

/** Endpoints a chat app's model list serves; an embedding or speech request has a model of its own. */
const LIST_ENDPOINTS: ReadonlySet<Endpoint> = new Set(['chat', 'completion']);

/**
 * A chat app that serves many models (chat-ui and its kind) sends each conversation's model object to one
 * request helper: the code never names a model, the deployment does, in one env variable holding the list as
 * JSON (`MODELS=[{ "id": "org/model" }, …]`) that the code parses. A request whose model the scan could not
 * trace (`model.id`, `modelId` of such an object) is given that list: the app's default (its first entry) first,
 * every listed model a candidate. A first entry that names a router alias stands for what the router sends, the
 * models of the routes file the same deployment points it at (its first route's primary model first).
 *
 * Only when the workspace has one such list and the code reads its variable (`codeReadsList`, from the source
 * texts); only requests still without a model and not chosen by the end user or the deployment's own variable.
 * Replaces the changed calls in the array with new objects (never edits a call).
 */
export function modelsFromDeploymentList(calls: DetectedCall[], settings: WorkspaceSettings, codeReadsList: (name: string) => boolean): void {
  const names = new Set((settings.modelLists ?? []).map((list) => list.name));
  if (names.size !== 1) return;
  const list = (settings.modelLists ?? []).find((candidate) => codeReadsList(candidate.name));
  if (!list) return;
  const candidates = listCandidates(list);
  if (candidates.length === 0) return;
  const described = describe(list);
  for (const [index, call] of calls.entries()) {
    if (call.model.id !== null || call.model.source !== 'dynamic' || (call.model.candidates?.length ?? 0) > 0) continue;
    if (!LIST_ENDPOINTS.has(call.endpoint) || !/model/i.test(call.model.raw)) continue;
    // A new object, not an edit: the call may belong to a cached file analysis that a later scan reuses after the list changed.
    calls[index] = {
      ...call,
      model: { ...call.model, id: candidates[0].id, source: candidates[0].source, ...(candidates.length > 1 ? { candidates } : {}) },
      evidence: [...call.evidence, `model \`${call.model.raw}\` is the model object the app picks per conversation from ${described}: ${candidates.map((candidate) => `${candidate.id} (${candidate.where})`).join(', ')}`],
    };
  }
}

function listCandidates(list: ModelListSetting): ModelCandidate[] {
  const candidates: ModelCandidate[] = [];
  for (const model of [...list.aliasModels, ...list.models]) {
    if (candidates.length < MAX_MODEL_CANDIDATES && !candidates.some((known) => known.id === model.value)) candidates.push({ id: model.value, source: 'config', where: `${model.file}:${model.line}` });
  }
  return candidates;
}

function describe(list: ModelListSetting): string {
  const where = `the deployment's model list ${list.name} (${list.file}:${list.line})`;
  return list.aliasRoutesFile ? `${where}, whose first entry is a router alias sending the models of ${list.aliasRoutesFile} (its first route's primary model first)` : `${where}, the first entry the app's default`;
}
