import { vercelAiAnalyzer } from '../../../src/analyzers/vercel-ai';
import { runAnalyzerTests } from './tester';
import { MODEL_REGISTRY_MODULE } from '../fixtureProject';

runAnalyzerTests('vercel-ai analyzer', vercelAiAnalyzer, {
  valid: [
    { name: 'a Proxy around something that is not an AI SDK model: its doGenerate is the app\'s own', code: `import type { Job } from './jobs';\nexport const traced = (job: Job) => new Proxy(job, { get(target, prop) { return prop === 'doGenerate' ? () => target.doGenerate() : Reflect.get(target, prop); } });` },
    { name: "calls on the SDK's test doubles (ai/test) reach no model", code: `import { generateText, ToolLoopAgent } from 'ai';\nimport { MockLanguageModelV3 } from 'ai/test';\nconst model = new MockLanguageModelV3({ doGenerate: async () => ({ content: [], finishReason: 'stop', usage: {} }) as never });\nawait generateText({ model, prompt: 'hi' });\nconst agent = new ToolLoopAgent({ model: new MockLanguageModelV3({}), instructions: 'Be brief.' });\nawait agent.stream({ prompt: 'hi' });` },
    { name: 'stream() of an object that is not an AI SDK agent, and an embeddingModel option passed to a local function', code: `import { openai } from '@ai-sdk/openai';\nimport { Agent } from 'undici';\nconst dispatcher = new Agent({ connections: 4 });\nexport const s = (dispatcher as any).stream({ path: '/' }, () => null);\nfunction configure(options: { embeddingModel: unknown }) { return options; }\nexport const settings = configure({ embeddingModel: openai.embeddingModel('text-embedding-3-small') });` },
    { name: 'a type-only re-export of the SDK names nothing callable', code: `import { generateText } from './ai';\ngenerateText({ model: 'x', prompt: 'hi' });`, files: { 'src/ai.ts': `export type { generateText } from 'ai';\n` } },
    { name: 'a local function named generateText', code: `function generateText(opts: { prompt: string }) { return opts.prompt.toUpperCase(); }\ngenerateText({ prompt: 'hello' });` },
    { name: 'generateText from another package', code: `import { generateText } from './text-utils';\ngenerateText({ model: 'x', prompt: 'hi' });`, files: { 'src/text-utils.ts': `export function generateText(o: { model: string; prompt: string }) { return o.prompt; }\n` } },
    { name: 'client-side useChat hook calls the app route, not a model', code: `import { useChat } from '@ai-sdk/react';\nexport function Chat() { const { messages, sendMessage } = useChat({ api: '/api/chat' }); return messages.length; }` },
    { name: 'a provider factory alone sends no request', code: `import { openai, createOpenAI } from '@ai-sdk/openai';\nexport const model = openai('gpt-4o');\nexport const groq = createOpenAI({ baseURL: 'https://api.groq.com/openai/v1' });` },
    { name: 'helpers from ai that send nothing, a type import, a string', code: `import { tool, type CoreMessage } from 'ai';\nimport type { generateText } from 'ai';\nexport const t = tool({ description: 'x', parameters: undefined as never, execute: async () => 1 });\nconst doc = "await generateText({ model: openai('gpt-4o'), prompt })";` },
  ],
  invalid: [
    {
      name: "Cloudflare Workers AI through the AI SDK's provider (workers-ai-provider): the binding's model id, served by Cloudflare",
      code: `import { generateText } from 'ai';
import { createWorkersAI } from 'workers-ai-provider';
export async function reply(env: { AI: Ai }, email: string) {
  const workersai = createWorkersAI({ binding: env.AI });
  return generateText({ model: workersai('@cf/meta/llama-4-scout-17b-16e-instruct'), system: 'Write a short, friendly reply.', prompt: email });
}`,
      calls: [{ line: 5, method: 'generateText', provider: 'cloudflare-workers-ai', model: '@cf/meta/llama-4-scout-17b-16e-instruct' }],
    },
    {
      name: "a wrapper returning a Proxy around the language model it is handed (typed through the workspace's alias of the provider spec): the trap's target.doGenerate / doStream are the requests, model unknown",
      files: { 'src/types.ts': `import type { LanguageModelV2, LanguageModelV3 } from '@ai-sdk/provider';\nexport type AnyModel = LanguageModelV2 | LanguageModelV3;\n` },
      code: `import type { AnyModel } from './types';
export const withNotes = <M extends AnyModel>(model: M, recall: (prompt: unknown) => Promise<unknown>): M => {
  return new Proxy(model, {
    get(target, prop, receiver) {
      if (prop === 'doGenerate') {
        return async (options: any) => {
          const edited = await recall(options);
          return target.doGenerate(edited as any);
        };
      }
      if (prop === 'doStream') return async (options: any) => target.doStream(options);
      return Reflect.get(target, prop, receiver);
    },
  });
};`,
      calls: [
        { line: 8, method: 'doGenerate', endpoint: 'chat', provider: 'unknown', model: null, features: { streaming: false }, holeKinds: ['message-array'], evidenceIncludes: ['target of a Proxy'] },
        { line: 11, method: 'doStream', endpoint: 'chat', provider: 'unknown', model: null, features: { streaming: true } },
      ],
    },
    {
      name: "an agent the app's own factory makes (exported under another name) runs where its stream() is called",
      files: { 'src/researcher.ts': `import { ToolLoopAgent, stepCountIs } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nimport { searchTool } from './tools';\nexport function createResearcher({ maxSteps }: { maxSteps: number }) {\n  try {\n    const agent = new ToolLoopAgent({ model: openai('gpt-4.1-mini'), instructions: 'Research the question with web search and answer with citations.', tools: { search: searchTool }, stopWhen: stepCountIs(maxSteps) });\n    return agent;\n  } catch (error) {\n    console.error(error);\n    throw error;\n  }\n}\nexport const researcher = createResearcher;\n`, 'src/tools.ts': `export const searchTool = {};\n` },
      code: `import { researcher } from './researcher';
export async function answer(question: string) {
  const researchAgent = researcher({ maxSteps: 20 });
  return researchAgent.stream({ prompt: question });
}`,
      calls: [{ line: 4, method: 'ToolLoopAgent.stream', provider: 'openai', model: 'gpt-4.1-mini', features: { streaming: true, tools: true }, promptIncludes: ['Research the question'] }],
    },
    {
      name: "an app's own provider calling doGenerate/doStream on the provider model it wraps: the request, with that model; a middleware's call on a model it is handed is not one",
      code: `import { createOpenAI } from '@ai-sdk/openai';
import { createAnthropic } from '@ai-sdk/anthropic';
import type { LanguageModelV3, LanguageModelV3CallOptions } from '@ai-sdk/provider';
export class MemoryModel {
  private languageModel: any;
  constructor(provider: string, apiKey: string) {
    switch (provider) {
      case 'openai': this.languageModel = createOpenAI({ apiKey }).chat('gpt-4.1-mini'); break;
      case 'anthropic': this.languageModel = createAnthropic({ apiKey }).languageModel('claude-haiku-4-5'); break;
      default: throw new Error('unknown provider');
    }
  }
  doGenerate(options: LanguageModelV3CallOptions) { return this.languageModel.doGenerate(options); }
  doStream(options: LanguageModelV3CallOptions) { return this.languageModel.doStream(options); }
}
export const logged = (inner: LanguageModelV3) => ({ ...inner, doGenerate: (options: LanguageModelV3CallOptions) => inner.doGenerate(options) });`,
      calls: [
        { line: 13, method: 'doGenerate', endpoint: 'chat', model: 'gpt-4.1-mini', provider: 'openai', features: { streaming: false } },
        { line: 14, method: 'doStream', endpoint: 'chat', features: { streaming: true } },
      ],
    },
    {
      name: "an agent built with new ToolLoopAgent({ model, instructions, tools }) and run with agent.stream / agent.generate",
      code: `import { openai } from '@ai-sdk/openai';
import { ToolLoopAgent, stepCountIs, tool } from 'ai';
import { z } from 'zod';
const lookupInvoice = tool({ description: 'Find an invoice', inputSchema: z.object({ id: z.string() }), execute: async ({ id }) => ({ id }) });
export async function assistant(messages: any[], system: string) {
  const agent = new ToolLoopAgent({
    model: openai('gpt-4.1-mini'),
    instructions: system,
    tools: { lookupInvoice },
    stopWhen: stepCountIs(10),
  });
  const streamed = await agent.stream({ messages });
  const summary = await agent.generate({ prompt: 'Summarize the open invoices' });
  return { streamed, summary };
}`,
      calls: [
        { line: 12, method: 'ToolLoopAgent.stream', provider: 'openai', endpoint: 'chat', model: 'gpt-4.1-mini', features: { streaming: true, tools: true, multiStep: true }, toolNames: ['lookupInvoice'] },
        { line: 13, method: 'ToolLoopAgent.generate', model: 'gpt-4.1-mini', features: { streaming: false }, promptIncludes: ['open invoices'] },
      ],
    },
    {
      name: "an agent run by the SDK's UI stream functions (pipeAgentUIStreamToResponse, createAgentUIStreamResponse) on a chat route's messages (Personal-RAG's /api/chat)",
      code: `import { createAgentUIStreamResponse, pipeAgentUIStreamToResponse, ToolLoopAgent } from 'ai';
import { openai } from '@ai-sdk/openai';
const ragAgent = new ToolLoopAgent({ model: openai('gpt-4.1-mini'), instructions: 'Answer from the knowledge base, citing the documents you used.', tools: { search: {} as never } });
export function express(req: any, res: any) {
  return pipeAgentUIStreamToResponse({ response: res, agent: ragAgent, uiMessages: req.body.messages });
}
export async function POST(request: Request) {
  const { messages } = await request.json();
  return createAgentUIStreamResponse({ agent: ragAgent, uiMessages: messages });
}
export function notAnAgent(res: any) {
  return pipeAgentUIStreamToResponse({ response: res, agent: undefined as never, uiMessages: [] });
}`,
      calls: [
        { line: 5, method: 'pipeAgentUIStreamToResponse(ToolLoopAgent)', provider: 'openai', endpoint: 'chat', model: 'gpt-4.1-mini', features: { streaming: true, tools: true, multiStep: true }, promptIncludes: ['Answer from the knowledge base'] },
        { line: 9, method: 'createAgentUIStreamResponse(ToolLoopAgent)', model: 'gpt-4.1-mini', features: { streaming: true } },
      ],
    },
    {
      name: "another package's function given an AI SDK embedding model embeds inside it",
      code: `import { openai } from '@ai-sdk/openai';
import { createToolIndex, fileCache } from 'toolpick';
export async function indexTools(tools: Record<string, unknown>) {
  return createToolIndex(tools, {
    embeddingModel: openai.embeddingModel('text-embedding-3-small'),
    embeddingCache: fileCache('.cache.json'),
  });
}`,
      calls: [{ line: 4, provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' }],
    },
    {
      name: "rerank: one rerank request over the documents, with the reranking model a provider makes (`cohere.reranking('rerank-v3.5')`)",
      code: `import { rerank } from 'ai';
import { cohere } from '@ai-sdk/cohere';
export async function best(query: string, documents: string[]) {
  const { ranking } = await rerank({ model: cohere.reranking('rerank-v3.5'), query, documents, topN: 5 });
  return ranking;
}`,
      calls: [{ line: 4, method: 'rerank', provider: 'cohere', endpoint: 'rerank', model: 'rerank-v3.5', promptIncludes: ['{{query}}', '{{documents}}'] }],
    },
    {
      name: 'embed / embedMany with the embedding model defined elsewhere: another module, a class field, a parameter default, a custom provider',
      files: {
        'src/models.ts': `import { openai } from '@ai-sdk/openai';\nimport { customProvider } from 'ai';\nexport const embeddingModel = openai.textEmbeddingModel('text-embedding-3-small');\nexport const models = customProvider({ textEmbeddingModels: { docs: openai.embedding('text-embedding-3-large') } });\n`,
      },
      code: `import { embed, embedMany } from 'ai';
import { google } from '@ai-sdk/google';
import { embeddingModel, models } from './models';
export const one = (value: string) => embed({ model: embeddingModel, value });
export class Indexer {
  private readonly model = google.textEmbeddingModel('text-embedding-004');
  index(values: string[]) { return embedMany({ model: this.model, values }); }
}
export const all = (values: string[], model = embeddingModel) => embedMany({ model, values });
export const docs = (values: string[]) => embedMany({ model: models.textEmbeddingModel('docs'), values });`,
      calls: [
        { line: 4, method: 'embed', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' },
        { line: 7, method: 'embedMany', provider: 'google', endpoint: 'embedding', model: 'text-embedding-004' },
        { line: 9, method: 'embedMany', provider: 'openai', model: 'text-embedding-3-small' },
        { line: 10, method: 'embedMany', provider: 'openai', model: 'text-embedding-3-large' },
      ],
    },
    {
      name: "a model factory branching on the provider setting: the branch the setting's default (a config file) takes is the provider",
      files: {
        'config.json': `{ "defaults": { "llm_provider": "gemini" }, "models": { "gemini": { "default": { "model": "gemini-2.5-flash" } } } }\n`,
        'src/config.ts': `import { createOpenAI } from '@ai-sdk/openai';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import configJson from '../config.json';
export const LLM_PROVIDER = (() => {
  const provider = process.env.LLM_PROVIDER || configJson.defaults.llm_provider;
  return provider;
})();
export function getModel() {
  const model = configJson.models.gemini.default.model;
  if (LLM_PROVIDER === 'openai') {
    return createOpenAI({ apiKey: process.env.OPENAI_API_KEY })(model);
  }
  return createGoogleGenerativeAI({ apiKey: process.env.GEMINI_API_KEY })(model);
}
`,
      },
      code: `import { generateText } from 'ai';
import { getModel } from './config';
export const answer = (question: string) => generateText({ model: getModel(), prompt: question });`,
      calls: [{ line: 3, method: 'generateText', provider: 'google', model: 'gemini-2.5-flash' }],
    },
    {
      name: 'a settings function whose branches test which keys are set: a deployment that sets none takes the last return, whose model comes first',
      files: {
        'src/config.ts': `import { createOpenAI } from '@ai-sdk/openai';
export function getLLMConfig() {
  let provider = process.env.LLM_PROVIDER;
  if (provider ? provider === 'openai' : process.env.OPENAI_API_KEY) {
    return { provider: createOpenAI({}), chatModel: process.env.OPENAI_CHAT_MODEL ?? 'gpt-4o-mini' };
  }
  if (process.env.TOGETHER_API_KEY) {
    return { provider: createOpenAI({ baseURL: 'https://api.together.xyz/v1' }), chatModel: process.env.TOGETHER_CHAT_MODEL ?? 'meta-llama/Llama-3-8b-chat-hf' };
  }
  return { provider: createOpenAI({ baseURL: 'http://127.0.0.1:11434/v1' }), chatModel: process.env.OLLAMA_MODEL ?? 'llama3' };
}
`,
      },
      code: `import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { getLLMConfig } from './config';
const config = getLLMConfig();
export const answer = (question: string) => generateText({ model: createOpenAI({})(config.chatModel), prompt: question });`,
      calls: [{ line: 5, method: 'generateText', model: 'llama3', candidates: ['llama3', 'gpt-4o-mini', 'meta-llama/Llama-3-8b-chat-hf'] }],
    },
    {
      name: "a registry of model objects keyed by name (`models[DEFAULT_MODEL]` when the deployment's name is not in it, else `models[name]`): the default's entry first, each entry a candidate",
      files: {
        'src/lib/models.ts': MODEL_REGISTRY_MODULE,
      },
      code: `import { generateText } from 'ai';
import { getModel } from './lib/models';
export async function classify(note: string) {
  return generateText({ model: getModel(process.env.MODEL_NAME), prompt: \`Pick a folder for: \${note}\` });
}`,
      calls: [{ line: 4, method: 'generateText', provider: 'openai', model: 'gpt-4o', candidates: ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-haiku-20241022'], evidenceIncludes: ['the "gpt-4o" entry of models'] }],
    },
    {
      name: 'the same branches when an example env file sets the tested variable: not assumed unset, the written order is kept',
      files: {
        '.env.example': 'TOGETHER_BASE_URL=https://api.together.xyz/v1\n',
        'src/config.ts': `import { createOpenAI } from '@ai-sdk/openai';
export function getLLMConfig() {
  if (process.env.TOGETHER_BASE_URL) {
    return { provider: createOpenAI({ baseURL: process.env.TOGETHER_BASE_URL }), chatModel: 'meta-llama/Llama-3-8b-chat-hf' };
  }
  return { provider: createOpenAI({ baseURL: 'http://127.0.0.1:11434/v1' }), chatModel: 'llama3' };
}
`,
      },
      code: `import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { getLLMConfig } from './config';
const settings = getLLMConfig();
export const reply = (question: string) => generateText({ model: createOpenAI({})(settings.chatModel), prompt: question });`,
      calls: [{ line: 5, method: 'generateText', model: 'meta-llama/Llama-3-8b-chat-hf', candidates: ['meta-llama/Llama-3-8b-chat-hf', 'llama3'] }],
    },
    {
      name: 'a key the example env file sets (a placeholder, never read as a value) is not assumed unset: the written order is kept',
      files: {
        '.env.example': 'OPENAI_API_KEY=sk-your-key-here\n',
        'src/config.ts': `export function llmSettings() {
  if (process.env.OPENAI_API_KEY) return { chatModel: 'gpt-4o-mini' };
  return { chatModel: 'llama3' };
}
`,
      },
      code: `import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { llmSettings } from './config';
export const ask = (question: string) => generateText({ model: createOpenAI({})(llmSettings().chatModel), prompt: question });`,
      calls: [{ line: 4, method: 'generateText', model: 'gpt-4o-mini', candidates: ['gpt-4o-mini', 'llama3'] }],
    },
    {
      name: 'providers made only when their key is set, models picked by ?? : the example env file sets OPENAI_KEY only, so o3-mini comes first',
      files: {
        '.env.example': 'OPENAI_KEY="YOUR_KEY"\n# If you want to use fireworks.ai:\n# FIREWORKS_KEY="YOUR_KEY"\n',
        'src/providers.ts': `import { createOpenAI } from '@ai-sdk/openai';
import { createFireworks } from '@ai-sdk/fireworks';
import { wrapLanguageModel, extractReasoningMiddleware } from 'ai';
const openai = process.env.OPENAI_KEY ? createOpenAI({ apiKey: process.env.OPENAI_KEY }) : undefined;
const fireworks = process.env.FIREWORKS_KEY ? createFireworks({ apiKey: process.env.FIREWORKS_KEY }) : undefined;
const customModel = process.env.CUSTOM_MODEL ? openai?.(process.env.CUSTOM_MODEL) : undefined;
const o3MiniModel = openai?.('o3-mini', { structuredOutputs: true });
const deepSeekR1Model = fireworks ? wrapLanguageModel({ model: fireworks('accounts/fireworks/models/deepseek-r1'), middleware: extractReasoningMiddleware({ tagName: 'think' }) }) : undefined;
export function getModel() {
  if (customModel) return customModel;
  const model = deepSeekR1Model ?? o3MiniModel;
  if (!model) throw new Error('No model found');
  return model;
}
`,
      },
      code: `import { generateObject } from 'ai';
import { getModel } from './providers';
export const queries = (query: string) => generateObject({ model: getModel(), prompt: query, schema });`,
      calls: [{ line: 3, method: 'generateObject', provider: 'openai', model: 'o3-mini', candidates: ['o3-mini', 'accounts/fireworks/models/deepseek-r1'] }],
    },
    {
      name: 'provider factories and ai functions passed on by a workspace module (shared resolve)',
      files: { 'src/ai.ts': `export { anthropic as claude } from '@ai-sdk/anthropic';\nexport { generateText } from 'ai';\nexport type { LanguageModel } from 'ai';\n` },
      code: `import { claude, generateText } from './ai';\nawait generateText({ model: claude('claude-haiku-4-5'), prompt: 'Say hi' });`,
      calls: [{ line: 2, method: 'generateText', provider: 'anthropic', model: 'claude-haiku-4-5', promptIncludes: ['Say hi'] }],
    },
    {
      name: 'generateText with an @ai-sdk/openai model, system and prompt',
      code: `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function summarize(article: string) {
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    system: 'You write two-sentence summaries.',
    prompt: \`Summarize:\\n\${article}\`,
    maxOutputTokens: 120,
  });
  return text;
}`,
      calls: [{ line: 4, column: 26, method: 'generateText', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', modelSource: 'literal', maxOutputTokens: 120, promptIncludes: ['two-sentence summaries', 'Summarize:\n{{article}}'], holeKinds: ['file-content'] }],
    },
    {
      name: 'streamText with anthropic, tools object and messages; maxTokens (v4)',
      code: `import { streamText, tool } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
export function POST(messages: any[]) {
  return streamText({
    model: anthropic('claude-3-5-sonnet-latest'),
    maxTokens: 1000,
    tools: { getWeather: tool({ description: 'w', parameters, execute }), searchDocs },
    messages,
  });
}`,
      calls: [{ line: 4, method: 'streamText', provider: 'anthropic', model: 'claude-3-5-sonnet-latest', maxOutputTokens: 1000, features: { streaming: true, tools: true }, toolNames: ['getWeather', 'searchDocs'], holeKinds: ['history'] }],
    },
    {
      name: 'generateObject with a zod schema and a model from another module',
      files: { 'src/models.ts': `import { google } from '@ai-sdk/google';\nexport const extractor = google('gemini-2.0-flash');\n` },
      code: `import { generateObject } from 'ai';
import { z } from 'zod';
import { extractor } from './models';
const Invoice = z.object({ total: z.number() });
export const extract = (pdfText: string) => generateObject({ model: extractor, schema: Invoice, prompt: \`Extract the invoice total from: \${pdfText}\` });`,
      calls: [{ line: 5, method: 'generateObject', provider: 'google', model: 'gemini-2.0-flash', features: { structuredOutput: true } }],
    },
    {
      name: 'createOpenAI pointed at Groq, and openai.chat(...)',
      code: `import { generateText } from 'ai';
import { createOpenAI, openai } from '@ai-sdk/openai';
const groq = createOpenAI({ baseURL: 'https://api.groq.com/openai/v1', apiKey: process.env.GROQ_API_KEY });
await generateText({ model: groq('llama-3.3-70b-versatile'), prompt: 'Hi' });
await generateText({ model: openai.chat('gpt-4.1'), prompt: 'Hi there' });`,
      calls: [
        { line: 4, provider: 'groq', model: 'llama-3.3-70b-versatile' },
        { line: 5, provider: 'openai', model: 'gpt-4.1' },
      ],
    },
    {
      name: 'gateway string, namespace import, aliased import',
      code: `import * as ai from 'ai';
import { generateText as gen } from 'ai';
await ai.streamObject({ model: 'openai/gpt-4o', output: 'array', schema: Item, prompt: 'List three fruits' });
await gen({ model: process.env.AI_MODEL ?? 'anthropic/claude-sonnet-4', prompt: 'Hello' });`,
      calls: [
        { line: 3, method: 'streamObject', provider: 'vercel-gateway', model: 'openai/gpt-4o', features: { streaming: true, structuredOutput: true } },
        { line: 4, method: 'generateText', provider: 'vercel-gateway', model: 'anthropic/claude-sonnet-4', modelSource: 'env-default' },
      ],
    },
    {
      name: 'embed, embedMany, image, speech and transcription endpoints',
      code: `import { embed, embedMany, experimental_generateImage as generateImage, experimental_generateSpeech, experimental_transcribe } from 'ai';
import { openai } from '@ai-sdk/openai';
await embed({ model: openai.embedding('text-embedding-3-small'), value: 'sunny day at the beach' });
await embedMany({ model: openai.textEmbeddingModel('text-embedding-3-large'), values: chunks });
await generateImage({ model: openai.image('dall-e-3'), prompt: 'A lighthouse at dusk' });
await experimental_generateSpeech({ model: openai.speech('tts-1'), text: 'Hello!' });
await experimental_transcribe({ model: openai.transcription('whisper-1'), audio: await readFile('a.mp3') });`,
      calls: [
        { line: 3, method: 'embed', endpoint: 'embedding', model: 'text-embedding-3-small', promptIncludes: ['sunny day'] },
        { line: 4, method: 'embedMany', endpoint: 'embedding', model: 'text-embedding-3-large', holeKinds: ['rag-context'] },
        { line: 5, method: 'experimental_generateImage', endpoint: 'image-generation', model: 'dall-e-3' },
        { line: 6, method: 'experimental_generateSpeech', endpoint: 'audio-speech', model: 'tts-1' },
        { line: 7, method: 'experimental_transcribe', endpoint: 'audio-transcription', model: 'whisper-1' },
      ],
    },
    {
      name: "a video model's run (experimental_generateVideo, imported under another name): a request of another kind, its model the provider's video model",
      code: `import { experimental_generateVideo as generateVideo } from 'ai';
import { xai } from '@ai-sdk/xai';
export const clip = (prompt: string) => generateVideo({ model: xai.video('grok-imagine-video'), prompt, duration: 6 });`,
      calls: [{ line: 3, method: 'experimental_generateVideo', endpoint: 'other', model: 'grok-imagine-video' }],
    },
    {
      name: 'image part in messages, bedrock, wrapLanguageModel, CommonJS require',
      code: `const { generateText, wrapLanguageModel } = require('ai');
const { bedrock } = require('@ai-sdk/amazon-bedrock');
const model = wrapLanguageModel({ model: bedrock('anthropic.claude-3-haiku-20240307-v1:0'), middleware: [] });
generateText({ model, messages: [{ role: 'user', content: [{ type: 'text', text: 'Describe this photo' }, { type: 'image', image: photoUrl }] }] });`,
      calls: [{ line: 4, provider: 'aws-bedrock', model: 'anthropic.claude-3-haiku-20240307-v1:0', features: { vision: true }, promptIncludes: ['Describe this photo'] }],
    },
    {
      name: "a document file part (a PDF, or a type the code does not spell out, also as one branch of a part kept in a constant) is read by sight; a text file part is not",
      code: `import { generateText, generateObject } from 'ai';
import { google } from '@ai-sdk/google';
import { z } from 'zod';
export const pdf = (data: string) => generateText({ model: google('gemini-2.5-flash'), messages: [{ role: 'user', content: [{ type: 'text', text: 'Extract all text from this PDF document.' }, { type: 'file', data, mediaType: 'application/pdf' }] }] });
export const notes = (data: string) => generateText({ model: google('gemini-2.5-flash'), messages: [{ role: 'user', content: [{ type: 'text', text: 'Summarize these notes.' }, { type: 'file', data, mediaType: 'text/plain' }] }] });
export function extract(url: string, asFile: boolean, mediaType: string) {
  const part = asFile ? { type: 'file' as const, data: url, mediaType } : { type: 'image' as const, image: url };
  return generateObject({ model: google('gemini-2.5-flash'), schema: z.object({ total: z.number() }), messages: [{ role: 'system', content: 'Extract the invoice total.' }, { role: 'user', content: [part] }] });
}`,
      calls: [
        { line: 4, features: { vision: true } },
        { line: 5, features: { vision: false } },
        { line: 8, features: { vision: true } },
      ],
    },
    {
      name: 'a dynamic model from a parameter; a provider registry id',
      code: `import { generateText, createProviderRegistry, type LanguageModel } from 'ai';
import { mistral } from '@ai-sdk/mistral';
const registry = createProviderRegistry({ mistral });
export const run = (model: LanguageModel, q: string) => generateText({ model, prompt: q });
generateText({ model: registry.languageModel('mistral:mistral-small-latest'), prompt: 'Hi' });`,
      calls: [
        { line: 4, provider: 'unknown', model: null, modelSource: 'dynamic' },
        { line: 5, provider: 'mistral', model: 'mistral-small-latest' },
      ],
    },
    {
      name: 'a model chosen by an env flag no example env file sets: the other branch first, both candidates',
      code: `import { generateText } from 'ai';\nimport { anthropic } from '@ai-sdk/anthropic';\nimport { openai } from '@ai-sdk/openai';\nconst model = process.env.USE_CLAUDE ? anthropic('claude-haiku-4-5') : openai('gpt-4o-mini');\nawait generateText({ model, prompt: 'hi' });`,
      calls: [{ line: 5, provider: 'openai', model: 'gpt-4o-mini', candidates: ['gpt-4o-mini', 'claude-haiku-4-5'] }],
    },
    {
      name: 'a model chosen by an env flag the example env file sets: that branch first',
      files: { '.env.example': 'USE_CLAUDE_MODEL=claude-haiku-4-5\n' },
      code: `import { generateText } from 'ai';\nimport { anthropic } from '@ai-sdk/anthropic';\nimport { openai } from '@ai-sdk/openai';\nconst model = process.env.USE_CLAUDE_MODEL ? anthropic('claude-haiku-4-5') : openai('gpt-4o-mini');\nawait generateText({ model, prompt: 'hi' });`,
      calls: [{ line: 5, provider: 'anthropic', model: 'claude-haiku-4-5', candidates: ['claude-haiku-4-5', 'gpt-4o-mini'] }],
    },
    {
      name: 'the provider passed in as a parameter typed by its package; the model id from a parameter',
      code: `import { streamText, type ModelMessage } from 'ai';\nimport type { OpenAIProvider } from '@ai-sdk/openai';\nexport function assistant(openai: OpenAIProvider, model: string, messages: ModelMessage[]) {\n  return streamText({ model: openai(model), maxOutputTokens: 16383, messages });\n}`,
      calls: [{ line: 4, provider: 'openai', model: null, modelSource: 'dynamic', maxOutputTokens: 16383 }],
    },
    {
      name: 'streamUI from ai/rsc',
      code: `import { streamUI } from 'ai/rsc';\nimport { openai } from '@ai-sdk/openai';\nexport async function render(input: string) {\n  return streamUI({ model: openai('gpt-4o'), prompt: input, text: ({ content }) => content });\n}`,
      calls: [{ line: 4, method: 'streamUI', provider: 'openai', model: 'gpt-4o', features: { streaming: true } }],
    },
    {
      name: 'shared options spread in from another module, overridden at the call',
      files: { 'src/defaults.ts': `import { openai } from '@ai-sdk/openai';\nexport const baseOptions = { model: openai('gpt-4o'), maxOutputTokens: 500, system: 'You are terse.' };\n` },
      code: `import { generateText } from 'ai';\nimport { baseOptions } from './defaults';\nexport const run = (q: string) => generateText({ ...baseOptions, maxOutputTokens: 50, prompt: q });`,
      calls: [{ line: 3, provider: 'openai', model: 'gpt-4o', maxOutputTokens: 50, promptIncludes: ['You are terse.', '{{q}}'] }],
    },
    {
      name: 'structured output through Output.object on generateText; a groq model',
      code: `import { generateText, Output } from 'ai';
import { groq } from '@ai-sdk/groq';
generateText({ model: groq('llama-3.1-8b-instant'), experimental_output: Output.object({ schema: Ticket }), prompt: 'Classify: ' + subject });`,
      calls: [{ line: 3, provider: 'groq', model: 'llama-3.1-8b-instant', features: { structuredOutput: true }, promptIncludes: ['Classify: {{subject}}'] }],
    },
  ],
});
