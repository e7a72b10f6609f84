import { Node } from 'ts-morph';
import type { DetectedCall, ModelRef } from '../../model/types';
import type { AnalyzerContext } from '../analyzer';
import { unwrapExpression } from './resolve';
import { aiSdkFactoryProvider, readModel } from './sdk';

/**
 * An agent framework's `model` option: an AI SDK model object (`openai('gpt-4o')`, `anthropic('claude-opus-5')`) or a
 * `'provider/model'` string the framework routes (Mastra's model router, eve's default through the Vercel AI Gateway).
 * `router` names who routes such a string, for the evidence; `gateway`, when the string goes to a gateway that bills it
 * (the AI Gateway), is its provider, and the model keeps its whole id, as the AI SDK's gateway strings do.
 */
export function agentModel(node: Node | undefined, context: AnalyzerContext, evidence: string[], router: string, gateway?: string): { provider: string; model: ModelRef } {
  const unknown = { provider: 'unknown', model: { id: null, raw: node?.getText() ?? '', source: 'dynamic' as const } };
  if (!node) {
    evidence.push('no model option on the agent');
    return unknown;
  }
  const value = unwrapExpression(node);
  if (Node.isCallExpression(value)) {
    const callee = unwrapExpression(value.getExpression());
    const provider = aiSdkFactoryProvider(Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee, context.modules, evidence);
    const id = value.getArguments()[0] ? readModel(value.getArguments()[0], context.modules) : undefined;
    if (provider && id) {
      evidence.push(...id.evidence);
      return { provider, model: id.ref };
    }
  }
  const written = readModel(node, context.modules);
  const routed = written.ref.id ? /^([\w.-]+)\/(.+)$/.exec(written.ref.id) : null;
  if (routed) {
    evidence.push(...written.evidence, `model "${written.ref.id}": ${router} sends it to ${routed[1]}`);
    return gateway ? { provider: gateway, model: written.ref } : { provider: routed[1], model: { ...written.ref, id: routed[2] } };
  }
  evidence.push(`agent model \`${node.getText().slice(0, 60)}\` not statically known`);
  return unknown;
}

/**
 * Where each framework reports an agent it sees made but not run (`new Agent` of Mastra, handed to a framework that
 * runs it; eve's `defineAgent`, run by eve's runtime for each message a channel sends).
 */
const AGENT_DEFINITIONS: ReadonlyArray<{ sdk: string; method: string }> = [
  { sdk: 'mastra', method: 'new Agent' },
  { sdk: 'eve', method: 'defineAgent' },
];

function isDefinition(call: DetectedCall): boolean {
  return AGENT_DEFINITIONS.some((definition) => definition.sdk === call.sdk && definition.method === call.method);
}

/**
 * Drops the sites of agents reported where they are made when a run of the same agent (`agent.generate`,
 * `mastra.getAgent(...).stream`, an eve client's `agent.send(...)`) is reported in another file: the run is the
 * request, counted once.
 */
export function dropAgentsRunElsewhere(calls: DetectedCall[]): void {
  const run = new Set(calls.filter((call) => call.agentDefinition !== undefined && AGENT_DEFINITIONS.some((definition) => definition.sdk === call.sdk) && !isDefinition(call)).map((call) => call.agentDefinition));
  for (let index = calls.length - 1; index >= 0; index--) {
    const call = calls[index];
    if (isDefinition(call) && run.has(call.agentDefinition)) calls.splice(index, 1);
  }
}
