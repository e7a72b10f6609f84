import * as assert from 'node:assert/strict';
import { enrichCalls } from '../../../../src/core/pricing/pipeline';
import { detectedCall, message } from '../../detectedCall';
import type { DetectedCall } from '../../../../src/model/types';

const helper = detectedCall({ file: 'src/llm.ts', line: 4, enclosingFunction: 'complete', messages: [message('user', 'Summarize this support thread in three sentences.')] });
const callerOf = (target: DetectedCall, file: string, line: number, enclosingFunction: string, extra: Partial<DetectedCall> = {}): DetectedCall => ({
  ...target, file, line, endLine: line, enclosingFunction, method: target.enclosingFunction!, kind: 'wrapper-caller', via: { file: target.file, line: target.line, function: target.enclosingFunction! }, ...extra,
});
const round2 = (value: number) => Math.round(value * 100) / 100;
const sumOf = (sites: ReturnType<typeof enrichCalls>['callSites']) => round2(sites.filter((site) => site.inTotals !== false).reduce((total, site) => total + (site.monthlyUsdCurrent ?? 0), 0));

describe('totals count each request once', () => {
  it('a helper with two priced callers: the callers are summed, the helper is listed with a note', () => {
    const priced = enrichCalls([helper, callerOf(helper, 'src/a.ts', 3, 'title'), callerOf(helper, 'src/b.ts', 5, 'digest')]);
    const [helperSite, first, second] = priced.callSites;
    assert.equal(helperSite.inTotals, false);
    assert.match(helperSite.totalsNote ?? '', /2 callers/);
    assert.notEqual(first.inTotals, false);
    assert.notEqual(second.inTotals, false);
    assert.equal(priced.summary.monthlyUsdCurrent, round2((first.monthlyUsdCurrent ?? 0) + (second.monthlyUsdCurrent ?? 0)));
    assert.equal(priced.summary.monthlyUsdCurrent, sumOf(priced.callSites));
  });

  it('two levels: only the outermost caller is summed', () => {
    const middle = callerOf(helper, 'src/extract.ts', 3, 'extractData');
    const outer = callerOf(middle, 'src/feature.ts', 3, 'extractInvoice');
    const priced = enrichCalls([helper, middle, outer]);
    assert.deepEqual(priced.callSites.map((site) => site.inTotals !== false), [false, false, true]);
    assert.equal(priced.summary.monthlyUsdCurrent, round2(priced.callSites[2].monthlyUsdCurrent ?? 0));
  });

  it('a caller whose request passes through a hop left out of the sites: the helper past the hop (named in via.through) is left out too', () => {
    // app.ts → Agent.start (whose `this.reply(task)` only hands on, so it is no site) → Agent.reply → complete.
    const reply = callerOf(helper, 'src/agent.ts', 8, 'Agent.reply');
    const outer = callerOf(reply, 'src/app.ts', 4, 'triage', { via: { file: 'src/agent.ts', line: 5, function: 'Agent.start', through: [{ file: 'src/agent.ts', line: 8, function: 'Agent.reply' }] } });
    const priced = enrichCalls([helper, reply, outer]);
    assert.deepEqual(priced.callSites.map((site) => site.inTotals !== false), [false, false, true]);
    assert.equal(priced.summary.monthlyUsdCurrent, round2(priced.callSites[2].monthlyUsdCurrent ?? 0));
  });

  it('a helper whose own volume is annotated is counted instead of callers on the default volume', () => {
    const annotated = { ...helper, annotationComment: { text: '// llm-advisor: calls=50000/month', line: 3 } };
    const priced = enrichCalls([annotated, callerOf(helper, 'src/a.ts', 3, 'title')]);
    assert.deepEqual(priced.callSites.map((site) => site.inTotals !== false), [true, false]);
    assert.equal(priced.callSites[0].volume.callsPerMonth, 50_000);
    assert.equal(priced.summary.monthlyUsdCurrent, round2(priced.callSites[0].monthlyUsdCurrent ?? 0));
  });

  it('not-production calls and all but the most expensive alternative are left out', () => {
    const test = detectedCall({ file: 'test/a.test.ts', line: 2, production: false, nonProductionReason: 'file matches the non-production glob **/*.test.*' });
    const cheap = detectedCall({ file: 'src/providers/mini.ts', line: 2, enclosingFunction: 'chat', model: { id: 'gpt-4o-mini', raw: "'gpt-4o-mini'", source: 'literal' }, alternativeGroup: 'src/providers/*#chat' });
    const dear = detectedCall({ file: 'src/providers/big.ts', line: 2, enclosingFunction: 'chat', model: { id: 'gpt-4o', raw: "'gpt-4o'", source: 'literal' }, alternativeGroup: 'src/providers/*#chat' });
    const priced = enrichCalls([test, cheap, dear]);
    assert.deepEqual(priced.callSites.map((site) => site.inTotals !== false), [false, false, true]);
    assert.equal(priced.summary.monthlyUsdCurrent, round2(priced.callSites[2].monthlyUsdCurrent ?? 0));
    assert.ok((priced.callSites[2].monthlyUsdCurrent ?? 0) > (priced.callSites[1].monthlyUsdCurrent ?? 0));
  });
});
