import { classifyTask } from '../core/estimate/task';
import { MODEL_FROM_CALLERS } from '../analyzers';
import type { DetectedCall, Relay, WrapperVia } from '../model/types';
import { positionKey, sitesByPosition, stepPositions } from './sitePositions';

/**
 * A caller of the app's helper that hands it only values it is given (`passesValuesOnly`: a send button passing the
 * draft, a route handler passing the request body, a retry passing the same messages) and whose request, read through
 * the helper, has no word, model, client, tool, schema or token limit the helper's own request lacks, runs the same feature as that
 * request: it is listed on it (`relays`) and is no call site of its own. The request it goes through stays a site and,
 * standing for these relays, in the totals. Chains fold to the first site that says something: a button relaying to a
 * store method relaying to the helper is listed on the helper's request.
 *
 * A caller the sites of other callers go through is a hop on their way and folds the same way when its request says
 * nothing of its own, whatever it computes to hand on (see hopCandidate). So does a caller reaching the request through a
 * function left out of the sites because it only hands its parameters on (`replyMessage(contact, text)` calling
 * `this.getReply(text, contact.id)`): it is listed with that function on its way (`through`).
 *
 * Callers that state a prompt, a model, a client, tools, a schema or a limit stay sites: they are the features; so do callers
 * read as another task than the request (a name or a reply name saying what they are for). So do callers of an HTTP helper
 * (whose request is made a site from its callers), annotated callers (the user said something of them), and a request
 * continuing a cut-off answer (it runs for a share of the answers only). A caller through several implementations (an
 * adapter chosen by configuration: see `via.alternatives`) that says nothing of its own folds into the implementation it is
 * priced through, as any relay does (`provider.generate(attempt)` in a retry helper over three providers' adapters).
 * Measured on the 661 repositories labeled before the sixty-seventh session (their labeling guide counts such interface
 * dispatch as no request of its own): near-misses 237 -> 219, one labeled request found through a site's alternatives
 * lost (mem0's OpenClaw `update`).
 * Returns new objects for the sites it changes: a file's analysis may be cached and reused by a later scan.
 */
export function foldRelays(calls: DetectedCall[], nonProduction: (file: string) => boolean = () => false): void {
  const siteAt = sitesByPosition(calls);
  // Where each folded caller went: a caller relaying to a relay goes on to the site that one went to.
  const foldedInto = new Map<number, number>();
  // The hops a folded caller's request goes through before the site it is listed on (none are sites).
  const hopsLeftOut = new Map<number, WrapperVia[]>();
  const targetOf = (index: number): number => {
    let target = index;
    for (let guard = 0; foldedInto.has(target) && guard < calls.length; guard++) target = foldedInto.get(target)!;
    return target;
  };
  // The hops the callers that stay sites go through (a relay folds into the site it goes through, which then stands for
  // it). The adapters a caller chooses between are no hops: each is reached only when the settings pick it, and stays
  // that choice's site.
  const hopsOfSites = new Set(calls.flatMap((call) => (relayCandidate(call) || call.via?.alternatives?.length ? [] : stepPositions(call))));
  // Callers before their own callers: a relay of a relay folds after the one it relays to.
  const order = calls.map((_, index) => index).filter((index) => relayCandidate(calls[index]) || hopCandidate(calls[index], hopsOfSites.has(positionKey(calls[index].file, calls[index].line))));
  for (const index of order) {
    const caller = calls[index];
    // The first request on its way that is a site. The hops before it were left out of the sites (each only hands its
    // parameters on): the relay is listed with them, the way its request goes.
    const steps = [caller.via!, ...(caller.via!.through ?? [])];
    const reaching = steps.findIndex((step) => siteAt.has(positionKey(step.file, step.line)));
    if (reaching < 0 || reaching > MAX_HOPS_LEFT_OUT) continue;
    const target = targetOf(siteAt.get(positionKey(steps[reaching].file, steps[reaching].line))!);
    if (target === index || !saysNothingOfItsOwn(caller, calls[target], hopsOfSites.has(positionKey(caller.file, caller.line)))) continue;
    // The app's traffic is never listed on a test's double (a fake model class implementing the app's interface): a test
    // site is out of the totals, and the caller's traffic with it.
    if (!nonProduction(caller.file) && nonProduction(calls[target].file)) continue;
    // A hop stating the model its helper's request was given from its callers said that model: it is no pass-through.
    if (!relayCandidate(caller) && caller.model.id !== null && calls[target].evidence.some((line) => line.startsWith(MODEL_FROM_CALLERS))) continue;
    foldedInto.set(index, target);
    if (reaching > 0) hopsLeftOut.set(index, steps.slice(0, reaching).map(({ file, line, function: fn }) => ({ file, line, function: fn })));
  }
  if (foldedInto.size === 0) return;
  // A relay other calls go through (a method between a button and the helper) carries their traffic, counted where they are.
  const reachedThrough = new Set(calls.flatMap(stepPositions));
  const relaysOf = new Map<number, Relay[]>();
  for (const index of [...foldedInto.keys()].sort((a, b) => a - b)) {
    const target = targetOf(index);
    const { file, line } = calls[index];
    const hops = hopsLeftOut.get(index);
    relaysOf.set(target, [...(relaysOf.get(target) ?? []), { file, line, ...(reachedThrough.has(positionKey(file, line)) ? { passesOn: true as const } : {}), ...(hops ? { through: hops } : {}) }]);
  }
  // Callers going through a relay go on through the site it is listed on, and through the other implementations the relay
  // could reach (its `via.alternatives`: a table of handlers, adapters chosen by configuration): the totals leave those
  // sites' own counts to them.
  const onwardOf = (step: { file: string; line: number }): WrapperVia[] => {
    const index = siteAt.get(positionKey(step.file, step.line));
    if (index === undefined || !foldedInto.has(index)) return [];
    const target = calls[targetOf(index)];
    const alternatives = (calls[index].via?.alternatives ?? []).map(({ file, line, function: fn }) => ({ file, line, function: fn }));
    return [{ file: target.file, line: target.line, function: target.enclosingFunction ?? '<top>' }, ...alternatives];
  };
  const kept: DetectedCall[] = [];
  calls.forEach((call, index) => {
    if (foldedInto.has(index)) return;
    const relays = relaysOf.get(index);
    const rerouted = call.via ? throughRelays(call, onwardOf) : call;
    if (!relays) {
      kept.push(rerouted);
      return;
    }
    const listed = relays.slice(0, LISTED_RELAYS).map((relay) => `${relay.file}:${relay.line}`).join(', ');
    const more = relays.length > LISTED_RELAYS ? ` and ${relays.length - LISTED_RELAYS} more` : '';
    const entries = relays.filter((relay) => !relay.passesOn).length;
    kept.push({
      ...rerouted,
      relays: [...(call.relays ?? []), ...relays],
      evidence: [
        ...call.evidence,
        `relayed to by ${relays.length} call${relays.length === 1 ? '' : 's'} handing on only values they are given (${listed}${more}): the same feature, so no call sites of their own; ${entries > 0 ? `this site's volume stands for the ${entries} that nothing else calls through` : 'other calls go through them, counted where they are'}`,
      ],
    });
  });
  calls.splice(0, calls.length, ...kept);
}

/** The call with the sites its relays are listed on added to `via.through` (once each); the call itself when there are none. */
function throughRelays(call: DetectedCall, onwardOf: (step: { file: string; line: number }) => WrapperVia[]): DetectedCall {
  const via = call.via!;
  const named = new Set([via, ...(via.through ?? [])].map((step) => positionKey(step.file, step.line)));
  const added: WrapperVia[] = [];
  for (const step of [via, ...(via.through ?? [])]) {
    for (const onward of onwardOf(step)) {
      if (named.has(positionKey(onward.file, onward.line))) continue;
      named.add(positionKey(onward.file, onward.line));
      added.push(onward);
    }
  }
  return added.length === 0 ? call : { ...call, via: { ...via, through: [...(via.through ?? []), ...added] } };
}

/** Relays named in a site's evidence line; the `relays` field lists them all. */
const LISTED_RELAYS = 5;

function relayCandidate(call: DetectedCall): boolean {
  return foldable(call) && call.passesValuesOnly === true && !(call.httpHelperRequest && !call.httpHelperRequest.handsOn);
}

/**
 * A caller other sites go through (`provider.generate(model, diff)` in the function every command calls) whose request,
 * read through the helper, says nothing of its own: a hop on their way, folded like a relay even where it computes what it
 * hands on (a model from the settings, a key from the keychain). Its traffic is theirs, counted where they are. Measured on
 * the 300 labeled repositories: 6 near-misses fewer (a relay listed on a site still counts as found, so no labeled
 * request can be lost this way; the near-misses are what it changes).
 */
function hopCandidate(call: DetectedCall, reached: boolean): boolean {
  return reached && foldable(call);
}

/** A caller through one helper that the user said nothing of and that runs for every answer: one that may fold. */
function foldable(call: DetectedCall): boolean {
  return call.kind === 'wrapper-caller' && call.via !== undefined && !call.annotation && !call.annotationComment && !call.continuesCutOffAnswer;
}

/** Whether a caller's request, read through the helper, adds nothing to the request it goes through. */
function saysNothingOfItsOwn(caller: DetectedCall, through: DetectedCall, isHop = false): boolean {
  // Its own model, or its own client (who serves it), is a choice of its own.
  if (modelKey(caller) !== modelKey(through) || caller.endpoint !== through.endpoint || caller.provider !== through.provider) return false;
  // A token limit of its own makes a feature of a caller nothing else goes through; a hop setting one
  // (`callOpenRouterForCTA(messages)` handing on `maxTokens: MAX_TOKENS.cta`) hands it to the sites that go through it,
  // which read their request, limit included, through it.
  if (caller.maxOutputTokens !== through.maxOutputTokens && !isHop) return false;
  if (caller.features.tools !== through.features.tools || caller.features.vision !== through.features.vision || caller.features.structuredOutput !== through.features.structuredOutput) return false;
  if (caller.toolNames.some((name) => !through.toolNames.includes(name))) return false;
  if ((caller.structuredOutputName ?? through.structuredOutputName) !== through.structuredOutputName) return false;
  // Read as another task (its name says `generateTitle`, its reply is `const summary = ...`): a feature of its own; also
  // read without their files' names, which cover every call in a file (`chat/route.ts`) and say nothing of what this
  // caller adds to the request: the same task either way is no feature of its own.
  if (classifyTask(caller, 0).type !== classifyTask(through, 0).type && taskWithoutFileName(caller) !== taskWithoutFileName(through)) return false;
  const own = wordsOf(through);
  return [...wordsOf(caller)].every((words) => own.has(words));
}

/** A name no task hint matches, for reading a call's task from its own names and prompt alone. */
const UNNAMED_FILE = 'file.ts';

/** Read once per call object (calls are never edited): a request is compared with each caller that may relay to it. */
function taskWithoutFileName(call: DetectedCall): string {
  let task = TASKS_WITHOUT_FILE_NAME.get(call);
  if (task === undefined) TASKS_WITHOUT_FILE_NAME.set(call, (task = classifyTask({ ...call, file: UNNAMED_FILE }, 0).type));
  return task;
}

const TASKS_WITHOUT_FILE_NAME = new WeakMap<DetectedCall, string>();

function modelKey(call: DetectedCall): string {
  return JSON.stringify([call.model.id, (call.model.candidates ?? []).map((candidate) => candidate.id)]);
}

/** The prompt's written text, run by run between its holes. */
function wordsOf(call: DetectedCall): Set<string> {
  const runs = new Set<string>();
  for (const message of call.messages) {
    for (const run of message.text.split(/\{\{[^}]*\}\}/)) {
      const trimmed = run.trim();
      if (/\p{L}/u.test(trimmed)) runs.add(trimmed);
    }
  }
  return runs;
}

/**
 * Hops left out of the sites a relay may pass before the request it is listed on. Measured on the 304 labeled
 * repositories (with callers' marks read of the caller alone): none, 146 near-misses; one hop, 128, no labeled request
 * lost; any number, 126, but the modes of an agent team, each a feature, reached one request through several hops and
 * folded into it.
 */
const MAX_HOPS_LEFT_OUT = 1;
