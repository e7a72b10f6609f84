import { Node, type CallExpression, type PropertyAccessExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveContentParts, resolveMessages, resolvePromptText } from './shared/prompt';
import { getObjectProperty, nonEmptyList, placeOf, resolveNumber, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, madeByExport, readModel, readToolNames, traceValue } from './shared/sdk';

/**
 * Genkit (`genkit`, Google's framework; `@genkit-ai/ai` before 1.0). An instance, `const ai = genkit({ plugins: [googleAI()],
 * model })`, sends:
 * - `ai.generate(...)` / `ai.generateStream(...)`: a model request (with tools, the model is asked again with each tool's
 *   result until it answers);
 * - `ai.embed({ embedder, content })` / `ai.embedMany(...)`: embeddings with the embedder given;
 * - a prompt defined with `ai.definePrompt({ model, prompt, output })` (or loaded with `ai.prompt('name')` from a
 *   `.prompt` file), each time it is called with its input (`const { output } = await summarize(input)`, as Firebase
 *   Studio's flows are written);
 * - a chat session's `chat.send(...)` / `chat.sendStream(...)` (`const chat = ai.chat({ system })`).
 * A model is a plugin's reference (`googleAI.model('gemini-2.5-flash')`, `gpt4oMini` from 'genkitx-openai') or a name
 * with its plugin's prefix ('googleai/gemini-2.5-flash'); the plugin says who serves it. A request naming none uses the
 * instance's default (`genkit({ model })`). Defining a prompt, a flow or a tool sends nothing.
 */
const GENKIT_PACKAGES = new Set(['genkit', 'genkit/beta', '@genkit-ai/ai', '@genkit-ai/core']);

const INSTANCE_METHODS: Readonly<Record<string, { endpoint: Endpoint; streaming: boolean }>> = {
  generate: { endpoint: 'chat', streaming: false },
  generateStream: { endpoint: 'chat', streaming: true },
  embed: { endpoint: 'embedding', streaming: false },
  embedMany: { endpoint: 'embedding', streaming: false },
};
const CHAT_METHODS: Readonly<Record<string, { streaming: boolean }>> = { send: { streaming: false }, sendStream: { streaming: true } };
/** What makes a chat session of an instance (`ai.chat(options)`; a session's `session.chat(options)`). */
const CHAT_FACTORY = 'chat';
/** What defines a prompt the app calls later: inline (`ai.definePrompt(options)`) or from a `.prompt` file (`ai.prompt('name')`). */
const PROMPT_FACTORIES = new Set(['definePrompt', 'prompt']);

/** The plugins' model name prefixes (`googleai/gemini-2.5-flash`) by who serves the model. */
const MODEL_PREFIXES: Readonly<Record<string, string>> = {
  googleai: 'google',
  vertexai: 'google-vertex',
  openai: 'openai',
  anthropic: 'anthropic',
  ollama: 'ollama',
  groq: 'groq',
  mistral: 'mistral',
  deepseek: 'deepseek',
  xai: 'xai',
};

/** The plugin packages by who serves their models. */
const PLUGIN_PACKAGES: Readonly<Record<string, string>> = {
  '@genkit-ai/googleai': 'google',
  '@genkit-ai/google-genai': 'google',
  '@genkit-ai/vertexai': 'google-vertex',
  'genkitx-openai': 'openai',
  '@genkit-ai/compat-oai': 'openai',
  '@genkit-ai/compat-oai/openai': 'openai',
  'genkitx-anthropic': 'anthropic',
  '@genkit-ai/anthropic': 'anthropic',
  'genkitx-ollama': 'ollama',
  'genkitx-groq': 'groq',
  'genkitx-mistral': 'mistral',
};

/**
 * Model references the plugins export as constants, by the model id each names (the plugins' own model names, e.g.
 * genkitx-openai's `gpt4oMini` is 'openai/gpt-4o-mini', @genkit-ai/googleai's `gemini15Flash` is 'googleai/gemini-1.5-flash').
 */
const MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  gemini15Flash: 'gemini-1.5-flash',
  gemini15Flash8b: 'gemini-1.5-flash-8b',
  gemini15Pro: 'gemini-1.5-pro',
  gemini20Flash: 'gemini-2.0-flash',
  gemini20FlashLite: 'gemini-2.0-flash-lite',
  gemini25Flash: 'gemini-2.5-flash',
  gemini25Pro: 'gemini-2.5-pro',
  textEmbedding004: 'text-embedding-004',
  gpt4o: 'gpt-4o',
  gpt4oMini: 'gpt-4o-mini',
  gpt4Turbo: 'gpt-4-turbo',
  gpt35Turbo: 'gpt-3.5-turbo',
  gpt41: 'gpt-4.1',
  gpt41Mini: 'gpt-4.1-mini',
  gpt41Nano: 'gpt-4.1-nano',
  o1Mini: 'o1-mini',
  o3Mini: 'o3-mini',
  textEmbedding3Small: 'text-embedding-3-small',
  textEmbedding3Large: 'text-embedding-3-large',
  claude3Haiku: 'claude-3-haiku',
  claude35Haiku: 'claude-3-5-haiku',
  claude35Sonnet: 'claude-3-5-sonnet',
  claude37Sonnet: 'claude-3-7-sonnet',
};

const CALLEE_NAMES = new Set([...Object.keys(INSTANCE_METHODS), ...Object.keys(CHAT_METHODS)]);

export const genkitAnalyzer: Analyzer = {
  id: 'genkit',
  packages: [...GENKIT_PACKAGES],
  analyze(context) {
    const calls = eachCall((call, callContext) => instanceRequest(call, callContext) ?? chatRequest(call, callContext), (name) => CALLEE_NAMES.has(name))(context);
    // A defined prompt is called by whatever name the app gives it: only files that define or load one, or import one, are searched.
    const text = context.sourceFile.getFullText();
    if (/\b(?:definePrompt|prompt)\s*\(/.test(text) || /\bgenkit\b/.test(text)) calls.push(...eachCall(promptRun)(context));
    return calls;
  },
};

/** The `genkit({ ... })` (or `configureGenkit`-era `@genkit-ai/ai` import) an expression is an instance of, with its options. */
function genkitInstance(expression: Node, context: AnalyzerContext): { made: CallExpression; options: Node | undefined } | undefined {
  const found = madeByExport(expression, 'call', context.modules, (binding) => GENKIT_PACKAGES.has(binding.packageName) && binding.importedName === 'genkit');
  return found && { made: found.made, options: resolveObjectLiteral(found.made.getArguments()[0], context.modules) };
}

/** What a Genkit instance's method made (`ai.chat(...)`, `ai.definePrompt(...)`): the call, the method and the instance. */
function madeOnInstance(expression: Node, accepts: (method: string) => boolean, context: AnalyzerContext): { made: CallExpression; factory: PropertyAccessExpression; instance: ReturnType<typeof genkitInstance> } | undefined {
  const made = traceValue(expression, context.modules);
  const factory = Node.isCallExpression(made) ? unwrapExpression(made.getExpression()) : undefined;
  if (!factory || !Node.isCallExpression(made) || !Node.isPropertyAccessExpression(factory) || !accepts(factory.getName())) return undefined;
  const instance = genkitInstance(factory.getExpression(), context);
  if (instance) return { made, factory, instance };
  // An instance the trace loses (a lazily loaded `await import('genkit')` behind a promise): `definePrompt`, a name only
  // Genkit gives a prompt factory, in a module that imports from Genkit (its `z`) is one, with no default model known.
  return factory.getName() === 'definePrompt' && importsFromGenkit(context) ? { made, factory, instance: undefined } : undefined;
}

/** Whether the module imports anything from a Genkit package (`import { z } from 'genkit'`). */
function importsFromGenkit(context: AnalyzerContext): boolean {
  return context.sourceFile.getImportDeclarations().some((declaration) => GENKIT_PACKAGES.has(declaration.getModuleSpecifierValue()));
}

/** `ai.generate(...)`, `ai.generateStream(...)`, `ai.embed(...)`, `ai.embedMany(...)`; also `generate(...)` imported from `@genkit-ai/ai`. */
function instanceRequest(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  let instance: ReturnType<typeof genkitInstance>;
  let method: string;
  if (Node.isPropertyAccessExpression(callee)) {
    method = callee.getName();
    instance = genkitInstance(callee.getExpression(), context);
    if (!instance) return undefined;
  } else if (Node.isIdentifier(callee)) {
    const binding = calleeBinding(callee, context.modules);
    if (!binding || !GENKIT_PACKAGES.has(binding.packageName) || !Object.hasOwn(INSTANCE_METHODS, binding.importedName)) return undefined;
    method = binding.importedName;
  } else {
    return undefined;
  }
  if (!Object.hasOwn(INSTANCE_METHODS, method)) return undefined;
  const kind = INSTANCE_METHODS[method];
  const argument = call.getArguments()[0];
  const options = resolveObjectLiteral(argument, context.modules);
  const where = instance ? `the Genkit instance made at ${placeOf(instance.made)}` : `${method}() from Genkit`;
  if (kind.endpoint === 'embedding') {
    const model = genkitModel(getObjectProperty(options, 'embedder', context.modules), context);
    const content = getObjectProperty(options, 'content', context.modules);
    const text = content?.getText().slice(0, 60) ?? 'content';
    return report(call, context, {
      method: instance ? `ai.${method}` : method,
      endpoint: 'embedding',
      ...model,
      messages: [{ role: 'user', text: `{{${text}}}`, holes: [{ kind: 'rag-context', expression: text }] }],
      evidence: [`${method}() of ${where}`, ...model.evidence],
    });
  }
  const model = requestModel(getObjectProperty(options, 'model', context.modules), instance, context);
  // `ai.generate(prompt)`: an argument that is no request object the code spells out is the prompt itself.
  const read = readRequest(options, options ? undefined : argument, context);
  return report(call, context, {
    method: instance ? `ai.${method}` : method,
    endpoint: 'chat',
    ...model,
    messages: read.messages,
    maxOutputTokens: read.maxOutputTokens,
    streaming: kind.streaming || Boolean(getObjectProperty(options, 'onChunk', context.modules) ?? getObjectProperty(options, 'streamingCallback', context.modules)),
    tools: read.tools,
    toolNames: read.toolNames,
    structured: read.structured,
    vision: read.vision,
    evidence: [`${method}() of ${where}`, ...model.evidence, ...read.evidence],
  });
}

/** `chat.send('...')` on `const chat = ai.chat({ system, model })`: one turn of the session, its history sent along. */
function chatRequest(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !Object.hasOwn(CHAT_METHODS, callee.getName())) return undefined;
  const session = madeOnInstance(callee.getExpression(), (name) => name === CHAT_FACTORY, context);
  if (!session) return undefined;
  const { made, factory, instance } = session;
  const options = resolveObjectLiteral(made.getArguments()[0], context.modules);
  const model = requestModel(getObjectProperty(options, 'model', context.modules), instance, context);
  const settings = readRequest(options, undefined, context);
  const argument = call.getArguments()[0];
  const turnOptions = resolveObjectLiteral(argument, context.modules);
  const turn = readRequest(turnOptions, turnOptions ? undefined : argument, context);
  return report(call, context, {
    method: `chat.${callee.getName()}`,
    endpoint: 'chat',
    ...model,
    messages: [...settings.messages, { role: 'user', text: '{{chat history}}', holes: [{ kind: 'history', expression: 'the session\'s earlier turns' }] }, ...turn.messages],
    maxOutputTokens: turn.maxOutputTokens ?? settings.maxOutputTokens,
    streaming: CHAT_METHODS[callee.getName()].streaming,
    tools: settings.tools || turn.tools,
    toolNames: [...settings.toolNames, ...turn.toolNames],
    structured: settings.structured || turn.structured,
    vision: turn.vision,
    evidence: [`a turn of the chat session made with ${factory.getText().slice(0, 40)}() at ${placeOf(made)} (the session's history is sent each turn)`, ...model.evidence, ...settings.evidence, ...turn.evidence],
  });
}

/** `const { output } = await summarizePrompt(input)`: a prompt of an instance (`ai.definePrompt({ ... })`, `ai.prompt('name')`) run with its input. */
function promptRun(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isIdentifier(callee)) return undefined;
  const prompt = madeOnInstance(callee, (name) => PROMPT_FACTORIES.has(name), context);
  if (!prompt) return undefined;
  const { made: defined, factory, instance } = prompt;
  const definition = defined.getArguments()[0];
  const options = factory.getName() === 'definePrompt' ? resolveObjectLiteral(definition, context.modules) : undefined;
  const model = requestModel(getObjectProperty(options, 'model', context.modules), instance, context);
  const read = readRequest(options, undefined, context);
  const fromFile = factory.getName() === 'prompt' ? [`prompt loaded from the app's .prompt file ${definition ? definition.getText().slice(0, 40) : ''} (its text and model are written there)`] : [];
  const name = getObjectProperty(options, 'name', context.modules)?.getText().slice(0, 40);
  return report(call, context, {
    method: `${factory.getName()}${name ? ` ${name}` : ''}`,
    endpoint: 'chat',
    ...model,
    messages: read.messages.length > 0 ? read.messages : [{ role: 'user', text: `{{${callee.getText()} input}}`, holes: [{ kind: 'unknown', expression: call.getArguments()[0]?.getText().slice(0, 60) ?? 'input' }] }],
    maxOutputTokens: read.maxOutputTokens,
    streaming: false,
    tools: read.tools,
    toolNames: read.toolNames,
    structured: read.structured,
    vision: read.vision,
    evidence: [`runs the prompt ${callee.getText()} defined with ${factory.getText().slice(0, 40)}() at ${placeOf(defined)}`, ...fromFile, ...model.evidence, ...read.evidence],
  });
}

interface ReadRequest {
  messages: PromptMessage[];
  maxOutputTokens: number | null;
  tools: boolean;
  toolNames: string[];
  structured: boolean;
  vision: boolean;
  evidence: string[];
}

/** A request's prompt and settings: `system`, `prompt` (text or parts), `messages`, `tools`, `output`, `config.maxOutputTokens`; or the prompt alone. */
function readRequest(options: Node | undefined, promptOnly: Node | undefined, context: AnalyzerContext): ReadRequest {
  const messages: PromptMessage[] = [];
  let vision = false;
  if (promptOnly) {
    messages.push({ role: 'user', ...resolvePromptText(promptOnly, context.modules) });
    return { messages, maxOutputTokens: null, tools: false, toolNames: [], structured: false, vision, evidence: [] };
  }
  const modules = context.modules;
  const system = getObjectProperty(options, 'system', modules);
  if (system) messages.push({ role: 'system', ...resolvePromptText(system, modules) });
  const turns = getObjectProperty(options, 'messages', modules);
  if (turns && !Node.isArrowFunction(unwrapExpression(turns))) {
    const resolved = resolveMessages(turns, modules);
    messages.push(...resolved.messages);
    vision ||= resolved.hasImage;
  }
  const prompt = getObjectProperty(options, 'prompt', modules);
  if (prompt) {
    const parts = resolveContentParts(prompt, modules);
    messages.push({ role: 'user', ...parts.text });
    vision ||= parts.hasImage;
  }
  const toolList = nonEmptyList(getObjectProperty(options, 'tools', modules));
  const tools = toolList !== undefined;
  const output = resolveObjectLiteral(getObjectProperty(options, 'output', modules), modules);
  const format = getObjectProperty(output, 'format', modules);
  const structured = Boolean(getObjectProperty(output, 'schema', modules)) || (format !== undefined && /['"`](?:json|array|enum)['"`]/.test(format.getText()));
  const config = resolveObjectLiteral(getObjectProperty(options, 'config', modules), modules);
  const evidence: string[] = [];
  if (tools) evidence.push(`tools: ${toolList!.getText().slice(0, 60)}; Genkit asks the model again with each tool's result until it answers`);
  if (structured) evidence.push(`structured output: ${getObjectProperty(options, 'output', modules)!.getText().slice(0, 60)}`);
  return {
    messages,
    maxOutputTokens: resolveNumber(getObjectProperty(config, 'maxOutputTokens', modules), modules),
    tools,
    toolNames: tools ? readToolNames(toolList, modules) : [],
    structured,
    vision,
    evidence,
  };
}

/** The request's own model, else the instance's default (`genkit({ model })`). */
function requestModel(node: Node | undefined, instance: ReturnType<typeof genkitInstance>, context: AnalyzerContext): { provider: string; model: ModelRef; evidence: string[] } {
  if (node) return genkitModel(node, context);
  const fallback = getObjectProperty(instance?.options, 'model', context.modules);
  if (!fallback) return { provider: 'unknown', model: { id: null, raw: '', source: 'dynamic' }, evidence: ['no model on the request and no default model on the Genkit instance'] };
  const model = genkitModel(fallback, context);
  return { ...model, evidence: [`the Genkit instance's default model (${fallback.getText().slice(0, 60)}, ${placeOf(fallback)})`, ...model.evidence] };
}

/**
 * A Genkit model or embedder: `googleAI.model('gemini-2.5-flash')` (also `.embedder(...)`, `gemini(...)`), an exported
 * reference (`gpt4oMini`), or a prefixed name ('googleai/gemini-2.5-flash'). The plugin or the prefix says who serves it.
 */
function genkitModel(node: Node | undefined, context: AnalyzerContext): { provider: string; model: ModelRef; evidence: string[] } {
  if (!node) return { provider: 'unknown', model: { id: null, raw: '', source: 'dynamic' }, evidence: ['no model or embedder given'] };
  const value = traceValue(node, context.modules);
  if (Node.isCallExpression(value)) {
    const callee = unwrapExpression(value.getExpression());
    const plugin = pluginProvider(Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee, context);
    if (plugin) {
      const read = readModel(value.getArguments()[0], context.modules);
      return { provider: plugin.provider, model: stripPrefix(read.ref), evidence: [`model from the ${plugin.packageName} plugin (${value.getText().slice(0, 60)})`, ...read.evidence] };
    }
  }
  if (Node.isIdentifier(value)) {
    const plugin = pluginProvider(value, context);
    if (plugin) {
      const id = Object.hasOwn(MODEL_CONSTANTS, plugin.importedName) ? MODEL_CONSTANTS[plugin.importedName] : null;
      return { provider: plugin.provider, model: { id, raw: node.getText(), source: id ? 'constant' : 'dynamic' }, evidence: [`model reference ${plugin.importedName} exported by ${plugin.packageName}${id ? ` (${id})` : ': its model id is not known to us'}`] };
    }
  }
  const read = readModel(node, context.modules);
  // The prefix of the id, else of the first candidate, else as written (`googleai/${getModel(isPro)}` names the plugin alone).
  const named = read.ref.id ?? read.ref.candidates?.[0]?.id ?? read.ref.raw.replace(/^[`'"]/, '');
  const prefix = /^([\w-]+)\/(.+)$/.exec(named);
  if (prefix && Object.hasOwn(MODEL_PREFIXES, prefix[1])) {
    return { provider: MODEL_PREFIXES[prefix[1]], model: stripPrefix(read.ref), evidence: [...read.evidence, `model name "${named}": served through Genkit's ${prefix[1]} plugin`] };
  }
  return { provider: 'unknown', model: read.ref, evidence: [...read.evidence, `model \`${node.getText().slice(0, 60)}\`: the plugin serving it is not known here`] };
}

/** The plugin an expression is imported from (`googleAI` of '@genkit-ai/googleai'), with who serves its models. */
function pluginProvider(expression: Node, context: AnalyzerContext): { provider: string; packageName: string; importedName: string } | undefined {
  const binding = calleeBinding(unwrapExpression(expression), context.modules);
  if (!binding || !Object.hasOwn(PLUGIN_PACKAGES, binding.packageName)) return undefined;
  // The Google GenAI plugin exports both: `vertexAI` serves through Vertex AI, `googleAI` through the Gemini API.
  const provider = binding.packageName === '@genkit-ai/google-genai' && /^vertex/i.test(binding.importedName) ? 'google-vertex' : PLUGIN_PACKAGES[binding.packageName];
  return { provider, packageName: binding.packageName, importedName: binding.importedName };
}

/** 'googleai/gemini-2.5-flash' → 'gemini-2.5-flash', in the id and in every candidate. */
function stripPrefix(ref: ModelRef): ModelRef {
  const strip = (id: string | null): string | null => (id ? id.replace(/^(?:googleai|vertexai|openai|anthropic|ollama|groq|mistral|deepseek|xai)\//, '') : id);
  return { ...ref, id: strip(ref.id), ...(ref.candidates ? { candidates: ref.candidates.map((candidate) => ({ ...candidate, id: strip(candidate.id) ?? candidate.id })) } : {}) };
}

function report(call: CallExpression, context: AnalyzerContext, draft: { method: string; endpoint: Endpoint; provider: string; model: ModelRef; messages: PromptMessage[]; maxOutputTokens?: number | null; streaming?: boolean; tools?: boolean; toolNames?: string[]; structured?: boolean; vision?: boolean; evidence: string[] }): DetectedCall {
  return toDetectedCall(call, context, {
    provider: draft.provider,
    sdk: 'genkit',
    method: draft.method,
    endpoint: draft.endpoint,
    model: draft.model,
    messages: draft.messages,
    maxOutputTokens: draft.maxOutputTokens ?? null,
    features: { streaming: Boolean(draft.streaming), tools: Boolean(draft.tools), vision: Boolean(draft.vision), structuredOutput: Boolean(draft.structured), ...(draft.tools ? { multiStep: true } : {}) },
    toolNames: draft.toolNames ?? [],
    evidence: draft.evidence,
  });
}
