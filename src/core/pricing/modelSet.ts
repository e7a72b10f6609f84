/**
 * Prices a call whose model is not one fixed id: the code picks among several (`model.candidates`),
 * or the end user picks at run time (`model.source: "user-choice"`) and the call is priced against
 * the app's own list or, failing that, a stated reference set (an assumption, labeled as one); the
 * deployment's env variable decides (`deployment-choice`), or the scan could not trace the model to
 * any id (`dynamic`): the reference set too, the latter labeled a guess.
 * Every model is priced; the call's number is the first (likely) priced one's, the range spans them
 * all, and the recommendation is made for the first one. A call whose model stays unknown gets no
 * number at all, but a reason and the exact instruction that sets its model (never a silent $0).
 * Pure: no I/O, no `vscode`.
 */
import { adviseCall, imageOutputChatUnpriced, isImageOutputChat, isMediaEndpoint, lifecycleOf, localMediaUnpriced, type Advice, type AdviceInput, type AdvisorOptions } from './advisor';
import { assumedModelsFor, findModel, findModelAt, isLocalServer, isoToday, isOllamaCloudTag, nearestModels, ollamaLibraryRow, placeholderModelsFor, servesEndpoint, type Catalog, type OnDeviceRuntimeRow } from '../catalog/catalog';
import type { HostingOption, ModelPricing, ModelRef, UnpricedKind } from '../../model/types';
import { runsOnEndUserDevice, servedBySubscription, USAGE_FILE_NAME } from '../../model/vocabulary';
import { writtenModel } from '../../model/display';

/** The advisor's result for a call, with what the call site publishes about its models. */
export interface SiteAdvice extends Advice {
  monthlyUsdCurrentRange?: { low: number; high: number };
  modelPricing?: ModelPricing;
  /** Present when `monthlyUsdCurrent` is null. `reason` names the cause; the pipeline adds the fix (it knows the call's id and place). */
  unpriced?: { kind: UnpricedKind; reason: string; exampleModel?: string };
}

/** The models a call is priced against, when not simply `model.id`. */
interface ModelSet {
  models: Array<{ id: string; where?: string }>;
  assumed: boolean;
  /** Where the set comes from, for the basis sentence. */
  origin: string;
  /** The id the code sends when it names the router or server that picks the model (`openrouter/auto`). */
  placeholder?: string;
}

/** The reference set for a user-chosen model: the setting or flag when given, else the data file's row for the provider. */
export function assumedModelSet(catalog: Catalog, provider: string, assumedModels: readonly string[] | undefined, endpoint?: string): { models: string[]; origin: string } | undefined {
  const stated = (assumedModels ?? []).map((id) => id.trim()).filter(Boolean);
  if (stated.length > 0) return { models: stated, origin: 'the assumed models you set (llmHostingAdvisor.assumedModels / --assumed-models)' };
  const row = assumedModelsFor(catalog, provider, endpoint);
  if (!row || row.models.length === 0) return undefined;
  return { models: row.models, origin: `data/catalog/assumed-models.json, ${row.provider === '*' ? 'any provider' : row.provider}${row.endpoint ? ` (${row.endpoint})` : ''} (as of ${row.asOf}: ${row.derivation})` };
}

function modelSetFor(model: ModelRef, provider: string, catalog: Catalog, assumedModels: readonly string[] | undefined, endpoint?: string): ModelSet | undefined {
  // An id naming the router or server (it picks the model itself): its own stated set, else the provider's ordinary set.
  const placeholder = model.id ? placeholderModelsFor(catalog, provider, model.id, endpoint) : undefined;
  if (placeholder && model.id) {
    const own = placeholder.models.length > 0 ? { models: placeholder.models, origin: `data/catalog/assumed-models.json, ${model.id} (as of ${placeholder.asOf}: ${placeholder.derivation})` } : undefined;
    const set = own ?? assumedModelSet(catalog, provider, assumedModels, endpoint);
    if (set) return { models: set.models.map((id) => ({ id })), assumed: true, origin: own ? set.origin : `${set.origin}; ${placeholder.derivation}`, placeholder: model.id };
  }
  const distinct = new Map<string, { id: string; where?: string }>();
  for (const candidate of model.candidates ?? []) if (candidate.id && !distinct.has(candidate.id)) distinct.set(candidate.id, { id: candidate.id, where: candidate.where });
  if (model.source === 'deployment-choice' && !model.id) {
    // The deployer's env variable decides: its commented-out example (when the example file has one), then the reference set.
    const set = assumedModelSet(catalog, provider, assumedModels, endpoint);
    for (const id of set?.models ?? []) if (!distinct.has(id)) distinct.set(id, { id });
    if (distinct.size === 0) return undefined;
    const example = (model.candidates ?? []).length > 0 ? 'the commented-out example in the example env file, then ' : '';
    return { models: [...distinct.values()], assumed: true, origin: `${example}${set?.origin ?? 'no reference set'}` };
  }
  if (distinct.size > 1) {
    const fromList = (model.candidates ?? []).some((c) => c.source === 'app-list') || model.source === 'user-choice';
    return { models: [...distinct.values()], assumed: false, origin: fromList ? "the app's own list of models its users pick from" : 'the models the code picks among' };
  }
  // A model the end user picks, or one the scan could not trace to any id (`source: dynamic`): the
  // reference set for the provider, labeled an assumption (a guess for the untraced one).
  if ((model.source === 'user-choice' || model.source === 'dynamic') && !model.id && distinct.size === 0) {
    const set = assumedModelSet(catalog, provider, assumedModels, endpoint);
    if (set) return { models: set.models.map((id) => ({ id })), assumed: true, origin: set.origin };
  }
  return undefined;
}

/**
 * Advice for one call over its model set: every model priced (without self-hosting, which only the
 * recommendation needs), then the full advice for the first priced one. Single-model calls get the
 * advisor's answer unchanged, plus the reason when it is not priced.
 */
export function adviseSite(input: AdviceInput, catalog: Catalog, options: AdvisorOptions = {}): SiteAdvice {
  if (servedBySubscription(input.provider)) {
    // A model of the end user's own subscription (Copilot's, through VS Code): its API's list price is not what this costs.
    const reason = `${input.provider} serves ${input.model.id ?? 'the model'} under the end user's own subscription: there is no per-token API price to size this call with`;
    return notPriced(reason, 'end-user-subscription');
  }
  const onDevice = onDeviceRuntime(input, catalog);
  if (onDevice) {
    // Chrome's built-in Gemini Nano, a WebLLM model: the end user's browser runs it on the end user's hardware.
    const reason = `${input.model.id ?? 'its model'} runs on the end user's device through ${onDevice.runtime}, on ${onDevice.runsOn} (${onDevice.source}, as of ${onDevice.asOf}): the team pays no per-token price and runs no hardware for it`;
    return notPriced(reason, 'end-user-device');
  }
  const imageChat = isImageOutputChat(input);
  // A chat request asking for an image back is billed per image: the reference set of text models is no guess at its model.
  // A realtime session's unstated model is one of the realtime models (assumed-models.json's realtime row), never a text model.
  const set = modelSetFor(input.model, input.provider, catalog, options.assumedModels, imageChat ? 'image-generation' : input.realtimeSession ? 'realtime' : input.endpoint);
  if (!set) {
    const advice = adviseCall(input, catalog, options);
    return advice.monthlyUsdCurrent === null ? { ...advice, unpriced: unpricedOf(input.model, advice, catalog, input.provider, input.endpoint) } : advice;
  }
  const lightOptions: AdvisorOptions = { ...options, includeSelfHost: false, currentPriceOnly: true };
  const priced = set.models.map((entry) => {
    const model: ModelRef = { id: entry.id, raw: entry.id, source: input.model.source };
    return { ...entry, model, monthlyUsd: adviseCall({ ...input, model }, catalog, lightOptions).monthlyUsdCurrent };
  });
  // A later model stands in for an unpriced first one only while it is sold: a retired stand-in would price the call
  // at a dead model and call for a migration off a model the code does not default to (PPIO's deepseek-v3 example).
  const today = options.today ?? isoToday();
  const retiredFactOf = (id: string): string | undefined => {
    const model = findModelAt(catalog, id, input.provider);
    return model && lifecycleOf(model, input.provider, catalog, today).retiredFact;
  };
  const first = priced.find((entry, index) => entry.monthlyUsd !== null && (index === 0 || retiredFactOf(entry.id) === undefined));
  const listed = priced.map((entry) => `${entry.id} ${entry.monthlyUsd === null ? '(not priced)' : `$${entry.monthlyUsd.toFixed(2)}`}`).join(', ');
  if (!first && imageChat) {
    // No model of the set has a per-image price at this host: no price, and no text model stands in for the image model.
    const which = set.assumed ? `the code passes ${input.model.raw ? `\`${writtenModel(input.model.raw)}\`` : 'a model'} that the scan does not resolve to a model id` : `the code can send ${set.models.map((m) => m.id).join(', ')}`;
    const reason = `${which}, and ${imageOutputChatUnpriced(catalog, undefined, input.provider)}`;
    return notPriced(reason);
  }
  if (!first && isMediaEndpoint(input.endpoint) && isLocalServer(input.provider) && priced.some((entry) => findModel(catalog, entry.id))) {
    // Whichever model the team's own image, speech or transcription server runs, it sends no bill to price.
    const reason = localMediaUnpriced(input, undefined, set.models.map((m) => m.id).join(' or '));
    return notPriced(reason);
  }
  if (!first && input.model.source === 'user-choice' && !set.assumed && !isLocalServer(input.provider)) {
    // The end user picks from the app's list, and none of its models has a current price at this API (an old list:
    // retired or unlisted ids): priced as a pick the user could make today, the provider's reference set, labeled an
    // assumption. Not for the team's own hardware: there is no per-token bill to assume.
    const fallback = adviseSite({ ...input, model: { ...input.model, id: null, candidates: undefined } }, catalog, options);
    if (fallback.monthlyUsdCurrent !== null && fallback.modelPricing) {
      return { ...fallback, modelPricing: { ...fallback.modelPricing, basis: `none of the models the app lists has a current price at ${input.provider} (${listed}); ${fallback.modelPricing.basis}` } };
    }
  }
  if (!first && priced.some((entry) => entry.monthlyUsd !== null)) {
    // Every priced model of the set is a retired stand-in: no figure, and why for each.
    const whys = priced.map((entry) => (entry.monthlyUsd === null ? `${entry.id} ${whyNotPriced(catalog, entry.id, input.provider)}` : `${retiredFactOf(entry.id)} (so not used as a stand-in)`));
    const advice = adviseCall({ ...input, model: priced[0].model }, catalog, options);
    return { ...advice, options: [], recommendation: null, monthlyUsdCurrent: null, unpriced: { kind: 'not-priced', reason: `not priced: no model this call can send has a current price at ${input.provider}: ${whys.join('; ')}` } };
  }
  if (!first) {
    const advice = adviseCall({ ...input, model: priced[0].model }, catalog, options);
    const near = nearestModels(catalog, priced[0].id, 3, (id) => servesEndpoint(catalog, id, input.endpoint));
    return {
      ...advice,
      options: [],
      recommendation: null,
      monthlyUsdCurrent: null,
      unpriced: { kind: 'model-not-in-catalog', reason: `none of the models this call can send is in the catalog (as of ${catalog.asOf}): ${set.models.map((m) => m.id).join(', ')}${ownHardwareNote(input.provider)}`, exampleModel: near[0] },
    };
  }
  const firstUnpriced = first !== priced[0];
  const adviceForFirst = adviseCall({ ...input, model: first.model }, catalog, options);
  const firstWhy = firstUnpriced ? whyNotPriced(catalog, priced[0].id, input.provider) : '';
  const advice = firstUnpriced ? namedForFirstCandidate(adviceForFirst, priced[0].id, `${priced[0].id} ${firstWhy}`) : adviceForFirst;
  const amounts = priced.flatMap((entry) => (entry.monthlyUsd === null ? [] : [entry.monthlyUsd]));
  const skipped = firstUnpriced ? `; the first, ${priced[0].id}, ${firstWhy}, so ${first.id} is priced` : '';
  const basis = set.placeholder
    ? `the code sends \`${set.placeholder}\`, which names the router or server, not a model: it picks the model per request; priced against an assumed set from ${set.origin}: ${listed}. The number is ${first.id}'s${skipped}; a guess, not what the code states`
    : input.model.source === 'deployment-choice'
    ? `the deployment sets the model in the env variable ${input.model.env ?? '(unnamed)'}, and neither the code nor the example env files give a default; priced against an assumed set from ${set.origin}: ${listed}. The number is ${first.id}'s${skipped}; an assumption, not what the code states`
    : set.assumed && input.model.source === 'dynamic'
    ? `the code passes ${input.model.raw ? `\`${writtenModel(input.model.raw)}\`` : 'a model'} that the scan could not trace to a model id; priced against an assumed set from ${set.origin}: ${listed}. The number is ${first.id}'s${skipped}; a guess, not what the code states`
    : set.assumed
    ? `the end user picks the model at run time (${input.model.raw ? writtenModel(input.model.raw) : 'no list in the code'}); priced against an assumed set from ${set.origin}: ${listed}. The number is ${first.id}'s${skipped}; an assumption, not what the code states`
    : `priced over ${set.origin}: ${listed}. The number is the first (likely) one's, ${first.id}${skipped}`;
  // Today's option names one model of the set: its label and why say it is one of several, or an assumption.
  const setNote = set.assumed ? 'assumed' : priced.length > 1 ? `1 of ${priced.length} models the call can send` : undefined;
  const setWhy = set.assumed
    ? `if it runs ${first.id}, a model assumed because ${set.placeholder ? `the code names the router or server (\`${set.placeholder}\`), not a model` : input.model.source === 'deployment-choice' ? `the deployment sets it (${input.model.env ?? 'an env variable'})` : input.model.source === 'dynamic' ? 'the scan could not trace the model the code passes' : 'the end user picks it at run time'}`
    : `with ${first.id}, the first of the models it can send (the others are priced in the model range)`;
  const labeled = setNote ? labeledAsOneOfSet(advice, setNote, setWhy, input.provider) : advice;
  return {
    ...labeled,
    ...(amounts.length > 1 ? { monthlyUsdCurrentRange: { low: Math.min(...amounts), high: Math.max(...amounts) } } : {}),
    modelPricing: {
      model: first.id,
      assumed: set.assumed,
      models: priced.map((entry) => ({ id: entry.id, monthlyUsd: entry.monthlyUsd, ...(entry.where ? { where: entry.where } : {}) })),
      basis,
    },
  };
}

/**
 * When the first model of the set has no price and a later one carries the number, today's option still
 * names the first: "Stay on glm-4.6 via huggingface" on a call whose app sends moonshotai/Kimi-K2.6 first read
 * as if the app sent GLM-4.6. It becomes "Stay on moonshotai/Kimi-K2.6 (priced as glm-4.6 via huggingface)",
 * and the recommendation follows when it is that option.
 */
function namedForFirstCandidate(advice: Advice, firstId: string, firstNotPriced: string): Advice {
  return withTodaysOptionRewritten(advice, (current) => {
    // "glm-4.6 (server unknown; priced as openrouter)" inside the new parentheses: "glm-4.6; server unknown; priced as openrouter".
    const pricedAs = current.label.replace(/^Stay on /, '').replace(/ \((.*)\)$/, '; $1');
    return { label: `Stay on ${firstId} (priced as ${pricedAs})`, why: `${current.why}; ${firstNotPriced}, so ${current.model ?? 'the next model'} is priced` };
  });
}

/**
 * Today's option of a call priced over a model set names one model of it: "Stay on gpt-4.1-mini" read as what
 * the code runs when the deployment picks the model. The label says so in its parentheses (`assumed`, or `1 of
 * 20 models the call can send`), the why says which model and why it is the one priced, and the recommendation
 * follows when it keeps that option. When the assumed model's vendor is not where the call goes (a Gitee AI client
 * priced as gpt-4.1-mini), that vendor's other models are no one-line change: their why says so.
 */
function labeledAsOneOfSet(advice: Advice, note: string, why: string, callProvider: string): Advice {
  return withTodaysOptionRewritten(
    advice,
    (current) => {
      const inner = / \((.*)\)$/.exec(current.label);
      return {
        label: inner ? current.label.replace(/ \((.*)\)$/, ` (${note}; ${inner[1]})`) : `${current.label} (${note})`,
        why: current.why.replace(/^what the code does today/, `what the code does today ${why}`),
      };
    },
    (option, current) => {
      const elsewhere = current.provider !== undefined && current.provider !== callProvider.toLowerCase() && note === 'assumed';
      return elsewhere && option.tier === 'closed-api' && option.provider === current.provider && option.why.startsWith('same vendor')
        ? { ...option, why: option.why.replace(/^same vendor/, `same vendor as the assumed model (${option.provider}; this call goes to ${callProvider}, which may not serve ${option.model})`).replace(/; one-line model change/, '') }
        : option;
    },
  );
}

/**
 * The advice with today's option given a new label and why (`rewrite`), the recommendation following when it names
 * that option, and the other options passed through `others`. Unchanged without a current option.
 */
function withTodaysOptionRewritten(advice: Advice, rewrite: (current: HostingOption) => { label: string; why: string }, others: (option: HostingOption, current: HostingOption) => HostingOption = (option) => option): Advice {
  const current = advice.options.find((option) => option.current);
  if (!current) return advice;
  const { label, why } = rewrite(current);
  const relabeled = (text: string) => (text === current.label ? label : text);
  const recommendation = advice.recommendation;
  return {
    ...advice,
    options: advice.options.map((option) => (option === current ? { ...option, label, why } : others(option, current))),
    recommendation: recommendation && {
      ...recommendation,
      label: relabeled(recommendation.label),
      ...(recommendation.optionLabel === undefined ? {} : { optionLabel: relabeled(recommendation.optionLabel) }),
    },
  };
}

/**
 * Why a model of a call's set carries no number: it is not in the catalog at all, or the catalog has it but no price
 * for the provider the call goes to (gemma-3-27b at a provider the catalog has no rows for).
 */
function whyNotPriced(catalog: Catalog, id: string, provider: string): string {
  return findModel(catalog, id) ? `has no price for ${provider} in the catalog` : 'is not in the catalog';
}

/** Why a single-model call has no price. */
function unpricedOf(model: ModelRef, advice: Advice, catalog: Catalog, provider: string, endpoint: string): NonNullable<SiteAdvice['unpriced']> {
  if (!model.id) {
    const written = model.raw ? `\`${writtenModel(model.raw)}\`` : 'no model';
    const how = model.source === 'user-choice' ? 'chosen by the end user at run time, and no model list was found to price it against' : model.source === 'deployment-choice' ? `set by the deployment in the env variable ${model.env ?? '(unnamed)'} with no default, and no reference set to price it against` : `not resolved statically, and no reference set for provider ${provider}${endpoint && endpoint !== 'chat' ? ` (${endpoint})` : ''} to price it against`;
    return { kind: 'model-unknown', reason: `model unknown: the code passes ${written} (${how})` };
  }
  // A bare Ollama name the library table reads (`phi4`, `deepseek-r1`): the advice says which weights it pulls and why they are not sized.
  if (!findModel(catalog, model.id) && !ollamaLibraryRow(catalog, model.id, provider) && !isOllamaCloudTag(catalog, model.id, provider)) {
    const near = nearestModels(catalog, model.id, 3, (id) => servesEndpoint(catalog, id, endpoint));
    return { kind: 'model-not-in-catalog', reason: `model ${model.id} is not in the catalog (as of ${catalog.asOf})${ownHardwareNote(provider)}${near.length ? `; nearest: ${near.join(', ')}` : ''}`, exampleModel: near[0] };
  }
  return { kind: 'not-priced', reason: `not priced: ${advice.diagnostics[advice.diagnostics.length - 1] ?? 'the catalog has no price this call can be sized for'}` };
}

/**
 * Why a model the catalog lacks cannot be priced in process or on a server the team runs: there is no
 * bill to look up, only hardware to size, and that needs the model's architecture. Empty for an API.
 */
function ownHardwareNote(provider: string): string {
  return isLocalServer(provider) ? `; it runs on the team's own hardware (${provider}), so there is no per-token bill, and without its architecture in the catalog its hardware cannot be sized` : '';
}

/** A model id to show in the instruction: one the catalog prices for this kind of call (its endpoint), for this provider when it has one or a reference set. */
export function exampleModelFor(catalog: Catalog, provider: string, endpoint?: string): string {
  // An embedding, a transcription or speech is priced as a model of that kind (a chat model's id would not price it).
  if (endpoint && endpoint !== 'chat' && endpoint !== 'completion') {
    const sameKind = catalog.closed.find((row) => row.endpoint === endpoint && row.provider === provider) ?? catalog.closed.find((row) => row.endpoint === endpoint);
    if (sameKind) return sameKind.id;
  }
  return assumedModelsFor(catalog, provider)?.models.find((id) => findModel(catalog, id)) ?? 'gpt-4.1-mini';
}

/** Where a call is, as the instruction names it. */
export interface CallPlace {
  id: string;
  file: string;
  line: number;
}

/**
 * The exact instruction that sets a call's model, in both forms that work: the `llm-advisor:` comment
 * on the line directly above the call's first line, and the usage-file entry for the call's id under
 * `callSites:`. Followed literally by a unit test.
 */
export function setModelInstruction(place: CallPlace, exampleModel: string, kind: UnpricedKind = 'model-unknown'): string {
  const lead = kind === 'model-not-in-catalog' ? 'To price it as a model the catalog has' : 'Set the model it sends';
  return `${lead}: add the line \`${modelComment(exampleModel)}\` (with your model id) directly above line ${place.line} of ${place.file}, or in ${USAGE_FILE_NAME} add under \`callSites:\` the entry \`${usageFileModelEntry(place.id, exampleModel)}\`.`;
}

/** The comment that sets a model. */
export function modelComment(model: string): string {
  return `// llm-advisor: model=${model}`;
}

/** The usage-file entry (under `callSites:`) that sets a model for one call id, as a one-line YAML pair. */
export function usageFileModelEntry(callId: string, model: string): string {
  return `${JSON.stringify(callId)}: {model: ${JSON.stringify(model)}}`;
}

/** A call with no price, and why: no options, no recommendation, the reason as its diagnostic and its unpriced reason. */
function notPriced(reason: string, kind: 'not-priced' | 'end-user-device' | 'end-user-subscription' = 'not-priced'): SiteAdvice {
  return { options: [], recommendation: null, monthlyUsdCurrent: null, diagnostics: [reason], unpriced: { kind, reason: `not priced: ${reason}` } };
}

/** The runtime (on-device-runtimes.json) that runs the call's model on the end user's own device, if it is one. */
function onDeviceRuntime(input: AdviceInput, catalog: Catalog): OnDeviceRuntimeRow | undefined {
  if (input.sdk === undefined || !runsOnEndUserDevice({ sdk: input.sdk, runsOn: input.runsOn })) return undefined;
  return catalog.onDeviceRuntimes?.find((row) => row.sdk === input.sdk);
}
