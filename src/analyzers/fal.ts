import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText } from './shared/prompt';
import { getObjectProperty, importBindingOf, resolveObjectLiteral, returnsOf, unwrapExpression } from './shared/resolve';
import { eachCall, readModel, traceValue } from './shared/sdk';
import { functionOf } from './shared/shapes';

/**
 * fal's client (`@fal-ai/client`, earlier `@fal-ai/serverless-client`): `fal.subscribe(modelId, { input })` queues a run
 * of a hosted media model and waits for it, `fal.run` runs it directly, `fal.stream` streams it and `fal.queue.submit`
 * only queues it; each is billed by fal for the model's output or GPU time. The model id is the endpoint
 * (`fal-ai/flux/dev`); a run asking for images (an image model's id, or `image_size`, `num_images` in its input) is
 * image generation, anything else (video, audio, upscaling) is reported as another kind of request.
 * (fal-ai/fal-js, libs/client/src: `subscribe`, `run`, `stream`, `queue.submit`.)
 */
const METHODS: Readonly<Record<string, { streaming?: boolean }>> = { subscribe: {}, run: {}, stream: { streaming: true }, submit: {} };

const PACKAGES = new Set(['@fal-ai/client', '@fal-ai/serverless-client']);

/** Model ids of fal's image generators (text to image and image editing). */
const IMAGE_MODEL = /flux|stable-diffusion|sdxl|sd3|recraft|ideogram|imagen|hidream|image|kolors|playground|aura-flow|lora/i;
/** fal's training endpoints (`fal-ai/flux-lora-fast-training`, `fal-ai/flux-lora-portrait-trainer`). */
const FINE_TUNING_MODEL = /-train(?:ing|er)(?:\/|$)/;
/** Input fields only an image request sets. */
const IMAGE_INPUT = ['image_size', 'num_images'];

export const falAnalyzer: Analyzer = {
  id: 'fal',
  packages: [...PACKAGES],
  analyze: eachCall(analyzeCall, (name) => name in METHODS),
};

/** How far a client is followed through locals and the app's factories returning it. */
const MAX_CLIENT_HOPS = 4;

/**
 * The fal package a receiver is a client of: its `fal` singleton (or the module) imported, or a client the package's
 * `createFalClient({ credentials })` made, held in a local or handed out by an app factory (`const falClient = await
 * getFalClient(apiKey)`, returning a client made per key or a module's shared one).
 */
function falClientOf(owner: Node, context: AnalyzerContext, depth: number): { packageName: string } | undefined {
  if (depth > MAX_CLIENT_HOPS) return undefined;
  const node = unwrapExpression(owner);
  const binding = Node.isIdentifier(node) ? importBindingOf(node, context.modules) : undefined;
  if (binding) return PACKAGES.has(binding.packageName) && ['fal', '*', 'default'].includes(binding.importedName) ? binding : undefined;
  const value = traceValue(node, context.modules);
  if (value !== node && !Node.isCallExpression(value)) return falClientOf(value, context, depth + 1);
  if (!Node.isCallExpression(value)) return undefined;
  const callee = unwrapExpression(value.getExpression());
  const made = Node.isIdentifier(callee) ? importBindingOf(callee, context.modules) : undefined;
  if (made) return PACKAGES.has(made.packageName) && made.importedName === 'createFalClient' ? made : undefined;
  const factory = functionOf(callee, context.modules);
  if (!factory) return undefined;
  for (const returned of returnsOf(factory)) {
    const found = falClientOf(returned, context, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !(callee.getName() in METHODS)) return undefined;
  // `fal.subscribe(...)`, or `fal.queue.submit(...)`.
  let owner = unwrapExpression(callee.getExpression());
  if (callee.getName() === 'submit') {
    if (!Node.isPropertyAccessExpression(owner) || owner.getName() !== 'queue') return undefined;
    owner = unwrapExpression(owner.getExpression());
  }
  const binding = falClientOf(owner, context, 0);
  if (!binding) return undefined;
  const [modelNode, optionsNode] = call.getArguments();
  const model = readModel(modelNode, context.modules);
  // A fine-tuning job (`fal-ai/flux-lora-fast-training`) trains a model the app runs later: no inference request.
  if (model.ref.id !== null && FINE_TUNING_MODEL.test(model.ref.id)) return undefined;
  const options = optionsNode && resolveObjectLiteral(optionsNode, context.modules);
  const input = resolveObjectLiteral(getObjectProperty(options, 'input', context.modules), context.modules);
  const prompt = getObjectProperty(input, 'prompt', context.modules);
  const asksForImages = (model.ref.id !== null && IMAGE_MODEL.test(model.ref.id)) || IMAGE_INPUT.some((field) => getObjectProperty(input, field, context.modules));
  const endpoint: Endpoint = asksForImages ? 'image-generation' : 'other';
  const method = callee.getName() === 'submit' ? 'queue.submit' : callee.getName();
  return toDetectedCall(call, context, {
    provider: 'fal',
    sdk: 'fal',
    method,
    endpoint,
    model: model.ref,
    messages: prompt ? [{ role: 'user', ...resolvePromptText(prompt, context.modules) }] : [],
    maxOutputTokens: null,
    features: { streaming: Boolean(METHODS[callee.getName()].streaming), tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence: [`${method} imported from '${binding.packageName}': a run of a model hosted by fal`, ...model.evidence, ...(asksForImages ? ['an image model or image sizes in the input: image generation'] : [])],
  });
}
