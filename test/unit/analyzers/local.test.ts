import { localAnalyzer } from '../../../src/analyzers/local';
import { runAnalyzerTests } from './tester';

/** An app module handing out transformers.js pipelines cached per task (as SillyTavern's server does), default-exported. */
const PIPELINE_HELPER_MODULE = `import { pipeline } from '@xenova/transformers';
const cache = {};
async function getPipeline(task, forceModel = '') {
  if (cache[task]) return cache[task];
  const model = forceModel || defaultModelFor(task);
  const instance = await pipeline(task, model, { quantized: true });
  cache[task] = instance;
  return instance;
}
function defaultModelFor(task) { return task === 'feature-extraction' ? 'Xenova/all-mpnet-base-v2' : 'Xenova/whisper-small'; }
export default { getPipeline };
`;

runAnalyzerTests('local analyzer', localAnalyzer, {
  valid: [
    { name: 'loading a transformers.js pipeline is not a request; other calls in the file are not runs', code: `import { pipeline } from '@xenova/transformers';\nconst classifier = await pipeline('sentiment-analysis', 'Xenova/distilbert-base-uncased-finetuned-sst-2-english');\nfunction format(x: unknown, options: object) { return String(x); }\nformat(classifier, { pooling: 'mean' });\nconsole.log(JSON.stringify({ ready: true }));\nsetTimeout(() => undefined, 10);` },
    { name: 'a local function named pipeline, and a stream pipeline', code: `import { pipeline } from 'node:stream/promises';\nawait pipeline(source, transform, sink);\nfunction build(task: string) { return task; }\nconst p = { pipeline: build };\np.pipeline('feature-extraction');` },
    { name: 'transformers.js helpers that load nothing', code: `import { env, AutoTokenizer } from '@xenova/transformers';\nenv.allowLocalModels = false;\nconst tokenizer = await AutoTokenizer.from_pretrained('Xenova/bert-base-uncased');\ntokenizer.encode('hi');` },
    { name: 'Supabase.ai.Session: the constructor loads the model; run() on other objects is no request', code: `const session = new Supabase.ai.Session('gte-small');
const db = { run: (sql: string) => sql };
db.run('select 1');
export { session };` },
    { name: 'a transformers.js singleton class: loading it (init) is no request', code: `import { pipeline } from '@xenova/transformers';
class Holder {
  static instance?: any;
  static async init(...args: Parameters<typeof pipeline>) {
    this.instance = await pipeline(...args);
  }
}
await Holder.init('feature-extraction', 'Xenova/all-MiniLM-L6-v2');` },
    { name: 'a prompt() of a CLI library', code: `import inquirer from 'inquirer';\nconst session = inquirer.createPromptModule();\nsession.prompt([{ name: 'q' }]);\nexport const ask = (rl: any) => rl.prompt('> ');` },
    {
      name: 'a model class loaded with from_pretrained and a tokenizer run: no forward pass, no request',
      code: `import { AutoModel, AutoTokenizer } from '@huggingface/transformers';
const encoder = await AutoModel.from_pretrained('Xenova/all-MiniLM-L6-v2');
const tokenizer = await AutoTokenizer.from_pretrained('Xenova/all-MiniLM-L6-v2');
export const tokens = tokenizer(['hello'], { padding: true });
export const ready = Boolean(encoder);`,
    },
    {
      name: 'ONNX Runtime fed an image tensor (a face detector), not token ids: no language model runs',
      code: `import * as ort from 'onnxruntime-node';
export async function detectFaces(modelPath: string, pixels: Float32Array) {
  const session = await ort.InferenceSession.create(modelPath);
  const input = new ort.Tensor('float32', pixels, [1, 3, 240, 320]);
  return session.run({ input });
}`,
    },
    { name: 'spawning a program that runs no model', code: `import { spawn } from 'node:child_process';\nexport const build = () => spawn('git', ['-m', 'message']);` },
    {
      name: "an app function named getPipeline that builds a stream pipeline, not a transformers.js one",
      code: `import { getPipeline } from './streams';\nconst run = getPipeline('gzip');\nawait run(source, { pooling: 'mean' });`,
      files: { 'src/streams.ts': `import { pipeline } from 'node:stream/promises';\nexport function getPipeline(kind: string) {\n  return (source: unknown, options: object) => pipeline(source as any, kind as any);\n}\n` },
    },
  ],
  invalid: [
    {
      name: "a pipeline the app's own loader hands out from a dynamic import (dialoqbase's `piplelineTransformer()` in a CommonJS module), in a file that never names the package",
      files: { 'src/utils/pipleline.js': "exports.piplelineTransformer = async () => {\n  let { pipeline, env } = await import('@xenova/transformers');\n  env.useBrowserCache = false;\n  return pipeline;\n};\n" },
      code: `import { piplelineTransformer } from './utils/pipleline.js';
export class TransformersEmbeddings {
  embeddings: any;
  model = 'Xenova/all-MiniLM-L6-v2';
  private async init() {
    if (this.embeddings) return;
    const pipeline = await piplelineTransformer();
    this.embeddings = await pipeline('feature-extraction', this.model);
  }
  async embedQuery(text: string): Promise<number[]> {
    await this.init();
    const result = await this.embeddings(text, { pooling: 'mean', normalize: true });
    return result.tolist();
  }
}`,
      calls: [{ line: 12, endpoint: 'embedding', model: 'Xenova/all-MiniLM-L6-v2' }],
    },
    {
      name: "a pipeline an app helper of another module hands out (cached per task, default-exported, imported with import()): each run is a request, task and model the caller's",
      code: `export async function transcribe(audio: Float32Array, model: string) {
  const module = await import('./transformers.mjs');
  const pipe = await module.default.getPipeline('automatic-speech-recognition', model);
  const result = await pipe(audio, { task: 'transcribe' });
  return result.text;
}`,
      files: {
        'src/transformers.mjs': PIPELINE_HELPER_MODULE,
      },
      calls: [{ line: 4, method: 'pipeline(automatic-speech-recognition)', provider: 'local', endpoint: 'audio-transcription', model: null, evidenceIncludes: ['getPipeline() hands out at line 3 (it loads it at transformers.mjs:6)'] }],
    },
    {
      name: 'the same helper called with the task only: the model is the one the helper picks, not known here',
      code: `export async function vectorize(text: string) {
  const module = await import('./transformers.mjs');
  const pipe = await module.default.getPipeline('feature-extraction');
  return pipe(text, { pooling: 'mean', normalize: true });
}`,
      files: {
        'src/transformers.mjs': PIPELINE_HELPER_MODULE,
      },
      calls: [{ line: 4, method: 'pipeline(feature-extraction)', provider: 'local', endpoint: 'embedding', model: null, evidenceIncludes: ['the model is the one getPipeline() picks (`forceModel || defaultModelFor(task)`): not known here'] }],
    },
    {
      name: 'a named helper loading a fixed task and model: the model is read where the helper writes it',
      code: `import { loadEmbeddingPipeline } from './embedder';
export async function embed(text: string) {
  const extractor = await loadEmbeddingPipeline();
  const output = await extractor(text, { pooling: 'mean', normalize: true });
  return Array.from(output.data);
}`,
      files: { 'src/embedder.ts': `import { pipeline } from '@huggingface/transformers';\nconst EMBEDDING_MODEL = 'Xenova/all-MiniLM-L6-v2';\nexport async function loadEmbeddingPipeline() {\n  return pipeline('feature-extraction', EMBEDDING_MODEL);\n}\n` },
      calls: [{ line: 4, method: 'pipeline(feature-extraction)', provider: 'local', endpoint: 'embedding', model: 'Xenova/all-MiniLM-L6-v2' }],
    },
    {
      name: 'a vendored copy of transformers.js imported by path, its task a static field of the holder class',
      code: `class EmbeddingsPipeline {
  static task = 'feature-extraction';
  static model = 'all-MiniLM-L6-v2';
  static instance: any = null;
  static async getInstance() {
    if (EmbeddingsPipeline.instance === null) {
      const { pipeline } = await import('../vendor/modules/@xenova/transformers/src/transformers.js');
      EmbeddingsPipeline.instance = await pipeline(EmbeddingsPipeline.task, EmbeddingsPipeline.model);
    }
    return EmbeddingsPipeline.instance;
  }
}
export async function embed(chunks: string[]) {
  const extractor = await EmbeddingsPipeline.getInstance();
  return extractor(chunks, { pooling: 'mean', normalize: true });
}`,
      files: { 'vendor/modules/@xenova/transformers/src/transformers.js': `export async function pipeline(task, model) {\n  return async (input) => ({ task, model, input });\n}\n` },
      calls: [{ line: 15, method: 'pipeline(feature-extraction)', provider: 'local', endpoint: 'embedding', model: 'all-MiniLM-L6-v2' }],
    },
    {
      name: 'a fork of transformers.js published under its own name',
      code: `import { pipeline } from 'sillytavern-transformers';\nconst classifier = await pipeline('text-classification', 'Cohee/distilbert-base-uncased-go-emotions-onnx');\nexport const classify = (text: string) => classifier(text, { topk: 5 });`,
      calls: [{ line: 3, method: 'pipeline(text-classification)', provider: 'local', endpoint: 'other', model: 'Cohee/distilbert-base-uncased-go-emotions-onnx' }],
    },
    {
      name: "whisper.cpp's streaming program spawned with a local model file: a local transcription",
      code: `import { spawn } from 'node:child_process';
export function listen(modelPath: string) {
  const process = spawn('whisper-stream', ['-m', 'models/ggml-base.en.bin', '-t', '4', '--step', '0']);
  return process;
}`,
      calls: [{ line: 3, method: 'spawn whisper-stream', provider: 'local', endpoint: 'audio-transcription', model: 'models/ggml-base.en.bin', features: { streaming: true } }],
    },
    {
      name: 'a cross-encoder reranker: a sequence classifier loaded lazily in an async loader, run on query-document pairs',
      code: `export class PairReranker {
  private loaded?: Promise<{ model: any; tokenizer: any }>;
  private modelId: string;
  constructor(options: { model?: string }) { this.modelId = options.model || 'Xenova/bge-reranker-base'; }
  private load() {
    if (!this.loaded) {
      this.loaded = (async () => {
        const { AutoModelForSequenceClassification, AutoTokenizer } = await import('@huggingface/transformers');
        const model = await AutoModelForSequenceClassification.from_pretrained(this.modelId, { device: 'cpu' });
        const tokenizer = await AutoTokenizer.from_pretrained(this.modelId);
        return { model, tokenizer };
      })();
    }
    return this.loaded;
  }
  async score(query: string, passages: string[]) {
    const { model, tokenizer } = await this.load();
    const inputs = tokenizer(passages.map(() => query), { text_pair: passages, padding: true, truncation: true });
    const { logits } = await model(inputs);
    return logits.tolist();
  }
}`,
      calls: [{ line: 19, method: 'AutoModelForSequenceClassification', endpoint: 'rerank', model: 'Xenova/bge-reranker-base', evidenceIncludes: ['text_pair', 'loaded with from_pretrained at line 9'] }],
    },
    {
      name: 'a generative model class: generate() is the request, the load and the tokenizer are not',
      code: `import { AutoModelForCausalLM, AutoTokenizer } from '@huggingface/transformers';
const tokenizer = await AutoTokenizer.from_pretrained('onnx-community/Qwen2.5-0.5B-Instruct');
const lm = await AutoModelForCausalLM.from_pretrained('onnx-community/Qwen2.5-0.5B-Instruct', { dtype: 'q4' });
export async function continueText(text: string) {
  const inputs = tokenizer(text);
  return lm.generate({ ...inputs, max_new_tokens: 64 });
}`,
      calls: [{ line: 6, method: 'AutoModelForCausalLM.generate', endpoint: 'completion', model: 'onnx-community/Qwen2.5-0.5B-Instruct' }],
    },
    {
      name: 'ONNX Runtime running a sentence encoder the app tokenizes itself: each run fed input_ids is an embedding, its model the file InferenceSession.create loads',
      code: `import * as ort from 'onnxruntime-node';
export async function loadModel() {
  return ort.InferenceSession.create('models/all-MiniLM-L6-v2.onnx');
}
export async function embed(session: ort.InferenceSession, ids: BigInt64Array, mask: BigInt64Array) {
  const results = await session.run({
    input_ids: new ort.Tensor('int64', ids, [1, ids.length]),
    attention_mask: new ort.Tensor('int64', mask, [1, mask.length]),
  });
  return results[Object.keys(results)[0]].data;
}`,
      calls: [{ line: 6, method: 'InferenceSession.run', provider: 'local', endpoint: 'embedding', model: 'models/all-MiniLM-L6-v2.onnx' }],
    },
    {
      name: 'ONNX Runtime running a reranker held in a class field (required, not imported): a run that is no embedding',
      code: `const ort = require('onnxruntime-web');
export class Reranker {
  private session: any;
  async init(modelPath: string) { this.session = await ort.InferenceSession.create(modelPath); }
  async rerank(inputIds: unknown, attentionMask: unknown) {
    return this.session.run({ input_ids: inputIds, attention_mask: attentionMask });
  }
}`,
      calls: [{ line: 6, method: 'InferenceSession.run', provider: 'local', endpoint: 'other' }],
    },
    {
      name: 'FastEmbed: embed / queryEmbed runs of a model FlagEmbedding.init loads (lazily, held by the class), the default model when none is named',
      code: `import type { FlagEmbedding } from 'fastembed';
export class FastEmbedder {
  private model?: Promise<FlagEmbedding>;
  private getModel(): Promise<FlagEmbedding> {
    if (!this.model) this.model = this.load().catch((error) => { this.model = undefined; throw error; });
    return this.model;
  }
  private async load(): Promise<FlagEmbedding> {
    const sdk = await import('fastembed');
    return sdk.FlagEmbedding.init({});
  }
  async embed(texts: string[]) {
    const model = await this.getModel();
    for await (const batch of model.embed(texts)) return batch;
  }
  async query(text: string) {
    return (await this.getModel()).queryEmbed(text);
  }
}`,
      calls: [
        { line: 14, method: 'embed', provider: 'local', endpoint: 'embedding', model: 'fast-bge-small-en-v1.5' },
        { line: 17, method: 'queryEmbed', provider: 'local', endpoint: 'embedding', model: 'fast-bge-small-en-v1.5' },
      ],
    },
    {
      name: 'a cached pipeline held in a local named `pipeline` and run with pooling options is a run, not a load',
      code: `export class NativeEmbedder {
  static cache = new Map<string, unknown>();
  model = 'Xenova/all-MiniLM-L6-v2';
  async client(): Promise<any> {
    if (NativeEmbedder.cache.has(this.model)) return NativeEmbedder.cache.get(this.model);
    const pipeline = (...args: any[]) => import('@xenova/transformers').then(({ pipeline }) => pipeline(...args));
    const loaded = await pipeline('feature-extraction', this.model, { cache_dir: '/tmp/models' });
    NativeEmbedder.cache.set(this.model, loaded);
    return loaded;
  }
  async embedChunks(chunks: string[]) {
    const pipeline = await this.client();
    const output = await pipeline(chunks, { pooling: 'mean', normalize: true });
    return output.tolist();
  }
}`,
      calls: [{ line: 13, method: 'pipeline(feature-extraction)', provider: 'local', endpoint: 'embedding', model: 'Xenova/all-MiniLM-L6-v2' }],
    },
    {
      name: 'transformers.js: each run of a loaded pipeline is a request (feature extraction, text generation on WebGPU, a default model)',
      code: `import { pipeline } from '@huggingface/transformers';
import { pipeline as legacyPipeline } from '@xenova/transformers';
const extractor = await pipeline('feature-extraction', 'Xenova/all-MiniLM-L6-v2');
const generator = await pipeline('text-generation', 'onnx-community/Qwen2.5-0.5B-Instruct', { device: 'webgpu', dtype: 'q4' });
export const embed = (texts: string[]) => extractor(texts, { pooling: 'mean', normalize: true });
export const write = (prompt: string) => generator(prompt, { max_new_tokens: 64 });`,
      calls: [
        { line: 5, method: 'pipeline(feature-extraction)', provider: 'local', endpoint: 'embedding', model: 'Xenova/all-MiniLM-L6-v2' },
        { line: 6, method: 'pipeline(text-generation)', endpoint: 'completion', model: 'onnx-community/Qwen2.5-0.5B-Instruct', maxOutputTokens: 64 },
      ],
    },
    {
      name: "transformers.js in a web worker (it listens on `self` for the page's messages): runs in the end user's browser, on WebGPU when the device says so",
      file: 'lib/workers/pipeline.ts',
      code: `import { pipeline } from '@xenova/transformers';
class PipelineSingleton {
  static instance?: any;
  static async init(...args: Parameters<typeof pipeline>) {
    this.instance = await pipeline(...args);
  }
}
const generator = await pipeline('text-generation', 'onnx-community/Qwen2.5-0.5B-Instruct', { device: 'webgpu' });
self.addEventListener('message', async (event: MessageEvent<{ type: string; args: any[] }>) => {
  if (event.data.type === 'init') await PipelineSingleton.init(...(event.data.args as Parameters<typeof pipeline>));
  const output = await PipelineSingleton.instance(...event.data.args);
  const reply = await generator(String(event.data.args[0]), { max_new_tokens: 32 });
  self.postMessage({ type: 'result', data: output, reply });
});`,
      calls: [
        { line: 11, method: 'pipeline(task unknown)', provider: 'local', runsOn: 'end-user-device', evidenceIncludes: ["runs in the end user's browser, in a web worker", 'on their CPU (ONNX Runtime Web / WebAssembly)'] },
        { line: 12, method: 'pipeline(text-generation)', runsOn: 'end-user-device', evidenceIncludes: ['on their GPU (device webgpu)'] },
      ],
    },
    {
      name: "transformers.js in a React client component ('use client'): runs in the end user's browser",
      code: `'use client';
import { pipeline } from '@huggingface/transformers';
const extractor = await pipeline('feature-extraction', 'Xenova/all-MiniLM-L6-v2');
export const embed = (text: string) => extractor(text, { pooling: 'mean', normalize: true });`,
      calls: [{ line: 4, method: 'pipeline(feature-extraction)', runsOn: 'end-user-device', evidenceIncludes: ["in a client component ('use client')"] }],
    },
    {
      name: 'transformers.js in a Node worker thread: the team\'s own process, not the end user\'s browser',
      code: `import { parentPort } from 'node:worker_threads';
import { pipeline } from '@huggingface/transformers';
const extractor = await pipeline('feature-extraction', 'Xenova/all-MiniLM-L6-v2');
parentPort?.on('message', async (text: string) => parentPort?.postMessage(await extractor(text, { pooling: 'mean' })));
self.onmessage = null;`,
      calls: [{ line: 4, method: 'pipeline(feature-extraction)', runsOn: null, evidenceIncludes: ['runs in process (the user\'s browser or the Node server that loads this module) on the CPU (ONNX Runtime / WebAssembly)'] }],
    },
    {
      name: 'transformers.js behind a cached promise and a dynamic-import wrapper: the run is found by its pipeline options',
      code: `export class LocalWhisper {
  private loading?: Promise<any>;
  private load() {
    const pipeline = (...args: any[]) => import('@xenova/transformers').then(({ pipeline }) => pipeline(...args));
    this.loading ??= pipeline('automatic-speech-recognition', 'Xenova/whisper-small');
    return this.loading;
  }
  async transcribe(audio: Float32Array) {
    const transcriber = await this.load();
    const { text } = await transcriber(audio, { chunk_length_s: 30, stride_length_s: 5 });
    return text;
  }
  private cached?: Promise<any>;
  async embed(texts: string[]) {
    this.cached = (async () => {
      const { pipeline } = await import('@huggingface/transformers');
      const loaded = await pipeline('feature-extraction', 'mixedbread-ai/mxbai-embed-large-v1');
      return loaded;
    })();
    const pipe = await this.cached;
    return pipe(texts);
  }
}`,
      calls: [
        { line: 10, method: 'pipeline(automatic-speech-recognition)', endpoint: 'audio-transcription', model: 'Xenova/whisper-small' },
        { line: 21, method: 'pipeline(feature-extraction)', endpoint: 'embedding', model: 'mixedbread-ai/mxbai-embed-large-v1' },
      ],
    },
    {
      name: 'Supabase edge runtime: session.run on the built-in gte-small is an in-process embedding; another model goes to the inference server',
      code: `const embedder = new Supabase.ai.Session('gte-small');
const writer = new Supabase.ai.Session('mistral');
Deno.serve(async (req: Request) => {
  const { text } = await req.json();
  const vector = await embedder.run(text, { mean_pool: true, normalize: true });
  const reply = await writer.run(\`Summarize: \${text}\`, { stream: true });
  return Response.json({ vector, reply });
});`,
      calls: [
        { line: 5, method: 'Supabase.ai.Session.run', provider: 'local', endpoint: 'embedding', model: 'gte-small', evidenceIncludes: ['built-in embedding model'] },
        { line: 6, method: 'Supabase.ai.Session.run', provider: 'ollama', endpoint: 'completion', model: 'mistral', features: { streaming: true }, promptIncludes: ['Summarize: '] },
      ],
    },
    {
      name: 'transformers.js singletons in a Web Worker: task and model from static fields; a pipeline loaded with the arguments the worker receives',
      code: `import { pipeline } from '@huggingface/transformers';
class EmbedderSingleton {
  static task = 'feature-extraction';
  static model = 'Supabase/gte-small';
  static instance: Promise<any> | null = null;
  static async getInstance() {
    this.instance ??= pipeline(this.task as any, this.model);
    return this.instance;
  }
}
self.addEventListener('message', async (event: MessageEvent) => {
  const extractor = await EmbedderSingleton.getInstance();
  const output = await extractor(event.data.text, { pooling: 'mean', normalize: true });
  self.postMessage({ output: output.tolist() });
});
class GenericSingleton {
  static instance?: any;
  static async init(...args: Parameters<typeof pipeline>) {
    this.instance = await pipeline(...args);
  }
}
self.addEventListener('message', async (event: MessageEvent) => {
  if (event.data.type === 'init') await GenericSingleton.init(...(event.data.args as Parameters<typeof pipeline>));
  else self.postMessage(await GenericSingleton.instance(...event.data.args));
});`,
      calls: [
        { line: 13, method: 'pipeline(feature-extraction)', provider: 'local', endpoint: 'embedding', model: 'Supabase/gte-small', evidenceIncludes: ['class EmbedderSingleton'] },
        { line: 24, method: 'pipeline(task unknown)', provider: 'local', endpoint: 'other', model: null, evidenceIncludes: ['known only at run time', 'not known here'] },
      ],
    },
    {
      name: 'transformers.js pipelines held in caches and typed as pipelines: the library reached as a module object; a function returning one from the cache it fills; a variable declared as one',
      code: `import type { TextGenerationPipeline } from '@huggingface/transformers';
interface TranslationPipeline { (text: string, options?: object): Promise<Array<{ translation_text: string }>> }
const cache = new Map<string, unknown>();
async function getTransformers() { return import('@huggingface/transformers'); }
async function getPipeline(modelId: string): Promise<TranslationPipeline> {
  const cached = cache.get(modelId);
  if (cached) return cached as TranslationPipeline;
  const pipe = await withTimeout((await getTransformers()).pipeline('translation', modelId, { device: 'webgpu' }), 60000);
  cache.set(modelId, pipe);
  return pipe as unknown as TranslationPipeline;
}
export async function translate(text: string) {
  const pipe = await getPipeline('Xenova/opus-mt-en-de');
  const result = await pipe(text, { max_length: 512 });
  return result[0].translation_text;
}
export async function generate(prompt: string, loaded: Promise<unknown>) {
  const generator: TextGenerationPipeline = (await loaded) as TextGenerationPipeline;
  return generator(prompt, tidy({ max_new_tokens: 200 }));
}
function tidy(options: object) { return options; }
function withTimeout<T>(promise: Promise<T>, ms: number) { return promise; }
export async function translateHanded(text: string, load: (id: string) => Promise<unknown>) {
  const pipe = await getHandedPipeline('Xenova/opus-mt-en-fr', load);
  return pipe(text);
}
async function getHandedPipeline(id: string, load: (id: string) => Promise<unknown>): Promise<TranslationPipeline> { return (await load(id)) as TranslationPipeline; }`,
      calls: [
        // The cache's `get` is traced to what its `set` stores: the pipeline itself, rather than the type it is declared with.
        { line: 14, method: 'pipeline(translation)', provider: 'local', endpoint: 'completion', evidenceIncludes: ['runs the pipeline loaded at line 8'] },
        { line: 19, method: 'pipeline(translation)', provider: 'local', evidenceIncludes: ['typed as a pipeline (TextGenerationPipeline, declared at line 18)'] },
        { line: 25, method: 'pipeline(translation)', provider: 'local', evidenceIncludes: ['typed as a pipeline (TranslationPipeline, getHandedPipeline() is declared to return it)'] },
      ],
    },
    {
      name: 'node-llama-cpp: a chat session, a completion and an embedding context on a GGUF model',
      code: `import path from 'node:path';
import { getLlama, LlamaChatSession, LlamaCompletion } from 'node-llama-cpp';
const llama = await getLlama();
const model = await llama.loadModel({ modelPath: path.join(__dirname, 'models', 'Meta-Llama-3.1-8B-Instruct.Q4_K_M.gguf') });
const context = await model.createContext();
const session = new LlamaChatSession({ contextSequence: context.getSequence() });
export const chat = (question: string) => session.prompt(question, { maxTokens: 200 });
const completion = new LlamaCompletion({ contextSequence: (await model.createContext()).getSequence() });
completion.generateCompletion('def fib(n):');
const embeddingContext = await model.createEmbeddingContext();
embeddingContext.getEmbeddingFor('hello');`,
      calls: [
        { line: 7, method: 'prompt', provider: 'local', endpoint: 'chat', model: 'Meta-Llama-3.1-8B-Instruct.Q4_K_M', maxOutputTokens: 200, promptIncludes: ['{{question}}'] },
        { line: 9, method: 'generateCompletion', endpoint: 'completion', model: 'Meta-Llama-3.1-8B-Instruct.Q4_K_M' },
        { line: 11, method: 'getEmbeddingFor', endpoint: 'embedding', model: 'Meta-Llama-3.1-8B-Instruct.Q4_K_M' },
      ],
    },
    {
      name: "llama.rn: a GGUF model llama.cpp runs on the end user's phone, held in a field the class sets from initLlama; a completion with tools streamed to a callback, and an embedding",
      code: `import { initLlama } from 'llama.rn';
export class OnDeviceAssistant {
  private context: any = null;
  async load() {
    const ctx = await initLlama({ model: 'file:///models/functiongemma-270m-it-Q8_0.gguf', n_ctx: 4096 });
    this.context = ctx;
  }
  async ask(question: string, onToken: (text: string) => void) {
    return this.context.completion({ messages: [{ role: 'user', content: question }], tools: [{ type: 'function', function: { name: 'add_to_pantry' } }], n_predict: 256 }, onToken);
  }
  async embed(text: string) {
    return this.context.embedding(text);
  }
}`,
      calls: [
        { line: 9, method: 'completion', provider: 'local', runsOn: 'end-user-device', endpoint: 'chat', model: 'functiongemma-270m-it-Q8_0', maxOutputTokens: 256, promptIncludes: ['{{question}}'], features: { streaming: true, tools: true } },
        { line: 12, method: 'embedding', provider: 'local', endpoint: 'embedding', model: 'functiongemma-270m-it-Q8_0' },
      ],
    },
  ],
});
