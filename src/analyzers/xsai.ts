import type { CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveContentParts, resolveMessages } from './shared/prompt';
import { getObjectProperty, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, providerFromOptions, readModel, readToolNames } from './shared/sdk';

/**
 * xsAI (`xsai`, and its parts published as `@xsai/*`): functions that each send one request to an OpenAI-compatible
 * API, the server named by the request's own `baseURL` (`generateText({ baseURL, apiKey, model, messages })`). With
 * tools and `maxSteps`, `generateText` / `streamText` ask again with each tool's result. The provider is the base
 * URL's; a base URL we do not recognise leaves it unknown.
 */
const PACKAGE = /^(?:xsai|@xsai\/[\w-]+)$/;

const FUNCTIONS: Readonly<Record<string, { endpoint: Endpoint; streaming: boolean; structured: boolean }>> = {
  generateText: { endpoint: 'chat', streaming: false, structured: false },
  streamText: { endpoint: 'chat', streaming: true, structured: false },
  generateObject: { endpoint: 'chat', streaming: false, structured: true },
  streamObject: { endpoint: 'chat', streaming: true, structured: true },
  embed: { endpoint: 'embedding', streaming: false, structured: false },
  embedMany: { endpoint: 'embedding', streaming: false, structured: false },
  generateImage: { endpoint: 'image-generation', streaming: false, structured: false },
  generateSpeech: { endpoint: 'audio-speech', streaming: false, structured: false },
  generateTranscription: { endpoint: 'audio-transcription', streaming: false, structured: false },
};

export const xsaiAnalyzer: Analyzer = {
  id: 'xsai',
  packages: [PACKAGE],
  analyze: eachCall(analyzeCall, (name) => Object.hasOwn(FUNCTIONS, name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  const binding = calleeBinding(callee, context.modules);
  if (!binding || !PACKAGE.test(binding.packageName) || !Object.hasOwn(FUNCTIONS, binding.importedName)) return undefined;
  const kind = FUNCTIONS[binding.importedName];
  const modules = context.modules;
  const options = resolveObjectLiteral(call.getArguments()[0], modules);
  const evidence: string[] = [`${binding.importedName}() from '${binding.packageName}'`];
  const provider = providerFromOptions(options, modules, evidence, ['baseURL']) ?? 'unknown';
  if (provider === 'unknown') evidence.push('sent to the request\'s baseURL, which names no provider we know');
  const model = readModel(getObjectProperty(options, 'model', modules), modules);
  const messages: PromptMessage[] = [];
  let vision = false;
  const turns = getObjectProperty(options, 'messages', modules);
  if (turns) {
    const resolved = resolveMessages(turns, modules);
    messages.push(...resolved.messages);
    vision = resolved.hasImage;
  }
  const input = getObjectProperty(options, kind.endpoint === 'embedding' ? 'input' : 'prompt', modules);
  if (input) {
    const parts = resolveContentParts(input, modules);
    messages.push({ role: 'user', ...parts.text });
    vision ||= parts.hasImage;
  }
  const tools = getObjectProperty(options, 'tools', modules);
  return toDetectedCall(call, context, {
    provider,
    sdk: 'xsai',
    method: binding.importedName,
    endpoint: kind.endpoint,
    model: model.ref,
    messages,
    maxOutputTokens: resolveNumber(getObjectProperty(options, 'maxTokens', modules) ?? getObjectProperty(options, 'max_tokens', modules), modules),
    features: { streaming: kind.streaming, tools: tools !== undefined, vision, structuredOutput: kind.structured, ...(tools ? { multiStep: true } : {}) },
    toolNames: readToolNames(tools, modules),
    evidence: [...evidence, ...model.evidence],
  });
}
