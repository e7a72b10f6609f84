import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint } from '../model/types';
import { IN_PROCESS_PROVIDER } from '../model/vocabulary';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { getObjectProperty, placeOf, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, fieldTypeBinding, isTrueLiteral, lastNamesOf, matchMethodTable, readModel, standsForPackageType, traceValue } from './shared/sdk';
import { propertyTypeOf, resolvedTypeNode } from './shared/shapes';

/**
 * WebLLM (`@mlc-ai/web-llm`): `CreateMLCEngine(model)` loads a model into the end user's browser, which runs it on
 * the end user's GPU through WebGPU; requests are `engine.chat.completions.create(...)` (OpenAI's shape, not OpenAI's
 * service). Provider `local` (no API), and, unlike a model in the app's own process, no hardware of the team's either:
 * the advisor reports such a call unpriced, with the runtime's row in on-device-runtimes.json as its reason.
 */
const WEB_LLM_PACKAGE = '@mlc-ai/web-llm';
/** The engine factories, by the index of the argument that names the model. */
const WEB_LLM_FACTORIES: Readonly<Record<string, number>> = { CreateMLCEngine: 0, CreateWebWorkerMLCEngine: 1, CreateServiceWorkerMLCEngine: 0 };
const WEB_LLM_METHODS = [
  { path: 'chat.completions.create', endpoint: 'chat' as Endpoint },
  // The engine's own methods, which the OpenAI-shaped ones call.
  { path: 'chatCompletion', endpoint: 'chat' as Endpoint },
  { path: 'completion', endpoint: 'completion' as Endpoint },
  { path: 'embedding', endpoint: 'embedding' as Endpoint },
  { path: 'completions.create', endpoint: 'completion' as Endpoint },
  { path: 'embeddings.create', endpoint: 'embedding' as Endpoint },
];

const WEB_LLM_METHOD_NAMES = lastNamesOf(WEB_LLM_METHODS);

export const webLlmAnalyzer: Analyzer = {
  id: 'web-llm',
  packages: [WEB_LLM_PACKAGE],
  analyze: eachCall(webLlmRequest, (name) => WEB_LLM_METHOD_NAMES.has(name)),
};

function webLlmRequest(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const match = matchMethodTable(call, WEB_LLM_METHODS, context.modules);
  if (!match) return undefined;
  const created = traceValue(match.receiver, context.modules);
  const made = Node.isCallExpression(created) || Node.isNewExpression(created) ? created : undefined;
  const binding = made && calleeBinding(unwrapExpression(made.getExpression()), context.modules);
  const declared = binding ? undefined : declaredEngineType(match.receiver, context);
  if (binding?.packageName !== WEB_LLM_PACKAGE && !declared) return undefined;
  const evidence = [made && binding ? `engine created with ${binding.importedName}() from '${WEB_LLM_PACKAGE}' at ${placeOf(made)}` : `engine declared as ${declared} from '${WEB_LLM_PACKAGE}'`];
  const params = resolveObjectLiteral(match.arguments[0], context.modules);
  const factoryIndex = binding && Object.hasOwn(WEB_LLM_FACTORIES, binding.importedName) ? WEB_LLM_FACTORIES[binding.importedName] : undefined;
  const modelNode = getObjectProperty(params, 'model', context.modules) ?? (made && factoryIndex !== undefined ? made.getArguments()[factoryIndex] : undefined) ?? (made ? reloadedModel(made, context) : undefined);
  const model = readModel(modelNode, context.modules);
  evidence.push(...model.evidence, "runs in the user's browser on the user's GPU (WebGPU): no API cost, the weights download to the browser once");
  const messagesNode = getObjectProperty(params, 'messages', context.modules);
  const prompt = getObjectProperty(params, 'prompt', context.modules) ?? getObjectProperty(params, 'input', context.modules);
  return toDetectedCall(call, context, {
    provider: IN_PROCESS_PROVIDER,
    sdk: webLlmAnalyzer.id,
    method: match.method.path,
    endpoint: match.method.endpoint,
    model: model.ref,
    messages: messagesNode ? resolveMessages(messagesNode, context.modules).messages : prompt ? [{ role: 'user', ...resolvePromptText(prompt, context.modules) }] : [],
    maxOutputTokens: resolveNumber(getObjectProperty(params, 'max_tokens', context.modules), context.modules),
    features: { streaming: isTrueLiteral(getObjectProperty(params, 'stream', context.modules)), tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}

/**
 * `this.webllm.engine` of a class declaring `webllm: { type: 'webWorker'; engine: WebWorkerMLCEngine } | ...` (or
 * `this.engine: MLCEngine`): the engine type from WebLLM the member is declared with, when it is made in another branch
 * or method than the one tracing follows. Undefined for anything else.
 */
function declaredEngineType(receiver: Node, context: AnalyzerContext): string | undefined {
  if (!Node.isPropertyAccessExpression(receiver)) return undefined;
  const own = fieldTypeBinding(receiver, context.modules);
  if (own) return own.packageName === WEB_LLM_PACKAGE ? own.typeName : undefined;
  const holder = receiver.getExpression();
  if (!Node.isPropertyAccessExpression(holder) || holder.getExpression().getKind() !== SyntaxKind.ThisKeyword) return undefined;
  const field = holder.getFirstAncestorByKind(SyntaxKind.ClassDeclaration)?.getInstanceProperty(holder.getName());
  const fieldType = field && Node.isPropertyDeclaration(field) ? field.getTypeNode() : undefined;
  const resolved = fieldType && resolvedTypeNode(fieldType, context.modules);
  for (const member of resolved && Node.isUnionTypeNode(resolved) ? resolved.getTypeNodes() : resolved ? [resolved] : []) {
    const engine = propertyTypeOf(member, receiver.getName(), context.modules);
    if (engine && standsForPackageType(engine, (type) => type.packageName === WEB_LLM_PACKAGE, context.modules)) return engine.getText();
  }
  return undefined;
}

/** `const engine = new MLCEngine(); await engine.reload('Llama-3.1-8B-Instruct-q4f32_1-MLC')`: the model given to reload in the same file. */
function reloadedModel(created: Node, context: AnalyzerContext): Node | undefined {
  for (const call of context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'reload' && traceValue(callee.getExpression(), context.modules) === created) return call.getArguments()[0];
  }
  return undefined;
}
