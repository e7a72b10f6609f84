import * as assert from 'node:assert/strict';
import { enrichCalls } from '../../../../src/core/pricing/pipeline';
import { detectedCall, message } from '../../detectedCall';
import { REALTIME_AUDIO_TURN_TEXT } from '../../../../src/model/vocabulary';
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

  describe('a realtime session minted on the server and connected to with its key', () => {
    const audioTurn = message('user', REALTIME_AUDIO_TURN_TEXT, [{ kind: 'unknown', expression: 'audio' }]);
    const realtime = { id: 'gpt-4o-realtime-preview', raw: "'gpt-4o-realtime-preview'", source: 'literal' as const };
    const mint = detectedCall({ file: 'server/token.ts', line: 4, sdk: 'http', method: 'fetch /v1/realtime/sessions', model: realtime, messages: [audioTurn], realtimeStep: { step: 'mint', session: 'conversation' } });
    const connect = detectedCall({ file: 'web/voice.ts', line: 9, sdk: 'http', method: 'fetch /v1/realtime', model: realtime, messages: [audioTurn], realtimeStep: { step: 'connect', session: 'conversation' } });
    const counted = (priced: ReturnType<typeof enrichCalls>) => priced.callSites.map((site) => site.inTotals !== false);

    it('is one session: counted at the mint, the connect listed with the reason', () => {
      const priced = enrichCalls([mint, connect]);
      assert.deepEqual(counted(priced), [true, false]);
      assert.match(priced.callSites[0].totalsNote ?? '', /mints the realtime session .*connect at web\/voice\.ts:9 .*one session, counted here/);
      assert.match(priced.callSites[1].totalsNote ?? '', /opens the realtime session minted at server\/token\.ts:4 with its ephemeral key: one session, counted at the mint/);
      assert.ok((priced.callSites[1].monthlyUsdCurrent ?? 0) > 0, 'the connect keeps its own price');
      assert.equal(priced.summary.monthlyUsdCurrent, round2(priced.callSites[0].monthlyUsdCurrent ?? 0));
    });

    it("is counted at the connect when the mint's model is not known, or when only the connect sets its volume", () => {
      const unpricedMint = enrichCalls([{ ...mint, model: { id: null, raw: 'body.model', source: 'dynamic' } }, connect]);
      assert.deepEqual(counted(unpricedMint), [false, true]);
      assert.match(unpricedMint.callSites[1].totalsNote ?? '', /counted here because the mint's model is not known/);
      assert.equal(unpricedMint.summary.monthlyUsdCurrent, round2(unpricedMint.callSites[1].monthlyUsdCurrent ?? 0));
      const annotated = enrichCalls([mint, { ...connect, annotationComment: { text: '// llm-advisor: calls=2000/month', line: 8 } }]);
      assert.deepEqual(counted(annotated), [false, true]);
      assert.match(annotated.callSites[0].totalsNote ?? '', /counted at the connect \(this connect's volume is set\)/);
    });

    it('pairs only sessions of the same kind: a transcription key does not open a conversation', () => {
      const priced = enrichCalls([{ ...mint, realtimeStep: { step: 'mint', session: 'transcription' } }, connect]);
      assert.deepEqual(counted(priced), [true, true]);
      assert.equal(priced.callSites[1].totalsNote, undefined);
    });
  });
});
