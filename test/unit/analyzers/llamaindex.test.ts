import { llamaindexAnalyzer } from '../../../src/analyzers/llamaindex';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('llamaindex analyzer', llamaindexAnalyzer, {
  valid: [
    { name: 'making an agent and an LLM with the factories is no request; run() on other objects is none', code: `import { openai } from '@llamaindex/openai';
import { agent } from '@llamaindex/workflow';
export const helper = agent({ llm: openai({ model: 'gpt-4o-mini' }), tools: [] });
const job = { run: (task: string) => task };
job.run('nightly');` },
    { name: 'constructors, asRetriever, asChatEngine / asQueryEngine themselves and fromDocuments([]) make no request', code: `import { ContextChatEngine, OpenAI, Settings, VectorStoreIndex } from 'llamaindex';
Settings.llm = new OpenAI({ model: 'gpt-4o-mini' });
const index = await VectorStoreIndex.fromDocuments([]);
const retriever = index.asRetriever({ similarityTopK: 3 });
export const engine = new ContextChatEngine({ retriever });
export const chatEngine = index.asChatEngine();
export const queryEngine = index.asQueryEngine();` },
    { name: 'chat and query on objects that are no LlamaIndex engine or LLM', code: `import OpenAI from 'openai';
import { Pool } from 'pg';
const pool = new Pool();
await pool.query('select 1');
const client = new OpenAI();
export const socket = { chat: (text: string) => text };
socket.chat('hi');
const store = { fromDocuments: (docs: string[]) => docs };
store.fromDocuments(['a']);` },
    { name: "a chatWithTools or agent of the app's own (not LlamaIndex's) is no request", code: `import { chatWithTools, agent } from './local';
export const picked = () => chatWithTools({}, [], []);
export const made = () => agent({ tools: [] });` },
    { name: 'fromDocuments of another index class (LlamaCloud ingests on its side)', code: `import { LlamaCloudIndex } from 'llamaindex/cloud/LlamaCloudIndex';
export const ensure = (documents: any[]) => LlamaCloudIndex.fromDocuments({ documents, name: 'p', projectName: 'x' });` },
  ],
  invalid: [
    {
      name: "a workflow agent made with agent() and an LLM factory, run with a question: tool use, several requests per run",
      code: `import { openai } from '@llamaindex/openai';
import { agent, tool } from '@llamaindex/workflow';
import { z } from 'zod';
const getWeather = tool({ name: 'getWeather', description: 'Weather for a city', parameters: z.object({ city: z.string() }), execute: ({ city }) => city });
export async function main() {
  const weatherAgent = agent({
    llm: openai({ model: 'gpt-4o-mini', temperature: 0 }),
    systemPrompt: 'You are a helpful assistant. Be as concise as possible.',
    tools: [getWeather],
  });
  const response = await weatherAgent.run('What is the weather in San Francisco?');
  return response.data.result;
}`,
      calls: [{ line: 11, method: 'agent.run', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', features: { tools: true, multiStep: true }, toolNames: ['getWeather'], promptIncludes: ['Be as concise as possible', 'What is the weather in San Francisco?'] }],
    },
    {
      name: 'an agent class with no llm of its own answers with Settings.llm; with no tools it makes one request',
      code: `import { Anthropic, OpenAIAgent, Settings } from 'llamaindex';
Settings.llm = new Anthropic({ model: 'claude-3-5-haiku-latest' });
const agent = new OpenAIAgent({ tools: [] });
export const answer = (message: string) => agent.chat({ message });`,
      calls: [{ line: 4, method: 'agent.chat', provider: 'anthropic', model: 'claude-3-5-haiku-latest', features: { tools: false, multiStep: false } }],
    },
    {
      name: "@vectorstores (LlamaIndex's index core on its own): an index built with an AI SDK embedding model (`embedFunc: vercelEmbedding(cohere.embedding(...))`), and its retriever's query kept in a map",
      code: `import { VectorStoreIndex } from '@vectorstores/core';
import { vercelEmbedding } from '@vectorstores/vercel';
import { cohere } from '@ai-sdk/cohere';
async function createRetriever(documents: any[]) {
  const index = await VectorStoreIndex.fromDocuments(documents, {
    embedFunc: vercelEmbedding(cohere.embedding('embed-v4.0')),
  });
  return index.asRetriever({ similarityTopK: 10 });
}
const retrievers = new Map<string, any>();
export async function add(url: string, documents: any[]) {
  const retriever = await createRetriever(documents);
  retrievers.set(url, retriever);
}
export async function search(url: string, query: string) {
  const retriever = retrievers.get(url);
  return retriever.retrieve({ query });
}`,
      calls: [
        { line: 5, method: 'VectorStoreIndex.fromDocuments', provider: 'cohere', endpoint: 'embedding', model: 'embed-v4.0' },
        { line: 17, method: 'retriever.retrieve', provider: 'cohere', endpoint: 'embedding', model: 'embed-v4.0', promptIncludes: ['{{query}}'] },
      ],
    },
    {
      name: 'an LLM class: chat and complete, model from the options, provider from the class',
      code: `import { OpenAI, Anthropic } from 'llamaindex';
import { Ollama } from '@llamaindex/ollama';
const llm = new OpenAI({ model: 'gpt-4o-mini', maxTokens: 300 });
export const answer = (question: string) => llm.chat({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: question }], stream: true });
const claude = new Anthropic({ model: 'claude-3-5-sonnet' });
export const finish = (text: string) => claude.complete({ prompt: \`Continue: \${text}\` });
const local = new Ollama({ model: 'llama3.1' });
local.chat({ messages: [] });`,
      calls: [
        { line: 4, method: 'llm.chat', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', maxOutputTokens: 300, features: { streaming: true }, promptIncludes: ['Be brief.'] },
        { line: 6, method: 'llm.complete', provider: 'anthropic', endpoint: 'completion', model: 'claude-3-5-sonnet', promptIncludes: ['Continue: '] },
        { line: 8, provider: 'ollama', model: 'llama3.1' },
      ],
    },
    {
      name: 'engines: an index query engine and chat engines answer with Settings.llm, else the library default; the query embedding is in evidence',
      code: `import { ContextChatEngine, OpenAI, Settings, SimpleChatEngine, VectorStoreIndex, type Document } from 'llamaindex';
Settings.llm = new OpenAI({ model: 'gpt-4o-mini' });
export async function ask(documents: Document[], question: string) {
  const index = await VectorStoreIndex.fromDocuments(documents);
  const queryEngine = index.asQueryEngine();
  const answer = await queryEngine.query({ query: question });
  const engine = new ContextChatEngine({ retriever: index.asRetriever() });
  await engine.chat({ message: question, stream: true });
  const plain = new SimpleChatEngine({ llm: new OpenAI({ model: 'gpt-4.1' }) });
  return plain.chat({ message: \`Summarize: \${answer}\` });
}`,
      calls: [
        { line: 4, method: 'VectorStoreIndex.fromDocuments', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-ada-002', modelSource: 'default-param', evidenceIncludes: ['an embedding request per chunk', 'library default'] },
        { line: 6, method: 'queryEngine.query', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', evidenceIncludes: ["embeds the user's message"], holeKinds: ['rag-context', 'interpolation'] },
        { line: 8, method: 'chatEngine.chat', model: 'gpt-4o-mini', features: { streaming: true }, evidenceIncludes: ['Settings.llm'] },
        { line: 10, method: 'chatEngine.chat', model: 'gpt-4.1', promptIncludes: ['Summarize: '] },
      ],
    },
    {
      name: 'an engine built in another module inside Settings.withLLM answers with the scoped LLM; with no LLM anywhere, the library default',
      files: {
        'src/engine.ts': `import { ContextChatEngine, Settings, type BaseRetriever } from 'llamaindex';
export async function createChatEngine(retriever: BaseRetriever) {
  if (!retriever) throw new Error('no retriever');
  return new ContextChatEngine({ chatModel: Settings.llm, retriever });
}`,
      },
      code: `import { OpenAI, Settings, VectorStoreIndex, Document } from 'llamaindex';
import { createChatEngine } from './engine';
export async function POST(request: Request) {
  const { message, retriever } = await request.json();
  const llm = new OpenAI({ model: 'gpt-4o', temperature: 0 });
  const chatEngine = await Settings.withLLM(llm, async () => {
    return await createChatEngine(retriever);
  });
  return chatEngine.chat({ message, stream: true });
}
export async function search(text: string) {
  const index = await VectorStoreIndex.fromDocuments([new Document({ text })]);
  return index.asChatEngine().chat({ message: 'What is it about?' });
}`,
      calls: [
        { line: 9, method: 'chatEngine.chat', provider: 'openai', model: 'gpt-4o', features: { streaming: true }, evidenceIncludes: ['new ContextChatEngine', 'engine.ts'] },
        { line: 12, endpoint: 'embedding', model: 'text-embedding-ada-002' },
        { line: 13, method: 'chatEngine.chat', provider: 'openai', model: 'gpt-4o', modelSource: 'default-param', evidenceIncludes: ["LlamaIndex's default"] },
      ],
    },
    {
      name: "a LlamaIndex server workflow (create-llama's templates): Settings.llm held in a local, chatWithTools, an agent handed to the server, a retriever over an index loaded elsewhere",
      files: {
        'src/app/data.ts': `import { VectorStoreIndex, storageContextFromDefaults } from 'llamaindex';
export async function getIndex() {
  const storageContext = await storageContextFromDefaults({ persistDir: 'storage' });
  return await VectorStoreIndex.init({ storageContext });
}`,
      },
      code: `import { Settings, chatWithTools, type ToolCallLLM } from 'llamaindex';
import { agent } from '@llamaindex/workflow';
import { getIndex } from './data';
export const workflowFactory = async () => {
  const index = await getIndex();
  const retriever = index.asRetriever({ similarityTopK: 10 });
  const llm = Settings.llm as ToolCallLLM;
  const nodes = await retriever.retrieve({ query: 'What changed?' });
  const plan = await llm.complete({ prompt: 'Plan the next step for: What changed?' });
  const picked = await chatWithTools(llm, [index.queryTool({ metadata: { name: 'query_document', description: 'docs' } })], [{ role: 'user', content: 'Look it up' }]);
  return agent({ tools: [index.queryTool({ metadata: { name: 'query_document', description: 'docs' } })] });
};`,
      calls: [
        { line: 8, method: 'retriever.retrieve', endpoint: 'embedding', model: 'text-embedding-ada-002', evidenceIncludes: ["the app's index"] },
        { line: 9, method: 'llm.complete', provider: 'openai', model: 'gpt-4o', promptIncludes: ['Plan the next step'] },
        { line: 10, method: 'chatWithTools', provider: 'openai', model: 'gpt-4o', features: { tools: true }, promptIncludes: ['Look it up'] },
        { line: 11, method: 'agent.run', provider: 'openai', features: { tools: true, multiStep: true }, evidenceIncludes: ['handed on'] },
      ],
    },
    {
      name: "@llamaindex/server's generateEventComponent(schema, llm) has the LLM it is handed write a UI component",
      code: `import { generateEventComponent } from '@llamaindex/server';
import { OpenAI } from '@llamaindex/openai';
import { z } from 'zod';
const llm = new OpenAI({ model: 'gpt-4.1' });
export const code = await generateEventComponent(z.object({ type: z.literal('ui_event') }), llm);`,
      calls: [{ line: 5, method: 'generateEventComponent', provider: 'openai', model: 'gpt-4.1', endpoint: 'chat' }],
    },
  ],
});
