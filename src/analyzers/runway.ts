import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * Runway's SDK (`@runwayml/sdk`): a client made with `new RunwayML()` starts a generation task per call —
 * `imageToVideo.create({ model: 'gen4_turbo', promptImage, promptText })`, `textToVideo`, `videoToVideo`, `textToImage`,
 * `characterPerformance`, its voice tasks (`textToSpeech`, `speechToSpeech`, `soundEffect`) — billed by Runway in credits
 * per second of output. Reading a task (`tasks.retrieve`, `waitForTaskOutput`) and uploads start none.
 */
export const runwayAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'runway',
  provider: 'runway',
  packages: ['@runwayml/sdk'],
  methods: [
    { path: 'imageToVideo.create', endpoint: 'other' },
    { path: 'textToVideo.create', endpoint: 'other' },
    { path: 'videoToVideo.create', endpoint: 'other' },
    { path: 'characterPerformance.create', endpoint: 'other' },
    { path: 'textToImage.create', endpoint: 'image-generation' },
    { path: 'textToSpeech.create', endpoint: 'audio-speech' },
    { path: 'speechToSpeech.create', endpoint: 'audio-speech' },
    { path: 'soundEffect.create', endpoint: 'other' },
  ],
  hostOptions: ['baseURL'],
  fields: {
    model: ['model'],
    prompt: ['promptText'],
    images: ['promptImage', 'referenceImages'],
  },
});
