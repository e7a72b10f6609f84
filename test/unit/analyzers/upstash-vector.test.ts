import { upstashVectorAnalyzer } from '../../../src/analyzers/upstash-vector';
import { runAnalyzerTests } from './tester';

const SHARED_INDEX = `import { Index } from '@upstash/vector';
export const searchIndex = new Index({ url: process.env.UPSTASH_VECTOR_REST_URL!, token: process.env.UPSTASH_VECTOR_REST_TOKEN! });
`;

runAnalyzerTests('upstash-vector analyzer', upstashVectorAnalyzer, {
  valid: [
    {
      name: 'the app sends its own vectors (query by vector, upsert of vectors): storage, not an embedding request',
      code: `import { searchIndex } from './lib/vector';
export async function nearest(embedding: number[]) {
  return searchIndex.query({ vector: embedding, topK: 5, includeMetadata: true });
}
export async function store(id: string, embedding: number[], data: string) {
  await searchIndex.upsert([{ id, vector: embedding, metadata: { data } }]);
}`,
      files: { 'src/lib/vector.ts': SHARED_INDEX },
    },
    {
      name: 'the index constructor and reads (fetch, range) make no embedding request',
      code: `import { Index } from '@upstash/vector';
const index = new Index();
export const rows = index.fetch(['doc-1'], { includeData: true });
export const page = index.range({ cursor: 0, limit: 10, includeData: true });`,
    },
    {
      name: "another library's query({ data }) and upsert",
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const found = (pool as any).query({ data: 'x', text: 'select 1' });
const store = { upsert: (rows: object[]) => rows };
store.upsert([{ id: 'a', data: 'hello' }]);`,
    },
  ],
  invalid: [
    {
      name: 'a raw-text query in a tool, on an index made in another module',
      code: `import { searchIndex } from './lib/vector';
export const findDocs = {
  execute: async ({ question }: { question: string }) => {
    const hits = await searchIndex.query({
      data: question,
      topK: 4,
      includeMetadata: true,
    });
    return hits.map(({ id, metadata }) => ({ id, metadata }));
  },
};`,
      files: { 'src/lib/vector.ts': SHARED_INDEX },
      calls: [{ line: 4, method: 'index.query', provider: 'upstash', endpoint: 'embedding', model: null, promptIncludes: ['{{question}}'], holeKinds: ['interpolation'], evidenceIncludes: ["index's embedding model"] }],
    },
    {
      name: 'chunks upserted as raw text, one request per chunk',
      code: `import { searchIndex } from './lib/vector';
export async function indexArticle(chunks: { id: string; body: string; heading: string }[]) {
  await Promise.all(
    chunks.map(async (chunk) => {
      await searchIndex.upsert([
        {
          id: chunk.id,
          data: chunk.body,
          metadata: { heading: chunk.heading },
        },
      ]);
    }),
  );
}`,
      files: { 'src/lib/vector.ts': SHARED_INDEX },
      calls: [{ line: 5, method: 'index.upsert', provider: 'upstash', endpoint: 'embedding', model: null, holeKinds: ['rag-context'] }],
    },
    {
      name: "an optional SDK loaded when first used, the index a class field, a namespace's raw-text query",
      code: `async function optionalPeer(pkg: string, load: () => Promise<any>): Promise<any> {
  try { return await load(); } catch { throw new Error(\`npm install \${pkg}\`); }
}
export class UpstashStore {
  private client: any;
  async init(url: string, token: string) {
    const sdk = await optionalPeer('@upstash/vector', () => import('@upstash/vector'));
    this.client = new sdk.Index({ url, token });
  }
  async keywordSearch(text: string) {
    return this.client.namespace('memories').query({ data: text, topK: 5 });
  }
  async search(embedding: number[]) {
    return this.client.query({ vector: embedding, topK: 5 });
  }
}`,
      calls: [{ line: 11, method: 'index.query', provider: 'upstash', endpoint: 'embedding', model: null }],
    },
    {
      name: 'Index.fromEnv() and an update that re-embeds new text',
      code: `import { Index } from '@upstash/vector';
const index = Index.fromEnv();
export async function rename(id: string, title: string) {
  await index.update({ id, data: title });
}`,
      calls: [{ line: 4, method: 'index.update', provider: 'upstash', endpoint: 'embedding', model: null }],
    },
  ],
});
