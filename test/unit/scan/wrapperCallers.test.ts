import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';
import { MAX_CALLERS_PER_HELPER } from '../../../src/analyzers/shared/wrapperCallers';
import type { CallSite, ScanResult } from '../../../src/model/types';

/** What a case expects of one reported call site; only the fields given are compared. */
interface ExpectedSite {
  file: string;
  line: number;
  kind?: 'sdk' | 'wrapper-caller';
  /** `file:line` of the helper request, for a wrapper-caller. */
  via?: string;
  id?: string;
  model?: string | null;
  provider?: string;
  promptIncludes?: string[];
  toolNames?: string[];
  production?: boolean;
  inTotals?: boolean;
  alternativeGroup?: string;
  /** Whether the site takes images (`features.vision`). */
  vision?: boolean;
  /** Whether the site asks for structured output (`features.structuredOutput`). */
  structuredOutput?: boolean;
  /** `file:line` of each call relaying to this site (callers adding nothing to its request, listed on it). */
  relays?: string[];
}

interface ScanCase {
  name: string;
  /** The fixture project: relative path → source. */
  files?: Record<string, string>;
  /** Or a fixture project on disk under test/fixtures/wrapper-callers, scanned in place. */
  fixture?: string;
  /** Every call site the scan must report, in file/line order. */
  sites: ExpectedSite[];
  extraGlobs?: string[];
  /** Checks on the whole result (totals). */
  check?: (result: ScanResult) => void;
}

function summarize(site: CallSite, expected: ExpectedSite): ExpectedSite {
  const actual: ExpectedSite = { file: site.file, line: site.line };
  if (expected.kind !== undefined) actual.kind = site.kind ?? 'sdk';
  if (expected.via !== undefined) actual.via = site.via ? `${site.via.file}:${site.via.line}` : undefined;
  if (expected.id !== undefined) actual.id = site.id;
  if (expected.model !== undefined) actual.model = site.model.id;
  if (expected.provider !== undefined) actual.provider = site.provider;
  if (expected.promptIncludes !== undefined) {
    const text = site.tokens && site.promptPreview !== undefined ? '' : '';
    void text;
    actual.promptIncludes = expected.promptIncludes.filter((part) => JSON.stringify(site).includes(part));
  }
  if (expected.toolNames !== undefined) actual.toolNames = (site as unknown as { toolNames?: string[] }).toolNames ?? toolNamesFromEvidence(site);
  if (expected.production !== undefined) actual.production = site.production !== false;
  if (expected.inTotals !== undefined) actual.inTotals = site.inTotals !== false;
  if (expected.alternativeGroup !== undefined) actual.alternativeGroup = site.alternativeGroup;
  if (expected.vision !== undefined) actual.vision = site.features.vision;
  if (expected.structuredOutput !== undefined) actual.structuredOutput = site.features.structuredOutput;
  if (expected.relays !== undefined) actual.relays = (site.relays ?? []).map((relay) => `${relay.file}:${relay.line}`);
  return actual;
}

function toolNamesFromEvidence(site: CallSite): string[] {
  return site.features.tools ? ['(tools)'] : [];
}

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'wrapper-callers');

/** Table-driven scans over fixture projects written to disk, in the spirit of the analyzers' RuleTester. */
function runScanCases(title: string, cases: ScanCase[]): void {
  describe(title, () => {
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const root = testCase.fixture ? path.join(FIXTURES, testCase.fixture) : mkdtempSync(path.join(os.tmpdir(), 'wrapper-callers-'));
        try {
          for (const [file, text] of Object.entries(testCase.files ?? {})) {
            mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
            writeFileSync(path.join(root, file), text);
          }
          const result = await scanWorkspace(root, { nonProduction: testCase.extraGlobs, now: () => new Date(0) });
          const sites = [...result.callSites].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
          assert.deepEqual(
            sites.map((site, index) => summarize(site, testCase.sites[index] ?? { file: '', line: 0 })),
            testCase.sites,
            `sites: ${JSON.stringify(sites.map((site) => ({ id: site.id, line: site.line, kind: site.kind, model: site.model.id, via: site.via, inTotals: site.inTotals, relays: site.relays })), null, 1)}`,
          );
          testCase.check?.(result);
        } finally {
          if (!testCase.fixture) rmSync(root, { recursive: true, force: true });
        }
      });
    }
  });
}

const HELPER = `import OpenAI from 'openai';
const client = new OpenAI();
export async function complete(system: string, user: string, model = 'gpt-4o-mini') {
  const response = await client.chat.completions.create({
    model,
    messages: [{ role: 'system', content: system }, { role: 'user', content: user }],
  });
  return response.choices[0].message.content;
}
`;

/**
 * Two embeddings classes of an app behind a factory that hands out the local one by default (the other only for a
 * "_custom_" model): the OpenAI one requests directly, the local one three calls down (`embedInBatches` -> `postEmbed`
 * -> fetch), so the caller search finds it rounds later. Shared by the store cases below, with the sites these files make.
 */
const FACTORY_EMBEDDINGS: { files: Record<string, string>; sites: ExpectedSite[] } = {
  files: {
    'src/embeddings.ts': `import { Embeddings } from '@langchain/core/embeddings';
import OpenAI from 'openai';
import { embedInBatches } from './batch';
export class RemoteEmbeddings extends Embeddings {
  constructor(private readonly model: string) { super({}); }
  async embedDocuments(texts: string[]) {
    const response = await new OpenAI().embeddings.create({ model: this.model, input: texts });
    return response.data.map((item) => item.embedding);
  }
  async embedQuery(text: string) {
    return (await this.embedDocuments([text]))[0];
  }
}
export class LocalEmbeddings extends Embeddings {
  constructor(private readonly model: string) { super({}); }
  async embedDocuments(texts: string[]) {
    return embedInBatches(this.model, texts);
  }
  async embedQuery(text: string) {
    return (await this.embedDocuments([text]))[0];
  }
}
export const embeddingModel = async (model: string) => {
  if (model.includes('_custom_')) {
    return new RemoteEmbeddings(model.split('_custom_')[1]);
  }
  return new LocalEmbeddings(model);
};
`,
    'src/batch.ts': `import { postEmbed } from './ollamaClient';
export async function embedInBatches(model: string, texts: string[]) {
  const vectors: number[][] = [];
  for (let start = 0; start < texts.length; start += 64) vectors.push(...(await postEmbed(model, texts.slice(start, start + 64))));
  return vectors;
}
`,
    'src/ollamaClient.ts': `export async function postEmbed(model: string, texts: string[]) {
  const response = await fetch('http://localhost:11434/api/embed', { method: 'POST', body: JSON.stringify({ model, input: texts }) });
  return (await response.json()).embeddings as number[][];
}
`,
  },
  sites: [
    // Each class's embedQuery and LocalEmbeddings.embedDocuments hand on only what they are given: relays of the requests.
    { file: 'src/batch.ts', line: 4, kind: 'wrapper-caller', via: 'src/ollamaClient.ts:2', relays: ['src/embeddings.ts:17', 'src/embeddings.ts:20'] },
    { file: 'src/embeddings.ts', line: 7, kind: 'sdk', provider: 'openai', relays: ['src/embeddings.ts:11'] },
    { file: 'src/ollamaClient.ts', line: 2, kind: 'sdk', provider: 'ollama' },
  ],
};

/** The expected sites with the relays of the one in `file` replaced (a caller of the shared fixture's store folds into it). */
function withRelays(sites: ExpectedSite[], file: string, relays: string[]): ExpectedSite[] {
  return sites.map((site) => (site.file === file ? { ...site, relays } : site));
}

/** A helper called from more files than MAX_CALLERS_PER_HELPER (25), and once from its own class. */
const BUSY_EMBEDDER_FILES: Record<string, string> = {
  'src/embedder.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export class Embedder {
  async embedChunks(chunks: string[]) {
    const response = await client.embeddings.create({ model: 'text-embedding-3-small', input: chunks });
    return response.data.map((item) => item.embedding);
  }
  async embedText(text: string) {
    return (await this.embedChunks([\`query: \${text}\`]))[0];
  }
}
`,
  'src/search.ts': `import { Embedder } from './embedder';
export const search = (question: string) => new Embedder().embedText(question);
`,
};
const BUSY_CALLERS = Array.from({ length: MAX_CALLERS_PER_HELPER + 1 }, (_, index) => `src/callers/c${String(index).padStart(3, '0')}.ts`);
for (const file of BUSY_CALLERS) BUSY_EMBEDDER_FILES[file] = `import { Embedder } from '../embedder';\nexport const ingest = (texts: string[]) => new Embedder().embedChunks(texts.map((text) => text.trim()));\n`;

runScanCases('wrapper callers', [
  {
    name: "a helper class reached through a getter making it on first read (`private get aiClient(): AIClient`), whose AI SDK provider a field holds (`this.openai(model)`)",
    files: {
      'src/ai-client.ts': `import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
export class AIClient {
  private openai: any;
  constructor(apiKey?: string) {
    this.openai = apiKey ? createOpenAI({ apiKey }) : null;
  }
  async chat(message: string, system: string) {
    return generateText({ model: this.openai('gpt-4o-mini'), system, prompt: message });
  }
}
`,
      'src/analysis.ts': `import { AIClient } from './ai-client';
export class AnalysisService {
  private _client: AIClient | null = null;
  private get aiClient(): AIClient {
    if (!this._client) this._client = new AIClient(process.env.OPEN_AI_KEY);
    return this._client;
  }
  analyzeComment(body: string) { return this.aiClient.chat(body, 'Say whether this comment reports progress.'); }
  detectBlocked(body: string) { return this.aiClient.chat(body, 'Say whether the work is blocked.'); }
}
`,
    },
    sites: [
      { file: 'src/ai-client.ts', line: 9, kind: 'sdk', provider: 'openai', model: 'gpt-4o-mini' },
      { file: 'src/analysis.ts', line: 8, kind: 'wrapper-caller', via: 'src/ai-client.ts:9', provider: 'openai', promptIncludes: ['reports progress'] },
      { file: 'src/analysis.ts', line: 9, kind: 'wrapper-caller', via: 'src/ai-client.ts:9', provider: 'openai', promptIncludes: ['is blocked'] },
    ],
  },
  {
    name: 'a helper\'s caller in its own class is taken even when callers elsewhere reached the cap, so the next level finds its callers',
    files: BUSY_EMBEDDER_FILES,
    sites: [
      ...BUSY_CALLERS.slice(0, MAX_CALLERS_PER_HELPER).map((file) => ({ file, line: 2, kind: 'wrapper-caller' as const, via: 'src/embedder.ts:5' })),
      { file: 'src/embedder.ts', line: 5, kind: 'sdk' },
      // The next level's caller is found: it hands on its query, so it is listed on the class's own caller.
      { file: 'src/embedder.ts', line: 9, kind: 'wrapper-caller', via: 'src/embedder.ts:5', relays: ['src/search.ts:2'] },
    ],
  },
  {
    name: 'a helper method bound to its receiver and kept under another name (`this.createChat = client.chat.bind(client)`): calls of that name are its callers',
    files: {
      'src/llm.ts': `import OpenAI from 'openai';
export class OpenAIChat {
  private client = new OpenAI();
  async chat(options: { prompt: string }) {
    return this.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: options.prompt }] });
  }
}
export function getClient() {
  return new OpenAIChat();
}
`,
      'src/agent.ts': `import { getClient } from './llm';
export class Agent {
  private createChat: (options: { prompt: string }) => Promise<unknown>;
  constructor() {
    const client = getClient();
    this.createChat = client.chat.bind(client);
  }
  async answer(question: string) {
    return this.createChat({ prompt: \`Answer in one sentence: \${question}\` });
  }
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 5, kind: 'sdk', promptIncludes: ['Answer in one sentence'], relays: ['src/agent.ts:9'] },
    ],
  },
  {
    name: "a function held in a field of an app-typed literal (`embedder: OpenAIEmbedder` in `Object.freeze<LanguageModel>(...)`): values taken out of that field, or declared with its function type, are its callers",
    files: {
      'src/types.ts': `export type EmbeddingFunction = (input: string, model: string) => Promise<number[]>;
export interface LanguageModel {
  id: string;
  embedder?: EmbeddingFunction;
}
`,
      'src/openai.ts': `import type { LanguageModel } from './types';
export async function OpenAIEmbedder(input: string, model: string): Promise<number[]> {
  const res = await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body: JSON.stringify({ model, input }) });
  return (await res.json()).data[0].embedding;
}
export const OpenAIModel = Object.freeze<LanguageModel>({ id: 'openai', embedder: OpenAIEmbedder });
export function resolveLanguageModel(provider: string): LanguageModel {
  return OpenAIModel;
}
`,
      'src/search.ts': `import { resolveLanguageModel } from './openai';
import type { EmbeddingFunction } from './types';
export async function embedQuery(query: string) {
  const { embedder } = resolveLanguageModel('openai');
  return embedder!(query, 'text-embedding-3-small');
}
export class Index {
  constructor(readonly embed: EmbeddingFunction) {}
  async add(text: string) {
    return this.embed(text, 'text-embedding-3-large');
  }
}
`,
    },
    sites: [
      { file: 'src/openai.ts', line: 3, kind: 'sdk' },
      { file: 'src/search.ts', line: 5, kind: 'wrapper-caller', via: 'src/openai.ts:3', model: 'text-embedding-3-small' },
      { file: 'src/search.ts', line: 10, kind: 'wrapper-caller', via: 'src/openai.ts:3', model: 'text-embedding-3-large' },
    ],
  },
  {
    name: "a service picked by key from a namespace of service modules (`builtinServices[name].translate(...)`, the barrel an index.jsx exporting `const openai = _openai`): a caller of each service's translate",
    files: {
      'src/services/translate/openai/index.jsx': `export async function translate(text, options) {
  const res = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }) });
  return (await res.json()).choices[0].message.content;
}
`,
      'src/services/translate/deepl/index.jsx': `export async function translate(text, options) {
  return fetch('https://api-free.deepl.com/v2/translate', { method: 'POST', body: new URLSearchParams({ text }) });
}
`,
      'src/services/translate/index.jsx': `import * as _openai from './openai';
import * as _deepl from './deepl';
export const openai = _openai;
export const deepl = _deepl;
`,
      'src/window/TargetArea.jsx': `import * as builtinServices from '../services/translate';
export async function run(serviceName, sourceText) {
  return builtinServices[serviceName].translate(\`Translate into French: \${sourceText}\`, {});
}
`,
    },
    sites: [
      { file: 'src/services/translate/openai/index.jsx', line: 2, kind: 'sdk', relays: ['src/window/TargetArea.jsx:3'] }
    ],
  },
  {
    name: 'options destructured in the helper body: the caller\'s system fills the prompt, and the messages it leaves out are not sent',
    files: {
      'src/llm.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function generate(options: { system?: string; prompt?: string; messages?: any[] }) {
  const { system, prompt, messages } = options;
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: system }, { role: 'user', content: prompt }, ...messages] });
}
`,
      'src/judge.ts': `import { generate } from './llm';
export async function judge(answer: string) {
  return generate({ system: 'Decide if the answer is complete. Reply PASS or FAIL.', prompt: answer });
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 5, kind: 'sdk', promptIncludes: ['Decide if the answer is complete'], relays: ['src/judge.ts:3'] },
    ],
    check: (result) => {
      // The helper's one caller is listed on the helper's request, which is read through it.
      const caller = result.callSites.find((site) => site.relays?.some((relay) => relay.file === 'src/judge.ts'))!;
      assert.equal(caller.task.type, 'classification', caller.task.reasons.join('\n'));
      assert.ok(!caller.task.reasons.some((reason) => reason.includes('conversation history')), caller.task.reasons.join('\n'));
    },
  },
  {
    name: 'a destructured options parameter: the caller\'s nested options.systemPrompt fills the helper\'s system prompt',
    files: {
      'src/llm.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function generateCompletions({ options, markdown }: { options: { systemPrompt: string }; markdown: string }) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: options.systemPrompt }, { role: 'user', content: markdown }] });
}
`,
      'src/summary.ts': `import { generateCompletions } from './llm';
export async function summarizePage(markdown: string) {
  const generationOptions = { options: { systemPrompt: 'Summarize the page in three bullet points.' }, markdown };
  return generateCompletions(generationOptions);
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', promptIncludes: ['Summarize the page in three bullet points'], relays: ['src/summary.ts:4'] }
    ],
  },
  {
    name: 'one level: each caller of complete() is a call site with its own prompt and model; the helper is listed, not summed',
    files: {
      'src/llm.ts': HELPER,
      'src/features.ts': `import { complete } from './llm';
export async function titleFor(chat: string) {
  return complete('Write a five-word title for this conversation.', chat);
}
export async function translate(text: string) {
  return complete('Translate the text to French.', text, 'gpt-4o');
}
`,
    },
    sites: [
      { file: 'src/features.ts', line: 3, kind: 'wrapper-caller', via: 'src/llm.ts:4', id: 'src/features.ts#titleFor:complete', model: 'gpt-4o-mini', promptIncludes: ['five-word title'], inTotals: true },
      { file: 'src/features.ts', line: 6, kind: 'wrapper-caller', via: 'src/llm.ts:4', id: 'src/features.ts#translate:complete', model: 'gpt-4o', promptIncludes: ['Translate the text to French'], inTotals: true },
      { file: 'src/llm.ts', line: 4, kind: 'sdk', inTotals: false },
    ],
    check: (result) => {
      const counted = result.callSites.filter((site) => site.inTotals !== false);
      const sum = Math.round(counted.reduce((total, site) => total + (site.monthlyUsdCurrent ?? 0), 0) * 100) / 100;
      assert.equal(result.summary.monthlyUsdCurrent, sum, 'totals are the counted sites only');
      const helper = result.callSites.find((site) => site.kind !== 'wrapper-caller')!;
      assert.match(helper.totalsNote ?? '', /priced through its 2 callers/);
    },
  },
  {
    name: "markup handlers: `onClick={() => complete(system, text)}` handing on only values the component has is a control of the helper's feature (no caller); one stating its own prompt is a caller",
    files: {
      'src/llm.ts': HELPER,
      'src/App.tsx': `import { complete } from './llm';
export function Ask(props: { system: string; text: string }) {
  return (
    <div>
      <button onClick={() => complete(props.system, props.text)}>Ask</button>
      <button onClick={() => complete('Summarize the note in one line.', props.text)}>Summarize</button>
    </div>
  );
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', promptIncludes: ['Summarize the note'], relays: ['src/App.tsx:6'] },
    ],
  },
  {
    name: "handlers the component names first (`const handleRegenerate = () => store.reply(chat)` used as `onClick={handleRegenerate}`, or called from such a handler) are controls of a feature the app's code already calls; one calling the helper itself, one the code also calls elsewhere, or one stating its own prompt is a caller",
    files: {
      'src/llm.ts': HELPER,
      'src/store.ts': `import { complete } from './llm';
export function reply(chat: { text: string }) {
  return complete('You answer questions about the open note.', chat.text);
}
`,
      'src/App.tsx': `import { useEffect } from 'react';
import { reply } from './store';
import { complete } from './llm';
export function Chat(props: { system: string; text: string; chat: { text: string } }) {
  const handleRegenerate = async () => {
    await reply({ ...props.chat, role: 'user' } as never);
  };
  const doSubmit = () => {
    reply(props.chat);
  };
  const handleKeyDown = (event: { key: string }) => {
    if (event.key === 'Enter') doSubmit();
  };
  const handleSummarize = () => reply({ text: 'Summarize the note in one line: ' + props.text });
  const readAloud = () => complete(props.system, props.text);
  const refresh = () => reply(props.chat);
  useEffect(() => { refresh(); }, []);
  return (
    <div onKeyDown={handleKeyDown}>
      <button onClick={handleRegenerate}>Again</button>
      <button onClick={() => doSubmit()}>Send</button>
      <button onClick={handleSummarize}>Summarize</button>
      <button onClick={readAloud}>Read aloud</button>
      <button onClick={refresh}>Refresh</button>
    </div>
  );
}
`,
    },
    sites: [
      { file: 'src/App.tsx', line: 14, kind: 'wrapper-caller', via: 'src/store.ts:3', promptIncludes: ['Summarize the note'] },
      { file: 'src/llm.ts', line: 4, kind: 'sdk', relays: ['src/App.tsx:15'] },
      { file: 'src/store.ts', line: 3, kind: 'wrapper-caller', via: 'src/llm.ts:4', relays: ['src/App.tsx:16', 'src/App.tsx:17'] },
    ],
  },
  {
    name: "relays: a route handing the helper only its request's fields, and a function in between handing on the state it reads, are listed on the helper's request (the function carries the route's traffic); a caller stating words, a model id or a reply name of another task is a site",
    files: {
      'src/llm.ts': HELPER,
      'src/service.ts': `import { complete } from './llm';
export const current = { system: '', question: '' };
export async function answerCurrent() {
  return complete(current.system, current.question);
}
`,
      'src/routes.ts': `import { complete } from './llm';
import { answerCurrent, current } from './service';
export async function POST(request: { body: { question: string } }) {
  current.question = request.body.question;
  return answerCurrent();
}
export async function title(request: { body: { system: string; text: string } }) {
  const title = await complete(request.body.system, request.body.text);
  return title;
}
export async function summary(request: { body: { text: string } }) {
  return complete('Summarize the ticket in two lines.', request.body.text);
}
export async function large(request: { body: { system: string; text: string } }) {
  return complete(request.body.system, request.body.text, 'gpt-4o');
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', inTotals: true, relays: ['src/service.ts:4', 'src/routes.ts:5'] },
      { file: 'src/routes.ts', line: 8, kind: 'wrapper-caller', via: 'src/llm.ts:4', inTotals: true },
      { file: 'src/routes.ts', line: 12, kind: 'wrapper-caller', via: 'src/llm.ts:4', promptIncludes: ['Summarize the ticket'], inTotals: true },
      { file: 'src/routes.ts', line: 15, kind: 'wrapper-caller', via: 'src/llm.ts:4', model: 'gpt-4o', inTotals: true },
    ],
    check: (result) => {
      const helper = result.callSites.find((site) => site.file === 'src/llm.ts')!;
      // The service's method carries the route's traffic: the request is counted once, for the route.
      assert.deepEqual(helper.relays, [{ file: 'src/service.ts', line: 4, passesOn: true }, { file: 'src/routes.ts', line: 5 }]);
      assert.match(helper.totalsNote ?? '', /counted for the 1 call relaying to it/);
      assert.ok(helper.evidence.some((line) => /relayed to by 2 calls handing on only values they are given \(src\/service\.ts:4, src\/routes\.ts:5\)/.test(line)));
    },
  },
  {
    name: "hops: a function every route goes through, computing what it hands the helper (the system prompt from the settings, the text trimmed), folds into the helper's request; the routes stating words of their own stay sites through it",
    files: {
      'src/llm.ts': HELPER,
      'src/service.ts': `import { complete } from './llm';
export async function draft(text: string) {
  const trimmed = text.slice(0, 4000);
  return complete(readSetting('system'), trimmed);
}
declare function readSetting(name: string): string;
`,
      'src/routes.ts': `import { draft } from './service';
export async function summary(request: { body: { text: string } }) {
  return draft(\`Summarize the ticket in two lines: \${request.body.text}\`);
}
export async function translation(request: { body: { text: string } }) {
  return draft(\`Translate into French: \${request.body.text}\`);
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', relays: ['src/service.ts:4'] },
      { file: 'src/routes.ts', line: 3, kind: 'wrapper-caller', via: 'src/service.ts:4' },
      { file: 'src/routes.ts', line: 6, kind: 'wrapper-caller', via: 'src/service.ts:4' },
    ],
  },
  {
    name: "relays: whether a caller hands on only what it is given is read of that caller, not taken over from the call it goes through (a hop handing on its parameters): a caller composing the question it hands on is a site",
    files: {
      'src/llm.ts': HELPER,
      'src/service.ts': `import { complete } from './llm';
export async function ask(system: string, question: string) {
  return complete(system, question);
}
`,
      'src/handlers.ts': `import { ask } from './service';
export async function onQuestion(request: { body: { system: string; notes: string[] } }) {
  return ask(request.body.system, composeQuestion(request.body.notes));
}
function composeQuestion(notes: string[]) {
  return notes.join('\\n');
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', relays: ['src/handlers.ts:3'] },
    ],
  },
  {
    name: "relays: a caller of a function whose call hands an HTTP helper its URL and body (`callOpenAICompletion` calling `_callOpenAICompatible(OPENAI_URL, ...)`) is an ordinary caller of that request: handing on only what it is given, it is listed on it",
    files: {
      'src/providerCaller.ts': `export class ProviderCaller {
  static async fetchWithTimeout(url: string, options: RequestInit) {
    return fetch(url, options);
  }
  static async callOpenAICompatible(apiKey: string, system: string, user: string, model: string, url: string) {
    const response = await this.fetchWithTimeout(url, { method: 'POST', headers: { Authorization: \`Bearer \${apiKey}\` }, body: JSON.stringify({ model, messages: [{ role: 'system', content: system }, { role: 'user', content: user }] }) });
    return (await response.json()).choices[0].message.content;
  }
  static async callOpenAICompletion(apiKey: string, system: string, user: string, model: string) {
    return this.callOpenAICompatible(apiKey, system, user, model, 'https://api.openai.com/v1/chat/completions');
  }
}
`,
      'src/orchestrator.ts': `import { ProviderCaller } from './providerCaller';
export async function generateCompletion(apiKey: string, system: string, user: string, model: string) {
  return ProviderCaller.callOpenAICompletion(apiKey, system, user, model);
}
`,
    },
    sites: [
      // The transport's own fetch and the helper's call of it: the app's HTTP plumbing, sites of their own.
      { file: 'src/providerCaller.ts', line: 3, kind: 'sdk' },
      { file: 'src/providerCaller.ts', line: 6, kind: 'sdk' },
      { file: 'src/providerCaller.ts', line: 10, kind: 'sdk', provider: 'openai', relays: ['src/orchestrator.ts:3'] },
    ],
  },
  {
    name: "a search helper's `maxTokens` parameter (the length it cuts its context to) is no output limit of the embedding it makes: the route handing it only the question is a relay of that request",
    files: {
      'src/embeddings.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function getEmbeddings(input: string) {
  const response = await openai.embeddings.create({ model: 'text-embedding-3-small', input });
  return response.data[0].embedding;
}
`,
      'src/context.ts': `import { getEmbeddings } from './embeddings';
export async function getContext(message: string, namespace: string, maxTokens = 3000) {
  const embedding = await getEmbeddings(message);
  return search(embedding, namespace).join('\\n').substring(0, maxTokens);
}
declare function search(vector: number[], namespace: string): string[];
`,
      'src/route.ts': `import { getContext } from './context';
export async function POST(request: { body: { message: string } }) {
  return getContext(request.body.message, '');
}
`,
    },
    sites: [{ file: 'src/embeddings.ts', line: 4, kind: 'sdk', relays: ['src/route.ts:3'] }],
  },
  {
    name: "relays past a hop left out of the sites: a message handler handing a bot method only what it is given, the method handing its parameters on to the one making the request, is listed on that request with the method on its way",
    files: {
      'src/bot.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export class Bot {
  async reply(room: { say(text: string): void }, text: string) {
    const answer = await this.answer(text);
    room.say(answer ?? '');
  }
  async answer(text: string) {
    const response = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
    return response.choices[0].message.content;
  }
}
`,
      'src/index.ts': `import { Bot } from './bot';
const bot = new Bot();
export function onMessage(room: { say(text: string): void }, message: { text: string }) {
  bot.reply(room, message.text);
}
`,
    },
    sites: [{ file: 'src/bot.ts', line: 9, kind: 'sdk', relays: ['src/index.ts:4'] }],
    check: (result) => {
      const helper = result.callSites.find((site) => site.file === 'src/bot.ts')!;
      assert.deepEqual(helper.relays?.find((relay) => relay.file === 'src/index.ts')?.through, [{ file: 'src/bot.ts', line: 5, function: 'Bot.reply' }]);
    },
  },
  {
    name: "relays: an argument computed inline by a call is data too (`items.map((item) => item.content).join('\\n')`) unless the callee's name says it builds words (`formatItems(items)`); not for an embedding, whose caller picks what is embedded",
    files: {
      'src/llm.ts': HELPER,
      'src/embed.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function embed(texts: string[]) {
  return client.embeddings.create({ model: 'text-embedding-3-small', input: texts });
}
`,
      'src/report.ts': `import { complete } from './llm';
import { embed } from './embed';
export async function send(system: string, items: { content: string }[]) {
  return complete(system, items.map((item) => item.content).join('\\n'));
}
export async function sendFormatted(system: string, items: { content: string }[]) {
  return complete(system, formatItems(items));
}
export async function index(items: { content: string }[]) {
  return embed(items.map((item) => item.content));
}
function formatItems(items: { content: string }[]) {
  return items.map((item) => item.content).join('\\n');
}
`,
    },
    sites: [
      { file: 'src/embed.ts', line: 4, kind: 'sdk', relays: ['src/report.ts:10'] },
      { file: 'src/llm.ts', line: 4, kind: 'sdk', relays: ['src/report.ts:4'] },
      { file: 'src/report.ts', line: 7, kind: 'wrapper-caller', via: 'src/llm.ts:4' }
    ],
  },
  {
    name: "relays: a local the caller computes by a call is data (`const offset = editor.posToOffset(start)`) unless the callee's name says it builds words (`const prompt = buildPrompt(note)`)",
    files: {
      'src/llm.ts': HELPER,
      'src/commands.ts': `import { complete } from './llm';
export async function continueAt(editor: { posToOffset(at: number): number; text: string }, system: string, start: number) {
  const offset = editor.posToOffset(start);
  return complete(system, editor.text + offset);
}
export async function continueNote(note: string, system: string) {
  const prompt = buildPrompt(note);
  return complete(system, prompt);
}
function buildPrompt(note: string) {
  return note.trim();
}
`,
    },
    sites: [
      { file: 'src/commands.ts', line: 8, kind: 'wrapper-caller', via: 'src/llm.ts:4' },
      { file: 'src/llm.ts', line: 4, kind: 'sdk', relays: ['src/commands.ts:4'] },
    ],
  },
  {
    name: "relays: a route handing the helper the latest user message it picks out (`getLatestUserQuestion(messages)`) and a session id made of data calls (`getStringValue(params.id) ?? getStringValue(params.threadId)`) hands on values only",
    files: {
      'src/llm.ts': HELPER,
      'src/route.ts': `import { complete } from './llm';
const getStringValue = (value: unknown) => (typeof value === 'string' ? value : undefined);
const getLatestUserQuestion = (messages: Array<{ role: string; content: string }>) => [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
export async function POST(req: Request) {
  const params = await req.json();
  const sessionId = getStringValue(params.id) ?? getStringValue(params.threadId);
  return complete(params.system, getLatestUserQuestion(params.messages) + sessionId);
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', relays: ['src/route.ts:7'] },
    ],
  },
  {
    name: "tools declared as consts of one interface (`const imageTool: ToolDefinition = { execute }`): a call of the image tool's execute is a caller; another tool's execute is none, though it has the same type",
    files: {
      'src/llm.ts': HELPER,
      'src/tools.ts': `import { complete } from './llm';
export interface ToolDefinition { name: string; execute(input: string): Promise<unknown> }
export const imageTool: ToolDefinition = {
  name: 'describe_image',
  async execute(input: string) { return complete('Describe the image for a blind reader.', input); },
};
export const fileTool: ToolDefinition = {
  name: 'read_file',
  async execute(input: string) { return input.length; },
};
`,
      'src/run.ts': `import { fileTool, imageTool } from './tools';
export async function describe(url: string) {
  return imageTool.execute(url);
}
export async function read(path: string) {
  return fileTool.execute(path);
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', relays: ['src/run.ts:3', 'src/tools.ts:5'] }
    ],
  },
  {
    name: "an API object the app hands its views under a loose type (`const Meet: { [key: string]: any } = { OpenAI: { complete } }`): `Meet.OpenAI.complete(...)` is a caller; another member of the object is none",
    files: {
      'src/llm.ts': HELPER,
      'src/api.ts': `import { complete } from './llm';
function describe(text: string) { return text.length; }
const Meet: { [key: string]: any; Global: { views: unknown } } = {
  OpenAI: { complete },
  Text: { describe },
  Global: { views: undefined },
};
export default Meet;
`,
      'src/views.ts': `import Meet from './api';
export async function answer(question: string) {
  return Meet.OpenAI.complete('Answer from the paper.', question);
}
export function count(text: string) {
  return Meet.Text.describe(text);
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', promptIncludes: ['Answer from the paper'], relays: ['src/views.ts:3'] }
    ],
  },
  {
    name: "a test fixture's object (`test = base.extend<{ scraper: Scraper }>(...)`, Playwright's and Vitest's): a test's call on the fixture it destructures is a caller of the class's method; a fixture of another type is none",
    files: {
      'src/scraper.ts': `import OpenAI from 'openai';
export default class Scraper {
  constructor(private client: OpenAI) {}
  async run(page: string) {
    return this.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Extract the listings from: ' + page }] });
  }
}
`,
      'tests/index.ts': `import { test as base } from 'vitest';
import OpenAI from 'openai';
import Scraper from '../src/scraper';
class Recorder { async run(page: string) { return page; } }
export const test = base.extend<{ scraper: Scraper; recorder: Recorder }>({
  scraper: async ({}, use) => { await use(new Scraper(new OpenAI())); },
  recorder: async ({}, use) => { await use(new Recorder()); },
});
`,
      'tests/scraper.test.ts': `import { test } from './index';
test('extracts listings', async ({ scraper }) => {
  await scraper.run('<ul><li>a</li></ul>');
});
test('records', async ({ recorder }) => {
  await recorder.run('x');
});
`,
    },
    sites: [
      { file: 'src/scraper.ts', line: 5, kind: 'sdk' },
      { file: 'tests/scraper.test.ts', line: 3, kind: 'wrapper-caller', via: 'src/scraper.ts:5', production: false },
    ],
  },
  {
    name: "a request function held by a const declared with the app's function type (`const openaiComplete: CompletionHandler = ...`): a call of a value declared with that type (a parameter `complete: CompletionHandler`) may run it",
    files: {
      'src/types.ts': `export type CompletionHandler = (prompt: string) => Promise<string>;\n`,
      'src/openai.ts': `import OpenAI from 'openai';
import type { CompletionHandler } from './types';
const client = new OpenAI();
export const openaiComplete: CompletionHandler = async (prompt) => {
  const response = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
  return response.choices[0].message.content ?? '';
};
`,
      'src/session.ts': `import type { CompletionHandler } from './types';
export async function summarize(text: string, complete: CompletionHandler) {
  return complete('Summarize in two sentences: ' + text);
}
`,
    },
    sites: [
      { file: 'src/openai.ts', line: 5, kind: 'sdk', relays: ['src/session.ts:3'] }
    ],
  },
  {
    name: "another function declared with the same type (a plugin's own `handler: PluginHandler`) runs itself: a call of it, under any import alias, is none of the typed helper's callers",
    files: {
      'src/types.ts': `export type PluginHandler = (text: string) => Promise<boolean>;\n`,
      'src/moderation.ts': `import OpenAI from 'openai';
import type { PluginHandler } from './types';
const client = new OpenAI();
export const handler: PluginHandler = async (text) => {
  const result = await client.moderations.create({ model: 'omni-moderation-latest', input: text });
  return result.results[0].flagged;
};
`,
      'src/wordlist.ts': `import type { PluginHandler } from './types';
export const handler: PluginHandler = async (text) => text.includes('badword');
`,
      'src/wordlist.test.ts': `import { handler as wordlistHandler } from './wordlist';
export const checked = wordlistHandler('a clean sentence');
`,
    },
    sites: [{ file: 'src/moderation.ts', line: 5, kind: 'sdk' }],
  },
  {
    name: 'a helper exported as what a higher-order function makes of it (a tracer): callers of the const are its callers',
    files: {
      'src/verify.ts': `import { ChatAnthropic } from '@langchain/anthropic';
import { traceable } from 'langsmith/traceable';
async function verifyContentIsRelevantFunc(content: string, args: { systemPrompt: string }) {
  const model = new ChatAnthropic({ model: 'claude-sonnet-4-5', temperature: 0 });
  return model.invoke([{ role: 'system', content: args.systemPrompt }, { role: 'user', content }]);
}
export const verifyContentIsRelevant = traceable(verifyContentIsRelevantFunc, { name: 'verify-content-relevancy' });
`,
      'src/luma.ts': `import { verifyContentIsRelevant } from './verify';
export async function verifyLumaEvent(page: string) {
  return verifyContentIsRelevant(page, { systemPrompt: 'Is this event about our products? Answer yes or no.' });
}
`,
    },
    sites: [
      { file: 'src/verify.ts', line: 5, kind: 'sdk', model: 'claude-sonnet-4-5', promptIncludes: ['event about our products'], inTotals: true, relays: ['src/luma.ts:3'] },
    ],
  },
  {
    name: 'a helper given inline to a tracer (traceable(async (...) => ..., options)): callers of the const holding it are its callers',
    files: {
      'src/verify.ts': `import { ChatAnthropic } from '@langchain/anthropic';
import { traceable } from 'langsmith/traceable';
export const verifyContentIsRelevant = traceable(async (content: string, args: { systemPrompt: string }) => {
  const model = new ChatAnthropic({ model: 'claude-sonnet-4-5', temperature: 0 });
  return model.invoke([{ role: 'system', content: args.systemPrompt }, { role: 'user', content }]);
}, { name: 'verify-content-relevancy' });
`,
      'src/luma.ts': `import { verifyContentIsRelevant } from './verify';
export async function verifyLumaEvent(page: string) {
  return verifyContentIsRelevant(page, { systemPrompt: 'Is this event about our products? Answer yes or no.' });
}
`,
    },
    sites: [
      { file: 'src/verify.ts', line: 5, kind: 'sdk', model: 'claude-sonnet-4-5', promptIncludes: ['event about our products'], inTotals: true, relays: ['src/luma.ts:3'] },
    ],
  },
  {
    name: 'a function given inline to a wrapper we do not know (a retry): its const is not taken for the helper',
    files: {
      'src/verify.ts': `import { ChatAnthropic } from '@langchain/anthropic';
import { retrying } from './retry';
export const verifyContentIsRelevant = retrying(async (content: string) => {
  const model = new ChatAnthropic({ model: 'claude-sonnet-4-5', temperature: 0 });
  return model.invoke([{ role: 'user', content }]);
});
`,
      'src/luma.ts': `import { verifyContentIsRelevant } from './verify';
export async function verifyLumaEvent(page: string) {
  return verifyContentIsRelevant(page);
}
`,
    },
    sites: [{ file: 'src/verify.ts', line: 5, kind: 'sdk', inTotals: true }],
  },
  {
    name: 'two levels: feature → extractData → generate; the middle call is a helper too',
    files: {
      'src/llm.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function generate(options: { model: string; prompt: string }) {
  return openai.chat.completions.create({ model: options.model, messages: [{ role: 'user', content: options.prompt }] });
}
`,
      'src/extract.ts': `import { generate } from './llm';
export async function extractData(prompt: string) {
  return generate({ model: 'gpt-4.1-mini', prompt });
}
`,
      'src/feature.ts': `import { extractData } from './extract';
export async function extractInvoice(pdf: string) {
  return extractData('Extract the invoice number and total as JSON.');
}
`,
    },
    sites: [
      { file: 'src/extract.ts', line: 3, kind: 'wrapper-caller', via: 'src/llm.ts:4', model: 'gpt-4.1-mini', inTotals: false },
      { file: 'src/feature.ts', line: 3, kind: 'wrapper-caller', via: 'src/extract.ts:3', id: 'src/feature.ts#extractInvoice:extractData', model: 'gpt-4.1-mini', promptIncludes: ['invoice number'], inTotals: true },
      { file: 'src/llm.ts', line: 4, kind: 'sdk', inTotals: false },
    ],
  },
  {
    name: 'class method: llm.ask() on an instance made with new, and this.ask() inside the class',
    files: {
      'src/client.ts': `import Anthropic from '@anthropic-ai/sdk';
export class LlmClient {
  private anthropic = new Anthropic();
  async ask(question: string) {
    return this.anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 300, messages: [{ role: 'user', content: question }] });
  }
  async summarize(text: string) {
    return this.ask(\`Summarize in two sentences: \${text}\`);
  }
}
`,
      'src/app.ts': `import { LlmClient } from './client';
const llm = new LlmClient();
export async function classify(ticket: string) {
  return llm.ask(\`Classify this support ticket as billing, bug or other: \${ticket}\`);
}
`,
    },
    sites: [
      { file: 'src/app.ts', line: 4, kind: 'wrapper-caller', via: 'src/client.ts:5', id: 'src/app.ts#classify:LlmClient.ask', promptIncludes: ['Classify this support ticket'], inTotals: true },
      { file: 'src/client.ts', line: 5, kind: 'sdk', inTotals: false },
      { file: 'src/client.ts', line: 8, kind: 'wrapper-caller', via: 'src/client.ts:5', promptIncludes: ['Summarize in two sentences'], inTotals: true },
    ],
  },
  {
    name: "a class's own hops through this are not levels: the app's call of agent.start() reaches a request four methods deep, and a caller of the app's function one more level out",
    files: {
      'src/agent.ts': `import OpenAI from 'openai';
export class Agent {
  private openai = new OpenAI();
  async start(task: string) {
    return this.chat(task);
  }
  private async chat(task: string) {
    return this.reply(task);
  }
  private async reply(task: string) {
    return this.complete([{ role: 'user' as const, content: task }]);
  }
  private async complete(messages: { role: 'user'; content: string }[]) {
    return this.openai.chat.completions.create({ model: 'gpt-4.1-mini', messages });
  }
}
`,
      'src/triage.ts': `import { Agent } from './agent';
export async function triage(ticket: string, instructions: string) {
  const agent = new Agent();
  return agent.start(\`\${instructions}\n\n\${ticket}\`);
}
`,
      'src/routes.ts': `import { triage } from './triage';
export async function onTicket(ticket: string) {
  return triage(ticket, 'Classify this support ticket as billing, bug or other.');
}
`,
    },
    // The calls that only hand `task` on (start → chat → reply) are hops, not sites, and so is reply's call of the private
    // complete (a step inside the class); the one request is counted once, at the app's outermost caller.
    sites: [
      { file: 'src/agent.ts', line: 14, kind: 'sdk', inTotals: false },
      { file: 'src/routes.ts', line: 3, kind: 'wrapper-caller', via: 'src/triage.ts:4', model: 'gpt-4.1-mini', promptIncludes: ['Classify this support ticket'], inTotals: true },
      { file: 'src/triage.ts', line: 4, kind: 'wrapper-caller', via: 'src/agent.ts:5', inTotals: false },
    ],
    check: (result) => {
      const caller = result.callSites.find((site) => site.file === 'src/triage.ts')!;
      assert.deepEqual(caller.via?.through?.map((helper) => helper.function), ['Agent.chat', 'Agent.reply', 'Agent.complete']);
    },
  },
  {
    name: "a module's unexported functions and a helper's own closures are not levels: the callers of an exported function whose request lies four functions deep are found, and theirs",
    files: {
      'src/llm.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function complete(options: { model: string; prompt: string }) {
  const send = () => openai.chat.completions.create({ model: options.model, messages: [{ role: 'user', content: options.prompt }] });
  return send();
}
`,
      'src/rules.ts': `import { complete } from './llm';
export async function chooseRule(email: string, rules: string) {
  return getResponse(email, \`Rules:\\n\${rules}\`);
}
async function getResponse(email: string, rules: string) {
  return getSingleRuleResponse(email, rules);
}
async function getSingleRuleResponse(email: string, rules: string) {
  return complete({ model: 'gpt-4.1-mini', prompt: \`Pick the rule that matches this email.\\n\${rules}\\n\${email}\` });
}
`,
      'src/inbox.ts': `import { chooseRule } from './rules';
export async function onEmail(body: string) {
  return chooseRule(\`Subject: invoice\\n\${body}\`, 'archive newsletters; label receipts');
}
`,
      'src/webhook.ts': `import { onEmail } from './inbox';
export async function handleWebhook(payload: { body: string }) {
  return onEmail(payload.body.slice(0, 4000));
}
`,
    },
    // getResponse only hands its parameters on, and the calls of `send` and `getResponse` are steps inside their
    // functions (only their module can call them), whose own callers were found: hops (via.through), not sites. The
    // webhook is the feature, counted once.
    sites: [
      { file: 'src/inbox.ts', line: 3, kind: 'wrapper-caller', via: 'src/rules.ts:3', inTotals: true, relays: ['src/webhook.ts:3'] },
      { file: 'src/llm.ts', line: 4, kind: 'sdk', inTotals: false },
      { file: 'src/rules.ts', line: 9, kind: 'wrapper-caller', via: 'src/llm.ts:5', inTotals: false },
    ],
  },
  {
    name: "a helper making its request on a client it is handed: each caller's client says who serves the caller's calls",
    files: {
      'src/tooled.ts': `import OpenAI from 'openai';
export async function tooledComplete(client: OpenAI, model: string, prompt: string) {
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
}
`,
      'src/groq.ts': `import OpenAI from 'openai';
import { tooledComplete } from './tooled';
export class GroqProvider {
  private client = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1', apiKey: process.env.GROQ_API_KEY });
  async complete(question: string) {
    return tooledComplete(this.client, 'llama-3.3-70b-versatile', \`Answer briefly: \${question}\`);
  }
}
`,
      'src/lmstudio.ts': `import OpenAI from 'openai';
import { tooledComplete } from './tooled';
const local = new OpenAI({ baseURL: 'http://localhost:1234/v1', apiKey: 'lm-studio' });
export const rewrite = (text: string) => tooledComplete(local, 'qwen2.5-7b-instruct', \`Rewrite this politely: \${text}\`);
`,
      'src/plain.ts': `import OpenAI from 'openai';
import { tooledComplete } from './tooled';
const openai = new OpenAI();
export const translate = (text: string) => tooledComplete(openai, 'gpt-4.1-mini', \`Translate to French: \${text}\`);
`,
      'src/forward.ts': `import OpenAI from 'openai';
import { tooledComplete } from './tooled';
export async function titleWith(client: OpenAI, text: string) {
  return tooledComplete(client, 'gpt-4.1-nano', \`Write a title for: \${text}\`);
}
`,
      'src/titles.ts': `import OpenAI from 'openai';
import { titleWith } from './forward';
const groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });
export const title = (text: string) => titleWith(groq, text);
`,
    },
    // The helper's callers disagree (Groq, LM Studio, OpenAI): its own site stays as its request states it. A caller
    // handing on a client parameter of its own leaves it to its callers: titles.ts passes Groq's, its only caller.
    sites: [
      { file: 'src/forward.ts', line: 4, kind: 'wrapper-caller', via: 'src/tooled.ts:3', provider: 'groq', inTotals: true, relays: ['src/titles.ts:4'] },
      { file: 'src/groq.ts', line: 6, kind: 'wrapper-caller', via: 'src/tooled.ts:3', model: 'llama-3.3-70b-versatile', provider: 'groq' },
      { file: 'src/lmstudio.ts', line: 4, kind: 'wrapper-caller', via: 'src/tooled.ts:3', model: 'qwen2.5-7b-instruct', provider: 'lmstudio' },
      { file: 'src/plain.ts', line: 4, kind: 'wrapper-caller', via: 'src/tooled.ts:3', model: 'gpt-4.1-mini', provider: 'openai' },
      { file: 'src/tooled.ts', line: 3, kind: 'sdk', provider: 'openai', inTotals: false },
    ],
  },
  {
    name: "an Anthropic helper handed its client by one caller: Bedrock's client makes the caller's and the helper's requests Bedrock's",
    files: {
      'src/anthropicTooled.ts': `import Anthropic from '@anthropic-ai/sdk';
export async function anthropicComplete(client: Anthropic, model: string, prompt: string) {
  return client.messages.create({ model, max_tokens: 1024, messages: [{ role: 'user', content: prompt }] });
}
`,
      'src/bedrock.ts': `import Anthropic from '@anthropic-ai/sdk';
import { anthropicComplete } from './anthropicTooled';
const region = process.env.AWS_REGION;
const bedrock = new Anthropic({ baseURL: \`https://bedrock-mantle.\${region}.api.aws/anthropic\` });
export const summarize = (text: string) => anthropicComplete(bedrock, 'claude-haiku-4-5', \`Summarize this ticket: \${text}\`);
`,
    },
    sites: [
      { file: 'src/anthropicTooled.ts', line: 3, kind: 'sdk', model: 'claude-haiku-4-5', provider: 'aws-bedrock', inTotals: true, relays: ['src/bedrock.ts:5'] }
    ],
  },
  {
    name: "an AI SDK helper handed its model object: the provider of the model the caller passes (a provider map's entry for the key it names)",
    files: {
      'src/generic-ai.ts': `import { createOpenAI } from '@ai-sdk/openai';
import { createVertex } from '@ai-sdk/google-vertex';
import { anthropic } from '@ai-sdk/anthropic';
const providerList: Record<string, any> = {
  openai: createOpenAI({ apiKey: process.env.OPENAI_API_KEY }),
  vertex: createVertex({ project: 'acme', location: 'global' }),
  anthropic,
};
export function getModel(name: string, provider = 'openai') {
  return providerList[provider](name);
}
`,
      'src/extract.ts': `import { generateText } from 'ai';
import { getModel } from './generic-ai';
export async function generateCompletions({ model = getModel('gpt-4o-mini'), retryModel = getModel('claude-3-5-haiku-latest', 'anthropic'), prompt }: { model?: any; retryModel?: any; prompt: string }) {
  let currentModel = model;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await generateText({ model: currentModel, prompt });
    } catch {
      currentModel = retryModel;
    }
  }
}
`,
      'src/rerank.ts': `import { generateCompletions } from './extract';
import { getModel } from './generic-ai';
export const rerank = (links: string) => generateCompletions({ model: getModel('gemini-2.5-pro', 'vertex'), prompt: \`Rank these links by relevance: \${links}\` });
export const summarize = (text: string) => generateCompletions({ model: getModel('claude-haiku-4-5', 'anthropic'), prompt: \`Summarize: \${text}\` });
export const plain = (text: string) => generateCompletions({ prompt: \`Title for: \${text}\` });
`,
    },
    sites: [
      { file: 'src/extract.ts', line: 7, kind: 'sdk', provider: 'openai', inTotals: false },
      { file: 'src/rerank.ts', line: 3, kind: 'wrapper-caller', via: 'src/extract.ts:7', model: 'gemini-2.5-pro', provider: 'google-vertex' },
      { file: 'src/rerank.ts', line: 4, kind: 'wrapper-caller', via: 'src/extract.ts:7', model: 'claude-haiku-4-5', provider: 'anthropic' },
      { file: 'src/rerank.ts', line: 5, kind: 'wrapper-caller', via: 'src/extract.ts:7', model: 'gpt-4o-mini', provider: 'openai' },
    ],
  },
  {
    name: 'a request in a route handler belongs to the route: the call that registers the routes is no caller of it',
    files: {
      'src/llm.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function summarize(text: string) {
  return openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: \`Summarize this thread in three sentences: \${text}\` }] });
}
`,
      'src/routes.ts': `import { summarize } from './llm';
export function chatEndpoints(app: { post(path: string, handler: (req: any, res: any) => Promise<void>): void }) {
  app.post('/api/summary', async (req, res) => {
    res.json(await summarize(req.body.text));
  });
}
`,
      'src/server.ts': `import { chatEndpoints } from './routes';
declare const app: { post(path: string, handler: (req: any, res: any) => Promise<void>): void };
chatEndpoints(app);
`,
      // A cache's get-or-compute runs its function when called: no route (no path), so getSummary stays a helper; it hands
      // its own parameter on (inside the callback), so it is a hop, and dailyDigest, handing it only its parameter, is
      // listed on the request it goes through.
      'src/cached.ts': `import { summarize } from './llm';
declare const cache: { get<T>(key: string, compute: () => Promise<T>): Promise<T> };
export async function getSummary(thread: string) {
  return cache.get('summary', async () => summarize(thread));
}
`,
      'src/digest.ts': `import { getSummary } from './cached';
export async function dailyDigest(thread: string) {
  return getSummary(thread);
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', inTotals: true, relays: ['src/routes.ts:4', 'src/digest.ts:3'] },
    ],
  },
  {
    name: "a handler handed to a control's `onClick`/`onChange` (Obsidian's settings) runs when the user acts: rendering the settings, which registers it, is no caller of the request inside it",
    files: {
      'src/llm.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function summarizeVault() {
  return openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Summarize the notes in this vault.' }] });
}
`,
      'src/settings.ts': `import { summarizeVault } from './llm';
declare class Setting { constructor(el: unknown); addButton(build: (button: { onClick(handler: () => void): void }) => void): Setting; }
export class SettingsTab {
  display(): void {
    new Setting(null).addButton((button) => button.onClick(async () => {
      await summarizeVault();
      this.display();
    }));
  }
}
`,
      'src/main.ts': `import { SettingsTab } from './settings';
export function open() {
  new SettingsTab().display();
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', relays: ['src/settings.ts:6'] },
    ],
  },
  {
    name: 'object factory: createGenerateObject(opts)(input) binds both calls',
    files: {
      'src/generate.ts': `import { generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
export const createGenerateObject = (opts: { model: string; system: string }) => async (input: string) =>
  generateObject({ model: openai(opts.model), system: opts.system, prompt: input, schema: undefined as never });
`,
      'src/tags.ts': `import { createGenerateObject } from './generate';
export async function suggestTags(note: string) {
  return createGenerateObject({ model: 'gpt-4o-mini', system: 'Suggest three tags for the note.' })(note);
}
`,
    },
    sites: [
      { file: 'src/generate.ts', line: 4, kind: 'sdk', promptIncludes: ['Suggest three tags'], inTotals: true, relays: ['src/tags.ts:3'] }
    ],
  },
  {
    name: 'object factory held in a const: each call of the held function is a request with its own prompt; making it sends nothing',
    files: {
      'src/generate.ts': `import { generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
export function createGenerateObject(opts: { model: string; label: string }) {
  return async (input: { system: string; prompt: string }) => {
    return generateObject({ model: openai(opts.model), system: input.system, prompt: input.prompt, schema: undefined as never });
  };
}
`,
      'src/translate.ts': `import { createGenerateObject } from './generate';
export async function translate(text: string) {
  const generateObject = createGenerateObject({ model: 'gpt-4o-mini', label: 'Translate' });
  const first = await generateObject({ system: 'Translate the email into French.', prompt: text });
  const check = await generateObject({ system: 'Check the French translation for errors.', prompt: String(first) });
  return check;
}
`,
    },
    sites: [
      { file: 'src/generate.ts', line: 5, kind: 'sdk', inTotals: false },
      { file: 'src/translate.ts', line: 4, kind: 'wrapper-caller', via: 'src/generate.ts:5', model: 'gpt-4o-mini', promptIncludes: ['Translate the email into French'], inTotals: true },
      { file: 'src/translate.ts', line: 5, kind: 'wrapper-caller', via: 'src/generate.ts:5', model: 'gpt-4o-mini', promptIncludes: ['Check the French translation'], inTotals: true },
    ],
  },
  {
    name: "request options made from the options a factory's function is handed (through the app's own functions): the caller's system and prompt are sent; the helper's own prompt is unknown, never empty",
    files: {
      'src/generate.ts': `import { generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
declare function harden(options: object, level: string): object;
export function createGenerateObject(settings: { label: string }) {
  return async (options: { system: string; prompt: string; schema: unknown }) => {
    const protectedOptions = harden({ ...options, label: settings.label }, 'full');
    return generateObject({ ...protectedOptions, model: openai('gpt-4o-mini') } as never);
  };
}
`,
      'src/sort.ts': `import { createGenerateObject } from './generate';
export async function sortSender(sender: string) {
  const generateObject = createGenerateObject({ label: 'Sort sender' });
  const system = 'Put the sender into one of these categories: newsletter, receipt, personal.';
  return generateObject({ system, prompt: sender, schema: {} });
}
`,
    },
    sites: [
      { file: 'src/generate.ts', line: 7, kind: 'sdk', model: 'gpt-4o-mini', promptIncludes: ['Put the sender into one of these categories'], inTotals: true, relays: ['src/sort.ts:5'] }
    ],
    check: (result) => {
      const helper = result.callSites.find((site) => site.file === 'src/generate.ts')!;
      assert.ok(helper.tokens.inputPerCall > 0, `the helper's prompt is sized as unknown, not counted as empty: ${JSON.stringify(helper.tokens)}`);
    },
  },
  {
    name: 'a factory-made request function handed to another function typed ReturnType<typeof factory>: its calls there are the requests',
    files: {
      'src/generate.ts': `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
export function createGenerateText(settings: { label: string }) {
  return async (input: { system: string; prompt: string }) => generateText({ model: openai('gpt-4o-mini'), system: input.system, prompt: input.prompt });
}
`,
      'src/rules.ts': `import { createGenerateText } from './generate';
export async function chooseRule(email: string) {
  const generateText = createGenerateText({ label: 'Choose rule' });
  return pickOne({ email, generateText });
}
async function pickOne({ email, generateText }: { email: string; generateText: ReturnType<typeof createGenerateText> }) {
  return generateText({ system: 'Pick the one rule that applies to this email.', prompt: email });
}
`,
    },
    sites: [
      { file: 'src/generate.ts', line: 4, kind: 'sdk', inTotals: false },
      // Making the function and handing it on sends nothing; the call in pickOne does, and chooseRule's call of pickOne is the feature.
      { file: 'src/rules.ts', line: 4, kind: 'wrapper-caller', via: 'src/rules.ts:7', model: 'gpt-4o-mini', promptIncludes: ['Pick the one rule'], inTotals: true },
      { file: 'src/rules.ts', line: 7, kind: 'wrapper-caller', via: 'src/generate.ts:4', model: 'gpt-4o-mini', promptIncludes: ['Pick the one rule'], inTotals: false },
    ],
  },
  {
    name: 'a factory-made request function injected under an alias of its type (type Generate = ReturnType<typeof makeGenerate>) into another factory: its call there is found (the one call, listed on the request)',
    files: {
      'src/llm/openai-api.ts': `import OpenAI from 'openai';
export function makeGenerateChatCompletion({ client, model }: { client: OpenAI; model: string }) {
  return async function generateChatCompletion({ messages }: { messages: OpenAI.ChatCompletionMessageParam[] }) {
    const completion = await client.chat.completions.create({ model, messages });
    return completion.choices[0].message.content;
  };
}
export type GenerateChatCompletion = ReturnType<typeof makeGenerateChatCompletion>;
`,
      'src/llm/summarize.ts': `import type { GenerateChatCompletion } from './openai-api';
export type MakeSummarizeArgs = { generate: GenerateChatCompletion };
export function makeSummarize({ generate }: MakeSummarizeArgs) {
  return async function summarize(text: string) {
    return generate({ messages: [{ role: 'system', content: 'Summarize the release artifact in at most 200 words.' }, { role: 'user', content: text }] });
  };
}
`,
      'src/llm/unrelated.ts': `type GenerateChatCompletion = (input: { messages: string[] }) => Promise<string>;
export async function echo(generate: GenerateChatCompletion) {
  return generate({ messages: ['not the factory'] });
}
`,
    },
    sites: [
      { file: 'src/llm/openai-api.ts', line: 4, kind: 'sdk', promptIncludes: ['Summarize the release artifact'], inTotals: true, relays: ['src/llm/summarize.ts:5'] }
    ],
  },
  {
    name: "a factory returning a typed factory's product (makeClassifyAudience(): Classifier returning makeClassifier({ types })): the calls of the value it makes are the callers, the returned call a hop",
    files: {
      'src/classifier.ts': `import OpenAI from 'openai';
export type Classifier = (args: { input: string }) => Promise<{ classification: string }>;
export function makeClassifier({ client, model, types }: { client: OpenAI; model: string; types: string[] }): Classifier {
  return async function classify({ input }) {
    const res = await client.chat.completions.create({ model, messages: [{ role: 'system', content: \`Classify the text into one of: \${types.join(', ')}\` }, { role: 'user', content: input }] });
    return { classification: res.choices[0].message.content ?? '' };
  };
}
`,
      'src/audience.ts': `import OpenAI from 'openai';
import { makeClassifier, type Classifier } from './classifier';
export function makeClassifyAudience({ client, model }: { client: OpenAI; model: string }): Classifier {
  return makeClassifier({ client, model, types: ['internal', 'external'] });
}
`,
      'src/changelog.ts': `import OpenAI from 'openai';
import { makeClassifyAudience } from './audience';
export function makeClassifyChangelog({ client, model }: { client: OpenAI; model: string }) {
  const classifyAudience = makeClassifyAudience({ client, model });
  return async function classifyChangelog({ changelog }: { changelog: string }) {
    const { classification } = await classifyAudience({ input: changelog });
    return classification;
  };
}
`,
    },
    sites: [
      // The changelog's classifier hands the audience classifier (a hop) only its text: listed on the request, through it.
      { file: 'src/classifier.ts', line: 5, kind: 'sdk', inTotals: true, relays: ['src/changelog.ts:6'] },
    ],
  },
  {
    name: "a typed factory's product held by an exported const with no type (wrapped by wrapTraced, or not) and called in other files: the factory call is the site (the hop inside the product is not)",
    files: {
      'src/generateChildren.ts': `import OpenAI from 'openai';
export type GenerateChildren = (parent: string, llmOptions: { model: string }) => Promise<string[]>;
export function makeGenerateChildren({ client, makePrompt }: { client: OpenAI; makePrompt: (parent: string) => string }): GenerateChildren {
  return async function generateChildren(parent, llmOptions) {
    const res = await complete({ client, prompt: makePrompt(parent), ...llmOptions });
    return (res.choices[0].message.content ?? '').split('\\n');
  };
}
async function complete({ client, prompt, ...config }: { client: OpenAI; prompt: string; model: string }) {
  return client.chat.completions.create({ ...config, messages: [{ role: 'user', content: prompt }] });
}
`,
      'src/users.ts': `import OpenAI from 'openai';
import { wrapTraced } from 'braintrust';
import { makeGenerateChildren } from './generateChildren';
export const generateUsers = wrapTraced(
  makeGenerateChildren({ client: new OpenAI(), makePrompt: (parent) => \`List realistic users of the database \${parent}, one per line.\` }),
  { name: 'generateUsers' },
);
`,
      'src/useCases.ts': `import OpenAI from 'openai';
import { makeGenerateChildren } from './generateChildren';
export const generateUseCases = makeGenerateChildren({ client: new OpenAI(), makePrompt: (user) => \`List what the user \${user} does with the database, one per line.\` });
`,
      'src/bin/generate.ts': `import { generateUsers } from '../users';
import { generateUseCases } from '../useCases';
export async function main() {
  for (const user of await generateUsers('sample_mflix', { model: 'gpt-4o-mini' })) await generateUseCases(user, { model: 'gpt-4o-mini' });
}
`,
    },
    sites: [
      { file: 'src/generateChildren.ts', line: 10, kind: 'sdk', inTotals: false },
      { file: 'src/useCases.ts', line: 3, kind: 'wrapper-caller', via: 'src/generateChildren.ts:5', inTotals: true },
      { file: 'src/users.ts', line: 5, kind: 'wrapper-caller', via: 'src/generateChildren.ts:5', inTotals: true },
    ],
  },
  {
    name: "providers behind one interface, one of them Claude Code run headless on someone's login: the feature is priced through the provider on an API key",
    files: {
      'src/provider.ts': `export interface LlmProvider { generateText(prompt: string): Promise<string> }
`,
      'src/claudeCli.ts': `import { spawn } from 'node:child_process';
import type { LlmProvider } from './provider';
export class ClaudeCliProvider implements LlmProvider {
  async generateText(prompt: string) {
    const child = spawn('claude', ['-p', prompt, '--model', 'haiku']);
    return new Promise<string>((resolve) => child.stdout.on('data', (data) => resolve(String(data))));
  }
}
`,
      'src/openaiProvider.ts': `import OpenAI from 'openai';
import type { LlmProvider } from './provider';
const client = new OpenAI();
export class OpenAiProvider implements LlmProvider {
  async generateText(prompt: string) {
    const res = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
    return res.choices[0].message.content ?? '';
  }
}
`,
      'src/lesson.ts': `import type { LlmProvider } from './provider';
export async function writeLesson(gen: LlmProvider, topic: string) {
  return gen.generateText(\`Write a short lesson about \${topic} for beginners.\`);
}
`,
    },
    sites: [
      { file: 'src/claudeCli.ts', line: 5, kind: 'sdk', inTotals: false },
      { file: 'src/lesson.ts', line: 3, kind: 'wrapper-caller', via: 'src/openaiProvider.ts:6', model: 'gpt-4o-mini', promptIncludes: ['Write a short lesson'], inTotals: true },
      { file: 'src/openaiProvider.ts', line: 6, kind: 'sdk', inTotals: false },
    ],
  },
  {
    name: "a route running the model its page posts: the page's state starts at one of the page's offered models, which are the candidates, the state's start first",
    files: {
      'app/api/chat/route.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export async function POST(req: Request) {
  const { messages, model } = await req.json();
  return anthropic.messages.create({ model, max_tokens: 1000, messages });
}
`,
      'app/page.tsx': `import { useState } from 'react';
const models = [
  { id: 'claude-3-haiku-20240307', name: 'Claude 3 Haiku' },
  { id: 'claude-3-5-sonnet-20240620', name: 'Claude 3.5 Sonnet' },
];
export default function Page() {
  const [selectedModel, setSelectedModel] = useState('claude-3-5-sonnet-20240620');
  const send = (text: string) => fetch('/api/chat', { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: text }], model: selectedModel }) });
  return { models, setSelectedModel, send };
}
`,
    },
    sites: [{ file: 'app/api/chat/route.ts', line: 5, kind: 'sdk', model: 'claude-3-5-sonnet-20240620', inTotals: true }],
    check: (result) => {
      const site = result.callSites[0];
      assert.deepEqual((site.model.candidates ?? []).map((candidate) => candidate.id), ['claude-3-5-sonnet-20240620', 'claude-3-haiku-20240307'], JSON.stringify(site.model));
    },
  },
  {
    name: "one route per provider running the model in the posted settings: the app's option objects tagged with that provider, wherever they are listed",
    files: {
      'app/api/chat/openai/route.ts': `import OpenAI from 'openai';
export async function POST(request: Request) {
  const json = await request.json();
  const { chatSettings, messages } = json as { chatSettings: { model: string }; messages: any[] };
  const openai = new OpenAI();
  return openai.chat.completions.create({ model: chatSettings.model, messages });
}
`,
      'lib/models/llm/openai-list.ts': `const GPT4o = { modelId: 'gpt-4o', modelName: 'GPT-4o', provider: 'openai' };
const GPT35 = { modelId: 'gpt-3.5-turbo', modelName: 'GPT-3.5 Turbo', provider: 'openai' };
export const OPENAI_LIST = [GPT4o, GPT35];
`,
      'lib/models/llm/mistral-list.ts': `export const MISTRAL_LIST = [{ modelId: 'mistral-small-latest', provider: 'mistral' }];
`,
    },
    sites: [{ file: 'app/api/chat/openai/route.ts', line: 6, kind: 'sdk', model: 'gpt-4o', inTotals: true }],
    check: (result) => {
      const site = result.callSites[0];
      assert.deepEqual((site.model.candidates ?? []).map((candidate) => candidate.id), ['gpt-4o', 'gpt-3.5-turbo'], JSON.stringify(site.model));
      assert.equal(site.model.source, 'user-choice', 'the settings come from the request body');
    },
  },
  {
    name: "a fetch helper handed the app's own route is no request to a model: only the caller handing it the model server's URL is",
    files: {
      'src/chat.ts': `export const fetchChatResponse = async (url: string, body: object) => {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  return response.json();
};
export async function localChat(model: string, text: string) {
  return fetchChatResponse(process.env.OLLAMA_URL + '/api/chat', { model: 'llama3.1', messages: [{ role: 'user', content: text }], stream: false });
}
export async function hostedChat(provider: string, text: string) {
  const apiEndpoint = provider === 'custom' ? '/api/chat/custom' : \`/api/chat/\${provider}\`;
  return fetchChatResponse(apiEndpoint, { messages: [{ role: 'user', content: text }] });
}
`,
    },
    // No site at hostedChat's call (line 10): it posts to the app's own route.
    sites: [
      { file: 'src/chat.ts', line: 2, model: 'llama3.1' },
      { file: 'src/chat.ts', line: 6, model: 'llama3.1' },
    ],
  },
  {
    name: "tests that replace a provider package the helper reaches through another module, the helper's fetch layer, or use the AI SDK's mock models call it without a request",
    files: {
      'src/llm/secureFetch.ts': `export const secureFetch = (url: string, init: unknown) => fetch(url, init as RequestInit);
`,
      'src/llm/providers.ts': `import { createOpenAI } from '@ai-sdk/openai';
import { secureFetch } from './secureFetch';
export const buildModel = (name: string) => createOpenAI({ fetch: secureFetch as typeof fetch })(name);
`,
      'src/llm/llmText.ts': `import { generateText } from 'ai';
import { buildModel } from './providers';
import { secureFetch } from './secureFetch';
export async function generateLLMText(prompt: string) {
  void secureFetch;
  return generateText({ model: buildModel('gpt-4.1-mini'), prompt });
}
`,
      'src/llm/llmText.test.ts': `import { vi, it } from 'vitest';
import { generateLLMText } from './llmText';
vi.mock('@ai-sdk/openai', () => ({ createOpenAI: vi.fn() }));
it('generates', async () => { await generateLLMText('Say hello'); });
`,
      'src/llm/shape/requestShape.test.ts': `import { vi, it } from 'vitest';
import { generateLLMText } from '../llmText';
vi.mock('../secureFetch', () => ({ secureFetch: vi.fn() }));
it('sends the right shape', async () => { await generateLLMText('Say hello'); });
`,
      'src/llm/telemetry.test.ts': `import { it } from 'vitest';
import { MockLanguageModelV4 } from 'ai/test';
import { generateLLMText } from './llmText';
it('traces', async () => { void new MockLanguageModelV4({}); await generateLLMText('Say hello'); });
`,
      'src/llm/live.test.ts': `import { it } from 'vitest';
import { generateLLMText } from './llmText';
it('talks to the model', async () => { await generateLLMText('Say hello for real'); });
`,
    },
    sites: [
      { file: 'src/llm/live.test.ts', line: 3, kind: 'wrapper-caller', via: 'src/llm/llmText.ts:6' },
      { file: 'src/llm/llmText.ts', line: 6, kind: 'sdk', model: 'gpt-4.1-mini' },
    ],
  },
  {
    name: "a class's field made by a factory class's static method: the adapter its switch hands out first is priced; a base class only its subclasses hand a model keeps its own default first",
    files: {
      'src/embeddings/base.ts': `export interface Embedder { embed(text: string): Promise<unknown>; }
`,
      'src/embeddings/azure.ts': `import { AzureOpenAI } from 'openai';
import type { Embedder } from './base';
export class AzureOpenAIEmbedder implements Embedder {
  private client = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: '2024-10-21' });
  async embed(text: string) {
    return this.client.embeddings.create({ model: 'text-embedding-3-large', input: text });
  }
}
`,
      'src/embeddings/openai.ts': `import OpenAI from 'openai';
import type { Embedder } from './base';
export class OpenAIEmbedder implements Embedder {
  private client = new OpenAI();
  private model: string;
  constructor(config: { model?: string }) {
    this.model = config.model || 'text-embedding-3-small';
  }
  async embed(text: string) {
    return this.client.embeddings.create({ model: this.model, input: text });
  }
}
`,
      'src/embeddings/together.ts': `import { OpenAIEmbedder } from './openai';
export class TogetherEmbedder extends OpenAIEmbedder {
  constructor(config: { model?: string }) {
    super({ ...config, model: config.model || 'intfloat/multilingual-e5-large-instruct' });
  }
}
`,
      'src/factory.ts': `import type { Embedder } from './embeddings/base';
import { OpenAIEmbedder } from './embeddings/openai';
import { AzureOpenAIEmbedder } from './embeddings/azure';
import { TogetherEmbedder } from './embeddings/together';
export class EmbedderFactory {
  static create(provider: string, config: { model?: string }): Embedder {
    switch (provider.toLowerCase()) {
      case 'openai':
        return new OpenAIEmbedder(config);
      case 'together':
        return new TogetherEmbedder(config);
      case 'azure_openai':
        return new AzureOpenAIEmbedder();
      default:
        throw new Error(\`Unsupported embedder provider: \${provider}\`);
    }
  }
}
`,
      'src/memory.ts': `import type { Embedder } from './embeddings/base';
import { EmbedderFactory } from './factory';
export class Memory {
  private embedder: Embedder;
  constructor(config: { provider: string; embedder: { model?: string } }) {
    this.embedder = EmbedderFactory.create(config.provider, config.embedder);
  }
  async search(query: string) {
    return this.embedder.embed(query);
  }
}
`,
    },
    sites: [
      { file: 'src/embeddings/azure.ts', line: 6, kind: 'sdk' },
      { file: 'src/embeddings/openai.ts', line: 10, kind: 'sdk', model: 'text-embedding-3-small' },
      { file: 'src/memory.ts', line: 9, kind: 'wrapper-caller', via: 'src/embeddings/openai.ts:10', model: 'text-embedding-3-small' },
    ],
  },
  {
    name: "a provider made by a factory declared to return a function type (a registry of provider factories): the gateway calling the provider's stream() and the feature calling the gateway are call sites",
    files: {
      'shared/gateway.ts': `export interface GatewayStreamRequest { prompt: string; modelId: string }
export interface GatewayProvider {
  stream(request: GatewayStreamRequest): AsyncIterable<string> | Promise<AsyncIterable<string>>;
}
export type GatewayProviderFactory = (config: { apiKey?: string }) => GatewayProvider | Promise<GatewayProvider>;
`,
      'llms/ai-sdk.ts': `import { streamText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import type { GatewayProviderFactory } from '../shared/gateway';
function createAiSdkProvider(kind: string): GatewayProviderFactory {
  return async (config) => ({
    async *stream(request) {
      const result = streamText({ model: createOpenAI({ apiKey: config.apiKey })(request.modelId), prompt: request.prompt });
      for await (const part of result.textStream) yield part;
    },
  });
}
export const createOpenAIProvider = createAiSdkProvider('openai');
`,
      'llms/gateway.ts': `import type { GatewayProviderFactory, GatewayStreamRequest } from '../shared/gateway';
import { createOpenAIProvider } from './ai-sdk';
export class ProviderRegistry {
  private records = new Map<string, { createProvider: GatewayProviderFactory; config: { apiKey?: string } }>();
  constructor() {
    this.records.set('openai', { createProvider: createOpenAIProvider, config: { apiKey: process.env.OPENAI_API_KEY } });
  }
  async createProvider(providerId: string): Promise<{ createProvider: GatewayProviderFactory; config: { apiKey?: string } }> {
    const record = this.records.get(providerId);
    if (!record) throw new Error(\`unknown provider \${providerId}\`);
    return record;
  }
}
export class Gateway {
  private registry = new ProviderRegistry();
  async stream(request: GatewayStreamRequest) {
    const providerRecord = await this.registry.createProvider('openai');
    const provider = await providerRecord.createProvider(providerRecord.config);
    return provider.stream({ ...request, modelId: 'gpt-4.1-mini' });
  }
}
`,
      'llms/feature.ts': `import { Gateway } from './gateway';
const gateway = new Gateway();
export async function summarize(text: string) {
  return gateway.stream({ prompt: \`Summarize: \${text}\`, modelId: 'x' });
}
`,
    },
    sites: [
      { file: 'llms/ai-sdk.ts', line: 7, kind: 'sdk', inTotals: false },
      { file: 'llms/feature.ts', line: 4, kind: 'wrapper-caller', via: 'llms/gateway.ts:19', model: 'gpt-4.1-mini', promptIncludes: ['Summarize'], inTotals: true },
      { file: 'llms/gateway.ts', line: 19, kind: 'wrapper-caller', via: 'llms/ai-sdk.ts:7', inTotals: false },
    ],
  },
  {
    name: "a test that mocks the module of a request two helpers down (a memory class's provider, made by a factory) calls the class without a request; an unmocked test still makes one",
    files: {
      'src/llms/openai.ts': `import OpenAI from 'openai';
export class OpenAILLM {
  private client = new OpenAI();
  async generateResponse(prompt: string) {
    return this.client.chat.completions.create({ model: 'gpt-4.1-nano', messages: [{ role: 'user', content: prompt }] });
  }
}
`,
      'src/factory.ts': `import { OpenAILLM } from './llms/openai';
export class LLMFactory {
  static create() {
    return new OpenAILLM();
  }
}
`,
      'src/memory.ts': `import { LLMFactory } from './factory';
export class Memory {
  private llm = LLMFactory.create();
  async add(text: string) {
    return this.llm.generateResponse(\`Extract the facts worth remembering from: \${text}\`);
  }
}
`,
      'tests/memory.test.ts': `import { Memory } from '../src/memory';
jest.mock('../src/llms/openai', () => ({ OpenAILLM: jest.fn().mockImplementation(() => ({ generateResponse: jest.fn() })) }));
it('adds', async () => {
  await new Memory().add('I like tea');
});
`,
      'tests/live.test.ts': `import { Memory } from '../src/memory';
it('adds for real', async () => {
  await new Memory().add('I like coffee');
});
`,
    },
    sites: [
      { file: 'src/llms/openai.ts', line: 5, kind: 'sdk' },
      { file: 'src/memory.ts', line: 5, kind: 'wrapper-caller', via: 'src/llms/openai.ts:5' },
      { file: 'tests/live.test.ts', line: 3, kind: 'wrapper-caller', via: 'src/memory.ts:5' },
    ],
  },
  {
    name: "a test replacing the request's module with Jest's ES-module mock (jest.unstable_mockModule) calls the helper without a request",
    files: {
      'src/ai/ai.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function runInference(system: string, user: string) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: system }, { role: 'user', content: user }] });
}
`,
      'src/prompts/labels.ts': `import { runInference } from '../ai/ai.js';
export async function selectLabels(issue: string) {
  return runInference('Pick the labels that fit this issue.', issue);
}
export async function summarize(issue: string) {
  return runInference('Summarize this issue in two sentences.', issue);
}
`,
      '__fixtures__/ai.ts': `import { jest } from '@jest/globals';
export const runInference = jest.fn();
`,
      '__tests__/labels.test.ts': `import { jest } from '@jest/globals';
import * as ai from '../__fixtures__/ai.js';
jest.unstable_mockModule('../src/ai/ai.js', () => ai);
const { selectLabels, summarize } = await import('../src/prompts/labels.js');
it('selects', async () => {
  await selectLabels('crash on start');
});
it('summarizes', async () => {
  await summarize('crash on start');
});
`,
    },
    sites: [
      { file: 'src/ai/ai.ts', line: 4, kind: 'sdk' },
      { file: 'src/prompts/labels.ts', line: 3, kind: 'wrapper-caller', via: 'src/ai/ai.ts:4' },
      { file: 'src/prompts/labels.ts', line: 6, kind: 'wrapper-caller', via: 'src/ai/ai.ts:4' },
    ],
  },
  {
    name: "a test that mocks the fetch layer a provider's base class sends through (jest.mock('../utils/fetch')) calls the provider without a request",
    files: {
      'src/utils/fetch.ts': `export const standardFetch = (input: string, init?: RequestInit) => fetch(input, init);\n`,
      'src/llm/base.ts': `import { standardFetch } from '../utils/fetch';
export abstract class BaseProviderLLM {
  protected async makeRequest(endpoint: string, body: Record<string, unknown>) {
    return standardFetch(\`https://api.groq.com/openai/v1\${endpoint}\`, { method: 'POST', body: JSON.stringify(body) });
  }
}
`,
      'src/llm/groq.ts': `import { BaseProviderLLM } from './base';
export class GroqLLM extends BaseProviderLLM {
  async autocomplete(prompt: string) {
    return this.makeRequest('/chat/completions', { model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: prompt }] });
  }
}
`,
      'src/llm/groq.test.ts': `import { GroqLLM } from './groq';
jest.mock('../utils/fetch', () => ({ standardFetch: jest.fn() }));
it('completes', async () => {
  await new GroqLLM().autocomplete('Write a hello world function');
});
`,
    },
    sites: [{ file: 'src/llm/groq.ts', line: 4, kind: 'sdk' }],
  },
  {
    name: "a test that mocks the helper's SDK or the helper's module calls it without a request; a test that mocks neither still makes one",
    files: {
      'src/llm.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function complete(prompt: string) {
  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
}
`,
      'src/llm.test.ts': `import { vi, it } from 'vitest';
import { complete } from './llm';
vi.mock('openai', () => ({ default: vi.fn() }));
it('completes', async () => {
  await complete('Say hello');
});
`,
      'src/feature.test.ts': `import { vi, it } from 'vitest';
import { complete } from './llm';
vi.mock('./llm');
it('uses the helper', async () => {
  await complete('Say hello');
});
`,
      'src/live.test.ts': `import { it } from 'vitest';
import { complete } from './llm';
it('talks to the model', async () => {
  await complete('Say hello for real');
});
`,
    },
    sites: [
      { file: 'src/live.test.ts', line: 4, kind: 'wrapper-caller', via: 'src/llm.ts:4' },
      { file: 'src/llm.ts', line: 4, kind: 'sdk' },
    ],
  },
  {
    name: 'a test that mocks a reranker SDK the helper loads only when first used (`() => import(...)` handed to a loader) calls it without a request',
    files: {
      'src/rerank.ts': `async function loadOptional(pkg: string, load: () => Promise<any>): Promise<any> {
  try { return await load(); } catch { throw new Error(\`npm install \${pkg}\`); }
}
export class PassageReranker {
  private async client(): Promise<any> {
    const sdk = await loadOptional('zeroentropy', () => import('zeroentropy'));
    return new sdk.ZeroEntropy({ apiKey: process.env.ZEROENTROPY_API_KEY });
  }
  async rerank(query: string, documents: string[]) {
    const zclient = await this.client();
    return zclient.models.rerank({ model: 'zerank-1', query, documents });
  }
}
`,
      'src/rerank.test.ts': `import { PassageReranker } from './rerank';
jest.mock('zeroentropy', () => ({ ZeroEntropy: jest.fn() }));
it('orders passages', async () => {
  await new PassageReranker().rerank('refunds', ['a', 'b']);
});
`,
    },
    sites: [{ file: 'src/rerank.ts', line: 11, kind: 'sdk' }],
  },
  {
    name: 'a test that mocks transformers.js calls an in-process reranker without running a model; a test that does not mock it runs one',
    files: {
      'src/crossEncoder.ts': `export class CrossEncoder {
  private async load() {
    const { AutoModelForSequenceClassification, AutoTokenizer } = await import('@huggingface/transformers');
    const model = await AutoModelForSequenceClassification.from_pretrained('Xenova/ms-marco-MiniLM-L-6-v2');
    const tokenizer = await AutoTokenizer.from_pretrained('Xenova/ms-marco-MiniLM-L-6-v2');
    return { model, tokenizer };
  }
  async rerank(query: string, documents: string[]) {
    const { model, tokenizer } = await this.load();
    const inputs = tokenizer(documents.map(() => query), { text_pair: documents, padding: true });
    return model(inputs);
  }
}
`,
      'src/crossEncoder.test.ts': `import { CrossEncoder } from './crossEncoder';
jest.mock('@huggingface/transformers', () => ({ AutoModelForSequenceClassification: { from_pretrained: jest.fn() }, AutoTokenizer: { from_pretrained: jest.fn() } }));
it('ranks', async () => {
  await new CrossEncoder().rerank('refunds', ['a', 'b']);
});
`,
      'src/crossEncoder.live.test.ts': `import { CrossEncoder } from './crossEncoder';
it('ranks with the real model', async () => {
  await new CrossEncoder().rerank('refunds', ['a', 'b']);
});
`,
    },
    sites: [
      { file: 'src/crossEncoder.ts', line: 11, kind: 'sdk', relays: ['src/crossEncoder.live.test.ts:3'] },
    ],
  },
  {
    name: "a client component calling a server action posts to the app's server: the action's own request is the site",
    files: {
      'app/agent/action.ts': `'use server';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function runAgent(input: string) {
  return generateText({ model: openai('gpt-4o-mini'), prompt: input });
}
`,
      'app/agent/page.tsx': `'use client';
import { runAgent } from './action';
export default function Page() {
  return { onSubmit: (text: string) => runAgent(text) };
}
`,
    },
    sites: [{ file: 'app/agent/action.ts', line: 5, kind: 'sdk', model: 'gpt-4o-mini', inTotals: true }],
  },
  {
    name: "a generic server action sending only the prompt it is handed: a client component writing that prompt is the caller; one handing on what its user typed is not",
    files: {
      'app/actions.ts': `'use server';
import { generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function generateObjectAction({ prompt, schema }: { prompt: { system?: string; user?: string }; schema: any }) {
  const result = await generateObject({ model: openai('gpt-4.1'), system: prompt.system, prompt: prompt.user || '', schema });
  return result.object;
}
`,
      'components/schema-editor.tsx': `'use client';
import { generateObjectAction } from '../app/actions';
export function SchemaEditor({ example }: { example: string }) {
  return {
    generate: () =>
      generateObjectAction({ prompt: { system: 'You are an expert JSON Schema generator for workflow automation.', user: example }, schema: {} }),
    retype: (typed: { system: string; user: string }) => generateObjectAction({ prompt: typed, schema: {} }),
  };
}
`,
    },
    sites: [
      { file: 'app/actions.ts', line: 5, kind: 'sdk', model: 'gpt-4.1', promptIncludes: ['expert JSON Schema generator'], inTotals: true, relays: ['components/schema-editor.tsx:6'] }
    ],
  },
  {
    name: "a hook module without 'use client' that holds React state calls a server action from the browser; a server component calling it is a caller",
    files: {
      'lib/ai/generate-filters.ts': `'use server';
import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
export async function generateFilters(prompt: string) {
  return generateText({ model: anthropic('claude-sonnet-4-6'), prompt: \`Turn this into analytics filters: \${prompt}\` });
}
`,
      'ui/use-analytics-filters.tsx': `import { useState } from 'react';
import { generateFilters } from '../lib/ai/generate-filters';
export function useAnalyticsFilters() {
  const [streaming, setStreaming] = useState(false);
  return { ask: async (value: string) => { setStreaming(true); return generateFilters(value); }, streaming };
}
`,
      'app/report/page.tsx': `import { generateFilters } from '../../lib/ai/generate-filters';
export default async function Report() {
  return generateFilters('clicks from Germany last week');
}
`,
    },
    sites: [
      { file: 'lib/ai/generate-filters.ts', line: 5, kind: 'sdk', model: 'claude-sonnet-4-6', relays: ['app/report/page.tsx:3'] },
    ],
  },
  {
    name: 'a function that makes a Mastra agent for a framework to run is no helper: calling it sends nothing, the agent is its one site',
    files: {
      'src/agent.ts': `import { Agent } from '@mastra/core/agent';
import { openai } from '@ai-sdk/openai';
export class ToolsService {
  async agent() {
    return new Agent({ name: 'postiz', instructions: 'You schedule social media posts.', model: openai('gpt-5.2') });
  }
}
`,
      'src/mastra.ts': `import { Mastra } from '@mastra/core';
import { ToolsService } from './agent';
export async function mastra(tools: ToolsService) {
  return new Mastra({ agents: { postiz: await tools.agent() } });
}
`,
      'src/controller.ts': `import { mastra } from './mastra';
import { ToolsService } from './agent';
export async function threads(tools: ToolsService) {
  const instance = await mastra(tools);
  return instance;
}
`,
    },
    sites: [{ file: 'src/agent.ts', line: 5, kind: 'sdk', model: 'gpt-5.2', inTotals: true }],
  },
  {
    name: "a wrapper named like the SDK's streamText is a helper only where imported from the app",
    files: {
      'src/stream-text.ts': `import { streamText as _streamText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
export function streamText(messages: string, env: unknown) {
  return _streamText({ model: anthropic('claude-3-5-sonnet-latest'), prompt: messages });
}
`,
      'src/chat.ts': `import { streamText } from './stream-text';
export async function chatAction(messages: string) {
  return streamText(messages, {});
}
`,
      'src/other.ts': `import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function direct(prompt: string) {
  return streamText({ model: openai('gpt-4o'), prompt });
}
`,
    },
    sites: [
      { file: 'src/other.ts', line: 4, kind: 'sdk', model: 'gpt-4o', inTotals: true },
      { file: 'src/stream-text.ts', line: 4, kind: 'sdk', inTotals: true, relays: ['src/chat.ts:3'] },
    ],
  },
  {
    name: 'a helper imported through a path alias (~/lib/...) is bound by the path after the alias',
    files: {
      'app/lib/llm/ask.ts': `import OpenAI from 'openai';
export async function askModel(question: string) {
  return new OpenAI().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
}
`,
      'app/routes/faq.ts': `import { askModel } from '~/lib/llm/ask';
export async function answerFaq(question: string) {
  return askModel(\`Answer this FAQ briefly: \${question}\`);
}
`,
      'app/routes/other.ts': `import { askModel } from '~/lib/other/ask';
export async function elsewhere(question: string) {
  return askModel(question);
}
`,
    },
    sites: [
      { file: 'app/lib/llm/ask.ts', line: 3, kind: 'sdk', promptIncludes: ['Answer this FAQ briefly'], inTotals: true, relays: ['app/routes/faq.ts:3'] }
    ],
  },
  {
    name: 'calls under tests, scripts and a user glob are listed as not production and left out of the totals',
    files: {
      'src/llm.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
`,
      'test/llm.test.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
`,
      'scripts/seed.ts': `import OpenAI from 'openai';
new OpenAI().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'seed' }] });
`,
      'tools/smoke.ts': `import OpenAI from 'openai';
new OpenAI().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'smoke' }] });
`,
    },
    extraGlobs: ['tools/**'],
    sites: [
      { file: 'scripts/seed.ts', line: 2, production: false, inTotals: false },
      { file: 'src/llm.ts', line: 3, production: true, inTotals: true },
      { file: 'test/llm.test.ts', line: 3, production: false, inTotals: false },
      { file: 'tools/smoke.ts', line: 2, production: false, inTotals: false },
    ],
    check: (result) => {
      const production = result.callSites.find((site) => site.file === 'src/llm.ts')!;
      assert.equal(result.summary.monthlyUsdCurrent, Math.round((production.monthlyUsdCurrent ?? 0) * 100) / 100);
      assert.match(result.callSites.find((site) => site.file === 'tools/smoke.ts')!.nonProductionReason ?? '', /tools\/\*\*/);
    },
  },
  {
    name: "hops: an adapter's call into its own request method stays a site when a caller reaches the adapter only as one of the alternatives the settings choose between",
    files: {
      'src/model.ts': `export interface Model {
  complete(prompt: string): Promise<string>;
}
`,
      'src/chatgpt.ts': `import OpenAI from 'openai';
import type { Model } from './model';
export class ChatGPT implements Model {
  async complete(prompt: string) {
    const response = await new OpenAI().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
    return response.choices[0].message.content ?? '';
  }
}
`,
      'src/ooba.ts': `import type { Model } from './model';
import { askLocal } from './local';
export class Ooba implements Model {
  async complete(prompt: string) {
    return askLocal(prompt, new Date());
  }
}
`,
      'src/local.ts': `import OpenAI from 'openai';
const local = new OpenAI({ baseURL: 'http://localhost:5000/v1', apiKey: 'none' });
export async function askLocal(prompt: string, sentAt: Date) {
  console.debug('local model asked at', sentAt.toISOString());
  const response = await local.chat.completions.create({ model: 'mistral-7b-instruct', messages: [{ role: 'user', content: prompt }] });
  return response.choices[0].message.content ?? '';
}
`,
      'src/cache.ts': `import type { Model } from './model';
import { ChatGPT } from './chatgpt';
import { Ooba } from './ooba';
export class Cacher {
  private readonly model: Model;
  constructor(kind: string) {
    this.model = kind === 'ooba' ? new Ooba() : new ChatGPT();
  }
  async complete(prompt: string) {
    return this.model.complete(\`Continue the note: \${prompt}\`);
  }
}
`,
    },
    sites: [
      { file: 'src/cache.ts', line: 10, kind: 'wrapper-caller', via: 'src/ooba.ts:5' },
      { file: 'src/chatgpt.ts', line: 5, kind: 'sdk' },
      { file: 'src/local.ts', line: 5, kind: 'sdk' },
      // The local model's adapter: the site of that choice, not folded into the request the cache's call goes through.
      { file: 'src/ooba.ts', line: 5, kind: 'wrapper-caller', via: 'src/local.ts:5' },
    ],
  },
  {
    name: 'provider adapters in one folder with the same method are alternatives, counted once (the most expensive)',
    files: {
      'src/providers/openai.ts': `import OpenAI from 'openai';
export class OpenAiProvider {
  async getChatCompletion(prompt: string) {
    return new OpenAI().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
  }
}
`,
      'src/providers/anthropic.ts': `import Anthropic from '@anthropic-ai/sdk';
export class AnthropicProvider {
  async getChatCompletion(prompt: string) {
    return new Anthropic().messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 500, messages: [{ role: 'user', content: prompt }] });
  }
}
`,
    },
    sites: [
      { file: 'src/providers/anthropic.ts', line: 4, alternativeGroup: 'src/providers/*#getChatCompletion' },
      { file: 'src/providers/openai.ts', line: 4, alternativeGroup: 'src/providers/*#getChatCompletion' },
    ],
    check: (result) => {
      const counted = result.callSites.filter((site) => site.inTotals !== false);
      assert.equal(counted.length, 1, 'one alternative is counted');
      const most = Math.max(...result.callSites.map((site) => site.monthlyUsdCurrent ?? 0));
      assert.equal(counted[0].monthlyUsdCurrent, most);
      assert.equal(result.summary.monthlyUsdCurrent, Math.round(most * 100) / 100);
    },
  },
]);

/** Every site's `via` and alternatives, for the totals checks below. */
function helpersNamed(site: CallSite): string[] {
  return site.via ? [site.via, ...(site.via.alternatives ?? [])].map((via) => `${via.file}:${via.line}`) : [];
}

runScanCases('wrapper callers through types and factories (fixture projects)', [
  {
    name: "an app's own Ollama client reached through a model record typed by a namespace import (`model: Types.UiModel`, its `server.ollama` an `Ollama`): the client's base from its constructor's default, each command's prompt a caller",
    files: {
      'src/ollama/client.ts': `export class Ollama {
  private _server: string;
  private _routeGenerate = '/api/generate';
  constructor(server = { url: 'http://127.0.0.1:11434' }) {
    this._server = server.url;
  }
  private async _stream(route: string, body: { model: string; prompt: string }) {
    const response = await fetch(\`\${this._server}\${route}\`, { method: 'POST', body: JSON.stringify(body) });
    return response.body;
  }
  async generate(body: { model: string; prompt: string }) {
    return this._stream(this._routeGenerate, body);
  }
}
`,
      'src/ui/types.ts': `import { Ollama } from '../ollama/client';
export interface UiServer { name: string; ollama: Ollama }
export interface UiModel { server: UiServer; tag: { name: string } }
`,
      'src/ui/answer.ts': `import * as Types from './types';
export async function inference(model: Types.UiModel, prompt: string) {
  return model.server.ollama.generate({ model: model.tag.name, prompt });
}
`,
      'src/commands/tweet.ts': `import type { UiModel } from '../ui/types';
import { inference } from '../ui/answer';
export const tweet = (model: UiModel, text: string) => inference(model, \`Rewrite this as a tweet: \${text}\`);
`,
    },
    sites: [
      { file: 'src/commands/tweet.ts', line: 3, kind: 'wrapper-caller', provider: 'ollama', promptIncludes: ['Rewrite this as a tweet'] },
      { file: 'src/ollama/client.ts', line: 8, provider: 'ollama', inTotals: false },
      { file: 'src/ollama/client.ts', line: 12, provider: 'ollama' },
    ],
  },
  {
    name: "a transport of the callers' own module (an adapter class's private apiCall running fetch(url, options)): its send is listed, out of the totals, and its callers are the requests going through it",
    files: {
      'src/adapters/openai.ts': `export class OpenAIImageAdapter {
  constructor(private readonly baseURL = 'https://api.openai.com/v1') {}
  async generate(prompt: string) {
    return this.apiCall('/images/generations', { method: 'POST', body: JSON.stringify({ model: 'gpt-image-1', prompt }) });
  }
  async edit(image: Blob, prompt: string) {
    const form = new FormData();
    form.append('model', 'gpt-image-1');
    form.append('image', image);
    form.append('prompt', prompt);
    return this.apiCall('/images/edits', { method: 'POST', body: form });
  }
  private async apiCall(endpoint: string, options: RequestInit) {
    const response = await fetch(\`\${this.baseURL}\${endpoint}\`, options);
    return response.json();
  }
}
`,
    },
    sites: [
      { file: 'src/adapters/openai.ts', line: 4, via: 'src/adapters/openai.ts:14', model: 'gpt-image-1', inTotals: true },
      { file: 'src/adapters/openai.ts', line: 11, via: 'src/adapters/openai.ts:14', model: 'gpt-image-1', inTotals: true },
      { file: 'src/adapters/openai.ts', line: 14, inTotals: false },
    ],
  },
  {
    name: "an app's SSE helper posting the URL and body its callers hand it: its own request is a site (it composes the body: the caller's payload and the tools), priced as a caller, out of the totals; a drop-in fetch replacement or a transport serialising what it is handed is not",
    files: {
      'src/utils/sse.ts': `import { fetchEventSource } from '@fortaine/fetch-event-source';
export function stream(chatPath: string, payload: object, tools: unknown[], onText: (text: string) => void) {
  return fetchEventSource(chatPath, {
    method: 'POST',
    body: JSON.stringify({ ...payload, tools: tools.length ? tools : undefined }),
    onmessage(event) {
      onText(event.data);
    },
  });
}
`,
      'src/utils/transport.ts': `export function fetch(url: string, options?: RequestInit) {
  return window.fetch(url, options);
}
export function post(url: string, json: object) {
  return window.fetch(url, { method: 'POST', body: JSON.stringify(json) });
}
`,
      'src/platforms/anthropic.ts': `import { stream } from '../utils/sse';
export function claudeChat(text: string, onText: (text: string) => void) {
  return stream('https://api.anthropic.com/v1/messages', { model: 'claude-3-5-haiku-latest', max_tokens: 500, stream: true, messages: [{ role: 'user', content: text }] }, [], onText);
}
`,
      'src/platforms/openai.ts': `import { stream } from '../utils/sse';
import { fetch, post } from '../utils/transport';
export function gptChat(text: string, onText: (text: string) => void) {
  return stream('https://api.openai.com/v1/chat/completions', { model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: text }] }, [], onText);
}
export function gptTitle(text: string) {
  return fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`Title: \${text}\` }] }) });
}
export function gptSummary(text: string) {
  return post('https://api.openai.com/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`Summarize: \${text}\` }] });
}
`,
    },
    sites: [
      { file: 'src/platforms/anthropic.ts', line: 3, provider: 'anthropic', via: 'src/utils/sse.ts:3', inTotals: true },
      { file: 'src/platforms/openai.ts', line: 4, provider: 'openai', via: 'src/utils/sse.ts:3', inTotals: true },
      { file: 'src/platforms/openai.ts', line: 7, provider: 'openai', inTotals: true },
      { file: 'src/platforms/openai.ts', line: 10, provider: 'openai', inTotals: true },
      { file: 'src/utils/sse.ts', line: 3, provider: 'anthropic', model: 'claude-3-5-haiku-latest', inTotals: false },
    ],
    check: (result) => {
      const counted = result.callSites.filter((site) => site.inTotals !== false);
      assert.equal(result.summary.monthlyUsdCurrent, Math.round(counted.reduce((sum, site) => sum + (site.monthlyUsdCurrent ?? 0), 0) * 100) / 100, 'the helper is not counted on top of its callers');
      assert.ok(!result.callSites.some((site) => site.file === 'src/utils/transport.ts'), 'a drop-in fetch replacement handing on its caller\'s init makes no request of its own');
      for (const line of [7, 10]) assert.equal(result.callSites.find((site) => site.file === 'src/platforms/openai.ts' && site.line === line)?.via, undefined, `the request at line ${line}, through a transport wrapper, names no helper`);
    },
  },
  {
    name: "a client holding its adapter in a field set per provider (`this.llm = new X()` in a switch's cases): the adapter of the `default:` clause is priced first",
    files: {
      'src/api.ts': `import { ClaudeApi } from './platforms/anthropic';
import { ChatGPTApi } from './platforms/openai';
export interface LLMApi {
  chat(options: { prompt: string }): Promise<unknown>;
}
export class ClientApi {
  public llm: LLMApi;
  constructor(provider: string = 'gpt') {
    switch (provider) {
      case 'claude':
        this.llm = new ClaudeApi();
        break;
      default:
        this.llm = new ChatGPTApi();
    }
  }
}
export function getClientApi(provider: string): ClientApi {
  return new ClientApi(provider);
}
`,
      'src/platforms/anthropic.ts': `import Anthropic from '@anthropic-ai/sdk';
import type { LLMApi } from '../api';
export class ClaudeApi implements LLMApi {
  async chat(options: { prompt: string }) {
    return new Anthropic().messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 500, messages: [{ role: 'user', content: options.prompt }] });
  }
}
`,
      'src/platforms/openai.ts': `import OpenAI from 'openai';
import type { LLMApi } from '../api';
export class ChatGPTApi implements LLMApi {
  async chat(options: { prompt: string }) {
    return new OpenAI().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: options.prompt }] });
  }
}
`,
      'src/chat.ts': `import { getClientApi } from './api';
export async function send(providerName: string, text: string) {
  const api = getClientApi(providerName);
  return api.llm.chat({ prompt: \`Reply to the user: \${text}\` });
}
`,
    },
    sites: [
      { file: 'src/chat.ts', line: 4, kind: 'wrapper-caller', via: 'src/platforms/openai.ts:5', provider: 'openai', model: 'gpt-4o-mini' },
      { file: 'src/platforms/anthropic.ts', line: 5, kind: 'sdk', inTotals: false },
      { file: 'src/platforms/openai.ts', line: 5, kind: 'sdk', inTotals: false },
    ],
  },
  {
    name: 'TS abstract base class: callers through a parameter, a destructured type member, a contextually typed widget and a class field reach every implementation, one site each',
    fixture: 'abstract-base',
    sites: [
      { file: 'src/agents/classifier.ts', line: 4, kind: 'wrapper-caller', via: 'src/models/providers/anthropic/anthropicLLM.ts:7', promptIncludes: ['Classify the question'] },
      { file: 'src/agents/weatherWidget.ts', line: 6, kind: 'wrapper-caller', via: 'src/models/providers/anthropic/anthropicLLM.ts:7', promptIncludes: ['Extract the city name'] },
      { file: 'src/models/providers/anthropic/anthropicLLM.ts', line: 7, kind: 'sdk', inTotals: false },
      { file: 'src/models/providers/openai/openaiLLM.ts', line: 7, kind: 'sdk', inTotals: false },
      { file: 'src/uploads/store.ts', line: 13, kind: 'wrapper-caller', via: 'src/models/providers/anthropic/anthropicLLM.ts:7', promptIncludes: ['Summarize the document'], inTotals: true },
    ],
    check: (result) => {
      // src/misc/cache.ts: the same method name on an unrelated class and on a structural type is no caller.
      assert.ok(!result.callSites.some((site) => site.file.startsWith('src/misc/')));
      for (const caller of result.callSites.filter((site) => site.kind === 'wrapper-caller')) {
        assert.deepEqual(helpersNamed(caller), ['src/models/providers/anthropic/anthropicLLM.ts:7', 'src/models/providers/openai/openaiLLM.ts:7']);
      }
      // Both adapters are priced through the callers: neither is counted on its own.
      const counted = result.callSites.filter((site) => site.inTotals !== false);
      assert.deepEqual(counted.map((site) => site.kind), ['wrapper-caller', 'wrapper-caller', 'wrapper-caller']);
    },
  },
  {
    name: 'callers reaching a base class through an interface declared in a .d.ts file (`import { ILLM } from ".."` resolving to index.d.ts)',
    files: {
      'core/index.d.ts': `export interface ILLM {\n  chat(messages: Array<{ role: string; content: string }>): Promise<string>;\n}\n`,
      'core/llm/index.ts': `import { ILLM } from "..";
export abstract class BaseLLM implements ILLM {
  async chat(messages: Array<{ role: string; content: string }>) { return this._chat(messages); }
  protected abstract _chat(messages: Array<{ role: string; content: string }>): Promise<string>;
}
`,
      'core/llm/openai.ts': `import { BaseLLM } from '.';
export class OpenAILLM extends BaseLLM {
  protected async _chat(messages: Array<{ role: string; content: string }>) {
    const response = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages }) });
    return (await response.json()).choices[0].message.content;
  }
}
`,
      'core/util/title.ts': `import { ILLM } from "..";
export async function describeChat(model: ILLM, text: string) {
  return model.chat([{ role: 'user', content: \`Give a short title for: \${text}\` }]);
}
`,
    },
    sites: [
      { file: 'core/llm/openai.ts', line: 4, kind: 'sdk', model: 'gpt-4o', promptIncludes: ['Give a short title for'], inTotals: true, relays: ['core/util/title.ts:3'] }
    ],
  },
  {
    name: 'a caller passing a model that is no single string (an env variable, else the conversation\'s model): the passed value\'s candidates, not the helper\'s',
    files: {
      '.env.example': 'OPENAI_API_KEY=sk-proj-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm\nTITLE_MODEL=gpt-4.1-nano\n',
      'src/llm.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function complete(prompt: string, modelId: string) {
  return client.chat.completions.create({ model: modelId, messages: [{ role: 'user', content: prompt }] });
}
`,
      'src/answer.ts': `import { complete } from './llm';
export const answer = (question: string) => complete(\`Answer briefly: \${question}\`, 'gpt-4o-mini');
`,
      'src/title.ts': `import { complete } from './llm';
export async function title(conversation: { model: string; firstMessage: string }) {
  const model = process.env.TITLE_MODEL ? process.env.TITLE_MODEL : conversation.model;
  return complete(\`Write a title of at most four words for: \${conversation.firstMessage}\`, model);
}
`,
    },
    sites: [
      { file: 'src/answer.ts', line: 2, kind: 'wrapper-caller', model: 'gpt-4o-mini' },
      { file: 'src/llm.ts', line: 4, kind: 'sdk', inTotals: false },
      { file: 'src/title.ts', line: 4, kind: 'wrapper-caller', model: 'gpt-4.1-nano' },
    ],
    check: (result) => {
      assert.ok(!JSON.stringify(result).includes('sk-proj-Zx9Qw8'), 'the key in .env.example never reaches the result');
    },
  },
  {
    name: 'a helper whose model and retry model are parameter defaults: each caller is priced with the models it passes (through the app\'s getModel factory), or the defaults it leaves in place; the retry in the `catch` is the same request again, no site of its own',
    fixture: 'model-parameters',
    sites: [
      { file: 'src/llm.ts', line: 15, kind: 'sdk', model: 'gpt-4o-mini', inTotals: false },
      { file: 'src/research.ts', line: 5, kind: 'wrapper-caller', via: 'src/llm.ts:15', model: 'o3-mini', promptIncludes: ['Write the final research report'] },
      { file: 'src/schema.ts', line: 4, kind: 'wrapper-caller', via: 'src/llm.ts:15', model: 'gpt-4o', promptIncludes: ['Write a JSON schema'] },
      { file: 'src/summary.ts', line: 4, kind: 'wrapper-caller', via: 'src/llm.ts:15', model: 'gpt-4o-mini', promptIncludes: ['Summarize in three sentences'] },
    ],
    check: (result) => {
      const candidatesOf = (file: string) => result.callSites.find((site) => site.file === file)!.model.candidates?.map((candidate) => candidate.id);
      assert.deepEqual(candidatesOf('src/research.ts'), ['o3-mini', 'gpt-4.1'], 'both models passed; neither default');
      assert.deepEqual(candidatesOf('src/schema.ts'), ['gpt-4o', 'claude-3-5-haiku-latest'], 'the model passed, the retry default');
      assert.deepEqual(candidatesOf('src/summary.ts'), ['gpt-4o-mini', 'claude-3-5-haiku-latest'], 'the defaults, no other caller\'s model');
    },
  },
  {
    name: 'alternative adapters where one names no model (a local server\'s, read from the user\'s config): the caller is priced through the first adapter whose model the code states, with every stated adapter\'s models as candidates',
    fixture: 'provider-lists',
    sites: [
      { file: 'src/agents/suggest.ts', line: 4, kind: 'wrapper-caller', via: 'src/models/providers/openai/openaiLLM.ts:13', model: 'gpt-4o-mini', promptIncludes: ['Suggest three follow-up questions'] },
      { file: 'src/models/providers/ollama/ollamaLLM.ts', line: 8, kind: 'sdk', model: null, inTotals: false },
      { file: 'src/models/providers/openai/openaiLLM.ts', line: 13, kind: 'sdk', model: 'gpt-4o-mini', inTotals: false },
      { file: 'src/models/providers/together/togetherLLM.ts', line: 7, kind: 'sdk', model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', inTotals: false },
    ],
    check: (result) => {
      const caller = result.callSites.find((site) => site.kind === 'wrapper-caller')!;
      // The adapter with no stated model is still an alternative (left out of the totals), named last.
      assert.deepEqual(helpersNamed(caller), ['src/models/providers/openai/openaiLLM.ts:13', 'src/models/providers/together/togetherLLM.ts:7', 'src/models/providers/ollama/ollamaLLM.ts:8']);
      assert.deepEqual(caller.model.candidates?.map((candidate) => candidate.id), ['gpt-4o-mini', 'gpt-4o', 'meta-llama/Llama-3.3-70B-Instruct-Turbo']);
    },
  },
  {
    name: "a helper handing its caller's options object on in a spread (`complete({ ...withSchema })`, `withSchema = { ...completeOptions, prompt }`): the models the caller of the caller puts in it, through two levels; a caller leaving them out keeps the defaults",
    fixture: 'handed-on-options',
    sites: [
      { file: 'src/batch.ts', line: 5, kind: 'wrapper-caller', via: 'src/extract.ts:12', model: 'gpt-4.1' },
      { file: 'src/extract.ts', line: 12, kind: 'wrapper-caller', via: 'src/llm.ts:15', model: 'gpt-4o-mini', inTotals: false },
      { file: 'src/llm.ts', line: 15, kind: 'sdk', model: 'gpt-4o-mini', inTotals: false },
      { file: 'src/title.ts', line: 4, kind: 'wrapper-caller', via: 'src/extract.ts:12', model: 'gpt-4o-mini' },
    ],
    check: (result) => {
      const candidatesOf = (file: string) => result.callSites.find((site) => site.file === file)!.model.candidates?.map((candidate) => candidate.id);
      assert.deepEqual(candidatesOf('src/batch.ts'), ['gpt-4.1', 'claude-sonnet-4-5'], 'both models the caller puts in the options; neither default');
      assert.deepEqual(candidatesOf('src/title.ts'), ['gpt-4o-mini', 'claude-3-5-haiku-latest'], 'the defaults, no other caller\'s model');
    },
  },
  {
    name: "an adapter reached through a parameter (an identity helper `attachSignal(getLLMProvider(...))`, a destructured `reply({ connector })`): priced through the adapter the selector hands out by default; a caller passing its own adapter keeps it",
    fixture: 'selector-through-parameters',
    sites: [
      { file: 'src/bot.js', line: 7, kind: 'wrapper-caller', model: 'gpt-4.1-nano' },
      { file: 'src/providers/anthropic.js', line: 8, kind: 'sdk', model: 'claude-sonnet-4-5', inTotals: false },
      { file: 'src/providers/openai.js', line: 8, kind: 'sdk', model: 'gpt-4.1-nano', inTotals: false },
      { file: 'src/review.js', line: 3, kind: 'wrapper-caller', via: 'src/providers/anthropic.js:8', model: 'claude-sonnet-4-5' },
      { file: 'src/review.js', line: 6, kind: 'wrapper-caller', model: 'claude-sonnet-4-5' },
      { file: 'src/summarize.js', line: 4, kind: 'wrapper-caller', via: 'src/providers/openai.js:8', model: 'gpt-4.1-nano' },
    ],
    check: (result) => {
      const summarize = result.callSites.find((site) => site.file === 'src/summarize.js')!;
      assert.deepEqual(helpersNamed(summarize), ['src/providers/openai.js:8', 'src/providers/anthropic.js:8'], 'the other adapter stays an alternative');
    },
  },
  {
    name: 'JS factory returning one of several classes, and a field behind accessors set from a private factory method (new Engines.X of a required object), an engine returned inside a spread result object: callers of the product are call sites; no adapter is counted on its own',
    fixture: 'js-factory',
    sites: [
      { file: 'server/engines/openai/index.js', line: 9, kind: 'sdk', inTotals: true, relays: ['server/agents/runner.js:24'] },
      { file: 'server/engines/together/index.js', line: 9, kind: 'sdk', inTotals: false },
      { file: 'server/vector/query.js', line: 19, kind: 'wrapper-caller', via: 'server/engines/openai/index.js:9', model: 'text-embedding-3-small' },
      { file: 'server/vector/store.js', line: 6, kind: 'wrapper-caller', via: 'server/engines/openai/index.js:9', model: 'text-embedding-3-small' },
    ],
    check: (result) => {
      // server/misc/splitter.js: `embedChunks` of a class that makes no request is no caller.
      assert.ok(!result.callSites.some((site) => site.file.startsWith('server/misc/')));
      const store = result.callSites.find((site) => site.file === 'server/vector/store.js')!;
      assert.deepEqual(helpersNamed(store), ['server/engines/openai/index.js:9', 'server/engines/together/index.js:9'], 'the factory makes either engine');
      // The runner hands on its text through a field holding an OpenAiEmbedder only (a caller through several engines is never a relay).
      const openai = result.callSites.find((site) => site.file === 'server/engines/openai/index.js')!;
      assert.deepEqual(openai.relays, [{ file: 'server/agents/runner.js', line: 24 }], 'the field holds an OpenAiEmbedder only');
    },
  },
  {
    name: 'function values of a factory\'s declared type: `endpoint(params)` through a typed context, a local factory and a model\'s getEndpoint() (model typed ReturnType<typeof addEndpoint>, chosen by ?: and ??) are call sites; making the value is not',
    fixture: 'function-type',
    sites: [
      { file: 'src/endpoints/endpointOai.ts', line: 7, kind: 'sdk', inTotals: false },
      { file: 'src/router/route.ts', line: 10, kind: 'wrapper-caller', via: 'src/endpoints/endpointOai.ts:7', promptIncludes: ['Pick the best route'] },
      { file: 'src/textGeneration/generate.ts', line: 6, kind: 'wrapper-caller', via: 'src/endpoints/endpointOai.ts:7', promptIncludes: ['You are a helpful assistant'] },
      { file: 'src/textGeneration/title.ts', line: 6, kind: 'wrapper-caller', via: 'src/endpoints/endpointOai.ts:7', promptIncludes: ['Write a title of at most four words'] },
    ],
    check: (result) => {
      // src/misc/format.ts: a call through another function type is no caller.
      assert.ok(!result.callSites.some((site) => site.file.startsWith('src/misc/')));
    },
  },
  {
    name: "two implementations of one handler interface, neither stating its model, one a VS Code Language Model API handler (the user's Copilot subscription, no API price): a call through the interface goes through the other",
    files: {
      'src/handler.ts': `export interface ChatHandler {\n  createMessage(system: string, turns: string[]): Promise<string>;\n}\n`,
      'src/editorHandler.ts': `import * as vscode from 'vscode';
import type { ChatHandler } from './handler';
export class EditorHandler implements ChatHandler {
  async createMessage(system: string, turns: string[]) {
    const [model] = await vscode.lm.selectChatModels({ vendor: 'copilot' });
    const reply = await model.sendRequest([vscode.LanguageModelChatMessage.User(system), ...turns.map((turn) => vscode.LanguageModelChatMessage.User(turn))]);
    let text = '';
    for await (const part of reply.text) text += part;
    return text;
  }
}
`,
      'src/openaiHandler.ts': `import OpenAI from 'openai';
import type { ChatHandler } from './handler';
const openai = new OpenAI();
export class OpenAiHandler implements ChatHandler {
  constructor(private readonly model: string) {}
  async createMessage(system: string, turns: string[]) {
    const reply = await openai.chat.completions.create({ model: this.model, messages: [{ role: 'system', content: system }, ...turns.map((turn) => ({ role: 'user' as const, content: turn }))] });
    return reply.choices[0].message.content ?? '';
  }
}
`,
      'src/commit.ts': `import type { ChatHandler } from './handler';
export async function commitMessage(handler: ChatHandler, diff: string) {
  return handler.createMessage('Write a one-line commit message for this diff.', [diff]);
}
`,
    },
    sites: [
      { file: 'src/editorHandler.ts', line: 6, kind: 'sdk', provider: 'github-copilot' },
      { file: 'src/openaiHandler.ts', line: 7, kind: 'sdk', provider: 'openai', relays: ['src/commit.ts:3'] },
    ],
  },
  {
    name: "two implementations of one handler interface, one on Chrome's built-in AI (Gemini Nano, stated by the platform, on the end user's device) and one whose model the user configures: a call through the interface is priced through the other, the on-device one an alternative",
    files: {
      'src/handler.ts': `export interface ChatHandler {\n  reply(prompt: string): Promise<string>;\n}\n`,
      'src/chromeHandler.ts': `import type { ChatHandler } from './handler';
export class ChromeHandler implements ChatHandler {
  async reply(prompt: string) {
    const session = await (globalThis as any).LanguageModel.create();
    return session.prompt(prompt);
  }
}
`,
      'src/openaiHandler.ts': `import OpenAI from 'openai';
import type { ChatHandler } from './handler';
const openai = new OpenAI();
export class OpenAiHandler implements ChatHandler {
  constructor(private readonly model: string) {}
  async reply(prompt: string) {
    const response = await openai.chat.completions.create({ model: this.model, messages: [{ role: 'user', content: prompt }] });
    return response.choices[0].message.content ?? '';
  }
}
`,
      'src/title.ts': `import type { ChatHandler } from './handler';
export async function titleOf(handler: ChatHandler, text: string) {
  return handler.reply('Write a title of at most five words for this text: ' + text);
}
`,
    },
    sites: [
      { file: 'src/chromeHandler.ts', line: 5, provider: 'local', model: 'gemini-nano', inTotals: false },
      { file: 'src/openaiHandler.ts', line: 7, kind: 'sdk', provider: 'openai', inTotals: false },
      { file: 'src/title.ts', line: 3, kind: 'wrapper-caller', via: 'src/openaiHandler.ts:7', provider: 'openai', model: null },
    ],
    check: (result) => {
      const caller = result.callSites.find((site) => site.file === 'src/title.ts')!;
      assert.deepEqual(helpersNamed(caller), ['src/openaiHandler.ts:7', 'src/chromeHandler.ts:5'], 'the on-device implementation stays an alternative, named last');
    },
  },
  {
    name: "a const choosing between two helpers by a condition (`const generate = provider === 'openai' ? generateOpenAITTS : generateMistralTTS`): each call of it is one caller site through the first, the other an alternative; a chooser whose other branch is no helper reaches the helper alone",
    files: {
      'src/openaiSpeech.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export const speakOpenAI = async ({ text }: { text: string }) => {
  const audio = await openai.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: text });
  return audio.arrayBuffer();
};
`,
      'src/mistralSpeech.ts': `import { Mistral } from '@mistralai/mistralai';
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
export const speakMistral = async ({ text }: { text: string }) => {
  const reply = await mistral.chat.complete({ model: 'mistral-small-latest', messages: [{ role: 'user', content: 'Spell out for speech: ' + text }] });
  return reply.choices[0].message.content;
};
`,
      'src/reader.ts': `import { speakOpenAI } from './openaiSpeech';
import { speakMistral } from './mistralSpeech';
const silent = async ({ text }: { text: string }) => text;
export async function readAloud(provider: string, sentences: string[]) {
  const speak = provider === 'openai' ? speakOpenAI : speakMistral;
  for (const sentence of sentences) await speak({ text: sentence });
}
export async function maybeRead(enabled: boolean, sentence: string) {
  const say = enabled ? speakOpenAI : silent;
  return say({ text: sentence });
}
`,
    },
    sites: [
      { file: 'src/mistralSpeech.ts', line: 4, kind: 'sdk', inTotals: false },
      { file: 'src/openaiSpeech.ts', line: 4, kind: 'sdk', inTotals: true, relays: ['src/reader.ts:10'] },
      { file: 'src/reader.ts', line: 6, kind: 'wrapper-caller', via: 'src/openaiSpeech.ts:4', model: 'tts-1' },
    ],
    check: (result) => {
      const siteAt = (line: number) => result.callSites.find((site) => site.file === 'src/reader.ts' && site.line === line)!;
      assert.deepEqual(helpersNamed(siteAt(6)), ['src/openaiSpeech.ts:4', 'src/mistralSpeech.ts:4'], 'either helper may run');
      // Line 10 hands on its sentence through the one helper: listed on it (a caller with alternatives is never a relay).
      const openai = result.callSites.find((site) => site.file === 'src/openaiSpeech.ts')!;
      assert.deepEqual(openai.relays, [{ file: 'src/reader.ts', line: 10 }], 'the other branch makes no request');
    },
  },
  {
    name: "a vector store class of the app's own (extending LangChain's VectorStore) embedding through `this.embeddings`, which its base class holds: its methods reach the app's LangChain embeddings class, and their callers are sites; a class that is no LangChain store, or declares its own `embeddings`, is not read so",
    files: {
      'src/embeddings.ts': `import { Embeddings } from '@langchain/core/embeddings';
export class LocalEmbeddings extends Embeddings {
  async embedDocuments(texts: string[]): Promise<number[][]> {
    const response = await fetch('http://localhost:11434/api/embed', { method: 'POST', body: JSON.stringify({ model: 'nomic-embed-text', input: texts }) });
    return (await response.json()).embeddings;
  }
  async embedQuery(text: string): Promise<number[]> {
    return (await this.embedDocuments([text]))[0];
  }
}
`,
      'src/store.ts': `import { VectorStore } from '@langchain/core/vectorstores';
import type { Document } from '@langchain/core/documents';
export class PageStore extends VectorStore {
  private vectors: number[][] = [];
  _vectorstoreType() { return 'page'; }
  async addVectors(vectors: number[][], _documents: Document[]) { this.vectors.push(...vectors); }
  async addDocuments(documents: Document[]) {
    const vectors = await this.embeddings.embedDocuments(documents.map((document) => document.pageContent));
    await this.addVectors(vectors, documents);
  }
  async similaritySearchVectorWithScore(_query: number[], _k: number): Promise<[Document, number][]> { return []; }
  async searchPage(question: string) {
    const query = await this.embeddings.embedQuery(question);
    return this.similaritySearchVectorWithScore(query, 4);
  }
}
`,
      'src/cache.ts': `export class EmbeddingCache {
  constructor(private readonly embeddings: { embedQuery(text: string): Promise<number[]> }) {}
  async lookup(text: string) {
    return this.embeddings.embedQuery(text);
  }
}
`,
      'src/page.ts': `import { LocalEmbeddings } from './embeddings';
import { PageStore } from './store';
export async function indexPage(chunks: { pageContent: string; metadata: Record<string, unknown> }[]) {
  const store = new PageStore(new LocalEmbeddings({}), {});
  await store.addDocuments(chunks);
  return store;
}
export async function ask(store: PageStore, question: string) {
  return store.searchPage(question);
}
`,
    },
    sites: [
      { file: 'src/embeddings.ts', line: 4, kind: 'sdk', inTotals: true, relays: ['src/embeddings.ts:8', 'src/page.ts:9'] },
      { file: 'src/store.ts', line: 8, kind: 'wrapper-caller', via: 'src/embeddings.ts:4', inTotals: true, relays: ['src/page.ts:5'] },
    ],
    check: (result) => {
      const request = result.callSites.find((site) => site.file === 'src/embeddings.ts' && site.line === 4)!;
      // embeddings.ts:8 (embedQuery handing its text to embedDocuments) relays to embeddings.ts:4, and so does the page's
      // ask, through the store's searchPage (a hop handing its question on): the search's query embedding is counted there.
      const ask = request.relays?.find((relay) => relay.file === 'src/page.ts' && relay.line === 9);
      assert.deepEqual(ask?.through?.map((step) => `${step.file}:${step.line}`), ['src/store.ts:13'], "the search's query embedding, through the store's `this.embeddings`");
      // A caller is made a relay only through one path: the store's own addDocuments, not also LangChain's.
      const store = result.callSites.find((site) => site.file === 'src/store.ts' && site.line === 8)!;
      assert.deepEqual(store.relays, [{ file: 'src/page.ts', line: 5 }], "the page's addDocuments hands the store its chunks");
      // src/cache.ts: `this.embeddings` of a class that is no LangChain store (it declares its own) reaches nothing.
      assert.ok(!result.callSites.some((site) => site.file === 'src/cache.ts'));
    },
  },
  {
    name: 'an interface implemented by an object literal a typed factory returns ({ complete }): calls through the interface, then through the translator factory, are found (each the one call of its helper, listed on the request)',
    fixture: 'interface-literal',
    sites: [
      { file: 'src/model.ts', line: 13, kind: 'sdk', promptIncludes: ['Translate the request into a JSON action'], inTotals: true, relays: ['src/main.ts:6', 'src/translator.ts:5'] }
    ],
    check: (result) => {
      // src/echo.ts: `complete` through another interface is no caller.
      assert.ok(!result.callSites.some((site) => site.file === 'src/echo.ts'));
    },
  },
  {
    name: 'a factory returning a typed local const holding its nested functions (`const model: LanguageModel = { complete }; return model;`): calls through the interface, then through the translator, are found (each the one call of its helper, listed on the request)',
    fixture: 'interface-literal-const',
    sites: [
      { file: 'src/model.ts', line: 11, kind: 'sdk', promptIncludes: ['Translate the request into a JSON action'], inTotals: true, relays: ['src/main.ts:6', 'src/translator.ts:12'] }
    ],
    check: (result) => {
      // src/echo.ts: `complete` through another interface is no caller.
      assert.ok(!result.callSites.some((site) => site.file === 'src/echo.ts'));
    },
  },
  {
    name: 'untyped JS connectors: a destructured parameter takes what the same file passes (`generateReply({ connector })` of a `resolveConnector()` result), a method\'s destructured parameter what calls on instances of its class in other files pass (`store.search({ connector })`), a function returning its own parameter (`attachSignal(getProvider(), signal)`) is what it was given; a proxy method forwarding its parameters to the same-named method is no site',
    fixture: 'untyped-connector',
    sites: [
      // generateReply's `connector.chat(messages, { temperature: 0.2 })` hands on what handleMessage gives it (a flag at most): a hop.
      { file: 'server/bot/reply.js', line: 9, kind: 'wrapper-caller', via: 'server/bot/reply.js:4', model: 'gpt-4o-mini', promptIncludes: ['Answer the chat message'] },
      { file: 'server/providers/openai.js', line: 10, kind: 'sdk', inTotals: false },
      { file: 'server/providers/openai.js', line: 15, kind: 'sdk', inTotals: false },
      { file: 'server/tools/summarize.js', line: 5, kind: 'wrapper-caller', via: 'server/providers/openai.js:10', promptIncludes: ['Summarize the key points'] },
      // A store class exported under another name (`module.exports.Pinecone = PineconeDB`), made by a factory: its connector is the provider.
      // The chat's `store.search({ connector })` and the search route's `pinecone.query(...)` hand on what they are given: relays.
      { file: 'server/vector/pinecone.js', line: 7, kind: 'wrapper-caller', via: 'server/providers/openai.js:15', model: 'text-embedding-3-small', inTotals: true, relays: ['server/chat/search.js:6'] },
      { file: 'server/vector/store.js', line: 6, kind: 'wrapper-caller', via: 'server/providers/openai.js:15', model: 'text-embedding-3-small', inTotals: true, relays: ['server/chat/answer.js:7'] },
    ],
    check: (result) => {
      // server/router.js: Router.chat only delegates; server/misc/echo.js, cache.js and recall.js (to a renamed export) pass object literals with a chat or embed of their own.
      assert.ok(!result.callSites.some((site) => site.file === 'server/router.js' || site.file.startsWith('server/misc/')));
    },
  },
]);

runScanCases('wrapper callers across workspace packages and forwarding hops', [
  {
    name: 'a caller in another workspace package imports the helper by package name and exports subpath (@acme/ai/embed)',
    fixture: '../module-resolution/monorepo',
    sites: [
      { file: 'apps/api/src/chat.ts', line: 4, kind: 'sdk' },
      { file: 'apps/api/src/chat.ts', line: 5, kind: 'sdk' },
      { file: 'packages/ai/src/embed/embed.ts', line: 7, kind: 'sdk', model: 'text-embedding-3-small', relays: ['apps/api/src/tags.ts:4'] },
    ],
  },
  {
    name: 'an example app importing its repository\'s library by bare package name (chatlib, chatlib/ts) as a package.json dependency: its calls through the library\'s factories are call sites; `main();` at the top of the module is the entry point, no site',
    fixture: 'workspace-library',
    sites: [
      { file: 'examples/math/src/main.ts', line: 8, kind: 'wrapper-caller', via: 'lib/src/translator.ts:12', promptIncludes: ['what is 2 + 3?'], production: false },
      { file: 'lib/src/model.ts', line: 10, kind: 'sdk', inTotals: false },
      // The example's caller is not production traffic: the library's own request stays in the totals.
      { file: 'lib/src/translator.ts', line: 12, kind: 'wrapper-caller', via: 'lib/src/model.ts:10', inTotals: true },
    ],
    check: (result) => {
      // examples/i18n does not depend on chatlib; examples/math/src/labels.ts calls a `translate` of its own.
      assert.ok(!result.callSites.some((site) => site.file.startsWith('examples/i18n/') || site.file.endsWith('labels.ts')));
    },
  },
  {
    name: 'JSON asked for by prompt and checked against a schema is structured output, a loop re-sending the validation error is a (repair) multi-step call, and both reach every caller; the caller\'s schema (labels only, an API of functions) sets its task',
    fixture: 'json-translator',
    sites: [
      { file: 'src/invoice.ts', line: 11, kind: 'sdk' },
      { file: 'src/invoice.ts', line: 25, kind: 'sdk' },
      { file: 'src/localize.ts', line: 9, kind: 'sdk' },
      { file: 'src/model.ts', line: 12, kind: 'sdk' },
      { file: 'src/player.ts', line: 9, kind: 'wrapper-caller', via: 'src/translator.ts:21' },
      { file: 'src/sentiment.ts', line: 10, kind: 'wrapper-caller', via: 'src/translator.ts:21' },
      { file: 'src/support.ts', line: 9, kind: 'wrapper-caller', via: 'src/translator.ts:21' },
      { file: 'src/support.ts', line: 10, kind: 'wrapper-caller', via: 'src/translator.ts:21' },
      { file: 'src/translator.ts', line: 21, kind: 'wrapper-caller', via: 'src/model.ts:12' },
    ],
    check: (result) => {
      const at = (file: string, line: number) => result.callSites.find((site) => site.file === file && site.line === line)!;
      const summary = (file: string, line: number) => {
        const site = at(file, line);
        return { task: site.task.type, structuredOutput: site.features.structuredOutput, multiStep: site.features.multiStep ?? false, steps: site.tokens.steps?.max ?? null };
      };
      assert.deepEqual(
        {
          // The helper's own request knows nothing of the check; the translator that parses, validates and repairs does.
          helper: summary('src/model.ts', 12),
          translator: summary('src/translator.ts', 21),
          // Its callers inherit both; the one whose schema only picks fixed strings is a classification.
          sentiment: summary('src/sentiment.ts', 10),
          // A schema file read as text whose type is an API of functions: the answer is a program of calls.
          player: summary('src/player.ts', 9),
          triage: summary('src/support.ts', 9),
          order: summary('src/support.ts', 10),
          // A direct request checked with zod, the issues sent back at most 3 times.
          invoice: summary('src/invoice.ts', 11),
          // Near miss: parsed but checked against nothing, retried without the error: neither.
          notes: summary('src/invoice.ts', 25),
          // A checked JSON reply whose values go into a named language is still a translation.
          localize: summary('src/localize.ts', 9),
        },
        {
          // Its prompt is all its callers' (the translator's): read as the translator is.
          helper: { task: 'extraction', structuredOutput: false, multiStep: false, steps: null },
          translator: { task: 'extraction', structuredOutput: true, multiStep: true, steps: 2 },
          sentiment: { task: 'classification', structuredOutput: true, multiStep: true, steps: 2 },
          player: { task: 'tool-use', structuredOutput: true, multiStep: true, steps: 2 },
          triage: { task: 'classification', structuredOutput: true, multiStep: true, steps: 2 },
          order: { task: 'extraction', structuredOutput: true, multiStep: true, steps: 2 },
          invoice: { task: 'extraction', structuredOutput: true, multiStep: true, steps: 3 },
          notes: { task: 'extraction', structuredOutput: false, multiStep: false, steps: null },
          localize: { task: 'translation', structuredOutput: true, multiStep: false, steps: null },
        },
      );
      const translator = at('src/translator.ts', 21);
      assert.ok(translator.task.reasons.every((reason) => !reason.includes('agent loop')), translator.task.reasons.join('\n'));
      assert.ok(at('src/support.ts', 9).task.reasons.some((reason) => reason.includes('TicketTriage is one of fixed values')), at('src/support.ts', 9).task.reasons.join('\n'));
    },
  },
  {
    name: "a caller reaches the helper's request its arguments lead to: a branch its mode (or the default) rules out is skipped, and a JSON schema of booleans it passes is a verdict",
    files: {
      'src/llm.ts': `import { generateObject, generateText, jsonSchema } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function complete({ prompt, schema, mode = 'object' }: { prompt: string; schema?: object; mode?: 'object' | 'no-object' }) {
  if (mode === 'no-object') {
    const result = await generateText({ model: openai('gpt-4o-mini'), prompt });
    return result.text;
  }
  const result = await generateObject({ model: openai('gpt-4o-mini'), schema: jsonSchema(schema ?? {}), prompt: \`Transform the content into JSON for this request: \${prompt}\` });
  return result.object;
}
`,
      'src/features.ts': `import { complete } from './llm';
export const shouldExtract = (page: string) => complete({ prompt: \`Is this page worth extracting? \${page}\`, schema: { type: 'object', properties: { extract: { type: 'boolean' } }, required: ['extract'] } });
export const describePage = (page: string) => complete({ prompt: \`Describe this page: \${page}\`, mode: 'no-object' });
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 5, kind: 'sdk', relays: ['src/features.ts:3'] },
      { file: 'src/llm.ts', line: 8, kind: 'sdk', relays: ['src/features.ts:2'] },
    ],
    check: (result) => {
      // Each feature is the one caller of its branch's request: listed on it, which is read through that call.
      const at = (line: number) => result.callSites.find((site) => site.relays?.some((relay) => relay.file === 'src/features.ts' && relay.line === line))!;
      assert.equal(at(2).features.structuredOutput, true);
      assert.equal(at(2).task.type, 'classification', at(2).task.reasons.join('\n'));
      assert.ok(at(2).task.reasons.some((reason) => reason.includes('{ extract } is one of fixed values')), at(2).task.reasons.join('\n'));
      assert.equal(at(3).features.structuredOutput, false);
    },
  },
  {
    name: "a caller reaches the helper's main path: a request in a special case that ends the helper early, which nothing the caller passes decides, is not the one it sends",
    files: {
      'src/gateway.ts': `import { generateImage, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
const isImageModel = (id: string) => id.startsWith('gpt-image');
export async function runTurn(modelId: string, prompt: string) {
  if (isImageModel(modelId)) {
    const result = await generateImage({ model: openai.image(modelId), prompt });
    return result.images;
  }
  return streamText({ model: openai(modelId), prompt });
}
`,
      'src/agent.ts': `import { runTurn } from './gateway';
export const reply = (text: string) => runTurn('gpt-4o', \`Answer the user: \${text}\`);
`,
    },
    sites: [
      { file: 'src/gateway.ts', line: 6, kind: 'sdk' },
      { file: 'src/gateway.ts', line: 9, kind: 'sdk', model: 'gpt-4o', promptIncludes: ['Answer the user'], relays: ['src/agent.ts:2'] },
    ],
    check: (result) => {
      const reply = result.callSites.find((site) => site.relays?.some((relay) => relay.file === 'src/agent.ts'))!;
      assert.notEqual(reply.task.type, 'image-generation', reply.task.reasons.join('\n'));
      assert.equal(reply.features.streaming, true, 'the caller sends the streamText request');
    },
  },
  {
    name: "a framework's route handing its request on to the same-named method of a service is the route, a site of its own; a plain proxy method doing the same is no site",
    files: {
      'src/media.service.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export class MediaService {
  async generateImage(org: string, prompt: string) {
    return openai.images.generate({ model: 'gpt-image-1', prompt: \`For \${org}: \${prompt}\` });
  }
}
`,
      'src/media.controller.ts': `import { Body, Controller, Post } from '@nestjs/common';
import { MediaService } from './media.service';
@Controller('media')
export class MediaController {
  constructor(private readonly _mediaService: MediaService) {}
  @Post('/generate-image')
  generateImage(@Body('org') org: string, @Body('prompt') prompt: string) {
    return this._mediaService.generateImage(org, prompt);
  }
}
export class MediaProxy {
  constructor(private readonly _mediaService: MediaService) {}
  generateImage(org: string, prompt: string) {
    return this._mediaService.generateImage(org, prompt);
  }
}
`,
    },
    sites: [
      { file: 'src/media.service.ts', line: 5, kind: 'sdk', relays: ['src/media.controller.ts:8'] },
    ],
  },
  {
    name: "a LangChain vector store made with the app's own embeddings class runs its requests: adding documents embeds them, a search embeds the query; opening stored vectors embeds nothing",
    files: {
      'src/embeddings.ts': `import { Embeddings } from '@langchain/core/embeddings';
export class LocalEmbeddings extends Embeddings {
  constructor(private readonly model: string) { super({}); }
  async embedDocuments(texts: string[]) {
    const response = await fetch('http://localhost:11434/api/embed', { method: 'POST', body: JSON.stringify({ model: this.model, input: texts }) });
    return (await response.json()).embeddings;
  }
  async embedQuery(text: string) {
    return (await this.embedDocuments([text]))[0];
  }
}
export const embeddingModel = async (model: string) => new LocalEmbeddings(model);
`,
      'src/search.ts': `import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';
import { embeddingModel } from './embeddings';
export async function searchPages(pages: { pageContent: string; metadata: object }[], query: string) {
  const embeddings = await embeddingModel('nomic-embed-text');
  const store = new MemoryVectorStore(embeddings);
  await store.addDocuments(pages);
  const stored = await PGVectorStore.fromExistingIndex(embeddings, { tableName: 'pages' });
  const found = await store.similaritySearch(query, 3);
  return [...found, ...(await stored.similaritySearch(query, 3))];
}
`,
    },
    sites: [
      { file: 'src/embeddings.ts', line: 5, kind: 'sdk', relays: ['src/embeddings.ts:9', 'src/search.ts:7', 'src/search.ts:9', 'src/search.ts:10'] },
    ],
  },
  {
    name: "a LangChain store made with what the app's embeddings factory hands out by default is priced through that class (page-assist: Ollama unless a custom provider is chosen): its calls, saying nothing of their own, are relays of that class's request",
    files: {
      'src/embeddings.ts': `import { Embeddings } from '@langchain/core/embeddings';
import OpenAI from 'openai';
export class RemoteEmbeddings extends Embeddings {
  constructor(private readonly model: string, private readonly baseURL: string) { super({}); }
  async embedDocuments(texts: string[]) {
    const response = await new OpenAI({ baseURL: this.baseURL }).embeddings.create({ model: this.model, input: texts });
    return response.data.map((item) => item.embedding);
  }
  async embedQuery(text: string) {
    return (await this.embedDocuments([text]))[0];
  }
}
export class LocalEmbeddings extends Embeddings {
  constructor(private readonly model: string) { super({}); }
  async embedDocuments(texts: string[]) {
    const response = await fetch('http://localhost:11434/api/embed', { method: 'POST', body: JSON.stringify({ model: this.model, input: texts }) });
    return (await response.json()).embeddings;
  }
  async embedQuery(text: string) {
    return (await this.embedDocuments([text]))[0];
  }
}
const isCustomModel = (model: string) => model.includes('_custom_');
export const embeddingModel = async (model: string, baseURL: string) => {
  if (isCustomModel(model)) {
    return new RemoteEmbeddings(model.split('_custom_')[1], baseURL);
  }
  return new LocalEmbeddings(model);
};
`,
      'src/search.ts': `import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { embeddingModel } from './embeddings';
export async function searchPages(pages: { pageContent: string; metadata: object }[], query: string, model: string) {
  const embeddings = await embeddingModel(model, 'https://api.example.com/v1');
  const store = new MemoryVectorStore(embeddings);
  await store.addDocuments(pages);
  const opened = await MemoryVectorStore.fromDocuments(pages, embeddings);
  return [...(await store.similaritySearch(query, 3)), ...(await opened.similaritySearch(query, 3))];
}
`,
    },
    sites: [
      { file: 'src/embeddings.ts', line: 6, kind: 'sdk', provider: 'openai', relays: ['src/embeddings.ts:10'] },
      // The store's calls pass on only what they are handed: relays of the class handed out by default, which stands for their traffic.
      { file: 'src/embeddings.ts', line: 16, kind: 'sdk', provider: 'ollama', relays: ['src/embeddings.ts:20', 'src/search.ts:6', 'src/search.ts:7', 'src/search.ts:8', 'src/search.ts:8'] },
    ],
  },
  {
    name: "the app's own store class with no constructor of its own (LangChain's base keeps the embeddings it is made with), made with what the factory hands out by default: its `this.embeddings` calls, and its callers found before that class's deeper chain was, are priced through that class",
    files: {
      ...FACTORY_EMBEDDINGS.files,
      'src/store.ts': `import { VectorStore } from '@langchain/core/vectorstores';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
export class AppStore extends VectorStore {
  private vectors: { text: string; vector: number[] }[] = [];
  _vectorstoreType() { return 'memory'; }
  async addVectors() {}
  async similaritySearchVectorWithScore(): Promise<[any, number][]> { return []; }
  async addDocuments(documents: { pageContent: string }[]) {
    const vectors = await this.embeddings.embedDocuments(documents.map((doc) => doc.pageContent));
    this.vectors.push(...vectors.map((vector, index) => ({ text: documents[index].pageContent, vector })));
  }
  async similaritySearch(query: string) {
    const queryVector = await this.embeddings.embedQuery(query);
    return this.vectors.filter((entry) => entry.vector.length === queryVector.length);
  }
  static async fromDocuments(documents: { pageContent: string }[], embeddings: EmbeddingsInterface) {
    const store = new this(embeddings);
    await store.addDocuments(documents);
    return store;
  }
}
`,
      'src/search.ts': `import { AppStore } from './store';
import { embeddingModel } from './embeddings';
export async function searchPages(pages: { pageContent: string }[], query: string, model: string) {
  const embeddings = await embeddingModel(model);
  const store = new AppStore(embeddings);
  await store.addDocuments(pages);
  return store.similaritySearch(query);
}
`,
    },
    sites: [
      // The search hands the store's similaritySearch (a hop handing its query on) only its question: a relay of the batch request.
      ...withRelays(FACTORY_EMBEDDINGS.sites, 'src/batch.ts', ['src/embeddings.ts:17', 'src/embeddings.ts:20', 'src/search.ts:7']),
      // The page's `store.addDocuments(pages)` and the static factory's own on its `new this(...)` hand on what they are given.
      { file: 'src/store.ts', line: 9, kind: 'wrapper-caller', via: 'src/embeddings.ts:17', provider: 'ollama', relays: ['src/search.ts:6', 'src/store.ts:18'] },
    ],
  },
  {
    name: "a store class whose constructor hands its embeddings parameter to `super()`, made only by its static factory's `new this(embeddings)`: the factory's caller's embeddings are the store's, and a method called on what the factory returns reaches the class's own method",
    files: {
      ...FACTORY_EMBEDDINGS.files,
      'src/store.ts': `import { VectorStore } from '@langchain/core/vectorstores';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
export class AppStore extends VectorStore {
  private vectors: { text: string; vector: number[] }[] = [];
  constructor(embeddings: EmbeddingsInterface, args?: object) {
    super(embeddings, args ?? {});
  }
  _vectorstoreType() { return 'memory'; }
  async addVectors() {}
  async similaritySearchVectorWithScore(): Promise<[any, number][]> { return []; }
  async addDocuments(documents: { pageContent: string }[]) {
    const vectors = await this.embeddings.embedDocuments(documents.map((doc) => doc.pageContent));
    this.vectors.push(...vectors.map((vector, index) => ({ text: documents[index].pageContent, vector })));
  }
  async similaritySearch(query: string) {
    const queryVector = await this.embeddings.embedQuery(query);
    return this.vectors.filter((entry) => entry.vector.length === queryVector.length);
  }
  static async open(embeddings: EmbeddingsInterface) {
    return new this(embeddings);
  }
}
`,
      'src/search.ts': `import { AppStore } from './store';
import { embeddingModel } from './embeddings';
export async function searchPages(query: string, model: string) {
  const store = await AppStore.open(await embeddingModel(model));
  return store.similaritySearch(query);
}
`,
    },
    sites: [
      ...withRelays(FACTORY_EMBEDDINGS.sites, 'src/batch.ts', ['src/embeddings.ts:17', 'src/embeddings.ts:20', 'src/search.ts:5']),
      { file: 'src/store.ts', line: 12, kind: 'wrapper-caller', via: 'src/embeddings.ts:17', provider: 'ollama' },
    ],
  },
  {
    name: "a fetch helper posting the payload its caller builds (`body: JSON.stringify(payload)`) sends the caller's model; a caller choosing its options by an env setting (`...(process.env.X ? {...} : {...})`) sends the branch a deployment without it takes",
    files: {
      'src/together.ts': `export interface Payload { model: string; messages: { role: 'user' | 'system'; content: string }[]; stream: boolean }
export async function togetherStream(payload: Payload) {
  const response = await fetch('https://together.helicone.ai/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.TOGETHER_API_KEY}\`, 'Helicone-Auth': \`Bearer \${process.env.HELICONE_API_KEY}\` },
    body: JSON.stringify(payload),
  });
  return response.body;
}
`,
      'src/complete.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function complete(options: { model: string; prompt: string }) {
  const reply = await client.chat.completions.create({ model: options.model, messages: [{ role: 'user', content: options.prompt }] });
  return reply.choices[0].message.content;
}
`,
      'src/routes.ts': `import { togetherStream, type Payload } from './together';
import { complete } from './complete';
export async function answer(question: string) {
  const payload: Payload = { model: 'Qwen/Qwen2.5-7B-Instruct-Turbo', messages: [{ role: 'user', content: question }], stream: true };
  return togetherStream(payload);
}
export async function summarize(text: string) {
  return complete({ prompt: \`Summarize: \${text}\`, ...(process.env.USE_LOCAL_MODEL ? { model: 'llama3.1' } : { model: 'gpt-4o-mini' }) });
}
`,
    },
    sites: [
      { file: 'src/complete.ts', line: 4, kind: 'sdk', provider: 'openai', model: 'gpt-4o-mini', relays: ['src/routes.ts:8'] },
      { file: 'src/together.ts', line: 3, kind: 'sdk', provider: 'together', model: 'Qwen/Qwen2.5-7B-Instruct-Turbo', relays: ['src/routes.ts:5'] },
    ],
  },
  {
    name: "a fetch helper writing the whole request (path, options, a body of named fields) from the base URL and values its callers hand it: its request is found where it is written, and each caller goes through it, read with the helper's prompt",
    files: {
      'src/ollama.ts': `export async function callOllama(baseUrl: string, model: string, diff: string) {
  const prompt = \`Write a one-line commit message for this diff:\\n\${diff}\`;
  const response = await fetch(\`\${baseUrl}/api/generate\`, {
    method: 'POST',
    body: JSON.stringify({ model, prompt, stream: false }),
  });
  return (await response.json()).response;
}
`,
      'src/commands.ts': `import { callOllama } from './ollama';
export async function generate(diff: string) {
  return callOllama('http://localhost:11434', 'llama3.1', diff);
}
`,
    },
    sites: [
      { file: 'src/ollama.ts', line: 3, kind: 'sdk', provider: 'ollama', model: 'llama3.1', promptIncludes: ['one-line commit message'], relays: ['src/commands.ts:3'] },
    ],
  },
  {
    name: "the app's own LangChain chat model class: invoke and stream on an instance (made by the app's factory) run its _generate, which the library calls; a class of its own that is no LangChain model is not reached so",
    files: {
      'src/models/chat.ts': `import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import OpenAI from 'openai';
export class LocalChat extends BaseChatModel {
  constructor(private readonly model: string) { super({}); }
  _llmType() { return 'local'; }
  async _generate(messages: { content: string }[]) {
    const reply = await new OpenAI({ baseURL: 'http://localhost:11434/v1' }).chat.completions.create({ model: this.model, messages: messages.map((message) => ({ role: 'user' as const, content: message.content })) });
    return { generations: [{ text: reply.choices[0].message.content ?? '', message: reply.choices[0].message }] };
  }
}
export class Summarizer {
  async _generate(text: string) {
    return new OpenAI().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  }
  async invoke(text: string) {
    return text;
  }
}
export const chatModel = async (model: string) => new LocalChat(model);
`,
      'src/features.ts': `import { chatModel, Summarizer } from './models/chat';
export async function rephrase(question: string) {
  const model = await chatModel('llama3.1');
  return model.invoke(\`Rephrase as a standalone question: \${question}\`);
}
export async function plain(text: string) {
  return new Summarizer().invoke(text);
}
`,
    },
    sites: [
      { file: 'src/models/chat.ts', line: 7, kind: 'sdk', relays: ['src/features.ts:4'] },
      { file: 'src/models/chat.ts', line: 13, kind: 'sdk' },
    ],
  },
  {
    name: 'a caller that only hands its own parameters to the helper, and has callers of its own, is a hop: its callers stand for it',
    files: {
      'src/llm.ts': HELPER,
      'src/task.ts': `import { complete } from './llm';
export async function runTask(system: string, user: string) {
  return complete(system, user);
}
`,
      'src/title.ts': `import { runTask } from './task';
export const title = (text: string) => runTask('Write a short title.', text);
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', promptIncludes: ['Write a short title.'], relays: ['src/title.ts:2'] }
    ],
  },
  {
    name: "a class's method handing its options' fields on to another of its methods (`this.chatCompletion(!!options.config.stream, options.messages)`), with callers of its own, is a hop",
    files: {
      'src/api.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export class Api {
  async chat(options: { config: { stream?: boolean }; messages: { role: 'user'; content: string }[] }) {
    return this.chatCompletion(!!options.config.stream, options.messages);
  }
  async chatCompletion(stream: boolean, messages: { role: 'user'; content: string }[]) {
    return client.chat.completions.create({ model: 'gpt-4o-mini', messages, stream });
  }
}
`,
      'src/title.ts': `import { Api } from './api';
const api = new Api();
export const title = (text: string) => api.chat({ config: {}, messages: [{ role: 'user', content: \`Write a short title for: \${text}\` }] });
`,
    },
    sites: [
      { file: 'src/api.ts', line: 8, kind: 'sdk', promptIncludes: ['Write a short title for'], relays: ['src/title.ts:3'] }
    ],
  },
  {
    name: "a method handing on its parameter and a field it takes apart from another (`const { id } = contact`), with callers of its own, is a hop",
    files: {
      'src/bot.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export class Bot {
  async reply(contact: { id: string }, content: string) {
    const { id: contactId } = contact;
    return this.ask(content, contactId);
  }
  async ask(content: string, user: string) {
    return client.chat.completions.create({ model: 'gpt-4o-mini', user, messages: [{ role: 'user', content }] });
  }
}
`,
      'src/index.ts': `import { Bot } from './bot';
const bot = new Bot();
export const onMessage = (contact: { id: string }, text: string) => bot.reply(contact, \`Answer briefly: \${text}\`);
`,
    },
    sites: [
      { file: 'src/bot.ts', line: 9, kind: 'sdk', promptIncludes: ['Answer briefly'], relays: ['src/index.ts:3'] }
    ],
  },
  {
    name: "a request bound in the markup a function renders (lit's `@click=${() => chat(message)}`): the click is the caller, calling the render function is none",
    files: {
      'src/app.ts': `import { GoogleGenerativeAI } from '@google/generative-ai';
import { html, render } from 'lit';
const client = new GoogleGenerativeAI('key');
const chat = async (text: string) => client.getGenerativeModel({ model: 'gemini-2.0-flash' }).generateContent(text);
export function renderPage(presets: string[]) {
  render(html\`\${presets.map((message) => html\`<button @click=\${() => chat(\`Take me to \${message}\`)}>\${message}</button>\`)}\`, document.body);
}
renderPage(['Paris']);
`,
    },
    sites: [
      { file: 'src/app.ts', line: 4, kind: 'sdk', promptIncludes: ['Take me to'], relays: ['src/app.ts:6'] }
    ],
  },
  {
    name: 'a caller that adds arguments of its own stays a site, even with callers',
    files: {
      'src/llm.ts': HELPER,
      'src/task.ts': `import { complete } from './llm';
export async function runTask(user: string) {
  return complete('You are terse.', user);
}
`,
      'src/title.ts': `import { runTask } from './task';
export const title = (text: string) => runTask(text);
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk' },
      { file: 'src/task.ts', line: 3, kind: 'wrapper-caller' },
      { file: 'src/title.ts', line: 2, kind: 'wrapper-caller' },
    ],
  },
]);

runScanCases('wrapper callers whose helper converts the turns it is given', [
  {
    name: 'a helper sending `this.toProviderMessages(input.messages)`, `prepare(messages, files)` or `buildPrompt({ messages, preprompt })`: the caller\'s turns (and system text) are the prompt; a converted tool list follows the caller\'s',
    files: {
      'src/llm.ts': `import OpenAI from 'openai';
type Turn = { role: 'system' | 'user' | 'assistant'; content: string };
export class Llm {
  private client = new OpenAI();
  private toProviderMessages(turns: Turn[]) {
    return turns.map((turn) => ({ role: turn.role, content: turn.content }));
  }
  async generate(input: { messages: Turn[]; temperature?: number }) {
    return this.client.chat.completions.create({ model: 'gpt-4o-mini', messages: this.toProviderMessages(input.messages), temperature: input.temperature });
  }
}
export const llm = new Llm();
`,
      'src/prepare.ts': `import OpenAI from 'openai';
const client = new OpenAI();
declare function prepareMessagesWithFiles(messages: unknown[], files: string[]): any[];
export async function reply(messages: unknown[], files: string[]) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: prepareMessagesWithFiles(messages, files) });
}
`,
      'src/query.ts': `import { llm } from './llm';
export async function searchQuery(followUp: string) {
  return llm.generate({ messages: [{ role: 'system', content: 'Rephrase the follow-up into a standalone web search query.' }, { role: 'user', content: followUp }] });
}
`,
      // The helper converts the tool list it is given: a caller that passes none sends no tools.
      'src/provider.ts': `import OpenAI from 'openai';
export class Provider {
  private client = new OpenAI();
  #formatFunctions(functions: { name: string }[]) {
    return functions.map((fn) => ({ type: 'function' as const, function: { name: fn.name, parameters: {} } }));
  }
  async complete(messages: any[], functions: { name: string }[] = []) {
    return this.client.chat.completions.create({ model: 'gpt-4o', messages, ...(functions.length > 0 ? { tools: this.#formatFunctions(functions) } : {}) });
  }
}
export const provider = new Provider();
`,
      'src/agents.ts': `import { provider } from './provider';
export async function pickSpeaker(roles: string) {
  return provider.complete([{ role: 'user', content: \`Select the next role to speak from: \${roles}. Only return the role.\` }]);
}
export async function runAgent(task: string) {
  return provider.complete([{ role: 'user', content: task }], [{ name: 'web_search' }]);
}
`,
      // The converter is handed a system text with the turns: both are the caller's.
      'src/endpoint.ts': `import OpenAI from 'openai';
const client = new OpenAI();
declare function buildPrompt(input: { messages: unknown[]; preprompt?: string }): any[];
export async function generateFromDefault({ messages, preprompt }: { messages: unknown[]; preprompt?: string }) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: buildPrompt({ messages, preprompt }) });
}
`,
      'src/reasoning.ts': `import { generateFromDefault } from './endpoint';
export async function summarizeReasoning(question: string, reasoning: string) {
  return generateFromDefault({ messages: [{ role: 'user', content: \`Question: \${question} Reasoning: \${reasoning}\` }], preprompt: 'Summarize your reasoning steps concisely, then give the final answer.' });
}
`,
      'src/greet.ts': `import { reply } from './prepare';
export async function greet(name: string) {
  return reply([{ role: 'system', content: 'Write a warm welcome email for a new customer.' }, { role: 'user', content: name }], []);
}
`,
    },
    sites: [
      { file: 'src/agents.ts', line: 3, kind: 'wrapper-caller', via: 'src/provider.ts:8', toolNames: [] },
      { file: 'src/agents.ts', line: 6, kind: 'wrapper-caller', via: 'src/provider.ts:8', toolNames: ['(tools)'] },
      { file: 'src/endpoint.ts', line: 5, kind: 'sdk', promptIncludes: ['Summarize your reasoning steps'], relays: ['src/reasoning.ts:3'] },
      { file: 'src/llm.ts', line: 9, kind: 'sdk', promptIncludes: ['standalone web search query'], relays: ['src/query.ts:3'] },
      { file: 'src/prepare.ts', line: 5, kind: 'sdk', promptIncludes: ['Write a warm welcome email'], relays: ['src/greet.ts:3'] },
      { file: 'src/provider.ts', line: 8, kind: 'sdk' }
    ],
  },
]);

runScanCases('callers of a proxy route (the browser composes the request and posts it to the app\'s own route)', [
  {
    name: 'a Next.js route handing the whole JSON body on as the request\'s options is reached by each fetch posting to it; a route building its request from a field of the body, a GET route and a browser helper posting its own parameter are no sites of their own',
    fixture: 'proxy-route',
    sites: [
      { file: 'src/app/api/chat/route.ts', line: 8, kind: 'sdk', model: 'gpt-4o-mini', inTotals: true },
      // The proxy's requests are priced through the fetches; POST's calls handing `body` on are hops, not sites.
      { file: 'src/app/api/responses/route.ts', line: 13, kind: 'sdk', inTotals: false },
      { file: 'src/app/api/responses/route.ts', line: 19, kind: 'sdk', inTotals: false },
      { file: 'src/app/api/session/route.ts', line: 3, kind: 'sdk', inTotals: true },
      { file: 'src/lib/guardrail.ts', line: 2, kind: 'wrapper-caller', via: 'src/app/api/responses/route.ts:13', model: 'gpt-4o-mini', promptIncludes: ['Classify the message'], inTotals: true },
      // fetchResponsesMessage only posts its parameter: its caller is the feature, with the model and tools it builds.
      { file: 'src/lib/supervisor.ts', line: 24, kind: 'wrapper-caller', via: 'src/lib/supervisor.ts:7', model: 'gpt-4.1', promptIncludes: ['supervisor of a customer service agent'], toolNames: ['(tools)'], inTotals: true },
    ],
    check: (result) => {
      // src/components/chat.ts posts a message to /api/chat (which writes its own prompt) and fetches /api/session with no body.
      assert.ok(!result.callSites.some((site) => site.file === 'src/components/chat.ts'));
    },
  },
  {
    name: "a route a Vite plugin registers (`server.middlewares.use('/api/chat', ...)`) sending the turns of the body it parses is reached by each fetch posting to the path a config constant holds; an Express route writing its own prompt from a field of the body is the feature itself",
    files: {
      'package.json': '{ "name": "npc-game", "private": true, "dependencies": { "@anthropic-ai/sdk": "^0.40.0", "express": "^4.0.0" } }',
      'vite/anthropic-proxy.mjs': `import Anthropic from '@anthropic-ai/sdk';
export function anthropicProxy() {
  return {
    name: 'anthropic-proxy',
    configureServer(server) {
      server.middlewares.use('/api/chat', async (req, res) => {
        let body = '';
        for await (const chunk of req) body += chunk;
        const parsed = JSON.parse(body);
        const { model, system, messages, max_tokens } = parsed;
        const client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
        const response = await client.messages.create({ model: model || 'claude-sonnet-4-5', max_tokens: Number(max_tokens) || 256, system, messages });
        res.end(JSON.stringify(response));
      });
    },
  };
}
`,
      'src/config.ts': `export const LLM_ENDPOINTS = {
  chat: '/api/chat',
  search: '/api/search',
};
`,
      'src/npc.ts': `import { LLM_ENDPOINTS } from './config';
export async function decide(name: string, situation: string) {
  const body = { model: 'claude-opus-4-1', system: \`You are \${name}, a villager. Pick your next action.\`, messages: [{ role: 'user', content: situation }], max_tokens: 300 };
  const response = await fetch(LLM_ENDPOINTS.chat, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}
export async function search(query: string) {
  return fetch(LLM_ENDPOINTS.search, { method: 'POST', body: JSON.stringify({ query }) });
}
`,
      'server/index.ts': `import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
const app = express();
const client = new Anthropic();
app.post('/api/summary', async (req, res) => {
  const { text } = req.body;
  const reply = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 200, messages: [{ role: 'user', content: \`Summarize: \${text}\` }] });
  res.json(reply);
});
`,
      'src/summary.ts': `export async function summarize(text: string) {
  return fetch('/api/summary', { method: 'POST', body: JSON.stringify({ text }) });
}
`,
    },
    sites: [
      { file: 'server/index.ts', line: 7, kind: 'sdk', model: 'claude-haiku-4-5', inTotals: true },
      { file: 'vite/anthropic-proxy.mjs', line: 12, kind: 'sdk', model: 'claude-opus-4-1', promptIncludes: ['a villager. Pick your next action.'], inTotals: true, relays: ['src/npc.ts:4'] },
    ],
  },
  {
    name: "a Supabase Edge Function (`serve(async (req) => ...)`) posting the turns it is sent is reached by each `supabase.functions.invoke('<name>', { body })` of the app; an invocation of another function is none, and a function writing its own prompt, or sending a posted prompt on (an image generation), is the feature itself",
    files: {
      'package.json': '{ "name": "journal", "private": true, "dependencies": { "@supabase/supabase-js": "^2.0.0" } }',
      'supabase/functions/deepseek/index.ts': `import { serve } from "https://deno.land/std@0.168.0/http/server.ts";
serve(async (req) => {
  const { prompt, messages, model = "deepseek-chat" } = await req.json();
  const requestBody = { model, messages: messages || [{ role: 'user', content: prompt }], max_tokens: 1000 };
  const response = await fetch("https://api.deepseek.com/v1/chat/completions", { method: 'POST', headers: { Authorization: \`Bearer \${Deno.env.get('DEEPSEEK_API_KEY')}\` }, body: JSON.stringify(requestBody) });
  return new Response(JSON.stringify(await response.json()));
});
`,
      'supabase/functions/weekly-digest/index.ts': `Deno.serve(async (req) => {
  const { entries } = await req.json();
  const response = await fetch("https://api.deepseek.com/v1/chat/completions", { method: 'POST', body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: \`Summarize this week's journal entries: \${entries}\` }] }) });
  return new Response(JSON.stringify(await response.json()));
});
`,
      'supabase/functions/generate-image/index.ts': `import OpenAI from 'npm:openai@4';
const openai = new OpenAI();
Deno.serve(async (req) => {
  const { prompt } = await req.json();
  const image = await openai.images.generate({ model: 'dall-e-3', prompt, size: '1024x1024' });
  return new Response(JSON.stringify(image));
});
`,
      'src/coach.ts': `import { supabase } from './client';
export async function coachReply(entry: string) {
  const { data } = await supabase.functions.invoke('deepseek', { body: { messages: [{ role: 'system', content: 'You are a gentle journaling coach. Ask one follow-up question.' }, { role: 'user', content: entry }] } });
  return data;
}
export async function dailyPrompt() {
  const { data } = await supabase.functions.invoke('deepseek', { body: { prompt: 'Write one reflective journaling prompt for today.' } });
  return data;
}
export async function digest(entries: string[]) {
  const { data } = await supabase.functions.invoke('weekly-digest', { body: { entries } });
  return data;
}
export async function cancel() {
  return supabase.functions.invoke('cancel-subscription', { body: {} });
}
export async function illustrate(entry: string) {
  return supabase.functions.invoke('generate-image', { body: { prompt: \`A watercolor of: \${entry}\` } });
}
export async function sketch(entry: string) {
  return supabase.functions.invoke('generate-image', { body: { prompt: \`A pencil sketch of: \${entry}\` } });
}
`,
      'src/client.ts': `import { createClient } from '@supabase/supabase-js';
export const supabase = createClient('https://abc.supabase.co', 'anon');
`,
    },
    sites: [
      { file: 'src/coach.ts', line: 3, kind: 'wrapper-caller', via: 'supabase/functions/deepseek/index.ts:5', model: 'deepseek-chat', promptIncludes: ['gentle journaling coach'], inTotals: true },
      { file: 'src/coach.ts', line: 7, kind: 'wrapper-caller', via: 'supabase/functions/deepseek/index.ts:5', model: 'deepseek-chat', promptIncludes: ['reflective journaling prompt'], inTotals: true },
      { file: 'supabase/functions/deepseek/index.ts', line: 5, kind: 'sdk', inTotals: false },
      { file: 'supabase/functions/generate-image/index.ts', line: 5, kind: 'sdk', model: 'dall-e-3', inTotals: true },
      { file: 'supabase/functions/weekly-digest/index.ts', line: 3, kind: 'sdk', model: 'deepseek-chat', inTotals: true },
    ],
  },
  {
    name: "a Firebase HTTPS function (`exports.proxyResponses = onRequest(options, async (req, res) => ...)`) posting on the body it is sent is reached by each fetch of the app to `${BASE}/proxyResponses`, through the app's own wrapper of fetch too; a helper posting only what its callers hand in is a hop, also when it is the fallback of a helper an earlier round searched; a function writing its own prompt is the feature itself",
    files: {
      'package.json': '{ "name": "tutor", "private": true, "dependencies": { "firebase": "^11.0.0" } }',
      'functions/package.json': '{ "name": "functions", "private": true, "dependencies": { "firebase-functions": "^6.0.0", "openai": "^5.0.0" } }',
      'functions/index.js': `const { onRequest } = require("firebase-functions/v2/https");
const functions = require("firebase-functions");
const OpenAI = require("openai");
const openai = new OpenAI();
exports.proxyResponses = onRequest({ region: "us-central1", cors: false }, async (req, res) => {
  const body = req.body || {};
  body.reasoning = { effort: "minimal" };
  const upstream = await fetch("https://api.openai.com/v1/responses", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return res.send(await upstream.text());
});
exports.dailyTip = functions.https.onRequest(async (req, res) => {
  const { level } = req.body;
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: \`One study tip for a \${level} learner.\` }] });
  res.json(completion);
});
`,
      'src/fetching.js': `export async function appCheckFetch(input, init = {}) {
  return fetch(input, { ...init, headers: { ...init.headers, "X-Firebase-AppCheck": "token" } });
}
`,
      'src/llm.js': `import { appCheckFetch } from "./fetching";
import { model as gemini } from "./gemini";
const RESPONSES_URL = \`\${import.meta.env.VITE_RESPONSES_URL}/proxyResponses\`;
export async function callResponses({ model = "gpt-5-nano", input }) {
  if (gemini) {
    const result = await gemini.generateContent(input);
    return result.response.text();
  }
  const r = await appCheckFetch(RESPONSES_URL, { method: "POST", body: JSON.stringify({ model, text: { format: { type: "text" } }, input }) });
  return r.json();
}
`,
      'src/gemini.js': `import { GoogleGenerativeAI } from "@google/generative-ai";
export const model = new GoogleGenerativeAI("key").getGenerativeModel({ model: "gemini-2.5-flash-lite" });
`,
      'src/pages.js': `import { callResponses } from "./llm";
import { appCheckFetch } from "./fetching";
const RESPONSES_URL = \`\${import.meta.env.VITE_RESPONSES_URL}/proxyResponses\`;
export async function translate(text) {
  return callResponses({ input: \`Translate to Spanish: \${text}\` });
}
export async function judgeGoal(goal, reply) {
  const r = await appCheckFetch(RESPONSES_URL, { method: "POST", body: JSON.stringify({ model: "gpt-5-nano", input: \`Did the learner meet the goal "\${goal}"? Reply: \${reply}\` }) });
  return r.json();
}
`,
    },
    sites: [
      { file: 'functions/index.js', line: 8, kind: 'sdk', inTotals: false },
      { file: 'functions/index.js', line: 13, kind: 'sdk', model: 'gpt-4o-mini', inTotals: true },
      { file: 'src/llm.js', line: 6, kind: 'sdk', inTotals: false },
      { file: 'src/pages.js', line: 5, kind: 'wrapper-caller', via: 'src/llm.js:6', promptIncludes: ['Translate to Spanish'], inTotals: true },
      { file: 'src/pages.js', line: 8, kind: 'wrapper-caller', via: 'functions/index.js:8', model: 'gpt-5-nano', promptIncludes: ['meet the goal'], inTotals: true },
    ],
    check: (result) => {
      const judge = result.callSites.find((site) => site.file === 'src/pages.js' && site.line === 8)!;
      assert.ok(judge.evidence.some((line) => line.startsWith("posts the request to the app's Firebase function proxyResponses")), judge.evidence.join('\n'));
      // Each handler of the module is its own function: the one writing its own prompt is no helper of the proxy's callers.
      assert.equal(result.callSites.find((site) => site.file === 'functions/index.js' && site.line === 13)?.enclosingFunction, 'dailyTip');
    },
  },
]);

runScanCases('a map of helpers another module exports', [
  {
    name: "a module exporting a map of the helpers (`export const _service = { [services.openai]: common, [services.claude]: claude }`) is called through in the modules importing it, directly (`_service[name](message)`) and through a local function returning the pick (`getTranslationService(name)(message)`): those calls are the features, through the first helper with the others as alternatives",
    files: {
      'package.json': '{ "name": "reader", "private": true, "dependencies": { "openai": "^5.0.0", "@anthropic-ai/sdk": "^0.60.0" } }',
      'src/service/common.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function common(message: { origin: string; target: string }) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: \`Translate the text into \${message.target}.\` }, { role: 'user', content: message.origin }] });
  return completion.choices[0].message.content;
}
`,
      'src/service/claude.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export async function claude(message: { origin: string; target: string }) {
  const reply = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 1024, messages: [{ role: 'user', content: \`Translate into \${message.target}: \${message.origin}\` }] });
  return reply.content;
}
`,
      'src/service/_service.ts': `import { common } from './common';
import { claude } from './claude';
export const services = { openai: 'openai', deepseek: 'deepseek', claude: 'claude' };
export const _service: Record<string, (message: { origin: string; target: string }) => Promise<unknown>> = {
  [services.openai]: common,
  [services.deepseek]: common,
  [services.claude]: claude,
};
`,
      'src/background.ts': `import { _service } from './service/_service';
function getTranslationService(name: string) {
  const service = _service[name];
  if (!service) throw new Error(name);
  return service;
}
export async function translatePage(text: string, name: string) {
  return getTranslationService(name)({ origin: text, target: 'French' });
}
export async function translateTitle(title: string, name: string) {
  return _service[name]({ origin: title, target: 'German' });
}
`,
    },
    sites: [
      { file: 'src/background.ts', line: 8, kind: 'wrapper-caller', via: 'src/service/common.ts:4', inTotals: true },
      { file: 'src/background.ts', line: 11, kind: 'wrapper-caller', via: 'src/service/common.ts:4', inTotals: true },
      { file: 'src/service/claude.ts', line: 4, kind: 'sdk', model: 'claude-haiku-4-5', inTotals: false },
      { file: 'src/service/common.ts', line: 4, kind: 'sdk', model: 'gpt-4o-mini', inTotals: false },
    ],
    check: (result) => {
      const page = result.callSites.find((site) => site.file === 'src/background.ts' && site.line === 8)!;
      assert.deepEqual((page.via?.alternatives ?? []).map((via) => `${via.file}:${via.line}`), ['src/service/claude.ts:4']);
    },
  },
]);

runScanCases('a React hook handing out a callback', [
  {
    name: "a custom hook's memoized callback it returns (`const generateCompletion = useCallback(...)`; `return { generateCompletion, loading }`) is called by the components taking it from the hook (`const { generateCompletion } = useGenerateChatCompletion()`): those calls are the features, the callback posting only its parameters a hop; a callback the hook keeps to itself stays the site",
    files: {
      'package.json': '{ "name": "journal", "private": true, "dependencies": { "openai": "^5.0.0", "react": "^19.0.0" } }',
      'src/hooks/useGenerateChatCompletion.ts': `import { useCallback, useState } from 'react';
import OpenAI from 'openai';
const openai = new OpenAI({ dangerouslyAllowBrowser: true });
export const useGenerateChatCompletion = () => {
  const [loading, setLoading] = useState(false);
  const generateCompletion = useCallback(async (messages: Array<{ role: 'system' | 'user'; content: string }>) => {
    setLoading(true);
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages });
    setLoading(false);
    return completion.choices[0].message.content ?? '';
  }, []);
  return { generateCompletion, loading };
};
`,
      'src/hooks/usePrompts.ts': `import { useCallback } from 'react';
import OpenAI from 'openai';
const openai = new OpenAI({ dangerouslyAllowBrowser: true });
export function usePrompts() {
  const refresh = useCallback(async () => {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Write one journaling prompt.' }] });
    return completion.choices[0].message.content;
  }, []);
  return { ready: true, start: () => refresh() };
}
`,
      'src/hooks/useGenerateSummary.ts': `import { useCallback } from 'react';
import { useGenerateChatCompletion } from './useGenerateChatCompletion';
export const useGenerateSummary = () => {
  const { generateCompletion } = useGenerateChatCompletion();
  const summarize = useCallback(async (entry: string) => {
    const title = await generateCompletion([{ role: 'system', content: 'Write a five-word title for this journal entry.' }, { role: 'user', content: entry }]);
    const summary = await generateCompletion([{ role: 'system', content: 'Summarize this journal entry in two sentences.' }, { role: 'user', content: entry }]);
    return { title, summary };
  }, [generateCompletion]);
  return { summarize };
};
`,
    },
    sites: [
      { file: 'src/hooks/useGenerateChatCompletion.ts', line: 8, kind: 'sdk', inTotals: false },
      { file: 'src/hooks/useGenerateSummary.ts', line: 6, kind: 'wrapper-caller', via: 'src/hooks/useGenerateChatCompletion.ts:8', promptIncludes: ['five-word title'], inTotals: true },
      { file: 'src/hooks/useGenerateSummary.ts', line: 7, kind: 'wrapper-caller', via: 'src/hooks/useGenerateChatCompletion.ts:8', promptIncludes: ['two sentences'], inTotals: true },
      { file: 'src/hooks/usePrompts.ts', line: 6, kind: 'sdk', promptIncludes: ['journaling prompt'], inTotals: true },
    ],
  },
]);

runScanCases('a table of handlers', [
  {
    name: "a method running one of its class's handler methods through a table (`chatHandlers[this.row.type].bind(this)(instructions, input)`) is a hop to each of them; its callers are the features, through the first handler with the others as alternatives, and a client variable assigned several SDKs' clients makes each handler's request its own SDK's",
    files: {
      'package.json': '{ "name": "papers", "private": true, "dependencies": { "openai": "^5.0.0", "@anthropic-ai/sdk": "^0.60.0" } }',
      'src/llm.ts': `import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
export default class Llm {
  constructor(private row: { provider: string; type: string; model: string; url: string }) {}
  client(): any {
    let client: any;
    if (this.row.provider === 'OpenAI') {
      client = new OpenAI({ baseURL: this.row.url });
    } else if (this.row.provider === 'Anthropic') {
      client = new Anthropic({ baseURL: this.row.url });
    }
    return client;
  }
  async openAiHandler(instructions: string, input: string) {
    const completion = await this.client().chat.completions.create({ model: this.row.model, messages: [{ role: 'system', content: instructions }, { role: 'user', content: input }] });
    return completion.choices[0].message.content;
  }
  async claudeHandler(instructions: string, input: string) {
    const message = await this.client().messages.create({ model: this.row.model, max_tokens: 4000, system: instructions, messages: [{ role: 'user', content: input }] });
    return message.content;
  }
  async chat(instructions: string, input: string) {
    const chatHandlers = {
      'openai-chat-completions': this.openAiHandler,
      'claude-messages-create': this.claudeHandler,
    };
    return chatHandlers[this.row.type].bind(this)(instructions, input);
  }
}
`,
      'src/headlines.ts': `import Llm from './llm';
export class HeadlinesGenerator {
  constructor(private llm: Llm) {}
  async generate(article: string) {
    return this.llm.chat('Write three headlines for this article.', article);
  }
}
`,
    },
    sites: [
      { file: 'src/headlines.ts', line: 5, kind: 'wrapper-caller', via: 'src/llm.ts:27', promptIncludes: ['three headlines'], inTotals: true },
      { file: 'src/llm.ts', line: 15, kind: 'sdk', inTotals: false },
      { file: 'src/llm.ts', line: 19, kind: 'sdk', inTotals: false },
    ],
    check: (result) => {
      // The dispatch call in `chat` hands on only what it is given: it is listed on the first handler's request, the way the
      // feature's request goes, with the other handler on it too.
      const caller = result.callSites.find((site) => site.file === 'src/headlines.ts')!;
      assert.deepEqual((caller.via?.through ?? []).map((via) => `${via.file}:${via.line}`), ['src/llm.ts:15', 'src/llm.ts:19']);
      assert.equal(result.callSites.find((site) => site.line === 19)?.provider, 'anthropic');
    },
  },
]);

runScanCases('a caller at the call an analyzer already reports', [
  {
    name: 'store.vectorstore.addDocuments(docs) is the LangChain store\'s request; the app\'s own Chroma store behind the same call (picked by configuration) adds no second site there',
    files: {
      'package.json': '{ "name": "stores", "private": true, "dependencies": { "chromadb": "^3.0.0", "@langchain/openai": "^0.5.0", "@langchain/pinecone": "^0.2.0" } }',
      'lib/chroma.ts': `import { ChromaClient, OpenAIEmbeddingFunction } from 'chromadb';
const client = new ChromaClient();
export class ChromaVectorStore {
  async addDocuments(docs: Array<{ pageContent: string }>) {
    const collection = await client.getOrCreateCollection({ name: 'docs', embeddingFunction: new OpenAIEmbeddingFunction({ openai_api_key: 'key', openai_model: 'text-embedding-3-large' }) });
    await collection.add({ ids: docs.map((_, index) => String(index)), documents: docs.map((doc) => doc.pageContent) });
  }
}
`,
      'lib/store.ts': `import { PineconeStore } from '@langchain/pinecone';
import type { Embeddings } from '@langchain/core/embeddings';
import { ChromaVectorStore } from './chroma';
export async function loadVectorStore({ embeddings }: { embeddings: Embeddings }) {
  if (process.env.VECTORSTORE === 'chroma') return { vectorstore: new ChromaVectorStore() };
  return { vectorstore: await PineconeStore.fromExistingIndex(embeddings, { pineconeIndex: null as never }) };
}
`,
      'app/ingest.ts': `import { OpenAIEmbeddings } from '@langchain/openai';
import { loadVectorStore } from '../lib/store';
export async function ingest(docs: Array<{ pageContent: string }>) {
  const store = await loadVectorStore({ embeddings: new OpenAIEmbeddings({ model: 'text-embedding-3-small' }) });
  await store.vectorstore.addDocuments(docs);
}
`,
    },
    sites: [
      { file: 'app/ingest.ts', line: 5, kind: 'sdk', model: 'text-embedding-3-small' },
      // Not reached through a caller: in the totals on its own.
      { file: 'lib/chroma.ts', line: 6, kind: 'sdk', model: 'text-embedding-3-large', inTotals: true },
    ],
  },
]);

runScanCases('images a request takes from the turns it is handed (attachments its class, a base class or a helper turns into image parts)', [
  {
    name: "a provider class whose mixed-in base class formats attachments as image parts, a module helper formatting them through an imported function, a subclass that strips them: callers handing their own text turns send no images, the agent loop's conversation does",
    files: {
      'package.json': '{ "name": "agents", "private": true, "dependencies": { "openai": "^5.0.0" } }',
      'lib/attachments.js': `function attachmentToContentBlock(attachment) {
  return { type: "image_url", image_url: { url: attachment.contentString } };
}
module.exports = { attachmentToContentBlock };
`,
      'lib/provider.js': `class Provider {
  formatMessageWithAttachments(message) {
    if (!message.attachments) return message;
    return { role: message.role, content: [{ type: "text", text: message.content }, ...message.attachments.map((a) => ({ type: "image_url", image_url: { url: a.contentString } }))] };
  }
}
module.exports = Provider;
`,
      'lib/untooled.js': `class UnTooled {
  cleanMsgs(messages) {
    return messages.map((msg) => this.formatMessageWithAttachments(msg));
  }
}
module.exports = UnTooled;
`,
      'lib/classes.js': `function InheritMultiple(bases = []) {
  class Bases {}
  return Bases;
}
module.exports = InheritMultiple;
`,
      'lib/tooled.js': `const { attachmentToContentBlock } = require("./attachments");
function formatMessageWithAttachments(message) {
  if (!message.attachments) return message;
  return { ...message, content: [{ type: "text", text: message.content }, ...message.attachments.map(attachmentToContentBlock)] };
}
function formatMessagesForTools(messages) {
  return messages.map(formatMessageWithAttachments);
}
async function tooledComplete(client, model, messages) {
  const formattedMessages = formatMessagesForTools(messages);
  return client.chat.completions.create({ model, messages: formattedMessages });
}
module.exports = { tooledComplete };
`,
      'lib/groq.js': `const OpenAI = require("openai");
const Provider = require("./provider");
const UnTooled = require("./untooled");
const InheritMultiple = require("./classes");
class GroqProvider extends InheritMultiple([Provider, UnTooled]) {
  constructor() {
    super();
    this.client = new OpenAI({ baseURL: "https://api.groq.com/openai/v1" });
  }
  async complete(messages) {
    return this.client.chat.completions.create({ model: "llama-3.3-70b-versatile", messages: this.cleanMsgs(messages) });
  }
}
module.exports = GroqProvider;
`,
      'lib/plain.js': `const OpenAI = require("openai");
const Provider = require("./provider");
class PlainProvider extends Provider {
  constructor() {
    super();
    this.client = new OpenAI({ baseURL: "https://api.deepseek.com/v1" });
  }
  formatMessageWithAttachments(message) {
    const { attachments: _, ...rest } = message;
    return rest;
  }
  async complete(messages) {
    return this.client.chat.completions.create({ model: "deepseek-chat", messages: messages.map((m) => this.formatMessageWithAttachments(m)) });
  }
  #stripAttachments(messages) {
    return messages.map(({ attachments: _, ...rest }) => rest);
  }
}
module.exports = PlainProvider;
`,
      'app/agent.js': `const GroqProvider = require("../lib/groq");
const { tooledComplete } = require("../lib/tooled");
const OpenAI = require("openai");
const provider = new GroqProvider();
async function pickSpeaker(names) {
  const messages = [{ role: "system", content: "You moderate a role play." }, { role: "user", content: "Pick who speaks next: " + names.join(", ") }];
  return provider.complete(messages);
}
async function runLoop(history) {
  return provider.complete(history);
}
async function plainTools(history) {
  const cleaned = history.map(({ attachments: _, ...rest }) => rest);
  return tooledComplete(new OpenAI(), "gpt-4.1-mini", cleaned);
}
async function strippedTools(history) {
  const cleaned = stripAttachments(history);
  return tooledComplete(new OpenAI(), "gpt-4.1-mini", cleaned);
}
function stripAttachments(messages) {
  return messages.map(({ attachments: _, ...rest }) => rest);
}
module.exports = { pickSpeaker, runLoop, plainTools, strippedTools };
`,
    },
    sites: [
      // The moderator's own text turns: no attachments to format.
      { file: 'app/agent.js', line: 7, kind: 'wrapper-caller', via: 'lib/groq.js:11', vision: false },
      // The conversation handed on: the helper's base class formats its attachments.
      // Turns mapped at run time (attachments taken off by a destructuring the scan does not read): the helper's images stay.
      { file: 'app/agent.js', line: 14, kind: 'wrapper-caller', via: 'lib/tooled.js:11', vision: true },
      { file: 'app/agent.js', line: 18, kind: 'wrapper-caller', via: 'lib/tooled.js:11', vision: false },
      { file: 'lib/groq.js', line: 11, kind: 'sdk', vision: true, relays: ['app/agent.js:10'] },
      // Overrides the base class's formatter with one that drops attachments.
      { file: 'lib/plain.js', line: 13, kind: 'sdk', vision: false },
      { file: 'lib/tooled.js', line: 11, kind: 'sdk', vision: true },
    ],
  },
]);

runScanCases('wrapper callers: the client a subclass hands to its base class', [
  {
    name: 'a subclass method calling an inherited helper (two levels deep) is served by the client that subclass hands to super(): an Ollama-pointed client is the team\'s own server, never priced at a hosted per-image price',
    files: {
      'lib/base.js': `class BasePainter {
  /** @param {{client: import("openai").OpenAI, model: string}} options */
  constructor({ client, model }) {
    this.client = client;
    this.model = model;
  }
  async paint(prompt) {
    return this.request(prompt);
  }
  async request(prompt) {
    const result = await this.client.images.generate({ model: this.model, prompt, n: 1 });
    return result.data[0];
  }
}
module.exports = { BasePainter };
`,
      'lib/hosted.js': `const { OpenAI } = require("openai");
const { BasePainter } = require("./base");
class HostedPainter extends BasePainter {
  constructor() {
    super({ client: new OpenAI({ apiKey: process.env.PAINTER_KEY }), model: "gpt-image-1" });
  }
  async poster(prompt) {
    return this.paint(prompt);
  }
}
module.exports = { HostedPainter };
`,
      'lib/local.js': `const { OpenAI } = require("openai");
const { BasePainter } = require("./base");
class LocalPainter extends BasePainter {
  constructor() {
    const root = process.env.PAINTER_OLLAMA_BASE_PATH.replace(/\/+$/, "");
    super({ client: new OpenAI({ baseURL: \`\${root}/v1\`, apiKey: "ollama" }), model: process.env.PAINTER_MODEL });
  }
  async poster(prompt) {
    return this.paint(prompt);
  }
}
module.exports = { LocalPainter };
`,
    },
    sites: [
      // The hosted painter's poster hands `paint` (a hop) only its prompt, and its client is the one the request reads
      // from its callers: the same request, listed on it. The local painter's Ollama client is a server of its own: a site.
      { file: 'lib/base.js', line: 11, kind: 'sdk', provider: 'openai', relays: ['lib/hosted.js:8'] },
      { file: 'lib/local.js', line: 9, kind: 'wrapper-caller', via: 'lib/base.js:8', provider: 'ollama' },
    ],
    check: (result) => {
      const local = result.callSites.find((site) => site.file === 'lib/local.js');
      assert.equal(local?.monthlyUsdCurrent, null, `a local image server has no per-image bill: ${local?.monthlyUsdCurrent}`);
      assert.match(local?.unpricedReason ?? '', /server you operate: there is no per-image bill/);
      assert.ok((result.callSites.find((site) => site.file === 'lib/base.js')?.monthlyUsdCurrent ?? 0) > 0, 'the hosted subclass, listed on the request, is priced per image');
    },
  },
]);

runScanCases('wrapper callers of a bundled copy of an API client (its class a `var X = class { ... }`, as bundlers write it)', [
  {
    name: 'a field declared with the bundled class and set with `new` reaches its method: each command calling it is a caller; the client held elsewhere with another class is not',
    files: {
      'chatgpt-5.1.1/index.js': `var fetch = globalThis.fetch;
var ChatGPTAPI = class {
  constructor(opts) {
    const { apiKey, apiBaseUrl = "https://api.openai.com", fetch: fetch2 = fetch } = opts;
    this._apiKey = apiKey;
    this._apiBaseUrl = apiBaseUrl;
    this._fetch = fetch2;
  }
  async sendMessage(text) {
    const url = \`\${this._apiBaseUrl}/v1/chat/completions\`;
    const body = { model: "gpt-3.5-turbo", messages: [{ role: "user", content: text }] };
    return this._fetch(url, { method: "POST", body: JSON.stringify(body) });
  }
};
export { ChatGPTAPI };
`,
      'src/provider.ts': `import { ChatGPTAPI } from '../chatgpt-5.1.1/index';
class Panel { sendMessage(text: string) { return text; } }
export class Provider {
  private api?: ChatGPTAPI;
  private panel = new Panel();
  connect(apiKey: string) {
    this.api = new ChatGPTAPI({ apiKey });
  }
  async ask(question: string) {
    this.panel.sendMessage(question);
    return this.api?.sendMessage(question);
  }
}
`,
    },
    sites: [
      { file: 'chatgpt-5.1.1/index.js', line: 12, kind: 'sdk', provider: 'openai', model: 'gpt-3.5-turbo', relays: ['src/provider.ts:11'] },
    ],
  },
]);

runScanCases('a caller passing a model the scan cannot read, to a helper whose parameter type lists the models', [
  {
    name: "the helper's list (its parameter typed with the app's enum of model names) stands for what the caller passes",
    files: {
      'src/models.ts': `export enum ChatModel {\n  Default = 'gpt-4o',\n  Mini = 'gpt-4o-mini',\n}\n`,
      'src/openai.ts': `import OpenAI from 'openai';
import type { ChatModel } from './models';
const client = new OpenAI();
export class RequestManager {
  async send(prompt: string, model: ChatModel) {
    return client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
  }
}
`,
      'src/chat.ts': `import { RequestManager } from './openai';
const manager = new RequestManager();
export async function reply(prompt: string, conversation: { model?: any; defaultModel: any }) {
  return manager.send(prompt, conversation.model || conversation.defaultModel);
}
`,
    },
    sites: [
      { file: 'src/openai.ts', line: 6, kind: 'sdk', model: 'gpt-4o', relays: ['src/chat.ts:4'] },
    ],
  },
]);

runScanCases('wrapper callers of layered agent runtimes (members kept in maps, adapters of one operation, private steps, test stand-ins)', [
  {
    name: "a crew keeping its runners in a Map: `this.runners.get(id)` and a member record's field are the map's value type, whose run() makes the request",
    files: {
      'src/runner.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export class Runner {
  async run(task: string) {
    return client.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: task }] });
  }
}
`,
      'src/crew.ts': `import { Runner } from './runner';
interface Member { runner?: Runner; busy: boolean }
export class Crew {
  private runners: Map<string, Runner> = new Map();
  private readonly members = new Map<string, Member>();
  private readonly notes: ReadonlyMap<string, string> = new Map();
  async ask(id: string, question: string) {
    const runner = this.runners.get(id);
    if (!runner) throw new Error(\`no runner \${id} (\${this.notes.get(id)})\`);
    return runner.run(\`Answer briefly: \${question}\`);
  }
  async delegate(id: string, task: string) {
    const member = this.members.get(id);
    if (!member?.runner) throw new Error('no such member');
    return member.runner.run(\`Carry out this task: \${task}\`);
  }
}
`,
    },
    sites: [
      { file: 'src/crew.ts', line: 10, kind: 'wrapper-caller', via: 'src/runner.ts:5', promptIncludes: ['Answer briefly'] },
      { file: 'src/crew.ts', line: 15, kind: 'wrapper-caller', via: 'src/runner.ts:5', promptIncludes: ['Carry out this task'] },
      { file: 'src/runner.ts', line: 5, kind: 'sdk', inTotals: false },
    ],
  },
  {
    name: "a session over an engine over a model adapter over a gateway over a provider: adapters of the same operation are no levels and private steps no hops, so the app's feature three helpers up is found; a test running the engine on its own stand-in model makes no request",
    files: {
      'src/provider.ts': `import OpenAI from 'openai';
export class Provider {
  private client = new OpenAI();
  async stream(request: { model: string; prompt: string }) {
    return this.client.chat.completions.create({ model: request.model, messages: [{ role: 'user', content: request.prompt }], stream: true });
  }
}
`,
      'src/gateway.ts': `import { Provider } from './provider';
export class Gateway {
  constructor(private provider: Provider) {}
  async stream(request: { prompt: string }) {
    return this.provider.stream({ ...request, model: 'gpt-4.1-mini' });
  }
}
`,
      'src/adapter.ts': `import { Gateway } from './gateway';
export interface StreamingModel { stream(request: { system: string; text: string }): Promise<unknown> }
export class ModelAdapter implements StreamingModel {
  constructor(private gateway: Gateway) {}
  async stream(request: { system: string; text: string }) {
    return this.gateway.stream({ prompt: \`\${request.system}\n\n\${request.text}\` });
  }
}
`,
      'src/engine.ts': `import type { StreamingModel } from './adapter';
export class Engine {
  constructor(private model: StreamingModel) {}
  async run(input: string) {
    return this.loop({ input, turns: 0 });
  }
  private async loop(state: { input: string; turns: number }) {
    return this.turn(state.input, state.turns + 1);
  }
  private async turn(text: string, turn: number) {
    return this.send(text, \`turn \${turn}\`);
  }
  private async send(text: string, label: string) {
    return this.model.stream({ system: \`You are a careful coding agent (\${label}).\`, text });
  }
}
`,
      'src/session.ts': `import { Engine } from './engine';
import { ModelAdapter } from './adapter';
import { Gateway } from './gateway';
import { Provider } from './provider';
export class Session {
  run(message: string) {
    return this.execute({ message, retried: false });
  }
  private async execute(input: { message: string; retried: boolean }) {
    return this.executeOnce(input.message.trim());
  }
  private async executeOnce(message: string) {
    const engine = new Engine(new ModelAdapter(new Gateway(new Provider())));
    return engine.run(message);
  }
}
`,
      'src/review.ts': `import { Session } from './session';
export async function reviewDiff(diff: string) {
  const session = new Session();
  return session.run(\`Review this diff and list the bugs:\n\${diff}\`);
}
`,
      'src/engine.test.ts': `import { describe, it } from 'vitest';
import { Engine } from './engine';
import type { StreamingModel } from './adapter';
class ScriptedModel implements StreamingModel {
  async stream() { return 'done'; }
}
describe('engine', () => {
  it('runs one turn', async () => {
    await new Engine(new ScriptedModel()).run('hello');
  });
});
`,
    },
    sites: [
      { file: 'src/engine.ts', line: 14, kind: 'wrapper-caller', via: 'src/adapter.ts:6', inTotals: false },
      { file: 'src/gateway.ts', line: 5, kind: 'wrapper-caller', via: 'src/provider.ts:5', inTotals: false, relays: ['src/adapter.ts:6'] },
      { file: 'src/provider.ts', line: 5, kind: 'sdk', inTotals: false },
      { file: 'src/review.ts', line: 4, kind: 'wrapper-caller', via: 'src/session.ts:7', promptIncludes: ['Review this diff'], inTotals: true },
    ],
    check: (result) => {
      // The session's and the engine's steps (private calls, and executeOnce handing its message on) are hops the feature goes through.
      const feature = result.callSites.find((site) => site.file === 'src/review.ts')!;
      assert.deepEqual(feature.via?.through?.map((helper) => helper.function), ['Session.execute', 'Session.executeOnce', 'Engine.run', 'Engine.loop', 'Engine.turn', 'Engine.send'], 'the feature names every step down to the model adapter');
      assert.ok(!result.callSites.some((site) => site.file === 'src/engine.test.ts'), 'the test running the engine on its ScriptedModel is no call site');
    },
  },
]);

runScanCases('wrapper callers through values the code passes around untyped', [
  {
    name: 'a store method calling another through a getter that merges the state with the methods object (`get().send(...)` of `{ ..._get(), ...methods }`) is a caller',
    files: {
      'src/store.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export function makeStore(read: () => { history: string[] }) {
  function current() {
    return { ...read(), ...actions };
  }
  const actions = {
    async send(text: string) {
      return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
    },
    afterTool(result: string) {
      current().send(\`Tool result: \${result}\`);
    },
  };
  return actions;
}
`,
    },
    sites: [
      { file: 'src/store.ts', line: 9, kind: 'sdk', relays: ['src/store.ts:12'] }
    ],
  },
  {
    name: "a helper of a module the app loads lazily (`await import('./direct')` in its own loader) and keeps in a variable declared without a value is called through that variable",
    files: {
      'src/direct.ts': `import Anthropic from '@anthropic-ai/sdk';
const client = new Anthropic();
export async function directGenerate(model: string, text: string) {
  return client.messages.create({ model, max_tokens: 512, messages: [{ role: 'user', content: text }] });
}
`,
      'src/client.ts': `async function loadDirectModule(): Promise<typeof import('./direct')> {
  try {
    return await import('./direct');
  } catch (error) {
    throw new Error('the direct module failed to load');
  }
}
export async function generate(text: string, direct: boolean) {
  let directGenerate;
  if (direct) {
    const module = await loadDirectModule();
    directGenerate = module.directGenerate;
  }
  return directGenerate ? directGenerate('claude-haiku-4-5', text) : fetch('/api/generate', { method: 'POST', body: text });
}
`,
      'src/title.ts': `import { generate } from './client';
export const titleOf = (chat: string) => generate(\`Write a five-word title for this chat: \${chat}\`, true);
`,
    },
    sites: [
      { file: 'src/client.ts', line: 14, kind: 'wrapper-caller', via: 'src/direct.ts:4', model: 'claude-haiku-4-5' },
      { file: 'src/direct.ts', line: 4, kind: 'sdk' },
      { file: 'src/title.ts', line: 2, kind: 'wrapper-caller', via: 'src/client.ts:14', model: 'claude-haiku-4-5' },
    ],
  },
]);

const MASTRA_SERVICES: Record<string, string> = {
  'src/chat/agent.loader.ts': `import { Agent } from '@mastra/core/agent';
import { openai } from '@ai-sdk/openai';
export class AgentLoader {
  async agent() {
    return new Agent({
      name: 'planner',
      instructions: 'You help users plan and schedule their social posts.',
      model: openai('gpt-4.1-mini'),
      tools: { listPosts: {} },
    });
  }
}
`,
  'src/chat/mastra.holder.ts': `import { Mastra } from '@mastra/core/mastra';
import { AgentLoader } from './agent.loader';
export class MastraHolder {
  static mastra: Mastra;
  constructor(private loader: AgentLoader) {}
  async mastra() {
    MastraHolder.mastra = MastraHolder.mastra || new Mastra({ agents: { planner: await this.loader.agent() } });
    return MastraHolder.mastra;
  }
}
`,
};

runScanCases('agents handed to a framework that runs them (Mastra)', [
  {
    name: "an agent registered in an MCP server (looked up by name in a Mastra instance a DI container hands out) and a Mastra instance's agents handed to AG-UI by MastraAgent.getLocalAgents are callers of the agent's site, which leaves the totals",
    files: {
      ...MASTRA_SERVICES,
      'src/chat/mcp.start.ts': `import { MCPServer } from '@mastra/mcp';
import { MastraHolder } from './mastra.holder';
export const startMcp = async (app: { get<T>(token: new (...args: never[]) => T, options?: object): T }) => {
  const holder = app.get(MastraHolder, { strict: false });
  const mastra = await holder.mastra();
  const agent = mastra.getAgent('planner');
  const config = {
    name: 'Planner MCP',
    agents: { planner: agent },
  };
  return new MCPServer(config);
};
`,
      'src/routes/agent.controller.ts': `import { MastraAgent } from '@ag-ui/mastra';
import { RequestContext } from '@mastra/core/di';
import { MastraHolder } from '../chat/mastra.holder';
export class AgentController {
  constructor(private holder: MastraHolder) {}
  async agents(userId: string) {
    const mastra = await this.holder.mastra();
    const requestContext = new RequestContext();
    return MastraAgent.getLocalAgents({ resourceId: userId, mastra, requestContext });
  }
}
`,
    },
    sites: [
      { file: 'src/chat/agent.loader.ts', line: 5, kind: 'sdk', model: 'gpt-4.1-mini', inTotals: false },
      { file: 'src/chat/mcp.start.ts', line: 9, kind: 'wrapper-caller', via: 'src/chat/agent.loader.ts:5', model: 'gpt-4.1-mini', inTotals: true },
      { file: 'src/routes/agent.controller.ts', line: 9, kind: 'wrapper-caller', via: 'src/chat/agent.loader.ts:5', model: 'gpt-4.1-mini', inTotals: true },
    ],
  },
]);

runScanCases('wrapper callers in a plugin that loads its library lazily into fields declared any', [
  {
    name: 'a test handing the code under test an object of mock functions named as a helper on the way down (`{ search: vi.fn() }` for a provider) is no caller; the app handing it the real provider is',
    files: {
      'src/provider.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export interface MemoryProvider { search(query: string): Promise<unknown> }
export class OpenAiProvider implements MemoryProvider {
  async search(query: string) {
    return client.embeddings.create({ model: 'text-embedding-3-small', input: query });
  }
}
`,
      'src/recall.ts': `import type { MemoryProvider } from './provider';
export async function recall(deps: { provider: MemoryProvider }, topic: string) {
  return deps.provider.search(\`Recall what the user said about \${topic}\`);
}
`,
      'src/app.ts': `import { recall } from './recall';
import { OpenAiProvider } from './provider';
export const answer = (topic: string) => recall({ provider: new OpenAiProvider() }, topic);
`,
      'src/recall.test.ts': `import { it, vi } from 'vitest';
import { recall } from './recall';
it('recalls through the provider it is given', async () => {
  await recall({ provider: { search: vi.fn().mockResolvedValue([]) } }, 'colour');
});
`,
    },
    sites: [
      { file: 'src/app.ts', line: 3, kind: 'wrapper-caller', via: 'src/recall.ts:3' },
      { file: 'src/provider.ts', line: 6, kind: 'sdk' },
      { file: 'src/recall.ts', line: 3, kind: 'wrapper-caller', via: 'src/provider.ts:6' },
    ],
  },
  {
    name: 'a lazy initialization keeping its promise in a field (this.ready = this.probe().catch(...)) runs once: the methods awaiting it are no callers of the probe',
    files: {
      'src/store.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export class VectorStore {
  private ready: Promise<void> | null = null;
  private async probe() { await client.embeddings.create({ model: 'text-embedding-3-small', input: 'dimension probe' }); }
  private ensureReady() {
    if (this.ready) return this.ready;
    this.ready = this.probe().catch(() => undefined);
    return this.ready;
  }
  async search(query: string) {
    await this.ensureReady();
    return client.embeddings.create({ model: 'text-embedding-3-small', input: query });
  }
}
`,
      'src/app.ts': `import { VectorStore } from './store';
const store = new VectorStore();
export const find = (question: string) => store.search(question);
`,
    },
    sites: [
      { file: 'src/store.ts', line: 5, kind: 'sdk', relays: ['src/store.ts:8'] },
      { file: 'src/store.ts', line: 13, kind: 'sdk', relays: ['src/app.ts:3'] },
    ],
  },
  {
    name: "a plugin package depending on a library whose subpath export (memlib/oss) is built from a package nested in its source folder, loading it with await import() into a field declared any: its calls of the library's methods are callers, except in a test that mocks the lazily loaded library",
    files: {
      'memlib/package.json': JSON.stringify({ name: 'memlib', exports: { './oss': { types: './dist/oss/index.d.ts', import: './dist/oss/index.mjs' } } }),
      'memlib/src/oss/package.json': JSON.stringify({ name: 'memlib-oss', main: 'dist/index.js', types: 'dist/index.d.ts' }),
      'memlib/src/oss/src/index.ts': `export * from './memory';\n`,
      'memlib/src/oss/src/memory/index.ts': `import OpenAI from 'openai';
export class Memory {
  private client = new OpenAI();
  async search(query: string, options: { limit?: number }) {
    const embedding = await this.client.embeddings.create({ model: 'text-embedding-3-small', input: query });
    return { results: embedding.data, limit: options.limit };
  }
}
`,
      'plugin/package.json': JSON.stringify({ name: 'memory-plugin', type: 'module', dependencies: { memlib: '1.0.0' } }),
      'plugin/providers.ts': `export class LocalProvider {
  private memory: any;
  private async init(): Promise<void> {
    const mod = await import('memlib/oss');
    const Memory = mod.Memory;
    let mem: any;
    try {
      mem = new Memory();
    } catch {
      mem = new Memory();
    }
    this.memory = mem;
  }
  async recall(query: string) {
    await this.init();
    return this.memory.search(query, { limit: 5 });
  }
}
`,
      'plugin/providers.test.ts': `import { it, vi } from 'vitest';
import { LocalProvider } from './providers';
it('recalls through the mocked library', async () => {
  vi.doMock('memlib/oss', () => ({ Memory: class { search() { return { results: [] }; } } }));
  await new LocalProvider().recall('favourite colour');
});
`,
    },
    sites: [
      { file: 'memlib/src/oss/src/memory/index.ts', line: 5, kind: 'sdk', relays: ['plugin/providers.ts:16'] },
    ],
  },
]);

runScanCases('wrapper callers in tests that spy on the SDK method', [
  {
    name: "a test case replacing the client's method with a mocked spy (jest.spyOn(engine.client.chat.completions, 'create').mockResolvedValue(...)) calls no model; a bare spy, or a spy in another case, lets it run",
    files: {
      'src/engine.ts': `import OpenAI from 'openai';
export class Engine {
  client = new OpenAI();
  async commitMessage(diff: string) {
    return this.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: diff }] });
  }
}
`,
      'test/engine.test.ts': `import { Engine } from '../src/engine';
describe('Engine', () => {
  it('sends the diff', async () => {
    const engine = new Engine();
    const create = jest
      .spyOn(engine.client.chat.completions, 'create')
      .mockResolvedValue({ choices: [] } as never);
    await engine.commitMessage('diff --git a b');
    expect(create).toHaveBeenCalled();
  });
  it('watches a real request', async () => {
    const engine = new Engine();
    jest.spyOn(engine.client.chat.completions, 'create');
    await engine.commitMessage('diff --git c d');
  });
});
describe('with setup', () => {
  let engine: Engine;
  beforeEach(() => {
    engine = new Engine();
    vi.spyOn(engine.client.chat.completions, 'create').mockImplementation(async () => ({ choices: [] }) as never);
  });
  it('is mocked by the setup', async () => {
    await engine.commitMessage('diff --git e f');
  });
});
`,
    },
    sites: [
      { file: 'src/engine.ts', line: 5, kind: 'sdk' },
      { file: 'test/engine.test.ts', line: 14, kind: 'wrapper-caller', via: 'src/engine.ts:5' },
    ],
  },
]);

runScanCases('wrapper callers of requests made in a callback the helper hands to a retry loop', [
  {
    name: "a request in `const apiCall = () => ...` handed to retryWithBackoff belongs to the method around it; a hook's returned handler does not make the hook a helper",
    files: {
      'src/llmClient.ts': `import OpenAI from 'openai';
import { retryWithBackoff } from './retry';
export class LlmClient {
  private client = new OpenAI();
  async generateJson(prompt: string) {
    const apiCall = () => this.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }], response_format: { type: 'json_object' } });
    return retryWithBackoff(apiCall, { attempts: 3 });
  }
}
`,
      'src/retry.ts': `export async function retryWithBackoff<T>(run: () => Promise<T>, options: { attempts: number }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try { return await run(); } catch (error) { if (attempt >= options.attempts) throw error; }
  }
}
`,
      'src/nextSpeaker.ts': `import { LlmClient } from './llmClient';
export async function checkNextSpeaker(client: LlmClient, history: string) {
  return client.generateJson('Who should speak next? Answer as JSON. ' + history);
}
`,
      'src/useChat.ts': `import OpenAI from 'openai';
const openai = new OpenAI({ dangerouslyAllowBrowser: true });
export function useChat() {
  const send = async (text: string) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  return { send };
}
`,
      'src/page.ts': `import { useChat } from './useChat';
export function Page() {
  const { send } = useChat();
  return { onSubmit: (text: string) => send(text) };
}
`,
    },
    sites: [
      { file: 'src/llmClient.ts', line: 6, kind: 'sdk', promptIncludes: ['Who should speak next?'], relays: ['src/nextSpeaker.ts:3'] },
      { file: 'src/useChat.ts', line: 4, kind: 'sdk' },
    ],
  },
]);

runScanCases('hops that add only their own settings, steps only their module can call, and callees made where they are called', [
  {
    name: "an embedder handing its texts and its model (or, without one, its own) on to the same-named method of another embedder is a hop, not a site",
    files: {
      'src/compatible.ts': `import OpenAI from 'openai';
export class CompatibleEmbedder {
  private client = new OpenAI();
  async createEmbeddings(texts: string[], model?: string) {
    return this.client.embeddings.create({ model: model ?? 'text-embedding-3-small', input: texts });
  }
}
`,
      'src/gemini.ts': `import { CompatibleEmbedder } from './compatible';
export class GeminiEmbedder {
  private inner = new CompatibleEmbedder();
  constructor(private modelId: string) {}
  async createEmbeddings(texts: string[], model?: string) {
    try {
      const modelToUse = model || this.modelId;
      return await this.inner.createEmbeddings(texts, modelToUse);
    } catch (error) {
      throw new Error(String(error));
    }
  }
}
`,
    },
    sites: [{ file: 'src/compatible.ts', line: 5, kind: 'sdk' }],
  },
  {
    name: "a method picking one of two image helpers and adding only where and as whom to send (baseURL, authToken) is a hop for both; its caller is the feature",
    files: {
      'src/images.ts': `export async function imageViaChat(options: { baseURL: string; authToken: string; model: string; prompt: string }) {
  return fetch(\`\${options.baseURL}/chat/completions\`, { method: 'POST', headers: { Authorization: \`Bearer \${options.authToken}\` }, body: JSON.stringify({ model: options.model, messages: [{ role: 'user', content: options.prompt }], modalities: ['image', 'text'] }) });
}
export async function imageViaImagesApi(options: { baseURL: string; authToken: string; model: string; prompt: string }) {
  return fetch(\`\${options.baseURL}/images/generations\`, { method: 'POST', headers: { Authorization: \`Bearer \${options.authToken}\` }, body: JSON.stringify({ model: options.model, prompt: options.prompt }) });
}
`,
      'src/handler.ts': `import { imageViaChat, imageViaImagesApi } from './images';
export class ImageHandler {
  constructor(private token: string) {}
  async generateImage(prompt: string, model: string, useImagesApi?: boolean) {
    const baseURL = 'https://openrouter.ai/api/v1';
    if (useImagesApi) return imageViaImagesApi({ baseURL, authToken: this.token, model, prompt });
    return imageViaChat({ baseURL, authToken: this.token, model, prompt });
  }
}
`,
      'src/tool.ts': `import { ImageHandler } from './handler';
export async function drawTool(description: string) {
  return new ImageHandler('key').generateImage(\`Draw a poster: \${description}\`, 'gpt-4o-mini');
}
`,
    },
    sites: [
      { file: 'src/images.ts', line: 2, inTotals: false },
      { file: 'src/images.ts', line: 5, inTotals: false },
      { file: 'src/tool.ts', line: 3, kind: 'wrapper-caller', promptIncludes: ['Draw a poster'], inTotals: true },
    ],
    check: (result) => {
      const feature = result.callSites.find((site) => site.file === 'src/tool.ts')!;
      const named = [feature.via!, ...(feature.via?.alternatives ?? []), ...(feature.via?.through ?? [])].map((helper) => `${helper.file}:${helper.line}`);
      assert.ok(named.includes('src/images.ts:2') && named.includes('src/images.ts:5'), `the feature names both requests it may reach: ${named.join(', ')}`);
      assert.ok(!result.callSites.some((site) => site.file === 'src/handler.ts'), 'neither call in the handler is a site');
    },
  },
  {
    name: "a router calling a provider it makes from each route's model is a feature of its own; a helper calling a provider made from the settings its caller hands it is a hop",
    files: {
      'src/provider.ts': `import OpenAI from 'openai';
export class Provider {
  private client = new OpenAI();
  constructor(private model: string) {}
  async complete(prompt: string) {
    return this.client.chat.completions.create({ model: this.model, messages: [{ role: 'user', content: prompt }] });
  }
}
`,
      'src/router.ts': `import { Provider } from './provider';
const ROUTES = ['gpt-4.1-mini', 'gpt-4o'];
export async function routeCompletion(prompt: string) {
  for (const model of ROUTES) {
    const provider = new Provider(model);
    try {
      return await provider.complete(prompt);
    } catch {
      continue;
    }
  }
  throw new Error('every route failed');
}
`,
      'src/single.ts': `import { Provider } from './provider';
export async function singleCompletion(settings: { model: string }, prompt: string) {
  const provider = new Provider(settings.model);
  return provider.complete(prompt);
}
`,
      'src/features.ts': `import { routeCompletion } from './router';
import { singleCompletion } from './single';
export async function summarize(text: string) {
  return routeCompletion(\`Summarize in two lines:\n\${text}\`);
}
export async function improvePrompt(text: string) {
  return singleCompletion({ model: 'gpt-4.1-mini' }, \`Improve this prompt:\n\${text}\`);
}
`,
    },
    sites: [
      { file: 'src/features.ts', line: 4, kind: 'wrapper-caller', via: 'src/router.ts:7', promptIncludes: ['Summarize in two lines'] },
      { file: 'src/features.ts', line: 8, kind: 'wrapper-caller', via: 'src/single.ts:4', promptIncludes: ['Improve this prompt'] },
      { file: 'src/provider.ts', line: 6, kind: 'sdk', inTotals: false, relays: ['src/router.ts:7'] },
    ],
  },
  {
    name: "a method handing its parameters on to another method of its own class is that method's request under another name, not a site",
    files: {
      'src/llm.ts': `import Anthropic from '@anthropic-ai/sdk';
export class AnthropicLLM {
  private client = new Anthropic();
  async generateResponse(messages: { role: 'user' | 'assistant'; content: string }[]) {
    const response = await this.client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages });
    return response.content;
  }
  async generateChat(messages: { role: 'user' | 'assistant'; content: string }[]) {
    const response = await this.generateResponse(messages);
    return { role: 'assistant', content: response };
  }
}
`,
    },
    sites: [{ file: 'src/llm.ts', line: 5, kind: 'sdk', model: 'claude-sonnet-4-5' }],
  },
  {
    name: "the same written with arrows held by class fields (`createText = async (payload) => this.fetch(payload)`): no site either",
    files: {
      'src/stt.ts': `export class Transcriber {
  fetch = async (form: FormData) => fetch('https://api.openai.com/v1/audio/transcriptions', { method: 'POST', body: form });
  create = async (form: FormData) => this.fetch(form);
  createText = async (form: FormData) => {
    const response = await this.fetch(form);
    return (await response.json()).text;
  };
}
`,
    },
    sites: [{ file: 'src/stt.ts', line: 2, kind: 'sdk' }],
  },
  {
    name: "a request in a function only its module calls takes its model from the features above the exported helper that calls it",
    files: {
      'src/openai.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
const createChatCompletion = async (model: string, prompt: string) => openai.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
export const generateCommitMessage = async (model: string, diff: string) =>
  createChatCompletion(model, \`Write a one-line commit message for this diff:\n\${diff}\`);
`,
      'src/cli.ts': `import { generateCommitMessage } from './openai';
const config = { model: 'gpt-4o-mini' };
export async function commit(diff: string) {
  return generateCommitMessage(config.model, diff);
}
`,
    },
    sites: [
      { file: 'src/openai.ts', line: 3, kind: 'sdk', model: 'gpt-4o-mini', promptIncludes: ['one-line commit message'], inTotals: true, relays: ['src/cli.ts:4'] },
    ],
  },
  {
    name: "a React hook's client kept with useMemo is the class it makes; calling the hook only makes the useCallback that connects, so the hook's callers are no sites",
    files: {
      'src/lib/liveClient.ts': `import { GoogleGenAI } from '@google/genai';
export class LiveClient {
  private client: GoogleGenAI;
  constructor(options: { apiKey: string }) {
    this.client = new GoogleGenAI(options);
  }
  async connect(model: string, config: object) {
    return this.client.live.connect({ model, config, callbacks: {} });
  }
}
`,
      'src/hooks/useLive.ts': `import { useCallback, useMemo } from 'react';
import { LiveClient } from '../lib/liveClient';
export function useLive(options: { apiKey: string }) {
  const client = useMemo(() => new LiveClient(options), [options]);
  const connect = useCallback(async () => {
    await client.connect('models/gemini-2.0-flash-exp', { responseModalities: ['AUDIO'] });
  }, [client]);
  return { connect };
}
`,
      'src/App.tsx': `import { useLive } from './hooks/useLive';
export function App() {
  const { connect } = useLive({ apiKey: 'key' });
  return connect;
}
`,
    },
    sites: [
      { file: 'src/lib/liveClient.ts', line: 8, kind: 'sdk', model: 'models/gemini-2.0-flash-exp', relays: ['src/hooks/useLive.ts:6'] },
    ],
  },
  {
    name: "a function handing on its parameters converted (`const parsed = parseOptions(options)`) is a hop once its callers are found; a Bun test mocking the SDK's module (`mock.module`) calls the helper without a request",
    files: {
      'src/runSdk.ts': `import { query } from '@anthropic-ai/claude-agent-sdk';
export async function runWithSdk(prompt: string, options: { maxTurns: number }) {
  for await (const message of query({ prompt, options })) console.log(message);
}
`,
      'src/run.ts': `import { runWithSdk } from './runSdk';
function parseOptions(options: { turns?: string }) {
  return { maxTurns: Number(options.turns ?? '10') };
}
export async function run(prompt: string, options: { turns?: string }) {
  const parsed = parseOptions(options);
  return runWithSdk(prompt, parsed);
}
`,
      'src/action.ts': `import { run } from './run';
export async function reviewPullRequest(diff: string) {
  return run(\`Review this pull request and list the bugs:\n\${diff}\`, { turns: '20' });
}
`,
      'test/runSdk.test.ts': `import { mock, test } from 'bun:test';
import { runWithSdk } from '../src/runSdk';
test('writes the messages', async () => {
  mock.module('@anthropic-ai/claude-agent-sdk', () => ({ query: async function* () { yield { type: 'result' }; } }));
  await runWithSdk('hello', { maxTurns: 1 });
});
`,
    },
    sites: [
      { file: 'src/runSdk.ts', line: 3, kind: 'sdk', promptIncludes: ['Review this pull request'], relays: ['src/action.ts:3'] },
    ],
  },
  {
    name: "a model class's methods handing the caller's prompt on with the object's own settings (`this.id`, `this.api_key`, `this.max_tokens - this.count_tokens(prompt)`, the caller's text as a user turn after the object's preamble), one through a retry helper's callback inside a promise's executor: hops, the features that call `chat`, `complete` and `reply` are the sites",
    files: {
      'src/openai.ts': `export async function queryChat(messages: object[], apiKey: string, model: string, maxTokens?: number, temperature?: number) {
  const response = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', headers: { Authorization: 'Bearer ' + apiKey }, body: JSON.stringify({ model, messages, max_tokens: maxTokens, temperature }) });
  return (await response.json()).choices[0].message.content;
}
export async function queryCompletion(prompt: string, apiKey: string, model: string, maxTokens: number, temperature?: number) {
  const response = await fetch('https://api.openai.com/v1/completions', { method: 'POST', headers: { Authorization: 'Bearer ' + apiKey }, body: JSON.stringify({ model, prompt, max_tokens: maxTokens, temperature }) });
  return (await response.json()).choices[0].text;
}
`,
      'src/model.ts': `import { queryChat, queryCompletion } from './openai';
const retry = <T>(timeout: number, run: () => Promise<T>) => run();
export class ChatModel {
  id = 'gpt-4o-mini';
  api_key = '';
  temperature = 0.5;
  max_tokens = 2048;
  timeout = 60;
  count_tokens(text: string) { return text.length / 4; }
  chat(prompt: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const messages = this.parse(prompt);
      retry(this.timeout, () => this.send(messages)).then(resolve).catch(reject);
    });
  }
  complete(prompt: string) {
    return queryCompletion(prompt, this.api_key, this.id, this.max_tokens - this.count_tokens(prompt), this.temperature);
  }
  parse(prompt: string) { return [{ role: 'user', content: prompt }]; }
  send(messages: object[]) {
    return queryChat(messages, this.api_key, this.id, undefined, this.temperature);
  }
  preamble = [{ role: 'system', content: 'You are Jarvis, a note assistant.' }];
  reply(prompt: string) {
    return queryChat([...this.preamble, { role: 'user', content: prompt }], this.api_key, this.id);
  }
}
`,
      'src/commands.ts': `import { ChatModel } from './model';
const model = new ChatModel();
export async function summarize(note: string) {
  return model.complete('Summarize this note in three sentences: ' + note);
}
export async function ask(question: string) {
  return model.chat('Answer from my notes: ' + question);
}
export async function greet(name: string) {
  return model.reply('Say hello to ' + name);
}
`,
    },
    sites: [
      { file: 'src/commands.ts', line: 7, kind: 'wrapper-caller' },
      { file: 'src/commands.ts', line: 10, kind: 'wrapper-caller', promptIncludes: ['Say hello to'] },
      { file: 'src/openai.ts', line: 2, kind: 'sdk' },
      { file: 'src/openai.ts', line: 6, kind: 'sdk', promptIncludes: ['Summarize this note'], relays: ['src/commands.ts:4'] },
    ],
  },
  {
    name: "a method joining its parameter's fields with separators before handing them on is a hop (the indexer calling it, handing on its note, is listed on the request through it); one writing words of its own into the text is a feature",
    files: {
      'src/embed.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function embed(text: string) {
  return (await openai.embeddings.create({ model: 'text-embedding-3-small', input: text })).data[0].embedding;
}
export async function embedNote(note: { title?: string; content?: string }) {
  const text = [note.title || '', note.content || ''].filter(Boolean).join(' ');
  return embed(text);
}
export async function embedLabeled(note: { title?: string }) {
  const text = \`Note titled: \${note.title}\`;
  return embed(text);
}
`,
      'src/indexer.ts': `import { embedLabeled, embedNote } from './embed';
export async function indexNote(note: { title: string; content: string }) {
  return embedNote(note);
}
export async function indexTitle(note: { title: string }) {
  return embedLabeled(note);
}
`,
    },
    sites: [
      { file: 'src/embed.ts', line: 4, kind: 'sdk', relays: ['src/indexer.ts:3'] },
      { file: 'src/embed.ts', line: 12, kind: 'wrapper-caller', via: 'src/embed.ts:4', relays: ['src/indexer.ts:6'] },
    ],
  },
  {
    name: "a template method: the base adapter's `send` calls the abstract `doSend` a subclass implements with the request; a service reaches `send` through a registry declared with an interface whose method returns the adapter interface",
    files: {
      'src/types.ts': `export interface TextAdapter { send(messages: object[]): Promise<string>; }
export interface AdapterRegistry { getAdapter(id: string): TextAdapter; }
`,
      'src/adapters/base.ts': `import type { TextAdapter } from '../types';
export abstract class BaseAdapter implements TextAdapter {
  async send(messages: object[]) {
    return this.doSend(messages);
  }
  protected abstract doSend(messages: object[]): Promise<string>;
}
`,
      'src/adapters/openai.ts': `import OpenAI from 'openai';
import { BaseAdapter } from './base';
export class OpenAIAdapter extends BaseAdapter {
  private client = new OpenAI();
  protected async doSend(messages: any[]) {
    return (await this.client.chat.completions.create({ model: 'gpt-4o-mini', messages })).choices[0].message.content ?? '';
  }
}
`,
      'src/service.ts': `import type { AdapterRegistry } from './types';
export class AnswerService {
  constructor(private registry: AdapterRegistry) {}
  async answer(question: string) {
    const adapter = this.registry.getAdapter('openai');
    return adapter.send([{ role: 'user', content: 'Answer in one sentence: ' + question }]);
  }
}
`,
    },
    sites: [
      { file: 'src/adapters/openai.ts', line: 6, kind: 'sdk', model: 'gpt-4o-mini', promptIncludes: ['Answer in one sentence'], relays: ['src/service.ts:6'] }
    ],
  },
  {
    name: "a service manager picking its provider's service by key (`this.services[provider]`, a field declared `Record<Provider, AIService>`, and one made as an object literal of services): the implementations behind the key are reached",
    files: {
      'src/types.ts': `export interface AIService { complete(prompt: string): Promise<string>; }
`,
      'src/openai.ts': `import OpenAI from 'openai';
import type { AIService } from './types';
export class OpenAIService implements AIService {
  private client = new OpenAI();
  async complete(prompt: string) {
    return (await this.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] })).choices[0].message.content ?? '';
  }
}
`,
      'src/manager.ts': `import type { AIService } from './types';
import { OpenAIService } from './openai';
type Provider = 'openai';
export class Manager {
  private services: Record<Provider, AIService> = { openai: new OpenAIService() };
  private untyped = { openai: new OpenAIService() };
  async summarize(provider: Provider, text: string) {
    return this.services[provider].complete('Summarize in two sentences: ' + text);
  }
  async title(provider: Provider, text: string) {
    return this.untyped[provider].complete('Write a five-word title for: ' + text);
  }
}
`,
    },
    sites: [
      { file: 'src/manager.ts', line: 8, kind: 'wrapper-caller', via: 'src/openai.ts:6', promptIncludes: ['Summarize in two sentences'] },
      { file: 'src/manager.ts', line: 11, kind: 'wrapper-caller', via: 'src/openai.ts:6', promptIncludes: ['five-word title'] },
      { file: 'src/openai.ts', line: 6, kind: 'sdk', model: 'gpt-4o-mini' },
    ],
  },
  {
    name: "a router splitting the caller's `provider:model` and handing the caller's options on with the model part put back (`{ ...options, model: modelName }`) is a hop: its caller is the feature",
    files: {
      'src/llm.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function complete(options: { model: string; prompt: string }) {
  return client.chat.completions.create({ model: options.model, messages: [{ role: 'user', content: options.prompt }] });
}
export async function route(options: { model: string; prompt: string }) {
  const [, modelName] = options.model.split(':');
  const modified = { ...options, model: modelName };
  return complete(modified);
}
`,
      'src/ask.ts': `import { route } from './llm';
export const ask = (question: string) => route({ model: 'openai:gpt-4o-mini', prompt: 'Answer briefly: ' + question });
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', relays: ['src/ask.ts:2'] },
    ],
  },
  {
    name: "a library at the scan root, built from src/ into files the checkout lacks: its example importing it by its package name (`@acme/rag`) reaches its request",
    files: {
      'package.json': JSON.stringify({ name: '@acme/rag', main: './index.mjs', exports: { '.': { import: './index.mjs' } } }),
      'src/index.ts': `export { RagChat } from './ragChat';
`,
      'src/ragChat.ts': `import OpenAI from 'openai';
export class RagChat {
  private client = new OpenAI();
  async chat(question: string) {
    return this.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  }
}
`,
      'examples/node/package.json': JSON.stringify({ name: 'node-example', private: true, dependencies: { '@acme/rag': 'latest' } }),
      'examples/node/src/server.ts': `import { RagChat } from '@acme/rag';
export async function answer() {
  return new RagChat().chat('What year was the Eiffel Tower completed?');
}
`,
    },
    sites: [
      { file: 'examples/node/src/server.ts', line: 3, kind: 'wrapper-caller', via: 'src/ragChat.ts:5', promptIncludes: ['Eiffel Tower'], production: false },
      { file: 'src/ragChat.ts', line: 5, kind: 'sdk', model: 'gpt-4o-mini' },
    ],
  },
]);

/** An app's embedding providers: an interface of several members, and a base class that meets it without naming it. */
const STRUCTURAL_PROVIDERS: Record<string, string> = {
  'src/embeddingProvider.ts': `export interface EmbeddingProvider {
  name: string;
  embed(text: string): Promise<number[]>;
}
`,
  'src/baseProvider.ts': `export abstract class BaseProvider {
  readonly name: string = 'base';
  abstract embed(text: string): Promise<number[]>;
}
`,
  'src/openaiProvider.ts': `import OpenAI from 'openai';
import { BaseProvider } from './baseProvider';
const client = new OpenAI();
export class OpenAIProvider extends BaseProvider {
  async embed(text: string) {
    const response = await client.embeddings.create({ model: 'text-embedding-3-small', input: text });
    return response.data[0].embedding;
  }
}
`,
  'src/registry.ts': `import type { EmbeddingProvider } from './embeddingProvider';
import { OpenAIProvider } from './openaiProvider';
const providers: EmbeddingProvider[] = [new OpenAIProvider()];
export async function enabledProviders(): Promise<EmbeddingProvider[]> {
  return providers;
}
export default { enabledProviders };
`,
};

runScanCases('wrapper callers through values a registry hands out (arrays of an interface, a class meeting it by structure, a default-exported const)', [
  {
    name: "a provider taken from a registry's array (`providers[0]`, `providers.find(...)`, `for (const provider of ...)`) declared with an interface that the helper's base class meets without `implements`: each call reaches the helper",
    files: {
      ...STRUCTURAL_PROVIDERS,
      'src/search.ts': `import registry from './registry';
export async function searchNotes(query: string) {
  const providers = await registry.enabledProviders();
  const provider = providers.find((candidate) => candidate.name === 'openai') ?? providers[0];
  return provider.embed(query);
}
`,
      'src/indexer.ts': `import registry from './registry';
export async function indexNote(title: string, body: string) {
  for (const provider of await registry.enabledProviders()) {
    await provider.embed(title + '\\n' + body);
  }
}
`,
    },
    sites: [
      { file: 'src/openaiProvider.ts', line: 6, kind: 'sdk', model: 'text-embedding-3-small', relays: ['src/indexer.ts:4', 'src/search.ts:5'] },
    ],
  },
  {
    name: 'an interface listing a member the helper\'s classes lack (`dimensions()`) is not met by them: a call through it reaches nothing',
    files: {
      ...STRUCTURAL_PROVIDERS,
      'src/embeddingProvider.ts': `export interface EmbeddingProvider {
  name: string;
  dimensions(): number;
  embed(text: string): Promise<number[]>;
}
`,
      'src/search.ts': `import registry from './registry';
export async function searchNotes(query: string) {
  const [provider] = await registry.enabledProviders();
  const providers = await registry.enabledProviders();
  return providers[0].embed(query);
}
`,
    },
    sites: [{ file: 'src/openaiProvider.ts', line: 6, kind: 'sdk', model: 'text-embedding-3-small' }],
  },
  {
    name: "a field declared `InstanceType<typeof UITarsModel>` and read by destructuring `this` (`const { model } = this`): its class's method is reached; the agent's method, handing on only its parameters, is a hop to its caller",
    files: {
      'src/model.ts': `import OpenAI from 'openai';
export class UITarsModel {
  private client = new OpenAI();
  async invoke(params: { screenshot: string; instruction: string }) {
    return this.client.chat.completions.create({ model: 'ui-tars-1.5-7b', messages: [{ role: 'user', content: [{ type: 'text', text: params.instruction }, { type: 'image_url', image_url: { url: params.screenshot } }] }] });
  }
}
`,
      'src/agent.ts': `import { UITarsModel } from './model';
export class GUIAgent {
  private readonly model: InstanceType<typeof UITarsModel>;
  constructor(config: { model: UITarsModel | object }) {
    this.model = config.model instanceof UITarsModel ? config.model : new UITarsModel();
  }
  async run(instruction: string, screenshot: string) {
    const { model } = this;
    return model.invoke({ instruction, screenshot });
  }
}
`,
      'src/main.ts': `import { GUIAgent } from './agent';
export const start = (screenshot: string) => new GUIAgent({ model: {} }).run('Open the settings and turn on dark mode', screenshot);
`,
    },
    sites: [
      { file: 'src/model.ts', line: 5, kind: 'sdk', model: 'ui-tars-1.5-7b', promptIncludes: ['dark mode'], relays: ['src/main.ts:2'] },
    ],
  },
  {
    name: 'a helper held in a const and exported as `export default generateCompletion`, passed on by a barrel (`import x from ...; export { x }`): the handler importing it from the barrel is its caller, and the helper, handing on only what it was given, is a hop',
    files: {
      'services/openai.js': `import OpenAI from 'openai';
const client = new OpenAI();
export const createChatCompletion = ({ messages }) => client.chat.completions.create({ model: 'gpt-4o-mini', messages });
`,
      'utils/generate-completion.js': `import { createChatCompletion } from '../services/openai.js';
const generateCompletion = async ({ prompt }) => {
  const { choices } = await createChatCompletion({ messages: prompt.messages });
  return choices[0].message.content;
};
export default generateCompletion;
`,
      'utils/index.js': `import generateCompletion from './generate-completion.js';
export { generateCompletion };
`,
      'handlers/talk.js': `import { generateCompletion } from '../utils/index.js';
export const talk = (context) => generateCompletion({ prompt: { messages: [{ role: 'user', content: 'Tell me a joke about ' + context.text }] } });
`,
    },
    sites: [
      { file: 'services/openai.js', line: 3, kind: 'sdk', model: 'gpt-4o-mini', promptIncludes: ['Tell me a joke'], relays: ['handlers/talk.js:2'] },
    ],
  },
  {
    name: "a provider adapter written as an object literal handed to the app's register function, whose parameter is declared with the adapter interface; the router takes it out of the registry by name (interview-room-ai's shape)",
    files: {
      'src/providers/index.ts': `export interface ProviderAdapter {
  name: string;
  complete(params: { model: string; prompt: string }): Promise<string>;
}
const registry = new Map<string, ProviderAdapter>();
export function registerProvider(adapter: ProviderAdapter): void {
  registry.set(adapter.name, adapter);
}
export function getProvider(name: string): ProviderAdapter | undefined {
  return registry.get(name);
}
`,
      'src/providers/openai.ts': `import OpenAI from 'openai';
import { registerProvider } from './index';
registerProvider({
  name: 'openai',
  async complete(params) {
    const response = await new OpenAI().chat.completions.create({ model: params.model, messages: [{ role: 'user', content: params.prompt }] });
    return response.choices[0].message.content ?? '';
  },
});
`,
      'src/router.ts': `import { getProvider } from './providers/index';
export async function completion(prompt: string, model = 'gpt-4o-mini') {
  const provider = getProvider('openai');
  if (!provider) throw new Error('no provider');
  return provider.complete({ model, prompt });
}
`,
      'src/features/feedback.ts': `import { completion } from '../router';
export const feedback = (answer: string) => completion('Give feedback on this interview answer: ' + answer);
`,
    },
    sites: [
      { file: 'src/features/feedback.ts', line: 2, kind: 'wrapper-caller', via: 'src/router.ts:5', model: 'gpt-4o-mini', promptIncludes: ['Give feedback on this interview answer'] },
      { file: 'src/providers/openai.ts', line: 6, kind: 'sdk', relays: ['src/router.ts:5'] },
    ],
  },
  {
    name: "a helper loaded with a dynamic import through the tsconfig's path alias (cla1redonald's examples route): its caller is a site",
    files: {
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }\n',
      'src/lib/embed.ts': `export async function generateEmbedding(text: string): Promise<number[]> {
  const response = await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input: text }) });
  return (await response.json()).data[0].embedding;
}
`,
      'src/app/route.ts': `export async function POST(request: Request) {
  const { question } = await request.json();
  const { generateEmbedding } = await import('@/lib/embed');
  return Response.json({ vector: await generateEmbedding('Q: ' + question) });
}
`,
    },
    sites: [
      { file: 'src/lib/embed.ts', line: 2, kind: 'sdk', relays: ['src/app/route.ts:4'] },
    ],
  },
  {
    name: "services loaded together with `await Promise.all([import(...), import(...)])` and destructured by position (deepfin's chat route), directly and through the function returning them: their calls are callers",
    files: {
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }\n',
      'src/lib/llm.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export class Service {
  async chat(model: string, prompt: string) {
    return client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
  }
}
export const service = new Service();
`,
      'src/lib/cache.ts': `export const cache = new Map<string, string>();
`,
      'src/app/route.ts': `async function getServices() {
  const [{ cache }, { service }] = await Promise.all([import('@/lib/cache'), import('@/lib/llm')]);
  return { cache, service };
}
export async function POST(request: Request) {
  const { question } = await request.json();
  const { service } = await getServices();
  return Response.json(await service.chat('gpt-4o-mini', 'Answer about stocks: ' + question));
}
export async function PUT(request: Request) {
  const [{ service }] = await Promise.all([import('@/lib/llm')]);
  return Response.json(await service.chat('gpt-4o', 'Summarize: ' + (await request.text())));
}
`,
    },
    sites: [
      { file: 'src/app/route.ts', line: 8, kind: 'wrapper-caller', via: 'src/lib/llm.ts:5' },
      { file: 'src/app/route.ts', line: 12, kind: 'wrapper-caller', via: 'src/lib/llm.ts:5' },
      { file: 'src/lib/llm.ts', line: 5, kind: 'sdk' },
    ],
  },
  {
    name: "a transport sending the request options it is handed whole (Interview-Coach's shape): each caller's options state the model and the prompt, for OpenAI's and Gemini's clients alike",
    files: {
      'src/transports.ts': `import OpenAI from 'openai';
import { GoogleGenAI, type GenerateContentParameters } from '@google/genai';
export function createOpenAiTransport() {
  const client = new OpenAI();
  return { create: (body: OpenAI.ChatCompletionCreateParamsNonStreaming) => client.chat.completions.create(body) };
}
export function createGeminiTransport(apiKey: string) {
  const client = new GoogleGenAI({ apiKey });
  return { generateContent: (request: GenerateContentParameters) => client.models.generateContent(request) };
}
`,
      'src/features.ts': `import { createGeminiTransport, createOpenAiTransport } from './transports';
const SUMMARY_MODEL = 'gpt-4o-mini';
const TRANSCRIPTION_MODEL = 'gemini-2.5-flash';
export async function summarize(text: string) {
  return createOpenAiTransport().create({ model: SUMMARY_MODEL, messages: [{ role: 'user', content: 'Summarize this interview answer: ' + text }] });
}
export async function transcribe(apiKey: string, audio: string) {
  return createGeminiTransport(apiKey).generateContent({ model: TRANSCRIPTION_MODEL, contents: [{ role: 'user', parts: [{ text: 'Transcribe the spoken answer faithfully' }, { inlineData: { data: audio, mimeType: 'audio/webm' } }] }] });
}
`,
    },
    sites: [
      { file: 'src/transports.ts', line: 5, kind: 'sdk', model: 'gpt-4o-mini', promptIncludes: ['Summarize this interview answer'], relays: ['src/features.ts:5'] },
      { file: 'src/transports.ts', line: 9, kind: 'sdk', model: 'gemini-2.5-flash', promptIncludes: ['Transcribe the spoken answer faithfully'], relays: ['src/features.ts:8'] },
    ],
  },
  {
    name: "a hop that hands on its callers' messages with a token limit of its own (linkedin-post-generator's callOpenRouterForCTA) is listed on the request; the route awaiting a prompt builder states a prompt of its own",
    files: {
      'lib/openrouter.ts': `const MAX_TOKENS = { cta: 500 };
export async function callOpenRouter({ messages, maxTokens = 1000 }: { messages: Array<{ role: string; content: string }>; maxTokens?: number }) {
  const response = await fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'google/gemini-3-flash-preview', messages, max_tokens: maxTokens }) });
  return (await response.json()).choices[0].message.content;
}
export async function callOpenRouterForCTA(messages: Array<{ role: string; content: string }>) {
  return callOpenRouter({ messages, maxTokens: MAX_TOKENS.cta });
}
`,
      'lib/prompts.ts': `export async function buildCTAPrompt(post: string) {
  return 'Write three calls to action for this LinkedIn post: ' + post;
}
`,
      'app/api/cta/route.ts': `import { callOpenRouterForCTA } from '../../../lib/openrouter';
import { buildCTAPrompt } from '../../../lib/prompts';
export async function POST(request: Request) {
  const { postContent } = await request.json();
  const prompt = await buildCTAPrompt(postContent);
  return Response.json({ ctas: await callOpenRouterForCTA([{ role: 'user', content: prompt }]) });
}
`,
    },
    sites: [
      { file: 'app/api/cta/route.ts', line: 6, kind: 'wrapper-caller', via: 'lib/openrouter.ts:7' },
      { file: 'lib/openrouter.ts', line: 3, kind: 'sdk', relays: ['lib/openrouter.ts:7'] },
    ],
  },
  {
    name: "a route handing its body's fields to a service method is listed on the method's request, though its file's name (chat/route.ts) hints at another task (tweethunter's refine route)",
    files: {
      'src/lib/generator.ts': `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
export class ContentGenerator {
  async refineContent(currentContent: string, userMessage: string) {
    const { text } = await generateText({ model: openai('gpt-4o'), system: 'Keep the same format. Apply: ' + userMessage, prompt: 'Current content: ' + currentContent });
    return text;
  }
}
export const contentGenerator = new ContentGenerator();
`,
      'src/app/api/ai/chat/route.ts': `import { contentGenerator } from '../../../../lib/generator';
export async function POST(request: Request) {
  const { currentContent, userMessage } = await request.json();
  const result = await contentGenerator.refineContent(currentContent, userMessage);
  return Response.json({ data: result });
}
`,
    },
    sites: [
      { file: 'src/lib/generator.ts', line: 5, kind: 'sdk', relays: ['src/app/api/ai/chat/route.ts:4'] },
    ],
  },
]);

runScanCases('function components rendered with the props their request reads', [
  {
    name: "a component keeping the app's client in React state (`const [client] = useState(() => new AnthropicClient(config))`) calls that client's method: a caller of its request",
    files: {
      'package.json': '{ "name": "ink-chat", "private": true, "dependencies": { "@anthropic-ai/sdk": "^0.60.0", "react": "^18.0.0" } }',
      'src/client.ts': `import Anthropic from '@anthropic-ai/sdk';
export class AnthropicClient {
  private client = new Anthropic();
  async sendMessage(messages: Array<{ role: 'user' | 'assistant'; content: string }>) {
    return this.client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages });
  }
}
`,
      'src/ChatApp.tsx': `import { useState } from 'react';
import { AnthropicClient } from './client';
export function ChatApp() {
  const [client] = useState(() => new AnthropicClient());
  const send = async (text: string) => {
    await client.sendMessage([{ role: 'user', content: \`Reply in one short paragraph: \${text}\` }]);
  };
  return send;
}
`,
      'src/ask.ts': `import { AnthropicClient } from './client';
export async function ask(prompt: string) {
  return new AnthropicClient().sendMessage([{ role: 'user', content: \`Answer the question: \${prompt}\` }]);
}
`,
    },
    sites: [
      { file: 'src/ChatApp.tsx', line: 6, kind: 'wrapper-caller', via: 'src/client.ts:5', promptIncludes: ['Reply in one short paragraph'] },
      { file: 'src/ask.ts', line: 3, kind: 'wrapper-caller', via: 'src/client.ts:5' },
      { file: 'src/client.ts', line: 5, kind: 'sdk' },
    ],
  },
  {
    name: "each element rendering a component with its own prompt (raycast_ollama's `<AnswerView prompt={p} />` commands) is a caller of the component's request",
    files: {
      'src/llm.ts': HELPER,
      'src/AnswerView.tsx': `import { useEffect, useState } from 'react';
import { complete } from './llm';
export function AnswerView(props: { prompt: string }) {
  const [answer, setAnswer] = useState('');
  useEffect(() => {
    complete('You rewrite text.', props.prompt).then(setAnswer);
  }, []);
  return <div>{answer}</div>;
}
`,
      'src/casual.tsx': `import { AnswerView } from './AnswerView';
export default function Command() {
  const p = 'Rewrite this text in a casual and friendly tone of voice.';
  return <AnswerView prompt={p} />;
}
`,
      'src/shorter.tsx': `import { AnswerView } from './AnswerView';
export default function Command() {
  return (
    <AnswerView prompt="Make this text shorter, keeping its meaning." />
  );
}
`,
    },
    sites: [
      { file: 'src/AnswerView.tsx', line: 6, kind: 'wrapper-caller', via: 'src/llm.ts:4' },
      { file: 'src/casual.tsx', line: 4, kind: 'wrapper-caller', via: 'src/AnswerView.tsx:6', model: 'gpt-4o-mini', promptIncludes: ['casual and friendly'] },
      { file: 'src/llm.ts', line: 4, kind: 'sdk' },
      { file: 'src/shorter.tsx', line: 4, kind: 'wrapper-caller', via: 'src/AnswerView.tsx:6', model: 'gpt-4o-mini', promptIncludes: ['Make this text shorter'] },
    ],
  },
  {
    name: 'destructured props are bound to the attributes too',
    files: {
      'src/llm.ts': HELPER,
      'src/Summary.tsx': `import { useEffect, useState } from 'react';
import { complete } from './llm';
export const Summary = ({ text }: { text: string }) => {
  const [summary, setSummary] = useState('');
  useEffect(() => {
    complete('Summarize the note in two sentences.', text).then(setSummary);
  }, [text]);
  return <p>{summary}</p>;
};
`,
      'src/Page.tsx': `import { Summary } from './Summary';
export function Page() {
  return <main><Summary text="Quarterly revenue grew by a tenth." /></main>;
}
`,
    },
    sites: [
      { file: 'src/Page.tsx', line: 3, kind: 'wrapper-caller', via: 'src/Summary.tsx:6', promptIncludes: ['Quarterly revenue grew'] },
      { file: 'src/Summary.tsx', line: 6, kind: 'wrapper-caller', via: 'src/llm.ts:4' },
      { file: 'src/llm.ts', line: 4, kind: 'sdk' },
    ],
  },
  {
    name: 'a component whose request reads none of its props is its own feature, however often it is rendered',
    files: {
      'src/llm.ts': HELPER,
      'src/Greeting.tsx': `import { useEffect, useState } from 'react';
import { complete } from './llm';
export function Greeting(props: { name: string }) {
  const [text, setText] = useState('');
  useEffect(() => {
    complete('You greet people.', 'Write a one-line greeting for a new user.').then(setText);
  }, []);
  return <h1>{props.name}: {text}</h1>;
}
`,
      'src/App.tsx': `import { Greeting } from './Greeting';
export function App() {
  return <><Greeting name="Ada" /><Greeting name="Alan" /></>;
}
`,
    },
    sites: [
      { file: 'src/llm.ts', line: 4, kind: 'sdk', relays: ['src/Greeting.tsx:6'] },
    ],
  },
]);

runScanCases('callers importing the helper through a scoped-looking tsconfig alias, handing their prompt as an arrow', [
  {
    name: "a helper imported as `@llm/llm.provider` (`\"@llm/*\": [\"src/modules/llm/*\"]`, nest-langgraph-ai) by a file with no request of its own: its call is a caller, and so are the calls of that file's function",
    files: {
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": "./", "paths": { "@llm/*": ["src/modules/llm/*"] } } }\n',
      'src/modules/llm/llm.provider.ts': HELPER.replace('export async function complete', 'export async function invokeLlm'),
      'src/modules/agents/structured-output.util.ts': `import { invokeLlm } from '@llm/llm.provider';
export async function getStructuredResponse(buildPrompt: () => string) {
  const prompt = buildPrompt();
  return invokeLlm('Answer with JSON only.', prompt);
}
`,
      'src/modules/agents/planner.node.ts': `import { getStructuredResponse } from './structured-output.util';
export async function planner(objective: string) {
  return getStructuredResponse(() => 'Plan the steps to reach this objective: ' + objective);
}
`,
      'src/main.ts': `import { planner } from './modules/agents/planner.node';\nplanner('ship the release');\n`,
    },
    sites: [
      { file: 'src/main.ts', line: 2, kind: 'wrapper-caller', via: 'src/modules/agents/planner.node.ts:3' },
      // The prompt the caller hands as an arrow (`() => 'Plan the steps ...'`) is what the helper's `buildPrompt()` returns.
      { file: 'src/modules/agents/planner.node.ts', line: 3, kind: 'wrapper-caller', via: 'src/modules/agents/structured-output.util.ts:4', promptIncludes: ['Plan the steps'] },
      { file: 'src/modules/agents/structured-output.util.ts', line: 4, kind: 'wrapper-caller', via: 'src/modules/llm/llm.provider.ts:4', model: 'gpt-4o-mini' },
      { file: 'src/modules/llm/llm.provider.ts', line: 4 },
    ],
  },
]);

runScanCases('callers handing a helper the serialized body it posts', [
  {
    name: "`JSON.stringify({ contents, generationConfig })` handed to a helper posting the body it is given to Gemini (recipe-rn): the callers' prompts and structured output are the requests'",
    files: {
      'src/gemini.ts': `export async function generateContent(model: string, body: string): Promise<string> {
  const response = await fetch(\`https://generativelanguage.googleapis.com/v1beta/models/\${model}:generateContent\`, { method: 'POST', body });
  return response.text();
}
`,
      'src/recipes.ts': `import { generateContent } from './gemini';
export async function extractRecipe(page: string) {
  const requestBody = JSON.stringify({
    contents: [{ parts: [{ text: 'Extract the recipe title, ingredients and steps from this page: ' + page }] }],
    generationConfig: { responseMimeType: 'application/json', responseSchema: { type: 'object' } },
  });
  return generateContent('gemini-2.5-flash-lite', requestBody);
}
export async function chatAboutRecipe(question: string) {
  return generateContent('gemini-2.5-flash-lite', JSON.stringify({ contents: [{ parts: [{ text: 'Answer the cook: ' + question }] }] }));
}
`,
    },
    sites: [
      { file: 'src/gemini.ts', line: 2 },
      { file: 'src/recipes.ts', line: 7, kind: 'wrapper-caller', model: 'gemini-2.5-flash-lite', promptIncludes: ['Extract the recipe title'], structuredOutput: true },
      { file: 'src/recipes.ts', line: 10, kind: 'wrapper-caller', model: 'gemini-2.5-flash-lite', promptIncludes: ['Answer the cook'], structuredOutput: false },
    ],
  },
]);
