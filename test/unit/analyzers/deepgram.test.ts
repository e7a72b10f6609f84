import { deepgramAnalyzer } from '../../../src/analyzers/deepgram';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('deepgram analyzer', deepgramAnalyzer, {
  valid: [
    { name: "the client's project and key management sends no audio", code: `import { createClient } from '@deepgram/sdk';\nconst deepgram = createClient('key');\nexport const keys = await deepgram.manage.getProjectKeys('p');` },
    { name: "another library's listen.live and speak.request", code: `import { createClient } from './radio';\nconst radio = createClient();\nexport function tune() {\n  radio.listen.live({ model: 'nova-3' });\n  return radio.speak.request({ text: 'hi' }, { model: 'aura-2-thalia-en' });\n}` },
  ],
  invalid: [
    {
      name: 'transcription of a file and a URL, text to speech, a live socket: the options model, the text spoken',
      code: `import { createClient } from '@deepgram/sdk';
const deepgram = createClient(process.env.DEEPGRAM_API_KEY);
export async function run(audio: Buffer, reply: string) {
  await deepgram.listen.prerecorded.transcribeFile(audio, { model: 'nova-3', smart_format: true });
  await deepgram.listen.prerecorded.transcribeUrl({ url: 'https://example.com/a.wav' }, { model: 'whisper-large' });
  await deepgram.speak.request({ text: 'Your order has shipped. ' + reply }, { model: 'aura-2-thalia-en' });
  return deepgram.listen.live({ model: 'nova-3', interim_results: true });
}`,
      calls: [
        { line: 4, method: 'listen.prerecorded.transcribeFile', sdk: 'deepgram', provider: 'deepgram', endpoint: 'audio-transcription', model: 'nova-3', features: { streaming: false } },
        { line: 5, method: 'listen.prerecorded.transcribeUrl', provider: 'deepgram', endpoint: 'audio-transcription', model: 'whisper-large' },
        { line: 6, method: 'speak.request', provider: 'deepgram', endpoint: 'audio-speech', model: 'aura-2-thalia-en', promptIncludes: ['Your order has shipped'] },
        { line: 7, method: 'listen.live', provider: 'deepgram', endpoint: 'audio-transcription', model: 'nova-3', features: { streaming: true } },
      ],
    },
    {
      name: "a client made in a function and held on a class's field, without a model: Deepgram's default, said so",
      code: `import { createClient } from '@deepgram/sdk';
export class Transcriber {
  private client = createClient('key');
  async transcribe(buffer: ArrayBuffer) {
    return this.client.listen.prerecorded.transcribeFile(Buffer.from(buffer), { smart_format: true });
  }
}`,
      calls: [{ line: 5, method: 'listen.prerecorded.transcribeFile', provider: 'deepgram', model: null, evidenceIncludes: ["Deepgram's default model"] }],
    },
  ],
});
