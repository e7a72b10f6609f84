import { webLlmAnalyzer } from '../../../src/analyzers/web-llm';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('web-llm analyzer', webLlmAnalyzer, {
  valid: [
    { name: 'chat.completions.create on an OpenAI client is not local', code: `import OpenAI from 'openai';\nconst engine = new OpenAI();\nengine.chat.completions.create({ model: 'gpt-4o', messages: [] });` },
    { name: "an engine's unload and reload are no requests", code: `import { CreateMLCEngine } from '@mlc-ai/web-llm';\nconst engine = await CreateMLCEngine('Llama-3.1-8B-Instruct-q4f32_1-MLC');\nawait engine.reload('gemma-2-2b-it-q4f16_1-MLC');\nawait engine.unload();` },
    { name: "a class's own chatCompletion, and one on a field typed by another package's engine", code: `import type { Engine } from 'some-llm-client';\nexport class Api {\n  engine: Engine;\n  constructor(engine: Engine) { this.engine = engine; }\n  chatCompletion(messages: object[]) { return messages; }\n  run(messages: object[]) {\n    this.chatCompletion(messages);\n    return this.engine.chatCompletion({ messages });\n  }\n}` },
    { name: 'chat.completions.create on an object another package made', code: `import { createClient } from 'some-llm-client';\nconst engine = createClient();\nengine.chat.completions.create({ messages: [] });` },
  ],
  invalid: [
    {
      name: 'WebLLM: CreateMLCEngine then chat.completions.create; a web-worker engine; a reloaded engine',
      code: `import { CreateMLCEngine, CreateWebWorkerMLCEngine, MLCEngine } from '@mlc-ai/web-llm';
const llmEngine = await CreateMLCEngine('Llama-3.1-8B-Instruct-q4f32_1-MLC', { initProgressCallback: console.log });
export const answer = (question: string) => llmEngine.chat.completions.create({ messages: [{ role: 'user', content: question }], stream: true, max_tokens: 256 });
const worker = await CreateWebWorkerMLCEngine(new Worker('./worker.js'), 'Phi-3.5-mini-instruct-q4f16_1-MLC');
worker.chat.completions.create({ messages: [{ role: 'system', content: 'Be brief.' }] });
const engine = new MLCEngine();
await engine.reload('gemma-2-2b-it-q4f16_1-MLC');
engine.chat.completions.create({ messages: [] });`,
      calls: [
        { line: 3, method: 'chat.completions.create', provider: 'local', sdk: 'web-llm', endpoint: 'chat', model: 'Llama-3.1-8B-Instruct-q4f32_1-MLC', maxOutputTokens: 256, features: { streaming: true }, promptIncludes: ['{{question}}'], evidenceIncludes: ["runs in the user's browser on the user's GPU"] },
        { line: 5, model: 'Phi-3.5-mini-instruct-q4f16_1-MLC', promptIncludes: ['Be brief.'] },
        { line: 8, model: 'gemma-2-2b-it-q4f16_1-MLC' },
      ],
    },
    {
      name: "the engine's own chatCompletion on a field declared as one of WebLLM's engines, held in a union of handlers the constructor is handed",
      code: `import { ServiceWorkerMLCEngine, WebWorkerMLCEngine } from '@mlc-ai/web-llm';
type Handler = { type: 'serviceWorker'; engine: ServiceWorkerMLCEngine } | { type: 'webWorker'; engine: WebWorkerMLCEngine };
export class WebLLMApi {
  webllm: Handler;
  constructor(handler: Handler) {
    this.webllm = handler;
  }
  async chat(messages: { role: 'user'; content: string }[]) {
    return this.webllm.engine.chatCompletion({ stream: true, messages });
  }
}`,
      calls: [{ line: 9, sdk: 'web-llm', provider: 'local', method: 'chatCompletion', endpoint: 'chat', features: { streaming: true }, evidenceIncludes: ["engine declared as ServiceWorkerMLCEngine from '@mlc-ai/web-llm'"] }],
    },
    {
      name: 'a lazily made engine: a `let` that starts empty (null, or no value) and is set with ??= or ||= where it is first needed',
      code: `import { CreateMLCEngine, CreateWebWorkerMLCEngine, type MLCEngineInterface } from '@mlc-ai/web-llm';
let engine: MLCEngineInterface | null = null;
async function getEngine() {
  engine ||= await CreateMLCEngine('Llama-3.2-1B-Instruct-q4f16_1-MLC');
  return engine;
}
export async function reply(text: string) {
  const llm = await getEngine();
  return llm.chat.completions.create({ messages: [{ role: 'user', content: text }] });
}
let worker: MLCEngineInterface | undefined;
export async function title(text: string) {
  worker ??= await CreateWebWorkerMLCEngine(new Worker('./worker.js'), 'SmolLM2-360M-Instruct-q4f16_1-MLC');
  return worker.chat.completions.create({ messages: [{ role: 'user', content: text }], max_tokens: 16 });
}`,
      calls: [
        { line: 9, sdk: 'web-llm', provider: 'local', model: 'Llama-3.2-1B-Instruct-q4f16_1-MLC', promptIncludes: ['{{text}}'] },
        { line: 14, sdk: 'web-llm', model: 'SmolLM2-360M-Instruct-q4f16_1-MLC', maxOutputTokens: 16 },
      ],
    },
  ],
});
