import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { realtimeAudioTurn, toDetectedCall } from './shared/callsite';
import { getObjectProperty, placeOf, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { resolvePromptText } from './shared/prompt';
import { eachCall, madeByExport, readModel, standsForPackageType, type ImportBinding } from './shared/sdk';

/**
 * The cloud vendors' speech SDKs, each a client class whose methods send audio to transcribe or text to speak:
 * Azure AI Speech (`microsoft-cognitiveservices-speech-sdk`: a `SpeechSynthesizer`'s `speakTextAsync`/`speakSsmlAsync`, a
 * `SpeechRecognizer`'s `recognizeOnceAsync`/`startContinuousRecognitionAsync`), Google Cloud Speech-to-Text and
 * Text-to-Speech (`SpeechClient.recognize`/`longRunningRecognize`/`streamingRecognize`, `TextToSpeechClient.synthesizeSpeech`),
 * Amazon Polly and Transcribe (`client.send(new SynthesizeSpeechCommand(...))`, `new StartTranscriptionJobCommand(...)`, and
 * the aggregated client's `synthesizeSpeech(...)`), and IBM Watson (`SpeechToTextV1.recognize`, `TextToSpeechV1.synthesize`).
 * Billed per character spoken or per second of audio; the voice or model is what the request names (Google's
 * `voice.name`, Polly's `VoiceId`, Watson's `voice`/`model`), else the vendor's default. Only calls on a client traced to
 * the package's class are reported.
 */
interface Vendor {
  provider: string;
  /** The package, or packages, the client class comes from (a subpath of it too: `ibm-watson/speech-to-text/v1`). */
  packages: RegExp;
  /** The client classes, each with the methods that make a request on it. */
  clients: ReadonlyArray<{ names: readonly string[]; methods: ReadonlyArray<{ name: string; endpoint: Endpoint; streaming?: boolean }> }>;
  /** Where the request's model or voice is, in its first argument. */
  modelPaths: ReadonlyArray<readonly string[]>;
  /** Where the text to speak is, in its first argument (the argument itself for an empty path: Azure's `speakTextAsync(text)`). */
  textPaths: ReadonlyArray<readonly string[]>;
}

const VENDORS: readonly Vendor[] = [
  {
    provider: 'azure-speech',
    packages: /^microsoft-cognitiveservices-speech-sdk$/,
    clients: [
      { names: ['SpeechSynthesizer'], methods: [{ name: 'speakTextAsync', endpoint: 'audio-speech' }, { name: 'speakSsmlAsync', endpoint: 'audio-speech' }, { name: 'startSpeakingTextAsync', endpoint: 'audio-speech', streaming: true }, { name: 'startSpeakingSsmlAsync', endpoint: 'audio-speech', streaming: true }] },
      { names: ['SpeechRecognizer', 'ConversationTranscriber'], methods: [{ name: 'recognizeOnceAsync', endpoint: 'audio-transcription' }, { name: 'startContinuousRecognitionAsync', endpoint: 'audio-transcription', streaming: true }, { name: 'startTranscribingAsync', endpoint: 'audio-transcription', streaming: true }] },
    ],
    modelPaths: [],
    textPaths: [[]],
  },
  {
    provider: 'google-cloud',
    packages: /^@google-cloud\/(?:speech|text-to-speech)(?:\/|$)/,
    clients: [
      { names: ['SpeechClient'], methods: [{ name: 'recognize', endpoint: 'audio-transcription' }, { name: 'longRunningRecognize', endpoint: 'audio-transcription' }, { name: 'streamingRecognize', endpoint: 'audio-transcription', streaming: true }] },
      { names: ['TextToSpeechClient', 'TextToSpeechLongAudioSynthesizeClient'], methods: [{ name: 'synthesizeSpeech', endpoint: 'audio-speech' }, { name: 'synthesizeLongAudio', endpoint: 'audio-speech' }] },
    ],
    modelPaths: [['voice', 'name'], ['config', 'model']],
    textPaths: [['input', 'text'], ['input', 'ssml']],
  },
  {
    provider: 'aws',
    packages: /^@aws-sdk\/client-(?:polly|transcribe(?:-streaming)?)$/,
    clients: [
      { names: ['Polly', 'PollyClient'], methods: [{ name: 'synthesizeSpeech', endpoint: 'audio-speech' }, { name: 'startSpeechSynthesisTask', endpoint: 'audio-speech' }] },
      { names: ['Transcribe', 'TranscribeClient'], methods: [{ name: 'startTranscriptionJob', endpoint: 'audio-transcription' }] },
    ],
    modelPaths: [['VoiceId']],
    textPaths: [['Text']],
  },
  {
    provider: 'ibm-watson',
    packages: /^ibm-watson(?:\/|$)/,
    clients: [
      { names: ['SpeechToTextV1'], methods: [{ name: 'recognize', endpoint: 'audio-transcription' }, { name: 'recognizeUsingWebSocket', endpoint: 'audio-transcription', streaming: true }, { name: 'createJob', endpoint: 'audio-transcription' }] },
      { names: ['TextToSpeechV1'], methods: [{ name: 'synthesize', endpoint: 'audio-speech' }, { name: 'synthesizeUsingWebSocket', endpoint: 'audio-speech', streaming: true }] },
    ],
    modelPaths: [['voice'], ['model']],
    textPaths: [['text']],
  },
];

/** AWS SDK v3 commands sent with `client.send(new X(input))`, by command class. */
const AWS_COMMANDS: Readonly<Record<string, Endpoint>> = {
  SynthesizeSpeechCommand: 'audio-speech',
  StartSpeechSynthesisTaskCommand: 'audio-speech',
  StartTranscriptionJobCommand: 'audio-transcription',
  StartStreamTranscriptionCommand: 'audio-transcription',
};

/** Modules whose default export is a client class (`import SpeechToText from 'ibm-watson/speech-to-text/v1'`). */
const DEFAULT_CLIENTS: Readonly<Record<string, string>> = {
  'ibm-watson/speech-to-text/v1': 'SpeechToTextV1',
  'ibm-watson/text-to-speech/v1': 'TextToSpeechV1',
};

/** The client class an import binding names: its own name, or the class a module's default export is. */
function clientName(binding: ImportBinding): string {
  return binding.importedName === 'default' ? (DEFAULT_CLIENTS[binding.packageName] ?? 'default') : binding.importedName;
}

const METHOD_NAMES = new Set([...VENDORS.flatMap((vendor) => vendor.clients.flatMap((client) => client.methods.map((method) => method.name))), 'send']);

export const cloudSpeechAnalyzer: Analyzer = {
  id: 'cloud-speech',
  packages: VENDORS.map((vendor) => vendor.packages),
  analyze: eachCall(analyzeCall, (name) => METHOD_NAMES.has(name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.getName();
  const receiver = callee.getExpression();
  const clientOf = (binding: ImportBinding) => VENDORS.find((vendor) => vendor.packages.test(binding.packageName) && vendor.clients.some((client) => client.names.includes(clientName(binding))));
  const made = madeByExport(receiver, 'new', context.modules, (binding) => clientOf(binding) !== undefined) ?? declaredClient(receiver, context, (binding) => clientOf(binding) !== undefined);
  if (!made) return undefined;
  const vendor = clientOf(made.binding)!;
  let endpoint: Endpoint | undefined;
  let streaming = false;
  let input: Node | undefined = call.getArguments()[0];
  const className = clientName(made.binding);
  let method = `${className}.${name}`;
  if (name === 'send' && vendor.provider === 'aws') {
    // `client.send(new SynthesizeSpeechCommand({ Text, VoiceId }))`: the command says what is sent.
    const command = madeByExport(call.getArguments()[0] ?? call, 'new', context.modules, (binding) => vendor.packages.test(binding.packageName) && Object.hasOwn(AWS_COMMANDS, binding.importedName));
    if (!command) return undefined;
    endpoint = AWS_COMMANDS[command.binding.importedName];
    streaming = command.binding.importedName === 'StartStreamTranscriptionCommand';
    input = command.made.getArguments()[0];
    method = `send(${command.binding.importedName})`;
  } else {
    const request = vendor.clients.find((client) => client.names.includes(className))?.methods.find((candidate) => candidate.name === name);
    if (!request) return undefined;
    endpoint = request.endpoint;
    streaming = Boolean(request.streaming);
  }
  const modelNode = vendor.modelPaths.map((path) => propertyAt(input, path, context)).find((node) => node !== undefined);
  const model = readModel(modelNode, context.modules);
  const evidence = [`${method}() on the ${className} ${Node.isNewExpression(made.made) ? 'made' : 'declared'} at ${placeOf(made.made)} (${made.binding.packageName})`, ...model.evidence];
  if (!modelNode) evidence.push(`no ${endpoint === 'audio-speech' ? 'voice' : 'model'} in the request: the vendor's default (not stated in the code)`);
  if (streaming) evidence.push(`a streaming ${endpoint === 'audio-speech' ? 'synthesis' : 'recognition'}: audio flows while it runs, billed by its length`);
  const text = endpoint === 'audio-speech' ? vendor.textPaths.map((path) => propertyAt(input, path, context)).find((node) => node !== undefined) : undefined;
  return toDetectedCall(call, context, {
    provider: vendor.provider,
    sdk: 'cloud-speech',
    method,
    endpoint,
    model: model.ref,
    // Text spoken, the caller's audio streamed, or a recording sent whole (no prompt: billed by its length).
    messages: text ? [{ role: 'user', ...resolvePromptText(text, context.modules) }] : streaming ? [realtimeAudioTurn()] : [],
    maxOutputTokens: null,
    features: { streaming, tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}

/**
 * `this.client` of a class declaring `private client: TextToSpeechClient | undefined = undefined` and setting it in a
 * method (`this.client = new tts.TextToSpeechClient()`): the client class the field's type names, where the value is
 * set out of sight of a trace.
 */
function declaredClient(receiver: Node, context: AnalyzerContext, accepts: (binding: ImportBinding) => boolean): { made: Node; binding: ImportBinding } | undefined {
  const access = unwrapExpression(receiver);
  if (!Node.isPropertyAccessExpression(access) || access.getExpression().getKind() !== SyntaxKind.ThisKeyword) return undefined;
  const owner = access.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
  const field = owner && (Node.isClassDeclaration(owner) || Node.isClassExpression(owner)) ? owner.getInstanceProperty(access.getName()) : undefined;
  const typeNode = field && (Node.isPropertyDeclaration(field) || Node.isParameterDeclaration(field)) ? field.getTypeNode() : undefined;
  let found: ImportBinding | undefined;
  const stands = typeNode && standsForPackageType(typeNode, (type) => {
    // `client: Stt` of `import Stt from 'ibm-watson/speech-to-text/v1'`: the module's default export, under a local name.
    const binding = { packageName: type.packageName, importedName: Object.hasOwn(DEFAULT_CLIENTS, type.packageName) ? 'default' : type.typeName };
    if (accepts(binding)) found = binding;
    return found !== undefined;
  }, context.modules);
  return stands && found ? { made: field!, binding: found } : undefined;
}

/** The value at a path of properties in an object literal (`voice.name` of `{ voice: { name } }`); the value itself for an empty path. */
function propertyAt(value: Node | undefined, path: readonly string[], context: AnalyzerContext): Node | undefined {
  let node: Node | undefined = value;
  for (const key of path) {
    node = getObjectProperty(resolveObjectLiteral(node, context.modules), key, context.modules);
    if (!node) return undefined;
  }
  return node;
}
