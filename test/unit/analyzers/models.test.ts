import { openaiAnalyzer } from '../../../src/analyzers/openai';
import { httpAnalyzer } from '../../../src/analyzers/http';
import { vercelAiAnalyzer } from '../../../src/analyzers/vercel-ai';
import { runAnalyzerTests } from './tester';

/**
 * Model resolution on real code shapes: the model a call really uses when the app configures it
 * (functions, defaults, constructor options, maps by use case, env and config files), and every
 * candidate when the code picks among several. Fixture projects are our own code.
 */

/** An app's settings getter over a store merged at run time, its default config giving `model` (the getter of the cases below). */
function settingsGetterModule(model: string): string {
  return `const defaultConfig = { model: '${model}', temperature: 0.5 };
export function getConfig<T>(key: string): T {
  const stored = JSON.parse(process.env.STORED_CONFIG ?? '{}');
  return { ...defaultConfig, ...stored }[key];
}
`;
}

/** A request whose model is the settings getter's `model` (named by `name`, so each case's code is its own). */
function modelFromSettingsGetter(name: string): string {
  return `import OpenAI from 'openai';
import { getConfig } from './config';
const client = new OpenAI();
export async function ${name}(diff: string) {
  const model = getConfig<string>('model');
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: diff }] });
}`;
}

runAnalyzerTests('model resolution (openai SDK)', openaiAnalyzer, {
  valid: [],
  invalid: [
    {
      name: 'a model read from a request body the code types with a union of model names: those names are the candidates',
      files: { 'src/types.ts': `export type Model = 'gpt-4o-mini' | 'gpt-4o-2024-08-06';\nexport type Mode = 'fast' | 'slow';\n` },
      code: `import OpenAI from 'openai';
import type { Model } from './types';
const client = new OpenAI();
export async function handle(request: Request) {
  const body: { messages: Array<{ role: 'user'; content: string }>; model: Model } = await request.json();
  const { messages, model } = body;
  return client.chat.completions.create({ model, messages });
}`,
      calls: [{ line: 7, model: 'gpt-4o-mini', candidates: ['gpt-4o-mini', 'gpt-4o-2024-08-06'], evidenceIncludes: ['declared type `Model`'] }],
    },
    {
      name: "a model parameter typed with the app's enum of model names (`model: EChatModels`): the enum's values, in order, are the candidates",
      files: { 'src/enums.ts': `export enum EChatModels {\n  GPT_4o = 'gpt-4o',\n  GPT_4o_mini = 'gpt-4o-mini',\n}\nexport enum Mode { Fast = 'fast', Slow = 'slow' }\n` },
      code: `import OpenAI from 'openai';
import { EChatModels, Mode } from './enums';
const client = new OpenAI();
export async function send(prompt: string, model: EChatModels) {
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
}
export async function other(prompt: string, model: Mode) {
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
}`,
      calls: [
        { line: 5, model: 'gpt-4o', candidates: ['gpt-4o', 'gpt-4o-mini'], evidenceIncludes: ['declared type `EChatModels`'] },
        { line: 8, model: null },
      ],
    },
    {
      name: "a settings getter asked for the model (`getConfig<string>('model')`) over a store merged at run time: the app's default config gives it; a getter of another key says nothing",
      files: {
        'src/config.ts': settingsGetterModule('gpt-4o-mini'),
      },
      code: `import OpenAI from 'openai';
import { getConfig } from './config';
const client = new OpenAI();
export async function suggest(diff: string) {
  const model = getConfig<string>('model');
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: diff }] });
}
export async function other(diff: string) {
  return client.chat.completions.create({ model: getConfig<string>('engine'), messages: [{ role: 'user', content: diff }] });
}`,
      calls: [
        { line: 6, model: 'gpt-4o-mini', modelSource: 'config', evidenceIncludes: ["the app's default settings give it"] },
        { line: 9, model: null },
      ],
    },
    {
      name: "the app's default settings giving the model field a backend's name (`model: 'textgen_webui'`, not shaped like a model id): no guess",
      files: {
        'src/config.ts': settingsGetterModule('textgen_webui'),
      },
      code: modelFromSettingsGetter('suggest'),
      calls: [{ line: 6, model: null }],
    },
    {
      name: "the app's default settings giving a versioned id of a family no word list names (`abab5.5-chat`): the guess is kept",
      files: {
        'src/config.ts': settingsGetterModule('abab5.5-chat'),
      },
      code: modelFromSettingsGetter('summarize'),
      calls: [{ line: 6, model: 'abab5.5-chat', modelSource: 'config' }],
    },
    {
      name: 'a union of words that are no model names says nothing about the model',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
export async function handle(model: 'fast' | 'slow', prompt: string) {
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
}`,
      calls: [{ line: 4, model: null }],
    },
    {
      name: 'a tsconfig path alias (`@/lib/constants`) is followed to the constant',
      files: {
        'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }',
        'lib/constants.ts': 'export const SCREENSHOT_MODEL = "google/gemma-3-27b-it";\n',
      },
      code: `import OpenAI from 'openai';
import { SCREENSHOT_MODEL } from '@/lib/constants';
const client = new OpenAI();
export async function describe() {
  const inner = async () => {
    const model = SCREENSHOT_MODEL;
    return client.chat.completions.create({ model, messages: [] });
  };
  return inner();
}`,
      calls: [{ line: 7, model: 'google/gemma-3-27b-it', modelSource: 'import', candidates: [] }],
    },
    {
      name: 'a function in another module that returns the model',
      files: { 'src/models.ts': 'export function getTitleModel() {\n  return "gpt-4.1-mini";\n}\n' },
      code: `import OpenAI from 'openai';
import { getTitleModel } from './models';
const client = new OpenAI();
await client.chat.completions.create({ model: getTitleModel(), messages: [] });`,
      calls: [{ line: 4, model: 'gpt-4.1-mini', candidates: [] }],
    },
    {
      name: 'a function with a switch returns one model per case: every one is a candidate',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
function modelFor(task: string) {
  switch (task) {
    case 'summary': return 'gpt-4o-mini';
    case 'code': return 'gpt-4.1';
    default: return 'gpt-4o';
  }
}
await client.chat.completions.create({ model: modelFor(kind), messages: [] });`,
      calls: [{ line: 10, model: 'gpt-4o-mini', candidates: ['gpt-4o-mini', 'gpt-4.1', 'gpt-4o'], candidateWheres: ['src/case.ts:5', 'src/case.ts:6', 'src/case.ts:7'] }],
    },
    {
      name: 'a let variable assigned in a switch',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
let model;
switch (tier) {
  case 'pro': model = 'o3'; break;
  default: model = 'gpt-4o-mini';
}
await client.chat.completions.create({ model, messages: [] });`,
      calls: [{ line: 8, model: 'o3', candidates: ['o3', 'gpt-4o-mini'] }],
    },
    {
      name: 'a ternary between literals: both are candidates, the first branch first',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
await client.chat.completions.create({ model: premium ? 'gpt-4o' : 'gpt-4o-mini', messages: [] });`,
      calls: [{ line: 3, model: 'gpt-4o', candidates: ['gpt-4o', 'gpt-4o-mini'] }],
    },
    {
      name: 'a default parameter value',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
export async function ask(prompt: string, model = 'gpt-4o-mini') {
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
}`,
      calls: [{ line: 4, model: 'gpt-4o-mini', modelSource: 'constant', candidates: [] }],
    },
    {
      name: 'a default parameter and the literals callers pass',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
export async function ask(prompt: string, model = 'gpt-4o-mini') {
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
}
await ask('hi', 'gpt-4.1');`,
      calls: [{ line: 4, model: 'gpt-4o-mini', candidates: ['gpt-4o-mini', 'gpt-4.1'] }],
    },
    {
      name: 'constructor options the caller fills with a literal (`this.model` from `options.model`)',
      code: `import OpenAI from 'openai';
class LlmClient {
  private model: string;
  private client = new OpenAI();
  constructor(options: { model: string }) {
    this.model = options.model;
  }
  complete(prompt: string) {
    return this.client.chat.completions.create({ model: this.model, messages: [{ role: 'user', content: prompt }] });
  }
}
export const llm = new LlmClient({ model: 'gpt-4.1-nano' });`,
      calls: [{ line: 9, model: 'gpt-4.1-nano', modelSource: 'constant' }],
    },
    {
      name: 'a destructured constructor option with a default, and the option a caller passes: the default first',
      code: `const OpenAI = require('openai');
class GroqProvider {
  model;
  constructor(config = {}) {
    const { model = 'llama3-8b-8192' } = config;
    this.client = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });
    this.model = model;
  }
  run(messages) {
    return this.client.chat.completions.create({ model: this.model, messages });
  }
}
const agent = new GroqProvider({ model: 'llama3-70b-8192' });
module.exports = GroqProvider;`,
      calls: [{ line: 10, provider: 'groq', model: 'llama3-8b-8192', candidates: ['llama3-8b-8192', 'llama3-70b-8192'] }],
    },
    {
      name: 'a destructured option default only',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
export function summarize(text: string, { model = 'gpt-4o-mini' }: { model?: string } = {}) {
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: text }] });
}`,
      calls: [{ line: 4, model: 'gpt-4o-mini', modelSource: 'default-param', candidates: [] }],
    },
    {
      name: 'a getter that returns the model (an env flag no example file sets: its else branch first)',
      code: `import OpenAI from 'openai';
export class Summarizer {
  private client = new OpenAI();
  get model() { return process.env.FAST ? 'gpt-4o-mini' : 'gpt-4o'; }
  run(text: string) {
    return this.client.chat.completions.create({ model: this.model, messages: [{ role: 'user', content: text }] });
  }
}`,
      calls: [{ line: 6, model: 'gpt-4o', candidates: ['gpt-4o', 'gpt-4o-mini'] }],
    },
    {
      name: 'a map by use case indexed at run time: every value, in order, from the app list',
      files: { 'src/models.ts': 'export const MODELS = {\n  fast: "gpt-4o-mini",\n  smart: "gpt-4.1",\n};\n' },
      code: `import OpenAI from 'openai';
import { MODELS } from './models';
const client = new OpenAI();
export function run(useCase: 'fast' | 'smart') {
  return client.chat.completions.create({ model: MODELS[useCase], messages: [] });
}`,
      calls: [{ line: 5, model: 'gpt-4o-mini', modelSource: 'app-list', candidates: ['gpt-4o-mini', 'gpt-4.1'], candidateWheres: ['src/models.ts:2', 'src/models.ts:3'] }],
    },
    {
      name: 'the request body picks the model, with a default: user choice, the default first',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
export async function POST(req: Request) {
  const { model, prompt } = await req.json();
  return client.chat.completions.create({ model: model ?? 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
}`,
      calls: [{ line: 5, model: 'gpt-4o-mini', candidates: [] }],
    },
    {
      name: 'the request body picks the model and nothing else says which: user choice, id null',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
export async function POST(req: Request) {
  const body = await req.json();
  return client.chat.completions.create({ model: body.model, messages: [] });
}`,
      calls: [{ line: 5, model: null, modelSource: 'user-choice' }],
    },
    {
      name: 'the request body checked by a schema (zod safeParse, parse) picks the model: user choice, as the body read directly',
      code: `import OpenAI from 'openai';
import { z } from 'zod';
const client = new OpenAI();
export async function POST(req: Request) {
  let json = await req.json();
  let result = z.object({ model: z.string(), imageUrl: z.string() }).safeParse(json);
  if (result.error) return new Response(result.error.message, { status: 422 });
  let { model } = result.data;
  const checked = z.object({ model: z.string() }).parse(await req.json());
  await client.chat.completions.create({ model: checked.model, messages: [] });
  return client.chat.completions.create({ model, messages: [] });
}`,
      calls: [{ line: 10, model: null, modelSource: 'user-choice' }, { line: 11, model: null, modelSource: 'user-choice' }],
    },
    {
      name: 'process.env read against .env.example: the example value, kept as env-default',
      files: { '.env.example': '# copy to .env\nOPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD\nOPENAI_MODEL=gpt-4.1-mini\n' },
      code: `import OpenAI from 'openai';
const client = new OpenAI();
await client.chat.completions.create({ model: process.env.OPENAI_MODEL!, messages: [] });`,
      calls: [{ line: 3, model: 'gpt-4.1-mini', modelSource: 'env-default', candidateWheres: [] }],
    },
    {
      name: 'an env fallback in code and a different example value: the code default first, both candidates',
      files: { '.env.sample': 'CHAT_MODEL="gpt-4o"\n' },
      code: `import OpenAI from 'openai';
const client = new OpenAI();
await client.chat.completions.create({ model: process.env.CHAT_MODEL ?? 'gpt-4o-mini', messages: [] });`,
      calls: [{ line: 3, model: 'gpt-4o-mini', modelSource: 'env-default', candidates: ['gpt-4o-mini', 'gpt-4o'], candidateWheres: ['src/case.ts:3', '.env.sample:1'] }],
    },
    {
      name: 'an env variable with no default and one commented-out example: a deployment choice, the example marked env-example',
      files: { '.env.example': '# Pick one provider.\n# LLM_PROVIDER=openai\n# OPENAI_MODEL_PREF=\'gpt-4o\'\n# OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD\n' },
      code: `import OpenAI from 'openai';
const client = new OpenAI();
await client.chat.completions.create({ model: process.env.OPENAI_MODEL_PREF!, messages: [] });`,
      calls: [{ line: 3, model: null, modelSource: 'deployment-choice', modelEnv: 'OPENAI_MODEL_PREF', candidates: ['gpt-4o'], candidateWheres: ['.env.example:3'] }],
    },
    {
      name: 'commented-out examples that differ (one per setup) suggest nothing',
      files: { '.env.example': '# EMBEDDING_MODEL_PREF=text-embedding-3-small\n# EMBEDDING_MODEL_PREF=nomic-embed-text:latest\n' },
      code: `import OpenAI from 'openai';
const client = new OpenAI();
await client.embeddings.create({ model: process.env.EMBEDDING_MODEL_PREF!, input: 'x' });`,
      calls: [{ line: 3, model: null, modelSource: 'deployment-choice', modelEnv: 'EMBEDDING_MODEL_PREF', candidates: [] }],
    },
    {
      name: 'a provider adapter class: this.model = preference || env || literal; the code default first, the commented example after it',
      files: { '.env.example': "# GROQ_MODEL_PREF=llama3-8b-8192\n" },
      code: `import OpenAI from 'openai';
export class GroqAdapter {
  private client = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });
  private model: string;
  constructor(modelPreference: string | null = null) {
    this.model = modelPreference || process.env.GROQ_MODEL_PREF || 'llama-3.1-8b-instant';
  }
  async send(messages: any[]) {
    return this.client.chat.completions.create({ model: this.model, messages });
  }
}`,
      calls: [{ line: 9, model: 'llama-3.1-8b-instant', candidates: ['llama-3.1-8b-instant', 'llama3-8b-8192'], candidateWheres: ['src/case.ts:6', '.env.example:1'] }],
    },
    {
      name: 'a proxy route spreads the request body into the request: the model is the end user\'s choice',
      code: `import OpenAI from 'openai';
export async function POST(req: Request) {
  const body = await req.json();
  return proxy(new OpenAI(), body);
}
async function proxy(openai: OpenAI, body: any) {
  return openai.responses.create({ ...(body as any), stream: false });
}`,
      calls: [{ line: 7, model: null, modelSource: 'user-choice', candidates: [] }],
    },
    {
      name: 'a spread of the app\'s own defaults is not a user choice',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
const defaults = { temperature: 0.2 };
export async function run(messages: any[], extra: Record<string, unknown>) {
  return client.chat.completions.create({ ...defaults, ...extra, messages });
}`,
      calls: [{ line: 5, model: null, modelSource: 'dynamic' }],
    },
    {
      name: 'an empty-string fallback is no model: still a deployment choice',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
await client.chat.completions.create({ model: process.env.GITEE_MODEL_PREF || '', messages: [] });`,
      calls: [{ line: 3, model: null, modelSource: 'deployment-choice', modelEnv: 'GITEE_MODEL_PREF', candidates: [] }],
    },
    {
      name: 'a provider adapter class whose model only the constructor argument or the env variable sets: a deployment choice',
      code: `import OpenAI from 'openai';
export class LocalAdapter {
  private client = new OpenAI({ baseURL: process.env.LOCAL_BASE_PATH });
  private model: string | undefined;
  constructor(modelPreference: string | null = null) {
    this.model = modelPreference || process.env.LOCAL_MODEL_PREF;
  }
  async send(messages: any[]) {
    return this.client.chat.completions.create({ model: this.model!, messages });
  }
}`,
      calls: [{ line: 9, model: null, modelSource: 'deployment-choice', modelEnv: 'LOCAL_MODEL_PREF', candidates: [] }],
    },
    {
      name: 'this.config.model passed in at run time, with the offered lists in the provider folder: chat calls price over the chat list',
      files: {
        'src/index.ts': `export const defaultChatModels = [
  { name: 'GPT 4.1 mini', key: 'gpt-4.1-mini' },
  { name: 'GPT 4.1', key: 'gpt-4.1' },
  { name: 'GPT-4o', key: 'gpt-4o' },
];
export const defaultEmbeddingModels = [
  { name: 'Small', key: 'text-embedding-3-small' },
  { name: 'Large', key: 'text-embedding-3-large' },
];
const REASONING_MODELS = ['o3', 'o4-mini'];
`,
      },
      code: `import OpenAI from 'openai';
type Config = { apiKey: string; model: string };
export class ChatLLM {
  client: OpenAI;
  constructor(protected config: Config) {
    this.client = new OpenAI({ apiKey: this.config.apiKey });
  }
  async generate(messages: any[]) {
    return this.client.chat.completions.create({ model: this.config.model, messages });
  }
  async embed(input: string[]) {
    return this.client.embeddings.create({ model: this.config.model, input });
  }
}`,
      calls: [
        { line: 9, model: 'gpt-4.1-mini', modelSource: 'user-choice', candidates: ['gpt-4.1-mini', 'gpt-4.1', 'gpt-4o'], candidateWheres: ['src/index.ts:2', 'src/index.ts:3', 'src/index.ts:4'] },
        { line: 12, model: 'text-embedding-3-small', modelSource: 'user-choice', candidates: ['text-embedding-3-small', 'text-embedding-3-large'] },
      ],
    },
    {
      name: 'a list named for a capability or an exclusion is not what users pick from',
      files: { 'src/limits.ts': "export const NO_TEMPERATURE_MODELS = ['o1', 'o3-mini', 'o4-mini'];\nexport const reasoningModels = ['o3', 'o4-mini'];\n" },
      code: `import OpenAI from 'openai';
const client = new OpenAI();
export async function ask(model: string, messages: any[]) {
  return client.chat.completions.create({ model, messages });
}`,
      calls: [{ line: 4, model: null, modelSource: 'dynamic' }],
    },
    {
      name: "LangGraph's config.configurable model is the user's pick, priced over the list the code imports",
      files: { 'src/models.ts': "export const ALL_MODELS = [\n  { name: 'claude-sonnet-4-5', label: 'Claude Sonnet' },\n  { name: 'gpt-4.1-mini', label: 'GPT-4.1 mini' },\n];\nexport const THINKING_MODELS = ['o3'];\n" },
      code: `import OpenAI from 'openai';
import { ALL_MODELS } from './models';
const client = new OpenAI();
export async function node(state: any, config: { configurable?: Record<string, unknown> }) {
  const model = config.configurable?.customModelName as string;
  if (!ALL_MODELS.some((m) => m.name === model)) throw new Error('unknown model');
  return client.chat.completions.create({ model, messages: state.messages });
}`,
      calls: [{ line: 7, model: 'claude-sonnet-4-5', modelSource: 'user-choice', candidates: ['claude-sonnet-4-5', 'gpt-4.1-mini'] }],
    },
    {
      name: 'a monorepo: the model from the run config, reshaped by a helper; the offered list and its DEFAULT_MODEL_NAME in a workspace package',
      files: {
        'packages/shared/package.json': '{ "name": "@acme/shared", "exports": { "./*": "./dist/*.js" } }',
        'packages/shared/src/models.ts': `const OPENAI_MODELS = [
  { name: 'gpt-4.1', label: 'GPT-4.1' },
  { name: 'gpt-4.1-mini', label: 'GPT-4.1 mini' },
];
const ANTHROPIC_MODELS = [{ name: 'claude-sonnet-4-5', label: 'Claude Sonnet 4.5' }];
export const TEMPERATURE_EXCLUDED_MODELS = ['o3-mini'];
export const ALL_MODELS = [...OPENAI_MODELS, ...ANTHROPIC_MODELS];
export const DEFAULT_MODEL_NAME = OPENAI_MODELS[1].name;
`,
        'src/config.ts': `import { TEMPERATURE_EXCLUDED_MODELS } from '@acme/shared/models';
export function getModelConfig(config: { configurable?: Record<string, unknown> }, toolCalling = false) {
  const customModelName = config.configurable?.customModelName as string;
  let modelName = customModelName.replace('azure/', '');
  if (toolCalling && modelName.startsWith('o1')) modelName = 'gpt-4o';
  return { modelName, temperature: TEMPERATURE_EXCLUDED_MODELS.includes(modelName) ? undefined : 0.5 };
}
`,
      },
      code: `import OpenAI from 'openai';
import { getModelConfig } from './config';
const client = new OpenAI();
export async function node(state: any, config: { configurable?: Record<string, unknown> }) {
  const { modelName } = getModelConfig(config);
  return client.chat.completions.create({ model: modelName, messages: state.messages });
}`,
      calls: [{ line: 6, model: 'gpt-4.1-mini', modelSource: 'user-choice', candidates: ['gpt-4.1-mini', 'gpt-4.1', 'claude-sonnet-4-5', 'gpt-4o'], candidateWheres: ['packages/shared/src/models.ts:3', 'packages/shared/src/models.ts:2', 'packages/shared/src/models.ts:5', 'src/config.ts:5'] }],
    },
    {
      name: 'a real .env file is never read for values',
      files: { '.env': 'CHAT_MODEL=gpt-4o\n', '.env.local': 'CHAT_MODEL=gpt-4o\n' },
      code: `import OpenAI from 'openai';
const client = new OpenAI();
await client.chat.completions.create({ model: process.env.CHAT_MODEL as string, messages: [] });`,
      calls: [{ line: 3, model: null, modelSource: 'deployment-choice', candidates: [] }],
    },
    {
      name: 'a t3/zod env schema with .default(...)',
      files: {
        'src/env.ts': `import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';
export const env = createEnv({
  server: {
    OPENAI_API_KEY: z.string(),
    SUMMARY_MODEL: z.string().default('gpt-4o-mini'),
  },
  runtimeEnv: process.env,
});
`,
      },
      code: `import OpenAI from 'openai';
import { env } from './env';
const client = new OpenAI();
await client.chat.completions.create({ model: env.SUMMARY_MODEL, messages: [] });`,
      calls: [{ line: 4, model: 'gpt-4o-mini', modelSource: 'env-default', candidateWheres: [] }],
    },
    {
      name: 'a let reassigned before the request on every path comes first there; one reassigned only in a branch does not',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
export async function answer(question: string, long: boolean) {
  let model = 'gpt-4o-mini';
  if (long) {
    model = 'gpt-4.1';
  }
  const first = await client.chat.completions.create({ model, messages: [{ role: 'user', content: question }] });
  model = 'o4-mini';
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: String(first) }] });
}`,
      calls: [
        { line: 8, model: 'gpt-4o-mini', candidates: ['gpt-4o-mini', 'gpt-4.1', 'o4-mini'] },
        { line: 10, model: 'o4-mini', candidates: ['o4-mini', 'gpt-4o-mini', 'gpt-4.1'] },
      ],
    },
    {
      name: "a settings service asked for an UPPER_SNAKE name reads that env variable (a deployment's values file sets it); a lower-case key does not",
      files: { 'deploy/values.yaml': 'api:\n  env:\n    - name: OPENAI_API_KEY\n      value: sk-proj-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm\n    - name: OPENAI_MODEL\n      value: gpt-4.1-mini\n' },
      code: `import OpenAI from 'openai';
declare const configService: { get<T>(key: string): T };
const client = new OpenAI();
await client.chat.completions.create({ model: configService.get<string>('OPENAI_MODEL'), messages: [] });
await client.chat.completions.create({ model: configService.get<string>('model'), messages: [] });`,
      calls: [
        { line: 4, model: 'gpt-4.1-mini', modelSource: 'env-default' },
        { line: 5, model: null },
      ],
    },
    {
      name: "an UPPER_SNAKE property of the app's env-backed config object reads that env variable; an object literal that states it is read as an object",
      files: {
        '.env.example': 'OPENAI_API_KEY=sk-proj-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm\nTASK_MODEL=gpt-4.1-nano\n',
        'src/config.ts': `export const config = new Proxy({} as Record<string, string>, { get: (_target, key: string) => process.env[key] ?? '' });\n`,
      },
      code: `import OpenAI from 'openai';
import { config } from './config';
const client = new OpenAI();
const settings = { CHAT_MODEL: 'gpt-4o' };
await client.chat.completions.create({ model: config.TASK_MODEL, messages: [] });
await client.chat.completions.create({ model: settings.CHAT_MODEL, messages: [] });`,
      calls: [
        { line: 5, model: 'gpt-4.1-nano', modelSource: 'env-default' },
        { line: 6, model: 'gpt-4o', modelSource: 'config' },
      ],
    },
    {
      name: 'docker-compose environment gives the model',
      files: { 'docker-compose.yml': 'services:\n  api:\n    image: app\n    environment:\n      - LLM_MODEL=llama3.1:8b\n      - DATABASE_URL=postgres://app:hunter2@db/app\n' },
      code: `import OpenAI from 'openai';
const client = new OpenAI();
await client.chat.completions.create({ model: process.env.LLM_MODEL as string, messages: [] });`,
      calls: [{ line: 3, model: 'llama3.1:8b', modelSource: 'env-default' }],
    },
    {
      name: 'an imported JSON config with model keys',
      files: { 'src/config.json': '{\n  "apiKey": "sk-ant-api03-secretsecretsecretsecret",\n  "judgeModel": "gpt-4.1"\n}\n' },
      code: `import OpenAI from 'openai';
import config from './config.json';
const client = new OpenAI();
await client.chat.completions.create({ model: config.judgeModel, messages: [] });`,
      calls: [{ line: 4, model: 'gpt-4.1', modelSource: 'import' }],
    },
    {
      name: 'a TOML config file read with fs at run time',
      files: { 'config.toml': '[llm]\nprovider = "openai"\nmodel = "gpt-4.1-mini"\napi_key = "sk-proj-0123456789abcdefghijABCDEFGHIJ"\n' },
      code: `import OpenAI from 'openai';
import { readFileSync } from 'node:fs';
import * as toml from 'smol-toml';
const config = toml.parse(readFileSync('config.toml', 'utf8')) as any;
const client = new OpenAI();
await client.chat.completions.create({ model: config.llm.model, messages: [] });`,
      calls: [{ line: 6, model: 'gpt-4.1-mini', modelSource: 'config', candidateWheres: [] }],
    },
    {
      name: 'a YAML app config read with fs, the model per use case',
      files: { 'app.config.yaml': 'models:\n  summary: gpt-4o-mini\n  chat: claude-sonnet-4-5\n' },
      code: `import OpenAI from 'openai';
import fs from 'node:fs';
import YAML from 'yaml';
const settings = YAML.parse(fs.readFileSync('./app.config.yaml', 'utf8'));
const client = new OpenAI();
await client.chat.completions.create({ model: settings.models.summary, messages: [] });`,
      calls: [{ line: 6, model: 'gpt-4o-mini', modelSource: 'config' }],
    },
    {
      name: "an atom of page state (jotai, recoil) is the user's choice, starting at the atom's initial value",
      files: {
        'src/atoms.ts': `import { atom } from 'jotai';
import { atomWithStorage } from 'jotai/utils';
export const modelAtom = atomWithStorage('model', 'gpt-4o-mini');
export const titleModelAtom = atom('gpt-4.1-nano');
export const derivedAtom = atom((get) => get(modelAtom));`,
        'src/recoil.ts': `import { atom } from 'recoil';
export const summaryModelState = atom({ key: 'summaryModel', default: 'claude-3-5-haiku-latest' });`,
      },
      code: `import OpenAI from 'openai';
import { useAtom, useAtomValue } from 'jotai';
import { useRecoilValue } from 'recoil';
import { modelAtom, titleModelAtom, derivedAtom } from './atoms';
import { summaryModelState } from './recoil';
const client = new OpenAI();
export async function useChat() {
  const model = useAtomValue(modelAtom);
  const [titleModel] = useAtom(titleModelAtom);
  const summaryModel = useRecoilValue(summaryModelState);
  const derived = useAtomValue(derivedAtom);
  await client.chat.completions.create({ model, messages: [] });
  await client.chat.completions.create({ model: titleModel, messages: [] });
  await client.chat.completions.create({ model: summaryModel, messages: [] });
  await client.chat.completions.create({ model: derived, messages: [] });
}`,
      calls: [
        { line: 12, model: 'gpt-4o-mini', modelSource: 'user-choice' },
        { line: 13, model: 'gpt-4.1-nano', modelSource: 'user-choice' },
        { line: 14, model: 'claude-3-5-haiku-latest', modelSource: 'user-choice' },
        { line: 15, model: null },
      ],
    },
    {
      name: 'a VS Code setting is the user\'s choice: the default of contributes.configuration first, its enum the candidates',
      files: { 'package.json': JSON.stringify({ name: 'ext', contributes: { configuration: { properties: { 'myExt.model': { type: 'string', default: 'gpt-4o-mini', enum: ['gpt-4o-mini', 'gpt-4.1', 'o4-mini'] } } } } }, null, 2) },
      code: `import * as vscode from 'vscode';
import OpenAI from 'openai';
const client = new OpenAI();
const model = vscode.workspace.getConfiguration('myExt').get<string>('model')!;
await client.chat.completions.create({ model, messages: [] });`,
      calls: [{ line: 5, model: 'gpt-4o-mini', modelSource: 'user-choice', candidates: ['gpt-4o-mini', 'gpt-4.1', 'o4-mini'] }],
    },
    {
      name: 'baseURL from env, read against the example file: the provider behind it',
      files: { '.env.example': 'OPENAI_BASE_URL=https://api.deepseek.com/v1\n' },
      code: `import OpenAI from 'openai';
const client = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL });
await client.chat.completions.create({ model: 'deepseek-chat', messages: [] });`,
      calls: [{ line: 3, provider: 'deepseek', model: 'deepseek-chat' }],
    },
    {
      name: 'baseURL on a private host is self-hosted',
      code: `import OpenAI from 'openai';
const client = new OpenAI({ baseURL: 'http://10.0.3.7:8000/v1' });
await client.chat.completions.create({ model: 'Qwen/Qwen2.5-7B-Instruct', messages: [] });`,
      calls: [{ line: 3, provider: 'self-hosted' }],
    },
    {
      name: 'baseURL on LM Studio\'s port names LM Studio',
      code: `import OpenAI from 'openai';
const lmstudio = new OpenAI({ baseURL: 'http://localhost:1234/v1' });
await lmstudio.chat.completions.create({ model: 'qwen2.5-7b-instruct', messages: [] });`,
      calls: [{ line: 3, provider: 'lmstudio' }],
    },
    {
      name: 'baseURL of Fireworks',
      code: `import OpenAI from 'openai';
const fw = new OpenAI({ baseURL: 'https://api.fireworks.ai/inference/v1' });
await fw.chat.completions.create({ model: 'accounts/fireworks/models/llama-v3p1-70b-instruct', messages: [] });`,
      calls: [{ line: 3, provider: 'fireworks' }],
    },
  ],
});

runAnalyzerTests('model resolution (Vercel AI SDK)', vercelAiAnalyzer, {
  valid: [],
  invalid: [
    {
      name: 'a function in another module returns a provider factory call',
      files: { 'src/models.ts': "import { openai } from '@ai-sdk/openai';\nexport function getTitleModel() {\n  return openai('gpt-4.1-mini');\n}\n" },
      code: `import { generateText } from 'ai';
import { getTitleModel } from './models';
await generateText({ model: getTitleModel(), prompt: 'title' });`,
      calls: [{ line: 3, provider: 'openai', model: 'gpt-4.1-mini' }],
    },
    {
      name: 'a gateway model string `provider/model`',
      code: `import { generateText } from 'ai';
await generateText({ model: 'anthropic/claude-sonnet-4', prompt: 'hi' });`,
      calls: [{ line: 2, provider: 'vercel-gateway', model: 'anthropic/claude-sonnet-4' }],
    },
    {
      name: 'customProvider looked up by a literal key, in another module',
      files: {
        'src/providers.ts': `import { customProvider } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
import { openai } from '@ai-sdk/openai';
export const myProvider = customProvider({
  languageModels: {
    'chat-model': anthropic('claude-sonnet-4-5'),
    'title-model': openai('gpt-4.1-mini'),
  },
});
`,
      },
      code: `import { generateText } from 'ai';
import { myProvider } from './providers';
await generateText({ model: myProvider.languageModel('title-model'), prompt: 'title' });`,
      calls: [{ line: 3, provider: 'openai', model: 'gpt-4.1-mini' }],
    },
    {
      name: 'customProvider with the key chosen at run time: every entry is a candidate',
      files: {
        'src/providers.ts': `import { customProvider } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
export const myProvider = customProvider({
  languageModels: {
    'chat-model': anthropic('claude-sonnet-4-5'),
    'chat-model-reasoning': anthropic('claude-opus-4-1'),
  },
});
`,
      },
      code: `import { streamText } from 'ai';
import { myProvider } from './providers';
export function chat(selectedChatModel: string) {
  return streamText({ model: myProvider.languageModel(selectedChatModel), prompt: 'hi' });
}`,
      calls: [{ line: 4, provider: 'anthropic', model: 'claude-sonnet-4-5', modelSource: 'app-list', candidates: ['claude-sonnet-4-5', 'claude-opus-4-1'], candidateWheres: ['src/providers.ts:5', 'src/providers.ts:6'] }],
    },
    {
      name: 'createProviderRegistry with a custom provider inside',
      code: `import { generateText, createProviderRegistry, customProvider } from 'ai';
import { openai } from '@ai-sdk/openai';
const registry = createProviderRegistry({
  openai,
  fast: customProvider({ languageModels: { small: openai('gpt-4.1-nano') } }),
});
await generateText({ model: registry.languageModel('fast:small'), prompt: 'hi' });
await generateText({ model: registry.languageModel('openai:gpt-4o'), prompt: 'hi' });`,
      calls: [{ line: 7, provider: 'openai', model: 'gpt-4.1-nano' }, { line: 8, provider: 'openai', model: 'gpt-4o' }],
    },
    {
      name: 'a helper that picks the provider from a map and passes the name on: this call\'s arguments',
      files: {
        'src/ai.ts': `import { createOpenAI } from '@ai-sdk/openai';
import { anthropic } from '@ai-sdk/anthropic';
type Provider = 'openai' | 'anthropic';
const defaultProvider: Provider = process.env.USE_ANTHROPIC ? 'anthropic' : 'openai';
const providers: Record<Provider, any> = {
  openai: createOpenAI({ baseURL: process.env.OPENAI_BASE_URL }),
  anthropic,
};
export function getModel(name: string, provider: Provider = defaultProvider) {
  return process.env.MODEL_NAME ? providers[provider](process.env.MODEL_NAME) : providers[provider](name);
}
`,
      },
      code: `import { generateText, embed } from 'ai';
import { getModel } from './ai';
await generateText({ model: getModel('gpt-4o-mini'), prompt: 'a' });
await generateText({ model: getModel('claude-3-5-haiku-latest', 'anthropic'), prompt: 'b' });`,
      calls: [{ line: 3, provider: 'openai', model: 'gpt-4o-mini' }, { line: 4, provider: 'anthropic', model: 'claude-3-5-haiku-latest' }],
    },
    {
      name: 'a per-tool model from an imported JSON config, through a config function and a provider switch',
      files: {
        'config.json': JSON.stringify({ env: { OPENAI_API_KEY: '' }, models: { gemini: { default: { model: 'gemini-2.5-flash', temperature: 0 }, tools: { finalizer: { model: 'gemini-2.5-flash-lite' }, coder: { temperature: 0.7 } } } } }, null, 2),
        'src/config.ts': `import { createGoogleGenerativeAI } from '@ai-sdk/google';
import configJson from '../config.json';
const LLM_PROVIDER = process.env.LLM_PROVIDER || 'gemini';
export function getToolConfig(toolName: string) {
  const providerConfig = (configJson.models as any)[LLM_PROVIDER];
  const overrides = providerConfig.tools[toolName];
  return { model: overrides.model ?? providerConfig.default.model };
}
export function getModel(toolName: string) {
  const config = getToolConfig(toolName);
  return createGoogleGenerativeAI({})(config.model);
}
`,
      },
      code: `import { generateText } from 'ai';
import { getModel } from './config';
await generateText({ model: getModel('finalizer'), prompt: 'a' });
await generateText({ model: getModel('coder'), prompt: 'b' });`,
      calls: [
        { line: 3, provider: 'google', model: 'gemini-2.5-flash-lite', modelSource: 'config' },
        { line: 4, provider: 'google', model: 'gemini-2.5-flash', modelSource: 'config' },
      ],
    },
    {
      name: 'a tool name known only at run time: the default comes first when fewer than half the tools override the model',
      files: {
        'config.json': JSON.stringify({ env: { OPENAI_API_KEY: 'sk-proj-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm' }, models: { gemini: { default: { model: 'gemini-2.5-flash', temperature: 0 }, tools: { agent: { temperature: 0.7 }, coder: { temperature: 0.7 }, evaluator: {}, finalizer: { model: 'gemini-2.5-flash-lite' } } } } }, null, 2),
        'src/config.ts': `import { createGoogleGenerativeAI } from '@ai-sdk/google';
import configJson from '../config.json';
export function getToolConfig(toolName: string) {
  const providerConfig = configJson.models.gemini;
  const overrides = (providerConfig.tools as any)[toolName];
  return { model: overrides.model ?? providerConfig.default.model };
}
export function getModel(toolName: string) {
  return createGoogleGenerativeAI({})(getToolConfig(toolName).model);
}
`,
      },
      code: `import { generateText } from 'ai';
import { getModel } from './config';
export async function run(tool: string, prompt: string) {
  return generateText({ model: getModel(tool), prompt });
}
export const finalize = (prompt: string) => generateText({ model: getModel('finalizer'), prompt });`,
      calls: [
        { line: 4, provider: 'google', model: 'gemini-2.5-flash', candidates: ['gemini-2.5-flash', 'gemini-2.5-flash-lite'] },
        { line: 6, provider: 'google', model: 'gemini-2.5-flash-lite', modelSource: 'config' },
      ],
    },
    {
      name: 'an option whose default is a model factory call, reassigned for a review step: the default first at the first request, the review model first at the request after the reassignment',
      files: { 'src/ai.ts': "import { openai } from '@ai-sdk/openai';\nimport { anthropic } from '@ai-sdk/anthropic';\nexport function getModel(name: string, provider = 'openai') {\n  return provider === 'anthropic' ? anthropic(name) : openai(name);\n}\n" },
      code: `import { generateText, type LanguageModel } from 'ai';
import { getModel } from './ai';
export async function complete({ prompt, model = getModel('gpt-4o-mini'), reviewModel = getModel('claude-3-5-sonnet-20240620', 'anthropic') }: { prompt: string; model?: LanguageModel; reviewModel?: LanguageModel }) {
  let currentModel = model;
  {
    const draft = await generateText({ model: currentModel, prompt });
    currentModel = reviewModel;
    prompt = 'Review this draft: ' + draft.text;
    return await generateText({ model: currentModel, prompt });
  }
}`,
      calls: [
        { line: 6, provider: 'openai', model: 'gpt-4o-mini', candidates: ['gpt-4o-mini', 'claude-3-5-sonnet-20240620'] },
        { line: 9, provider: 'anthropic', model: 'claude-3-5-sonnet-20240620', candidates: ['claude-3-5-sonnet-20240620', 'gpt-4o-mini'] },
      ],
    },
    {
      name: 'a helper option with a default: the default first (callers in modules not loaded are unknown), then what callers pass',
      code: `import { generateText, type LanguageModel } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function complete({ prompt, model = openai('gpt-4o-mini') }: { prompt: string; model?: LanguageModel }) {
  return generateText({ model, prompt });
}
export async function judge({ prompt, model = openai('gpt-4o-mini') }: { prompt: string; model?: LanguageModel }) {
  return generateText({ model, prompt });
}
await complete({ prompt: 'a' });
await complete({ prompt: 'b', model: openai('gpt-4o') });
await judge({ prompt: 'c', model: openai('o4-mini') });`,
      calls: [
        { line: 4, provider: 'openai', model: 'gpt-4o-mini', candidates: ['gpt-4o-mini', 'gpt-4o'] },
        { line: 7, provider: 'openai', model: 'gpt-4o-mini', candidates: ['gpt-4o-mini', 'o4-mini'] },
      ],
    },
    {
      name: 'a ternary between two provider calls: both candidates',
      code: `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
await generateText({ model: fast ? openai('gpt-4o-mini') : openai('gpt-4.1'), prompt: 'hi' });`,
      calls: [{ line: 3, provider: 'openai', model: 'gpt-4o-mini', candidates: ['gpt-4o-mini', 'gpt-4.1'] }],
    },
  ],
});

/** The app's constants of a chat app with one adapter per provider: per-provider lists, one list tagging each entry with its provider, a TTS list. */
const TAGGED_CONSTANTS = `export const REQUEST_TIMEOUT_MS = 60000;
export const DEFAULT_TTS_MODELS = ['tts-1', 'tts-1-hd'];
const openaiModels = ['gpt-3.5-turbo', 'gpt-4o-mini', 'gpt-4o'];
const anthropicModels = ['claude-3-5-haiku-20241022', 'claude-3-7-sonnet-20250219'];
const chatglmModels = ['glm-4-flash', 'glm-4-plus'];
const sparkModes = ['general', 'generalv3', '4.0Ultra'];
export const DEFAULT_MODELS = [
  ...openaiModels.map((name) => ({ name, available: true, provider: { id: 'openai', providerName: 'OpenAI' } })),
  ...anthropicModels.map((name) => ({ name, available: true, provider: { id: 'anthropic', providerName: 'Anthropic' } })),
  ...chatglmModels.map((name) => ({ name, available: true, provider: { id: 'chatglm', providerName: 'ChatGLM' } })),
  ...sparkModes.map((name) => ({ name, available: true, provider: { id: 'iflytek', providerName: 'Iflytek' } })),
] as const;
`;
/** The app's settings store: created with its default config, which the user's settings screen changes. */
const SETTINGS_STORE = `import { DEFAULT_MODELS } from '../constant';
export function createPersistStore<T extends object, M>(state: T, methods: (set: unknown, get: unknown) => M, options: { name: string }) {
  return { getState: () => ({ ...state, ...methods(undefined, undefined) }), options };
}
export const DEFAULT_CONFIG = {
  models: DEFAULT_MODELS,
  modelConfig: { model: 'gpt-4o-mini' as string, providerName: 'OpenAI', temperature: 0.5 },
};
export const useAppConfig = createPersistStore({ ...DEFAULT_CONFIG }, () => ({ reset() {} }), { name: 'app-config' });
`;
/** A provider adapter: the session's model laid over the store's defaults, posted by hand. */
const adapter = (url: string): string => `import { useAppConfig } from '../store/config';
import { REQUEST_TIMEOUT_MS } from '../constant';
export class Api {
  async chat(options: { config: { model: string }; messages: any[] }) {
    const modelConfig = {
      ...useAppConfig.getState().modelConfig,
      ...{ model: options.config.model },
    };
    const payload = { model: modelConfig.model, temperature: modelConfig.temperature, messages: options.messages };
    return fetch('${url}', { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  }
}`;

runAnalyzerTests('model resolution (HTTP by hand)', httpAnalyzer, {
  valid: [],
  invalid: [
    {
      name: "a VS Code setting holding the endpoint, read into a module's `let` when the settings change (ollama-autocoder): the request goes to the setting's default",
      files: { 'package.json': JSON.stringify({ name: 'ext', contributes: { configuration: { properties: { 'autocoder.endpoint': { type: 'string', default: 'http://localhost:11434/api/generate' }, 'autocoder.model': { type: 'string', default: 'qwen2.5-coder:latest' } } } } }, null, 2) },
      code: `import * as vscode from 'vscode';
import axios from 'axios';
let config: vscode.WorkspaceConfiguration;
let apiEndpoint: string;
let apiModel: string;
function updateConfig() {
  config = vscode.workspace.getConfiguration('autocoder');
  apiEndpoint = config.get('endpoint') || '';
  apiModel = config.get('model') || '';
}
updateConfig();
export async function complete(prompt: string) {
  return axios.post(apiEndpoint, { model: apiModel, prompt, stream: false, options: { num_predict: 128 } });
}`,
      calls: [{ line: 13, provider: 'ollama', endpoint: 'completion', model: 'qwen2.5-coder:latest', modelSource: 'user-choice' }],
    },
    {
      name: "an adapter named for its provider sends the model picked from the app's provider-tagged list, the settings store's default first",
      file: 'app/platforms/openai.ts',
      files: { 'app/constant.ts': TAGGED_CONSTANTS, 'app/store/config.ts': SETTINGS_STORE },
      code: adapter('https://api.openai.com/v1/chat/completions'),
      calls: [
        {
          line: 10,
          provider: 'openai',
          model: 'gpt-4o-mini',
          modelSource: 'user-choice',
          candidates: ['gpt-4o-mini', 'gpt-3.5-turbo', 'gpt-4o'],
          candidateWheres: ['app/store/config.ts:7', 'app/constant.ts:3', 'app/constant.ts:3'],
          evidenceIncludes: ["reads the app's settings store", 'its entries tagged openai'],
        },
      ],
    },
    {
      name: "another provider's adapter sends its own entries of the tagged list, not the store's default of another provider (a tag containing the file's name: glm in chatglm)",
      file: 'app/platforms/glm.ts',
      files: { 'app/constant.ts': TAGGED_CONSTANTS, 'app/store/config.ts': SETTINGS_STORE },
      code: adapter('https://open.bigmodel.cn/api/paas/v4/chat/completions'),
      calls: [{ line: 10, model: 'glm-4-flash', modelSource: 'user-choice', candidates: ['glm-4-flash', 'glm-4-plus'] }],
    },
    {
      name: "the layered session config handed to a payload builder: the store's default and the provider's entries, as when read in place",
      file: 'app/platforms/glm.ts',
      files: { 'app/constant.ts': TAGGED_CONSTANTS, 'app/store/config.ts': SETTINGS_STORE },
      code: `import { useAppConfig } from '../store/config';
import { REQUEST_TIMEOUT_MS } from '../constant';
export class ChatGLMApi {
  private createPayload(messages: any[], modelConfig: any) {
    return { model: modelConfig.model, temperature: modelConfig.temperature, messages };
  }
  async chat(options: { config: { model: string }; messages: any[] }) {
    const modelConfig = { ...useAppConfig.getState().modelConfig, ...{ model: options.config.model } };
    const payload = this.createPayload(options.messages, modelConfig);
    return fetch('https://open.bigmodel.cn/api/paas/v4/chat/completions', { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  }
}`,
      calls: [{ line: 10, model: 'glm-4-flash', modelSource: 'user-choice', candidates: ['glm-4-flash', 'glm-4-plus'] }],
    },
    {
      name: 'the entries of a tagged list are model ids whatever they look like (a provider whose ids are plain words), under a list name that does not say models',
      file: 'app/platforms/iflytek.ts',
      files: { 'app/constant.ts': TAGGED_CONSTANTS, 'app/store/config.ts': SETTINGS_STORE },
      code: adapter('https://spark-api-open.xf-yun.com/v1/chat/completions'),
      calls: [{ line: 10, model: 'general', modelSource: 'user-choice', candidates: ['general', 'generalv3', '4.0Ultra'] }],
    },
    {
      name: "a zustand store (create()(persist(creator))) read by getState(): the state it is created with is the default, the settings' list the candidates, a TTS list not",
      files: {
        'src/models.ts': "export const DEFAULT_TTS_MODELS = ['tts-1', 'tts-1-hd'];\nexport const chatModels = ['gpt-4.1-mini', 'gpt-4.1', 'o4-mini'];\n",
        'src/settings.ts': `import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { chatModels } from './models';
export const useSettings = create<{ model: string; models: string[] }>()(
  persist((set) => ({ model: 'gpt-4.1' as string, models: chatModels }), { name: 'settings' }),
);
`,
      },
      code: `import { useSettings } from './settings';
export async function ask(text: string) {
  const { model } = useSettings.getState();
  return fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model, messages: [{ role: 'user', content: text }] }) });
}`,
      calls: [{ line: 4, model: 'gpt-4.1', modelSource: 'user-choice', candidates: ['gpt-4.1', 'gpt-4.1-mini', 'o4-mini'], candidateWheres: ['src/settings.ts:5', 'src/models.ts:2', 'src/models.ts:2'] }],
    },
  ],
});
