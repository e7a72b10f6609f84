import { Node, type CallExpression, type NewExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { findDeclaration, getObjectProperty, placeOf, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, madeByExport, readModel, traceValue } from './shared/sdk';

/**
 * Dexter (`@dexaai/dexter`), a TypeScript library of model classes over OpenAI's API (its `openai-fetch` client):
 * - `new ChatModel({ params: { model } })` then `chatModel.run({ messages })`; `EmbeddingModel` / `CompletionModel` likewise
 *   (`run({ input })`, `run({ prompt })`);
 * - `createAIRunner({ chatModel, functions, systemMessage })` makes a function: each call (`await runner('...')`) sends the
 *   input with the functions as tools, then again with each function's result until the model answers;
 * - `createAIExtractFunction({ chatModel, schema })` / `createAIFunction(...)` make a function whose call asks the model to
 *   fill the schema (structured output).
 * Making a model, a runner or a function sends nothing. Requests go to OpenAI unless the model is given a client of its own.
 */
const PACKAGE = /^@dexaai\/dexter(?:\/|$)/;

const MODEL_CLASSES: Readonly<Record<string, { endpoint: Endpoint; input: string }>> = {
  ChatModel: { endpoint: 'chat', input: 'messages' },
  CompletionModel: { endpoint: 'completion', input: 'prompt' },
  EmbeddingModel: { endpoint: 'embedding', input: 'input' },
};

/** The library's function factories: what each call of the function made does. */
const FUNCTION_FACTORIES: Readonly<Record<string, { tools: boolean; structured: boolean; system: string }>> = {
  createAIRunner: { tools: true, structured: false, system: 'systemMessage' },
  createAIExtractFunction: { tools: false, structured: true, system: 'systemMessage' },
  createAIFunction: { tools: false, structured: true, system: 'systemMessage' },
};

export const dexterAnalyzer: Analyzer = {
  id: 'dexter',
  packages: [PACKAGE],
  analyze(context) {
    const calls = eachCall(modelRun, (name) => name === 'run')(context);
    // A runner is called by whatever name the app gives it: only files importing Dexter are searched for its calls.
    if (context.sourceFile.getFullText().includes(DEXTER_NAME)) calls.push(...eachCall(functionRun)(context));
    return calls;
  },
};

const DEXTER_NAME = '@dexaai/dexter';

/** The Dexter class a value was made from (`new ChatModel(options)`), through constants and imports. */
function madeFrom(expression: Node, context: AnalyzerContext): { made: NewExpression; className: string } | undefined {
  const found = madeByExport(expression, 'new', context.modules, (binding) => PACKAGE.test(binding.packageName) && Object.hasOwn(MODEL_CLASSES, binding.importedName));
  return found && { made: found.made, className: found.binding.importedName };
}

/** `chatModel.run({ messages })` (also an embedding or completion model's `run`). */
function modelRun(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'run') return undefined;
  const model = madeFrom(callee.getExpression(), context);
  if (!model) return undefined;
  const kind = MODEL_CLASSES[model.className];
  const params = resolveObjectLiteral(call.getArguments()[0], context.modules);
  const input = getObjectProperty(params, kind.input, context.modules);
  const messages: PromptMessage[] = kind.endpoint === 'chat' ? resolveMessages(input, context.modules).messages : input ? [{ role: 'user', ...resolvePromptText(input, context.modules) }] : [];
  const read = modelOf(model.made, params, context);
  return report(call, context, {
    method: `${model.className}.run`,
    endpoint: kind.endpoint,
    model: read.ref,
    messages,
    maxOutputTokens: read.maxTokens,
    tools: Boolean(getObjectProperty(params, 'tools', context.modules)),
    structured: false,
    evidence: [`run() of new ${model.className}(...) from Dexter (${placeOf(model.made)})`, ...read.evidence],
  });
}

/** `await runner('...')` where `const runner = createAIRunner({ chatModel, functions })` (or an extract function). */
function functionRun(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isIdentifier(callee)) return undefined;
  const declaration = findDeclaration(callee, context.modules);
  if (!declaration || Node.isFunctionDeclaration(declaration) || Node.isParameterDeclaration(declaration)) return undefined;
  const made = traceValue(callee, context.modules);
  if (!Node.isCallExpression(made) || made === call) return undefined;
  const binding = calleeBinding(unwrapExpression(made.getExpression()), context.modules);
  if (!binding || !PACKAGE.test(binding.packageName) || !Object.hasOwn(FUNCTION_FACTORIES, binding.importedName)) return undefined;
  const factory = FUNCTION_FACTORIES[binding.importedName];
  const options = resolveObjectLiteral(made.getArguments()[0], context.modules);
  const chatModel = getObjectProperty(options, 'chatModel', context.modules);
  const model = chatModel ? madeFrom(chatModel, context) : undefined;
  const read = model ? modelOf(model.made, undefined, context) : { ref: { id: null, raw: chatModel?.getText() ?? '', source: 'dynamic' as const }, maxTokens: null, evidence: ['the chat model is not traced to a Dexter ChatModel'] };
  const messages: PromptMessage[] = [];
  const system = getObjectProperty(options, factory.system, context.modules);
  if (system) messages.push({ role: 'system', ...resolvePromptText(system, context.modules) });
  const input = call.getArguments()[0];
  if (input) messages.push({ role: 'user', ...resolvePromptText(input, context.modules) });
  const functions = factory.tools ? getObjectProperty(options, 'functions', context.modules) : undefined;
  return report(call, context, {
    method: binding.importedName,
    endpoint: 'chat',
    model: read.ref,
    messages,
    maxOutputTokens: read.maxTokens,
    tools: functions !== undefined,
    structured: factory.structured,
    evidence: [
      `calls the function made by ${binding.importedName}() from Dexter (${placeOf(made)})`,
      ...(functions ? [`functions ${functions.getText().slice(0, 60)} are offered as tools; the runner asks the model again with each result until it answers`] : []),
      ...read.evidence,
    ],
  });
}

/** The model a request uses: its own `model` param, else the one the model class was made with (`params: { model }`). */
function modelOf(made: NewExpression, requestParams: Node | undefined, context: AnalyzerContext): { ref: ModelRef; maxTokens: number | null; evidence: string[] } {
  const params = resolveObjectLiteral(getObjectProperty(resolveObjectLiteral(made.getArguments()[0], context.modules), 'params', context.modules), context.modules);
  const node = getObjectProperty(requestParams, 'model', context.modules) ?? getObjectProperty(params, 'model', context.modules);
  const read = readModel(node, context.modules);
  return { ref: read.ref, maxTokens: resolveNumber(getObjectProperty(requestParams, 'max_tokens', context.modules) ?? getObjectProperty(params, 'max_tokens', context.modules), context.modules), evidence: node ? read.evidence : ["no model given: Dexter's default model for the class"] };
}

function report(call: CallExpression, context: AnalyzerContext, draft: { method: string; endpoint: Endpoint; model: ModelRef; messages: PromptMessage[]; maxOutputTokens: number | null; tools: boolean; structured: boolean; evidence: string[] }): DetectedCall {
  return toDetectedCall(call, context, {
    provider: 'openai',
    sdk: 'dexter',
    method: draft.method,
    endpoint: draft.endpoint,
    model: draft.model,
    messages: draft.messages,
    maxOutputTokens: draft.maxOutputTokens,
    features: { streaming: false, tools: draft.tools, vision: false, structuredOutput: draft.structured, ...(draft.tools ? { multiStep: true } : {}) },
    toolNames: [],
    evidence: [...draft.evidence, "sent with Dexter's OpenAI client (openai-fetch) unless the model is given a client of its own"],
  });
}
