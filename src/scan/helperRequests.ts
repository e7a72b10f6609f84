import type { DetectedCall } from '../model/types';
import { positionKey } from './sitePositions';

/**
 * An app's own HTTP helper that sends the URL its callers hand it (`stream(chatPath, payload, ...)` whose body runs
 * `fetchEventSource(chatPath, ...)`, parses the stream and posts again after tool calls) has its request priced at
 * each caller, where URL and body are known. The helper's own request is a request of the app too: it is listed as a
 * site of its own, read as its likely caller's (provider, model, prompt): one other sites go through first (the adapter the app picks by default), else the first, and each caller names it as the request it
 * goes through (`via`), so the totals count the callers and leave the helper out, as for any helper.
 *
 * Only where no analyzer reported a request at that place already, and only callers without a `via` of their own get
 * one. Replaces nothing: the helper sites are appended, the callers given a via are new objects (never edited).
 */
export function helperRequestSites(calls: DetectedCall[]): void {
  const byPlace = new Map<string, number[]>();
  calls.forEach((call, index) => {
    const place = call.httpHelperRequest;
    if (!place) return;
    const key = `${place.file}:${place.line}:${place.column}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), index]);
  });
  const reported = new Set(calls.map((call) => positionKey(call.file, call.line)));
  // The adapter other sites go through first (a feature priced through the provider the app picks by default).
  const preferred = new Set(calls.flatMap((call) => (call.via ? [positionKey(call.via.file, call.via.line)] : [])));
  for (const indexes of byPlace.values()) {
    const place = calls[indexes[0]].httpHelperRequest!;
    if (reported.has(positionKey(place.file, place.line))) continue;
    const first = calls[indexes.find((index) => preferred.has(positionKey(calls[index].file, calls[index].line))) ?? indexes[0]];
    const via = { file: place.file, line: place.line, function: place.function };
    for (const index of indexes) {
      if (!calls[index].via) calls[index] = { ...calls[index], via };
    }
    const { httpHelperRequest: _place, via: _via, kind: _kind, exportedFunction: _exported, ...copied } = first;
    void _place;
    void _via;
    void _kind;
    void _exported;
    calls.push({
      ...copied,
      file: place.file,
      line: place.line,
      column: place.column,
      endLine: place.endLine,
      endColumn: place.endColumn,
      enclosingFunction: place.function === '<top>' ? null : place.function,
      evidence: [`the request of the app's HTTP helper ${place.function}(), which sends the URL and body its ${indexes.length} caller(s) hand it; read as the caller ${first.file}:${first.line}`, ...first.evidence],
    });
  }
}
