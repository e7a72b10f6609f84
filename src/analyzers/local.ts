import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, PromptMessage } from '../model/types';
import { IN_PROCESS_PROVIDER } from '../model/vocabulary';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { receiverOf, toDetectedCall } from './shared/callsite';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { findDeclaration, getObjectProperty, resolveNumber, resolveObjectLiteral, resolveString, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, importBindingOf, isTrueLiteral, matchMethodTable, readModel, traceValue } from './shared/sdk';

/**
 * Models run inside the app's own process, with no API behind them (provider `local`):
 * - transformers.js (`@huggingface/transformers`, `@xenova/transformers`): `pipeline(task, model)` loads an
 *   ONNX model (not a request); the site is each run of the returned function, `await extractor(texts)`.
 * - WebLLM (`@mlc-ai/web-llm`): `CreateMLCEngine(model)` loads a model into the browser's GPU;
 *   requests are `engine.chat.completions.create(...)` (OpenAI's shape, not OpenAI's service).
 * - node-llama-cpp: a GGUF file loaded by llama.cpp; requests are `session.prompt(...)`,
 *   `completion.generateCompletion(...)` and `embeddingContext.getEmbeddingFor(...)`.
 * There is no per-request price: the evidence says which hardware pays for it.
 */
const TRANSFORMERS_PACKAGES = new Set(['@huggingface/transformers', '@xenova/transformers']);
const WEB_LLM_PACKAGE = '@mlc-ai/web-llm';
const LLAMA_CPP_PACKAGE = 'node-llama-cpp';

/** transformers.js pipeline tasks by the endpoint they stand for. */
const PIPELINE_TASKS: Readonly<Record<string, Endpoint>> = {
  'feature-extraction': 'embedding',
  embeddings: 'embedding',
  'sentence-similarity': 'embedding',
  'text-generation': 'completion',
  'text2text-generation': 'completion',
  summarization: 'completion',
  translation: 'completion',
  'question-answering': 'completion',
  'fill-mask': 'other',
  'text-classification': 'other',
  'sentiment-analysis': 'other',
  'zero-shot-classification': 'other',
  'token-classification': 'other',
  ner: 'other',
  'automatic-speech-recognition': 'audio-transcription',
  'text-to-speech': 'audio-speech',
  'text-to-audio': 'audio-speech',
  'image-to-text': 'other',
  'image-classification': 'other',
  'zero-shot-image-classification': 'other',
  'object-detection': 'other',
  'image-feature-extraction': 'embedding',
};

const WEB_LLM_FACTORIES: Readonly<Record<string, number>> = { CreateMLCEngine: 0, CreateWebWorkerMLCEngine: 1, CreateServiceWorkerMLCEngine: 0 };
const WEB_LLM_METHODS = [
  { path: 'chat.completions.create', endpoint: 'chat' as Endpoint },
  { path: 'completions.create', endpoint: 'completion' as Endpoint },
  { path: 'embeddings.create', endpoint: 'embedding' as Endpoint },
];

const LLAMA_CPP_METHODS: Readonly<Record<string, Endpoint>> = { prompt: 'chat', promptWithMeta: 'chat', generateCompletion: 'completion', generateInfillCompletion: 'completion', getEmbeddingFor: 'embedding' };

const CALLEE_NAMES = new Set(['create', ...Object.keys(LLAMA_CPP_METHODS)]);

const MAX_CHAIN = 8;

const analyzeSdkCalls = eachCall((call, context) => webLlmRequest(call, context) ?? llamaCppRequest(call, context), (name) => CALLEE_NAMES.has(name));

export const localAnalyzer: Analyzer = {
  id: 'local',
  packages: [...TRANSFORMERS_PACKAGES, WEB_LLM_PACKAGE, LLAMA_CPP_PACKAGE],
  analyze(context: AnalyzerContext): DetectedCall[] {
    const calls = analyzeSdkCalls(context);
    // A pipeline's runs have any name (`extractor`, `transcriber`): only files that load one are searched for them.
    const loads = pipelineLoads(context);
    if (loads.length > 0) calls.push(...eachCall((call, callContext) => transformersRun(call, callContext, loads))(context));
    return calls;
  },
};

function report(call: CallExpression, context: AnalyzerContext, draft: { method: string; endpoint: Endpoint; model: ModelRef; messages: PromptMessage[]; maxOutputTokens?: number | null; streaming?: boolean; evidence: string[] }): DetectedCall {
  return toDetectedCall(call, context, {
    provider: IN_PROCESS_PROVIDER,
    sdk: IN_PROCESS_PROVIDER,
    method: draft.method,
    endpoint: draft.endpoint,
    model: draft.model,
    messages: draft.messages,
    maxOutputTokens: draft.maxOutputTokens ?? null,
    features: { streaming: Boolean(draft.streaming), tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence: draft.evidence,
  });
}

// ---- transformers.js ----------------------------------------------------------------------------

/** A `pipeline(task, model, options)` that loads a transformers.js model: no request yet, but it says which model later runs. */
interface PipelineLoad {
  call: CallExpression;
  task: string;
  packageName: string;
}

/**
 * The pipelines a file loads: `pipeline(...)` imported from transformers.js, or a local `pipeline` that
 * forwards to it through a dynamic import (`(...args) => import('@xenova/transformers').then(({ pipeline }) => pipeline(...args))`).
 */
function pipelineLoads(context: AnalyzerContext): PipelineLoad[] {
  const text = context.sourceFile.getFullText();
  const mentioned = [...TRANSFORMERS_PACKAGES].find((name) => text.includes(name));
  if (!mentioned) return [];
  const loads: PipelineLoad[] = [];
  for (const call of context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = unwrapExpression(call.getExpression());
    if (!Node.isIdentifier(callee) || callee.getText() !== 'pipeline') continue;
    const taskNode = call.getArguments()[0];
    const task = taskNode ? resolveString(taskNode, context.modules).value : null;
    if (task === null || !Object.hasOwn(PIPELINE_TASKS, task)) continue;
    const binding = calleeBinding(callee, context.modules);
    if (binding && !TRANSFORMERS_PACKAGES.has(binding.packageName)) continue;
    loads.push({ call, task, packageName: binding?.packageName ?? mentioned });
  }
  return loads;
}

/** Options only a transformers.js pipeline takes when it runs (`pooling`, `chunk_length_s`, `max_new_tokens`, ...). */
const PIPELINE_RUN_OPTIONS = new Set(['pooling', 'normalize', 'chunk_length_s', 'stride_length_s', 'return_timestamps', 'max_new_tokens', 'do_sample', 'top_k', 'return_full_text', 'src_lang', 'tgt_lang', 'speaker_embeddings', 'quantize']);

/**
 * The run of a loaded pipeline, `await extractor(texts, { pooling: 'mean' })`: the request. The callee is a
 * local value (not a function the file declares) traced back to a `pipeline(...)` load of this file, or,
 * where caches and promises hide that (`const pipe = await this.pipelinePromise`), called with run options
 * only a pipeline takes. The load itself (`pipeline(...)`) is not a request.
 */
function transformersRun(call: CallExpression, context: AnalyzerContext, loads: readonly PipelineLoad[]): DetectedCall | undefined {
  if (loads.length === 0) return undefined;
  const callee = unwrapExpression(call.getExpression());
  if (!(Node.isIdentifier(callee) || (Node.isPropertyAccessExpression(callee) && callee.getExpression().getKind() === SyntaxKind.ThisKeyword))) return undefined;
  // A load is `pipeline('<task>', model)`; a local value that happens to be named `pipeline` (`const pipeline = await this.embedderClient()`) can be a run.
  if (loads.some((load) => load.call === call)) return undefined;
  const firstArgument = call.getArguments()[0];
  if (Node.isIdentifier(callee) && callee.getText() === 'pipeline' && firstArgument && Object.hasOwn(PIPELINE_TASKS, resolveString(firstArgument, context.modules).value ?? '')) return undefined;
  const declaration = Node.isIdentifier(callee) ? findDeclaration(callee, context.modules) : undefined;
  if (declaration && (Node.isFunctionDeclaration(declaration) || importBindingOf(callee, context.modules))) return undefined;
  const traced = loadBehind(callee, context, 0);
  let load = traced && loads.find((candidate) => candidate.call === traced);
  const evidence: string[] = [];
  if (load) {
    evidence.push(`runs the pipeline loaded at line ${load.call.getStartLineNumber()}`);
  } else {
    const options = resolveObjectLiteral(call.getArguments()[1], context.modules);
    const runOption = options && Node.isObjectLiteralExpression(options) ? options.getProperties().find((property) => (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)) && PIPELINE_RUN_OPTIONS.has(property.getName())) : undefined;
    if (!runOption || !(Node.isPropertyAssignment(runOption) || Node.isShorthandPropertyAssignment(runOption))) return undefined;
    load = loads.find((candidate) => PIPELINE_TASKS[candidate.task] === taskOfRunOption(runOption.getName())) ?? loads[0];
    evidence.push(`\`${callee.getText().slice(0, 40)}\` is called with the pipeline option ${runOption.getName()}; this file loads the pipeline at line ${load.call.getStartLineNumber()}`);
  }
  const [, modelNode, optionsNode] = load.call.getArguments();
  const model = modelNode ? readModel(modelNode, context.modules) : { ref: { id: null, raw: '', source: 'dynamic' as const }, evidence: [`no model given: transformers.js loads its default model for ${load.task}`] };
  const device = getObjectProperty(resolveObjectLiteral(optionsNode, context.modules), 'device', context.modules);
  const deviceName = device ? resolveString(device, context.modules).value : null;
  const hardware = deviceName && /gpu|cuda|dml/i.test(deviceName) ? `the GPU (device ${deviceName})` : 'the CPU (ONNX Runtime / WebAssembly)';
  const input = call.getArguments()[0];
  const inputText = input ? input.getText().slice(0, 60) : 'input';
  return report(call, context, {
    method: `pipeline(${load.task})`,
    endpoint: PIPELINE_TASKS[load.task],
    model: model.ref,
    messages: [{ role: 'user', text: `{{${inputText}}}`, holes: [{ kind: PIPELINE_TASKS[load.task] === 'embedding' ? 'rag-context' : 'unknown', expression: inputText }] }],
    maxOutputTokens: resolveNumber(getObjectProperty(resolveObjectLiteral(call.getArguments()[1], context.modules), 'max_new_tokens', context.modules), context.modules),
    evidence: [`transformers.js '${load.task}' pipeline from '${load.packageName}'`, ...evidence, ...model.evidence, `runs in process (the user's browser or the Node server that loads this module) on ${hardware}: no API cost, the model downloads once and is cached`],
  });
}

function taskOfRunOption(option: string): Endpoint {
  if (option === 'pooling' || option === 'normalize') return 'embedding';
  if (/chunk_length_s|stride_length_s|return_timestamps|language/.test(option)) return 'audio-transcription';
  if (option === 'speaker_embeddings') return 'audio-speech';
  return 'completion';
}

/** The `pipeline(...)` call a value comes from: through constants, fields, `await`, and immediately-invoked async functions. */
function loadBehind(expression: Node, context: AnalyzerContext, depth: number): Node | undefined {
  if (depth > MAX_CHAIN) return undefined;
  const value = traceValue(expression, context.modules);
  if (!Node.isCallExpression(value)) return undefined;
  const callee = unwrapExpression(value.getExpression());
  if (Node.isIdentifier(callee) && callee.getText() === 'pipeline') return value;
  if (Node.isArrowFunction(callee) || Node.isFunctionExpression(callee)) {
    const body = callee.getBody();
    if (!Node.isBlock(body)) return loadBehind(body, context, depth + 1);
    for (const statement of body.getDescendantsOfKind(SyntaxKind.ReturnStatement)) {
      const returned = statement.getExpression();
      const found = returned && loadBehind(returned, context, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

// ---- WebLLM -------------------------------------------------------------------------------------

function webLlmRequest(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const match = matchMethodTable(call, WEB_LLM_METHODS);
  if (!match) return undefined;
  const receiver = receiverOf(call, match.depth);
  const created = receiver && traceValue(receiver, context.modules);
  if (!created || !(Node.isCallExpression(created) || Node.isNewExpression(created))) return undefined;
  const binding = calleeBinding(unwrapExpression(created.getExpression()), context.modules);
  if (!binding || binding.packageName !== WEB_LLM_PACKAGE) return undefined;
  const evidence = [`engine created with ${binding.importedName}() from '${WEB_LLM_PACKAGE}' at ${created.getSourceFile().getBaseName()}:${created.getStartLineNumber()}`];
  const params = resolveObjectLiteral(call.getArguments()[0], context.modules);
  const factoryIndex = Object.hasOwn(WEB_LLM_FACTORIES, binding.importedName) ? WEB_LLM_FACTORIES[binding.importedName] : undefined;
  const modelNode = getObjectProperty(params, 'model', context.modules) ?? (factoryIndex !== undefined ? created.getArguments()[factoryIndex] : undefined) ?? reloadedModel(created, context);
  const model = readModel(modelNode, context.modules);
  evidence.push(...model.evidence, "runs in the user's browser on the user's GPU (WebGPU): no API cost, the weights download to the browser once");
  const messagesNode = getObjectProperty(params, 'messages', context.modules);
  const prompt = getObjectProperty(params, 'prompt', context.modules) ?? getObjectProperty(params, 'input', context.modules);
  return report(call, context, {
    method: match.method.path,
    endpoint: match.method.endpoint,
    model: model.ref,
    messages: messagesNode ? resolveMessages(messagesNode, context.modules).messages : prompt ? [{ role: 'user', ...resolvePromptText(prompt, context.modules) }] : [],
    maxOutputTokens: resolveNumber(getObjectProperty(params, 'max_tokens', context.modules), context.modules),
    streaming: isTrueLiteral(getObjectProperty(params, 'stream', context.modules)),
    evidence,
  });
}

/** `const engine = new MLCEngine(); await engine.reload('Llama-3.1-8B-Instruct-q4f32_1-MLC')`: the model given to reload in the same file. */
function reloadedModel(created: Node, context: AnalyzerContext): Node | undefined {
  for (const call of context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'reload' && traceValue(callee.getExpression(), context.modules) === created) return call.getArguments()[0];
  }
  return undefined;
}

// ---- node-llama-cpp -----------------------------------------------------------------------------

function llamaCppRequest(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !Object.hasOwn(LLAMA_CPP_METHODS, callee.getName())) return undefined;
  const chain = llamaChain(callee.getExpression(), context);
  if (!chain) return undefined;
  const endpoint = LLAMA_CPP_METHODS[callee.getName()];
  const evidence = [...chain.evidence];
  const modelPath = chain.modelPath ? resolveString(chain.modelPath, context.modules) : undefined;
  const file = modelPath?.value ?? (chain.modelPath ? lastLiteral(chain.modelPath) : null);
  const id = file ? (file.split(/[\\/]/).pop() ?? file).replace(/\.gguf$/i, '') : null;
  if (id) evidence.push(`model file ${file}`);
  else evidence.push('model file not statically known');
  evidence.push(`runs in process on the server's ${chain.cpuOnly ? 'CPU (gpu: false)' : 'GPU when llama.cpp finds one (Metal, CUDA or Vulkan), else its CPU'}: no API cost`);
  const argument = call.getArguments()[0];
  const options = resolveObjectLiteral(call.getArguments()[1], context.modules);
  return report(call, context, {
    method: callee.getName(),
    endpoint,
    model: { id, raw: chain.modelPath?.getText() ?? '', source: id ? (modelPath?.source ?? 'literal') : 'dynamic' },
    messages: argument ? [{ role: 'user', ...resolvePromptText(argument, context.modules) }] : [],
    maxOutputTokens: resolveNumber(getObjectProperty(options, 'maxTokens', context.modules), context.modules),
    streaming: Boolean(getObjectProperty(options, 'onTextChunk', context.modules) ?? getObjectProperty(options, 'onToken', context.modules)),
    evidence,
  });
}

/** `path.join(dir, 'models', 'x.gguf')`: the file name, the last string literal of the expression. */
function lastLiteral(node: Node): string | null {
  const literals = [node, ...node.getDescendants()].filter((child) => Node.isStringLiteral(child) || Node.isNoSubstitutionTemplateLiteral(child));
  const last = literals.pop();
  return last && (Node.isStringLiteral(last) || Node.isNoSubstitutionTemplateLiteral(last)) ? last.getLiteralValue() : null;
}

/**
 * Walks session → context sequence → context → model → `llama.loadModel({ modelPath })` → `getLlama()`
 * and confirms the chain starts at node-llama-cpp. Each step is a `new X({ ... })` or a method call on the previous object.
 */
function llamaChain(receiver: Node, context: AnalyzerContext): { modelPath: Node | undefined; cpuOnly: boolean; evidence: string[] } | undefined {
  let current: Node = receiver;
  let modelPath: Node | undefined;
  const evidence: string[] = [];
  for (let step = 0; step < MAX_CHAIN; step++) {
    const value = traceValue(current, context.modules);
    if (Node.isNewExpression(value) || (Node.isCallExpression(value) && Node.isIdentifier(unwrapExpression(value.getExpression())))) {
      const binding = calleeBinding(unwrapExpression(value.getExpression()), context.modules);
      if (!binding || binding.packageName !== LLAMA_CPP_PACKAGE) return undefined;
      if (binding.importedName === 'getLlama') {
        const options = resolveObjectLiteral(value.getArguments()[0], context.modules);
        const gpu = getObjectProperty(options, 'gpu', context.modules);
        evidence.unshift(`llama.cpp from '${LLAMA_CPP_PACKAGE}'`);
        return { modelPath, cpuOnly: gpu?.getText() === 'false', evidence };
      }
      // `new LlamaChatSession({ contextSequence })`, `new LlamaCompletion({ contextSequence })`: follow the sequence.
      const options = resolveObjectLiteral(value.getArguments()[0], context.modules);
      const next = getObjectProperty(options, 'contextSequence', context.modules) ?? getObjectProperty(options, 'context', context.modules);
      if (!next) return modelPath ? { modelPath, cpuOnly: false, evidence: [`${binding.importedName} from '${LLAMA_CPP_PACKAGE}'`, ...evidence] } : undefined;
      evidence.push(`${binding.importedName} at ${value.getSourceFile().getBaseName()}:${value.getStartLineNumber()}`);
      current = next;
      continue;
    }
    if (Node.isCallExpression(value)) {
      const callee = unwrapExpression(value.getExpression());
      if (!Node.isPropertyAccessExpression(callee)) return undefined;
      if (callee.getName() === 'loadModel') modelPath = getObjectProperty(resolveObjectLiteral(value.getArguments()[0], context.modules), 'modelPath', context.modules);
      // getSequence(), createContext(), createEmbeddingContext(), loadModel(): step to the object they are called on.
      current = callee.getExpression();
      continue;
    }
    return undefined;
  }
  return undefined;
}
