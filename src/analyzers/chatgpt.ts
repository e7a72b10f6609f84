import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * The `chatgpt` package (transitive-bullshit/chatgpt-api), behind many 2023 chat apps: `new ChatGPTAPI({ apiKey,
 * completionParams: { model } })` sends OpenAI chat completions, and `ChatGPTUnofficialProxyAPI` sends ChatGPT's own web
 * backend through a reverse proxy with an access token; both answer `api.sendMessage(text, options)`, keeping the
 * conversation by message id. The model is set on the client unless the options' `completionParams` name one; the
 * package's own default changed between its versions, so none is assumed. Served by OpenAI either way.
 */
export const chatgptAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'chatgpt',
  provider: 'openai',
  packages: ['chatgpt'],
  methods: [{ path: 'sendMessage', endpoint: 'chat' }],
  positional: { sendMessage: { input: 0, inputIsText: true, options: 1 } },
  hostOptions: ['apiBaseUrl'],
  clientModel: ['completionParams.model', 'model'],
  fields: {
    model: ['completionParams.model'],
    system: ['systemMessage'],
    maxTokens: ['completionParams.max_tokens'],
    streamingCallbacks: ['onProgress'],
  },
});
