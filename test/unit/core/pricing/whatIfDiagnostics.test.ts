/**
 * A what-if re-pricing replaces the scan's pricing results, diagnostics included, and keeps what the
 * scan read from the workspace: a call that was "model unknown" and is priced by a model what-if no
 * longer says so anywhere (its fields, the summary, the diagnostics, the panel), a what-if that cannot
 * be priced says so once, and the empty what-if gives the scan's own result back. Real projects on disk.
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { loadCatalog } from '../../../../src/core/catalog/catalog';
import { applyWhatIf } from '../../../../src/core/pricing/whatIf';
import { scanWorkspace } from '../../../../src/scan/scan';
import { renderDetail, renderSummary } from '../../../../src/webview/render';
import type { ScanResult } from '../../../../src/model/types';
import { writeProject } from '../../fixtureProject';

const catalog = loadCatalog();
/** The bundled catalog without Groq's reference set and the ones for any provider: a Groq call with a dynamic model stays "model unknown". */
const noCatchAllSets = { ...catalog, assumedModels: catalog.assumedModels!.filter((row) => row.provider !== '*' && row.provider !== 'groq') };

/**
 * A Groq call whose model the code does not state, an OpenAI call with a model the catalog does not
 * know, a priced call under a mistyped llm-advisor comment, a file with a syntax error, and a usage
 * file entry that matches no call: diagnostics of both origins, with the usage file's after the pricing ones.
 */
const FILES = {
  'src/a.ts': `import OpenAI from 'openai';
import Groq from 'groq-sdk';
const openai = new OpenAI();
const groq = new Groq();
export async function dyn(m: string, q: string) {
  return groq.chat.completions.create({ model: m, messages: [{ role: 'user', content: q }] });
}
export async function future(q: string) {
  return openai.chat.completions.create({ model: 'gpt-9-imaginary', messages: [{ role: 'user', content: q }] });
}
export async function known(q: string) {
  // llm-advisor: modle=gpt-4o
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });
}
`,
  'src/broken.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function b(q: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
export const x = (;
`,
  'llm-usage.yml': 'version: 1\ncallSites:\n  "src/nope.ts#x:create": { callsPerMonth: 5 }\n',
};

const messagesAt = (result: ScanResult, file: string, line: number) => result.diagnostics.filter((d) => d.file === file && d.line === line).map((d) => d.message);
const workspaceReading = (result: ScanResult) => result.diagnostics.filter((d) => d.origin !== 'pricing');

describe('what-if pricing: diagnostics and pricing fields are the new pricing\'s', function () {
  let root: string;
  let scan: ScanResult;
  let unknown: ScanResult['callSites'][number];
  let notInCatalog: ScanResult['callSites'][number];
  before(async function () {
    this.timeout(120000);
    root = writeProject(FILES, 'whatif-diagnostics-');
    scan = await scanWorkspace(root, { catalog: noCatchAllSets });
    unknown = scan.callSites.find((site) => site.id === 'src/a.ts#dyn:chat.completions.create')!;
    notInCatalog = scan.callSites.find((site) => site.id === 'src/a.ts#future:chat.completions.create')!;
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the scan tags its pricing diagnostics and only those', function () {
    assert.equal(unknown.unpricedKind, 'model-unknown');
    assert.equal(notInCatalog.unpricedKind, 'model-not-in-catalog');
    const pricing = scan.diagnostics.filter((d) => d.origin === 'pricing');
    assert.ok(pricing.some((d) => d.line === unknown.line && d.message === unknown.unpricedReason), 'the unknown model\'s reason is a pricing diagnostic');
    const reading = workspaceReading(scan).map((d) => d.message);
    assert.ok(reading.some((m) => /^syntax error/.test(m)), reading.join('\n'));
    assert.ok(reading.some((m) => /^llm-advisor comment: unknown key "modle"/.test(m)), reading.join('\n'));
    assert.ok(reading.some((m) => /matches no call site/.test(m)), reading.join('\n'));
    assert.ok(!reading.some((m) => /model unknown|not in the catalog|not priced/.test(m)), 'no pricing message without its tag');
  });

  it('a model what-if on the unknown calls: no stale "model unknown" / "not in the catalog", kinds cleared, workspace reading kept', function () {
    const out = applyWhatIf(scan, { model: { [unknown.id]: 'gpt-4.1-mini', [notInCatalog.id]: 'gpt-4o-mini' } }, noCatchAllSets);
    for (const id of [unknown.id, notInCatalog.id]) {
      const site = out.callSites.find((c) => c.id === id)!;
      assert.ok(site.monthlyUsdCurrent! > 0, id);
      assert.equal(site.unpricedKind, undefined, id);
      assert.equal(site.unpricedReason, undefined, id);
      assert.equal(site.costNote, undefined, id);
      assert.equal(site.totalsNote, undefined, id);
      // The panel's detail shows a price, not the scan's "model unknown" / "not priced" reason. (The token
      // count's own derivation may still say it used a proxy tokenizer for the scan's unknown model: a
      // what-if keeps the scan's token estimate.)
      const detail = renderDetail(site);
      assert.ok(!detail.includes('class="unpriced"'), detail);
      const scanned = scan.callSites.find((c) => c.id === id)!;
      assert.ok(!detail.includes(scanned.unpricedReason!.slice(0, 40)), 'no stale reason in the detail');
    }
    assert.deepEqual(messagesAt(out, 'src/a.ts', unknown.line), []);
    assert.deepEqual(messagesAt(out, 'src/a.ts', notInCatalog.line), []);
    assert.ok(!out.diagnostics.some((d) => /model unknown|not in the catalog|some call sites are not priced/.test(d.message)), JSON.stringify(out.diagnostics, null, 1));
    assert.equal(out.summary.unpricedCallSites, 0);
    assert.equal(out.summary.unpricedByKind, undefined);
    assert.deepEqual(workspaceReading(out), workspaceReading(scan), 'what the scan read from files, comments and the usage file stays, in order');
    // The panel's summary counts the re-priced list, not the scan's.
    assert.match(renderSummary(out, false), new RegExp(` · ${out.diagnostics.length} diagnostic${out.diagnostics.length === 1 ? '' : 's'}<`));
    assert.ok(out.diagnostics.length < scan.diagnostics.length);
  });

  it('a model what-if that cannot be priced says so once, with the new model, and the old reason is gone', function () {
    const known = scan.callSites.find((site) => site.id === 'src/a.ts#known:chat.completions.create')!;
    assert.ok(known.monthlyUsdCurrent! > 0);
    const out = applyWhatIf(scan, { model: { [known.id]: 'no-such-model-x', [unknown.id]: 'gpt-4.1-mini' } }, noCatchAllSets);
    const site = out.callSites.find((c) => c.id === known.id)!;
    assert.equal(site.monthlyUsdCurrent, null);
    assert.equal(site.unpricedKind, 'model-not-in-catalog');
    const at = messagesAt(out, 'src/a.ts', known.line);
    assert.deepEqual(at, [site.unpricedReason], 'one diagnostic: the new reason');
    assert.match(at[0], /no-such-model-x/);
    assert.equal(out.diagnostics.filter((d) => d.message === site.unpricedReason).length, 1);
    assert.deepEqual(messagesAt(out, 'src/a.ts', unknown.line), []);
    assert.deepEqual(out.summary.unpricedByKind, { 'model-not-in-catalog': 2 });
  });

  it('what-if back to the scan\'s models: the scan\'s own result, diagnostics in the same order', function () {
    const stable = (r: ScanResult) => JSON.parse(JSON.stringify({ ...r, generatedAt: 0, summary: { ...r.summary, durationMs: 0 } }));
    const moved = applyWhatIf(scan, { model: { [unknown.id]: 'gpt-4.1-mini' } }, noCatchAllSets);
    assert.notDeepEqual(stable(moved), stable(scan));
    // The panel re-prices the scanned result each time; a what-if naming the scan's own model prices as the scan did.
    assert.deepEqual(stable(applyWhatIf(scan, {}, noCatchAllSets)), stable(scan));
    const sameModel = applyWhatIf(scan, { model: { [notInCatalog.id]: 'gpt-9-imaginary' } }, noCatchAllSets);
    assert.deepEqual(sameModel.diagnostics, scan.diagnostics);
    assert.deepEqual(sameModel.summary.unpricedByKind, scan.summary.unpricedByKind);
  });
});

/**
 * The app's helper making the request and two features calling it, each with its own prompt: each call is a site of its
 * own and the helper is priced through them. (A helper called from one place only is read through that call instead, at
 * its own request: it has no caller site to be priced through.)
 */
const HELPER_AND_CALLERS = {
  'src/model.ts': `import OpenAI from 'openai';
const client = new OpenAI();
/** The app's one request: every feature goes through it. */
export async function complete(prompt: string): Promise<string> {
  const response = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
  return response.choices[0].message.content ?? '';
}
`,
  'src/features.ts': `import { complete } from './model';
export const summarize = (article: string) => complete(\`Summarize this article in three sentences: \${article}\`);
export const translate = (text: string, language: string) => complete(\`Translate into \${language}: \${text}\`);
`,
};

describe('what-if pricing: the totals decision is made again', function () {
  it('a helper left out because its callers are priced comes back into the totals when a what-if leaves all of them unpriced', async function () {
    this.timeout(120000);
    const root = writeProject(HELPER_AND_CALLERS, 'whatif-totals-');
    try {
      const scan = await scanWorkspace(root, {});
      // summarize() and translate() call the helper complete(), which makes the request: complete() is priced through them.
      const callerIds = ['src/features.ts#summarize:complete', 'src/features.ts#translate:complete'];
      const helperId = 'src/model.ts#complete:chat.completions.create';
      for (const id of callerIds) assert.ok(scan.callSites.find((site) => site.id === id)!.monthlyUsdCurrent! > 0, id);
      const helper = scan.callSites.find((site) => site.id === helperId)!;
      assert.equal(helper.inTotals, false);
      assert.match(helper.totalsNote ?? '', /priced through its 2 callers/);
      // One caller left unpriced: the helper is still priced through the other one.
      const one = applyWhatIf(scan, { model: { [callerIds[0]]: 'no-such-model-x' } });
      assert.equal(one.callSites.find((site) => site.id === callerIds[0])!.monthlyUsdCurrent, null);
      const afterOne = one.callSites.find((site) => site.id === helperId)!;
      assert.equal(afterOne.inTotals, false, 'still priced through the other caller');
      assert.match(afterOne.totalsNote ?? '', /priced through its 1 caller /);
      // Both left unpriced: nothing prices the helper's requests any more, so it is counted itself.
      const out = applyWhatIf(scan, { model: { [callerIds[0]]: 'no-such-model-x', [callerIds[1]]: 'no-such-model-x' } });
      for (const id of callerIds) assert.equal(out.callSites.find((site) => site.id === id)!.monthlyUsdCurrent, null, id);
      const after = out.callSites.find((site) => site.id === helperId)!;
      assert.equal(after.inTotals, undefined, 'counted again');
      assert.equal(after.totalsNote, undefined, 'no stale "priced through its callers" note');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
