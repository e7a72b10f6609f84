import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';

describe('calls on clients imported from an SDK module', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'imported-'));
    mkdirSync(path.join(root, 'src', 'features'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'model.ts'), `import { ChatOpenAI } from '@langchain/openai';\nexport const llm = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 });\n`);
    // Names no SDK and no distinctive method shape: only its import of ./model makes it relevant.
    writeFileSync(path.join(root, 'src', 'features', 'tagline.ts'), `import { llm } from '../model';\nexport async function tagline(product: string) {\n  return llm.invoke(\`Write a tagline for \${product}\`);\n}\n`);
    writeFileSync(path.join(root, 'src', 'features', 'unrelated.ts'), `import { helper } from './helper';\nexport const run = () => helper.invoke();\n`);
    writeFileSync(path.join(root, 'src', 'features', 'helper.ts'), `export const helper = { invoke: () => 1 };\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('analyzes a file that imports a module using an SDK, and only such files', async () => {
    const result = await scanWorkspace(root);
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line} ${site.provider} ${site.model.id}`), ['src/features/tagline.ts:3 openai gpt-4o-mini']);
    assert.equal(result.summary.filesParsed, 2, 'model.ts by the prefilter, tagline.ts because it imports it; unrelated files stay unparsed');
  });
});

describe('request URLs built from constants of a module imported by a path alias', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'alias-constants-'));
    mkdirSync(path.join(root, 'app', 'store'), { recursive: true });
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }));
    // Names an endpoint, so the prefilter lets it through.
    writeFileSync(path.join(root, 'app', 'constant.ts'), `export const OPENAI_BASE_URL = 'https://api.openai.com';\nexport const ImageApi = { GeneratePath: 'v2beta/stable-image/generate' };\nexport const ProxyPath = '/api/images';\n`);
    // Names no endpoint: only its alias import of the constants and its request make it worth a look.
    writeFileSync(path.join(root, 'app', 'store', 'images.ts'), `import { ImageApi, ProxyPath } from '@/app/constant';\nexport default function draw(model: string, form: FormData) {\n  return fetch(\`\${ProxyPath}/\${ImageApi.GeneratePath}/\${model}\`, { method: 'POST', body: form });\n}\n`);
    writeFileSync(path.join(root, 'app', 'store', 'labels.ts'), `import { ProxyPath } from '@/app/constant';\nexport const label = \`images at \${ProxyPath}\`;\n`);
    // A workspace package's import (`@acme/app`) is not a path alias: a parsed file in a folder named `app` does not make it one.
    writeFileSync(path.join(root, 'app', 'store', 'status.ts'), `import { statusUrl } from '@acme/app';\nexport const ping = () => fetch(statusUrl, { method: 'POST', body: '{}' });\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('analyzes a file that sends a request and imports a parsed module by a path alias, not one that only imports it nor one importing a package', async () => {
    const result = await scanWorkspace(root);
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line} ${site.provider} ${site.endpoint}`), ['app/store/images.ts:3 stability image-generation']);
    assert.equal(result.summary.filesParsed, 2, 'constant.ts by the prefilter, images.ts for its request; labels.ts (no request) and status.ts (a package import) stay unparsed');
  });
});

describe("an app's posting helper sent an endpoint constant of a module imported by a path alias", () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'alias-post-helper-'));
    mkdirSync(path.join(root, 'src', 'constants'), { recursive: true });
    mkdirSync(path.join(root, 'src', 'utils'), { recursive: true });
    mkdirSync(path.join(root, 'src', 'providers'), { recursive: true });
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }));
    // Names an endpoint, so the prefilter lets it through.
    writeFileSync(path.join(root, 'src', 'constants', 'anthropic.ts'), `export const ANTHROPIC_API = 'https://api.anthropic.com/v1/messages';\n`);
    writeFileSync(path.join(root, 'src', 'utils', 'http.ts'), `export async function postJson<T>(url: string, payload: unknown, headers: Record<string, string>): Promise<T> {\n  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload) });\n  return (await response.json()) as T;\n}\n`);
    // Names no endpoint and calls no fetch: its alias import of the constant and its call of the posting helper make it worth a look.
    writeFileSync(path.join(root, 'src', 'providers', 'anthropic.ts'), `import { ANTHROPIC_API } from '@/constants/anthropic.js';\nimport { postJson } from '@/utils/http.js';\nexport async function notes(diff: string, apiKey: string) {\n  return postJson<{ content: unknown[] }>(ANTHROPIC_API, { model: 'claude-3-5-haiku-latest', max_tokens: 1024, messages: [{ role: 'user', content: diff }] }, { 'x-api-key': apiKey });\n}\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('analyzes the file calling the helper with the constant: the call is the request', async () => {
    const result = await scanWorkspace(root);
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line} ${site.provider} ${site.model.id}`), ['src/providers/anthropic.ts:4 anthropic claude-3-5-haiku-latest']);
  });
});

describe("the AI SDK's generateText as the app's module re-exports it, called in a file that imports it by a path alias", () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'alias-reexport-'));
    mkdirSync(path.join(root, 'lib'), { recursive: true });
    mkdirSync(path.join(root, 'app', 'api', 'query'), { recursive: true });
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }));
    writeFileSync(path.join(root, 'lib', 'openai.ts'), `import { openai } from '@ai-sdk/openai';\nimport { generateText } from 'ai';\nexport const models = { qa: openai('gpt-4o-mini') };\nexport { generateText };\n`);
    // Names no SDK and no endpoint: its alias import of the module and its call of the re-exported function make it worth a look.
    writeFileSync(path.join(root, 'app', 'api', 'query', 'route.ts'), `import { generateText, models } from '@/lib/openai';\nexport async function POST(req: Request) {\n  const { question } = await req.json();\n  const { text } = await generateText({ model: models.qa, system: 'Answer from the invoices only.', prompt: question });\n  return Response.json({ answer: text });\n}\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("analyzes the route: its call is the request, with the module's model", async () => {
    const result = await scanWorkspace(root);
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line} ${site.provider} ${site.model.id}`), ['app/api/query/route.ts:4 openai gpt-4o-mini']);
  });
});

describe("a model the app's manager hands out, run in a file that imports the manager by a path alias", () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'alias-models-'));
    mkdirSync(path.join(root, 'src', 'core'), { recursive: true });
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }));
    // Imports LangChain, so the prefilter lets it through.
    writeFileSync(path.join(root, 'src', 'chainManager.ts'), `import type { BaseChatModel } from '@langchain/core/language_models/chat_models';\nexport default class ChainManager {\n  private static chatModel: BaseChatModel | null = null;\n  getChatModel(): BaseChatModel { return ChainManager.chatModel!; }\n}\n`);
    // Names no SDK: only its alias import of the manager and the model it runs make it worth a look.
    writeFileSync(path.join(root, 'src', 'core', 'titles.ts'), `import ChainManager from '@/chainManager';\nexport class Titles {\n  constructor(private chainManager: ChainManager) {}\n  async title(conversation: string) {\n    const chatModel = this.chainManager.getChatModel();\n    return chatModel.invoke('Generate a concise title (max 5 words) for this conversation: ' + conversation);\n  }\n}\n`);
    // Imports the manager too, but runs nothing: stays unparsed.
    writeFileSync(path.join(root, 'src', 'core', 'settings.ts'), `import ChainManager from '@/chainManager';\nexport const describe = (manager: ChainManager) => String(manager);\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('analyzes the file that runs the model, not the one that only imports the manager', async () => {
    const result = await scanWorkspace(root);
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line} ${site.method} ${site.provider}`), ['src/core/titles.ts:6 invoke unknown']);
    assert.equal(result.summary.filesParsed, 2, 'chainManager.ts by the prefilter, titles.ts for the model it runs; settings.ts stays unparsed');
  });
});

describe("a Gemini chat session the app's function hands out, used in files that import it by a path alias", () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'alias-chat-session-'));
    mkdirSync(path.join(root, 'lib'), { recursive: true });
    mkdirSync(path.join(root, 'components'), { recursive: true });
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }));
    // AI-Resumes-Builder's shape: the only file naming the SDK makes sessions and sends nothing itself.
    writeFileSync(path.join(root, 'lib', 'google-ai-model.ts'), `import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({ apiKey: process.env.NEXT_PUBLIC_GEMINI_API_KEY! });\nconst MODEL_NAME = 'gemini-2.5-flash';\nexport function getAIChatSession() {\n  return ai.chats.create({ model: MODEL_NAME, config: { temperature: 1 } });\n}\n`);
    writeFileSync(path.join(root, 'components', 'TranslateSection.tsx'), `import { getAIChatSession } from '@/lib/google-ai-model';\nexport async function translate(html: string, language: string) {\n  const chat = getAIChatSession();\n  const result = await chat.sendMessage({ message: \`Translate this HTML into \${language}, keeping its tags: \${html}\` });\n  return result.text;\n}\n`);
    // Imports the helper's module but sends nothing: stays unparsed.
    writeFileSync(path.join(root, 'components', 'Settings.tsx'), `import { getAIChatSession } from '@/lib/google-ai-model';\nexport const hasChat = () => typeof getAIChatSession === 'function';\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("reports the session's sendMessage with the model the function gives the session", async () => {
    const result = await scanWorkspace(root);
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line} ${site.method} ${site.provider} ${site.model.id}`), ['components/TranslateSection.tsx:4 sendMessage google gemini-2.5-flash']);
    assert.equal(result.summary.filesParsed, 2, 'google-ai-model.ts by the prefilter, TranslateSection.tsx for the session it sends on; Settings.tsx stays unparsed');
  });
});

describe('an SDK client a module makes, used in route files that import it by a path alias', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'alias-sdk-client-'));
    mkdirSync(path.join(root, 'src', 'lib'), { recursive: true });
    mkdirSync(path.join(root, 'src', 'app', 'api', 'shoot'), { recursive: true });
    mkdirSync(path.join(root, 'src', 'app', 'api', 'speak'), { recursive: true });
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }));
    // HeadShots.fun's shape: the only file naming the SDK makes the client and sends nothing itself.
    writeFileSync(path.join(root, 'src', 'lib', 'clients.ts'), `import Replicate from 'replicate';\nimport OpenAI from 'openai';\nexport const replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });\nexport const openai = new OpenAI();\n`);
    writeFileSync(path.join(root, 'src', 'app', 'api', 'shoot', 'route.ts'), `import { replicate } from '@/lib/clients';\nexport async function POST(request: Request) {\n  const input = await request.json();\n  return Response.json(await replicate.predictions.create({ version: '5826f6bb95918f0c468b12eb0ea982aab7f0a8e08cd8365bff0a7f951da20661', input }));\n}\n`);
    writeFileSync(path.join(root, 'src', 'app', 'api', 'speak', 'route.ts'), `import { openai } from '@/lib/clients';\nexport async function POST(request: Request) {\n  const { text } = await request.json();\n  return new Response((await openai.audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: text })).body);\n}\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("reports each route's request on the imported client", async () => {
    const result = await scanWorkspace(root);
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line} ${site.method} ${site.provider}`), ['src/app/api/shoot/route.ts:4 predictions.create replicate', 'src/app/api/speak/route.ts:4 audio.speech.create openai']);
  });
});
