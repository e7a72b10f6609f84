import assert from 'node:assert/strict';
import { BUILTIN_CALLS_PER_MONTH } from '../../../../src/model/vocabulary';
import { matchesGlob, parseUsageFile, resolveUsageSettings, resolveVolume, updateUsageFile } from '../../../../src/core/usage/usage';

const SAMPLE = `# volumes for the support desk
version: 1
defaults:
  callsPerMonth: 5000 # a guess
callSites:
  "src/a.ts#summarize:chat.completions.create":
    callsPerMonth: 120000
    task: summarization
    holeTokens:
      rag-context: 3000
      history: -4
files:
  "src/support/**":
    calls: 2k/day
  "*.worker.ts":
    callsPerMonth: -3
    bogus: 1
functions:
  classify:
    task: clasification
  TicketService.route:
    callsPerMonth: 900
`;

describe('usage file', () => {
  it('parses valid entries and reports each bad one with its line', () => {
    const { usage, errors } = parseUsageFile(SAMPLE);
    assert.equal(usage.callSites?.['src/a.ts#summarize:chat.completions.create'].callsPerMonth, 120000);
    assert.deepEqual(usage.callSites?.['src/a.ts#summarize:chat.completions.create'].holeTokens, { 'rag-context': 3000 });
    assert.equal(usage.files?.['src/support/**'].callsPerMonth, Math.round(2000 * 365 / 12));
    assert.equal(usage.defaults?.callsPerMonth, 5000);
    assert.deepEqual(
      errors.map((e) => e.line),
      [11, 16, 17, 20],
    );
    assert.match(errors[1].message, /non-negative/);
    assert.match(errors[2].message, /unknown key "bogus"/);
    assert.match(errors[3].message, /did you mean classification/);
  });

  it('rejects YAML bombs and syntax errors with a line', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n');
    const result = parseUsageFile(bomb);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0].message, /alias/i);
    const broken = parseUsageFile('version: 1\ncallSites:\n  "a": {callsPerMonth: 1\n');
    assert.ok(broken.errors.length > 0);
    assert.ok(broken.errors[0].line >= 3);
  });

  it('rejects wrong types and an empty file is fine', () => {
    assert.match(parseUsageFile('- 1\n- 2\n').errors[0].message, /must be a mapping/);
    assert.match(parseUsageFile('callSites: 3\n').errors[0].message, /expected a mapping/);
    assert.match(parseUsageFile('version: 2\n').errors[0].message, /version 1/);
    assert.deepEqual(parseUsageFile('').errors, []);
    assert.deepEqual(parseUsageFile('# only a comment\n').errors, []);
  });

  it('resolves volume with precedence annotation > call id > function > file > defaults > setting > built-in', () => {
    const { usage } = parseUsageFile(SAMPLE);
    const id = 'src/a.ts#summarize:chat.completions.create';
    const annotation = { raw: '// llm-advisor: calls=7', line: 4, callsPerMonth: 7 };
    assert.equal(resolveVolume({ id, file: 'src/a.ts', enclosingFunction: 'summarize', annotation }, usage).source, 'annotation');
    assert.equal(resolveVolume({ id, file: 'src/a.ts', enclosingFunction: 'summarize' }, usage).callsPerMonth, 120000);
    const fn = resolveVolume({ id: 'other', file: 'src/support/x.ts', enclosingFunction: 'TicketService.route' }, usage);
    assert.equal(fn.callsPerMonth, 900);
    assert.match(fn.basis ?? '', /functions\["TicketService.route"\]/);
    assert.equal(resolveVolume({ id: 'other', file: 'src/support/x.ts', enclosingFunction: null }, usage).callsPerMonth, Math.round(2000 * 365 / 12));
    assert.equal(resolveVolume({ id: 'other', file: 'lib/x.ts', enclosingFunction: null }, usage).callsPerMonth, 5000);
    assert.deepEqual(resolveVolume({ id: 'x', file: 'lib/x.ts', enclosingFunction: null }, undefined, { defaultCallsPerMonth: 42 }).source, 'setting');
    const builtin = resolveVolume({ id: 'x', file: 'lib/x.ts', enclosingFunction: null }, undefined, {});
    assert.equal(builtin.callsPerMonth, BUILTIN_CALLS_PER_MONTH);
    assert.equal(builtin.source, 'default');
    assert.match(builtin.basis ?? '', /assumption/);
  });

  it('resolves task and hole sizes from the most specific entry', () => {
    const { usage } = parseUsageFile(SAMPLE);
    const settings = resolveUsageSettings({ id: 'src/a.ts#summarize:chat.completions.create', file: 'src/a.ts', enclosingFunction: 'summarize' }, usage);
    assert.equal(settings.task?.type, 'summarization');
    assert.deepEqual(settings.holeTokens, { 'rag-context': 3000 });
  });

  it('matches globs', () => {
    assert.ok(matchesGlob('src/support/deep/x.ts', 'src/support/**'));
    assert.ok(matchesGlob('src/a.worker.ts', '*.worker.ts'));
    assert.ok(matchesGlob('src/a.ts', 'src/*.{ts,js}'));
    assert.ok(!matchesGlob('lib/a.ts', 'src/**'));
    assert.ok(matchesGlob('a.ts', '**/a.ts'));
  });

  it('writes back a call site entry and keeps comments and formatting', () => {
    const out = updateUsageFile(SAMPLE, 'src/b.ts#f:chat.completions.create', { callsPerMonth: 300, holeTokens: { history: 900 } });
    assert.ok(out.startsWith('# volumes for the support desk\nversion: 1\n'));
    assert.ok(out.includes('callsPerMonth: 5000 # a guess'));
    const reparsed = parseUsageFile(out).usage;
    assert.equal(reparsed.callSites?.['src/b.ts#f:chat.completions.create'].callsPerMonth, 300);
    assert.deepEqual(reparsed.callSites?.['src/b.ts#f:chat.completions.create'].holeTokens, { history: 900 });

    const removed = updateUsageFile(SAMPLE, 'src/a.ts#summarize:chat.completions.create', { task: null, callsPerMonth: 1 });
    const entry = parseUsageFile(removed).usage.callSites?.['src/a.ts#summarize:chat.completions.create'];
    assert.equal(entry?.task, undefined);
    assert.equal(entry?.callsPerMonth, 1);

    assert.equal(updateUsageFile('', 'a#b:c', { callsPerMonth: 7 }), 'version: 1\ncallSites:\n  "a#b:c":\n    callsPerMonth: 7\n');
    assert.equal(updateUsageFile('version: 1\ncallSites:\n', 'a#b:c', { callsPerMonth: 7 }), 'version: 1\ncallSites:\n  "a#b:c":\n    callsPerMonth: 7\n');
    // Removing the last field removes the entry rather than leaving `{}` behind.
    assert.equal(updateUsageFile('version: 1\ncallSites:\n  "a#b:c":\n    callsPerMonth: 7\n', 'a#b:c', { callsPerMonth: null }), 'version: 1\ncallSites: {}\n');
    assert.throws(() => updateUsageFile('callSites: [\n', 'a', { callsPerMonth: 1 }), /cannot update/);
  });
});
