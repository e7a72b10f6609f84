import { Node, type CallExpression, type SourceFile } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveMessages, resolvePromptText, readStepLimit } from './shared/prompt';
import { getObjectProperty, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, firstProperty, parameterTypeBinding, providerFromOptions, readModel, readSystemPrompt, readToolNames, requestObject, traceValue } from './shared/sdk';

/**
 * The Vercel AI SDK (`ai`): request functions imported from the package, with the model built by
 * an `@ai-sdk/*` provider (`openai('gpt-4o')`, `createOpenAI({ baseURL })('...')`, `anthropic.messages(...)`)
 * or named by a gateway string (`'openai/gpt-4o'`). A local function that shares a name is not ours,
 * and neither are client-side hooks (`useChat`), which call the app's own route.
 */
const FUNCTIONS: Readonly<Record<string, { endpoint: Endpoint; streaming?: boolean; structured?: boolean }>> = {
  generateText: { endpoint: 'chat' },
  streamText: { endpoint: 'chat', streaming: true },
  generateObject: { endpoint: 'chat', structured: true },
  streamObject: { endpoint: 'chat', streaming: true, structured: true },
  streamUI: { endpoint: 'chat', streaming: true },
  embed: { endpoint: 'embedding' },
  embedMany: { endpoint: 'embedding' },
  generateImage: { endpoint: 'image-generation' },
  experimental_generateImage: { endpoint: 'image-generation' },
  transcribe: { endpoint: 'audio-transcription' },
  experimental_transcribe: { endpoint: 'audio-transcription' },
  generateSpeech: { endpoint: 'audio-speech' },
  experimental_generateSpeech: { endpoint: 'audio-speech' },
};

const AI_PACKAGES = new Set(['ai', 'ai/rsc']);

/** Who serves and bills a model built by each provider package. */
const PROVIDER_BY_PACKAGE: Readonly<Record<string, string>> = {
  '@ai-sdk/openai': 'openai',
  '@ai-sdk/azure': 'azure-openai',
  '@ai-sdk/anthropic': 'anthropic',
  '@ai-sdk/google': 'google',
  '@ai-sdk/google-vertex': 'google-vertex',
  '@ai-sdk/google-vertex/anthropic': 'google-vertex',
  '@ai-sdk/amazon-bedrock': 'aws-bedrock',
  '@ai-sdk/groq': 'groq',
  '@ai-sdk/mistral': 'mistral',
  '@ai-sdk/cohere': 'cohere',
  '@ai-sdk/togetherai': 'together',
  '@ai-sdk/fireworks': 'fireworks',
  '@ai-sdk/deepinfra': 'deepinfra',
  '@ai-sdk/deepseek': 'deepseek',
  '@ai-sdk/xai': 'xai',
  '@ai-sdk/perplexity': 'perplexity',
  '@ai-sdk/cerebras': 'cerebras',
  '@ai-sdk/gateway': 'vercel-gateway',
  '@ai-sdk/openai-compatible': 'openai-compatible',
  '@openrouter/ai-sdk-provider': 'openrouter',
  'ollama-ai-provider': 'ollama',
  'ollama-ai-provider-v2': 'ollama',
};

const MAX_MODEL_DEPTH = 8;

export const vercelAiAnalyzer: Analyzer = {
  id: 'vercel-ai',
  packages: [...AI_PACKAGES, /^@ai-sdk\//],
  analyze(context: AnalyzerContext): DetectedCall[] {
    const aliases = localAliases(context.sourceFile);
    return eachCall((call, callContext) => analyzeCall(call, callContext, aliases), (name) => name in FUNCTIONS || aliases.has(name))(context);
  },
};

/** Local names given to the request functions in `import { generateText as gen } from 'ai'`, read once per file. */
function localAliases(sourceFile: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const declaration of sourceFile.getImportDeclarations()) {
    if (!AI_PACKAGES.has(declaration.getModuleSpecifierValue())) continue;
    for (const specifier of declaration.getNamedImports()) {
      const alias = specifier.getAliasNode()?.getText();
      if (alias && specifier.getName() in FUNCTIONS) names.add(alias);
    }
  }
  return names;
}

function analyzeCall(call: CallExpression, context: AnalyzerContext, aliases: Set<string>): DetectedCall | undefined {
  const callee = call.getExpression();
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  // Cheap gate before resolving the binding: only the SDK's function names (or their local aliases) can be ours.
  if (!name || !(name in FUNCTIONS || aliases.has(name))) return undefined;
  const binding = calleeBinding(callee, context.modules);
  if (!binding || !AI_PACKAGES.has(binding.packageName)) return undefined;
  const spec = FUNCTIONS[binding.importedName];
  if (!spec) return undefined;

  const evidence = [`${binding.importedName} imported from '${binding.packageName}'`];
  const params = requestObject(call, context.modules);
  if (!params && call.getArguments()[0]) evidence.push(`options \`${call.getArguments()[0].getText().slice(0, 60)}\` not statically known`);
  const modelNode = getObjectProperty(params, 'model', context.modules);
  const model = modelNode ? resolveModel(modelNode, context, evidence) : { provider: 'unknown', ref: { id: null, raw: '', source: 'dynamic' as const } };

  const { messages, hasImage } = readPrompt(binding.importedName, params, context);
  const tools = getObjectProperty(params, 'tools', context.modules);
  const schema = getObjectProperty(params, 'schema', context.modules);
  const output = getObjectProperty(params, 'experimental_output', context.modules) ?? getObjectProperty(params, 'output', context.modules);
  const structuredByOutput = Boolean(output && /Output\.(object|array|choice)/.test(output.getText()));
  // `maxSteps` / `stopWhen`: the SDK runs the tool loop itself, one request per step.
  const stepLimit = tools ? readStepLimit(params, context.modules) : undefined;
  if (stepLimit) evidence.push(`multi-step: ${stepLimit.basis}`);
  return toDetectedCall(call, context.file, {
    provider: model.provider,
    sdk: 'vercel-ai',
    method: binding.importedName,
    endpoint: spec.endpoint,
    model: model.ref,
    messages,
    maxOutputTokens: resolveNumber(firstProperty(params, ['maxOutputTokens', 'maxTokens'], context.modules), context.modules),
    features: {
      streaming: Boolean(spec.streaming),
      tools: Boolean(tools),
      vision: hasImage,
      structuredOutput: Boolean(spec.structured) || structuredByOutput,
      ...(stepLimit ? { multiStep: true } : {}),
    },
    ...(stepLimit ? { steps: stepLimit } : {}),
    toolNames: readToolNames(tools, context.modules),
    structuredOutputName: spec.structured || structuredByOutput ? schemaName(schema ?? output) : undefined,
    evidence,
  });
}

interface ResolvedModel {
  provider: string;
  ref: ModelRef;
}

/**
 * The model option: a provider call (`openai('gpt-4o')`, `openai.chat(...)`, `myProvider(...)` made by
 * `createOpenAI`), `wrapLanguageModel({ model })`, `registry.languageModel('openai:gpt-4o')`, or a
 * gateway string `'openai/gpt-4o'`; followed through constants and other modules.
 */
function resolveModel(modelNode: Node, context: AnalyzerContext, evidence: string[], depth = 0): ResolvedModel {
  const unknown: ResolvedModel = { provider: 'unknown', ref: { id: null, raw: modelNode.getText(), source: 'dynamic' } };
  if (depth > MAX_MODEL_DEPTH) return unknown;
  const traced = traceValue(modelNode, context.modules);
  const viaOtherNode = traced !== unwrapExpression(modelNode);
  if (Node.isStringLiteral(traced) || Node.isNoSubstitutionTemplateLiteral(traced) || Node.isBinaryExpression(traced)) {
    const model = readModel(modelNode, context.modules);
    evidence.push(...model.evidence);
    if (model.ref.id === null) return unknown;
    evidence.push(`model string "${model.ref.id}" goes through the AI Gateway`);
    return { provider: model.ref.id.includes('/') ? 'vercel-gateway' : 'unknown', ref: model.ref };
  }
  if (Node.isConditionalExpression(traced)) {
    // `flag ? anthropic('…') : openai('…')`: report the first branch that resolves, and say there is a choice.
    for (const branch of [traced.getWhenTrue(), traced.getWhenFalse()]) {
      const resolved = resolveModel(branch, context, evidence, depth + 1);
      if (resolved.ref.id !== null) {
        evidence.push(`model chosen at run time by \`${traced.getCondition().getText().slice(0, 40)}\`; the first resolvable branch is reported`);
        return resolved;
      }
    }
    return unknown;
  }
  if (!Node.isCallExpression(traced)) {
    evidence.push(`model \`${modelNode.getText().slice(0, 60)}\` not statically known`);
    return unknown;
  }
  if (viaOtherNode) evidence.push(`model \`${modelNode.getText().slice(0, 40)}\` = ${traced.getText().slice(0, 60)} (${traced.getSourceFile().getBaseName()}:${traced.getStartLineNumber()})`);
  const callee = unwrapExpression(traced.getExpression());

  // wrapLanguageModel({ model, middleware }) from 'ai'.
  const binding = calleeBinding(callee, context.modules);
  if (binding && AI_PACKAGES.has(binding.packageName) && /wrapLanguageModel|wrapEmbeddingModel/.test(binding.importedName)) {
    const inner = getObjectProperty(resolveObjectLiteral(traced.getArguments()[0], context.modules), 'model');
    if (inner) return resolveModel(inner, context, evidence, depth + 1);
  }

  const idArgument = traced.getArguments()[0];
  const id = idArgument ? readModel(idArgument, context.modules) : { ref: { id: null, raw: '', source: 'dynamic' as const }, evidence: ['no model id given'] };

  // registry.languageModel('openai:gpt-4o') / textEmbeddingModel('openai:text-embedding-3-small').
  if (Node.isPropertyAccessExpression(callee) && /^(languageModel|textEmbeddingModel|embeddingModel|imageModel)$/.test(callee.getName()) && id.ref.id?.includes(':')) {
    const [providerName, ...rest] = id.ref.id.split(':');
    evidence.push(...id.evidence, `provider registry id "${id.ref.id}"`);
    return { provider: providerName, ref: { ...id.ref, id: rest.join(':') } };
  }

  // customProvider({ languageModels: { fast: openai('gpt-4o-mini') } }).languageModel('fast').
  if (Node.isPropertyAccessExpression(callee) && /^(languageModel|textEmbeddingModel|embeddingModel|imageModel)$/.test(callee.getName()) && id.ref.id) {
    const entry = customProviderEntry(callee.getExpression(), callee.getName(), id.ref.id, context);
    if (entry) {
      evidence.push(`"${id.ref.id}" is an alias of customProvider() (${entry.getSourceFile().getBaseName()}:${entry.getStartLineNumber()})`);
      return resolveModel(entry, context, evidence, depth + 1);
    }
  }

  const provider = providerOfFactory(Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee, context, evidence, depth);
  if (!provider) {
    evidence.push(`model \`${traced.getText().slice(0, 60)}\` is not an @ai-sdk provider call`);
    return unknown;
  }
  evidence.push(...id.evidence);
  return { provider, ref: id.ref };
}

/** The model a `customProvider({ <kind>s: { alias: model } })` gives an alias. */
function customProviderEntry(providerNode: Node, method: string, alias: string, context: AnalyzerContext): Node | undefined {
  const created = traceValue(providerNode, context.modules);
  if (!Node.isCallExpression(created)) return undefined;
  const creator = calleeBinding(unwrapExpression(created.getExpression()), context.modules);
  if (!creator || !AI_PACKAGES.has(creator.packageName) || !/customProvider/.test(creator.importedName)) return undefined;
  const table = method === 'languageModel' ? 'languageModels' : method === 'imageModel' ? 'imageModels' : 'textEmbeddingModels';
  const options = resolveObjectLiteral(created.getArguments()[0], context.modules);
  const models = getObjectProperty(options, table, context.modules) ?? (table === 'textEmbeddingModels' ? getObjectProperty(options, 'embeddingModels', context.modules) : undefined);
  return getObjectProperty(resolveObjectLiteral(models, context.modules), alias, context.modules);
}

/** The provider an `@ai-sdk/*` factory serves: `openai`, or a `createOpenAI({ baseURL })` instance. */
function providerOfFactory(factory: Node, context: AnalyzerContext, evidence: string[], depth: number): string | undefined {
  if (depth > MAX_MODEL_DEPTH) return undefined;
  const direct = calleeBinding(factory, context.modules);
  if (direct && direct.packageName in PROVIDER_BY_PACKAGE) {
    evidence.push(`model built by ${direct.importedName === 'default' || direct.importedName === '*' ? factory.getText() : direct.importedName} from '${direct.packageName}'`);
    return PROVIDER_BY_PACKAGE[direct.packageName];
  }
  const traced = traceValue(factory, context.modules);
  const typed = parameterTypeBinding(traced, context.modules);
  if (typed && typed.packageName in PROVIDER_BY_PACKAGE) {
    evidence.push(`provider \`${factory.getText()}\` is a parameter typed ${typed.typeName} from '${typed.packageName}' (options unknown)`);
    return PROVIDER_BY_PACKAGE[typed.packageName];
  }
  if (!Node.isCallExpression(traced)) return undefined;
  const creator = calleeBinding(unwrapExpression(traced.getExpression()), context.modules);
  if (!creator || !(creator.packageName in PROVIDER_BY_PACKAGE)) return undefined;
  evidence.push(`provider made by ${creator.importedName}() from '${creator.packageName}' (${traced.getSourceFile().getBaseName()}:${traced.getStartLineNumber()})`);
  const fromUrl = providerFromOptions(traced.getArguments()[0], context.modules, evidence);
  return fromUrl ?? PROVIDER_BY_PACKAGE[creator.packageName];
}

function readPrompt(fn: string, params: Node | undefined, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  if (!params) return { messages: [{ role: 'user', text: '{{options}}', holes: [{ kind: 'message-array', expression: 'options' }] }], hasImage: false };
  const messages: PromptMessage[] = [];
  let hasImage = false;
  const system = readSystemPrompt(getObjectProperty(params, 'system', context.modules), context.modules);
  if (system) messages.push(system);
  const prompt = getObjectProperty(params, 'prompt', context.modules);
  if (prompt) {
    const unwrapped = unwrapExpression(prompt);
    if (Node.isArrayLiteralExpression(unwrapped)) {
      const turns = resolveMessages(unwrapped, context.modules);
      messages.push(...turns.messages);
      hasImage ||= turns.hasImage;
    } else {
      messages.push({ role: 'user', ...resolvePromptText(prompt, context.modules) });
    }
  }
  const turns = getObjectProperty(params, 'messages', context.modules);
  if (turns) {
    const resolved = resolveMessages(turns, context.modules);
    messages.push(...resolved.messages);
    hasImage ||= resolved.hasImage;
  }
  const single = fn === 'embed' ? getObjectProperty(params, 'value', context.modules) : /Speech/.test(fn) ? getObjectProperty(params, 'text', context.modules) : undefined;
  if (single) messages.push({ role: 'user', ...resolvePromptText(single, context.modules) });
  const values = fn === 'embedMany' ? getObjectProperty(params, 'values', context.modules) : undefined;
  if (values) messages.push({ role: 'user', text: `{{${values.getText().slice(0, 60)}}}`, holes: [{ kind: 'rag-context', expression: values.getText().slice(0, 60) }] });
  const audio = /transcribe/.test(fn) ? getObjectProperty(params, 'audio', context.modules) : undefined;
  if (audio) messages.push({ role: 'user', text: `{{${audio.getText().slice(0, 60)}}}`, holes: [{ kind: 'file-content', expression: audio.getText().slice(0, 60) }] });
  return { messages, hasImage };
}

function schemaName(schema: Node | undefined): string | undefined {
  if (!schema) return undefined;
  const node = unwrapExpression(schema);
  if (Node.isIdentifier(node)) return node.getText();
  const inner = /(?:jsonSchema|zodSchema|Output\.(?:object|array))\(\s*(?:\{\s*schema\s*:\s*)?([\w$.]+)/.exec(node.getText());
  return inner ? inner[1] : node.getText().slice(0, 40);
}
