import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * Hugging Face's Inference SDK (`@huggingface/inference`, published as `huggingface` before): a client made with the
 * user's token (`new InferenceClient(token)`, `HfInference` before v4, `HuggingFace` in the old package) with one method
 * per task, each naming the model it runs (`{ model, inputs }`, or `{ model, messages }` for chat). Served by Hugging
 * Face's Inference Providers (provider `huggingface`), or by the endpoint the client is pointed at (`endpointUrl`).
 */
export const huggingfaceInferenceAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'huggingface-inference',
  provider: 'huggingface',
  packages: ['@huggingface/inference', 'huggingface'],
  classes: ['InferenceClient', 'HfInference', 'HuggingFace'],
  methods: [
    { path: 'chatCompletion', endpoint: 'chat' },
    { path: 'chatCompletionStream', endpoint: 'chat', streaming: true },
    { path: 'textGeneration', endpoint: 'completion' },
    { path: 'textGenerationStream', endpoint: 'completion', streaming: true },
    { path: 'summarization', endpoint: 'completion' },
    { path: 'translation', endpoint: 'completion' },
    { path: 'featureExtraction', endpoint: 'embedding' },
    { path: 'sentenceSimilarity', endpoint: 'embedding' },
    { path: 'textClassification', endpoint: 'other' },
    { path: 'zeroShotClassification', endpoint: 'other' },
    { path: 'tokenClassification', endpoint: 'other' },
    { path: 'textToImage', endpoint: 'image-generation' },
    { path: 'automaticSpeechRecognition', endpoint: 'audio-transcription' },
    { path: 'textToSpeech', endpoint: 'audio-speech' },
  ],
  hostOptions: ['endpointUrl'],
  fields: {
    model: ['model'],
    messages: ['messages'],
    prompt: ['inputs'],
    maxTokens: ['max_tokens', 'parameters.max_new_tokens'],
    tools: ['tools'],
    structured: ['response_format'],
  },
});
