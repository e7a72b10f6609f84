import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * `@azure/openai` 1.0's own client (`new OpenAIClient(endpoint, new AzureKeyCredential(key))`), retired by Microsoft
 * in favour of the `openai` package's `AzureOpenAI` but still in many apps: each method takes the deployment name and
 * the input as arguments of their own (`getChatCompletions(deploymentName, messages, options)`). Served and billed by
 * Azure OpenAI; the deployment name stands for the model.
 */
export const azureOpenaiAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'azure-openai',
  provider: 'azure-openai',
  packages: ['@azure/openai'],
  methods: [
    { path: 'getChatCompletions', endpoint: 'chat' },
    { path: 'streamChatCompletions', endpoint: 'chat', streaming: true },
    { path: 'getCompletions', endpoint: 'completion' },
    { path: 'streamCompletions', endpoint: 'completion', streaming: true },
    { path: 'getEmbeddings', endpoint: 'embedding' },
    { path: 'getImages', endpoint: 'image-generation' },
    { path: 'getAudioTranscription', endpoint: 'audio-transcription' },
    { path: 'getAudioTranslation', endpoint: 'audio-transcription' },
  ],
  positional: {
    getChatCompletions: { model: 0, input: 1, options: 2 },
    streamChatCompletions: { model: 0, input: 1, options: 2 },
    getCompletions: { model: 0, input: 1, options: 2 },
    streamCompletions: { model: 0, input: 1, options: 2 },
    getEmbeddings: { model: 0, input: 1, options: 2 },
    getImages: { model: 0, input: 1, options: 2 },
    getAudioTranscription: { model: 0 },
    getAudioTranslation: { model: 0 },
  },
  fields: {
    model: [],
    maxTokens: ['maxTokens'],
    tools: ['tools', 'functions'],
    structured: ['responseFormat'],
  },
});
