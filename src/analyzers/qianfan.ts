import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * Baidu's Qianfan SDK (`@baiducloud/qianfan`): `new ChatCompletion({ QIANFAN_AK, QIANFAN_SK })` (or the package's
 * `Qianfan` client made with the key pair) and `client.chat({ model, messages, system, max_output_tokens }, endpoint)`,
 * the model as the body's `model` (a model named only by the second argument, an endpoint name, stays unknown); `Completions`' `completions({ prompt })` and `Eembedding`'s
 * `embedding({ input })` likewise. Served and billed by Baidu's Qianfan platform (ERNIE models).
 */
export const qianfanAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'qianfan',
  provider: 'baidu',
  packages: ['@baiducloud/qianfan'],
  classes: ['ChatCompletion', 'Qianfan', 'Completions', 'Eembedding'],
  methods: [
    { path: 'chat', endpoint: 'chat' },
    { path: 'completions', endpoint: 'completion' },
    { path: 'embedding', endpoint: 'embedding' },
  ],
  fields: {
    model: ['model'],
    system: ['system'],
    messages: ['messages'],
    prompt: ['prompt', 'input'],
    maxTokens: ['max_output_tokens'],
    tools: ['functions', 'tools'],
    structured: ['response_format'],
  },
});
