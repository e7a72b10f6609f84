import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { receiverOf, toDetectedCall } from './shared/callsite';
import { resolveClientOrigin, type ClientOrigin } from './shared/clients';
import { eachCall, lastNamesOf, matchMethodTable, providerFromOptions, readModel } from './shared/sdk';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { getObjectProperty, resolveNumber, resolveObjectLiteral, resolveString } from './shared/resolve';

/** Method paths of the `openai` client that send a request, with the endpoint each one bills. */
const METHODS: ReadonlyArray<{ path: string; endpoint: Endpoint; streaming?: boolean; structured?: boolean }> = [
  { path: 'chat.completions.create', endpoint: 'chat' },
  { path: 'chat.completions.parse', endpoint: 'chat', structured: true },
  { path: 'chat.completions.stream', endpoint: 'chat', streaming: true },
  { path: 'beta.chat.completions.parse', endpoint: 'chat', structured: true },
  { path: 'beta.chat.completions.stream', endpoint: 'chat', streaming: true },
  { path: 'responses.create', endpoint: 'chat' },
  { path: 'responses.stream', endpoint: 'chat', streaming: true },
  { path: 'responses.parse', endpoint: 'chat', structured: true },
  { path: 'completions.create', endpoint: 'completion' },
  { path: 'embeddings.create', endpoint: 'embedding' },
  { path: 'images.generate', endpoint: 'image-generation' },
  { path: 'images.edit', endpoint: 'image-generation' },
  { path: 'audio.transcriptions.create', endpoint: 'audio-transcription' },
  { path: 'audio.translations.create', endpoint: 'audio-transcription' },
  { path: 'audio.speech.create', endpoint: 'audio-speech' },
  { path: 'beta.threads.runs.create', endpoint: 'chat' },
  { path: 'beta.threads.runs.createAndPoll', endpoint: 'chat' },
  { path: 'beta.threads.runs.stream', endpoint: 'chat', streaming: true },
  { path: 'beta.threads.createAndRun', endpoint: 'chat' },
  { path: 'batches.create', endpoint: 'batch' },
];


/** Shapes unique to OpenAI's SDK: reported even when the client cannot be traced, with a note saying so. */
const DISTINCTIVE_WITHOUT_CLIENT = new Set(['chat.completions.create', 'chat.completions.parse', 'beta.chat.completions.parse', 'responses.create', 'responses.parse']);

const OPENAI_CLASSES = new Set(['OpenAI', 'AzureOpenAI', 'default']);

const METHOD_NAMES = lastNamesOf(METHODS);

export const openaiAnalyzer: Analyzer = {
  id: 'openai',
  packages: ['openai'],
  analyze: eachCall(analyzeCall, (name) => METHOD_NAMES.has(name)),
};


function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const match = matchMethodTable(call, METHODS);
  if (!match) return undefined;
  const receiver = receiverOf(call, match.depth);
  if (!receiver) return undefined;
  const origin = resolveClientOrigin(receiver, context.modules);
  if (origin && (origin.packageName !== 'openai' || !OPENAI_CLASSES.has(origin.className))) return undefined;
  if (!origin && !DISTINCTIVE_WITHOUT_CLIENT.has(match.method.path)) return undefined;
  // `completions.create` on a non-OpenAI receiver shape (e.g. `anthropic.completions.create`) is not ours.
  if (!origin && !/openai|client|llm|gpt|ai\b/i.test(receiver.getText())) return undefined;
  // `groqClient.chat.completions.create` untraced: the name says it is another OpenAI-shaped SDK with its own analyzer.
  if (!origin && /groq|together/i.test(receiver.getText())) return undefined;

  const evidence = origin ? [...origin.evidence] : [`client \`${receiver.getText()}\` not traced to \`new OpenAI()\`; matched by the method shape ${match.method.path}`];
  const provider = providerOf(origin, context, evidence);
  const params = resolveObjectLiteral(call.getArguments()[0], context.modules);
  const paramsText = call.getArguments()[0]?.getText() ?? '';
  if (!params && call.getArguments()[0]) evidence.push(`request options \`${paramsText.slice(0, 60)}\` not statically known`);

  const modelNode = getObjectProperty(params, 'model');
  const azureDeployment = origin?.options ? getObjectProperty(resolveObjectLiteral(origin.options, context.modules), 'deployment') : undefined;
  const model = modelNode ?? azureDeployment;
  const resolvedModel = readModel(model, context.modules);
  evidence.push(...resolvedModel.evidence);

  const { messages, hasImage } = readPrompt(match.method.path, params, context);
  const tools = getObjectProperty(params, 'tools') ?? getObjectProperty(params, 'functions');
  const toolNames = tools ? readToolNames(tools, context) : [];
  const responseFormat = getObjectProperty(params, 'response_format') ?? getObjectProperty(getObjectProperty(params, 'text'), 'format');
  const streamFlag = getObjectProperty(params, 'stream');

  return toDetectedCall(call, context.file, {
    provider,
    sdk: 'openai',
    method: match.method.path,
    endpoint: match.method.endpoint,
    model: resolvedModel.ref,
    messages,
    maxOutputTokens: resolveNumber(getObjectProperty(params, 'max_completion_tokens') ?? getObjectProperty(params, 'max_tokens') ?? getObjectProperty(params, 'max_output_tokens'), context.modules),
    features: {
      streaming: Boolean(match.method.streaming) || streamFlag?.getKind() === SyntaxKind.TrueKeyword,
      tools: Boolean(tools),
      vision: hasImage,
      structuredOutput: Boolean(match.method.structured) || Boolean(responseFormat && /json_schema|zodResponseFormat|zodTextFormat|json_object/.test(responseFormat.getText())),
    },
    toolNames,
    structuredOutputName: responseFormat ? structuredOutputName(responseFormat) : undefined,
    evidence,
  });
}

function providerOf(origin: ClientOrigin | undefined, context: AnalyzerContext, evidence: string[]): string {
  if (!origin) return 'openai';
  // baseURL written, from a constant, or from an env variable read against the example env files.
  const fromUrl = providerFromOptions(origin.options, context.modules, evidence, ['baseURL', 'baseUrl', 'endpoint']);
  if (fromUrl) return fromUrl;
  if (evidence.some((line) => line.endsWith('not recognised'))) evidence.push('assuming OpenAI pricing');
  return origin.className === 'AzureOpenAI' ? 'azure-openai' : 'openai';
}

function readPrompt(path: string, params: Node | undefined, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  if (!params) return { messages: [{ role: 'user', text: '{{request}}', holes: [{ kind: 'message-array', expression: 'request' }] }], hasImage: false };
  if (path.startsWith('responses.')) {
    const messages: PromptMessage[] = [];
    const instructions = getObjectProperty(params, 'instructions');
    if (instructions) messages.push({ role: 'system', ...resolvePromptText(instructions, context.modules) });
    const input = getObjectProperty(params, 'input');
    let hasImage = false;
    if (input) {
      const unwrapped = input.getKind() === SyntaxKind.ArrayLiteralExpression ? resolveMessages(input, context.modules) : undefined;
      if (unwrapped) {
        messages.push(...unwrapped.messages);
        hasImage = unwrapped.hasImage;
      } else {
        messages.push({ role: 'user', ...resolvePromptText(input, context.modules) });
      }
    }
    return { messages, hasImage };
  }
  const messagesNode = getObjectProperty(params, 'messages');
  if (messagesNode) return resolveMessages(messagesNode, context.modules);
  for (const name of ['prompt', 'input', 'instructions']) {
    const node = getObjectProperty(params, name);
    if (node) return { messages: [{ role: 'user', ...resolvePromptText(node, context.modules) }], hasImage: false };
  }
  return { messages: [], hasImage: false };
}

function readToolNames(tools: Node, context: AnalyzerContext): string[] {
  const list = Node.isArrayLiteralExpression(tools) ? tools : undefined;
  if (!list) return [`{{${tools.getText().slice(0, 40)}}}`];
  return list.getElements().map((element) => {
    const object = resolveObjectLiteral(element, context.modules);
    const name = getObjectProperty(getObjectProperty(object, 'function'), 'name') ?? getObjectProperty(object, 'name');
    return name ? (resolveString(name, context.modules).value ?? name.getText()) : element.getText().slice(0, 40);
  });
}

function structuredOutputName(responseFormat: Node): string | undefined {
  const text = responseFormat.getText();
  const helper = /zod(?:Response|Text)Format\(\s*([\w$.]+)/.exec(text);
  if (helper) return helper[1];
  const named = /name\s*:\s*['"]([^'"]+)['"]/.exec(text);
  if (named) return named[1];
  return /json_object/.test(text) ? 'json_object' : undefined;
}
