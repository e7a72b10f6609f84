import { openaiAnalyzer } from '../../../src/analyzers/openai';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('openai analyzer', openaiAnalyzer, {
  valid: [
    { name: "a service method declared to return the app's own Chat type is no client part", files: { 'src/chat.ts': `export interface Chat { completions: { create(input: { text: string }): Promise<string> } }\nexport type ChatService = { getChat(): Promise<Chat> };\n` }, code: `import type { ChatService } from './chat';\nexport async function send(service: ChatService) {\n  const chat = await service.getChat();\n  return chat.completions.create({ text: 'hi' });\n}` },
    { name: 'a RealtimeSession class of another package is not an OpenAI session', code: `import { RealtimeSession } from './realtime/session';\nconst session = new RealtimeSession({ channel: 'chat' });\nsession.connect();` },
    { name: 'a JSDoc type from another package does not make a client OpenAI', code: `/** @param {{client: import("replicate").default}} config */\nexport function run({ client }) {\n  return client.images.generate({ prompt: 'a cat' });\n}` },
    { name: 'a class loaded lazily from another package is not an OpenAI client', code: `export async function job() {\n  let Queue;\n  Queue = (await import('bullmq')).Queue;\n  const queue = new Queue('jobs');\n  return queue.completions.create({ prompt: 'x' });\n}` },
    { name: "WebLLM's OpenAI-shaped engine is local inference, not OpenAI", code: `import { CreateMLCEngine } from '@mlc-ai/web-llm';\nconst llm = await CreateMLCEngine('Llama-3.1-8B-Instruct-q4f32_1-MLC');\nllm.chat.completions.create({ messages: [{ role: 'user', content: 'hi' }] });` },
    { name: 'a realtime class of another package (Supabase) is not an OpenAI session', code: `import { RealtimeClient } from '@supabase/realtime-js';\nconst realtime = new RealtimeClient('wss://x.supabase.co/realtime/v1', { params: { apikey: 'k' } });\nrealtime.connect();` },
    { name: 'v3 method names on a v4 client or on an app object are not requests', code: `import OpenAI from 'openai';\nconst openai = new OpenAI();\n(openai as any).createChatCompletion({ model: 'gpt-4o', messages: [] });\nconst store = { createCompletion: (x: unknown) => x };\nstore.createCompletion({ model: 'gpt-4o', prompt: 'x' });\nexport const record = (db: any) => db.createEmbedding({ model: 'gpt-4o', vector: [] });` },
    { name: 'v3 listModels and the Configuration object are not requests', code: `const { Configuration, OpenAIApi } = require('openai');\nconst openai = new OpenAIApi(new Configuration({ apiKey: 'k' }));\nopenai.listModels();\nopenai.createFile(file, 'fine-tune');` },
    `const x = { chat: { completions: { create: () => 1 } } };\nx.chat.completions.list();`,
    `import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic();\nanthropic.completions.create({ model: 'claude-2', prompt: 'hi', max_tokens_to_sample: 5 });`,
    `import Groq from 'groq-sdk';\nconst groq = new Groq();\ngroq.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [] });`,
    `import OpenAI from 'openai';\nconst openai = new OpenAI();\nopenai.models.list();`,
    { name: 'an untraced client named after Groq belongs to the groq analyzer', code: `export const run = (deps: any) => deps.groqClient.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [] });` },
    { name: 'a comment or string mentioning the API is not a call', code: `// openai.chat.completions.create({ model: 'gpt-4o' })\nconst s = "openai.chat.completions.create";` },
    { name: 'a client from a deep import: listing models is not a request', code: `import { OpenAI } from 'openai/index';\nconst openai = new OpenAI();\nopenai.models.list();\nopenai.files.create({ file, purpose: 'batch' });` },
    { name: 'a base class holding a non-OpenAI client', files: { 'src/base.ts': `import Anthropic from '@anthropic-ai/sdk';\nexport class BaseApi { protected client = new Anthropic(); }\n` }, code: `import { BaseApi } from './base';\nexport class Child extends BaseApi {\n  run() { return this.client.completions.create({ model: 'claude-2.1', prompt: 'x', max_tokens_to_sample: 5 }); }\n}` },
    { name: 'a function of another shape forwarded with .call is no client method', code: `import OpenAI from 'openai';\nconst openai = new OpenAI();\nconst hasOwn = Object.prototype.hasOwnProperty;\nexport const known = (record: object) => hasOwn.call(record, 'model');\nexport function relay(handler: { create(x: unknown): unknown }, body: unknown) {\n  const create = handler.create;\n  return create.call(handler, body);\n}` },
    { name: 'a class extending a non-SDK class calls its own chat method', code: `import { EventEmitter } from 'node:events';\nexport class Bot extends EventEmitter {\n  run() { return this.chat.completions.create({ model: 'x', messages: [] }); }\n}` },
  ],
  invalid: [
    {
      name: "the SDK a Deno edge function imports by its `npm:` specifier or from esm.sh (Supabase Edge Functions)",
      code: `import OpenAI from 'npm:openai@4.20.1';
import { OpenAI as EsmOpenAI } from 'https://esm.sh/openai@4.20.1';
const openai = new OpenAI({ apiKey: Deno.env.get('OPENAI_API_KEY') });
export const ask = (text: string) => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
export const embed = (text: string) => new EsmOpenAI().embeddings.create({ model: 'text-embedding-3-small', input: text });`,
      calls: [
        { line: 4, provider: 'openai', model: 'gpt-4o-mini' },
        { line: 5, provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' },
      ],
    },
    {
      name: 'a variation of an uploaded image (`images.createVariation`, dall-e-2): an image request taking an image',
      code: `import OpenAI from 'openai';
import * as fs from 'fs';
export async function vary(openai: OpenAI, path: string) {
  return openai.images.createVariation({ model: 'dall-e-2', image: fs.createReadStream(path), n: 1, size: '1024x1024' });
}`,
      calls: [{ line: 4, method: 'images.createVariation', provider: 'openai', endpoint: 'image-generation', model: 'dall-e-2', features: { vision: true } }],
    },
    {
      name: "a client parameter typed `ReturnType<typeof getClient>` of the app's function making it: the client that function returns, with its base URL",
      files: { 'src/client.ts': "import OpenAI from 'openai';\nexport function getClient() {\n  return new OpenAI({ baseURL: 'https://api.groq.com/openai/v1', apiKey: process.env.GROQ_API_KEY });\n}\n" },
      code: `import type { getClient } from './client';
export async function label(client: ReturnType<typeof getClient>, text: string) {
  return client.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: \`Label: \${text}\` }] });
}`,
      calls: [{ line: 3, method: 'chat.completions.create', model: 'llama-3.1-8b-instant', evidenceIncludes: ['api.groq.com'] }],
    },
    {
      name: "a v3 client handed out in an array by the module's own function and taken apart (webwhiz's `const [openAiClient, _, hash] = getOpenAiClient(keys)`)",
      code: `import { Configuration, OpenAIApi } from 'openai';
function getOpenAiClient(keys: string[]): [OpenAIApi, string] {
  const key = keys[Math.floor(Math.random() * keys.length)];
  const client = new OpenAIApi(new Configuration({ apiKey: key }));
  return [client, key];
}
export async function getEmbedding(input: string, keys: string[]) {
  const [openAiClient, _key] = getOpenAiClient(keys);
  const res = await openAiClient.createEmbedding({ input, model: 'text-embedding-ada-002' });
  return res.data.data[0].embedding;
}`,
      calls: [{ line: 9, method: 'createEmbedding', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-ada-002' }],
    },
    {
      name: "a client a base class makes from what its subclasses hand super(): a request in one subclass goes to that subclass's base URL, not a sibling's (Roo-Code's router providers)",
      files: {
        'src/providers/router.ts': "import OpenAI from 'openai';\nexport abstract class RouterProvider {\n  protected client: OpenAI;\n  constructor({ baseURL, apiKey }: { baseURL: string; apiKey?: string }) {\n    this.client = new OpenAI({ baseURL, apiKey });\n  }\n}\n",
        'src/providers/a-litellm.ts': "import { RouterProvider } from './router';\nexport class LiteLLMHandler extends RouterProvider {\n  constructor(options: { litellmBaseUrl?: string }) {\n    super({ baseURL: `${options.litellmBaseUrl || 'http://localhost:4000'}` });\n  }\n}\n",
      },
      file: 'src/providers/vercel-gateway.ts',
      code: `import { RouterProvider } from './router';
export class VercelAiGatewayHandler extends RouterProvider {
  constructor() {
    super({ baseURL: 'https://ai-gateway.vercel.sh/v1', apiKey: process.env.VERCEL_AI_GATEWAY_KEY });
  }
  async complete(prompt: string) {
    return this.client.chat.completions.create({ model: 'anthropic/claude-sonnet-4', messages: [{ role: 'user', content: prompt }] });
  }
}`,
      calls: [{ line: 7, provider: 'vercel-gateway' }],
    },
    {
      name: 'a library keeping the client its caller hands in, cast to OpenAI (`this.client = client as OpenAI`): a request of an OpenAI client whose options are the caller\'s',
      code: `import OpenAI from 'openai';
type LikeClient = { chat: { completions: { create: (params: object) => Promise<unknown> } } };
export class Structured {
  readonly client: LikeClient;
  constructor({ client }: { client: LikeClient }) {
    this.client = client as OpenAI;
  }
  async extract(params: { model: string; messages: [] }) {
    return this.client.chat.completions.create({ ...params, stream: false });
  }
}`,
      calls: [{ line: 9, method: 'chat.completions.create', provider: 'openai', evidenceIncludes: ['client typed as OpenAI (options unknown)'] }],
    },
    {
      name: "openai-edge (the v3 API as a fetch client for edge runtimes): moderation, an embedding and a streamed chat completion",
      code: `import { Configuration, OpenAIApi } from 'openai-edge';
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_KEY }));
export async function answer(query: string, context: string) {
  await openai.createModeration({ input: query });
  await openai.createEmbedding({ model: 'text-embedding-ada-002', input: query });
  return openai.createChatCompletion({ model: 'gpt-3.5-turbo', stream: true, messages: [{ role: 'user', content: \`Answer from these docs:\n\${context}\n\${query}\` }] });
}`,
      calls: [
        { line: 4, method: 'createModeration', endpoint: 'other', provider: 'openai' },
        { line: 5, method: 'createEmbedding', endpoint: 'embedding', model: 'text-embedding-ada-002' },
        { line: 6, method: 'createChatCompletion', endpoint: 'chat', model: 'gpt-3.5-turbo', features: { streaming: true }, promptIncludes: ['Answer from these docs'] },
      ],
    },
    {
      name: 'a client part whose service the module declaring its type also makes, on an Azure deployment: the client it returns says who serves it',
      files: {
        'src/plugins/openai.ts': `import { OpenAI } from 'openai';
import { type Chat } from 'openai/resources/index';
export type OpenAiService = { getChat(): Promise<Chat> };
export function makeService(resource: string, deployment: string): OpenAiService {
  let chatClient: OpenAI;
  return {
    async getChat() {
      chatClient ??= new OpenAI({ apiKey: process.env.AZURE_OPENAI_API_KEY, baseURL: \`https://\${resource}.openai.azure.com/openai/deployments/\${deployment}\` });
      return chatClient.chat;
    },
  };
}
`,
      },
      code: `import { type OpenAiService } from './plugins/openai';
export async function answer(openai: OpenAiService, question: string) {
  const chat = await openai.getChat();
  return chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
}`,
      calls: [{ line: 4, method: 'chat.completions.create', endpoint: 'chat', provider: 'azure-openai', model: 'gpt-4o-mini', evidenceIncludes: ['`chatClient.chat` is its chat part'] }],
    },
    {
      name: "parts of a client handed out by an app service declared to return them (`getChat(): Promise<Chat>` of openai's resources): chat and embeddings",
      files: {
        'src/plugins/openai.ts': `import { type Chat, type Embeddings } from 'openai/resources/index';
export type OpenAiService = {
  getChat(): Promise<Chat>;
  getEmbeddings(): Promise<Embeddings>;
};
`,
      },
      code: `import { type OpenAiService } from './plugins/openai';
export class AskApproach {
  constructor(private openai: OpenAiService, private chatModel: string) {}
  async run(question: string) {
    const embeddings = await this.openai.getEmbeddings();
    const vector = await embeddings.create({ model: 'text-embedding-3-small', input: question });
    const chat = await this.openai.getChat();
    return chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`Answer from the sources: \${question}\` }], max_tokens: 800 });
  }
}`,
      calls: [
        { line: 6, method: 'embeddings.create', endpoint: 'embedding', provider: 'openai', model: 'text-embedding-3-small', evidenceIncludes: ['the embeddings part of a client of openai'] },
        { line: 8, method: 'chat.completions.create', endpoint: 'chat', provider: 'openai', model: 'gpt-4o-mini', maxOutputTokens: 800, promptIncludes: ['Answer from the sources'] },
      ],
    },
    {
      name: "rt-client's RTClient (OpenAI, or Azure OpenAI with an endpoint URL) made in a conditional and configured: one realtime session, reported at configure with the likely branch's model",
      code: `import { RTClient } from 'rt-client';
const settings = { provider: 'OpenAI', model: 'gpt-4o-realtime-preview-2024-12-17', endpoint: '', deployment: '', key: '' };
export async function startVoice(holder: { current: RTClient | null }) {
  const onAzure = settings.provider === 'Azure';
  holder.current = onAzure
    ? new RTClient(new URL(settings.endpoint), { key: settings.key }, { deployment: settings.deployment })
    : new RTClient({ key: settings.key }, { model: settings.model });
  await holder.current.configure({
    instructions: 'You are a cheerful voice concierge.',
    voice: 'alloy',
    modalities: ['text', 'audio'],
  });
}
export function bare(key: string) {
  return new RTClient({ key }, { model: 'gpt-4o-mini-realtime-preview' });
}`,
      calls: [
        { line: 8, method: 'RTClient.configure', provider: 'openai', model: 'gpt-4o-realtime-preview-2024-12-17', features: { streaming: true }, promptIncludes: ['voice concierge'], realtimeStep: { step: 'connect', session: 'conversation' } },
        { line: 15, method: 'new RTClient', provider: 'openai', model: 'gpt-4o-mini-realtime-preview' },
      ],
    },
    {
      name: "a client's own method kept in a constant and forwarded with .call, after a wrapper replaces it (memory middleware)",
      code: `import OpenAI from 'openai';
export function withNotes(client: OpenAI, lookup: (text: string) => Promise<string>) {
  const originalChat = client.chat.completions.create;
  const originalResponses = client.responses?.create;
  const chatWithNotes = async (params: OpenAI.Chat.Completions.ChatCompletionCreateParams) => {
    const notes = await lookup(JSON.stringify(params.messages));
    return originalChat.call(client.chat.completions, {
      ...params,
      messages: [{ role: 'system', content: notes }, ...params.messages],
    });
  };
  const respondWithNotes = async (params: any) => {
    const notes = await lookup(String(params.input));
    return originalResponses.call(client.responses, { ...params, instructions: notes });
  };
  client.chat.completions.create = chatWithNotes as typeof originalChat;
  client.responses.create = respondWithNotes as typeof originalResponses;
  return client;
}`,
      calls: [
        { line: 7, method: 'chat.completions.create', provider: 'openai', model: null },
        { line: 14, method: 'responses.create', provider: 'openai', model: null, holeKinds: ['interpolation', 'message-array'] },
      ],
    },
    {
      name: 'a client method called through .apply and .bind: the arguments it is handed are the request',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export function viaApply(question: string) {
  return openai.chat.completions.create.apply(openai.chat.completions, [{ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] }]);
}
export function viaBind(text: string) {
  const embed = openai.embeddings.create;
  return embed.bind(openai.embeddings)({ model: 'text-embedding-3-small', input: text });
}`,
      calls: [
        { line: 4, method: 'chat.completions.create', provider: 'openai', model: 'gpt-4o-mini', endpoint: 'chat' },
        { line: 8, method: 'embeddings.create', provider: 'openai', model: 'text-embedding-3-small', endpoint: 'embedding' },
      ],
    },
    {
      name: "the Agents SDK's RealtimeSession: the site is connect() on the property it is stored in",
      code: `import { RealtimeAgent, RealtimeSession, OpenAIRealtimeWebRTC } from '@openai/agents/realtime';
const concierge = new RealtimeAgent({ name: 'concierge', instructions: 'Greet the guest and route them.' });
export async function start(sessionRef: { current: RealtimeSession | null }, key: string, audioElement: HTMLAudioElement) {
  sessionRef.current = new RealtimeSession(concierge, {
    transport: new OpenAIRealtimeWebRTC({ audioElement }),
    model: 'gpt-4o-realtime-preview-2025-06-03',
  });
  await sessionRef.current.connect({ apiKey: key });
}
export function standalone() {
  return new RealtimeSession(concierge);
}`,
      calls: [
        { line: 8, method: 'RealtimeSession.connect', provider: 'openai', model: 'gpt-4o-realtime-preview-2025-06-03', features: { streaming: true } },
        { line: 11, method: 'new RealtimeSession', model: null },
      ],
    },
    {
      name: 'a base class whose client comes from a destructured constructor option typed in JSDoc',
      code: `class BaseImageGenerator {
  /**
   * @param {{client: import("openai").OpenAI, model: string}} config
   */
  constructor({ client, model }) {
    this.client = client;
    this.model = model;
  }
  async requestImage(prompt, size) {
    return this.client.images.generate({ model: this.model, prompt, size, n: 1 });
  }
}
/** @param {import("openai").OpenAI} openai */
export async function moderate(openai, input) {
  return openai.moderations.create({ model: 'omni-moderation-latest', input });
}
export { BaseImageGenerator };`,
      calls: [
        { line: 10, method: 'images.generate', endpoint: 'image-generation', provider: 'openai' },
        { line: 15, method: 'moderations.create', endpoint: 'other', model: 'omni-moderation-latest' },
      ],
    },
    {
      name: 'the SDK loaded lazily: a let bound to (await import(...)).OpenAI, then completions on the client',
      code: `import type OpenAIType from 'openai';
export async function endpoint(baseURL: string, model: string): Promise<(prompt: string) => Promise<unknown>> {
  let OpenAI;
  try {
    OpenAI = (await import('openai')).OpenAI;
  } catch (e) {
    throw new Error('Failed to import OpenAI', { cause: e });
  }
  const openai: OpenAIType = new OpenAI({ apiKey: process.env.HF_TOKEN, baseURL });
  return (prompt) => openai.completions.create({ model, prompt, stream: true, max_tokens: 256 });
}`,
      calls: [{ line: 10, method: 'completions.create', endpoint: 'completion', provider: 'openai', maxOutputTokens: 256, features: { streaming: true } }],
    },
    {
      name: 'an OpenAI client wrapped by another package (Instructor({ client })) still sends the request, through its base URL',
      code: `import OpenAI from 'openai';
import Instructor from '@instructor-ai/instructor';
const together = new OpenAI({ apiKey: 'k', baseURL: 'https://api.together.xyz/v1' });
const client = Instructor({ client: together, mode: 'JSON_SCHEMA' });
export const run = (text: string) => client.chat.completions.create({ model: 'Qwen/Qwen2.5-7B-Instruct-Turbo', messages: [{ role: 'user', content: text }] });`,
      calls: [{ line: 5, provider: 'together', endpoint: 'chat', model: 'Qwen/Qwen2.5-7B-Instruct-Turbo' }],
    },
    {
      name: "a client the class takes in an options object (`private readonly opts: SttOptions`, `interface SttOptions { client: OpenAI }`): `this.opts.client` is that SDK's client, the model the constructor's default",
      code: `import type OpenAI from 'openai';
export interface SttOptions { client: OpenAI; model?: string }
export class OpenAiStt {
  private readonly model: string;
  private readonly opts: SttOptions;
  constructor(opts: SttOptions) {
    this.opts = opts;
    this.model = opts.model ?? 'gpt-4o-transcribe';
  }
  async transcribeFile(file: File) {
    const res = await this.opts.client.audio.transcriptions.create({ file, model: this.model });
    return res.text;
  }
}`,
      calls: [{ line: 11, provider: 'openai', endpoint: 'audio-transcription', model: 'gpt-4o-transcribe' }],
    },
    {
      name: "the package required whole under a name of the app's choosing (`const openAI = require('openai')`): its default export is the client class",
      code: `const openAI = require('openai');
const client = new openAI({ apiKey: process.env.OPENAI_API_KEY });
async function writePost(userPrompt) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: userPrompt }] });
}
module.exports = { writePost };`,
      calls: [{ line: 4, provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini' }],
    },
    {
      name: 'a client handed to the base class through super() and read through its getter (CommonJS): options known, so the host is too',
      files: { 'src/provider.js': `class BaseProvider {\n  _client;\n  constructor(client) { this._client = client; }\n  get client() { return this._client; }\n}\nmodule.exports = BaseProvider;\n` },
      code: `const OpenAI = require('openai');
const BaseProvider = require('./provider.js');
class TogetherProvider extends BaseProvider {
  constructor(config = {}) {
    const client = new OpenAI({ apiKey: config.apiKey, baseURL: 'https://api.together.xyz/v1' });
    super(client);
  }
  embed(input) {
    return this.client.embeddings.create({ model: 'BAAI/bge-base-en-v1.5', input });
  }
}`,
      calls: [{ line: 9, provider: 'together', endpoint: 'embedding', model: 'BAAI/bge-base-en-v1.5' }],
    },
    {
      name: 'a client passed to a base class in a super() options object, the base typing it only in JSDoc: the subclass\'s options win',
      files: { 'src/base.js': `class BaseImageGenerator {\n  /** @param {{client: import("openai").OpenAI, model: string}} options */\n  constructor({ client, model }) {\n    this.client = client;\n    this.model = model;\n  }\n}\nmodule.exports = { BaseImageGenerator };\n` },
      code: `const { OpenAI } = require('openai');
const { BaseImageGenerator } = require('./base.js');
class OpenRouterImageGenerator extends BaseImageGenerator {
  constructor() {
    super({ client: new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' }), model: 'google/gemini-2.5-flash-image' });
  }
  generate(prompt) {
    return this.client.chat.completions.create({ model: this.model, messages: [{ role: 'user', content: prompt }], modalities: ['image', 'text'] });
  }
}
module.exports = { OpenRouterImageGenerator };`,
      calls: [{ line: 8, provider: 'openrouter' }],
    },
    {
      name: 'realtime sessions: OpenAIRealtimeWebSocket with a model, its Azure factory, and the beta RealtimeClient',
      code: `import OpenAI, { AzureOpenAI } from 'openai';
import { OpenAIRealtimeWebSocket } from 'openai/beta/realtime/websocket';
import { RealtimeClient } from '@openai/realtime-api-beta';
const rt = new OpenAIRealtimeWebSocket({ model: 'gpt-4o-realtime-preview-2024-12-17' }, new OpenAI());
const azureRt = await OpenAIRealtimeWebSocket.azure(new AzureOpenAI({ apiVersion: '2024-10-01-preview' }), { deploymentName: 'gpt-4o-realtime' });
const beta = new RealtimeClient({ apiKey: process.env.OPENAI_API_KEY });
await beta.connect();`,
      calls: [
        { line: 4, method: 'new OpenAIRealtimeWebSocket', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-realtime-preview-2024-12-17', features: { streaming: true } },
        { line: 5, method: 'OpenAIRealtimeWebSocket.azure', provider: 'azure-openai', model: 'gpt-4o-realtime' },
        { line: 6, method: 'new RealtimeClient', provider: 'openai', model: null },
      ],
    },
    {
      name: "a run of an existing thread (the thread id first): the run's instructions and added messages are its prompt",
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function runOnThread(threadId: string, assistantId: string, question: string) {
  return openai.beta.threads.runs.stream(threadId, { assistant_id: assistantId, instructions: 'Answer as a senior TypeScript reviewer.', additional_messages: [{ role: 'user', content: question }] });
}`,
      calls: [{ line: 4, method: 'beta.threads.runs.stream', provider: 'openai', features: { streaming: true }, promptIncludes: ['senior TypeScript reviewer', '{{question}}'] }],
    },
    {
      name: 'a run resumed with the outputs of the tools it called (thread id and run id first): the outputs go back to the model',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export function resume(threadId: string, runId: string, toolCallOutputs: { tool_call_id: string; output: string }[]) {
  return openai.beta.threads.runs.submitToolOutputsStream(threadId, runId, { tool_outputs: toolCallOutputs });
}`,
      calls: [{ line: 4, method: 'beta.threads.runs.submitToolOutputsStream', provider: 'openai', endpoint: 'chat', features: { streaming: true }, promptIncludes: ['{{toolCallOutputs}}'] }],
    },
    {
      name: 'a client factory returning Azure only for an Azure endpoint and OpenAI otherwise: the default path, OpenAI, serves the call',
      code: `import OpenAI, { AzureOpenAI } from 'openai';
export async function getOpenAi(endpoint: string) {
  if (endpoint.indexOf('.openai.azure.com/openai') > 0) {
    return new AzureOpenAI({ endpoint, apiVersion: '2024-10-21' });
  }
  return new OpenAI({ apiKey: process.env.OPENAI_KEY });
}
export async function complete(endpoint: string, prompt: string) {
  const openai = await getOpenAi(endpoint);
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
}`,
      calls: [{ line: 10, provider: 'openai', model: 'gpt-4o' }],
    },
    {
      name: 'realtime sessions minted through the SDK: GA client secrets (conversation and transcription) and the beta sessions',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function mintVoiceKey() {
  const secret = await openai.realtime.clientSecrets.create({ session: { type: 'realtime', model: 'gpt-realtime', instructions: 'You are a calm support agent.' } });
  const captions = await openai.realtime.clientSecrets.create({ session: { type: 'transcription' } });
  const beta = await openai.beta.realtime.sessions.create({ model: 'gpt-4o-mini-realtime-preview', voice: 'verse' });
  const scribe = await openai.beta.realtime.transcriptionSessions.create({ input_audio_transcription: { model: 'gpt-4o-transcribe' } });
  return [secret.value, captions.value, beta.client_secret.value, scribe.client_secret.value];
}`,
      calls: [
        { line: 4, method: 'realtime.clientSecrets.create', provider: 'openai', endpoint: 'chat', model: 'gpt-realtime', features: { streaming: true }, promptIncludes: ['calm support agent'], realtimeStep: { step: 'mint', session: 'conversation' } },
        { line: 5, method: 'realtime.clientSecrets.create', model: null, realtimeStep: { step: 'mint', session: 'transcription' } },
        { line: 6, method: 'beta.realtime.sessions.create', model: 'gpt-4o-mini-realtime-preview', realtimeStep: { step: 'mint', session: 'conversation' } },
        { line: 7, method: 'beta.realtime.transcriptionSessions.create', realtimeStep: { step: 'mint', session: 'transcription' } },
      ],
    },
    {
      name: "v4's default export imported under v3's class name (`import OpenAIApi from 'openai'`) is v4's client",
      code: `import OpenAIApi from 'openai';
const openai = new OpenAIApi({ apiKey: process.env.OPENAI_API_KEY });
export async function reply(prompt: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
}`,
      calls: [{ line: 4, method: 'chat.completions.create', provider: 'openai', model: 'gpt-4o' }],
    },
    {
      name: 'openai v3: new OpenAIApi(configuration) with createChatCompletion, createCompletion, createEmbedding, createModeration',
      code: `const { Configuration, OpenAIApi } = require('openai');
const configuration = new Configuration({ apiKey: process.env.OPENAI_API_KEY });
const openai = new OpenAIApi(configuration);
async function answer(question) {
  const completion = await openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: question }], max_tokens: 200 });
  await openai.createCompletion({ model: 'text-davinci-003', prompt: \`Q: \${question}\\nA:\` });
  await openai.createEmbedding({ model: 'text-embedding-ada-002', input: question });
  await openai.createModeration({ input: question });
  return completion.data.choices[0].message;
}
module.exports = { answer };`,
      calls: [
        { line: 5, method: 'createChatCompletion', endpoint: 'chat', provider: 'openai', model: 'gpt-3.5-turbo', maxOutputTokens: 200, promptIncludes: ['{{question}}'] },
        { line: 6, method: 'createCompletion', endpoint: 'completion', model: 'text-davinci-003', promptIncludes: ['Q: {{question}}'] },
        { line: 7, method: 'createEmbedding', endpoint: 'embedding', model: 'text-embedding-ada-002' },
        { line: 8, method: 'createModeration', endpoint: 'other', model: null },
      ],
    },
    {
      name: 'openai v3 client built inline with a namespace import; moderations on a v4 client',
      code: `import * as openaiSdk from 'openai';
const api = new openaiSdk.OpenAIApi(new openaiSdk.Configuration({ apiKey: 'k' }));
api.createImage({ prompt: 'a red fox', n: 1, size: '512x512' });
new openaiSdk.OpenAI().moderations.create({ model: 'omni-moderation-latest', input: 'text' });`,
      calls: [
        { line: 3, method: 'createImage', endpoint: 'image-generation' },
        { line: 4, method: 'moderations.create', endpoint: 'other', model: 'omni-moderation-latest' },
      ],
    },
    {
      name: 'literal model on a client created in the same file',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function run(text: string) {
  return openai.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: 20,
    messages: [{ role: 'system', content: 'Classify the sentiment.' }, { role: 'user', content: text }],
  });
}`,
      calls: [{ line: 4, column: 10, method: 'chat.completions.create', provider: 'openai', endpoint: 'chat', model: 'gpt-4o', modelSource: 'literal', maxOutputTokens: 20, promptIncludes: ['Classify the sentiment.', '{{text}}'], holeKinds: ['file-content'] }],
    },
    {
      name: 'client imported from another module, model from a constant object there',
      files: { 'src/llm.ts': `import OpenAI from 'openai';\nexport const client = new OpenAI({ apiKey: process.env.KEY });\nexport const MODELS = { fast: 'gpt-4o-mini' };\n` },
      code: `import { client, MODELS } from './llm';\nawait client.chat.completions.create({ model: MODELS.fast, messages: [{ role: 'user', content: 'Hello' }] });`,
      calls: [{ line: 2, column: 7, provider: 'openai', model: 'gpt-4o-mini', modelSource: 'import', promptIncludes: ['Hello'] }],
    },
    {
      name: 'baseURL pointing at Groq is reported as groq',
      code: `import OpenAI from 'openai';\nconst groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1', apiKey: process.env.GROQ_API_KEY });\ngroq.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [] });`,
      calls: [{ line: 3, provider: 'groq', model: 'llama-3.3-70b-versatile' }],
    },
    {
      name: 'OpenAI-compatible hosts of the providers apps use are told by their base URL (MiniMax, z.ai, SambaNova, Cohere, PPIO, Gitee, APIpie)',
      code: `import OpenAI from 'openai';
const hosts = {
  minimax: new OpenAI({ baseURL: 'https://api.minimax.io/v1' }),
  zai: new OpenAI({ baseURL: 'https://api.z.ai/api/paas/v4' }),
  sambanova: new OpenAI({ baseURL: 'https://api.sambanova.ai/v1' }),
  cohere: new OpenAI({ baseURL: 'https://api.cohere.ai/compatibility/v1' }),
  ppio: new OpenAI({ baseURL: 'https://api.ppinfra.com/v3/openai' }),
  gitee: new OpenAI({ baseURL: 'https://ai.gitee.com/v1' }),
  apipie: new OpenAI({ baseURL: 'https://apipie.ai/v1' }),
};
hosts.minimax.chat.completions.create({ model: 'MiniMax-M2.7', messages: [] });
hosts.zai.chat.completions.create({ model: 'glm-4.5', messages: [] });
hosts.sambanova.chat.completions.create({ model: 'Meta-Llama-3.1-8B-Instruct', messages: [] });
hosts.cohere.embeddings.create({ model: 'embed-english-v3.0', input: 'x' });
hosts.ppio.chat.completions.create({ model: 'qwen/qwen2.5-32b-instruct', messages: [] });
hosts.gitee.chat.completions.create({ model: 'DeepSeek-R1', messages: [] });
hosts.apipie.chat.completions.create({ model: 'openrouter/llama-3.1-8b-instruct', messages: [] });`,
      calls: [
        { line: 11, provider: 'minimax', model: 'MiniMax-M2.7' },
        { line: 12, provider: 'zai', model: 'glm-4.5' },
        { line: 13, provider: 'sambanova', model: 'Meta-Llama-3.1-8B-Instruct' },
        { line: 14, provider: 'cohere', endpoint: 'embedding', model: 'embed-english-v3.0' },
        { line: 15, provider: 'ppio', model: 'qwen/qwen2.5-32b-instruct' },
        { line: 16, provider: 'giteeai', model: 'DeepSeek-R1' },
        { line: 17, provider: 'apipie', model: 'openrouter/llama-3.1-8b-instruct' },
      ],
    },
    {
      name: 'baseURL from a class field assigned in the constructor (CommonJS provider class)',
      code: `const { OpenAI: OpenAIApi } = require('openai');
class ApiPieLLM {
  constructor() {
    this.basePath = 'https://apipie.ai/v1';
    this.openai = new OpenAIApi({ baseURL: this.basePath, apiKey: process.env.APIPIE_LLM_API_KEY });
  }
  send(messages) {
    return this.openai.chat.completions.create({ model: 'openrouter/mistral-7b-instruct', messages });
  }
}
module.exports = ApiPieLLM;`,
      calls: [{ line: 8, provider: 'apipie', model: 'openrouter/mistral-7b-instruct' }],
    },
    {
      name: "messages built by a function that turns the conversation's attached files into image parts (one function down, in its module): the request takes images, from elsewhere",
      files: { 'src/prepare.ts': "async function prepareFiles(files: { mime: string; data: string }[]) {\n  return files.filter((f) => f.mime.startsWith('image/')).map((f) => ({ type: 'image_url' as const, image_url: { url: `data:${f.mime};base64,${f.data}` } }));\n}\nexport async function prepareMessages(messages: { role: string; content: string; files?: { mime: string; data: string }[] }[]) {\n  return Promise.all(messages.map(async (m) => ({ role: m.role, content: m.files ? [{ type: 'text', text: m.content }, ...(await prepareFiles(m.files))] : m.content })));\n}\nexport async function plainMessages(messages: { role: string; content: string }[]) {\n  return messages.map((m) => ({ role: m.role, content: m.content.trim() }));\n}\n" },
      code: `import OpenAI from 'openai';
import { prepareMessages, plainMessages } from './prepare';
const openai = new OpenAI();
export async function chat(messages: { role: string; content: string }[]) {
  const prepared = await prepareMessages(messages);
  await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: await plainMessages(messages) });
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: prepared });
}`,
      calls: [
        { line: 6, features: { vision: false } },
        { line: 7, features: { vision: true } },
      ],
    },
    {
      name: "turns taken by a destructuring from a function that turns attachments into image parts through an imported function (`const [system, chats] = prepare(messages)`): the request takes images, from elsewhere",
      files: { 'src/attachments.ts': "export function toContentBlock(attachment: { contentString: string }) {\n  return { type: 'image_url' as const, image_url: { url: attachment.contentString } };\n}\n" },
      code: `import OpenAI from 'openai';
import { toContentBlock } from './attachments';
type Turn = { role: 'user' | 'system'; content: string; attachments?: { contentString: string }[] };
function withAttachments(turn: Turn) {
  return turn.attachments ? { role: turn.role, content: [{ type: 'text' as const, text: turn.content }, ...turn.attachments.map(toContentBlock)] } : turn;
}
function prepare(turns: Turn[]): [string, unknown[]] {
  return [turns.find((turn) => turn.role === 'system')?.content ?? '', turns.filter((turn) => turn.role !== 'system').map((turn) => withAttachments(turn))];
}
const openai = new OpenAI();
export async function send(turns: Turn[]) {
  const [system, chats] = prepare(turns);
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: system }, ...(chats as never[])] });
}`,
      calls: [{ line: 13, features: { vision: true } }],
    },
    {
      name: 'a prompt written as lines joined at run time (`[...].filter(Boolean).join("\\n")`, in a helper of another module): the lines, empty ones left out, the run-time parts as holes',
      files: { 'src/prompt.ts': "const formats: Record<string, string> = { '': '', conventional: 'Use conventional commits.' };\nexport const generatePrompt = (locale: string, type: string) =>\n  ['Generate a concise git commit message for the following code diff.', `Message language: ${locale}`, '', formats[type]].filter(Boolean).join('\\n');\n" },
      code: `import OpenAI from 'openai';
import { generatePrompt } from './prompt';
const openai = new OpenAI();
export const commit = (diff: string) => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: generatePrompt('en', 'conventional') }, { role: 'user', content: diff }] });`,
      calls: [{ line: 4, promptIncludes: ['Generate a concise git commit message for the following code diff.\nMessage language: '] }],
    },
    {
      name: "the SDK's own OPENAI_BASE_URL set in the workspace: a client with no base URL, or one handed on from a schema the code cannot read, sends there; a URL the code spells out, or a setting of the app's own, does not",
      files: { '.env.example': 'OPENAI_BASE_URL=https://router.huggingface.co/v1\nLLM_BASE_URL=\n' },
      code: `import OpenAI from 'openai';
import { z } from 'zod';
const plain = new OpenAI();
const schema = z.object({ baseURL: z.string().url().default('https://api.openai.com/v1') });
export function endpoint(input: unknown) {
  const { baseURL } = schema.parse(input);
  const routed = new OpenAI({ baseURL });
  return routed.chat.completions.create({ model: 'moonshotai/Kimi-K2.6', messages: [] });
}
const elsewhere = new OpenAI({ baseURL: 'https://llm.internal.example.com/v1' });
const own = new OpenAI({ baseURL: process.env.LLM_BASE_URL });
plain.chat.completions.create({ model: 'zai-org/GLM-4.6', messages: [] });
elsewhere.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
own.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });`,
      calls: [
        { line: 8, provider: 'huggingface', model: 'moonshotai/Kimi-K2.6' },
        { line: 12, provider: 'huggingface', model: 'zai-org/GLM-4.6' },
        { line: 13, provider: 'openai', model: 'gpt-4o-mini' },
        { line: 14, provider: 'openai', model: 'gpt-4o-mini' },
      ],
    },
    {
      name: "baseURL from a setting whose only value is a commented-out example on the team's own machine (Foundry Local, a NIM container, one example per local server, a URL object made from it): that server; a gateway's name (LiteLLM), a local proxy (Privatemode) and an example of a hosted URL are not taken",
      files: { '.env.example': "# FOUNDRY_BASE_PATH='http://127.0.0.1:55776'\n# NVIDIA_NIM_LLM_BASE_PATH='http://127.0.0.1:8000'\n# LITE_LLM_BASE_PATH='http://127.0.0.1:4000'\n# GENERIC_OPEN_AI_BASE_PATH='http://proxy.url.openai.com/v1'\n# PRIVATEMODE_LLM_BASE_PATH='http://127.0.0.1:8080'\n# EMBEDDING_BASE_PATH='http://localhost:8080/v1'\n# EMBEDDING_BASE_PATH='http://127.0.0.1:11434'\n# TTS_KOKORO_ENDPOINT='http://localhost:8880/v1'\n" },
      code: `import OpenAI from 'openai';
const parse = (url?: string) => (url ? new URL(url).origin + '/v1' : '');
const foundry = new OpenAI({ baseURL: parse(process.env.FOUNDRY_BASE_PATH) });
const nim = new OpenAI({ baseURL: process.env.NVIDIA_NIM_LLM_BASE_PATH });
const proxy = new OpenAI({ baseURL: process.env.LITE_LLM_BASE_PATH });
const generic = new OpenAI({ baseURL: process.env.GENERIC_OPEN_AI_BASE_PATH });
const privatemode = new OpenAI({ baseURL: process.env.PRIVATEMODE_LLM_BASE_PATH });
foundry.chat.completions.create({ model: 'phi-3.5-mini', messages: [] });
nim.chat.completions.create({ model: 'meta/llama-3.2-3b-instruct', messages: [] });
proxy.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
generic.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
privatemode.chat.completions.create({ model: 'gemma-3-27b', messages: [] });
const embedder = new OpenAI({ baseURL: process.env.EMBEDDING_BASE_PATH });
embedder.embeddings.create({ model: 'nomic-embed-text', input: 'x' });
const endpoint = new URL(process.env.TTS_KOKORO_ENDPOINT as string);
const kokoro = new OpenAI({ baseURL: endpoint.toString() });
kokoro.audio.speech.create({ model: 'kokoro', voice: 'af_bella', input: 'x' });`,
      calls: [
        { line: 8, provider: 'self-hosted' },
        { line: 9, provider: 'self-hosted' },
        { line: 10, provider: 'litellm' },
        { line: 11, provider: 'openai' },
        { line: 12, provider: 'openai' },
        { line: 14, provider: 'self-hosted' },
        { line: 17, provider: 'self-hosted' },
      ],
    },
    {
      name: 'baseURL only in a setting whose name says which server (LM Studio, LiteLLM, text-generation-webui, oMLX); a neutral name stays OpenAI',
      code: `import OpenAI from 'openai';
const parse = (url?: string) => url ?? '';
const lmstudio = new OpenAI({ baseURL: parse(process.env.LMSTUDIO_BASE_PATH) });
const proxy = new OpenAI({ baseURL: process.env.LITE_LLM_BASE_PATH });
const webui = new OpenAI({ baseURL: process.env.TEXT_GEN_WEB_UI_BASE_PATH });
const neutral = new OpenAI({ baseURL: process.env.LLM_BASE_URL });
const mlx = new OpenAI({ baseURL: parse(process.env.OMLX_LLM_BASE_PATH) });
lmstudio.chat.completions.create({ model: 'qwen2.5-7b-instruct', messages: [] });
proxy.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
webui.chat.completions.create({ model: 'llama-3.1-8b', messages: [] });
neutral.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
mlx.chat.completions.create({ model: 'mlx-community/Qwen3-8B-4bit', messages: [] });`,
      calls: [
        { line: 8, provider: 'lmstudio', model: 'qwen2.5-7b-instruct' },
        { line: 9, provider: 'litellm', model: 'gpt-4o-mini' },
        { line: 10, provider: 'self-hosted', model: 'llama-3.1-8b' },
        { line: 11, provider: 'openai', model: 'gpt-4o-mini' },
        { line: 12, provider: 'self-hosted', model: 'mlx-community/Qwen3-8B-4bit' },
      ],
    },
    {
      name: 'baseURL from a field the constructor fills from a setting whose name says which server (koboldcpp, LiteLLM)',
      code: `const { OpenAI: OpenAIApi } = require('openai');
class KoboldLLM {
  constructor() {
    this.basePath = process.env.KOBOLD_CPP_BASE_PATH;
    this.openai = new OpenAIApi({ baseURL: this.basePath, apiKey: null });
  }
  chat(messages) { return this.openai.chat.completions.create({ model: 'koboldcpp/llama-3.1-8b', messages }); }
}
class LiteLLM {
  constructor() {
    this.basePath = process.env.LITE_LLM_BASE_PATH;
    this.openai = new OpenAIApi({ baseURL: this.basePath });
  }
  chat(messages) { return this.openai.chat.completions.create({ model: 'gpt-4o-mini', messages }); }
}
module.exports = { KoboldLLM, LiteLLM };`,
      calls: [
        { line: 7, provider: 'self-hosted' },
        { line: 14, provider: 'litellm', model: 'gpt-4o-mini' },
      ],
    },
    {
      name: 'AzureOpenAI with the deployment in the client options',
      code: `import { AzureOpenAI } from 'openai';\nconst azure = new AzureOpenAI({ deployment: 'gpt-4o', apiVersion: '2024-10-21' });\nazure.chat.completions.create({ messages: [{ role: 'user', content: 'hi' }] });`,
      calls: [{ line: 3, provider: 'azure-openai', model: 'gpt-4o' }],
    },
    {
      name: 'client in a class field; env var with a default model',
      code: `import OpenAI from 'openai';
export class Summarizer {
  private client = new OpenAI();
  async summarize(article: string) {
    return this.client.chat.completions.create({ model: process.env.MODEL ?? 'gpt-4.1-mini', stream: true, messages: [{ role: 'user', content: \`Summarize: \${article}\` }] });
  }
}`,
      calls: [{ line: 5, provider: 'openai', model: 'gpt-4.1-mini', modelSource: 'env-default', features: { streaming: true }, promptIncludes: ['Summarize: {{article}}'] }],
    },
    {
      name: 'CommonJS modules: destructured require of module.exports and exports.x (shared resolve)',
      files: { 'src/llm.js': `const OpenAI = require('openai');\nconst client = new OpenAI();\nmodule.exports = { client, MODEL: 'gpt-4.1' };\nexports.fast = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });\n` },
      code: `const { client, MODEL, fast } = require('./llm');\nclient.chat.completions.create({ model: MODEL, messages: [] });\nfast.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [] });`,
      calls: [
        { line: 2, provider: 'openai', model: 'gpt-4.1', modelSource: 'import' },
        { line: 3, provider: 'groq', model: 'llama-3.1-8b-instant' },
      ],
    },
    {
      name: 'a default-exported client and a default-exported config object (shared resolve)',
      files: { 'src/openai.ts': `import OpenAI from 'openai';\nexport default new OpenAI({ baseURL: 'https://api.together.xyz/v1' });\n`, 'src/config.ts': `export default { model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo' };\n` },
      code: `import llm from './openai';\nimport config from './config';\nllm.chat.completions.create({ model: config.model, messages: [] });`,
      calls: [{ line: 3, provider: 'together', model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', modelSource: 'import' }],
    },
    {
      name: 'request defaults spread into the call (shared getObjectProperty)',
      code: `import OpenAI from 'openai';\nconst openai = new OpenAI();\nconst defaults = { model: 'gpt-4o-mini', max_tokens: 300 };\nopenai.chat.completions.create({ ...defaults, max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });`,
      calls: [{ line: 4, model: 'gpt-4o-mini', maxOutputTokens: 100 }],
    },
    {
      name: 'namespace imports of a workspace module and of the package (shared resolve)',
      files: { 'src/llm.ts': `import * as sdk from 'openai';\nexport const client = new sdk.OpenAI({ baseURL: 'https://api.deepseek.com' });\nexport const MODELS = { chat: 'deepseek-chat' };\nexport const REASONER = 'deepseek-reasoner';\n` },
      code: `import * as llm from './llm';\nllm.client.chat.completions.create({ model: llm.MODELS.chat, messages: [] });\nllm.client.chat.completions.create({ model: llm.REASONER, messages: [] });`,
      calls: [
        { line: 2, provider: 'deepseek', model: 'deepseek-chat', modelSource: 'import' },
        { line: 3, provider: 'deepseek', model: 'deepseek-reasoner', modelSource: 'import' },
      ],
    },
    {
      name: 'model from an enum member in the same file',
      code: `import OpenAI from 'openai';\nenum Model { Mini = 'gpt-4o-mini' }\nconst openai = new OpenAI();\nopenai.chat.completions.create({ model: Model.Mini, messages: [] });`,
      calls: [{ line: 4, model: 'gpt-4o-mini', modelSource: 'constant' }],
    },
    {
      name: 'CommonJS require and a factory function',
      code: `const OpenAI = require('openai');
function makeClient() { return new OpenAI(); }
const llm = makeClient();
llm.embeddings.create({ model: 'text-embedding-3-small', input: 'doc' });`,
      calls: [{ line: 4, method: 'embeddings.create', endpoint: 'embedding', model: 'text-embedding-3-small' }],
    },
    {
      name: 'dynamic import, tools, structured output and an image part',
      code: `const { default: OpenAI } = await import('openai');
const ai = new OpenAI();
await ai.chat.completions.create({
  model: 'gpt-4o',
  tools: [{ type: 'function', function: { name: 'lookupOrder', parameters: {} } }],
  response_format: { type: 'json_schema', json_schema: { name: 'Order', schema: {} } },
  messages: [{ role: 'user', content: [{ type: 'text', text: 'What is in this photo?' }, { type: 'image_url', image_url: { url } }] }],
});`,
      calls: [{ line: 3, model: 'gpt-4o', features: { tools: true, structuredOutput: true, vision: true }, toolNames: ['lookupOrder'], promptIncludes: ['What is in this photo?'] }],
    },
    {
      name: "a base class only its subclasses hand a base URL and a model (through super()): its own instances use the SDK's host and the class's fallback model",
      files: { 'src/together.ts': `import { OpenAIEmbedder } from './case';\nexport class TogetherEmbedder extends OpenAIEmbedder {\n  constructor(config: { apiKey?: string; model?: string }) {\n    super({ ...config, baseURL: 'https://api.together.ai/v1', model: config.model || 'intfloat/multilingual-e5-large-instruct' });\n  }\n}\n` },
      code: `import OpenAI from 'openai';
export class OpenAIEmbedder {
  private client: OpenAI;
  private model: string;
  constructor(config: { apiKey?: string; baseURL?: string; model?: string }) {
    this.client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL });
    this.model = config.model || 'text-embedding-3-small';
  }
  embed(text: string) { return this.client.embeddings.create({ model: this.model, input: text }); }
}`,
      calls: [{ line: 9, method: 'embeddings.create', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' }],
    },
    {
      name: "the same when the base reads its base URL from either of two options (`config.baseURL || config.url`) and the subclass's URL is a constant with an env override (mem0's embedders)",
      files: { 'src/together.ts': `import { OpenAIEmbedder } from './case';\nconst DEFAULT_BASE_URL = 'https://api.together.ai/v1';\nexport class TogetherEmbedder extends OpenAIEmbedder {\n  constructor(config: { apiKey?: string; baseURL?: string; url?: string; model?: string }) {\n    super({ ...config, baseURL: config.baseURL || config.url || process.env.TOGETHER_API_BASE || DEFAULT_BASE_URL, model: config.model || 'intfloat/multilingual-e5-large-instruct' });\n  }\n}\n` },
      code: `import OpenAI from 'openai';
export class OpenAIEmbedder {
  private openai: OpenAI;
  private model: string;
  constructor(config: { apiKey?: string; baseURL?: string; url?: string; model?: string }) {
    this.openai = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL || config.url });
    this.model = config.model || 'text-embedding-3-small';
  }
  embed(text: string) { return this.openai.embeddings.create({ model: this.model, input: text }); }
}`,
      calls: [{ line: 9, method: 'embeddings.create', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' }],
    },
    {
      name: 'tools the provider runs, written as their type only, are named by it',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
await openai.responses.create({
  model: 'gpt-4o-mini',
  tools: [{ type: 'file_search', vector_store_ids: [process.env.VECTOR_STORE_ID] }],
  input: 'What does the contract say about renewal?',
});`,
      calls: [{ line: 3, model: 'gpt-4o-mini', features: { tools: true }, toolNames: ['file_search'] }],
    },
    {
      name: 'responses API with instructions and a dynamic model',
      code: `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport function ask(model: string, question: string) {\n  return client.responses.create({ model, instructions: 'Answer briefly.', input: question });\n}`,
      calls: [{ line: 4, method: 'responses.create', model: null, modelSource: 'dynamic', promptIncludes: ['Answer briefly.', '{{question}}'] }],
    },
    {
      name: 'messages spread from history and an untraced client matched by shape',
      code: `export async function reply(deps: any, history: any[], question: string) {\n  return deps.openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'You are a helpful assistant.' }, ...history, { role: 'user', content: question }] });\n}`,
      calls: [{ line: 2, provider: 'openai', model: 'gpt-4o-mini', holeKinds: ['history', 'interpolation'] }],
    },
    {
      name: 'a barrel that imports a client and exports it again, under another name (shared resolve)',
      files: {
        'src/llm/client.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });\nexport const MODEL = 'llama-3.3-70b-versatile';\n`,
        'src/llm/index.ts': `import { openai, MODEL } from './client';\nexport { openai as llm, MODEL };\n`,
      },
      code: `import { llm, MODEL } from './llm';\nllm.chat.completions.create({ model: MODEL, messages: [] });`,
      calls: [{ line: 2, provider: 'groq', model: 'llama-3.3-70b-versatile', modelSource: 'import' }],
    },
    {
      name: 'a namespace re-export: export * as clients from (shared resolve)',
      files: {
        'src/llm/client.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI();\nexport const MODELS = { image: 'gpt-image-1' };\n`,
        'src/llm/index.ts': `export * as clients from './client';\n`,
      },
      code: `import { clients } from './llm';\nclients.openai.images.generate({ model: clients.MODELS.image, prompt: 'a logo' });`,
      calls: [{ line: 2, method: 'images.generate', provider: 'openai', model: 'gpt-image-1', modelSource: 'import' }],
    },
    {
      name: 'an image edit takes the image it edits as input (a model must read images); a generation from a prompt does not',
      code: `import OpenAI, { toFile } from 'openai';
const openai = new OpenAI();
export async function restyle(png: Buffer) {
  await openai.images.generate({ model: 'gpt-image-1', prompt: 'a watercolor logo' });
  return openai.images.edit({ model: 'gpt-image-1', image: await toFile(png, 'logo.png'), prompt: 'make it a watercolor' });
}`,
      calls: [
        { line: 4, method: 'images.generate', endpoint: 'image-generation', features: { vision: false } },
        { line: 5, method: 'images.edit', endpoint: 'image-generation', features: { vision: true } },
      ],
    },
    {
      name: 'the SDK class re-exported by a workspace module (shared resolve)',
      files: { 'src/sdk.ts': `export { AzureOpenAI as Client } from 'openai';\nexport { default } from 'openai';\n` },
      code: `import OpenAI, { Client } from './sdk';\nconst azure = new Client({ deployment: 'gpt-4o', apiVersion: '2024-10-21' });\nazure.chat.completions.create({ messages: [] });\nnew OpenAI().embeddings.create({ model: 'text-embedding-3-small', input: 'x' });`,
      calls: [
        { line: 3, provider: 'azure-openai', model: 'gpt-4o' },
        { line: 4, provider: 'openai', model: 'text-embedding-3-small' },
      ],
    },
    {
      name: 'barrels that re-export each other end, and still find the client (shared resolve)',
      files: {
        'src/a.ts': `export * from './b';\nexport * from './c';\nexport * from './llm';\n`,
        'src/b.ts': `export * from './a';\nexport * from './c';\n`,
        'src/c.ts': `export * from './a';\nexport * from './b';\n`,
        'src/llm.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`,
      },
      code: `import { openai, missing } from './b';\nopenai.images.generate({ model: 'dall-e-3', prompt: 'a cat' });\nmissing.images.generate({ model: 'dall-e-3', prompt: 'a dog' });`,
      calls: [{ line: 2, provider: 'openai', model: 'dall-e-3' }],
    },
    {
      name: 'CommonJS barrels: module.exports = require(...), a spread of require(...), and a required module used as a namespace (shared resolve)',
      files: {
        'src/llm/client.js': `const OpenAI = require('openai');\nexports.openai = new OpenAI({ baseURL: 'https://api.together.xyz/v1' });\n`,
        'src/llm/index.js': `module.exports = require('./client');\n`,
        'src/llm/all.js': `module.exports = { ...require('./client'), version: 2 };\n`,
      },
      code: `const { openai } = require('./llm');\nconst { openai: viaSpread } = require('./llm/all');\nconst llm = require('./llm/client');\nopenai.images.generate({ model: 'black-forest-labs/FLUX.1-schnell', prompt: 'a' });\nviaSpread.images.generate({ model: 'black-forest-labs/FLUX.1-dev', prompt: 'b' });\nllm.openai.images.generate({ model: 'black-forest-labs/FLUX.1-pro', prompt: 'c' });`,
      calls: [
        { line: 4, provider: 'together', model: 'black-forest-labs/FLUX.1-schnell' },
        { line: 5, provider: 'together', model: 'black-forest-labs/FLUX.1-dev' },
        { line: 6, provider: 'together', model: 'black-forest-labs/FLUX.1-pro' },
      ],
    },
    {
      name: 'a workspace module loaded with await import(): destructured, as a namespace, and its default (shared resolve)',
      files: { 'src/llm.ts': `import OpenAI from 'openai';\nexport const client = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });\nexport default client;\n` },
      code: `export async function run() {\n  const { client } = await import('./llm');\n  const llm = await import('./llm');\n  const { default: fallback } = await import('./llm');\n  await client.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [] });\n  await llm.client.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [] });\n  return fallback.chat.completions.create({ model: 'gemma2-9b-it', messages: [] });\n}`,
      calls: [
        { line: 5, provider: 'groq', model: 'llama-3.1-8b-instant' },
        { line: 6, provider: 'groq', model: 'llama-3.3-70b-versatile' },
        { line: 7, provider: 'groq', model: 'gemma2-9b-it' },
      ],
    },
    {
      name: 'messages built up with push in the same function; pushes after the request are later turns (shared prompt)',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function answer(question: string, history: any[], brief: boolean) {
  const messages: any[] = [];
  messages.push({ role: 'system', content: 'You answer questions about invoices.' });
  if (brief) messages.push({ role: 'system', content: 'Be brief.' });
  messages.push(...history, { role: 'user', content: question });
  return openai.chat.completions.create({ model: 'gpt-4o', messages });
}
export async function chat(turn: string) {
  const messages = [{ role: 'system', content: 'You are a pirate.' }];
  const reply = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages });
  messages.push({ role: 'user', content: turn });
  return reply;
}`,
      calls: [
        { line: 8, model: 'gpt-4o', promptIncludes: ['You answer questions about invoices.', 'Be brief.', '{{question}}'], holeKinds: ['history', 'interpolation'] },
        { line: 12, model: 'gpt-4o-mini', promptIncludes: ['You are a pirate.'], holeKinds: ['history'] },
      ],
    },
    {
      name: 'a client held in a field of a workspace class, used from outside it: new X().client, an instance, an injected service (shared clients)',
      files: { 'src/llm.ts': `import OpenAI from 'openai';\nexport class LlmService {\n  readonly client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\n}\n` },
      code: `import { LlmService } from './llm';
const service = new LlmService();
export const a = () => new LlmService().client.chat.completions.create({ model: 'deepseek-chat', messages: [] });
export const b = () => service.client.chat.completions.create({ model: 'deepseek-reasoner', messages: [] });
export class Reports {
  constructor(private readonly llm: LlmService) {}
  summarize() { return this.llm.client.chat.completions.create({ model: 'deepseek-chat', messages: [] }); }
}
export const c = (injected: LlmService) => injected.client.chat.completions.create({ model: 'deepseek-chat', messages: [] });`,
      calls: [
        { line: 3, provider: 'deepseek', model: 'deepseek-chat' },
        { line: 4, provider: 'deepseek', model: 'deepseek-reasoner' },
        { line: 7, provider: 'deepseek', model: 'deepseek-chat' },
        { line: 9, provider: 'deepseek', model: 'deepseek-chat' },
      ],
    },
    {
      name: 'SDK imported through a subpath: openai/index, openai/index.mjs and a require of openai/index.js',
      code: `import { OpenAI } from 'openai/index';
import AzureOpenAIDefault, { AzureOpenAI } from 'openai/index.mjs';
const { OpenAI: Required } = require('openai/index.js');
new OpenAI().chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
new AzureOpenAI({ deployment: 'gpt-4o' }).chat.completions.create({ messages: [] });
new Required({ baseURL: 'https://api.groq.com/openai/v1' }).embeddings.create({ model: 'nomic-embed-text', input: 'x' });`,
      calls: [
        { line: 4, provider: 'openai', model: 'gpt-4o-mini' },
        { line: 5, provider: 'azure-openai', model: 'gpt-4o' },
        { line: 6, provider: 'groq', endpoint: 'embedding', model: 'nomic-embed-text' },
      ],
    },
    {
      name: "a GitHub Action's model input (`core.getInput('OPENAI_API_MODEL')`): its default in action.yml, unless the workflow sets it; an input with no model default says nothing",
      files: {
        'action.yml': `name: "AI Code Review"\ninputs:\n  OPENAI_API_KEY:\n    required: true\n  OPENAI_API_MODEL:\n    description: "OpenAI API model."\n    required: false\n    default: "gpt-4"\n  LANGUAGE:\n    default: "en"\nruns:\n  using: "node20"\n  main: "dist/index.js"\n`,
      },
      code: `import * as core from '@actions/core';
import { getInput } from '@actions/core';
import OpenAI from 'openai';
const openai = new OpenAI({ apiKey: core.getInput('OPENAI_API_KEY') });
export const review = (diff: string) => openai.chat.completions.create({ model: core.getInput('OPENAI_API_MODEL'), messages: [{ role: 'user', content: diff }] });
export const translate = (text: string) => openai.chat.completions.create({ model: getInput('LANGUAGE'), messages: [{ role: 'user', content: text }] });`,
      calls: [
        { line: 5, model: 'gpt-4', modelSource: 'config', evidenceIncludes: ['input OPENAI_API_MODEL of the GitHub Action: its default in action.yml:8'] },
        { line: 6, model: null },
      ],
    },
    {
      name: "OpenPipe's drop-in client (`openpipe/openai`): OpenAI's own class, sending the same requests to OpenAI",
      code: `import OpenAI from 'openpipe/openai';
const openai = new OpenAI({ apiKey: 'k', openpipe: { apiKey: 'p' } });
export const next = (prompt: string) => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }], store: true });`,
      calls: [{ line: 3, provider: 'openai', model: 'gpt-4o-mini' }],
    },
    {
      name: "a model read off the user's settings in a store (`useAppState.getState().settings.selectedModel`): the settings slice's initial state gives it (a guess); a generic field of another object is not looked up",
      files: {
        'src/state/settings.ts': `export const createSettingsSlice = (set: (f: unknown) => void) => ({\n  openAIKey: null,\n  selectedModel: 'gpt-3.5-turbo',\n  actions: { update: (values: object) => set(values) },\n});\n`,
      },
      code: `import OpenAI from 'openai';
declare const useAppState: { getState(): { settings: { selectedModel: string }; task: { selectedModel: string } } };
const openai = new OpenAI();
export const next = (prompt: string) => openai.chat.completions.create({ model: useAppState.getState().settings.selectedModel, messages: [{ role: 'user', content: prompt }] });
export const other = (prompt: string) => openai.chat.completions.create({ model: useAppState.getState().task.selectedModel, messages: [{ role: 'user', content: prompt }] });`,
      calls: [
        { line: 4, model: 'gpt-3.5-turbo', modelSource: 'config', evidenceIncludes: ["the app's default settings give it (createSettingsSlice() at src/state/settings.ts:3)"] },
        { line: 5, model: null },
      ],
    },
    {
      name: 'a typed parameter whose type comes from openai/resources and the client from openai/index',
      code: `import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type OpenAI from 'openai/index';
export function ask(client: OpenAI, messages: ChatCompletionMessageParam[]) {
  return client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi' });
}`,
      calls: [{ line: 4, method: 'completions.create', endpoint: 'completion', model: 'gpt-3.5-turbo-instruct' }],
    },
    {
      name: 'a client held by a base class in another module and used by subclasses',
      files: {
        'src/openaiApi.ts': `import OpenAI from 'openai';\nexport class OpenAIApi {\n  protected openai: OpenAI;\n  constructor(apiKey: string) {\n    this.openai = new OpenAI({ apiKey, baseURL: 'https://api.deepseek.com' });\n  }\n}\n`,
      },
      code: `import { OpenAIApi } from './openaiApi';
export class AzureApi extends OpenAIApi {
  complete(prompt: string) {
    return this.openai.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: prompt }] });
  }
}
class Grandchild extends AzureApi {
  embed(text: string) { return this.openai.embeddings.create({ model: 'deepseek-embed', input: text }); }
}`,
      calls: [
        { line: 4, provider: 'deepseek', model: 'deepseek-chat', promptIncludes: ['{{prompt}}'] },
        { line: 8, provider: 'deepseek', endpoint: 'embedding', model: 'deepseek-embed' },
      ],
    },
    {
      name: 'a class extending the SDK client calls its own methods on this',
      code: `import OpenAI from 'openai';
export class Assistant extends OpenAI {
  summarize(text: string) { return this.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: text }] }); }
  speak(text: string) { return this.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: text }); }
}`,
      calls: [
        { line: 3, provider: 'openai', model: 'gpt-4.1-mini' },
        { line: 4, method: 'audio.speech.create', endpoint: 'audio-speech', model: 'tts-1' },
      ],
    },
    {
      name: "an instance of the app's subclass of the SDK client (`new NoStainlessOpenAI({ baseURL })`, overriding how requests are built) is the SDK's client, at the base it is given",
      files: { 'src/NoStainlessOpenAI.ts': `import OpenAI from 'openai';\nexport class NoStainlessOpenAI extends OpenAI {\n  override buildRequest(...args: Parameters<OpenAI['buildRequest']>) { return super.buildRequest(...args); }\n}\n` },
      code: `import { NoStainlessOpenAI } from './NoStainlessOpenAI';
export class OllamaProvider {
  private client = new NoStainlessOpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: 'ollama', dangerouslyAllowBrowser: true });
  async getEmbedding(model: string, text: string) {
    const embedding = await this.client.embeddings.create({ model, input: text, encoding_format: 'float' });
    return embedding.data[0].embedding;
  }
}`,
      calls: [{ line: 5, method: 'embeddings.create', provider: 'ollama', endpoint: 'embedding' }],
    },
    {
      name: 'a client passed in through a constructor, a setter method and a set accessor',
      code: `import OpenAI from 'openai';
export class Translator {
  private client: OpenAI | undefined;
  private backup?: OpenAI;
  constructor(client: OpenAI) { this.client = client; }
  setBackup(backup: OpenAI) { this.backup = backup; }
  set fallback(value: OpenAI) { this.backup = value; }
  translate(text: string) {
    this.backup!.images.generate({ model: 'gpt-image-1', prompt: text });
    return this.client!.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Translate: \${text}\` }] });
  }
}`,
      calls: [
        { line: 9, method: 'images.generate', model: 'gpt-image-1' },
        { line: 10, model: 'gpt-4o', promptIncludes: ['Translate: {{text}}'] },
      ],
    },
    {
      name: 'audio, images and beta parse',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
openai.audio.transcriptions.create({ model: 'whisper-1', file });
openai.images.generate({ model: 'dall-e-3', prompt: 'a cat' });
openai.beta.chat.completions.parse({ model: 'gpt-4o-2024-08-06', messages: [], response_format: zodResponseFormat(Event, 'event') });`,
      calls: [
        { line: 3, method: 'audio.transcriptions.create', endpoint: 'audio-transcription', model: 'whisper-1' },
        { line: 4, method: 'images.generate', endpoint: 'image-generation', model: 'dall-e-3' },
        { line: 5, method: 'beta.chat.completions.parse', model: 'gpt-4o-2024-08-06', features: { structuredOutput: true } },
      ],
    },
    {
      name: 'chat completions asking for image or audio output through modalities',
      code: `import OpenAI from 'openai';
const openai = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });
const SPOKEN = ['text', 'audio'];
export async function draw(prompt: string) {
  return openai.chat.completions.create({ model: 'google/gemini-2.5-flash-image', messages: [{ role: 'user', content: prompt }], modalities: ['image', 'text'] });
}
export async function speak(question: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-audio-preview', messages: [{ role: 'user', content: question }], modalities: SPOKEN, audio: { voice: 'alloy', format: 'wav' } });
}
export async function answer(question: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }], modalities: ['text'] });
}`,
      calls: [
        { line: 5, endpoint: 'chat', outputModalities: ['image'] },
        { line: 8, endpoint: 'chat', outputModalities: ['audio'] },
        { line: 11, endpoint: 'chat', outputModalities: [] },
      ],
    },
  ],
});
