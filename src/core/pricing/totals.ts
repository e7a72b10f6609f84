import type { CallSite, UnpricedKind } from '../../model/types';

/**
 * The call sites without a price, split by whether the totals would count them: the one count
 * every summary (CLI table, status bar, panel, plan, cost diff) shows. `inTotals` are missing from
 * the total (it is a lower bound by their cost); `leftOut` are left out of the totals anyway (not
 * production traffic, helpers priced through their callers, alternative adapters), so the total
 * misses nothing through them. `byKind` splits `inTotals`.
 */
export interface UnpricedCount {
  inTotals: number;
  leftOut: number;
  byKind: Partial<Record<UnpricedKind, number>>;
}

export function countUnpriced(sites: ReadonlyArray<Pick<CallSite, 'monthlyUsdCurrent' | 'inTotals' | 'unpricedKind'>>): UnpricedCount {
  const count: UnpricedCount = { inTotals: 0, leftOut: 0, byKind: {} };
  for (const site of sites) {
    if (site.monthlyUsdCurrent !== null) continue;
    if (site.inTotals === false) {
      count.leftOut++;
      continue;
    }
    count.inTotals++;
    const kind = site.unpricedKind ?? 'not-priced';
    count.byKind[kind] = (count.byKind[kind] ?? 0) + 1;
  }
  return count;
}

/** The summary fields of an UnpricedCount (absent ones are zero). */
export function unpricedSummaryFields(count: UnpricedCount): { unpricedCallSites: number; unpricedLeftOutCallSites?: number; unpricedByKind?: Partial<Record<UnpricedKind, number>> } {
  return {
    unpricedCallSites: count.inTotals,
    ...(count.leftOut > 0 ? { unpricedLeftOutCallSites: count.leftOut } : {}),
    ...(count.inTotals > 0 ? { unpricedByKind: count.byKind } : {}),
  };
}

/** What the totals count for one site: whether it is in, and the note its row shows. */
export interface TotalsDecision {
  inTotals: boolean;
  note?: string;
}

/**
 * Decides which call sites the workspace totals sum, so that each request is counted once:
 * - calls that are not production traffic (tests, scripts, examples, ...) are left out;
 * - a request continuing an answer cut off at the token limit is left out unless its volume is set (it runs
 *   for an unknown share of the requests, not for each);
 * - an app helper's own request is left out when callers of it are priced as call sites of their
 *   own (each caller's request goes through the helper: counting both would count it twice), unless
 *   calls relay to it (`relays`: callers adding nothing to it), whose traffic it then stands for;
 * - of provider adapters that are alternatives, only the most expensive one is counted (the
 *   configured one is not known statically);
 * - a realtime session minted on the app's server and connected to with the key it mints is one
 *   session: counted at the mint, and the connect is listed (see decideRealtimeSessions).
 * Returns one decision per site, in order.
 */
export function decideTotals(sites: readonly CallSite[]): TotalsDecision[] {
  const decisions: TotalsDecision[] = sites.map((site) =>
    site.production === false
      ? { inTotals: false, note: `not production traffic (${site.nonProductionReason ?? 'marked so'}): listed, not in the totals` }
      : site.continuesCutOffAnswer && !explicitVolume(site)
      ? { inTotals: false, note: `continues an answer the model cut off at its token limit (\`${site.continuesCutOffAnswer}\`): it runs only for the share of requests that hit the limit, which the code does not say, so it is listed, not in the totals; set its volume (llm-usage.yml or an llm-advisor comment) to count it` }
      : { inTotals: true },
  );
  // Helpers: a site whose position is the `via` of priced, counted callers.
  // A caller's `via` names the helper function's first request; every request in that function is the helper's.
  const pricedCallers = new Map<string, CallSite[]>();
  sites.forEach((site, index) => {
    if (!site.via || !decisions[index].inTotals || site.monthlyUsdCurrent === null) return;
    // A caller through an interface reaches whichever adapter is configured: none of them is counted on its own.
    for (const helper of [site.via, ...(site.via.alternatives ?? []), ...(site.via.through ?? [])]) {
      const key = `${helper.file}#${helper.function}`;
      pricedCallers.set(key, [...(pricedCallers.get(key) ?? []), site]);
    }
  });
  // Deepest first does not matter: a helper is out whenever one of its callers is counted, and
  // callers are counted unless they are helpers themselves (whose own callers are then counted).
  sites.forEach((site, index) => {
    const callers = pricedCallers.get(`${site.file}#${site.enclosingFunction ?? '<top>'}`);
    if (!callers || !decisions[index].inTotals) return;
    // The user set the helper's own volume (annotation, usage file, export) and no caller's: that
    // figure is the better-known one, so the helper is counted and its callers are listed.
    if (explicitVolume(site) && !callers.some(explicitVolume)) {
      for (const caller of callers) {
        const callerIndex = sites.indexOf(caller);
        decisions[callerIndex] = { inTotals: false, note: `counted in its helper ${site.id}, whose volume is set (${site.volume.source}); set this caller's own volume to count it here instead` };
      }
      return;
    }
    // Calls relaying to it that nothing else calls through (no feature of their own, listed on it) are counted here; its
    // other callers are their own sites.
    const entries = (site.relays ?? []).filter((relay) => !relay.passesOn).length;
    if (entries > 0) {
      decisions[index] = { inTotals: true, note: `counted for the ${entries} call${entries === 1 ? '' : 's'} relaying to it (listed on it); its ${callers.length} other caller${callers.length === 1 ? ' is a call site' : 's are call sites'} of its own, counted there` };
      return;
    }
    decisions[index] = { inTotals: false, note: `the app's helper: priced through its ${callers.length} caller${callers.length === 1 ? '' : 's'} (each a call site of its own), so it is not in the totals and each request is counted once` };
  });
  const groups = new Map<string, number[]>();
  sites.forEach((site, index) => {
    if (site.alternativeGroup && decisions[index].inTotals) groups.set(site.alternativeGroup, [...(groups.get(site.alternativeGroup) ?? []), index]);
  });
  for (const [group, members] of groups) {
    if (members.length < 2) continue;
    const chosen = members.reduce((best, index) => ((sites[index].monthlyUsdCurrent ?? -1) > (sites[best].monthlyUsdCurrent ?? -1) ? index : best), members[0]);
    for (const index of members) {
      decisions[index] = index === chosen
        ? { inTotals: true, note: `one of ${members.length} alternative provider adapters (${group}); the totals count this one, the most expensive (the configured one is not known)` }
        : { inTotals: false, note: `an alternative to ${sites[chosen].id} (${group}): only one adapter serves a deployment, so the totals count the most expensive one` };
    }
  }
  decideRealtimeSessions(sites, decisions);
  return decisions;
}

/**
 * A workspace that mints realtime sessions (`/v1/realtime/sessions`, `client_secrets`) and connects to one (a
 * WebRTC offer, a WebSocket, the Agents SDK's `connect`) of the same provider and kind opens each session with
 * both requests: the mint makes the session and hands back an ephemeral key, the connect opens it with that key.
 * Each session is counted once, at the mint: it carries the model and session config the key is bound to (a
 * connect to `/v1/realtime/calls` names no model at all). The connects are counted instead when no mint is
 * priced from a model the code states and a connect is, or when a connect's own volume is set and no mint's is:
 * then theirs is the better-known figure, as for a helper and its callers. Decides sites still in the totals.
 */
function decideRealtimeSessions(sites: readonly CallSite[], decisions: TotalsDecision[]): void {
  const sessions = new Map<string, { mints: number[]; connects: number[] }>();
  sites.forEach((site, index) => {
    if (!site.realtimeStep || !decisions[index].inTotals) return;
    const key = `${site.provider}|${site.realtimeStep.session}`;
    const group = sessions.get(key) ?? { mints: [], connects: [] };
    (site.realtimeStep.step === 'mint' ? group.mints : group.connects).push(index);
    sessions.set(key, group);
  });
  const where = (indexes: number[]) => indexes.map((index) => `${sites[index].file}:${sites[index].line}`).join(', ');
  // A model the code does not state is priced over an assumed set (the realtime models), if at all: a guess, not the session's own price.
  const priced = (index: number) => sites[index].monthlyUsdCurrent !== null && !sites[index].modelPricing?.assumed;
  const volumeSet = (index: number) => explicitVolume(sites[index]);
  for (const { mints, connects } of sessions.values()) {
    if (mints.length === 0 || connects.length === 0) continue;
    const mintUnpriced = !mints.some(priced) && connects.some(priced);
    const connectVolumeSet = connects.some(volumeSet) && !mints.some(volumeSet);
    if (!mintUnpriced && !connectVolumeSet) {
      for (const index of mints) decisions[index] = { inTotals: true, note: `mints the realtime session (its model and config) that the connect at ${where(connects)} opens with the ephemeral key it returns: one session, counted here` };
      for (const index of connects) {
        decisions[index] = { inTotals: false, note: `opens the realtime session minted at ${where(mints)} with its ephemeral key: one session, counted at the mint (which carries its model and config), so it is not in the totals and each session is counted once` };
      }
      continue;
    }
    const why = mintUnpriced ? "the mint's model is not known (not priced from the code)" : "this connect's volume is set";
    for (const index of connects) decisions[index] = { inTotals: true, note: `opens the realtime session minted at ${where(mints)} with its ephemeral key: one session, counted here because ${why}` };
    for (const index of mints) {
      decisions[index] = { inTotals: false, note: `mints the realtime session that the connect at ${where(connects)} opens: one session, counted at the connect (${why}), so it is not in the totals and each session is counted once` };
    }
  }
}

/**
 * A volume the user or measured traffic gave for this call, rather than a blanket one: the built-in
 * default, the workspace setting, or the usage file's `defaults` entry (its basis names the entry,
 * see resolveVolume in core/usage).
 */
function explicitVolume(site: CallSite): boolean {
  if (site.volume.source === 'default' || site.volume.source === 'setting') return false;
  return !(site.volume.source === 'usage-file' && / defaults \(line \d+\)/.test(site.volume.basis ?? ''));
}
