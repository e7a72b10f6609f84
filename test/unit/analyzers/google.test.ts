import { googleAnalyzer } from '../../../src/analyzers/google';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('google analyzer', googleAnalyzer, {
  valid: [
    {
      name: "Firebase's other services and a socket's connect() are no requests; making a Firebase AI model sends nothing",
      code: `import { initializeApp } from 'firebase/app';
import { getAI, getGenerativeModel } from 'firebase/ai';
import { io } from 'socket.io-client';
const app = initializeApp({ projectId: 'demo' });
export const model = getGenerativeModel(getAI(app), { model: 'gemini-2.5-flash' });
export const socket = io('https://example.com');
socket.connect();`,
    },
    {
      name: "an app's own generator class handed something that is not a client",
      code: `import type { GenerateContentParameters } from '@google/genai';
import type { ContentGenerator } from './types';
export class RecordingGenerator {
  constructor(private readonly wrapped: ContentGenerator) {}
  run(request: GenerateContentParameters) { return this.wrapped.generateContent(request); }
}
export const recorder = new RecordingGenerator({ generateContent: async () => ({ text: 'canned' }) });`,
      files: { 'src/types.ts': `export interface ContentGenerator { generateContent(request: unknown): Promise<unknown> }` },
    },
    { name: 'a subpath import: listing models and uploading files send no prompt', code: `import { GoogleGenAI } from '@google/genai/node';\nconst ai = new GoogleGenAI({});\nawait ai.models.list();\nawait ai.files.upload({ file: 'a.pdf' });\nfunction generateContent(x: string) { return x; }\ngenerateContent('local');` },
    { name: 'a comment and a string naming the API', code: `// const result = await model.generateContent('hi');\nexport const snippet = "ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' })";` },
    { name: 'another SDK\'s generateContent-like call', code: `import { VertexAI } from './my-vertex';\nconst model = new VertexAI().getGenerativeModel({ model: 'gemini-1.5-pro' });\nmodel.generateContent('hi');`, files: { 'src/my-vertex.ts': `export class VertexAI { getGenerativeModel(o: object) { return { generateContent: (s: string) => [o, s] }; } }\n` } },
    { name: 'getGenerativeModel alone builds an object and sends nothing', code: `import { GoogleGenerativeAI } from '@google/generative-ai';\nconst genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);\nexport const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });` },
    { name: 'countTokens is free', code: `import { GoogleGenerativeAI } from '@google/generative-ai';\nconst model = new GoogleGenerativeAI('k').getGenerativeModel({ model: 'gemini-1.5-pro' });\nawait model.countTokens('hello');` },
    { name: 'a generateContent method of an app object', code: `class ReportBuilder { generateContent(x: string) { return x; } }\nconst builder = new ReportBuilder();\nbuilder.generateContent('quarterly');\nexport function send(socket: any) { socket.sendMessage('hi'); }` },
    { name: 'sendMessage on a chat SDK that is not Google', code: `import { WebClient } from '@slack/web-api';\nconst slack = new WebClient(token);\nconst chat = slack.chat;\nchat.sendMessage({ channel: 'c', text: 'hi' });` },
    { name: 'ai.models.list and an untraced generateContent without model', code: `import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({});\nawait ai.models.list();\nexport const f = (svc: any) => svc.models.generateContent({ id: 3 });` },
    {
      name: "Vertex's prediction client: a deployed endpoint runs the team's own model, and resolving the project is no prediction",
      code: `import { PredictionServiceClient, helpers } from '@google-cloud/aiplatform';
const client = new PredictionServiceClient({ apiEndpoint: 'us-central1-aiplatform.googleapis.com' });
export async function score(features: Record<string, number>) {
  const projectId = await client.getProjectId();
  const [response] = await client.predict({ endpoint: \`projects/\${projectId}/locations/us-central1/endpoints/1234567890\`, instances: [helpers.toValue(features) as any] });
  return response.predictions;
}`,
    },
  ],
  invalid: [
    {
      name: "Firebase AI Logic: a model from getGenerativeModel on Vertex AI's service, imported by the app's other module and streamed; a Live API session from getLiveGenerativeModel on the Gemini Developer API",
      files: {
        'src/firebase.ts': `import { initializeApp } from 'firebase/app';
import { getGenerativeModel, getVertexAI } from '@firebase/vertexai';
const app = initializeApp({ projectId: 'demo' });
const vertexAI = getVertexAI(app, { location: 'global' });
export const simplemodel = getGenerativeModel(vertexAI, { model: 'gemini-2.5-flash-lite', generationConfig: { responseMimeType: 'application/json' } });
`,
      },
      code: `import { getAI, getLiveGenerativeModel } from 'firebase/ai';
import { initializeApp } from 'firebase/app';
import { simplemodel } from './firebase';
export async function grade(answer: string) {
  const resp = await simplemodel.generateContentStream({ contents: [{ role: 'user', parts: [{ text: \`Grade this Spanish answer: \${answer}\` }] }] });
  return resp.response;
}
export async function talk() {
  const ai = getAI(initializeApp({ projectId: 'demo' }));
  const live = getLiveGenerativeModel(ai, { model: 'gemini-live-2.5-flash-preview' });
  return live.connect();
}`,
      calls: [
        { line: 5, provider: 'google-vertex', endpoint: 'chat', model: 'gemini-2.5-flash-lite', features: { streaming: true, structuredOutput: true }, promptIncludes: ['Grade this Spanish answer'] },
        { line: 11, provider: 'google', endpoint: 'chat', model: 'gemini-live-2.5-flash-preview', features: { streaming: true }, evidenceIncludes: ['Gemini Developer API'] },
      ],
    },
    {
      name: "a model a class's own method makes (`this.getModel(type)` inside the class, `aiService.getModel(type)` on an instance made with `new`), cast to any before the call",
      files: {
        'src/ai-service.ts': `import { GoogleGenerativeAI } from '@google/generative-ai';
const genAI = new GoogleGenerativeAI(process.env.GOOGLE_AI_API_KEY!);
export class AIService {
  getModel(modelType: 'basic' | 'pro') {
    const config: any = { model: modelType === 'pro' ? 'gemini-2.5-pro' : 'gemini-2.5-flash' };
    return genAI.getGenerativeModel(config);
  }
  async lyrics(prompt: string) {
    const model = this.getModel('basic');
    return (model as any).generateContentStream(prompt);
  }
}
export const aiService = new AIService();
`,
      },
      code: `import { aiService } from './ai-service';
export async function POST(request: Request) {
  const model = aiService.getModel('pro');
  return model.generateContent(await request.text());
}`,
      calls: [{ line: 4, provider: 'google', method: 'generateContent', model: 'gemini-2.5-flash' }],
    },
    {
      name: "a model a Discord bot's entry point sets on its client object (`client.contextualAI = createContextBasedAI()`), read in a command handed the client",
      files: {
        'src/ai.js': "import { GoogleGenerativeAI } from '@google/generative-ai';\nexport function createContextBasedAI() {\n  return new GoogleGenerativeAI(process.env.KEY).getGenerativeModel({ model: 'gemini-2.0-flash', systemInstruction: 'Reply like a friend.' });\n}\n",
        'src/index.js': "import { Client } from 'discord.js';\nimport { createContextBasedAI } from './ai.js';\nconst client = new Client({});\nclient.contextualAI = createContextBasedAI();\n",
      },
      file: 'src/commands/chat.js',
      code: `export default {
  execute: async (client, message) => {
    const result = await client.contextualAI.generateContent(\`Reply to: \${message.content}\`);
    return result.response.text();
  },
};`,
      calls: [{ line: 3, method: 'generateContent', provider: 'google', model: 'gemini-2.0-flash', evidenceIncludes: ['is set to that model at index.js:4'] }],
    },
    {
      name: "a chat session kept per user in a field's map (`this.chats[user] = this.model.startChat()`) and read back by key",
      code: `import { GoogleGenerativeAI, ChatSession, GenerativeModel } from '@google/generative-ai';
export class Gemini {
  private model: GenerativeModel = new GoogleGenerativeAI('k').getGenerativeModel({ model: 'gemini-2.0-flash' });
  private chats: { [user: string]: ChatSession } = {};
  async reply(user: string, prompt: string) {
    if (!this.chats[user]) this.chats[user] = this.model.startChat();
    const chat = this.chats[user];
    return (await chat.sendMessage(prompt)).response.text();
  }
}`,
      calls: [{ line: 8, method: 'sendMessage', provider: 'google', model: 'gemini-2.0-flash' }],
    },
    {
      name: "a model field declared empty (`private model: GenerativeModel | null = null`) and set in the constructor's branch (free-cluely's LLMHelper)",
      code: `import { GoogleGenerativeAI, GenerativeModel } from '@google/generative-ai';
export class LLMHelper {
  private model: GenerativeModel | null = null;
  private useOllama = false;
  constructor(apiKey?: string, useOllama = false) {
    this.useOllama = useOllama;
    if (!useOllama && apiKey) {
      const genAI = new GoogleGenerativeAI(apiKey);
      this.model = genAI.getGenerativeModel({ model: 'gemini-2.0-flash' });
    }
  }
  async chat(message: string) {
    const result = await this.model!.generateContent(message);
    return result.response.text();
  }
}`,
      calls: [{ line: 13, method: 'generateContent', provider: 'google', model: 'gemini-2.0-flash' }],
    },
    {
      name: "a client and model made only when a key is configured (`key ? new GoogleGenerativeAI(key) : null`, `genAI ? genAI.getGenerativeModel(...) : null`): where it is used, the one made",
      code: `import { GoogleGenerativeAI } from '@google/generative-ai';
const genAI = process.env.GEMINI_API_KEY ? new GoogleGenerativeAI(process.env.GEMINI_API_KEY) : null;
const model = genAI ? genAI.getGenerativeModel({ model: 'gemini-2.5-flash' }) : null;
export async function summarize(text: string) {
  if (!model) throw new Error('Gemini is not configured');
  return model.generateContent({ contents: [{ role: 'user', parts: [{ text: 'Summarize: ' + text }] }] });
}`,
      calls: [{ line: 6, provider: 'google', model: 'gemini-2.5-flash', promptIncludes: ['Summarize: '] }],
    },
    {
      name: "the SDK a page imports from a CDN by URL (`https://esm.run/@google/generative-ai@0.21.0`)",
      code: `import { GoogleGenerativeAI } from 'https://esm.run/@google/generative-ai@0.21.0';
const client = new GoogleGenerativeAI('key');
export const ask = (text: string) => client.getGenerativeModel({ model: 'gemini-2.0-flash' }).generateContent(text);`,
      calls: [{ line: 3, provider: 'google', model: 'gemini-2.0-flash' }],
    },
    {
      name: "Vertex's prediction client loaded on first use: the model spliced into the publisher path a method builds (class default)",
      code: `import type { PredictionServiceClient } from '@google-cloud/aiplatform';
type AIPlatform = typeof import('@google-cloud/aiplatform');
async function loadOptional(pkg: string, load: () => Promise<any>): Promise<any> {
  try { return await load(); } catch { throw new Error(\`npm install \${pkg}\`); }
}
export class VertexEmbeddings {
  private client: PredictionServiceClient | undefined;
  private helpers: AIPlatform['helpers'] | undefined;
  private model: string;
  constructor(private project: string, options: { model?: string }) { this.model = options.model || 'text-embedding-005'; }
  private async connect() {
    const aiplatform: AIPlatform = await loadOptional('@google-cloud/aiplatform', () => import('@google-cloud/aiplatform'));
    const client = new aiplatform.PredictionServiceClient({ apiEndpoint: 'us-central1-aiplatform.googleapis.com' });
    this.client = client;
    this.helpers = aiplatform.helpers;
  }
  private resource(): string {
    return \`projects/\${this.project}/locations/us-central1/publishers/google/models/\${this.model}\`;
  }
  async embed(text: string): Promise<number[]> {
    await this.connect();
    const [response] = await this.client!.predict({
      endpoint: this.resource(),
      instances: [this.helpers!.toValue({ content: text, task_type: 'RETRIEVAL_QUERY' }) as any],
      parameters: this.helpers!.toValue({ outputDimensionality: 256 }) as any,
    });
    return (response.predictions ?? []) as any;
  }
}`,
      calls: [{ line: 22, method: 'predict', provider: 'google-vertex', endpoint: 'embedding', model: 'text-embedding-005', evidenceIncludes: ['the value after models/ in the resource path'] }],
    },
    {
      name: "Vertex's prediction client: Imagen by a literal publisher path, and Gemini by generateContent/streamGenerateContent on the v1 client",
      code: `import * as aiplatform from '@google-cloud/aiplatform';
const predictions = new aiplatform.v1.PredictionServiceClient();
const IMAGEN = 'projects/acme/locations/us-central1/publishers/google/models/imagen-3.0-generate-002';
export async function poster(prompt: string) {
  return predictions.predict({ endpoint: IMAGEN, instances: [aiplatform.helpers.toValue({ prompt }) as any] });
}
export async function summarize(text: string) {
  const model = \`projects/acme/locations/us-central1/publishers/google/models/gemini-2.5-flash\`;
  const [reply] = await predictions.generateContent({ model, contents: [{ role: 'user', parts: [{ text }] }] });
  return predictions.streamGenerateContent({ model, contents: [{ role: 'user', parts: [{ text: 'Shorter: ' + text }] }] });
}`,
      calls: [
        { line: 5, method: 'predict', provider: 'google-vertex', endpoint: 'image-generation', model: 'imagen-3.0-generate-002' },
        { line: 9, method: 'generateContent', provider: 'google-vertex', endpoint: 'chat', model: 'gemini-2.5-flash', promptIncludes: ['{{text}}'] },
        { line: 10, method: 'streamGenerateContent', provider: 'google-vertex', endpoint: 'chat', model: 'gemini-2.5-flash', features: { streaming: true } },
      ],
    },
    {
      name: 'an image model asked for pictures with responseModalities: the output kinds are read (new and old SDK)',
      code: `import { GoogleGenAI } from '@google/genai';
import { GoogleGenerativeAI } from '@google/generative-ai';
const ai = new GoogleGenAI({ vertexai: false });
export const picture = (prompt: string) => ai.models.generateContent({ model: 'gemini-3-pro-image-preview', contents: [prompt], config: { responseModalities: ['TEXT', 'IMAGE'], imageConfig: { aspectRatio: '16:9' } } });
const legacy = new GoogleGenerativeAI('k').getGenerativeModel({ model: 'gemini-2.0-flash-exp', generationConfig: { responseModalities: ['Text', 'Image'] } as any });
export const sketch = (prompt: string) => legacy.generateContent(prompt);
export const answer = (prompt: string) => ai.models.generateContent({ model: 'gemini-2.5-flash', contents: prompt, config: { responseModalities: ['TEXT'] } });`,
      calls: [
        { line: 4, model: 'gemini-3-pro-image-preview', outputModalities: ['image'], evidenceIncludes: ['responseModalities asks for image output'] },
        { line: 6, model: 'gemini-2.0-flash-exp', outputModalities: ['image'] },
        { line: 7, model: 'gemini-2.5-flash', outputModalities: [] },
      ],
    },
    {
      name: '@google/genai imported through @google/genai/node',
      code: `import { GoogleGenAI } from '@google/genai/node';
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
export const tag = (text: string) => ai.models.generateContent({ model: 'gemini-2.5-flash-lite', contents: text });`,
      calls: [{ line: 3, method: 'models.generateContent', provider: 'google', model: 'gemini-2.5-flash-lite', promptIncludes: ['{{text}}'] }],
    },
    {
      name: '@google/generative-ai: system instruction and generation config on the model',
      code: `import { GoogleGenerativeAI } from '@google/generative-ai';
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
const model = genAI.getGenerativeModel({
  model: 'gemini-1.5-flash',
  systemInstruction: 'You translate English to German.',
  generationConfig: { maxOutputTokens: 200, responseMimeType: 'application/json' },
});
export async function translate(text: string) {
  const result = await model.generateContent(\`Translate: \${text}\`);
  return result.response.text();
}`,
      calls: [{ line: 9, column: 24, method: 'generateContent', provider: 'google', endpoint: 'chat', model: 'gemini-1.5-flash', modelSource: 'literal', maxOutputTokens: 200, features: { structuredOutput: true, streaming: false }, promptIncludes: ['You translate English to German.', 'Translate: {{text}}'] }],
    },
    {
      name: 'startChat history then sendMessageStream; model from another module',
      files: { 'src/gemini.ts': `import { GoogleGenerativeAI } from '@google/generative-ai';\nconst client = new GoogleGenerativeAI(process.env.KEY ?? '');\nexport const chatModel = client.getGenerativeModel({ model: 'gemini-2.0-flash' });\n` },
      code: `import { chatModel } from './gemini';
const chat = chatModel.startChat({ history: [{ role: 'user', parts: [{ text: 'Hello' }] }, { role: 'model', parts: [{ text: 'Hi! How can I help?' }] }] });
export async function next(message: string) {
  return chat.sendMessageStream(message);
}`,
      calls: [{ line: 4, method: 'sendMessageStream', provider: 'google', model: 'gemini-2.0-flash', features: { streaming: true }, promptIncludes: ['Hello', 'Hi! How can I help?', '{{message}}'] }],
    },
    {
      name: 'a chat session kept in an object a class field holds (this.conversationContext = { chatSession })',
      code: `import { GoogleGenerativeAI, ChatSession } from '@google/generative-ai';
export class GeminiBot {
  private conversationContext?: { chatSession: ChatSession };
  sdk = new GoogleGenerativeAI(process.env.KEY ?? '');
  async send(prompt: string) {
    if (!this.conversationContext) {
      const chatSession = this.sdk.getGenerativeModel({ model: 'gemini-pro' }).startChat();
      this.conversationContext = { chatSession };
    }
    return this.conversationContext.chatSession.sendMessageStream(prompt);
  }
}`,
      calls: [{ line: 10, method: 'sendMessageStream', provider: 'google', model: 'gemini-pro', features: { streaming: true }, promptIncludes: ['{{prompt}}'] }],
    },
    {
      name: 'request object with inline image data, streaming, and embeddings',
      code: `import { GoogleGenerativeAI } from '@google/generative-ai';
const genAI = new GoogleGenerativeAI(key);
const vision = genAI.getGenerativeModel({ model: 'gemini-1.5-pro' });
await vision.generateContentStream([{ inlineData: { data: base64, mimeType: 'image/jpeg' } }, 'What is in this picture?']);
const embedder = genAI.getGenerativeModel({ model: 'text-embedding-004' });
await embedder.embedContent(chunk);`,
      calls: [
        { line: 4, method: 'generateContentStream', model: 'gemini-1.5-pro', features: { vision: true, streaming: true }, promptIncludes: ['What is in this picture?'] },
        { line: 6, method: 'embedContent', endpoint: 'embedding', model: 'text-embedding-004' },
      ],
    },
    {
      name: 'Vertex AI SDK reports google-vertex; model held in a class field',
      code: `import { VertexAI } from '@google-cloud/vertexai';
export class Summarizer {
  private model = new VertexAI({ project: 'p', location: 'us-central1' }).getGenerativeModel({ model: 'gemini-1.5-flash-002', generationConfig: { maxOutputTokens: 512 } });
  summarize(doc: string) { return this.model.generateContent({ contents: [{ role: 'user', parts: [{ text: 'Summarize:' }, { text: doc }] }] }); }
}`,
      calls: [{ line: 4, provider: 'google-vertex', model: 'gemini-1.5-flash-002', maxOutputTokens: 512, promptIncludes: ['Summarize:', '{{doc}}'] }],
    },
    {
      name: "Vertex AI client made on first use and read back through the app's guard (`ensureInitialized(this.vertexAI, ...)` returning the value it checked)",
      code: `import { VertexAI } from '@google-cloud/vertexai';
import { ensureInitialized } from './validation';
export class VertexProvider {
  private vertexAI?: VertexAI;
  init() { this.vertexAI = new VertexAI({ project: 'p', location: 'us-central1' }); }
  async summarize(text: string) {
    const vertexAI = ensureInitialized(this.vertexAI, 'VertexAIClient');
    const model = vertexAI.getGenerativeModel({ model: 'gemini-1.5-flash-002' });
    return model.generateContent({ contents: [{ role: 'user', parts: [{ text }] }] });
  }
}`,
      files: {
        'src/validation.ts': `export function ensureInitialized<T>(value: T | undefined | null, name: string): T {
  if (value === null || value === undefined) throw new Error(\`'\${name}' has not been initialized.\`);
  return value;
}`,
      },
      calls: [{ line: 9, provider: 'google-vertex', model: 'gemini-1.5-flash-002' }],
    },
    {
      name: '@google/genai: models.generateContent with config, tools and schema',
      code: `import { GoogleGenAI, Type } from '@google/genai';
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
export async function extract(email: string) {
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: \`Extract the order number from: \${email}\`,
    config: {
      systemInstruction: 'Return JSON only.',
      maxOutputTokens: 100,
      responseMimeType: 'application/json',
      responseSchema: { type: Type.OBJECT, properties: { order: { type: Type.STRING } } },
      tools: [{ functionDeclarations: [{ name: 'lookupOrder', parameters: {} }] }],
    },
  });
  return response.text;
}`,
      calls: [{ line: 4, method: 'models.generateContent', provider: 'google', model: 'gemini-2.5-flash', maxOutputTokens: 100, features: { structuredOutput: true, tools: true }, toolNames: ['lookupOrder'], promptIncludes: ['Return JSON only.', 'Extract the order number from: {{email}}'] }],
    },
    {
      name: '@google/genai on Vertex, streaming, embeddings, images and chats',
      code: `import { GoogleGenAI } from '@google/genai';
const ai = new GoogleGenAI({ vertexai: true, project: 'p', location: 'us-central1' });
await ai.models.generateContentStream({ model: 'gemini-2.0-flash-001', contents: [{ role: 'user', parts: [{ text: 'Write a haiku' }] }] });
await ai.models.embedContent({ model: 'gemini-embedding-001', contents: texts });
await ai.models.generateImages({ model: 'imagen-3.0-generate-002', prompt: 'A robot holding a red skateboard' });
const chat = ai.chats.create({ model: 'gemini-2.5-flash', config: { systemInstruction: 'Be brief.' } });
await chat.sendMessage({ message: 'How many paws are in my house?' });`,
      calls: [
        { line: 3, method: 'models.generateContentStream', provider: 'google-vertex', model: 'gemini-2.0-flash-001', features: { streaming: true }, promptIncludes: ['Write a haiku'] },
        { line: 4, method: 'models.embedContent', endpoint: 'embedding', model: 'gemini-embedding-001' },
        { line: 5, method: 'models.generateImages', endpoint: 'image-generation', model: 'imagen-3.0-generate-002', promptIncludes: ['red skateboard'] },
        { line: 7, method: 'sendMessage', provider: 'google-vertex', model: 'gemini-2.5-flash', promptIncludes: ['Be brief.', 'How many paws'] },
      ],
    },
    {
      name: "a Gemini Batch API job (`ai.batches.create`): a batch request with the first inlined request's contents; polling the job and reading its results are not requests",
      code: `import { GoogleGenAI } from '@google/genai';
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
export async function precisAll(emails: string[]) {
  const job = await ai.batches.create({ model: 'gemini-2.0-flash', src: [{ contents: [{ parts: [{ text: 'Summarize this email' }] }] }], config: { displayName: 'emails' } });
  const status = await ai.batches.get({ name: job.name! });
  const requests = emails.map((email) => ({ contents: [{ parts: [{ text: email }] }] }));
  await ai.batches.create({ model: 'gemini-2.0-flash', src: requests });
  return status;
}`,
      calls: [
        { line: 4, method: 'batches.create', endpoint: 'batch', provider: 'google', model: 'gemini-2.0-flash', promptIncludes: ['Summarize this email'] },
        { line: 7, method: 'batches.create', endpoint: 'batch', model: 'gemini-2.0-flash', promptIncludes: ['{{emails.map('] },
      ],
    },
    {
      name: 'image parts spread into the request by name (shared content parts)',
      code: `import { GoogleGenerativeAI } from '@google/generative-ai';\nconst model = new GoogleGenerativeAI(key).getGenerativeModel({ model: 'gemini-1.5-flash' });\nexport async function caption(files: string[]) {\n  const imageParts = await Promise.all(files.map(fileToGenerativePart));\n  return model.generateContent(['Write a caption for these photos', ...imageParts]);\n}`,
      calls: [{ line: 5, features: { vision: true }, promptIncludes: ['Write a caption for these photos'] }],
    },
    {
      name: 'a Live API session is a streaming chat',
      code: `import { GoogleGenAI, Modality } from '@google/genai';\nconst ai = new GoogleGenAI({});\nconst session = await ai.live.connect({ model: 'gemini-live-2.5-flash-preview', config: { responseModalities: [Modality.AUDIO], systemInstruction: 'You are a voice tutor.' }, callbacks: {} });`,
      calls: [{ line: 3, method: 'live.connect', model: 'gemini-live-2.5-flash-preview', features: { streaming: true }, promptIncludes: ['You are a voice tutor.'] }],
    },
    {
      name: 'a Lyria RealTime session (`live.music.connect`) streams generated music',
      code: `import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY, apiVersion: 'v1alpha' });\nexport const jam = () => ai.live.music.connect({ model: 'lyria-realtime-exp', callbacks: { onmessage: () => undefined } });`,
      calls: [{ line: 3, method: 'live.music.connect', endpoint: 'other', model: 'lyria-realtime-exp', features: { streaming: true } }],
    },
    {
      name: 'a parameter typed GenerativeModel; an untraced genai client matched by shape',
      code: `import type { GenerativeModel } from '@google/generative-ai';
export const run = (model: GenerativeModel, q: string) => model.generateContent(q);
export const run2 = (deps: any, q: string) => deps.ai.models.generateContent({ model: 'gemini-2.0-flash-lite', contents: q });`,
      calls: [
        { line: 2, method: 'generateContent', provider: 'google', model: null, modelSource: 'dynamic' },
        { line: 3, method: 'models.generateContent', provider: 'google', model: 'gemini-2.0-flash-lite' },
      ],
    },
    {
      name: "the models part of a client made in place, kept in a variable or as the default of an injected transport (Interview-Coach's shape)",
      code: `import { GoogleGenAI } from '@google/genai';
type Transport = { generateContent(request: object): Promise<{ text?: string }> };
export function createAssistance(apiKey: string, transport?: Transport) {
  const modelTransport = transport ?? new GoogleGenAI({ apiKey }).models;
  return { generate: (prompt: string) => modelTransport.generateContent({ model: 'gemini-2.5-flash', contents: prompt }) };
}
export async function describe(apiKey: string, text: string) {
  const models = new GoogleGenAI({ apiKey }).models;
  return models.generateContent({ model: 'gemini-2.5-flash-lite', contents: 'Describe: ' + text });
}`,
      calls: [
        { line: 5, method: 'models.generateContent', provider: 'google', model: 'gemini-2.5-flash', evidenceIncludes: ['is its models part'] },
        { line: 9, method: 'models.generateContent', provider: 'google', model: 'gemini-2.5-flash-lite', promptIncludes: ['Describe: '] },
      ],
    },
    {
      name: "a client's models part handed to the app's own wrapper class, typed by the app's interface, and called through it",
      code: `import type { GenerateContentParameters, EmbedContentParameters } from '@google/genai';
import type { ContentGenerator } from './contentGenerator';
export class LoggingContentGenerator implements ContentGenerator {
  constructor(private readonly wrapped: ContentGenerator, private readonly label: string) {}
  async generateContent(request: GenerateContentParameters) {
    return this.wrapped.generateContent(request);
  }
  async embedContent(request: EmbedContentParameters) {
    return this.wrapped.embedContent(request);
  }
}`,
      files: {
        'src/contentGenerator.ts': `import { GoogleGenAI, type GenerateContentParameters, type GenerateContentResponse } from '@google/genai';
import { LoggingContentGenerator } from './case';
export interface ContentGenerator { generateContent(request: GenerateContentParameters): Promise<GenerateContentResponse> }
export function createContentGenerator(apiKey: string): ContentGenerator {
  const googleGenAI = new GoogleGenAI({ apiKey });
  return new LoggingContentGenerator(googleGenAI.models, 'main');
}`,
        'src/case.test.ts': `import { LoggingContentGenerator } from './case';\nexport const stub = new LoggingContentGenerator({ generateContent: async () => ({}) } as never, 'test');`,
      },
      calls: [
        { line: 6, method: 'models.generateContent', provider: 'google', model: null, evidenceIncludes: ['handed to new LoggingContentGenerator() at contentGenerator.ts:6', 'is its models part'] },
        { line: 9, method: 'models.embedContent', endpoint: 'embedding', provider: 'google' },
      ],
    },
  ],
});
