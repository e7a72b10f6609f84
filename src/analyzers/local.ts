import { Node, SyntaxKind, type CallExpression, type FunctionDeclaration, type ParameterDeclaration, type SourceFile } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, PromptMessage, RunsOn } from '../model/types';
import { IN_PROCESS_PROVIDER } from '../model/vocabulary';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { enclosingFunctionName, toDetectedCall } from './shared/callsite';
import { resolveMessages, resolvePromptText, runTimeTurn } from './shared/prompt';
import { findDeclaration, getObjectProperty, hasDirective, initializerOf, namespaceMember, placeOf, resolveNumber, resolveObjectLiteral, resolveString, returnsOf, thisAssignments, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, importBindingOf, isTrueLiteral, readModel, readToolNames, traceValue } from './shared/sdk';
import { enterCall } from './shared/modelValue';
import { declaredTypeOf } from './shared/shapes';

/**
 * Models run inside the app's own process, with no API behind them (provider `local`):
 * - transformers.js (`@huggingface/transformers`, `@xenova/transformers`): `pipeline(task, model)` loads an
 *   ONNX model (not a request); the site is each run of the returned function, `await extractor(texts)`.
 *   The same for a model class loaded without a pipeline (`AutoModelForSequenceClassification.from_pretrained(id)`):
 *   the site is each forward pass, `await model(inputs)` (or `model.generate(inputs)` of a generative one).
 * - node-llama-cpp: a GGUF file loaded by llama.cpp; requests are `session.prompt(...)`,
 *   `completion.generateCompletion(...)` and `embeddingContext.getEmbeddingFor(...)`.
 * - llama.rn (React Native): a GGUF file llama.cpp loads on the end user's phone (`initLlama({ model })`); requests are
 *   `context.completion({ messages, tools, n_predict })` and `context.embedding(text)`.
 * - Supabase's edge runtime (the `Supabase` global of an edge function): `new Supabase.ai.Session('gte-small')` loads
 *   its built-in embedding model; requests are `session.run(text, { mean_pool, normalize })`.
 * - FastEmbed (`fastembed`): `FlagEmbedding.init({ model })` loads an ONNX embedding model; requests are
 *   `model.embed(texts)`, `model.queryEmbed(query)` and `model.passageEmbed(texts)`.
 * - ONNX Runtime (`onnxruntime-node`, `-web`, `-react-native`) running a text transformer the app tokenizes itself:
 *   `session.run({ input_ids, attention_mask })` on an `InferenceSession` (an embedding model, a reranker). A session fed
 *   anything else (an image tensor for a face detector) runs no language model and is not reported.
 * - whisper.cpp's and llama.cpp's programs spawned from Node's child_process (`spawn('whisper-stream', ['-m', model])`):
 *   each run is a request, its model the `-m` argument.
 * There is no per-request price: the evidence says which hardware pays for it. WebLLM, which runs in the end user's
 * browser rather than in the app's process, has its own analyzer (web-llm.ts).
 */
const TRANSFORMERS_PACKAGES = new Set(['@huggingface/transformers', '@xenova/transformers', 'sillytavern-transformers']);
/**
 * A copy of transformers.js kept in the app's own tree and imported by path (`../../vendor/modules/@xenova/transformers/src/transformers.js`),
 * as apps do that patch it or ship it inside an editor extension.
 */
const VENDORED_TRANSFORMERS = /^(?:\.\.?\/)+[\w./-]*\/@(?:xenova|huggingface)\/transformers\/[\w./-]+$/;

/** transformers.js by its package name, a fork published under its own (`sillytavern-transformers`), or a vendored copy. */
function isTransformersPackage(specifier: string): boolean {
  return TRANSFORMERS_PACKAGES.has(specifier) || VENDORED_TRANSFORMERS.test(specifier);
}
const LLAMA_CPP_PACKAGE = 'node-llama-cpp';
/** llama.cpp's React Native binding: `initLlama({ model })` loads a GGUF file on the phone, `context.completion(params)` runs it. */
const LLAMA_RN_PACKAGE = 'llama.rn';
const LLAMA_RN_METHODS: Readonly<Record<string, Endpoint>> = { completion: 'chat', embedding: 'embedding' };
/** ONNX Runtime's JavaScript packages: `InferenceSession.create(modelPath)` loads a model, `session.run(feeds)` runs it. */
const ONNX_RUNTIME_PACKAGES = new Set(['onnxruntime-node', 'onnxruntime-web', 'onnxruntime-react-native', 'onnxruntime-common']);
/** The input a transformer over text is fed: the token ids of what it reads (BERT-style encoders, rerankers, decoders). */
const TOKEN_IDS_INPUT = 'input_ids';
/** What an ONNX text model's path or helper says it does: an embedding model (sentence encoders) or a reranker. */
const EMBEDDING_MODEL_TEXT = /embed|minilm|mpnet|\bbge|\be5-|\bgte|sentence|nomic/i;
const RERANKER_MODEL_TEXT = /rerank|cross-?encoder/i;
const FASTEMBED_PACKAGE = 'fastembed';
/** FastEmbed's request methods; `embed` and `passageEmbed` take a list of texts, `queryEmbed` one query. */
const FASTEMBED_METHODS = new Set(['embed', 'queryEmbed', 'passageEmbed']);
/** FastEmbed's default model when `init` names none (fastembed-js `EmbeddingModel.BGESmallENV15`, "fast-bge-small-en-v1.5"). */
const FASTEMBED_DEFAULT_MODEL = 'fast-bge-small-en-v1.5';

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

const LLAMA_CPP_METHODS: Readonly<Record<string, Endpoint>> = { prompt: 'chat', promptWithMeta: 'chat', generateCompletion: 'completion', generateInfillCompletion: 'completion', getEmbeddingFor: 'embedding' };

/** The edge runtime's session class, a global (no import): `new Supabase.ai.Session(model)`. */
const SUPABASE_SESSION = 'Supabase.ai.Session';
/** The model the edge runtime runs in process; it hands any other model to the inference server its deployment names. */
const SUPABASE_BUILT_IN_EMBEDDING = 'gte-small';

/**
 * whisper.cpp's and llama.cpp's command-line programs, which an app spawns to run a local model file (`spawn('whisper-stream',
 * ['-m', modelPath, ...])`): each run is a request served on the machine the app runs on.
 */
const LOCAL_MODEL_PROGRAMS: Readonly<Record<string, Endpoint>> = { 'whisper-stream': 'audio-transcription', 'whisper-cli': 'audio-transcription', 'llama-cli': 'completion' };
const CHILD_PROCESS_PACKAGES = new Set(['child_process', 'node:child_process']);
const SPAWN_FUNCTIONS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);

const CALLEE_NAMES = new Set(['run', ...Object.keys(LLAMA_CPP_METHODS), ...Object.keys(LLAMA_RN_METHODS), ...FASTEMBED_METHODS, ...SPAWN_FUNCTIONS]);

const MAX_CHAIN = 8;

const analyzeSdkCalls = eachCall((call, context) => llamaCppRequest(call, context) ?? llamaRnRequest(call, context) ?? supabaseSessionRun(call, context) ?? onnxRuntimeRun(call, context) ?? fastEmbedRequest(call, context) ?? localProgramRun(call, context), (name) => CALLEE_NAMES.has(name));

export const localAnalyzer: Analyzer = {
  id: 'local',
  packages: [...TRANSFORMERS_PACKAGES, VENDORED_TRANSFORMERS, LLAMA_CPP_PACKAGE, LLAMA_RN_PACKAGE, SUPABASE_SESSION, FASTEMBED_PACKAGE, ...ONNX_RUNTIME_PACKAGES],
  analyze(context: AnalyzerContext): DetectedCall[] {
    const calls = analyzeSdkCalls(context);
    // A pipeline's runs have any name (`extractor`, `transcriber`): only files that load one are searched for them.
    const loads = [...pipelineLoads(context), ...(PIPELINE_HELPER_NAME.test(context.sourceFile.getFullText()) ? helperLoads(context) : [])];
    if (loads.length > 0) calls.push(...eachCall((call, callContext) => transformersRun(call, callContext, loads))(context));
    // So have a model class's forward passes (`model`, `classifier`, `this.encoder`).
    const modelLoads = modelClassLoads(context);
    if (modelLoads.length > 0) calls.push(...eachCall((call, callContext) => modelClassRun(call, callContext, modelLoads))(context));
    return calls;
  },
};

function report(call: CallExpression, context: AnalyzerContext, draft: { method: string; endpoint: Endpoint; model: ModelRef; messages: PromptMessage[]; maxOutputTokens?: number | null; streaming?: boolean; evidence: string[]; runsOn?: RunsOn }): DetectedCall {
  return toDetectedCall(call, context, {
    provider: IN_PROCESS_PROVIDER,
    sdk: IN_PROCESS_PROVIDER,
    ...(draft.runsOn ? { runsOn: draft.runsOn } : {}),
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

// ---- local model programs -----------------------------------------------------------------------

/** `spawn('whisper-stream', ['-m', modelPath, ...])` from Node's child_process: a run of a local model program, its model the `-m` argument. */
function localProgramRun(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  if (!name || !SPAWN_FUNCTIONS.has(name)) return undefined;
  const [programNode, argumentsNode] = call.getArguments();
  const program = programNode ? resolveString(programNode, context.modules).value : null;
  const endpoint = program ? LOCAL_MODEL_PROGRAMS[program.split(/[\\/]/).pop()!] : undefined;
  if (!endpoint) return undefined;
  const binding = calleeBinding(callee, context.modules);
  if (!binding || !CHILD_PROCESS_PACKAGES.has(binding.packageName)) return undefined;
  const list = argumentsNode ? unwrapExpression(argumentsNode) : undefined;
  const items = list && Node.isArrayLiteralExpression(list) ? list.getElements() : [];
  const flag = items.findIndex((item) => ['-m', '--model'].includes(resolveString(item, context.modules).value ?? ''));
  const model = readModel(flag >= 0 ? items[flag + 1] : undefined, context.modules);
  return report(call, context, {
    method: `${name} ${program}`,
    endpoint,
    model: model.ref,
    messages: [endpoint === 'audio-transcription' ? runTimeTurn('audio', 'file-content') : runTimeTurn('prompt', 'interpolation')],
    streaming: program === 'whisper-stream',
    evidence: [`${program} spawned with ${name}() from ${binding.packageName}: a local model program run on the machine the app runs on, no API behind it`, ...model.evidence],
  });
}

// ---- transformers.js ----------------------------------------------------------------------------

/** A `pipeline(task, model, options)` that loads a transformers.js model: no request yet, but it says which model later runs. */
interface PipelineLoad {
  call: CallExpression;
  /** Null when the task is known only at run time (`pipeline(...args)` with the arguments a worker receives). */
  task: string | null;
  packageName: string;
  /** The load's task, model and options as written at `call`: `pipeline(task, model, options)`'s, or what a caller hands an app helper. */
  arguments: { task: Node | undefined; model: Node | undefined; options: Node | undefined };
  /** The app's function that loads it for this call (`getPipeline`), with the `pipeline(...)` call inside it. */
  helper?: { name: string; load: CallExpression };
}

/**
 * The pipelines a file loads: `pipeline(...)` imported from transformers.js, or a local `pipeline` that
 * forwards to it through a dynamic import (`(...args) => import('@xenova/transformers').then(({ pipeline }) => pipeline(...args))`).
 */
function pipelineLoads(context: AnalyzerContext): PipelineLoad[] {
  const text = context.sourceFile.getFullText();
  // A `pipeline` handed out by the app's own loader of the library (`const pipeline = await piplelineTransformer()`), in
  // a file that does not name the package: a call writing out one of its tasks is read through the loader.
  const mentioned = [...TRANSFORMERS_PACKAGES].find((name) => text.includes(name)) ?? (PIPELINE_TASK_CALL.test(text) ? '' : undefined);
  if (mentioned === undefined) return [];
  const loads: PipelineLoad[] = [];
  for (const call of context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = unwrapExpression(call.getExpression());
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'pipeline') {
      const load = libraryMemberLoad(call, mentioned);
      if (load) loads.push(load);
      continue;
    }
    if (!Node.isIdentifier(callee) || callee.getText() !== 'pipeline') continue;
    const taskNode = call.getArguments()[0];
    const task = taskNode && !Node.isSpreadElement(taskNode) ? resolveString(staticFieldValue(taskNode) ?? taskNode, context.modules).value : null;
    if (task !== null && !Object.hasOwn(PIPELINE_TASKS, task)) continue;
    const binding = calleeBinding(callee, context.modules) ?? vendoredBinding(callee, context) ?? loadedThroughHelper(callee, context);
    if (binding && !isTransformersPackage(binding.packageName)) continue;
    if (!binding && mentioned === '') continue;
    // A task known only at run time counts for a `pipeline` imported from transformers.js only, not a local forwarder of it.
    if (task === null && !binding) continue;
    const [taskArgument, model, options] = call.getArguments();
    loads.push({ call, task, packageName: binding?.packageName ?? mentioned, arguments: { task: taskArgument, model, options } });
  }
  return loads;
}

/** `pipeline("feature-extraction", ...)`: a call of a function named pipeline writing out one of transformers.js's tasks. */
const PIPELINE_TASK_CALL = new RegExp(String.raw`\bpipeline\s*\(\s*['"\`](?:${Object.keys(PIPELINE_TASKS).join('|')})['"\`]`);

/**
 * `const pipeline = await piplelineTransformer()`, the app's loader doing `let { pipeline } = await
 * import('@xenova/transformers'); return pipeline`: the library's `pipeline`, read where the loader takes it apart from
 * the dynamic import.
 */
function loadedThroughHelper(callee: Node, context: AnalyzerContext): { packageName: string; importedName: string } | undefined {
  const traced = traceValue(callee, context.modules);
  const binding = traced !== callee ? importBindingOf(traced, context.modules) : undefined;
  return binding && isTransformersPackage(binding.packageName) ? binding : undefined;
}

/**
 * `(await getTransformers()).pipeline('translation', modelId)` or `transformers.pipeline('feature-extraction', model)` in a file
 * that names transformers.js: the library's `pipeline` reached through the module object the app loaded it as. Only a task
 * written out as one of transformers.js's counts, since a member named `pipeline` is otherwise anyone's.
 */
function libraryMemberLoad(call: CallExpression, packageName: string): PipelineLoad | undefined {
  const [taskArgument, model, options] = call.getArguments();
  const task = taskArgument && Node.isStringLiteral(taskArgument) ? taskArgument.getLiteralText() : undefined;
  if (task === undefined || !Object.hasOwn(PIPELINE_TASKS, task)) return undefined;
  return { call, task, packageName, arguments: { task: taskArgument, model, options } };
}

/**
 * `const { pipeline } = await import('../../vendor/modules/@xenova/transformers/src/transformers.js')` where the copy is in the
 * workspace: the import resolves to the copy's own `pipeline` function, so the binding is read from where that is declared.
 */
function vendoredBinding(callee: Node, context: AnalyzerContext): { packageName: string; importedName: string } | undefined {
  const declaration = Node.isIdentifier(callee) ? findDeclaration(callee, context.modules) : undefined;
  if (!declaration || declaration.getSourceFile() === context.sourceFile) return undefined;
  const path = declaration.getSourceFile().getFilePath();
  const vendored = /\/(@(?:xenova|huggingface)\/transformers)\//.exec(path);
  return vendored ? { packageName: vendored[1], importedName: callee.getText() } : undefined;
}

/** The names apps give a function handing out a pipeline (`getPipeline`, `loadEmbeddingPipeline`): the callee names looked up. */
const PIPELINE_HELPER_NAME = /pipeline/i;

/**
 * `const pipe = await module.default.getPipeline(TASK, model)`: a call of the app's own function (here or in another module,
 * also through `await import(...)` and a default-exported object) that loads a transformers.js pipeline and returns it,
 * typically cached per task. Each such call is a load for the file making it; where the helper loads with its own
 * parameters (`pipeline(task, forceModel || defaultFor(task))`), the task and model are what this call hands it.
 */
function helperLoads(context: AnalyzerContext): PipelineLoad[] {
  const loads: PipelineLoad[] = [];
  for (const call of context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = unwrapExpression(call.getExpression());
    const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
    if (!name || name === 'pipeline' || !PIPELINE_HELPER_NAME.test(name)) continue;
    const helper = helperFunction(callee, context);
    if (!helper || helper.getSourceFile() === context.sourceFile) continue;
    const load = helperPipelineLoad(helper, context);
    if (!load) continue;
    const parameters = helper.getParameters();
    const handed = (node: Node | undefined): Node | undefined => {
      const index = node ? parameterIndex(node, parameters) : -1;
      return index >= 0 ? call.getArguments()[index] : undefined;
    };
    const taskArgument = handed(load.arguments.task) ?? load.arguments.task;
    const task = taskArgument ? resolveString(taskArgument, context.modules).value : null;
    if (task !== null && !Object.hasOwn(PIPELINE_TASKS, task)) continue;
    // A model the helper fixes itself (`pipeline(task, EMBEDDING_MODEL)`) is read where it is written; one it picks from a parameter is this call's.
    const modelParameter = modelParameterOf(load.arguments.model, parameters);
    const model = modelParameter ? handed(modelParameter) : dependsOnParameters(load.arguments.model, parameters) ? undefined : load.arguments.model;
    loads.push({ call, task, packageName: load.packageName, arguments: { task: taskArgument, model, options: load.arguments.options }, helper: { name, load: load.call } });
  }
  return loads;
}

/** The function a callee names: a declaration or a constant holding one, here or exported by the module it is imported from. */
function helperFunction(callee: Node, context: AnalyzerContext): FunctionDeclaration | undefined {
  let target: Node | undefined;
  if (Node.isIdentifier(callee)) target = findDeclaration(callee, context.modules);
  else if (Node.isPropertyAccessExpression(callee)) {
    target = namespaceMember(callee, context.modules);
    // `module.default.getPipeline`: a member of the object a module exports (`export default { getPipeline }`).
    const owner = target ? undefined : resolveObjectLiteral(callee.getExpression(), context.modules);
    const member = owner && getObjectProperty(owner, callee.getName());
    if (member && Node.isIdentifier(member)) target = findDeclaration(member, context.modules);
  }
  return target && Node.isFunctionDeclaration(target) ? target : undefined;
}

/** The transformers.js `pipeline(...)` load inside an app's helper whose result it returns (directly, or from a variable holding it). */
function helperPipelineLoad(helper: FunctionDeclaration, context: AnalyzerContext): PipelineLoad | undefined {
  // A helper called from several places (SillyTavern calls `getPipeline` from six) is read once.
  if (!HELPER_LOADS.has(helper)) HELPER_LOADS.set(helper, readHelperPipelineLoad(helper, context));
  return HELPER_LOADS.get(helper);
}

const HELPER_LOADS = new WeakMap<FunctionDeclaration, PipelineLoad | undefined>();

function readHelperPipelineLoad(helper: FunctionDeclaration, context: AnalyzerContext): PipelineLoad | undefined {
  const helperContext = { ...context, sourceFile: helper.getSourceFile() };
  const loads = pipelineLoads(helperContext).filter((load) => load.call.getFirstAncestor((ancestor) => ancestor === helper) !== undefined);
  if (loads.length !== 1) return undefined;
  const returnsLoad = returnsOf(helper).some((returned) => loadBehind(returned, helperContext, 0) === loads[0].call || returnedVariableHolds(returned, loads[0].call));
  return returnsLoad ? loads[0] : undefined;
}

/** `const instance = await pipeline(...); cache[task] = instance; return instance;`: the returned variable is the load. */
function returnedVariableHolds(returned: Node, load: CallExpression): boolean {
  return unwrapExpression(localValueOf(returned)) === load;
}

/**
 * What a name inside the helper stands for as written: the initializer of the helper's own variable it names
 * (`const model = forceModel || getModelForTask(task)`), else the expression itself (a parameter, a literal).
 */
function localValueOf(node: Node): Node {
  const value = unwrapExpression(node);
  if (!Node.isIdentifier(value)) return value;
  const fn = value.getFirstAncestor((ancestor) => Node.isFunctionDeclaration(ancestor));
  const declaration = fn?.getDescendantsOfKind(SyntaxKind.VariableDeclaration).find((variable) => variable.getName() === value.getText());
  return declaration?.getInitializer() ?? value;
}

/** How an app helper's `pipeline(task, model)` picks its model, as written (`forceModel || getModelForTask(task)` for a `model` set so). */
function helperModelText(load: CallExpression): string | undefined {
  const model = load.getArguments()[1];
  return model && localValueOf(model).getText().slice(0, 80);
}

/** True when a value the helper loads with mentions one of its parameters (`getModelForTask(task)`): then only a caller knows it. */
function dependsOnParameters(node: Node | undefined, parameters: readonly ParameterDeclaration[]): boolean {
  if (!node) return false;
  const names = new Set(parameters.map((parameter) => parameter.getName()));
  const written = localValueOf(node);
  return names.has(written.getText()) || written.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => names.has(identifier.getText()));
}

/** Which of the helper's parameters a load argument is (`task`), or -1. */
function parameterIndex(node: Node, parameters: readonly ParameterDeclaration[]): number {
  const value = unwrapExpression(node);
  return Node.isIdentifier(value) ? parameters.findIndex((parameter) => parameter.getName() === value.getText()) : -1;
}

/**
 * The helper's parameter its model comes from: the model argument itself when it is one, or the first operand of a
 * fallback it is set from (`const model = forceModel || getModelForTask(task)`).
 */
function modelParameterOf(model: Node | undefined, parameters: readonly ParameterDeclaration[]): Node | undefined {
  if (!model) return undefined;
  if (parameterIndex(model, parameters) >= 0) return model;
  // Only a variable of the helper's set from a fallback (`const model = forceModel || ...`), not an expression written inline.
  const written = localValueOf(model);
  const fallback = written !== unwrapExpression(model) ? unwrapExpression(written) : undefined;
  if (fallback && Node.isBinaryExpression(fallback) && [SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken].includes(fallback.getOperatorToken().getKind())) {
    const first = fallback.getLeft();
    return parameterIndex(first, parameters) >= 0 ? first : undefined;
  }
  return undefined;
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
  if (!(Node.isIdentifier(callee) || (Node.isPropertyAccessExpression(callee) && (callee.getExpression().getKind() === SyntaxKind.ThisKeyword || classOf(callee.getExpression(), context) !== undefined)))) return undefined;
  // A load is `pipeline('<task>', model)`; a local value that happens to be named `pipeline` (`const pipeline = await this.embedderClient()`) can be a run.
  if (loads.some((load) => load.call === call)) return undefined;
  const firstArgument = call.getArguments()[0];
  if (Node.isIdentifier(callee) && callee.getText() === 'pipeline' && firstArgument && Object.hasOwn(PIPELINE_TASKS, resolveString(firstArgument, context.modules).value ?? '')) return undefined;
  const declaration = Node.isIdentifier(callee) ? findDeclaration(callee, context.modules) : undefined;
  if (declaration && (Node.isFunctionDeclaration(declaration) || importBindingOf(callee, context.modules))) return undefined;
  const traced = loadBehind(callee, context, 0, loads);
  let load = traced && loads.find((candidate) => candidate.call === traced);
  const evidence: string[] = [];
  const singleton = load ? undefined : singletonLoad(callee, context, loads);
  const typed = load || singleton ? undefined : pipelineTypeOf(callee, context);
  if (load?.helper) {
    evidence.push(`runs the pipeline ${load.helper.name}() hands out at line ${load.call.getStartLineNumber()} (it loads it at ${placeOf(load.helper.load)})`);
  } else if (load) {
    evidence.push(`runs the pipeline loaded at line ${load.call.getStartLineNumber()}`);
  } else if (singleton) {
    load = singleton.load;
    evidence.push(`runs the pipeline the class ${singleton.className} holds (loaded once at line ${load.call.getStartLineNumber()}; each call of the instance is a run)`);
  } else if (typed) {
    load = loads.find((candidate) => candidate.task !== null && candidate.task === typed.task) ?? loads.find((candidate) => candidate.task !== null) ?? loads[0];
    evidence.push(`\`${callee.getText().slice(0, 40)}\` is typed as a pipeline (${typed.where}); this file loads the pipeline at line ${load.call.getStartLineNumber()}`);
  } else {
    const options = resolveObjectLiteral(call.getArguments()[1], context.modules);
    const runOption = options && Node.isObjectLiteralExpression(options) ? options.getProperties().find((property) => (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)) && PIPELINE_RUN_OPTIONS.has(property.getName())) : undefined;
    if (!runOption || !(Node.isPropertyAssignment(runOption) || Node.isShorthandPropertyAssignment(runOption))) return undefined;
    load = loads.find((candidate) => candidate.task !== null && PIPELINE_TASKS[candidate.task] === taskOfRunOption(runOption.getName())) ?? loads.find((candidate) => candidate.task !== null) ?? loads[0];
    evidence.push(`\`${callee.getText().slice(0, 40)}\` is called with the pipeline option ${runOption.getName()}; this file loads the pipeline at line ${load.call.getStartLineNumber()}`);
  }
  const { task: taskNode, model: modelNode, options: optionsNode } = load.arguments;
  const spread = taskNode && Node.isSpreadElement(taskNode) ? taskNode.getText() : undefined;
  const helperModel = load.helper && helperModelText(load.helper.load);
  const model = spread
    ? { ref: { id: null, raw: spread, source: 'dynamic' as const }, evidence: [`task and model are the arguments \`${spread}\` the pipeline is loaded with at run time (line ${load.call.getStartLineNumber()}): not known here`] }
    : modelNode
      ? readModel(staticFieldValue(modelNode) ?? modelNode, context.modules)
      : load.helper && helperModel
        ? { ref: { id: null, raw: helperModel, source: 'dynamic' as const }, evidence: [`the model is the one ${load.helper.name}() picks (\`${helperModel}\`): not known here`] }
        : { ref: { id: null, raw: '', source: 'dynamic' as const }, evidence: [`no model given: transformers.js loads its default model for ${load.task ?? 'the task'}`] };
  const endpoint = load.task !== null ? PIPELINE_TASKS[load.task] : endpointOfRunOptions(call, context);
  const browser = browserRuntimeOf(call.getSourceFile());
  const gpu = gpuDeviceOf(optionsNode, context);
  const input = call.getArguments()[0];
  const inputText = input ? input.getText().slice(0, 60) : 'input';
  return report(call, context, {
    method: `pipeline(${load.task ?? 'task unknown'})`,
    endpoint,
    model: model.ref,
    messages: [{ role: 'user', text: `{{${inputText}}}`, holes: [{ kind: endpoint === 'embedding' ? 'rag-context' : 'unknown', expression: inputText }] }],
    maxOutputTokens: resolveNumber(getObjectProperty(resolveObjectLiteral(call.getArguments()[1], context.modules), 'max_new_tokens', context.modules), context.modules),
    evidence: [load.task !== null ? `transformers.js '${load.task}' pipeline from '${load.packageName}'` : `transformers.js pipeline from '${load.packageName}' whose task is known only at run time${endpoint === 'other' ? ' (endpoint unknown)' : `; its run options say ${endpoint}`}`, ...evidence, ...model.evidence, whereTransformersRuns(browser, gpu)],
    ...(browser ? { runsOn: 'end-user-device' as const } : {}),
  });
}

/** The endpoint a run's own options imply (`pooling` → embedding), for a pipeline whose task is not known; `other` without one. */
function endpointOfRunOptions(call: CallExpression, context: AnalyzerContext): Endpoint {
  const options = resolveObjectLiteral(call.getArguments()[1], context.modules);
  if (!options || !Node.isObjectLiteralExpression(options)) return 'other';
  const option = options.getProperties().find((property) => (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)) && PIPELINE_RUN_OPTIONS.has(property.getName()));
  return option && (Node.isPropertyAssignment(option) || Node.isShorthandPropertyAssignment(option)) ? taskOfRunOption(option.getName()) : 'other';
}

/**
 * `this.model` in a static method of a class, or `EmbeddingsPipeline.task` naming the class of this file: the initializer of the
 * class's static field (`static model = 'Xenova/...'`).
 */
function staticFieldValue(node: Node): Node | undefined {
  const access = unwrapExpression(node);
  if (!Node.isPropertyAccessExpression(access)) return undefined;
  const holder = access.getExpression();
  let owner: Node | undefined;
  if (Node.isIdentifier(holder)) owner = access.getSourceFile().getClass(holder.getText());
  else if (holder.getKind() === SyntaxKind.ThisKeyword) {
    const member = access.getFirstAncestor((ancestor) => Node.isMethodDeclaration(ancestor) || Node.isPropertyDeclaration(ancestor));
    if (!member || !(Node.isMethodDeclaration(member) || Node.isPropertyDeclaration(member)) || !member.isStatic()) return undefined;
    owner = member.getParent();
  }
  const field = owner && Node.isClassDeclaration(owner) ? owner.getStaticProperty(access.getName()) : undefined;
  return field && Node.isPropertyDeclaration(field) ? field.getInitializer() : undefined;
}

/** The class declaration an identifier names (`PipelineSingleton`), here or imported. */
function classOf(node: Node, context: AnalyzerContext): Node | undefined {
  const owner = unwrapExpression(node);
  if (!Node.isIdentifier(owner)) return undefined;
  const declaration = findDeclaration(owner, context.modules);
  return declaration && Node.isClassDeclaration(declaration) ? declaration : undefined;
}

/**
 * A singleton holding a pipeline, as in a Web Worker: `PipelineSingleton.instance(text)`, or the value of
 * `await PipelineSingleton.getInstance()`, where the class loads the pipeline (`this.instance ??= pipeline(...)`).
 */
function singletonLoad(callee: Node, context: AnalyzerContext, loads: readonly PipelineLoad[]): { load: PipelineLoad; className: string } | undefined {
  // Called directly, the holder is a static field (`PipelineSingleton.instance(text)`; `PipelineSingleton.init(...)` loads it);
  // through a value, a static method handing it out (`const extractor = await PipelineSingleton.getInstance()`).
  let holder: Node = callee;
  if (Node.isIdentifier(callee)) {
    const value = traceValue(callee, context.modules);
    if (!Node.isCallExpression(value)) return undefined;
    holder = unwrapExpression(value.getExpression());
  }
  if (!Node.isPropertyAccessExpression(holder)) return undefined;
  const classNode = classOf(holder.getExpression(), context);
  if (!classNode || !Node.isClassDeclaration(classNode)) return undefined;
  const member = classNode.getStaticMember(holder.getName());
  if (!member || Node.isPropertyDeclaration(member) !== (holder === callee)) return undefined;
  const load = loads.find((candidate) => candidate.call.getFirstAncestor((ancestor) => ancestor === classNode) !== undefined);
  return load && { load, className: classNode.getName() ?? 'anonymous' };
}

/** A pipeline type's name, transformers.js's or the app's own copy of it: `Pipeline`, `TranslationPipeline`, `TextGenerationPipeline`. */
const PIPELINE_TYPE = /^(\w*)Pipeline$/;

/**
 * A value declared as a pipeline where caches and helpers hide its load: `const generator: TextGenerationPipeline = await
 * queue.add(() => loadGenerator(...))`, a parameter `pipe: Pipeline`, or `const pipe = await getPipeline(from, to)` where
 * the function is declared to return `Promise<TranslationPipeline>`. The type's name says the task where it names one.
 */
function pipelineTypeOf(callee: Node, context: AnalyzerContext): { task: string | null; where: string } | undefined {
  if (!Node.isIdentifier(callee)) return undefined;
  const typeNode = declaredTypeOf(callee, context.modules);
  const name = typeNode && pipelineTypeName(typeNode);
  const match = name ? PIPELINE_TYPE.exec(name) : null;
  if (!typeNode || !name || !match) return undefined;
  const task = match[1].replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  // Written on the value's own declaration, or the return type of the function that makes it.
  const maker = typeNode.getParent();
  const where = maker && Node.isFunctionLikeDeclaration(maker) ? `${enclosingFunctionName(typeNode) ?? 'the function'}() is declared to return it` : `declared at line ${typeNode.getStartLineNumber()}`;
  return { task: Object.hasOwn(PIPELINE_TASKS, task) ? task : null, where: `${name}, ${where}` };
}

/** The type a type node names, through `Promise<...>`: `Promise<TranslationPipeline>` is `TranslationPipeline`. */
function pipelineTypeName(typeNode: Node): string | undefined {
  if (!Node.isTypeReference(typeNode)) return undefined;
  const name = typeNode.getTypeName().getText();
  const [argument] = typeNode.getTypeArguments();
  return name === 'Promise' && argument ? pipelineTypeName(argument) : name;
}

function taskOfRunOption(option: string): Endpoint {
  if (option === 'pooling' || option === 'normalize') return 'embedding';
  if (/chunk_length_s|stride_length_s|return_timestamps|language/.test(option)) return 'audio-transcription';
  if (option === 'speaker_embeddings') return 'audio-speech';
  return 'completion';
}

/** The `pipeline(...)` call a value comes from: through constants, fields, `await`, and immediately-invoked async functions. */
function loadBehind(expression: Node, context: AnalyzerContext, depth: number, known: readonly PipelineLoad[] = []): Node | undefined {
  if (depth > MAX_CHAIN) return undefined;
  const value = traceValue(expression, context.modules);
  if (!Node.isCallExpression(value)) return undefined;
  const callee = unwrapExpression(value.getExpression());
  if ((Node.isIdentifier(callee) && callee.getText() === 'pipeline') || known.some((load) => load.call === value)) return value;
  if (Node.isArrowFunction(callee) || Node.isFunctionExpression(callee)) {
    const body = callee.getBody();
    if (!Node.isBlock(body)) return loadBehind(body, context, depth + 1, known);
    for (const statement of body.getDescendantsOfKind(SyntaxKind.ReturnStatement)) {
      const returned = statement.getExpression();
      const found = returned && loadBehind(returned, context, depth + 1, known);
      if (found) return found;
    }
  }
  return undefined;
}

/** A transformers.js model class (`AutoModel`, `AutoModelForSequenceClassification`, `BertModel`, ...): tokenizers and processors load no model that runs. */
const MODEL_CLASS = /^(?:Auto)?\w*Model(?:For\w+)?$/;

/** `<ModelClass>.from_pretrained(model, options)` of transformers.js: a model loaded without a pipeline (not a request). */
interface ModelClassLoad {
  call: CallExpression;
  className: string;
  packageName: string;
}

/** The model classes a file loads with `from_pretrained`, the class imported (also through `await import(...)`) from transformers.js. */
function modelClassLoads(context: AnalyzerContext): ModelClassLoad[] {
  const text = context.sourceFile.getFullText();
  if (!text.includes('from_pretrained') || ![...TRANSFORMERS_PACKAGES].some((name) => text.includes(name))) return [];
  const loads: ModelClassLoad[] = [];
  for (const call of context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = unwrapExpression(call.getExpression());
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'from_pretrained') continue;
    const binding = calleeBinding(callee.getExpression(), context.modules);
    if (!binding || !isTransformersPackage(binding.packageName) || !MODEL_CLASS.test(binding.importedName)) continue;
    loads.push({ call, className: binding.importedName, packageName: binding.packageName });
  }
  return loads;
}

/**
 * A forward pass of a loaded model class, `const { logits } = await model(inputs)` or `model.generate(inputs)`: the model
 * value traced back to a `from_pretrained` load of this file, through locals, awaits, the class's own fields and methods,
 * immediately-invoked async loaders and the object they return (`const { model, tokenizer } = await this.load()`).
 * A sequence classifier fed text pairs (the tokenizer given `text_pair`) is a cross-encoder scoring query-document pairs: a rerank.
 */
function modelClassRun(call: CallExpression, context: AnalyzerContext, loads: readonly ModelClassLoad[]): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  const generates = Node.isPropertyAccessExpression(callee) && callee.getName() === 'generate';
  const modelValue = generates ? callee.getExpression() : callee;
  if (!generates && !Node.isIdentifier(callee) && !(Node.isPropertyAccessExpression(callee) && callee.getExpression().getKind() === SyntaxKind.ThisKeyword)) return undefined;
  const loadCall = modelLoadBehind(modelValue, context, 0);
  const load = loadCall && loads.find((candidate) => candidate.call === loadCall);
  if (!load) return undefined;
  const [modelNode, optionsNode] = load.call.getArguments();
  const model = modelNode ? readModel(modelNode, context.modules) : { ref: { id: null, raw: '', source: 'dynamic' as const }, evidence: ['no model given'] };
  const input = call.getArguments()[0];
  const pairs = input !== undefined && tokenizedAsPairs(input, context);
  const endpoint: Endpoint = generates || /For(?:CausalLM|Seq2SeqLM|ConditionalGeneration)$/.test(load.className) ? 'completion' : /ForSequenceClassification$/.test(load.className) ? (pairs ? 'rerank' : 'other') : /^(?:Auto)?\w*Model$/.test(load.className) ? 'embedding' : 'other';
  const browser = browserRuntimeOf(call.getSourceFile());
  const gpu = gpuDeviceOf(optionsNode, context);
  const inputText = input ? input.getText().slice(0, 60) : 'inputs';
  return report(call, context, {
    method: `${load.className}${generates ? '.generate' : ''}`,
    endpoint,
    model: model.ref,
    messages: [runTimeTurn(inputText, endpoint === 'completion' ? 'unknown' : 'rag-context')],
    maxOutputTokens: generates ? resolveNumber(getObjectProperty(resolveObjectLiteral(call.getArguments()[0], context.modules), 'max_new_tokens', context.modules), context.modules) : null,
    evidence: [
      `transformers.js ${load.className} from '${load.packageName}' loaded with from_pretrained at line ${load.call.getStartLineNumber()}; this call runs it`,
      ...(pairs ? ['the tokenizer is given text pairs (text_pair): a cross-encoder scoring each query-document pair'] : []),
      ...model.evidence,
      whereTransformersRuns(browser, gpu, ', unless a device option set at run time says otherwise'),
    ],
    ...(browser ? { runsOn: 'end-user-device' as const } : {}),
  });
}

/** Whether a model's input comes from a tokenizer call given `text_pair` (`tokenizer(queries, { text_pair: documents })`). */
function tokenizedAsPairs(input: Node, context: AnalyzerContext): boolean {
  const made = traceValue(input, context.modules);
  return Node.isCallExpression(made) && getObjectProperty(resolveObjectLiteral(made.getArguments()[1], context.modules), 'text_pair', context.modules) !== undefined;
}

/** The `from_pretrained(...)` call a model value comes from (see modelClassRun for the steps it follows). */
function modelLoadBehind(expression: Node, context: AnalyzerContext, depth: number): CallExpression | undefined {
  if (depth > MAX_CHAIN) return undefined;
  const node = unwrapExpression(expression);
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, context.modules);
    if (!declaration || Node.isParameterDeclaration(declaration) || Node.isFunctionDeclaration(declaration) || importBindingOf(node, context.modules)) return undefined;
    if (Node.isBindingElement(declaration)) {
      // `const { model } = await this.load()`: the property of the object the source hands back.
      const source = declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration)?.getInitializer();
      const name = declaration.getPropertyNameNode()?.getText() ?? declaration.getName();
      for (const object of returnedObjects(source, context, depth + 1)) {
        const property = getObjectProperty(object, name, context.modules);
        const found = property && modelLoadBehind(property, context, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    const initializer = initializerOf(declaration);
    return initializer ? modelLoadBehind(initializer, context, depth + 1) : undefined;
  }
  if (Node.isPropertyAccessExpression(node) && node.getExpression().getKind() === SyntaxKind.ThisKeyword) {
    const traced = traceValue(node, context.modules);
    return traced !== node ? modelLoadBehind(traced, context, depth + 1) : undefined;
  }
  if (!Node.isCallExpression(node)) return undefined;
  const callee = unwrapExpression(node.getExpression());
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'from_pretrained') return node;
  for (const returned of callReturns(node, context)) {
    const found = modelLoadBehind(returned, context, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The object literals a value comes to: through the class's fields, calls of workspace functions and methods, and immediately-invoked functions. */
function returnedObjects(expression: Node | undefined, context: AnalyzerContext, depth: number): Node[] {
  if (!expression || depth > MAX_CHAIN) return [];
  const node = traceValue(expression, context.modules);
  if (Node.isObjectLiteralExpression(node)) return [node];
  if (!Node.isCallExpression(node)) return [];
  return callReturns(node, context).flatMap((returned) => returnedObjects(returned, context, depth + 1));
}

/** What a call returns: an immediately-invoked function's returns, or (through enterCall) a workspace function's or the class's own method's. */
function callReturns(call: CallExpression, context: AnalyzerContext): Node[] {
  const callee = unwrapExpression(call.getExpression());
  if (Node.isArrowFunction(callee) || Node.isFunctionExpression(callee)) return returnsOf(callee);
  const entered = enterCall(call, context.modules);
  if (!entered) return [];
  entered.release();
  return entered.returns;
}

// ---- FastEmbed ----------------------------------------------------------------------------------

function fastEmbedRequest(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !FASTEMBED_METHODS.has(callee.getName())) return undefined;
  const init = fastEmbedInitBehind(callee.getExpression(), context, 0);
  if (!init) return undefined;
  const modelNode = getObjectProperty(resolveObjectLiteral(init.getArguments()[0], context.modules), 'model', context.modules);
  const model = modelNode ? readModel(modelNode, context.modules) : { ref: { id: FASTEMBED_DEFAULT_MODEL, raw: '', source: 'default-param' as const }, evidence: [`no model given: FastEmbed loads its default, ${FASTEMBED_DEFAULT_MODEL}`] };
  const input = call.getArguments()[0];
  const inputText = input ? input.getText().slice(0, 60) : 'texts';
  return report(call, context, {
    method: callee.getName(),
    endpoint: 'embedding',
    model: model.ref,
    messages: [{ role: 'user', text: `{{${inputText}}}`, holes: [{ kind: 'rag-context', expression: inputText }] }],
    evidence: [`FastEmbed model loaded with FlagEmbedding.init() from '${FASTEMBED_PACKAGE}' at ${placeOf(init)}`, ...model.evidence, 'runs in process on the CPU (ONNX Runtime): no API cost, the model downloads once and is cached'],
  });
}

/**
 * The `FlagEmbedding.init(...)` a value comes from: through locals, awaits, a promise's `.catch`/`.then`, the class's
 * own fields and methods (`await this.getEmbeddingModel()` handing out `this.embeddingModel ??= this.initModel()`).
 */
function fastEmbedInitBehind(expression: Node, context: AnalyzerContext, depth: number): CallExpression | undefined {
  if (depth > MAX_CHAIN) return undefined;
  const node = unwrapExpression(expression);
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, context.modules);
    const initializer = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
    return initializer ? fastEmbedInitBehind(initializer, context, depth + 1) : undefined;
  }
  if (Node.isPropertyAccessExpression(node) && node.getExpression().getKind() === SyntaxKind.ThisKeyword) {
    const ownClass = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
    for (const value of ownClass ? thisAssignments(ownClass, node.getName()) : []) {
      const found = fastEmbedInitBehind(value, context, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (Node.isBinaryExpression(node)) return fastEmbedInitBehind(node.getRight(), context, depth + 1) ?? fastEmbedInitBehind(node.getLeft(), context, depth + 1);
  if (!Node.isCallExpression(node)) return undefined;
  const callee = unwrapExpression(node.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  if (callee.getName() === 'init') {
    const binding = calleeBinding(callee.getExpression(), context.modules);
    return binding?.packageName === FASTEMBED_PACKAGE && binding.importedName === 'FlagEmbedding' ? node : undefined;
  }
  if (PROMISE_METHODS.has(callee.getName())) return fastEmbedInitBehind(callee.getExpression(), context, depth + 1);
  if (callee.getExpression().getKind() !== SyntaxKind.ThisKeyword) return undefined;
  // The class's own method handing the model out: what it returns.
  const entered = enterCall(node, context.modules);
  if (!entered) return undefined;
  try {
    for (const returned of entered.returns) {
      const found = fastEmbedInitBehind(returned, context, depth + 1);
      if (found) return found;
    }
    return undefined;
  } finally {
    entered.release();
  }
}

/** A promise's own methods: the value they settle with is (or falls back to) the promise's. */
const PROMISE_METHODS = new Set(['catch', 'then', 'finally']);

// ---- node-llama-cpp -----------------------------------------------------------------------------

function llamaCppRequest(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !Object.hasOwn(LLAMA_CPP_METHODS, callee.getName())) return undefined;
  const chain = llamaChain(callee.getExpression(), context);
  if (!chain) return undefined;
  const endpoint = LLAMA_CPP_METHODS[callee.getName()];
  const evidence = [...chain.evidence];
  const gguf = ggufModel(chain.modelPath, context);
  evidence.push(gguf.evidence);
  evidence.push(`runs in process on the server's ${chain.cpuOnly ? 'CPU (gpu: false)' : 'GPU when llama.cpp finds one (Metal, CUDA or Vulkan), else its CPU'}: no API cost`);
  const argument = call.getArguments()[0];
  const options = resolveObjectLiteral(call.getArguments()[1], context.modules);
  return report(call, context, {
    method: callee.getName(),
    endpoint,
    model: gguf.model,
    messages: argument ? [{ role: 'user', ...resolvePromptText(argument, context.modules) }] : [],
    maxOutputTokens: resolveNumber(getObjectProperty(options, 'maxTokens', context.modules), context.modules),
    streaming: Boolean(getObjectProperty(options, 'onTextChunk', context.modules) ?? getObjectProperty(options, 'onToken', context.modules)),
    evidence,
  });
}

/** The model a GGUF file path names (`'models/Meta-Llama-3.1-8B-Instruct.Q4_K_M.gguf'` → its file name without `.gguf`), with the evidence line saying so. */
function ggufModel(modelPath: Node | undefined, context: AnalyzerContext): { model: ModelRef; evidence: string } {
  const resolved = modelPath ? resolveString(modelPath, context.modules) : undefined;
  const file = resolved?.value ?? (modelPath ? lastLiteral(modelPath) : null);
  const id = file ? (file.split(/[\\/]/).pop() ?? file).replace(/\.gguf$/i, '') : null;
  return {
    model: { id, raw: modelPath?.getText() ?? '', source: id ? (resolved?.source ?? 'literal') : 'dynamic' },
    evidence: id ? `model file ${file}` : 'model file not statically known',
  };
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
      evidence.push(`${binding.importedName} at ${placeOf(value)}`);
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

// ---- llama.rn ---------------------------------------------------------------------------------------

/**
 * `context.completion({ messages, tools, n_predict })` or `context.embedding(text)` on what llama.rn's `initLlama({ model })`
 * returned (also held in a field: `this.context = await initLlama(...)`): llama.cpp running the GGUF file on the end user's
 * phone. The model is the file's name; a second argument (a callback for each partial result) streams the answer.
 */
function llamaRnRequest(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !Object.hasOwn(LLAMA_RN_METHODS, callee.getName())) return undefined;
  const loaded = llamaRnLoad(callee.getExpression(), context);
  if (!loaded) return undefined;
  const endpoint = LLAMA_RN_METHODS[callee.getName()];
  const gguf = ggufModel(getObjectProperty(resolveObjectLiteral(loaded.getArguments()[0], context.modules), 'model', context.modules), context);
  const evidence = [`initLlama from '${LLAMA_RN_PACKAGE}' at ${placeOf(loaded)}`, gguf.evidence, "llama.cpp runs on the end user's phone (React Native): no API cost"];
  const [argument, onPartial] = call.getArguments();
  // `embedding(text)` takes the text; `completion({ messages })` a chat's turns, `completion({ prompt })` a raw prompt.
  const params = endpoint === 'chat' ? resolveObjectLiteral(argument, context.modules) : undefined;
  const turns = getObjectProperty(params, 'messages', context.modules);
  const text = endpoint === 'embedding' ? argument : getObjectProperty(params, 'prompt', context.modules);
  const messages: PromptMessage[] = turns ? resolveMessages(turns, context.modules).messages : text ? [{ role: 'user', ...resolvePromptText(text, context.modules) }] : [];
  const tools = getObjectProperty(params, 'tools', context.modules);
  return toDetectedCall(call, context, {
    provider: IN_PROCESS_PROVIDER,
    sdk: IN_PROCESS_PROVIDER,
    runsOn: 'end-user-device',
    method: callee.getName(),
    endpoint,
    model: gguf.model,
    messages,
    maxOutputTokens: resolveNumber(getObjectProperty(params, 'n_predict', context.modules), context.modules),
    features: { streaming: onPartial !== undefined, tools: tools !== undefined, vision: false, structuredOutput: getObjectProperty(params, 'response_format', context.modules) !== undefined },
    toolNames: tools ? readToolNames(tools, context.modules) : [],
    evidence,
  });
}

/**
 * The `initLlama(...)` call a receiver holds: traced as a value, or, for a field (`private context: any = null`), among the
 * values the class assigns it (`this.context = ctx` with `const ctx = await initLlama({ model })`).
 */
function llamaRnLoad(receiver: Node, context: AnalyzerContext): CallExpression | undefined {
  const receiverNode = unwrapExpression(receiver);
  const ownClass = Node.isPropertyAccessExpression(receiverNode) && receiverNode.getExpression().getKind() === SyntaxKind.ThisKeyword ? receiverNode.getFirstAncestorByKind(SyntaxKind.ClassDeclaration) : undefined;
  const candidates = [traceValue(receiverNode, context.modules), ...(ownClass && Node.isPropertyAccessExpression(receiverNode) ? thisAssignments(ownClass, receiverNode.getName()).map((value) => traceValue(value, context.modules)) : [])];
  for (const candidate of candidates) {
    if (!Node.isCallExpression(candidate)) continue;
    const binding = calleeBinding(unwrapExpression(candidate.getExpression()), context.modules);
    if (binding?.packageName === LLAMA_RN_PACKAGE && binding.importedName === 'initLlama') return candidate;
  }
  return undefined;
}

// ---- Supabase edge runtime ----------------------------------------------------------------------

/**
 * `session.run(text, { mean_pool: true, normalize: true })` on `new Supabase.ai.Session(model)`: the edge runtime runs its
 * built-in gte-small inside the edge function; any other model goes to the inference server (Ollama or Llamafile) at the
 * deployment's AI_INFERENCE_API_HOST. The constructor loads the model and is no request.
 */
function supabaseSessionRun(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'run') return undefined;
  if (!call.getSourceFile().getFullText().includes(SUPABASE_SESSION)) return undefined;
  const session = traceValue(callee.getExpression(), context.modules);
  if (!Node.isNewExpression(session) || unwrapExpression(session.getExpression()).getText() !== SUPABASE_SESSION) return undefined;
  const model = readModel(session.getArguments()[0], context.modules);
  const options = resolveObjectLiteral(call.getArguments()[1], context.modules);
  const input = call.getArguments()[0];
  const inputText = input ? input.getText().slice(0, 60) : 'input';
  const created = `session: new ${SUPABASE_SESSION}(...) at line ${session.getStartLineNumber()}`;
  if (model.ref.id === SUPABASE_BUILT_IN_EMBEDDING) {
    return report(call, context, {
      method: 'Supabase.ai.Session.run',
      endpoint: 'embedding',
      model: model.ref,
      messages: [{ role: 'user', text: `{{${inputText}}}`, holes: [{ kind: 'rag-context', expression: inputText }] }],
      evidence: [`Supabase edge runtime AI inference (${created})`, ...model.evidence, `${SUPABASE_BUILT_IN_EMBEDDING} is the edge runtime's built-in embedding model: it runs inside the edge function on its CPU (no API cost; billed as edge function compute)`],
    });
  }
  return toDetectedCall(call, context, {
    provider: 'ollama',
    sdk: IN_PROCESS_PROVIDER,
    method: 'Supabase.ai.Session.run',
    endpoint: 'completion',
    model: model.ref,
    messages: input ? [{ role: 'user', ...resolvePromptText(input, context.modules) }] : [],
    maxOutputTokens: null,
    features: { streaming: isTrueLiteral(getObjectProperty(options, 'stream', context.modules)), tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence: [`Supabase edge runtime AI inference (${created})`, ...model.evidence, `not the built-in ${SUPABASE_BUILT_IN_EMBEDDING}: the edge runtime sends the prompt to the inference server (Ollama or Llamafile) the deployment names in AI_INFERENCE_API_HOST`],
  });
}

// ---- ONNX Runtime ---------------------------------------------------------------------------------

/**
 * `session.run({ input_ids, attention_mask, token_type_ids })` in a module that imports ONNX Runtime: a forward pass of a
 * text transformer whose tokens the app computed itself (an embedding model pooled into a vector, a reranker's logits).
 * The model is the file `InferenceSession.create(path)` loaded, when the module names it. A run fed no token ids (an
 * image tensor, audio frames) runs a model of another kind and is left out.
 */
function onnxRuntimeRun(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'run') return undefined;
  const runtime = onnxRuntimeImport(call.getSourceFile());
  if (!runtime) return undefined;
  const feeds = resolveObjectLiteral(call.getArguments()[0], context.modules);
  if (!feeds || !Node.isObjectLiteralExpression(feeds) || !getObjectProperty(feeds, TOKEN_IDS_INPUT, context.modules)) return undefined;
  const load = call.getSourceFile().getDescendantsOfKind(SyntaxKind.CallExpression).find((candidate) => {
    const loader = unwrapExpression(candidate.getExpression());
    return Node.isPropertyAccessExpression(loader) && loader.getName() === 'create' && /\bInferenceSession$/.test(loader.getExpression().getText());
  });
  const model = readModel(load?.getArguments()[0], context.modules);
  const fn = enclosingFunctionName(call) ?? '';
  const described = `${model.ref.id ?? model.ref.raw} ${fn} ${call.getSourceFile().getBaseName()}`;
  const endpoint: Endpoint = EMBEDDING_MODEL_TEXT.test(described) && !RERANKER_MODEL_TEXT.test(described) ? 'embedding' : 'other';
  return report(call, context, {
    method: 'InferenceSession.run',
    endpoint,
    model: model.ref,
    messages: [runTimeTurn('token ids of the text', endpoint === 'embedding' ? 'rag-context' : 'interpolation')],
    evidence: [`a forward pass of an ONNX model through ${runtime} fed \`${TOKEN_IDS_INPUT}\` (a text transformer the app tokenizes itself), run in the app's own process: no API behind it`, ...(load ? [`model loaded by InferenceSession.create at line ${load.getStartLineNumber()}`] : []), ...model.evidence],
  });
}

/** The ONNX Runtime package a module imports (`import * as ort from 'onnxruntime-node'`), if any. */
function onnxRuntimeImport(sourceFile: SourceFile): string | undefined {
  if (!sourceFile.getFullText().includes('onnxruntime')) return undefined;
  for (const declaration of sourceFile.getImportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    if (ONNX_RUNTIME_PACKAGES.has(specifier)) return specifier;
  }
  // `const ort = require('onnxruntime-node')`: the package named in a require of the module.
  const required = /require\(\s*['"](onnxruntime-(?:node|web|react-native|common))['"]\s*\)/.exec(sourceFile.getFullText());
  return required?.[1];
}

/** A module that listens for its page's messages on `self`: a web worker (Node's worker threads listen on `parentPort`). */
const WEB_WORKER_LISTENER = /\bself\s*\.\s*(?:addEventListener\s*\(\s*['"]message['"]|onmessage\s*=)/;

/**
 * How a file shows that what it runs runs in the end user's browser: it is a web worker, or a React client component
 * (`'use client'`). transformers.js runs in either a Node server or a browser; anything else leaves it to the process that
 * loads the module, as before. A description for the evidence, or undefined.
 */
function browserRuntimeOf(sourceFile: SourceFile): string | undefined {
  if (hasDirective(sourceFile, 'use client')) return "a client component ('use client')";
  const text = sourceFile.getFullText();
  return WEB_WORKER_LISTENER.test(text) && !text.includes('worker_threads') ? "a web worker (it listens for the page's messages on `self`)" : undefined;
}

/** The `device` a transformers.js load's options name when it is a GPU (`webgpu`, `cuda`, `dml`); undefined for the CPU or none. */
function gpuDeviceOf(options: Node | undefined, context: AnalyzerContext): string | undefined {
  const device = getObjectProperty(resolveObjectLiteral(options, context.modules), 'device', context.modules);
  const name = device ? resolveString(device, context.modules).value : null;
  return name !== null && /gpu|cuda|dml/i.test(name) ? name : undefined;
}

/** The evidence line saying where a transformers.js model runs, on what hardware (the `device` option's GPU, else the CPU), and who pays for it. */
function whereTransformersRuns(browser: string | undefined, gpuDevice: string | undefined, cpuCaveat = ''): string {
  const hardware = gpuDevice ? `GPU (device ${gpuDevice})` : `CPU (ONNX Runtime${browser ? ' Web' : ''} / WebAssembly)${cpuCaveat}`;
  if (browser) return `runs in the end user's browser, in ${browser}, on their ${hardware}: no API cost and no hardware of the team's; the model downloads to the browser once and is cached there`;
  return `runs in process (the user's browser or the Node server that loads this module) on the ${hardware}: no API cost, the model downloads once and is cached`;
}
