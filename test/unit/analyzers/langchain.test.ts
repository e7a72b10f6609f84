import { langchainAnalyzer } from '../../../src/analyzers/langchain';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('langchain analyzer', langchainAnalyzer, {
  valid: [
    { name: "a search on a field declared as the app's own store type", code: `import type { VectorStore } from './search';\nexport class Finder {\n  constructor(private store: VectorStore) {}\n  find(q: string) { return this.store.similaritySearch(q, 3); }\n}`, files: { 'src/search.ts': `export interface VectorStore { similaritySearch(q: string, k: number): Promise<string[]> }\n` } },
    { name: "invoke on what a package function built from a model, and on an app function's result given no model", code: `import { ChatOpenAI } from '@langchain/openai';\nimport { makeThing } from 'some-package';\nconst model = new ChatOpenAI({ model: 'gpt-4o-mini' });\nfunction makeQueue(name: string) { return { invoke: (x: unknown) => x, name }; }\nexport const a = makeThing(model).invoke('x');\nexport const b = makeQueue('jobs').invoke('y');` },
    { name: 'store look-alikes: a non-LangChain fromDocuments, a store without an embeddings model, Array.from', code: `import { VectorIndex } from './search';\nimport { MemoryVectorStore } from 'langchain/vectorstores/memory';\nVectorIndex.fromDocuments(docs, { dims: 3 });\nconst store = await MemoryVectorStore.fromDocuments(docs, fakeEmbeddings);\nArray.from([1, 2]);\nexport const r = (db: any) => db.asRetriever();` },
    { name: 'a comment and a string naming the API', code: `// await llm.invoke('hello')\nexport const doc = "new ChatOpenAI({ model: 'gpt-4o' }).invoke('hi')";` },
    { name: 'a model that is built but never invoked', code: `import { ChatOpenAI } from '@langchain/openai';\nexport const llm = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 });\nexport const structured = llm.withStructuredOutput(schema);` },
    { name: 'invoke on things that are not LangChain models', code: `import { Lambda } from '@aws-sdk/client-lambda';\nconst lambda = new Lambda({});\nawait lambda.invoke({ FunctionName: 'f' });\nconst handler = { invoke: (x: string) => x };\nhandler.invoke('hi');\nfn.call(null, 1);` },
    { name: 'a prompt template formatted locally sends nothing', code: `import { ChatPromptTemplate } from '@langchain/core/prompts';\nconst prompt = ChatPromptTemplate.fromMessages([['system', 'Be nice'], ['human', '{input}']]);\nawait prompt.invoke({ input: 'hi' });\nawait prompt.format({ input: 'hi' });` },
    { name: "a parameter typed by the app's own model interface of the same name, declared in a module of the app", code: `import { BaseChatModel } from './types';\nexport function ask(model: BaseChatModel) { return model.invoke('hello'); }`, files: { 'src/types.ts': `export interface BaseChatModel { invoke(s: string): Promise<string> }\n` } },
    { name: 'a ChatOpenAI class of another package', code: `import { ChatOpenAI } from './my-fake';\nconst m = new ChatOpenAI({ model: 'gpt-4o' });\nm.invoke('hello');`, files: { 'src/my-fake.ts': `export class ChatOpenAI { constructor(public o: unknown) {} invoke(s: string) { return s; } }\n` } },
    { name: 'embedQuery is not called on a chat model, invoke not on embeddings', code: `import { OpenAIEmbeddings } from '@langchain/openai';\nconst embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small' });\nembeddings.invoke?.('x');` },
  ],
  invalid: [
    {
      name: "a field declared as a union of LangChain's model interface and the app's own type is a LangChain model where the code runs it the LangChain way",
      code: `import type { BaseLanguageModelInterface } from '@langchain/core/language_models/base';
import type { AppModel } from './types';
export class LlmService {
  constructor(private model: BaseLanguageModelInterface | AppModel) {}
  async answer(prompt: string) {
    return (this.model as BaseLanguageModelInterface).invoke(prompt);
  }
}`,
      calls: [{ line: 6, method: 'invoke', provider: 'unknown', endpoint: 'chat', promptIncludes: ['{{prompt}}'] }],
    },
    {
      name: 'a model made from a class a field holds, cast where it is made (`new (this.llmClass as typeof ChatOpenAI)(config)`), run through a cast receiver',
      code: `import { ChatOpenAI } from '@langchain/openai';
export class Provider {
  llmClass: any = ChatOpenAI;
  async getLLM(modelName: string) {
    const llm = new (this.llmClass as typeof ChatOpenAI)({ modelName, temperature: 0.7 });
    return llm;
  }
  async generate(prompt: string, modelName: string) {
    const llm = await this.getLLM(modelName);
    return (llm as any as ChatOpenAI).invoke(prompt);
  }
}`,
      calls: [{ line: 10, method: 'invoke', provider: 'openai', endpoint: 'chat', promptIncludes: ['{{prompt}}'] }],
    },
    {
      name: "an agent whose model the app's factory method makes per provider type (`this.createClient(model)`), priced as the default branch's",
      code: `import { ChatOpenAI } from '@langchain/openai';\nimport { ChatAnthropic } from '@langchain/anthropic';\nimport { createAgent, HumanMessage } from 'langchain';\nexport class SearchGraph {\n  constructor(private options: { type: string; apiKey: string }, private model: string) {}\n  createClient(model?: string) {\n    switch (this.options.type) {\n      case 'anthropic':\n        return new ChatAnthropic({ model: model ?? this.model, anthropicApiKey: this.options.apiKey });\n      case 'openai':\n      default:\n        return new ChatOpenAI({ model: model ?? 'gpt-4o-mini', openAIApiKey: this.options.apiKey });\n    }\n  }\n  async rewrite(topic: string) {\n    const agent = createAgent({ model: this.createClient(), tools: [] });\n    return agent.invoke({ messages: [new HumanMessage(\`Rewrite as a search query: \${topic}\`)] });\n  }\n}`,
      calls: [{ line: 17, provider: 'openai', model: 'gpt-4o-mini', evidenceIncludes: ['makes by default (line 12), of 2 it can return'] }],
    },
    {
      name: "a model the app's factory makes, typed `ReturnType<typeof import('./factory').model_factory.create_model>` on a field and `ReturnType<typeof makeModel>` on a parameter: the class the factory is declared to return",
      code: `import { makeModel } from './factory';
export class Planner {
  private model: ReturnType<typeof import('./factory').model_factory.create_model>;
  constructor(model: ReturnType<typeof import('./factory').model_factory.create_model>) { this.model = model; }
  plan(goal: string) { return this.model.invoke(\`Plan the steps for: \${goal}\`); }
}
export function summarize(model: ReturnType<typeof makeModel>, text: string) { return model.invoke(\`Summarize: \${text}\`); }`,
      files: { 'src/factory.ts': `import { ChatXAI } from '@langchain/xai';\nexport class model_factory {\n  static create_model(options: Record<string, unknown> = {}): ChatXAI { return new ChatXAI({ model: 'grok-3-mini', ...options }); }\n}\nexport async function makeModel(): Promise<ChatXAI> { return new ChatXAI({ model: 'grok-3-mini' }); }\n` },
      calls: [
        { line: 5, method: 'invoke', provider: 'xai', endpoint: 'chat', promptIncludes: ['Plan the steps for'] },
        { line: 7, method: 'invoke', provider: 'xai', endpoint: 'chat', promptIncludes: ['Summarize:'] },
      ],
    },
    {
      name: "a model or embeddings instance the app is handed, held in fields declared with LangChain's interfaces (set from a cast): requests of an unknown provider and model",
      code: `import type { Embeddings } from '@langchain/core/embeddings';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
export class LangchainAdapter {
  private embedderInstance: Embeddings;
  private llm: BaseChatModel;
  constructor(config: { model: unknown; llm: unknown }) {
    this.embedderInstance = config.model as Embeddings;
    this.llm = config.llm as BaseChatModel;
  }
  embed(text: string) { return this.embedderInstance.embedQuery(text); }
  answer(question: string) { return this.llm.invoke(\`Answer briefly: \${question}\`); }
}`,
      calls: [
        { line: 10, method: 'embedQuery', provider: 'unknown', endpoint: 'embedding', model: null },
        { line: 11, method: 'invoke', provider: 'unknown', endpoint: 'chat', model: null, promptIncludes: ['Answer briefly'] },
      ],
    },
    {
      name: "a handed-in model copied into a local declared `any`, reassigned with withStructuredOutput and bindTools, then invoked: a request of an unknown provider and model, structured and with tools",
      code: `import type { BaseLanguageModel } from '@langchain/core/language_models/base';
export class HandedModel {
  private model: BaseLanguageModel;
  constructor(options: { model: unknown }) {
    this.model = options.model as BaseLanguageModel;
  }
  async respond(prompt: string, schema?: unknown, tools?: unknown[]) {
    let runnable: any = this.model;
    if (schema) runnable = (this.model as any).withStructuredOutput(schema);
    if (tools) runnable = runnable.bindTools(tools);
    return runnable.invoke(\`Extract the facts: \${prompt}\`);
  }
}`,
      calls: [{ line: 11, method: 'invoke', provider: 'unknown', endpoint: 'chat', model: null, promptIncludes: ['Extract the facts'], features: { structuredOutput: true, tools: true } }],
    },
    {
      name: "OpenAIEmbeddings with no model sends LangChain's default, text-embedding-ada-002, and says so",
      code: `import { OpenAIEmbeddings } from '@langchain/openai';
const embeddings = new OpenAIEmbeddings({ openAIApiKey: process.env.OPENAI_API_KEY });
export const embed = (text: string) => embeddings.embedQuery(text);`,
      calls: [{ line: 3, method: 'embedQuery', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-ada-002', modelSource: 'default-param' }],
    },
    {
      name: "DallEAPIWrapper's invoke generates an image: OpenAI's images endpoint, LangChain's default dall-e-3 when no model is given",
      code: `import { DallEAPIWrapper } from '@langchain/openai';
const dalle = new DallEAPIWrapper({ n: 1, model: 'dall-e-2' });
const plain = new DallEAPIWrapper({ apiKey: process.env.OPENAI_API_KEY });
export const pictures = (prompts: string[]) => Promise.all(prompts.map((prompt) => dalle.invoke(prompt)));
export const cover = (topic: string) => plain.invoke(\`A flat illustration of \${topic}\`);`,
      calls: [
        { line: 4, method: 'invoke', provider: 'openai', endpoint: 'image-generation', model: 'dall-e-2' },
        { line: 5, method: 'invoke', provider: 'openai', endpoint: 'image-generation', model: 'dall-e-3', modelSource: 'default-param' },
      ],
    },
    {
      name: 'a text-completion LLM hosted on Replicate (langchain/llms/replicate) called with call()',
      code: `import { Replicate } from 'langchain/llms/replicate';
export async function reply(prompt: string) {
  const model = new Replicate({ model: 'replicate/vicuna-13b', input: { max_length: 2048 }, apiKey: process.env.REPLICATE_API_TOKEN });
  return model.call(prompt);
}`,
      calls: [{ line: 4, method: 'call', provider: 'replicate', model: 'replicate/vicuna-13b' }],
    },
    {
      name: "a retrieval chain an app function builds (createStuffDocumentsChain with its prompt, createRetrievalChain): the answering request reads that prompt, the retrieved documents filling its {context}",
      code: `import { ChatTogetherAI } from '@langchain/community/chat_models/togetherai';
import { ChatPromptTemplate, MessagesPlaceholder } from '@langchain/core/prompts';
import { createStuffDocumentsChain } from 'langchain/chains/combine_documents';
import { createRetrievalChain } from 'langchain/chains/retrieval';
import type { BaseLanguageModel } from '@langchain/core/language_models/base';
import type { BaseRetriever } from '@langchain/core/retrievers';
const answerPrompt = ChatPromptTemplate.fromMessages([
  ['system', 'You are a helpful assistant. Use the following pieces of context to answer the question at the end. If you do not know the answer, say so. <context>{context}</context>'],
  new MessagesPlaceholder('chat_history'),
  ['user', '{input}'],
]);
async function createRAGChain(model: BaseLanguageModel, retriever: BaseRetriever) {
  const documentChain = await createStuffDocumentsChain({ llm: model, prompt: answerPrompt });
  const chain = await createRetrievalChain({ retriever, combineDocsChain: documentChain });
  return chain.pick('answer');
}
export async function chat(question: string, history: never[], retriever: BaseRetriever) {
  const model = new ChatTogetherAI({ model: 'Qwen/Qwen3.5-9B', temperature: 0 });
  const ragChain = await createRAGChain(model, retriever);
  return ragChain.stream({ input: question, chat_history: history });
}`,
      calls: [{ line: 20, method: 'stream', provider: 'together', model: 'Qwen/Qwen3.5-9B', features: { streaming: true }, promptIncludes: ['Use the following pieces of context to answer the question'], holeKinds: ['rag-context', 'history', 'interpolation'] }],
    },
    {
      name: "a chain built by the app's own function from the model passed in, then streamed",
      code: `import { ChatTogetherAI } from '@langchain/community/chat_models/togetherai';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { BaseLanguageModel } from '@langchain/core/language_models/base';
async function createAnswerChain(model: BaseLanguageModel, context: string) {
  const prompt = ChatPromptTemplate.fromMessages([['system', 'Answer from this context: ' + context], ['user', '{input}']]);
  return prompt.pipe(model as any);
}
export async function answer(question: string, context: string) {
  const model = new ChatTogetherAI({ model: 'Qwen/Qwen3.5-9B', temperature: 0 });
  const chain = await createAnswerChain(model, context);
  return chain.stream({ input: question });
}`,
      calls: [{ line: 11, method: 'stream', provider: 'together', model: 'Qwen/Qwen3.5-9B', features: { streaming: true } }],
    },
    {
      name: "a chain the app's function builds from a model chosen in branches, run with streamLog",
      code: `import { ChatOpenAI } from '@langchain/openai';
import { ChatFireworks } from '@langchain/community/chat_models/fireworks';
import { RunnableSequence } from '@langchain/core/runnables';
import { StringOutputParser } from '@langchain/core/output_parsers';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
const createChain = (llm: BaseChatModel) => RunnableSequence.from([(input: { question: string }) => input.question, llm, new StringOutputParser()]);
export async function POST(choice: string, input: { question: string }) {
  let llm;
  if (choice === 'openai') {
    llm = new ChatOpenAI({ modelName: 'gpt-4o-mini', temperature: 0 });
  } else {
    llm = new ChatFireworks({ modelName: 'accounts/fireworks/models/mixtral-8x7b-instruct', temperature: 0 });
  }
  const answerChain = createChain(llm);
  return answerChain.streamLog(input);
}`,
      calls: [{ line: 15, method: 'streamLog', provider: 'openai', model: 'gpt-4o-mini', features: { streaming: true } }],
    },
    {
      name: "documents added to a store an app function opened with the embeddings passed in its options",
      code: `import { TogetherAIEmbeddings } from '@langchain/community/embeddings/togetherai';
import type { Embeddings } from '@langchain/core/embeddings';
import { MemoryVectorStore } from 'langchain/vectorstores/memory';
async function openStore({ embeddings }: { namespace: string; embeddings: Embeddings }) {
  return { vectorstore: new MemoryVectorStore(embeddings) };
}
export async function ingest(docs: { pageContent: string; metadata: object }[]) {
  const embeddings = new TogetherAIEmbeddings({ model: 'togethercomputer/m2-bert-80M-8k-retrieval' });
  const store = await openStore({ namespace: 'doc-1', embeddings });
  await store.vectorstore.addDocuments(docs);
}`,
      calls: [{ line: 10, method: 'addDocuments', provider: 'together', endpoint: 'embedding', model: 'togethercomputer/m2-bert-80M-8k-retrieval' }],
    },
    {
      name: "a query embedded by what the app's factory returns: LangChain's OpenAIEmbeddings when a key is set, else the app's own embeddings class (the factory's last return, which is no LangChain model): the LangChain one is read",
      code: `import { getEmbedding } from './embedding';
export async function search(query: string) {
  return getEmbedding().embedQuery(query);
}`,
      files: {
        'src/embedding.ts': `import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import { localEmbedding } from './local';
export function getEmbedding(): EmbeddingsInterface {
  if (process.env.OPENAI_API_KEY) {
    return new OpenAIEmbeddings({ model: 'text-embedding-3-large', dimensions: 384 });
  } else {
    return localEmbedding;
  }
}
`,
        'src/local.ts': `class LocalEmbedding {
  async embedQuery(text: string) { return (await this.embedDocuments([text]))[0]; }
  async embedDocuments(documents: string[]): Promise<number[][]> {
    const response = await fetch(\`\${process.env.EMBEDDING_HOST}/embed\`, { method: 'POST', body: JSON.stringify({ documents }) });
    return (await response.json()).embeddings;
  }
}
export const localEmbedding = new LocalEmbedding();
`,
      },
      calls: [{ line: 3, method: 'embedQuery', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-large' }],
    },
    {
      name: "a chain ending in the app's own copy of LangChain's ChatOpenAI (a class extending BaseChatModel kept in its tree), and an app class of another name extending it: each is a model to the chain; the instance run on its own is left to the wrapper-caller search (its `_generate`'s request)",
      code: `import { RunnableSequence } from '@langchain/core/runnables';
import { PromptTemplate } from '@langchain/core/prompts';
import { ChatOpenAI } from './models/openai';
import { LocalChat } from './models/local';
export async function answer(question: string) {
  const chat = new ChatOpenAI({ model: 'gpt-4o-mini' });
  const chain = RunnableSequence.from([PromptTemplate.fromTemplate('Answer briefly: {question}'), chat]);
  await chain.invoke({ question });
  await chat.invoke(question);
  return PromptTemplate.fromTemplate('Say {question} again').pipe(new LocalChat({ model: 'llama3.2' })).invoke({ question });
}`,
      files: {
        'src/models/openai.ts': `import { BaseChatModel } from '@langchain/core/language_models/chat_models';
export class ChatOpenAI extends BaseChatModel {
  constructor(readonly fields: { model: string }) { super({}); }
  _llmType() { return 'openai'; }
  async _generate() { return { generations: [] }; }
}
`,
        'src/models/local.ts': `import { BaseChatModel } from '@langchain/core/language_models/chat_models';
export class LocalChat extends BaseChatModel {
  constructor(readonly fields: { model: string }) { super({}); }
  _llmType() { return 'local'; }
  async _generate() { return { generations: [] }; }
}
`,
      },
      calls: [
        { line: 8, method: 'invoke', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini' },
        { line: 10, method: 'invoke', provider: 'unknown', endpoint: 'chat', model: 'llama3.2' },
      ],
    },
    {
      name: "the app's own vector store extending LangChain's (which declares `embeddings`): `this.embeddings`, set from the constructor's `embeddings: Embeddings` parameter, embeds the documents it adds, whichever embeddings its callers hand it",
      code: `import { Embeddings } from 'langchain/embeddings';
import { SaveableVectorStore } from 'langchain/vectorstores';
export class HNSWLib extends SaveableVectorStore {
  constructor(embeddings: Embeddings, args: { space: string }) {
    super(embeddings, args);
    this.embeddings = embeddings;
  }
  async addDocuments(documents: { pageContent: string }[]) {
    return this.addVectors(await this.embeddings.embedDocuments(documents.map((document) => document.pageContent)), documents);
  }
}`,
      calls: [{ line: 9, method: 'embedDocuments', endpoint: 'embedding' }],
    },
    {
      name: 'Voyage embeddings through LangChain community',
      code: `const { VoyageEmbeddings } = require('@langchain/community/embeddings/voyage');
class VoyageEngine {
  constructor() { this.voyage = new VoyageEmbeddings({ modelName: 'voyage-3-lite', apiKey: process.env.VOYAGE_KEY }); }
  embed(chunks) { return this.voyage.embedDocuments(chunks); }
}
module.exports = VoyageEngine;`,
      calls: [{ line: 4, method: 'embedDocuments', provider: 'voyage', endpoint: 'embedding', model: 'voyage-3-lite' }],
    },
    {
      name: 'vector stores: fromDocuments with an inline embedder, fromExistingIndex with one from another module (handing out a retriever: the opening stays the site), a retriever and a search on a store built from documents; a store opened and searched where it is held: the search is the site, not the opening',
      files: { 'src/embeddings.ts': `import { OpenAIEmbeddings } from '@langchain/openai';\nexport const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-large' });\n` },
      code: `import { SupabaseVectorStore } from '@langchain/community/vectorstores/supabase';
import { PineconeStore } from '@langchain/pinecone';
import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { OpenAIEmbeddings } from '@langchain/openai';
import { embeddings } from './embeddings';
export async function index(docs: Document[], client: any, pineconeIndex: any) {
  await SupabaseVectorStore.fromDocuments(docs, new OpenAIEmbeddings({ model: 'text-embedding-3-small' }), { client, tableName: 'documents' });
  const pinecone = await PineconeStore.fromExistingIndex(embeddings, { pineconeIndex });
  const retriever = pinecone.asRetriever();
  const memory = await MemoryVectorStore.fromTexts(['a', 'b'], [{}, {}], embeddings);
  await memory.similaritySearch('refund policy', 4);
  return memory.asRetriever({ k: 2 });
}
export async function searchArticles(pineconeIndex: any, question: string) {
  const articles = await PineconeStore.fromExistingIndex(embeddings, { pineconeIndex });
  return articles.similaritySearch(question, 3);
}`,
      calls: [
        { line: 7, method: 'SupabaseVectorStore.fromDocuments', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small', holeKinds: ['rag-context'] },
        { line: 8, method: 'PineconeStore.fromExistingIndex', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-large' },
        { line: 10, method: 'MemoryVectorStore.fromTexts', model: 'text-embedding-3-large' },
        { line: 11, method: 'similaritySearch', model: 'text-embedding-3-large' },
        { line: 12, method: 'asRetriever', model: 'text-embedding-3-large' },
        { line: 16, method: 'similaritySearch', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-large' },
      ],
    },
    {
      name: "a PGVector store opened with PGVectorStore.initialize on embeddings from the app's overloaded factory (Personal-RAG's getEmbeddingModel), searched where another module imports it",
      files: {
        'src/embeddings.ts': `import { OpenAIEmbeddings } from '@langchain/openai';
type Config = { provider: 'lmstudio' } | { provider: 'langchain'; dimensions: number };
export function getEmbeddingModel(config: Extract<Config, { provider: 'langchain' }>): OpenAIEmbeddings;
export function getEmbeddingModel(config: Config) {
  return new OpenAIEmbeddings({ model: 'text-embedding-3-small', configuration: { baseURL: 'http://127.0.0.1:1234/v1' } });
}
`,
        'src/store.ts': `import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';
import { getEmbeddingModel } from './embeddings';
const embeddings = getEmbeddingModel({ provider: 'langchain', dimensions: 520 });
export const vectorStore = await PGVectorStore.initialize(embeddings, { tableName: 'documents' });
`,
      },
      code: `import { vectorStore } from './store';
export async function search(query: string) {
  return vectorStore.similaritySearch(query, 5);
}
export async function ingest(docs: Document[]) {
  await vectorStore.addDocuments(docs);
}`,
      calls: [
        { line: 3, method: 'similaritySearch', provider: 'lmstudio', endpoint: 'embedding', model: 'text-embedding-3-small' },
        { line: 6, method: 'addDocuments', endpoint: 'embedding', model: 'text-embedding-3-small', holeKinds: ['rag-context'] },
      ],
    },
    {
      name: "a model made on a cache miss and handed out by the app's factory (nest-langgraph-ai's getLlmInstance: `let instance = cache.get(key); if (!instance) { instance = new ChatMistralAI(...) }`)",
      code: `import { ChatMistralAI } from '@langchain/mistralai';
const instances = new Map<string, ChatMistralAI>();
function getLlmInstance(model = 'mistral-small-latest'): ChatMistralAI {
  let instance = instances.get(model);
  if (!instance) {
    instance = new ChatMistralAI({ apiKey: process.env.MISTRAL_API_KEY, model, temperature: 0 });
    instances.set(model, instance);
  }
  return instance;
}
export async function invokeLlm(prompt: string) {
  const instance = getLlmInstance();
  return (await instance.invoke(prompt)).content;
}`,
      calls: [{ line: 13, method: 'invoke', provider: 'mistral', endpoint: 'chat' }],
    },
    {
      name: "a chat model destructured from a parameter of the app's declared type (rag-next-langchain's `{ model }: callChainArgs` with `model: ChatOllama`) run in a RunnableSequence",
      code: `import { RunnableSequence } from '@langchain/core/runnables';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { PromptTemplate } from '@langchain/core/prompts';
import { ChatOllama } from '@langchain/community/chat_models/ollama';
type CallChainArgs = { question: string; model: ChatOllama };
const condense = PromptTemplate.fromTemplate('Rewrite the follow-up question as a standalone question: {question}');
export async function callChain({ question, model }: CallChainArgs) {
  const chain = RunnableSequence.from([condense, model, new StringOutputParser()]);
  return chain.stream({ question });
}`,
      calls: [{ line: 9, method: 'stream', provider: 'ollama', endpoint: 'chat', model: null, promptIncludes: ['standalone question'] }],
    },
    {
      name: "a legacy QA chain made over a store it opens (`VectorDBQAChain.fromLLM(model, vectorStore)`) and run with `chain.call({ query })`: the run embeds the query with the store's model and asks the chain's model, two requests at one call; the opening is no site",
      code: `import { VectorDBQAChain } from 'langchain/chains';
import { OpenAIEmbeddings } from 'langchain/embeddings/openai';
import { OpenAI } from 'langchain/llms/openai';
import { PineconeStore } from 'langchain/vectorstores/pinecone';
export async function answer(pineconeIndex: any, prompt: string) {
  const vectorStore = await PineconeStore.fromExistingIndex(new OpenAIEmbeddings({ openAIApiKey: process.env.OPENAI_API_KEY }), { pineconeIndex });
  const model = new OpenAI({ modelName: 'gpt-3.5-turbo-16k', streaming: true });
  const chain = VectorDBQAChain.fromLLM(model, vectorStore, { k: 1, returnSourceDocuments: true });
  return chain.call({ query: prompt });
}`,
      calls: [
        { line: 9, method: 'call', provider: 'openai', model: 'gpt-3.5-turbo-16k', evidenceIncludes: ['VectorDBQAChain.fromLLM() at'] },
        { line: 9, method: 'chain.call', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-ada-002' },
      ],
    },
    {
      name: "a browser worker's RAG pipeline: the chat model destructured from a parameter typed `{ model: LanguageModelLike }` (whichever the caller hands in), and a store embedding with transformers.js in the app's own process",
      code: `import { HuggingFaceTransformersEmbeddings } from '@langchain/community/embeddings/hf_transformers';
import { VoyVectorStore } from '@langchain/community/vectorstores/voy';
import type { LanguageModelLike } from '@langchain/core/language_models/base';
const embeddings = new HuggingFaceTransformersEmbeddings({ modelName: 'Xenova/all-MiniLM-L6-v2' });
const vectorstore = new VoyVectorStore(client, embeddings);
export const embed = (docs: any[]) => vectorstore.addDocuments(docs);
export async function answer(question: string, { model, tracer }: { model: LanguageModelLike; tracer?: unknown }) {
  const step = async () => model.invoke(\`Answer: \${question}\`);
  return step();
}`,
      calls: [
        { line: 6, method: 'addDocuments', provider: 'local', endpoint: 'embedding', model: 'Xenova/all-MiniLM-L6-v2' },
        { line: 8, method: 'invoke', provider: 'unknown', endpoint: 'chat', model: null, evidenceIncludes: ['LanguageModelLike'] },
      ],
    },
    {
      name: 'a saved store loaded from disk with its embeddings (`FaissStore.load(directory, embeddings)`): documents added to it are embedded with that model',
      code: `import { OllamaEmbeddings } from '@langchain/ollama';
import { FaissStore } from '@langchain/community/vectorstores/faiss';
export async function ingest(documents: any[], folder: string) {
  const embeddings = new OllamaEmbeddings({ model: 'nomic-embed-text' });
  const store = await FaissStore.load(folder, embeddings);
  await store.addDocuments(documents);
  await store.save(folder);
}`,
      calls: [{ line: 6, method: 'addDocuments', provider: 'ollama', endpoint: 'embedding', model: 'nomic-embed-text', evidenceIncludes: ['store created at'] }],
    },
    {
      name: "a chain loader taking the model first (`loadSummarizationChain(chat, { type: 'map_reduce' })`), run with `chain.call({ input_documents })`: the chain asks that model",
      code: `import { loadSummarizationChain } from 'langchain/chains';
import { ChatOpenAI } from 'langchain/chat_models/openai';
export async function summarize(documents: any[]) {
  const chat = new ChatOpenAI({ modelName: 'gpt-3.5-turbo-16k' });
  const chain = loadSummarizationChain(chat, { type: 'map_reduce' });
  return chain.call({ input_documents: documents });
}`,
      calls: [{ line: 6, method: 'call', provider: 'openai', model: 'gpt-3.5-turbo-16k', evidenceIncludes: ['loadSummarizationChain'] }],
    },
    {
      name: "the older agent initializer taking the tools first and the model second (`this.executor = await initializeAgentExecutor(tools, this.model, type)`), run with `this.executor!.call({ input })`: the agent asks that model, with tools",
      code: `import { AgentExecutor, Tool, initializeAgentExecutor } from 'langchain/agents';
import { ChatOpenAI } from 'langchain/chat_models';
export class Model {
  public executor?: AgentExecutor;
  public model = new ChatOpenAI({ modelName: process.env.OPENAI_MODEL ?? 'gpt-4' });
  constructor(private tools: Tool[]) {}
  async call(input: string) {
    if (!this.executor) this.executor = await initializeAgentExecutor(this.tools, this.model, 'chat-conversational-react-description', true);
    const response = await this.executor!.call({ input });
    return response.output;
  }
}`,
      calls: [{ line: 9, method: 'call', provider: 'openai', model: 'gpt-4', features: { tools: true }, evidenceIncludes: ['initializeAgentExecutor'] }],
    },
    {
      name: "a store the app hands to its service class (a field declared LangChain's VectorStore): each search and addDocuments embeds with the store's own model, not known here",
      code: `import { type VectorStore } from '@langchain/core/vectorstores';
export class ChatService {
  constructor(private vectorStore: VectorStore) {}
  async sources(question: string) {
    const documents = await this.vectorStore.similaritySearch(question, 3);
    return documents.map((document) => document.pageContent);
  }
  async ingest(documents: any[]) {
    await this.vectorStore.addDocuments(documents);
  }
}`,
      calls: [
        { line: 5, method: 'similaritySearch', provider: 'unknown', endpoint: 'embedding', model: null, evidenceIncludes: ["is declared VectorStore from '@langchain/core/vectorstores'"] },
        { line: 9, method: 'addDocuments', provider: 'unknown', endpoint: 'embedding', model: null },
      ],
    },
    {
      name: "a store an app function of another module opens, declared to return LangChain's VectorStoreInterface: addDocuments embeds with the embeddings handed in",
      code: `import type { Embeddings } from '@langchain/core/embeddings';
import { createVectorStore } from './vectorstores';
export async function ingest(embeddings: Embeddings, collection: string, documents: any[]) {
  const vectorStore = createVectorStore(embeddings, collection);
  await vectorStore.addDocuments(documents);
  return vectorStore;
}`,
      files: {
        'src/vectorstores.ts': `import { Chroma } from '@langchain/community/vectorstores/chroma';
import type { Embeddings } from '@langchain/core/embeddings';
import type { VectorStoreInterface } from '@langchain/core/vectorstores';
export const createVectorStore = (embeddings: Embeddings, collectionName: string): VectorStoreInterface => new Chroma(embeddings, { collectionName, url: process.env.CHROMADB_URL });`,
      },
      calls: [{ line: 5, method: 'addDocuments', provider: 'unknown', endpoint: 'embedding', model: null, evidenceIncludes: ["is declared VectorStoreInterface from '@langchain/core/vectorstores'"] }],
    },
    {
      name: 'a retriever the code runs itself: the query is embedded at each invoke(), not where the retriever is made',
      code: `import { FaissStore } from '@langchain/community/vectorstores/faiss';
import { OllamaEmbeddings } from '@langchain/ollama';
const embeddings = new OllamaEmbeddings({ model: 'nomic-embed-text' });
export async function answerContext(documents: any[], question: string) {
  const vectorStore = new FaissStore(embeddings, {});
  await vectorStore.addDocuments(documents);
  const retriever = vectorStore.asRetriever();
  return retriever.invoke(question);
}`,
      calls: [
        { line: 6, method: 'addDocuments', provider: 'ollama', endpoint: 'embedding', model: 'nomic-embed-text' },
        { line: 8, method: 'retriever.invoke', provider: 'ollama', endpoint: 'embedding', model: 'nomic-embed-text', evidenceIncludes: ['runs the retriever made with asRetriever() at case.ts:7'] },
      ],
    },
    {
      name: 'a store constructed with new and documents added later; Ollama embeddings',
      code: `import { QdrantVectorStore } from '@langchain/qdrant';
import { OllamaEmbeddings } from '@langchain/ollama';
const store = new QdrantVectorStore(new OllamaEmbeddings({ model: 'nomic-embed-text' }), { url: 'http://localhost:6333', collectionName: 'notes' });
export const add = (docs: Document[]) => store.addDocuments(docs);
export const search = (q: string) => store.similaritySearchWithScore(q);`,
      calls: [
        { line: 4, method: 'addDocuments', provider: 'ollama', endpoint: 'embedding', model: 'nomic-embed-text' },
        { line: 5, method: 'similaritySearchWithScore', provider: 'ollama', model: 'nomic-embed-text' },
      ],
    },
    {
      name: 'model.invoke with a string; model options',
      code: `import { ChatOpenAI } from '@langchain/openai';
const llm = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 64, temperature: 0 });
export async function tag(title: string) {
  const result = await llm.invoke(\`Suggest three tags for: \${title}\`);
  return result.content;
}`,
      calls: [{ line: 4, column: 24, method: 'invoke', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', modelSource: 'literal', maxOutputTokens: 64, promptIncludes: ['Suggest three tags for: {{title}}'] }],
    },
    {
      name: 'prompt.pipe(model).pipe(parser) chain: template text with variables',
      code: `import { ChatAnthropic } from '@langchain/anthropic';
import { ChatPromptTemplate, MessagesPlaceholder } from '@langchain/core/prompts';
import { StringOutputParser } from '@langchain/core/output_parsers';
const model = new ChatAnthropic({ model: 'claude-3-5-sonnet-20241022', maxTokens: 1024 });
const prompt = ChatPromptTemplate.fromMessages([
  ['system', 'You answer questions about our product using the context.\\nContext: {context}'],
  new MessagesPlaceholder('chat_history'),
  ['human', '{question}'],
]);
const chain = prompt.pipe(model).pipe(new StringOutputParser());
export const answer = (question: string, context: string) => chain.invoke({ question, context, chat_history: [] });`,
      calls: [{ line: 11, provider: 'anthropic', model: 'claude-3-5-sonnet-20241022', maxOutputTokens: 1024, promptIncludes: ['You answer questions about our product', 'Context: {{context}}', '{{question}}'], holeKinds: ['rag-context', 'history', 'interpolation'] }],
    },
    {
      name: 'withStructuredOutput and bindTools on a Gemini model; stream',
      code: `import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { z } from 'zod';
const gemini = new ChatGoogleGenerativeAI({ model: 'gemini-1.5-flash', maxOutputTokens: 300 });
const Sentiment = z.object({ label: z.enum(['pos', 'neg']) });
await gemini.withStructuredOutput(Sentiment).invoke('I love it');
const withTools = gemini.bindTools([weatherTool, { name: 'search', description: 's', schema }]);
for await (const chunk of await withTools.stream([new SystemMessage('Use tools.'), new HumanMessage(question)])) console.log(chunk);`,
      calls: [
        { line: 5, provider: 'google', model: 'gemini-1.5-flash', maxOutputTokens: 300, features: { structuredOutput: true } },
        { line: 7, method: 'stream', provider: 'google', features: { streaming: true, tools: true }, toolNames: ['weatherTool', 'search'], promptIncludes: ['Use tools.', '{{question}}'] },
      ],
    },
    {
      name: 'model from another module, held in a class; modelName; embeddings',
      files: { 'src/models.ts': `import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';\nexport const chatModel = new ChatOpenAI({ modelName: process.env.CHAT_MODEL ?? 'gpt-4o' });\nexport const embedder = new OpenAIEmbeddings({ model: 'text-embedding-3-large' });\n` },
      code: `import { chatModel, embedder } from './models';
export class Retriever {
  private llm = chatModel;
  async answer(q: string) { return this.llm.invoke([{ role: 'user', content: q }]); }
  async index(documents: string[]) { return embedder.embedDocuments(documents); }
  async query(q: string) { return embedder.embedQuery(q); }
}`,
      calls: [
        { line: 4, provider: 'openai', model: 'gpt-4o', modelSource: 'env-default' },
        { line: 5, method: 'embedDocuments', endpoint: 'embedding', model: 'text-embedding-3-large', holeKinds: ['rag-context'] },
        { line: 6, method: 'embedQuery', endpoint: 'embedding', model: 'text-embedding-3-large' },
      ],
    },
    {
      name: 'Bedrock, Mistral, Groq and Ollama chat models; batch',
      code: `import { ChatBedrockConverse } from '@langchain/aws';
import { ChatMistralAI } from '@langchain/mistralai';
import { ChatGroq } from '@langchain/groq';
import { ChatOllama } from '@langchain/ollama';
await new ChatBedrockConverse({ model: 'anthropic.claude-3-haiku-20240307-v1:0', region: 'us-east-1' }).invoke('hi');
await new ChatMistralAI({ model: 'mistral-large-latest' }).batch(['a', 'b']);
await new ChatGroq({ model: 'llama-3.3-70b-versatile', streaming: true }).invoke('hi');
await new ChatOllama({ model: 'llama3.1:8b', baseUrl: 'http://localhost:11434', numPredict: 256 }).invoke('hi');`,
      calls: [
        { line: 5, provider: 'aws-bedrock', model: 'anthropic.claude-3-haiku-20240307-v1:0' },
        { line: 6, method: 'batch', provider: 'mistral', model: 'mistral-large-latest' },
        { line: 7, provider: 'groq', model: 'llama-3.3-70b-versatile', features: { streaming: true } },
        { line: 8, provider: 'ollama', model: 'llama3.1:8b', maxOutputTokens: 256 },
      ],
    },
    {
      name: 'RunnableSequence.from, PromptTemplate.fromTemplate, ChatOpenAI pointed at Together',
      code: `import { ChatOpenAI } from '@langchain/openai';
import { PromptTemplate } from '@langchain/core/prompts';
import { RunnableSequence } from '@langchain/core/runnables';
const llm = new ChatOpenAI({ model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', configuration: { baseURL: 'https://api.together.xyz/v1' } });
const chain = RunnableSequence.from([PromptTemplate.fromTemplate('Translate to French: {text}'), llm]);
await chain.invoke({ text: body });`,
      calls: [{ line: 6, provider: 'together', model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', promptIncludes: ['Translate to French: {{text}}'] }],
    },
    {
      name: 'an agent holding the model and tools; legacy LLMChain; initChatModel',
      code: `import { ChatOpenAI } from '@langchain/openai';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { LLMChain } from 'langchain/chains';
import { initChatModel } from 'langchain/chat_models/universal';
const agent = createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4.1' }), tools: [search] });
await agent.invoke({ messages: [{ role: 'user', content: 'What is the weather in SF?' }] });
const legacy = new LLMChain({ llm: new ChatOpenAI({ model: 'gpt-3.5-turbo' }), prompt });
await legacy.call({ product: 'socks' });
const universal = await initChatModel('anthropic:claude-3-5-haiku-latest', { temperature: 0 });
await universal.invoke('hello');`,
      calls: [
        { line: 6, model: 'gpt-4.1', features: { tools: true }, promptIncludes: ['What is the weather in SF?'] },
        { line: 8, method: 'call', model: 'gpt-3.5-turbo' },
        { line: 10, provider: 'anthropic', model: 'claude-3-5-haiku-latest' },
      ],
    },
    {
      name: 'initChatModel without a provider: inferred from the model name as LangChain does; an explicit modelProvider wins; an unknown name stays unknown',
      code: `import { initChatModel } from 'langchain/chat_models/universal';
const gpt = await initChatModel('gpt-4.1-mini', { temperature: 0 });
await gpt.invoke('Summarize this paragraph in one sentence.');
const claude = await initChatModel('claude-haiku-4-5');
await claude.invoke('hello');
const routed = await initChatModel('gpt-4o-mini', { modelProvider: 'azure_openai' });
await routed.invoke('hello');
const custom = await initChatModel('my-finetune-v2');
await custom.invoke('hello');`,
      calls: [
        { line: 3, provider: 'openai', model: 'gpt-4.1-mini' },
        { line: 5, provider: 'anthropic', model: 'claude-haiku-4-5' },
        { line: 7, provider: 'azure-openai', model: 'gpt-4o-mini' },
        { line: 9, provider: 'unknown', model: 'my-finetune-v2' },
      ],
    },
    {
      name: 'a retrieval chain holding a documents chain that holds the model',
      code: `import { ChatGroq } from '@langchain/groq';
import { createStuffDocumentsChain } from 'langchain/chains/combine_documents';
import { createRetrievalChain } from 'langchain/chains/retrieval';
import { ChatPromptTemplate } from '@langchain/core/prompts';
const llm = new ChatGroq({ model: 'llama-3.1-8b-instant' });
const prompt = ChatPromptTemplate.fromTemplate('Answer from the context.\\n{context}\\nQuestion: {input}');
const combineDocsChain = await createStuffDocumentsChain({ llm, prompt });
const rag = await createRetrievalChain({ retriever: store.asRetriever(), combineDocsChain });
await rag.invoke({ input: question });`,
      calls: [{ line: 9, provider: 'groq', model: 'llama-3.1-8b-instant', promptIncludes: ['Answer from the context.', 'Question: {{input}}'], holeKinds: ['rag-context', 'interpolation'] }],
    },
    {
      name: 'a chain factory taking a typed model parameter; a sequence streamed inline',
      code: `import { RunnableSequence } from '@langchain/core/runnables';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatOpenAI } from '@langchain/openai';
import type { ChatAnthropic } from '@langchain/anthropic';
export function createSimpleChain(prompt: any, model: ChatAnthropic) {
  return RunnableSequence.from([prompt, model, new StringOutputParser()]);
}
export const run = (p: any, m: ChatAnthropic) => createSimpleChain(p, m).invoke({ topic: 'cats' });
const stream = await RunnableSequence.from([new ChatOpenAI({ temperature: 0 }), new StringOutputParser()]).stream('Hello there!');`,
      calls: [
        { line: 8, provider: 'anthropic', model: null },
        { line: 9, method: 'stream', provider: 'openai', model: null, promptIncludes: ['Hello there!'] },
      ],
    },
    {
      name: 'image content in a HumanMessage; require()',
      code: `const { ChatOpenAI } = require('@langchain/openai');
const { HumanMessage } = require('@langchain/core/messages');
const vision = new ChatOpenAI({ model: 'gpt-4o' });
vision.invoke([new HumanMessage({ content: [{ type: 'text', text: 'Describe the chart' }, { type: 'image_url', image_url: { url: chartUrl } }] })]);`,
      calls: [{ line: 4, model: 'gpt-4o', features: { vision: true }, promptIncludes: ['Describe the chart'] }],
    },
    {
      name: "models the app's own manager hands out, declared BaseChatModel: a method's return type, an option's function type, a parameter the request is made on",
      code: `import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage } from '@langchain/core/messages';
class ChatModelManager {
  private static chatModel: BaseChatModel | null = null;
  getChatModel(): BaseChatModel { return ChatModelManager.chatModel!; }
  async getChatModelWithTemperature(temperature: number): Promise<BaseChatModel> { return ChatModelManager.chatModel!; }
}
interface ExpanderOptions { getChatModel?: () => Promise<BaseChatModel | null> }
export class Features {
  constructor(private manager: ChatModelManager, private options: ExpanderOptions) {}
  async title(conversation: string) {
    const chatModel = this.manager.getChatModel();
    return chatModel.invoke('Generate a concise title (max 5 words) for this conversation: ' + conversation);
  }
  async compact(content: string) {
    const model = await this.manager.getChatModelWithTemperature(0.1);
    return model.invoke([new HumanMessage('Summarize: ' + content)]);
  }
  async expand(query: string) {
    const model = await this.options.getChatModel?.();
    return model?.invoke('Write three search queries for: ' + query);
  }
  async remember(note: string, chatModel: BaseChatModel) {
    return chatModel.invoke([new HumanMessage('Extract the facts worth remembering: ' + note)]);
  }
}`,
      calls: [
        { line: 13, method: 'invoke', provider: 'unknown', model: null, promptIncludes: ['Generate a concise title'] },
        { line: 17, method: 'invoke', provider: 'unknown', model: null, promptIncludes: ['Summarize: '] },
        { line: 21, method: 'invoke', provider: 'unknown', model: null },
        { line: 24, method: 'invoke', provider: 'unknown', model: null, promptIncludes: ['Extract the facts worth remembering'] },
      ],
    },
    {
      name: "LangChain's interfaces passed on by a module of the app (`export { BaseChatModel }`, a workspace package's `export { Embeddings }`): a parameter so typed, a service method declared to return one",
      files: {
        'src/providers.ts': `import { BaseChatModel } from '@langchain/core/language_models/chat_models';\nexport { BaseChatModel };\nexport type ModelConfig = { model: string };\n`,
        'packages/providers/package.json': `{ "name": "@acme/providers", "main": "src/index.ts" }\n`,
        'packages/providers/src/index.ts': `import { Embeddings } from '@langchain/core/embeddings';\nexport { Embeddings };\n`,
      },
      code: `import { BaseChatModel } from './providers';
import { Embeddings } from '@acme/providers';
declare function loadEmbeddings(): Promise<Embeddings>;
export async function title(model: BaseChatModel, content: string) {
  return model.invoke('Write a short title for: ' + content);
}
export async function index(chunks: string[]) {
  const embeddings = await loadEmbeddings();
  return embeddings.embedDocuments(chunks);
}`,
      calls: [
        { line: 5, method: 'invoke', provider: 'unknown', model: null, promptIncludes: ['Write a short title'] },
        { line: 9, method: 'embedDocuments', provider: 'unknown', endpoint: 'embedding', model: null },
      ],
    },
    {
      name: "a model field declared BaseChatModel by the base class, invoked in a subclass's method",
      code: `import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
abstract class BaseAgent {
  protected chatLLM: BaseChatModel;
  constructor(llm: BaseChatModel) { this.chatLLM = llm; }
}
export class Navigator extends BaseAgent {
  async step(state: string) {
    return this.chatLLM.invoke('Choose the next browser action for: ' + state);
  }
}`,
      calls: [{ line: 8, method: 'invoke', provider: 'unknown', model: null, promptIncludes: ['Choose the next browser action'] }],
    },
    {
      name: 'a parameter typed BaseChatModel given tools in the function that streams it',
      code: `import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
export async function planToolCalls(userMessage: string, chatModel: BaseChatModel, tools: never[]) {
  const modelWithTools = chatModel as BaseChatModel & { bindTools?: (tools: never[]) => unknown };
  const boundModel = modelWithTools.bindTools!(tools);
  return (boundModel as { stream: (messages: unknown) => Promise<unknown> }).stream([{ role: 'user', content: 'Plan the tool calls for: ' + userMessage }]);
}`,
      calls: [{ line: 5, method: 'stream', provider: 'unknown', model: null, features: { streaming: true } }],
    },
  ],
});
