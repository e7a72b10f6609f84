import { elevenlabsAnalyzer } from '../../../src/analyzers/elevenlabs';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('elevenlabs analyzer', elevenlabsAnalyzer, {
  valid: [
    { name: 'listing voices sends no text', code: `import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';\nconst client = new ElevenLabsClient();\nexport const voices = await client.voices.getAll();` },
    { name: 'generate() and convert() of other objects are not ElevenLabs requests', code: `import { Converter } from 'showdown';\nconst converter = new Converter();\nexport const html = converter.makeHtml('# hi');\nexport function run(cohere: any, codegen: { generate(x: unknown): unknown }) {\n  codegen.generate({ text: 'x', model_id: 'eleven_multilingual_v2' });\n  return cohere.textToSpeech.convert('voice', { text: 'x' });\n}` },
  ],
  invalid: [
    {
      name: 'legacy generate() on a client held by a class (CommonJS), and text to speech with the request as second argument',
      code: `const { ElevenLabsClient } = require('elevenlabs');
class Speaker {
  constructor() {
    this.elevenLabs = new ElevenLabsClient({ apiKey: process.env.ELEVEN_KEY });
    this.modelId = 'eleven_multilingual_v2';
  }
  async speak(text) {
    return this.elevenLabs.generate({ voice: 'Rachel', text, model_id: this.modelId });
  }
  async stream(voiceId, text) {
    return this.elevenLabs.textToSpeech.stream(voiceId, { text, modelId: 'eleven_flash_v2_5' });
  }
}
module.exports = { Speaker };`,
      calls: [
        { line: 8, method: 'generate', provider: 'elevenlabs', endpoint: 'audio-speech', model: 'eleven_multilingual_v2' },
        { line: 11, method: 'textToSpeech.stream', endpoint: 'audio-speech', model: 'eleven_flash_v2_5', features: { streaming: true } },
      ],
    },
    {
      name: 'speech to text on the new package',
      code: `import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
const elevenlabs = new ElevenLabsClient();
export async function transcribe(file: Blob) {
  return elevenlabs.speechToText.convert({ file, modelId: 'scribe_v1' });
}`,
      calls: [{ line: 4, method: 'speechToText.convert', endpoint: 'audio-transcription', model: 'scribe_v1' }],
    },
  ],
});
