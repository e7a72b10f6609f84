/**
 * LangChain vector stores' methods that embed text with the store's embeddings model: shared by the LangChain analyzer
 * (a store made with a LangChain embeddings class is a site of its own) and the caller search (a store made with the
 * app's own embeddings class runs that class's `embedDocuments` / `embedQuery`, its requests).
 */
import { Node, type CallExpression, type NewExpression } from 'ts-morph';
import type { ModuleLoader } from './modules';
import { unwrapExpression } from './resolve';
import { traceValue } from './sdk';

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

/**
 * Where the store a method is called on was made: `new MemoryVectorStore(embeddings)` or `Store.fromDocuments(docs, embeddings)`
 * (the call itself, for a factory), with the class or factory's receiver.
 */
export function storeCreation(receiver: Node, modules: ModuleLoader): { creation: CallExpression | NewExpression; classNode: Node } | undefined {
  const created = traceValue(receiver, modules);
  if (Node.isNewExpression(created)) return { creation: created, classNode: unwrapExpression(created.getExpression()) };
  if (Node.isCallExpression(created)) {
    const factory = unwrapExpression(created.getExpression());
    if (Node.isPropertyAccessExpression(factory) && factory.getName().startsWith('from')) return { creation: created, classNode: unwrapExpression(factory.getExpression()) };
  }
  return undefined;
}
