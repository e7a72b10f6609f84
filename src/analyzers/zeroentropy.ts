import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * `zeroentropy`: ZeroEntropy's client (`new ZeroEntropy({ apiKey })`), whose `models.rerank({ model, query, documents })`
 * scores documents against a query with a zerank model on ZeroEntropy's API (billed by the tokens it reads). The SDK's
 * collection, document and query resources index and search ZeroEntropy-hosted collections and are not reported.
 * (zeroentropy-ai/zeroentropy-node, src/resources/models.ts: `rerank` posts to `/models/rerank`.)
 */
export const zeroentropyAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'zeroentropy',
  provider: 'zeroentropy',
  packages: ['zeroentropy'],
  methods: [{ path: 'models.rerank', endpoint: 'rerank' }],
  hostOptions: ['baseURL'],
  fields: {
    model: ['model'],
    prompt: ['query'],
  },
});
