import { anthropicAnalyzer } from '../../../src/analyzers/anthropic';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('anthropic analyzer', anthropicAnalyzer, {
  valid: [
    {
      name: "a test's own stand-in class with the Messages shape and a Claude model (voyager-ai-travel's MockAnthropicClient)",
      files: { 'src/mockAnthropicClient.ts': "export class MockAnthropicClient {\n  messages = { stream: (_params: unknown) => ({ finalMessage: async () => ({ content: [] }) }) };\n}\n" },
      code: `import { MockAnthropicClient } from './mockAnthropicClient';
export async function scripted() {
  const client = new MockAnthropicClient();
  return client.messages.stream({ model: 'claude-sonnet-4-20250514', max_tokens: 1024, messages: [{ role: 'user', content: 'Plan a trip to SF' }] }).finalMessage();
}`,
    },
    { name: 'an events.send() of something else in a module that loads the SDK', code: `import Anthropic from '@anthropic-ai/sdk';\nexport const client = new Anthropic();\nexport const notify = (bus: any, id: string) => bus.beta.sessions.events.send(id, { events: [{ type: 'user.message', content: 'hi' }] });` },
    { name: 'a subpath import: listing models and counting tokens send no prompt', code: `import { Anthropic } from '@anthropic-ai/sdk/index.mjs';\nconst claude = new Anthropic();\nawait claude.models.list();\nawait claude.messages.countTokens({ model: 'claude-sonnet-4-5', messages: [] });` },
    { name: 'Twilio messages.create is not an LLM call', code: `import twilio from 'twilio';\nconst client = twilio(sid, token);\nclient.messages.create({ body: 'Your code is 1234', from: '+1555', to: phone });` },
    { name: 'an untraced messages.create without a Claude model', code: `export function send(chat: any, text: string) {\n  return chat.messages.create({ channel: 'general', text });\n}` },
    { name: 'OpenAI assistants thread messages', code: `import OpenAI from 'openai';\nconst openai = new OpenAI();\nopenai.beta.threads.messages.create(threadId, { role: 'user', content: 'hi' });` },
    { name: 'countTokens is free and not reported', code: `import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic();\nawait anthropic.messages.countTokens({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'hi' }] });` },
    { name: 'listing models sends no prompt', code: `import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic();\nawait anthropic.models.list();\nawait anthropic.messages.batches.retrieve('batch_1');` },
    { name: 'a type-only import and a comment', code: `import type Anthropic from '@anthropic-ai/sdk';\n// anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 5, messages: [] })\nexport type Msg = Anthropic.MessageParam;\nconst doc = "client.messages.create({ model: 'claude-3-opus' })";` },
    { name: 'OpenAI completions on an OpenAI client', code: `import OpenAI from 'openai';\nconst client = new OpenAI();\nclient.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'x', max_tokens: 5 });` },
    { name: 'an untraced messages.create without max_tokens in a module that loads the SDK', code: `const Anthropic = require('@anthropic-ai/sdk');\nexport const claude = new Anthropic();\nexport function notify(sms: any, to: string) {\n  return sms.messages.create({ body: 'Your summary is ready', to });\n}` },
  ],
  invalid: [
    {
      name: "a client handed in with the model (`const { client, model } = deps`) asked in the Messages API's own shape (max_tokens, a top-level system, messages): Anthropic's, though nothing in the file loads the SDK",
      code: `const SYSTEM_PROMPT = 'You build report definitions.';
export const runAgentTurn = async (userMessage, deps) => {
  const { client, model } = deps;
  return client.messages.create({ model, max_tokens: 4000, system: SYSTEM_PROMPT, messages: [{ role: 'user', content: userMessage }] });
};`,
      file: 'src/agent.js',
      calls: [{ line: 4, method: 'messages.create', provider: 'anthropic', endpoint: 'chat', evidenceIncludes: ["matched by the Messages API's shape"] }],
    },
    {
      name: 'a user message sent into a Managed Agents session: the model is the agent\'s, set where the agent was made',
      code: `import Anthropic from '@anthropic-ai/sdk';
export async function ask(apiKey: string, agentId: string, environmentId: string, message: string) {
  const client = new Anthropic({ apiKey });
  const session = await client.beta.sessions.create({ agent: agentId, environment_id: environmentId });
  await client.beta.sessions.events.send(session.id, { events: [{ type: 'user.message', content: [{ type: 'text', text: 'Review this pull request: ' + message }] }] });
}`,
      calls: [{ line: 5, method: 'beta.sessions.events.send', provider: 'anthropic', endpoint: 'chat', model: null, promptIncludes: ['Review this pull request'], evidenceIncludes: ['a user message sent into a Managed Agents session'] }],
    },
    {
      name: "a model field of the app's settings that nothing on the request's path sets: the app's default settings give it (a guess); one naming another vendor's model is not taken; a bare `model` field is not looked up",
      files: {
        'src/shared/defaults.ts': `export const settingKeys = { claudeModel: 1, openaiModel: 1 };\nexport function settings() {\n  return {\n    model: 'gpt-4o-mini',\n    claudeModel: 'claude-3-5-sonnet-20241022',\n    openaiModel: 'gpt-4o',\n  };\n}\n`,
      },
      code: `import Anthropic from '@anthropic-ai/sdk';
interface Options { claudeModel: string; openaiModel: string; model: string }
export class Claude {
  client = new Anthropic();
  constructor(private options: Options) {}
  ask(text: string) { return this.client.messages.create({ model: this.options.claudeModel, max_tokens: 100, messages: [{ role: 'user', content: text }] }); }
  mixedUp(text: string) { return this.client.messages.create({ model: this.options.openaiModel, max_tokens: 100, messages: [{ role: 'user', content: text }] }); }
  generic(text: string) { return this.client.messages.create({ model: this.options.model, max_tokens: 100, messages: [{ role: 'user', content: text }] }); }
}`,
      calls: [
        { line: 6, model: 'claude-3-5-sonnet-20241022', modelSource: 'config', evidenceIncludes: ["the app's default settings give it (settings() at src/shared/defaults.ts:5)"] },
        { line: 7, model: null, evidenceIncludes: ["the app's default settings give gpt-4o, which anthropic does not serve"] },
        { line: 8, model: null },
      ],
    },
    {
      name: "a client's messages.create kept in a constant and forwarded with .call by a wrapper the app installs",
      code: `import Anthropic from '@anthropic-ai/sdk';
export function withAudit(anthropic: Anthropic, log: (x: unknown) => void) {
  const send = anthropic.messages.create;
  anthropic.messages.create = ((params: Anthropic.MessageCreateParams) => {
    log(params);
    return send.call(anthropic.messages, { ...params, max_tokens: 1024 });
  }) as typeof send;
  return anthropic;
}`,
      calls: [{ line: 6, method: 'messages.create', provider: 'anthropic', model: null, maxOutputTokens: 1024 }],
    },
    {
      name: 'a helper taking the client as a parameter, in a module that requires the SDK (max_tokens is the shape)',
      code: `const Anthropic = require('@anthropic-ai/sdk');
async function toolLoopComplete(client: any, model: string, maxTokens: number, messages: any[]) {
  const response = await client.messages.create({
    model,
    max_tokens: maxTokens,
    system: 'You are a helpful assistant that can use tools.',
    messages,
  });
  return response;
}
module.exports = { toolLoopComplete, Anthropic };`,
      calls: [{ line: 3, provider: 'anthropic', method: 'messages.create', model: null, promptIncludes: ['helpful assistant'] }],
    },
    {
      name: 'SDK imported through a subpath (index.mjs) and a client passed to a constructor',
      code: `import Anthropic from '@anthropic-ai/sdk/index.mjs';
export class Reviewer {
  constructor(private readonly anthropic: Anthropic) {}
  review(diff: string) {
    return this.anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 400, messages: [{ role: 'user', content: diff }] });
  }
}`,
      calls: [{ line: 5, provider: 'anthropic', model: 'claude-sonnet-4-5', maxOutputTokens: 400 }],
    },
    {
      name: 'system prompt, required max_tokens and a user template',
      code: `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export async function classify(ticket: string) {
  const response = await anthropic.messages.create({
    model: 'claude-3-5-haiku-20241022',
    max_tokens: 16,
    system: 'Classify the support ticket as billing, bug or other. Answer with one word.',
    messages: [{ role: 'user', content: \`Ticket: \${ticket}\` }],
  });
  return response.content;
}`,
      calls: [{ line: 4, column: 26, method: 'messages.create', provider: 'anthropic', endpoint: 'chat', model: 'claude-3-5-haiku-20241022', modelSource: 'literal', maxOutputTokens: 16, promptIncludes: ['Classify the support ticket', 'Ticket: {{ticket}}'], holeKinds: ['interpolation'], features: { streaming: false, tools: false, vision: false } }],
    },
    {
      name: 'a stream read whole with finalMessage() streams on the wire only: nobody reads its tokens as they come',
      code: `import Anthropic from '@anthropic-ai/sdk';
const claude = new Anthropic();
export const whole = () => claude.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 64000, messages: [] }).finalMessage();
export const live = () => claude.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [] });`,
      calls: [
        { line: 3, method: 'messages.stream', features: { streaming: false } },
        { line: 4, method: 'messages.stream', features: { streaming: true } },
      ],
    },
    {
      name: "the SDK's own ANTHROPIC_BASE_URL set in the workspace: the first-party client sends there, the Bedrock client stays on Bedrock",
      files: { '.env.example': 'ANTHROPIC_BASE_URL=https://openrouter.ai/api\n' },
      code: `import Anthropic from '@anthropic-ai/sdk';
import { AnthropicBedrock } from '@anthropic-ai/bedrock-sdk';
const claude = new Anthropic();
const bedrock = new AnthropicBedrock();
claude.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [] });
bedrock.messages.create({ model: 'anthropic.claude-3-5-haiku-20241022-v1:0', max_tokens: 64, messages: [] });`,
      calls: [
        { line: 5, provider: 'openrouter' },
        { line: 6, provider: 'aws-bedrock' },
      ],
    },
    {
      name: 'named import, client imported from another module, model constant there',
      files: { 'src/llm.ts': `import { Anthropic } from '@anthropic-ai/sdk';\nexport const claude = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\nexport const MODEL = process.env.CLAUDE_MODEL ?? 'claude-sonnet-4-5';\n` },
      code: `import { claude, MODEL } from './llm';\nexport const run = (q: string) => claude.messages.create({ model: MODEL, max_tokens: 1024, messages: [{ role: 'user', content: q }] });`,
      calls: [{ line: 2, provider: 'anthropic', model: 'claude-sonnet-4-5', modelSource: 'env-default', maxOutputTokens: 1024 }],
    },
    {
      name: 'messages.stream, tools and an image block; system as text blocks',
      code: `import Anthropic from '@anthropic-ai/sdk';
const client = new Anthropic();
const stream = client.messages.stream({
  model: 'claude-opus-4-1',
  max_tokens: 2048,
  system: [{ type: 'text', text: 'You describe receipts.', cache_control: { type: 'ephemeral' } }],
  tools: [{ name: 'record_expense', description: 'Save it', input_schema: { type: 'object', properties: {} } }],
  messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: receipt } }, { type: 'text', text: 'What was bought?' }] }],
});`,
      calls: [{ line: 3, method: 'messages.stream', model: 'claude-opus-4-1', features: { streaming: true, tools: true, vision: true }, toolNames: ['record_expense'], promptIncludes: ['You describe receipts.', 'What was bought?'] }],
    },
    {
      name: 'stream: true flag on create, client held in a class field',
      code: `import Anthropic from '@anthropic-ai/sdk';
export class Assistant {
  private readonly anthropic = new Anthropic();
  reply(history: Anthropic.MessageParam[]) {
    return this.anthropic.messages.create({ model: 'claude-3-7-sonnet-latest', max_tokens: 800, stream: true, messages: history });
  }
}`,
      calls: [{ line: 5, features: { streaming: true }, model: 'claude-3-7-sonnet-latest', holeKinds: ['history'] }],
    },
    {
      name: 'Bedrock and Vertex flavours report the cloud that bills',
      code: `import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import { AnthropicVertex } from '@anthropic-ai/vertex-sdk';
const bedrock = new AnthropicBedrock({ awsRegion: 'us-east-1' });
const vertex = new AnthropicVertex({ region: 'us-east5', projectId: 'p' });
bedrock.messages.create({ model: 'anthropic.claude-3-5-sonnet-20241022-v2:0', max_tokens: 300, messages: [{ role: 'user', content: 'hi' }] });
vertex.messages.create({ model: 'claude-3-5-sonnet-v2@20241022', max_tokens: 300, messages: [{ role: 'user', content: 'hi' }] });`,
      calls: [
        { line: 5, provider: 'aws-bedrock', model: 'anthropic.claude-3-5-sonnet-20241022-v2:0' },
        { line: 6, provider: 'google-vertex', model: 'claude-3-5-sonnet-v2@20241022' },
      ],
    },
    {
      name: 'beta messages, legacy completions and a batch',
      code: `const Anthropic = require('@anthropic-ai/sdk');
const anthropic = new Anthropic();
anthropic.beta.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, betas: ['output-128k-2025-02-19'], output_format: { type: 'json_schema', schema }, messages: [] });
anthropic.completions.create({ model: 'claude-2.1', max_tokens_to_sample: 300, prompt: \`\\n\\nHuman: \${question}\\n\\nAssistant:\` });
anthropic.messages.batches.create({ requests: [{ custom_id: 'a', params: { model: 'claude-3-5-haiku-latest', max_tokens: 100, messages: [{ role: 'user', content: 'Summarize' }] } }] });`,
      calls: [
        { line: 3, method: 'beta.messages.create', model: 'claude-sonnet-4-5', features: { structuredOutput: true } },
        { line: 4, method: 'completions.create', endpoint: 'completion', model: 'claude-2.1', maxOutputTokens: 300, promptIncludes: ['Human: {{question}}'] },
        { line: 5, method: 'messages.batches.create', endpoint: 'batch', model: 'claude-3-5-haiku-latest', maxOutputTokens: 100, promptIncludes: ['Summarize'] },
      ],
    },
    {
      name: 'a factory function and a dynamic model parameter',
      code: `import Anthropic from '@anthropic-ai/sdk';
function getClient() { return new Anthropic({ maxRetries: 3 }); }
export async function ask(model: string, prompt: string) {
  return getClient().messages.create({ model, max_tokens: 256, messages: [{ role: 'user', content: prompt }] });
}`,
      calls: [{ line: 4, provider: 'anthropic', model: null, modelSource: 'dynamic' }],
    },
    {
      name: 'an optional image in a conditional, text parts from a local array (shared prompt reading)',
      code: `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export function ask(question: string, photo?: string) {
  const parts = [{ type: 'text' as const, text: \`Question: \${question}\` }];
  return anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 300, messages: [{ role: 'user', content: photo ? [{ type: 'image', source: { type: 'url', url: photo } }, ...parts] : parts }] });
}`,
      calls: [{ line: 5, model: 'claude-haiku-4-5', features: { vision: true }, promptIncludes: ['Question: {{question}}'], holeKinds: ['image', 'interpolation'] }],
    },
    {
      name: 'model from an enum member in another module (shared resolveString)',
      files: { 'src/models.ts': `export enum ClaudeModel {\n  Fast = 'claude-haiku-4-5',\n  Smart = 'claude-opus-4-1',\n}\n` },
      code: `import Anthropic from '@anthropic-ai/sdk';\nimport { ClaudeModel } from './models';\nconst anthropic = new Anthropic();\nanthropic.messages.create({ model: ClaudeModel.Smart, max_tokens: 100, messages: [] });`,
      calls: [{ line: 4, model: 'claude-opus-4-1', modelSource: 'import' }],
    },
    {
      name: 'an untraced receiver is reported on a Claude model, with evidence',
      code: `export async function run(deps: { llm: any }, text: string) {\n  return deps.llm.messages.create({ model: 'claude-3-haiku-20240307', max_tokens: 50, messages: [{ role: 'user', content: text }] });\n}`,
      calls: [{ line: 2, provider: 'anthropic', model: 'claude-3-haiku-20240307' }],
    },
  ],
});
