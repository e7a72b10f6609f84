/**
 * What the LangChain library runs of the app's own classes, shared by the LangChain analyzer and the caller search:
 * a vector store calls its embeddings' `embedDocuments` / `embedQuery` (a store made with a LangChain embeddings class
 * is a site of its own; one made with the app's own class runs that class's requests), and a model class's runnable
 * methods (`invoke`, `stream`, ...) call the `_generate` / `_streamResponseChunks` it implements.
 */
import { Node, type CallExpression, type NewExpression } from 'ts-morph';
import type { ModuleLoader } from './modules';
import { unwrapExpression } from './resolve';
import { traceValue } from './sdk';

/** LangChain's packages: `@langchain/*` and `langchain` with its subpaths. */
export const LANGCHAIN_PACKAGE = /^@langchain\/|^langchain(?:\/|$)/;

/**
 * Vector-store calls that make the store embed text with its embeddings model: building it from
 * documents, adding documents, opening an existing index (every later query is embedded through it),
 * searching and handing out a retriever. The store call is the site; the embeddings requests happen inside.
 */
export const STORE_METHODS: Readonly<Record<string, { embeds: 'documents' | 'queries' }>> = {
  fromDocuments: { embeds: 'documents' },
  fromTexts: { embeds: 'documents' },
  addDocuments: { embeds: 'documents' },
  addTexts: { embeds: 'documents' },
  fromExistingIndex: { embeds: 'queries' },
  fromExistingCollection: { embeds: 'queries' },
  fromExistingGraph: { embeds: 'queries' },
  fromIndex: { embeds: 'queries' },
  similaritySearch: { embeds: 'queries' },
  similaritySearchWithScore: { embeds: 'queries' },
  maxMarginalRelevanceSearch: { embeds: 'queries' },
  asRetriever: { embeds: 'queries' },
};

/** The method of LangChain's `Embeddings` interface a store calls for what it embeds: documents or queries. */
export const EMBEDDINGS_METHOD: Readonly<Record<'documents' | 'queries', string>> = { documents: 'embedDocuments', queries: 'embedQuery' };

/** The store calls that run an `Embeddings` method (`embedDocuments` → addDocuments, fromTexts, ...). */
export function storeMethodsRunning(embeddingsMethod: string): string[] {
  return Object.entries(STORE_METHODS).filter(([, spec]) => EMBEDDINGS_METHOD[spec.embeds] === embeddingsMethod).map(([name]) => name);
}

/** Static methods that open a store on embeddings without adding documents: a saved one loaded (`FaissStore.load(directory, embeddings)`), PGVector's table connected (`PGVectorStore.initialize(embeddings, config)`). */
const STORE_OPENERS = new Set(['load', 'initialize']);

/**
 * Where the store a method is called on was made: `new MemoryVectorStore(embeddings)`, `Store.fromDocuments(docs, embeddings)`
 * or one opened by STORE_OPENERS: the call itself, for a factory, with the class or factory's receiver.
 */
export function storeCreation(receiver: Node, modules: ModuleLoader): { creation: CallExpression | NewExpression; classNode: Node } | undefined {
  const created = traceValue(receiver, modules);
  if (Node.isNewExpression(created)) return { creation: created, classNode: unwrapExpression(created.getExpression()) };
  if (Node.isCallExpression(created)) {
    const factory = unwrapExpression(created.getExpression());
    if (Node.isPropertyAccessExpression(factory) && (factory.getName().startsWith('from') || STORE_OPENERS.has(factory.getName()))) return { creation: created, classNode: unwrapExpression(factory.getExpression()) };
  }
  return undefined;
}

/**
 * The methods a LangChain chat model or LLM class implements for the library: `invoke`, `stream`, `batch` and the rest
 * of the runnable interface (RUNNABLE_ENTRIES), inherited from LangChain's base class, call them.
 */
export const RUNNABLE_IMPLEMENTATIONS: ReadonlySet<string> = new Set(['_generate', '_streamResponseChunks', '_call', '_streamIterator']);
export const RUNNABLE_ENTRIES: readonly string[] = ['invoke', 'stream', 'batch', 'call', 'predict', 'predictMessages', 'generate', 'streamEvents', 'streamLog'];
