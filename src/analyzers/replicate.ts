import type { CallExpression, Node } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveClientOrigin } from './shared/clients';
import { resolveContentParts, runTimeTurn } from './shared/prompt';
import { firstProperty, getObjectProperty, resolveNumber, resolveObjectLiteral, resolveString } from './shared/resolve';
import { eachCall, isTrueLiteral, lastNamesOf, matchMethodTable, readModel, readSystemPrompt } from './shared/sdk';

/**
 * The Replicate SDK (`replicate`): `replicate.run(ref, { input })`, `replicate.stream(ref, { input })`,
 * `replicate.predictions.create({ version | model, input })`, the older `models.predictions.create(owner, name,
 * { input })` and `deployments.predictions.create(owner, name, { input })` (the team's own deployment on
 * Replicate). Every one runs a model on Replicate: provider `replicate`. Replicate hosts any kind of model, so the
 * endpoint is read off the model's name and its inputs. Reading a prediction (`predictions.get/list/cancel`,
 * `wait`), the model registry (`models.get`) and `validateWebhook` run no model and are not in the table.
 */
const PACKAGE = 'replicate';

/** How a method names its model: a ref argument, a request field, owner and name arguments, or a deployment. */
type ModelArgument = 'ref' | 'request' | 'owner-name' | 'deployment';

interface ReplicateMethod {
  path: string;
  model: ModelArgument;
  /** Index of the options object holding `input`. */
  options: number;
  streaming?: boolean;
}

const METHODS: readonly ReplicateMethod[] = [
  { path: 'run', model: 'ref', options: 1 },
  { path: 'stream', model: 'ref', options: 1, streaming: true },
  { path: 'predictions.create', model: 'request', options: 0 },
  { path: 'models.predictions.create', model: 'owner-name', options: 2 },
  { path: 'deployments.predictions.create', model: 'deployment', options: 2 },
];

/** `owner/name:version`: the version hash pins one build of the model; the model is `owner/name`. */
const PINNED_REF = /^([\w.-]+\/[\w.-]+):([0-9a-f]{16,})$/i;

/** A version id alone (`version: '7a76a825…'`): names a build, not the model. */
const VERSION_HASH = /^[0-9a-f]{32,}$/i;

/**
 * What a model's name says it does. Replicate bills image, audio and video models per output or per second of
 * hardware, language models per token; the endpoint decides which prices the advisor may compare.
 */
const ENDPOINT_BY_NAME: ReadonlyArray<[RegExp, Endpoint]> = [
  [/embed|\bbge\b|bge-|mpnet|minilm|\bclip\b|e5-/i, 'embedding'],
  [/whisper|transcri|diariz/i, 'audio-transcription'],
  [/\btts\b|-tts|tts-|xtts|bark|kokoro|chatterbox|speech/i, 'audio-speech'],
  [/flux|sdxl|stable-diffusion|\bsd3|sd-?3|imagen|ideogram|recraft|kandinsky|playground-v|dall-?e|image|photo|controlnet|img2img|realvis|juggernaut|proteus|midjourney|seedream|\bsana\b/i, 'image-generation'],
  [/musicgen|music|riffusion|audio|video|kling|hunyuan-video|luma|zeroscope|animate|wan-?2|veo|upscal|esrgan|rembg|remove-bg/i, 'other'],
  [/llama|mistral|mixtral|gemma|qwen|deepseek|granite|phi-?\d|gpt|claude|gemini|grok|llava|falcon|vicuna|yi-|dolphin|hermes|instruct|chat/i, 'chat'],
];

/** Input fields that only a language model takes, and those only an image model takes. */
const CHAT_INPUTS = ['system_prompt', 'max_new_tokens', 'max_tokens', 'prompt_template', 'messages'];
const IMAGE_INPUTS = ['negative_prompt', 'num_inference_steps', 'guidance_scale', 'aspect_ratio', 'num_outputs'];

export const replicateAnalyzer: Analyzer = {
  id: 'replicate',
  packages: [PACKAGE],
  analyze: eachCall(analyzeCall, (name) => lastNamesOf(METHODS).has(name), { forwarded: true }),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const match = matchMethodTable(call, METHODS, context.modules);
  if (!match) return undefined;
  const receiver = match.receiver;
  const modules = context.modules;
  const origin = resolveClientOrigin(receiver, modules);
  if (origin && origin.packageName !== PACKAGE) return undefined;
  const evidence: string[] = [];
  if (origin) evidence.push(...origin.evidence);
  // `run`, `stream` and `predictions.create` are common names: an untraced client counts only when its name says Replicate.
  else if (/replicate/i.test(receiver.getText())) evidence.push(`client \`${receiver.getText().slice(0, 40)}\` not traced to a replicate client; matched by ${match.method.path} and the receiver name`);
  else return undefined;

  const method = match.method;
  const args = match.arguments;
  const options = resolveObjectLiteral(args[method.options], modules);
  if (!options && args[method.options]) evidence.push(`options \`${args[method.options].getText().slice(0, 60)}\` not statically known`);
  const input = resolveObjectLiteral(getObjectProperty(options, 'input', modules), modules);
  const { model, kindName } = modelOf(method, args, options, context, evidence);
  if (getObjectProperty(options, 'webhook', modules)) evidence.push('the result is delivered to a webhook: the prediction runs on Replicate whether or not anyone waits');

  const endpoint = endpointOf(kindName, input, context, evidence);
  const { messages, hasImage } = promptOf(endpoint, input, args[method.options], context);
  return toDetectedCall(call, context, {
    provider: 'replicate',
    sdk: 'replicate',
    method: method.path,
    endpoint,
    model,
    messages,
    maxOutputTokens: endpoint === 'chat' ? resolveNumber(firstProperty(input, ['max_new_tokens', 'max_tokens', 'max_length'], modules), modules) : null,
    features: {
      streaming: Boolean(method.streaming) || isTrueLiteral(getObjectProperty(options, 'stream', modules)),
      tools: false,
      vision: endpoint === 'chat' && hasImage,
      structuredOutput: false,
    },
    toolNames: [],
    evidence,
  });
}

/**
 * The model a method runs: `owner/name` (a pinned version dropped into evidence), or unknown with the reason; and the
 * name that tells what kind of model it is (a deployment's own name, which teams give after what it does).
 */
function modelOf(method: ReplicateMethod, args: readonly Node[], options: Node | undefined, context: AnalyzerContext, evidence: string[]): { model: ModelRef; kindName: string | null } {
  const modules = context.modules;
  if (method.model === 'owner-name' || method.model === 'deployment') {
    const owner = args[0] && (resolveString(args[0], modules).value ?? args[0].getText());
    const name = args[1] && (resolveString(args[1], modules).value ?? args[1].getText());
    const written = `${owner ?? '?'}/${name ?? '?'}`;
    if (method.model === 'owner-name') {
      const both = args[0] && args[1] && resolveString(args[0], modules).value !== null && resolveString(args[1], modules).value !== null;
      evidence.push(both ? `model ${written} from the owner and name arguments` : `model \`${written}\` not statically known`);
      return { model: { id: both ? written : null, raw: written, source: both ? 'literal' : 'dynamic' }, kindName: both ? written : null };
    }
    evidence.push(`Replicate deployment ${written}: the team's own deployment on Replicate, billed per second of its hardware while it runs; the model behind it is configured on Replicate, not in code`);
    return { model: { id: null, raw: `deployment ${written}`, source: 'dynamic' }, kindName: written };
  }
  const node = method.model === 'ref' ? args[0] : (getObjectProperty(options, 'model', modules) ?? getObjectProperty(options, 'version', modules));
  const read = readModel(node, modules);
  evidence.push(...read.evidence);
  const id = read.ref.id;
  if (id && VERSION_HASH.test(id)) {
    evidence.push(`version ${id.slice(0, 12)}… alone: a version id names one build of a model on Replicate, not the model, so the model is not named in code`);
    return { model: { id: null, raw: `version ${id}`, source: 'dynamic' }, kindName: null };
  }
  const pinned = id ? PINNED_REF.exec(id) : null;
  if (!pinned) return { model: read.ref, kindName: id };
  evidence.push(`model ${pinned[1]}, pinned to version ${pinned[2].slice(0, 12)}…`);
  const candidates = read.ref.candidates?.map((candidate) => ({ ...candidate, id: PINNED_REF.exec(candidate.id)?.[1] ?? candidate.id }));
  return { model: { ...read.ref, id: pinned[1], ...(candidates ? { candidates } : {}) }, kindName: pinned[1] };
}

/** The endpoint from the model's name, else from the inputs only some kinds of model take; `other` when neither says. */
function endpointOf(name: string | null, input: Node | undefined, context: AnalyzerContext, evidence: string[]): Endpoint {
  const byName = name ? ENDPOINT_BY_NAME.find(([pattern]) => pattern.test(name)) : undefined;
  if (byName) return byName[1];
  const modules = context.modules;
  if (firstProperty(input, CHAT_INPUTS, modules)) return 'chat';
  if (firstProperty(input, IMAGE_INPUTS, modules)) return 'image-generation';
  evidence.push(`kind of model not known from ${name ? `the name ${name}` : 'the code'} or its inputs: reported as other (Replicate bills such models per second of hardware or per output)`);
  return 'other';
}

/** `input.system_prompt` and `input.prompt` (or `text`, `messages`), the whole input as a hole when unknown. */
function promptOf(endpoint: Endpoint, input: Node | undefined, optionsArgument: Node | undefined, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  const modules = context.modules;
  if (!input) {
    const expression = optionsArgument ? 'input' : 'request';
    return { messages: [runTimeTurn(expression, 'message-array')], hasImage: false };
  }
  const messages: PromptMessage[] = [];
  const system = readSystemPrompt(getObjectProperty(input, 'system_prompt', modules), modules);
  if (system && endpoint === 'chat') messages.push(system);
  const prompt = firstProperty(input, ['prompt', 'text', 'question', 'query'], modules);
  if (prompt) messages.push({ role: 'user', ...resolveContentParts(prompt, modules).text });
  return { messages, hasImage: Boolean(firstProperty(input, ['image', 'image_url', 'images', 'input_image'], modules)) };
}
