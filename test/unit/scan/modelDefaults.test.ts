import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';
import { MODEL_REGISTRY_MODULE, scanProject } from '../fixtureProject';

/**
 * Models the code states as defaults away from the call, seen from the places that call the app's helpers.
 *
 * Adapters behind a provider selector: a call on the value the selector returns is priced through the
 * adapter the selector hands out when nothing is configured. Table-driven scans over fixture projects
 * written to disk, in the spirit of the analyzers' RuleTester.
 */

interface SelectorCase {
  name: string;
  files: Record<string, string>;
  /** The caller site (file:line) and the model it must be priced with first. */
  caller: { file: string; line: number; model: string | null; firstVia?: string; alternatives?: number };
}

const ADAPTERS = {
  'src/providers/anthropic.ts': `import Anthropic from '@anthropic-ai/sdk';
export class AnthropicLLM {
  client = new Anthropic();
  model: string;
  constructor(model?: string | null) {
    this.model = model || process.env.ANTHROPIC_MODEL_PREF || 'claude-sonnet-4-5';
  }
  async getChatCompletion(messages: any[]) {
    return this.client.messages.create({ model: this.model, max_tokens: 1024, messages });
  }
}
`,
  'src/providers/openai.ts': `import OpenAI from 'openai';
export class OpenAiLLM {
  client = new OpenAI();
  model: string;
  constructor(model?: string | null) {
    this.model = model || process.env.OPEN_MODEL_PREF || 'gpt-4.1-nano';
  }
  async getChatCompletion(messages: any[]) {
    return this.client.chat.completions.create({ model: this.model, messages });
  }
}
`,
};

/** A selector with no value in the code, whose `default:` clause hands out the OpenAI adapter, and a chat calling what it returns. */
const DEFAULT_CLAUSE_SELECTOR = {
      'src/helpers.ts': `import { AnthropicLLM } from './providers/anthropic';
import { OpenAiLLM } from './providers/openai';
export function getLLMProvider() {
  switch (process.env.LLM_PROVIDER) {
    case 'anthropic':
      return new AnthropicLLM();
    default:
      return new OpenAiLLM();
  }
}
`,
      'src/chat.ts': `import { getLLMProvider } from './helpers';
export async function chat(messages: any[]) {
  const llm = getLLMProvider();
  return llm.getChatCompletion(messages);
}
`,
};

const CASES: SelectorCase[] = [
  {
    name: "the case the selector's own fallback names (`provider ?? process.env.LLM_PROVIDER ?? 'openai'`) is priced first",
    files: {
      ...ADAPTERS,
      'src/helpers.ts': `import { AnthropicLLM } from './providers/anthropic';
import { OpenAiLLM } from './providers/openai';
export function getLLMProvider({ provider = null, model = null }: { provider?: string | null; model?: string | null } = {}) {
  const selection = provider ?? process.env.LLM_PROVIDER ?? 'openai';
  switch (selection) {
    case 'anthropic':
      return new AnthropicLLM(model);
    case 'openai':
      return new OpenAiLLM(model);
    default:
      throw new Error('no LLM_PROVIDER');
  }
}
`,
      'src/chat.ts': `import { getLLMProvider } from './helpers';
async function connect(workspace: any) {
  return { connector: getLLMProvider({ provider: workspace.chatProvider, model: workspace.chatModel }), meta: null };
}
export async function chat(workspace: any, messages: any[]) {
  const { connector: llm } = await connect(workspace);
  return llm.getChatCompletion(messages);
}
`,
    },
    caller: { file: 'src/chat.ts', line: 7, model: 'gpt-4.1-nano', firstVia: 'src/providers/openai.ts' },
  },
  {
    name: 'with no value for the selector in the code, the `default:` clause is the adapter priced first',
    files: {
      ...ADAPTERS,
      ...DEFAULT_CLAUSE_SELECTOR,
    },
    caller: { file: 'src/chat.ts', line: 4, model: 'gpt-4.1-nano', firstVia: 'src/providers/openai.ts' },
  },
  {
    name: 'a selector written as guards (`if (...) return new AnthropicLLM(); return new OpenAiLLM()`): the return after the last guard is the adapter priced first',
    files: {
      ...ADAPTERS,
      'src/helpers.ts': `import { AnthropicLLM } from './providers/anthropic';
import { OpenAiLLM } from './providers/openai';
export function getLLMProvider(settings: { useClaude?: boolean }) {
  if (settings.useClaude) {
    return new AnthropicLLM();
  }
  return new OpenAiLLM();
}
`,
      'src/chat.ts': `import { getLLMProvider } from './helpers';
export async function chat(settings: { useClaude?: boolean }, messages: any[]) {
  const llm = getLLMProvider(settings);
  return llm.getChatCompletion(messages);
}
`,
    },
    caller: { file: 'src/chat.ts', line: 4, model: 'gpt-4.1-nano', firstVia: 'src/providers/openai.ts' },
  },
  {
    name: "the selector's default adapter reached through a longer chain than another (its request one helper further down) is still the one priced first",
    files: {
      'src/providers/anthropic.ts': ADAPTERS['src/providers/anthropic.ts'],
      'src/providers/send.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function sendChat(model: string, messages: any[]) {
  return client.chat.completions.create({ model, messages });
}
`,
      'src/providers/openai.ts': `import { sendChat } from './send';
export class OpenAiLLM {
  model = process.env.OPEN_MODEL_PREF || 'gpt-4.1-nano';
  async getChatCompletion(messages: any[]) {
    return sendChat(this.model, messages);
  }
}
`,
      ...DEFAULT_CLAUSE_SELECTOR,
    },
    caller: { file: 'src/chat.ts', line: 4, model: 'gpt-4.1-nano', firstVia: 'src/providers/openai.ts' },
  },
  {
    name: "a provider kept in a field, built by a method's switch on a config spread from the class's defaults: the default provider's own override",
    files: {
      'src/providers/base.js': `const OpenAI = require('openai');
class Provider {
  constructor() {
    this.client = new OpenAI();
    this.model = 'gpt-4o-mini';
  }
  async stream(messages) {
    return this.client.chat.completions.create({ model: this.model, messages, stream: true });
  }
}
module.exports = { Provider };
`,
      'src/providers/anthropic.js': `const Anthropic = require('@anthropic-ai/sdk');
const { Provider } = require('./base');
class AnthropicProvider extends Provider {
  constructor({ model = 'claude-sonnet-4-5' } = {}) {
    super();
    this.anthropic = new Anthropic();
    this.model = model;
  }
  async stream(messages) {
    return this.anthropic.messages.create({ model: this.model, max_tokens: 1024, messages, stream: true });
  }
}
module.exports = { AnthropicProvider };
`,
      'src/providers/openai.js': `const { Provider } = require('./base');
class OpenAIProvider extends Provider {
  constructor({ model = 'gpt-4.1-nano' } = {}) {
    super();
    this.model = model;
  }
  async stream(messages) {
    return this.client.responses.create({ model: this.model, input: messages, stream: true });
  }
}
module.exports = { OpenAIProvider };
`,
      'src/agent.js': `const { AnthropicProvider } = require('./providers/anthropic');
const { OpenAIProvider } = require('./providers/openai');
class Agent {
  constructor(props = {}) {
    const { provider = 'openai', ...rest } = props;
    this.defaultProvider = { provider, ...rest };
  }
  buildProvider(config) {
    switch (config.provider) {
      case 'anthropic':
        return new AnthropicProvider({ model: config.model });
      case 'openai':
        return new OpenAIProvider({ model: config.model });
      default:
        throw new Error('unknown provider');
    }
  }
  async run(messages, overrides) {
    this.providerInstance = this.buildProvider({ ...this.defaultProvider, ...overrides });
    return this.providerInstance.stream(messages);
  }
}
module.exports = { Agent };
`,
    },
    caller: { file: 'src/agent.js', line: 20, model: 'gpt-4.1-nano', firstVia: 'src/providers/openai.js', alternatives: 2 },
  },
];

describe('provider selector defaults', () => {
  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const root = mkdtempSync(path.join(os.tmpdir(), 'selector-default-'));
      try {
        for (const [file, text] of Object.entries(testCase.files)) {
          mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
          writeFileSync(path.join(root, file), text);
        }
        const result = await scanWorkspace(root, { now: () => new Date(0) });
        const site = result.callSites.find((candidate) => candidate.file === testCase.caller.file && candidate.line === testCase.caller.line);
        assert.ok(site, `no site at ${testCase.caller.file}:${testCase.caller.line}: ${JSON.stringify(result.callSites.map((other) => `${other.file}:${other.line}`))}`);
        assert.equal(site.kind, 'wrapper-caller');
        assert.equal(site.model.id, testCase.caller.model, site.evidence.join('\n'));
        if (testCase.caller.firstVia) assert.equal(site.via?.file, testCase.caller.firstVia);
        assert.equal(site.via?.alternatives?.length, testCase.caller.alternatives ?? 1, 'the other adapters stay named as alternatives');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});

describe("a helper's caller passing a configured model", () => {
  it("`complete(config.model, text)` with a config filled from a map of parsers: the `model` parser's fallback", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'config-parsers-'));
    const files: Record<string, string> = {
      'src/llm.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function complete(model: string, text: string) {
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: text }] });
}
`,
      'src/config.ts': `const parsers = {
  model: (raw?: string) => (raw && raw.length > 0 ? raw : 'gpt-4o-mini'),
  locale: (raw?: string) => raw || 'en',
};
export function loadConfig(raw: Record<string, string | undefined>) {
  const parsed: Record<string, string> = {};
  for (const key of Object.keys(parsers) as Array<keyof typeof parsers>) {
    parsed[key] = parsers[key](raw[key]);
  }
  return parsed as { model: string; locale: string };
}
`,
      'src/commit.ts': `import { complete } from './llm';
import { loadConfig } from './config';
export async function commitMessage(diff: string) {
  const config = loadConfig({ model: process.env.AI_MODEL });
  return complete(config.model, diff);
}
`,
    };
    try {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
      const result = await scanWorkspace(root, { now: () => new Date(0) });
      // The one caller hands the helper the configured model and its diff: it relays to the helper's request, which runs that model.
      const site = result.callSites.find((candidate) => candidate.relays?.some((relay) => relay.file === 'src/commit.ts' && relay.line === 5));
      assert.ok(site, JSON.stringify(result.callSites.map((other) => `${other.file}:${other.line}`)));
      assert.equal(site.file, 'src/llm.ts');
      assert.equal(site.model.id, 'gpt-4o-mini', site.evidence.join('\n'));
      assert.equal(site.model.source, 'config');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("a route handler's model sent by the app's own pages", () => {
  const scanFiles = (files: Record<string, string>) => scanProject(files, 'route-callers-');


  it('`const { model } = await req.json()` in app/api/bio/route.ts: the models the page posts, the toggle\'s initial state first', async () => {
    const result = await scanFiles({
      'app/api/bio/route.ts': `import Together from 'together-ai';
const together = new Together();
export async function POST(req: Request) {
  const { prompt, model } = await req.json();
  const runner = together.chat.completions.stream({ model, messages: [{ role: 'user', content: prompt }] });
  return new Response(runner.toReadableStream());
}
`,
      'app/page.tsx': `import { useState } from 'react';
export default function Page() {
  const [useLarge, setUseLarge] = useState(false);
  const generate = async (prompt: string) => {
    await fetch('/api/bio', {
      method: 'POST',
      body: JSON.stringify({ prompt, model: useLarge ? 'meta-llama/Llama-3.3-70B-Instruct-Turbo' : 'Qwen/Qwen2.5-7B-Instruct-Turbo' }),
    });
  };
  return <button onClick={() => generate('hi')}>{String(useLarge)}</button>;
}
`,
    });
    const site = result.callSites.find((candidate) => candidate.file === 'app/api/bio/route.ts');
    assert.ok(site);
    assert.equal(site.model.id, 'Qwen/Qwen2.5-7B-Instruct-Turbo', site.evidence.join('\n'));
    assert.deepEqual(site.model.candidates?.map((candidate) => candidate.id), ['Qwen/Qwen2.5-7B-Instruct-Turbo', 'meta-llama/Llama-3.3-70B-Instruct-Turbo']);
  });

  it('a proxy route spreading the request body: the models every caller sends, one through a helper that spreads its parameter', async () => {
    const result = await scanFiles({
      'src/app/api/responses/route.ts': `import OpenAI from 'openai';
export async function POST(req: Request) {
  const body = await req.json();
  const openai = new OpenAI();
  return Response.json(await openai.responses.create({ ...(body as any), stream: false }));
}
`,
      'src/agents/a-supervisor.ts': `async function send(body: any) {
  return fetch('/api/responses', { method: 'POST', body: JSON.stringify({ ...body, parallel_tool_calls: false }) });
}
export async function supervise(input: any[]) {
  const body = { model: 'gpt-4.1', input };
  return send(body);
}
`,
      'src/agents/b-guardrail.ts': `export async function check(input: any[]) {
  return fetch('/api/responses', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', input }) });
}
`,
    });
    const site = result.callSites.find((candidate) => candidate.file === 'src/app/api/responses/route.ts');
    assert.ok(site);
    assert.deepEqual(site.model.candidates?.map((candidate) => candidate.id), ['gpt-4.1', 'gpt-4o-mini'], site.evidence.join('\n'));
  });

  it('a proxy route branching on the body (`body.text?.format?.type === \'json_schema\'`): the structured request runs with the callers sending that format, the other with every caller, those lacking it first', async () => {
    const result = await scanFiles({
      'src/app/api/responses/route.ts': `import OpenAI from 'openai';
export async function POST(req: Request) {
  const body = await req.json();
  const openai = new OpenAI();
  if (body.text?.format?.type === 'json_schema') {
    return structured(openai, body);
  }
  return plain(openai, body);
}
async function structured(openai: OpenAI, body: any) {
  return Response.json(await openai.responses.parse({ ...(body as any), stream: false }));
}
async function plain(openai: OpenAI, body: any) {
  return Response.json(await openai.responses.create({ ...(body as any), stream: false }));
}
`,
      'src/agents/a-classifier.ts': `import { zodTextFormat } from 'openai/helpers/zod';
import { z } from 'zod';
const Verdict = z.object({ label: z.string() });
export async function classify(input: any[]) {
  return fetch('/api/responses', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', input, text: { format: zodTextFormat(Verdict, 'verdict') } }) });
}
`,
      'src/agents/b-extractor.ts': `export async function extract(input: any[]) {
  return fetch('/api/responses', { method: 'POST', body: JSON.stringify({ model: 'gpt-4.1-mini', input, text: { format: { type: 'json_schema', name: 'x', schema: {} } } }) });
}
`,
      'src/agents/c-supervisor.ts': `export async function supervise(input: any[]) {
  return fetch('/api/responses', { method: 'POST', body: JSON.stringify({ model: 'gpt-4.1', input }) });
}
`,
    });
    const at = (line: number) => result.callSites.find((candidate) => candidate.file === 'src/app/api/responses/route.ts' && candidate.line === line);
    const structuredSite = at(11);
    const plainSite = at(14);
    assert.ok(structuredSite && plainSite, JSON.stringify(result.callSites.map((site) => `${site.file}:${site.line}`)));
    // The literal json_schema first, then the one set by the SDK's helper; the caller without a format never reaches it.
    assert.deepEqual(structuredSite.model.candidates?.map((candidate) => candidate.id), ['gpt-4.1-mini', 'gpt-4o-mini'], structuredSite.evidence.join('\n'));
    assert.deepEqual([plainSite.model.id, ...(plainSite.model.candidates ?? []).slice(1).map((candidate) => candidate.id)], ['gpt-4.1', 'gpt-4o-mini'], plainSite.evidence.join('\n'));
  });
});

describe("a helper's model from its callers", () => {
  const LLM = `async function post(json: Record<string, unknown>) {
  const response = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify(json) });
  return response.json();
}
export async function generate(model: string, diff: string) {
  return post({ model, messages: [{ role: 'user', content: diff }] });
}
`;
  it('a helper sending its `model` parameter runs the models its callers pass (carried up two levels)', async () => {
    const result = await scanProject({
      'src/llm.ts': LLM,
      'src/cli.ts': `import { generate } from './llm';
export async function main(diff: string) {
  return generate('gpt-4o-mini', diff);
}
export async function review(diff: string) {
  return generate('gpt-4o', \`Review this diff for bugs: \${diff}\`);
}
`,
    }, 'caller-models-');
    const request = result.callSites.find((site) => site.file === 'src/llm.ts' && site.line === 2);
    assert.ok(request, JSON.stringify(result.callSites.map((site) => `${site.file}:${site.line}`)));
    assert.equal(request.model.id, 'gpt-4o-mini', request.evidence.join('\n'));
    assert.deepEqual(request.model.candidates?.map((candidate) => candidate.id), ['gpt-4o-mini', 'gpt-4o'], request.evidence.join('\n'));
    assert.ok(request.evidence.some((line) => line.includes('caller(s) pass')), request.evidence.join('\n'));
    assert.deepEqual(result.callSites.filter((site) => site.kind === 'wrapper-caller').map((site) => [`${site.file}:${site.line}`, site.model.id]), [['src/cli.ts:3', 'gpt-4o-mini'], ['src/cli.ts:6', 'gpt-4o']]);
  });

  it("with one caller, the helper's request is read through that call: it runs the model the call passes, two levels down", async () => {
    const result = await scanProject({
      'src/llm.ts': LLM,
      'src/cli.ts': `import { generate } from './llm';
export async function main(diff: string) {
  return generate('gpt-4o-mini', diff);
}
`,
    }, 'caller-models-');
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line}`), ['src/llm.ts:2']);
    const [request] = result.callSites;
    assert.equal(request.model.id, 'gpt-4o-mini', request.evidence.join('\n'));
    assert.deepEqual(request.relays, [{ file: 'src/cli.ts', line: 3, through: [{ file: 'src/llm.ts', line: 6, function: 'generate' }] }]);
  });
});

describe('an AI SDK model object from the app registry, handed to a helper', () => {
  it("`getModel(process.env.MODEL_NAME)` of a registry keyed by name, passed to a helper taking its model: the caller and the helper run the default's entry first, each entry a candidate", async () => {
    const result = await scanProject(
      {
        'package.json': JSON.stringify({ name: 'notes', dependencies: { ai: '*', '@ai-sdk/openai': '*', '@ai-sdk/anthropic': '*' } }),
        'lib/models.ts': MODEL_REGISTRY_MODULE,
        'app/api/aiService.ts': `import { generateText, type LanguageModel } from 'ai';
export async function generateTags(content: string, model: LanguageModel) {
  return generateText({ model, prompt: \`Five tags for this note: \${content}\` });
}
`,
        'app/api/tags/route.ts': `import { generateTags } from '../aiService';
import { getModel } from '../../../lib/models';
export async function POST(request: Request) {
  const model = getModel(process.env.MODEL_NAME);
  return Response.json(await generateTags(await request.text(), model));
}
`,
        // A second feature tagging notes through the same helper (its own text): the helper is priced through its callers, each a site.
        'app/api/import/route.ts': `import { generateTags } from '../aiService';
import { getModel } from '../../../lib/models';
export async function POST(request: Request) {
  const { title, body } = await request.json();
  return Response.json(await generateTags(\`Imported note "\${title}":\\n\${body}\`, getModel(process.env.MODEL_NAME)));
}
`,
      },
      'registry-model-',
    );
    const caller = result.callSites.find((site) => site.file === 'app/api/tags/route.ts')!;
    assert.equal(caller.model.id, 'gpt-4o');
    assert.deepEqual(caller.model.candidates?.map((candidate) => candidate.id), ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-haiku-20241022']);
    const helper = result.callSites.find((site) => site.file === 'app/api/aiService.ts')!;
    assert.equal(helper.model.id, 'gpt-4o', 'the helper runs what its callers pass');
    assert.deepEqual(helper.model.candidates?.map((candidate) => candidate.id), ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-haiku-20241022']);
    assert.equal(caller.provider, 'openai');
  });
});
