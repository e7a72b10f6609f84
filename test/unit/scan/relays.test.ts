import * as assert from 'node:assert/strict';
import { foldRelays } from '../../../src/scan/relays';
import { detectedCall, message } from '../detectedCall';
import type { DetectedCall } from '../../../src/model/types';

// The relay folding read on hand-built calls: what a caller's reading says decides, not how a scan found it.
const request = detectedCall({ file: 'src/llm.ts', line: 4, enclosingFunction: 'run', messages: [message('user', '{{input}}', [{ kind: 'interpolation', expression: 'input' }])] });
const callerOf = (target: DetectedCall, file: string, line: number, enclosingFunction: string, extra: Partial<DetectedCall> = {}): DetectedCall => ({
  ...target, file, line, endLine: line, enclosingFunction, method: target.enclosingFunction!, kind: 'wrapper-caller', passesValuesOnly: true, via: { file: target.file, line: target.line, function: target.enclosingFunction! }, ...extra,
});
const folded = (calls: DetectedCall[], nonProduction?: (file: string) => boolean) => {
  const copy = [...calls];
  foldRelays(copy, nonProduction);
  return copy.map((call) => ({ at: `${call.file}:${call.line}`, relays: (call.relays ?? []).map((relay) => `${relay.file}:${relay.line}`) }));
};

describe('relays', () => {
  const cases: Array<{ name: string; calls: DetectedCall[]; nonProduction?: (file: string) => boolean; expected: ReturnType<typeof folded> }> = [
    {
      name: 'a caller read as a task of its own (its name says a title) stays a site',
      calls: [request, callerOf(request, 'src/title.ts', 3, 'generateTitle')],
      expected: [{ at: 'src/llm.ts:4', relays: [] }, { at: 'src/title.ts:3', relays: [] }],
    },
    {
      name: 'a caller read as the same task, handing on only values, is a relay',
      calls: [request, callerOf(request, 'src/route.ts', 3, 'handle')],
      expected: [{ at: 'src/llm.ts:4', relays: ['src/route.ts:3'] }],
    },
    {
      name: "the app's call is no relay of a test's double (its traffic would leave the totals); a test's call may relay to the app's request",
      calls: [request, callerOf(request, 'src/route.test.ts', 3, 'handle'), { ...request, file: 'test/fakeModel.ts', line: 2 }, callerOf({ ...request, file: 'test/fakeModel.ts', line: 2 }, 'src/route.ts', 5, 'handle')],
      nonProduction: (file) => /\.test\.ts$|^test\//.test(file),
      expected: [{ at: 'src/llm.ts:4', relays: ['src/route.test.ts:3'] }, { at: 'test/fakeModel.ts:2', relays: [] }, { at: 'src/route.ts:5', relays: [] }],
    },
  ];
  for (const { name, calls, nonProduction, expected } of cases) {
    it(name, () => assert.deepEqual(folded(calls, nonProduction), expected));
  }
});
