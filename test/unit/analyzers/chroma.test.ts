import { chromaAnalyzer } from '../../../src/analyzers/chroma';
import { runAnalyzerTests } from './tester';

const CLOUD_COLLECTION = `import { CloudClient, Schema, VectorIndexConfig, SparseVectorIndexConfig, K, Knn, Search } from 'chromadb';
import { ChromaCloudQwenEmbeddingFunction, ChromaCloudQwenEmbeddingModel } from '@chroma-core/chroma-cloud-qwen';
import { ChromaCloudSpladeEmbeddingFunction } from '@chroma-core/chroma-cloud-splade';

function createSchema(): Schema {
  const schema = new Schema();
  schema.createIndex(new VectorIndexConfig({ sourceKey: K.DOCUMENT, embeddingFunction: new ChromaCloudQwenEmbeddingFunction({ model: ChromaCloudQwenEmbeddingModel.QWEN3_EMBEDDING_0p6B, task: 'retrieval' }) }));
  schema.createIndex(new SparseVectorIndexConfig({ sourceKey: K.DOCUMENT, embeddingFunction: new ChromaCloudSpladeEmbeddingFunction({}) }), 'sparse');
  return schema;
}

async function openCollection(name: string) {
  const client = new CloudClient({ apiKey: process.env.CHROMA_API_KEY });
  return client.getOrCreateCollection({ name, schema: createSchema() });
}
`;

runAnalyzerTests('chroma analyzer', chromaAnalyzer, {
  valid: [
    {
      name: 'an app passing its own vectors (embeddings, queryEmbeddings) embeds elsewhere',
      code: `import { ChromaClient, OpenAIEmbeddingFunction } from 'chromadb';
const client = new ChromaClient();
const collection = await client.getOrCreateCollection({ name: 'docs', embeddingFunction: new OpenAIEmbeddingFunction({ openai_api_key: 'k', openai_model: 'text-embedding-3-small' }) });
await collection.add({ ids: ['a'], embeddings: [[0.1, 0.2]], documents: ['hello'] });
await collection.query({ queryEmbeddings: [[0.1, 0.2]], nResults: 4 });`,
    },
    {
      name: 'a collection without an embedding function named in the code (the client default runs locally)',
      code: `import { ChromaClient } from 'chromadb';
const client = new ChromaClient();
const collection = await client.getCollection({ name: 'docs' });
await collection.add({ ids: ['a'], documents: ['hello'] });
await collection.query({ queryTexts: ['hello'] });`,
    },
    {
      name: 'add and query of objects that are no Chroma collection',
      code: `const store = { add: (o: object) => o, query: (o: object) => o };
store.add({ documents: ['hello'] });
store.query({ queryTexts: ['hello'] });`,
    },
    {
      name: 'a Chroma Cloud search ranking by a vector, not by text',
      code: `${CLOUD_COLLECTION}
export async function nearest(vector: number[]) {
  const collection = await openCollection('docs');
  return collection.search(new Search().rank(Knn({ query: [0.1, 0.2, 0.3], limit: 10 })));
}`,
    },
  ],
  invalid: [
    {
      name: 'Chroma Cloud: documents added and a text query searched, embedded by the schema\'s dense Qwen index (the package enum gives the model)',
      code: `${CLOUD_COLLECTION}
export async function ingest(texts: string[]) {
  const collection = await openCollection('docs');
  await collection.add({ ids: texts.map((_, i) => String(i)), documents: texts });
}

export async function retrieve(query: string) {
  const collection = await openCollection('docs');
  const search = new Search().rank(Knn({ query, limit: 50 })).limit(4);
  return collection.search(search);
}`,
      calls: [
        { line: 19, method: 'collection.add', provider: 'chroma', endpoint: 'embedding', model: 'Qwen/Qwen3-Embedding-0.6B', modelSource: 'constant', holeKinds: ['rag-context'] },
        { line: 25, method: 'collection.search', provider: 'chroma', endpoint: 'embedding', model: 'Qwen/Qwen3-Embedding-0.6B', holeKinds: ['interpolation'] },
      ],
    },
    {
      name: 'an embedding function given to the collection: documents upserted and a text query',
      code: `import { ChromaClient, OpenAIEmbeddingFunction } from 'chromadb';
const embedder = new OpenAIEmbeddingFunction({ openai_api_key: process.env.OPENAI_API_KEY!, openai_model: 'text-embedding-3-small' });
const client = new ChromaClient({ path: 'http://localhost:8000' });
const collection = await client.getOrCreateCollection({ name: 'notes', embeddingFunction: embedder });
export const save = (notes: string[]) => collection.upsert({ ids: notes.map((_, i) => String(i)), documents: notes });
export const find = (question: string) => collection.query({ queryTexts: [question], nResults: 5 });`,
      calls: [
        { line: 5, method: 'collection.upsert', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' },
        { line: 6, method: 'collection.query', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' },
      ],
    },
  ],
});
