import type { DetectedCall } from '../model/types';

/** A place in the workspace as the folding steps key it: `file:line`. */
export function positionKey(file: string, line: number): string {
  return `${file}:${line}`;
}

/** Each call's place and the index of the first call there (a later call at the same place is reached through it). */
export function sitesByPosition(calls: readonly DetectedCall[]): Map<string, number> {
  const siteAt = new Map<string, number>();
  calls.forEach((call, index) => {
    const key = positionKey(call.file, call.line);
    if (!siteAt.has(key)) siteAt.set(key, index);
  });
  return siteAt;
}

/** The places a caller's request goes through: its helper's request, the adapters it may reach instead, the hops past it. */
export function stepPositions(call: DetectedCall): string[] {
  return (call.via ? [call.via, ...(call.via.alternatives ?? []), ...(call.via.through ?? [])] : []).map((step) => positionKey(step.file, step.line));
}
