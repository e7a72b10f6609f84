import { cloudSpeechAnalyzer } from '../../../src/analyzers/cloud-speech';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('cloud-speech analyzer', cloudSpeechAnalyzer, {
  valid: [
    { name: "Azure's speech config and a synthesizer closed: no audio sent", code: `import * as sdk from 'microsoft-cognitiveservices-speech-sdk';\nconst config = sdk.SpeechConfig.fromSubscription('key', 'eastus');\nexport const synthesizer = new sdk.SpeechSynthesizer(config);\nsynthesizer.close();` },
    { name: "Google's voice list and another library's synthesizeSpeech", code: `import tts from '@google-cloud/text-to-speech';\nimport { Speaker } from './speaker';\nconst client = new tts.TextToSpeechClient();\nexport const voices = client.listVoices({});\nexport const spoken = new Speaker().synthesizeSpeech({ input: { text: 'hi' } });` },
    { name: "an AWS client's other command (Polly's voice list) sends nothing to speak", code: `import { PollyClient, DescribeVoicesCommand } from '@aws-sdk/client-polly';\nconst polly = new PollyClient({});\nexport const voices = polly.send(new DescribeVoicesCommand({}));` },
  ],
  invalid: [
    {
      name: "Azure in a Vue composable: a recognizer and a synthesizer held in refs made empty (`ref<SpeechRecognizer | null>(null)`), set before they run (`recognizer.value = new SpeechRecognizer(...)`)",
      code: `import { ref } from 'vue';
import { AudioConfig, SpeechConfig, SpeechRecognizer, SpeechSynthesizer } from 'microsoft-cognitiveservices-speech-sdk';
export function useSpeechService(key: string, region: string) {
  const config = SpeechConfig.fromSubscription(key, region);
  const recognizer = ref<SpeechRecognizer | null>(null);
  const synthesizer = ref<SpeechSynthesizer | null>(null);
  const listen = () => {
    recognizer.value = new SpeechRecognizer(config, AudioConfig.fromDefaultMicrophoneInput());
    recognizer.value.startContinuousRecognitionAsync();
  };
  const speak = (text: string) => {
    synthesizer.value = new SpeechSynthesizer(config);
    synthesizer.value.speakTextAsync(text);
  };
  return { listen, speak };
}`,
      calls: [
        { line: 9, method: 'SpeechRecognizer.startContinuousRecognitionAsync', provider: 'azure-speech', endpoint: 'audio-transcription' },
        { line: 13, method: 'SpeechSynthesizer.speakTextAsync', provider: 'azure-speech', endpoint: 'audio-speech' },
      ],
    },
    {
      name: "Azure: a synthesizer's text and SSML, a recognizer's single and continuous recognition (a namespace import)",
      code: `import * as SpeechSDK from 'microsoft-cognitiveservices-speech-sdk';
const config = SpeechSDK.SpeechConfig.fromSubscription('key', 'eastus');
export function speak(text: string, ssml: string) {
  const synthesizer = new SpeechSDK.SpeechSynthesizer(config, null as never);
  synthesizer.speakTextAsync('Your ticket was answered. ' + text, () => synthesizer.close());
  synthesizer.speakSsmlAsync(ssml, () => synthesizer.close());
  const recognizer = new SpeechSDK.SpeechRecognizer(config);
  recognizer.recognizeOnceAsync((result) => result.text);
  recognizer.startContinuousRecognitionAsync();
}`,
      calls: [
        { line: 5, method: 'SpeechSynthesizer.speakTextAsync', sdk: 'cloud-speech', provider: 'azure-speech', endpoint: 'audio-speech', model: null, promptIncludes: ['Your ticket was answered'], evidenceIncludes: ["the vendor's default"] },
        { line: 6, method: 'SpeechSynthesizer.speakSsmlAsync', provider: 'azure-speech', endpoint: 'audio-speech' },
        { line: 8, method: 'SpeechRecognizer.recognizeOnceAsync', provider: 'azure-speech', endpoint: 'audio-transcription', features: { streaming: false } },
        { line: 9, method: 'SpeechRecognizer.startContinuousRecognitionAsync', provider: 'azure-speech', endpoint: 'audio-transcription', features: { streaming: true } },
      ],
    },
    {
      name: "Google Cloud: a client set in the constructor on a field declared `TextToSpeechClient | undefined`, its voice's name; recognition with the config's model",
      code: `import type { TextToSpeechClient } from '@google-cloud/text-to-speech';
import tts from '@google-cloud/text-to-speech';
import speech from '@google-cloud/speech';
export class Voice {
  private readonly client: TextToSpeechClient | undefined = undefined;
  constructor() {
    this.client = new tts.TextToSpeechClient();
  }
  async say(text: string) {
    return this.client!.synthesizeSpeech({ input: { text }, voice: { languageCode: 'en-US', name: 'en-US-Wavenet-A' }, audioConfig: { audioEncoding: 'MP3' } });
  }
}
export async function hear(audio: string) {
  const client = new speech.SpeechClient();
  return client.recognize({ audio: { content: audio }, config: { model: 'latest_long', languageCode: 'en-US' } });
}`,
      calls: [
        // The field is declared empty, so the client is the one the constructor makes (not only the declared type).
        { line: 10, method: 'TextToSpeechClient.synthesizeSpeech', provider: 'google-cloud', endpoint: 'audio-speech', model: 'en-US-Wavenet-A', evidenceIncludes: ['made at case.ts:7'] },
        { line: 15, method: 'SpeechClient.recognize', provider: 'google-cloud', endpoint: 'audio-transcription', model: 'latest_long' },
      ],
    },
    {
      name: 'Amazon Polly and Transcribe: commands sent on a client, the voice and the text of the command; the aggregated client\'s method',
      code: `import { Polly, PollyClient, SynthesizeSpeechCommand } from '@aws-sdk/client-polly';
import { TranscribeClient, StartTranscriptionJobCommand } from '@aws-sdk/client-transcribe';
const polly = new PollyClient({ region: 'us-east-1' });
const transcribe = new TranscribeClient({});
export async function read(text: string) {
  await polly.send(new SynthesizeSpeechCommand({ OutputFormat: 'mp3', VoiceId: 'Joanna', Text: text }));
  await transcribe.send(new StartTranscriptionJobCommand({ TranscriptionJobName: 'job', Media: { MediaFileUri: 's3://a/b.wav' } }));
  return new Polly({}).synthesizeSpeech({ OutputFormat: 'mp3', VoiceId: 'Matthew', Text: text });
}`,
      calls: [
        { line: 6, method: 'send(SynthesizeSpeechCommand)', provider: 'aws', endpoint: 'audio-speech', model: 'Joanna' },
        { line: 7, method: 'send(StartTranscriptionJobCommand)', provider: 'aws', endpoint: 'audio-transcription', model: null },
        { line: 8, method: 'Polly.synthesizeSpeech', provider: 'aws', endpoint: 'audio-speech', model: 'Matthew' },
      ],
    },
    {
      name: "IBM Watson: clients imported as each module's default export under a local name, on fields declared with it",
      code: `import Stt from 'ibm-watson/speech-to-text/v1';
import TextToSpeechV1 from 'ibm-watson/text-to-speech/v1';
export class Watson {
  private readonly stt: Stt | undefined = undefined;
  private readonly tts = new TextToSpeechV1({});
  constructor() {
    this.stt = new Stt({});
  }
  async hear(audio: Buffer) {
    return this.stt!.recognize({ audio, contentType: 'audio/wav', model: 'en-US_BroadbandModel' });
  }
  async say(text: string) {
    return this.tts.synthesize({ text, voice: 'en-US_MichaelV3Voice', accept: 'audio/wav' });
  }
}`,
      calls: [
        { line: 10, method: 'SpeechToTextV1.recognize', provider: 'ibm-watson', endpoint: 'audio-transcription', model: 'en-US_BroadbandModel' },
        { line: 13, method: 'TextToSpeechV1.synthesize', provider: 'ibm-watson', endpoint: 'audio-speech', model: 'en-US_MichaelV3Voice' },
      ],
    },
  ],
});
