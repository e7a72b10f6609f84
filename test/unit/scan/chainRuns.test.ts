import * as assert from 'node:assert/strict';
import { scanProject } from '../fixtureProject';

/**
 * One call can make two requests of different kinds: a LangChain QA chain over a vector store embeds the query and then
 * asks its model, both where the chain runs. The scan keeps both sites there (its de-duplication drops only the same
 * request seen twice, by two analyzers).
 */
describe('two requests at one call', () => {
  it('a VectorDBQAChain run over a store it opens is a chat site and an embedding site at the same call; the opening is none', async () => {
    const result = await scanProject(
      {
        'package.json': JSON.stringify({ name: 'qa', dependencies: { langchain: '0.0.100' } }),
        'app/api/qa/route.ts': `import { VectorDBQAChain } from 'langchain/chains';
import { OpenAIEmbeddings } from 'langchain/embeddings/openai';
import { OpenAI } from 'langchain/llms/openai';
import { PineconeStore } from 'langchain/vectorstores/pinecone';
export async function POST(request: Request) {
  const { prompt } = await request.json();
  const vectorStore = await PineconeStore.fromExistingIndex(new OpenAIEmbeddings(), { pineconeIndex: {} as any });
  const chain = VectorDBQAChain.fromLLM(new OpenAI({ modelName: 'gpt-3.5-turbo-16k' }), vectorStore, { k: 1 });
  return Response.json(await chain.call({ query: prompt }));
}
`,
      },
      'chain-runs-',
    );
    const sites = result.callSites.map((site) => `${site.line} ${site.endpoint} ${site.model.id}`).sort();
    assert.deepEqual(sites, ['9 completion gpt-3.5-turbo-16k', '9 embedding text-embedding-ada-002']);
  });
});
