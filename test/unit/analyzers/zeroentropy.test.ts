import { zeroentropyAnalyzer } from '../../../src/analyzers/zeroentropy';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('zeroentropy analyzer', zeroentropyAnalyzer, {
  valid: [
    { name: "another SDK's rerank", code: `import Together from 'together-ai';\nconst zclient = new Together();\n(zclient as any).models.rerank({ model: 'zerank-1', query: 'q', documents: ['a'] });` },
    { name: 'a hosted collection query (no reranker model call)', code: `import { ZeroEntropy } from 'zeroentropy';\nconst zclient = new ZeroEntropy();\nexport const hits = zclient.queries.topDocuments({ collection_name: 'docs', query: 'refund policy', k: 5 });` },
  ],
  invalid: [
    {
      name: "an optional SDK loaded when first used (`() => import('zeroentropy')` handed to a loader), the model a class default",
      code: `const FALLBACK_RERANKER = 'zerank-1';
async function requirePeer(pkg: string, load: () => Promise<any>): Promise<any> {
  try { return await load(); } catch { throw new Error(\`npm install \${pkg}\`); }
}
export class ZeroEntropyScorer {
  private client?: any;
  private model: string;
  constructor(options: { model?: string }) { this.model = options.model || FALLBACK_RERANKER; }
  private async sdkClient(): Promise<any> {
    if (!this.client) this.client = await this.build();
    return this.client;
  }
  private async build(): Promise<any> {
    const sdk = await requirePeer('zeroentropy', () => import('zeroentropy'));
    return new sdk.ZeroEntropy({ apiKey: process.env.ZEROENTROPY_API_KEY });
  }
  async score(question: string, passages: string[]) {
    const client = await this.sdkClient();
    return client.models.rerank({ model: this.model, query: question, documents: passages });
  }
}`,
      calls: [{ line: 19, method: 'models.rerank', provider: 'zeroentropy', endpoint: 'rerank', model: 'zerank-1', promptIncludes: ['{{question}}'] }],
    },
    {
      name: 'the default export, a literal model and top_n',
      code: `import ZeroEntropy from 'zeroentropy';
const zclient = new ZeroEntropy();
export async function topPassages(query: string, documents: string[]) {
  const { results } = await zclient.models.rerank({ model: 'zerank-2', query, documents, top_n: 3 });
  return results;
}`,
      calls: [{ line: 4, method: 'models.rerank', provider: 'zeroentropy', endpoint: 'rerank', model: 'zerank-2' }],
    },
  ],
});
